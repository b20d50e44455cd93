import { writeParams } from '../../../ui/urlState';
import { clientListCodec } from '../../clients/utils/listUrl';
import { DEFAULT_COLUMNS } from './columns';
import { cardListCodec, hasListState, viewListState } from './listUrl';

describe('the card list in the URL', () => {
  it('writes filter, text, sort, columns and page, and reads back the same state', () => {
    const state = {
      viewId: null,
      filter: { statusIds: ['s1', 's2'], custom: [{ fieldId: 'f1', value: 'Gold' }] },
      text: 'kovács',
      sort: { field: 'CUSTOM_FIELD' as const, direction: 'DESC' as const, customFieldId: 'f1' },
      columns: ['owner', 'field:f1'],
      page: 2,
    };
    const params = writeParams(cardListCodec, new URLSearchParams('other=kept'), state);
    expect(params.get('other')).toBe('kept');
    expect(params.get('page')).toBe('2');
    expect(params.get('sort')).toBe('CUSTOM_FIELD.DESC.f1');
    expect(cardListCodec.read(new URLSearchParams(params.toString()))).toEqual(state);
  });

  it('leaves defaults out of the URL and falls back to them for anything malformed', () => {
    const params = writeParams(cardListCodec, new URLSearchParams(), { viewId: null, filter: {}, text: ' ', sort: null, columns: DEFAULT_COLUMNS, page: 1 });
    expect(params.toString()).toBe('');
    expect(cardListCodec.read(new URLSearchParams('filter=%7Bbroken&sort=NOPE.UP&page=-3&cols=owner,bogus'))).toEqual({
      viewId: null,
      filter: {},
      text: '',
      sort: null,
      columns: ['owner'],
      page: 1,
    });
  });

  it('loads a view into the URL once: a link with only ?view= has no list state of its own', () => {
    expect(hasListState(new URLSearchParams('view=v1'))).toBe(false);
    const view = {
      __typename: 'View' as const,
      id: 'v1',
      kind: 'CARDS' as const,
      name: 'Hot',
      pipelineId: 'p1',
      shared: false,
      editable: true,
      ownerId: 'u1',
      columns: ['client', 'owner'],
      sort: null,
      filter: { __typename: 'CardFilter' as const, statusIds: ['s2'], text: 'kft', categoryIds: null, classificationIds: null, createdFrom: null, createdTo: null, custom: null, departmentIds: null, outcomes: null, ownerIds: null, tagIds: null, todoAssigneeId: null, unowned: null },
    };
    const loaded = writeParams(cardListCodec, new URLSearchParams('view=v1'), viewListState(view));
    // Even a view with default columns writes them, so the loaded state is not loaded again over the user's changes.
    expect(hasListState(loaded)).toBe(true);
    expect(cardListCodec.read(loaded)).toMatchObject({ viewId: 'v1', filter: { statusIds: ['s2'] }, text: 'kft', columns: ['owner'], page: 1 });
  });
});

describe('the clients list in the URL', () => {
  it('keeps search, type, categories, tags, sort and page', () => {
    const state = { text: 'bt', type: 'PERSON' as const, categoryIds: ['c1', 'c2'], tagIds: ['t1'], sort: { field: 'CREATED_AT' as const, direction: 'DESC' as const }, page: 3 };
    const params = writeParams(clientListCodec, new URLSearchParams(), state);
    expect(params.toString()).toBe('q=bt&type=PERSON&category=c1%2Cc2&tag=t1&sort=CREATED_AT.DESC&page=3');
    expect(clientListCodec.read(params)).toEqual(state);
    expect(clientListCodec.read(new URLSearchParams('type=ALIEN&sort=x'))).toMatchObject({ type: '', sort: { field: 'NAME', direction: 'ASC' } });
  });
});
