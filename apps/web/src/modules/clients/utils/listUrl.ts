import type { ClientSortField, ClientSortInput, ClientType } from '../../../graphql/generated/graphql';
import { readPage, type UrlCodec } from '../../../ui/urlState';

/** The Clients list as the URL keeps it. */
export interface ClientListState {
  text: string;
  type: ClientType | '';
  categoryIds: string[];
  tagIds: string[];
  sort: ClientSortInput;
  /** 1-based. */
  page: number;
}

const SORT_FIELDS: readonly ClientSortField[] = ['NAME', 'CREATED_AT', 'UPDATED_AT'];
export const DEFAULT_CLIENT_SORT: ClientSortInput = { field: 'NAME', direction: 'ASC' };

function readSort(raw: string | null): ClientSortInput {
  const [field, direction] = (raw ?? '').split('.');
  if (!SORT_FIELDS.includes(field as ClientSortField) || (direction !== 'ASC' && direction !== 'DESC')) return DEFAULT_CLIENT_SORT;
  return { field: field as ClientSortField, direction };
}

export const clientListCodec: UrlCodec<ClientListState> = {
  keys: ['q', 'type', 'category', 'tag', 'sort', 'page'],
  read(params) {
    const type = params.get('type');
    return {
      text: params.get('q') ?? '',
      type: type === 'COMPANY' || type === 'PERSON' ? type : '',
      categoryIds: (params.get('category') ?? '').split(',').filter(Boolean),
      tagIds: (params.get('tag') ?? '').split(',').filter(Boolean),
      sort: readSort(params.get('sort')),
      page: readPage(params),
    };
  },
  write(state) {
    const sort = `${state.sort.field}.${state.sort.direction ?? 'ASC'}`;
    return {
      q: state.text.trim() || undefined,
      type: state.type || undefined,
      category: state.categoryIds.join(',') || undefined,
      tag: state.tagIds.join(',') || undefined,
      sort: sort === 'NAME.ASC' ? undefined : sort,
      page: state.page > 1 ? String(state.page) : undefined,
    };
  },
};
