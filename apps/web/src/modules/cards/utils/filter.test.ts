import {
  compactFilter,
  dayToInstant,
  idsOrUndefined,
  instantToDay,
  ownerSelection,
  toggleSort,
  UNOWNED,
  withCustomFilter,
  withOwnerSelection,
} from './filter';
import { normaliseColumns, shiftColumn } from './columns';

describe('list filter helpers', () => {
  it('drops empty values', () => {
    expect(compactFilter({ statusIds: [], text: '', ownerIds: ['u1'], unowned: false, tagIds: null })).toEqual({
      ownerIds: ['u1'],
    });
  });
  it('keeps several ids of a list filter and leaves an empty one out', () => {
    expect(idsOrUndefined(['s1', 's2'])).toEqual(['s1', 's2']);
    expect(idsOrUndefined([])).toBeUndefined();
    expect(compactFilter({ statusIds: idsOrUndefined(['s1', 's2']), tagIds: idsOrUndefined([]) })).toEqual({ statusIds: ['s1', 's2'] });
  });
  it('combines "no owner" with several owners and reads them back', () => {
    const filter = withOwnerSelection({ statusIds: ['s1'] }, [UNOWNED, 'u1', 'u2']);
    expect(filter).toEqual({ statusIds: ['s1'], ownerIds: ['u1', 'u2'], unowned: true });
    expect(ownerSelection(filter)).toEqual([UNOWNED, 'u1', 'u2']);
    expect(withOwnerSelection(filter, ['u2'])).toEqual({ statusIds: ['s1'], ownerIds: ['u2'] });
    expect(withOwnerSelection(filter, [])).toEqual({ statusIds: ['s1'] });
  });
  it('turns a day into local midnight and back', () => {
    const from = dayToInstant('2026-03-10')!;
    expect(instantToDay(from)).toBe('2026-03-10');
    const to = dayToInstant('2026-03-10', true)!;
    expect(instantToDay(to, true)).toBe('2026-03-10');
  });
  it('toggles sort direction on the same column and starts ascending on another', () => {
    expect(toggleSort(null, 'VALUE')).toEqual({ field: 'VALUE', direction: 'ASC' });
    expect(toggleSort({ field: 'VALUE', direction: 'ASC' }, 'VALUE')).toEqual({ field: 'VALUE', direction: 'DESC' });
    expect(toggleSort({ field: 'VALUE', direction: 'DESC' }, 'OWNER')).toEqual({ field: 'OWNER', direction: 'ASC' });
  });
  it('tells custom field sorts apart by field id', () => {
    const budget = toggleSort(null, 'CUSTOM_FIELD', 'f1');
    expect(budget).toEqual({ field: 'CUSTOM_FIELD', customFieldId: 'f1', direction: 'ASC' });
    expect(toggleSort(budget, 'CUSTOM_FIELD', 'f1')).toEqual({ field: 'CUSTOM_FIELD', customFieldId: 'f1', direction: 'DESC' });
    expect(toggleSort(budget, 'CUSTOM_FIELD', 'f2')).toEqual({ field: 'CUSTOM_FIELD', customFieldId: 'f2', direction: 'ASC' });
    expect(toggleSort(budget, 'VALUE')).toEqual({ field: 'VALUE', direction: 'ASC' });
  });
  it('sets and clears one custom field condition, and strips a saved view’s typenames', () => {
    const filter = withCustomFilter(withCustomFilter({}, 'f1', 'Gold'), 'f2', true);
    expect(filter).toEqual({ custom: [{ fieldId: 'f1', value: 'Gold' }, { fieldId: 'f2', value: true }] });
    expect(withCustomFilter(withCustomFilter(filter, 'f1', undefined), 'f2', undefined)).toEqual({});
    const saved = { custom: [{ __typename: 'CustomFieldFilter', fieldId: 'f1', value: ['A'] }] };
    expect(compactFilter(saved as never)).toEqual({ custom: [{ fieldId: 'f1', value: ['A'] }] });
  });
  it('keeps known movable columns once and moves them', () => {
    expect(normaliseColumns(['client', 'owner', 'nope', 'owner', 'value'])).toEqual(['owner', 'value']);
    expect(normaliseColumns(['field:f1', 'owner', 'field:', 'field:f1'])).toEqual(['field:f1', 'owner']);
    expect(shiftColumn(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(shiftColumn(['a', 'b'], 'a', -1)).toEqual(['a', 'b']);
  });
});
