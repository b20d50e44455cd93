import { compactFilter, dayToInstant, instantToDay, toggleSort } from './filter';
import { normaliseColumns, shiftColumn } from './columns';

describe('list filter helpers', () => {
  it('drops empty values', () => {
    expect(compactFilter({ statusIds: [], text: '', ownerIds: ['u1'], unowned: false, tagIds: null })).toEqual({
      ownerIds: ['u1'],
    });
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
  it('keeps known movable columns once and moves them', () => {
    expect(normaliseColumns(['client', 'owner', 'nope', 'owner', 'value'])).toEqual(['owner', 'value']);
    expect(shiftColumn(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(shiftColumn(['a', 'b'], 'a', -1)).toEqual(['a', 'b']);
  });
});
