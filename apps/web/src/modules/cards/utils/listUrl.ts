import type { CardFilterInput, CardSortField, CardSortInput, SortDirection, ViewFieldsFragment } from '../../../graphql/generated/graphql';
import { readJson, readPage, type UrlCodec } from '../../../ui/urlState';
import { DEFAULT_COLUMNS, normaliseColumns } from './columns';
import { compactFilter } from './filter';

/** Everything that decides which cards the list shows and how: all of it lives in the URL. */
export interface CardListState {
  /** The saved view the list was opened from (?view=id). */
  viewId: string | null;
  /** The filter without its free text. */
  filter: CardFilterInput;
  text: string;
  sort: CardSortInput | null;
  columns: string[];
  /** 1-based. */
  page: number;
}

const SORT_FIELDS: readonly CardSortField[] = ['CLIENT_NAME', 'CREATED_AT', 'CUSTOM_FIELD', 'NEXT_TODO', 'OWNER', 'STATUS', 'UPDATED_AT', 'VALUE'];

/** `VALUE.DESC`, or `CUSTOM_FIELD.ASC.<field id>`. */
function readSort(raw: string | null): CardSortInput | null {
  if (!raw) return null;
  const [field, direction, customFieldId] = raw.split('.');
  if (!SORT_FIELDS.includes(field as CardSortField) || (direction !== 'ASC' && direction !== 'DESC')) return null;
  if (field === 'CUSTOM_FIELD' && !customFieldId) return null;
  return { field: field as CardSortField, direction: direction as SortDirection, ...(customFieldId ? { customFieldId } : {}) };
}

function writeSort(sort: CardSortInput | null): string | undefined {
  if (!sort) return undefined;
  return [sort.field, sort.direction ?? 'ASC', ...(sort.customFieldId ? [sort.customFieldId] : [])].join('.');
}

const sameColumns = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((key, i) => key === b[i]);

export const cardListCodec: UrlCodec<CardListState> = {
  keys: ['view', 'filter', 'q', 'sort', 'cols', 'page'],
  read(params) {
    const { text: _text, ...filter } = compactFilter(readJson<CardFilterInput>(params, 'filter', {}));
    const cols = params.get('cols');
    return {
      viewId: params.get('view'),
      filter,
      text: params.get('q') ?? '',
      sort: readSort(params.get('sort')),
      columns: cols === null ? DEFAULT_COLUMNS : normaliseColumns(cols.split(',').filter(Boolean)),
      page: readPage(params),
    };
  },
  write(state) {
    const filter = compactFilter(state.filter);
    return {
      view: state.viewId ?? undefined,
      filter: Object.keys(filter).length > 0 ? JSON.stringify(filter) : undefined,
      q: state.text.trim() || undefined,
      sort: writeSort(state.sort),
      // Within a view the columns are always written: they mark the view's state as loaded (below).
      cols: state.viewId || !sameColumns(state.columns, DEFAULT_COLUMNS) ? state.columns.join(',') : undefined,
      page: state.page > 1 ? String(state.page) : undefined,
    };
  },
};

/**
 * Whether the URL holds a list state of its own. A link to a view (?view=id and nothing else) does
 * not: the view's filter, sort and columns are then loaded into the URL.
 */
export function hasListState(params: URLSearchParams): boolean {
  return cardListCodec.keys.some((key) => key !== 'view' && params.has(key));
}

/** The list state a saved view stands for, on its first page. */
export function viewListState(view: ViewFieldsFragment): CardListState {
  const { text, ...filter } = compactFilter(view.filter);
  return {
    viewId: view.id,
    filter,
    text: text ?? '',
    sort: view.sort
      ? { field: view.sort.field, direction: view.sort.direction, ...(view.sort.customFieldId ? { customFieldId: view.sort.customFieldId } : {}) }
      : null,
    columns: view.columns.length > 0 ? normaliseColumns(view.columns) : DEFAULT_COLUMNS,
    page: 1,
  };
}
