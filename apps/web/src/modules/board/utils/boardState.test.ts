import type { BoardCardFragment } from '../../../graphql/generated/graphql';
import { appendPage, applyColumnTotals, boardFromQuery, mergeChanges, moveItem, moveTarget, shiftTotals } from './boardState';

const card = (id: string, statusId: string, position: string, value: number | null = 100): BoardCardFragment => ({
  id,
  pipelineId: 'p1',
  statusId,
  position,
  value,
  currency: 'EUR',
  updatedAt: '2026-01-01T00:00:00.000Z',
  client: { id: `cl-${id}`, name: `Client ${id}`, type: 'COMPANY' },
  owner: null,
  nextTodo: null,
});

const column = (id: string, cards: BoardCardFragment[], hasMore = false) => ({
  __typename: 'BoardColumn' as const,
  status: { __typename: 'Status' as const, id, name: id.toUpperCase(), kind: 'OPEN' as const, color: '#000' },
  count: cards.length + (hasMore ? 10 : 0),
  sums: [{ __typename: 'MoneySum' as const, currency: 'EUR', amount: cards.length * 100 }],
  cards,
  endCursor: hasMore ? 'cursor' : null,
  hasMore,
});

const board = () =>
  boardFromQuery([
    column('a', [card('1', 'a', 'a0'), card('2', 'a', 'a1'), card('3', 'a', 'a2')]),
    column('b', [card('4', 'b', 'a0')], true),
  ]);

describe('moveTarget', () => {
  it('names the card above when there is one', () => {
    expect(moveTarget({ a: ['1', '2', '3'] }, '3')).toEqual({ statusId: 'a', afterCardId: '2' });
  });
  it('names the card below when dropped at the top', () => {
    expect(moveTarget({ a: ['2', '1'] }, '2')).toEqual({ statusId: 'a', beforeCardId: '1' });
  });
  it('names neither in an empty column', () => {
    expect(moveTarget({ a: [], b: ['1'] }, '1')).toEqual({ statusId: 'b' });
  });
});

describe('moveItem', () => {
  it('moves an id across columns at an index', () => {
    expect(moveItem({ a: ['1', '2'], b: ['3'] }, '1', 'b', 1)).toEqual({ a: ['2'], b: ['3', '1'] });
  });
});

describe('shiftTotals', () => {
  it('moves count and value from one column to the other', () => {
    const state = board();
    const columns = shiftTotals(state, state.cards['1'], 'a', 'b');
    expect(columns.a.count).toBe(2);
    expect(columns.a.sums[0].amount).toBe(200);
    expect(columns.b.count).toBe(12);
    expect(columns.b.sums[0].amount).toBe(200);
  });
});

describe('mergeChanges', () => {
  it('moves a changed card into its new column by position', () => {
    const next = mergeChanges(board(), [card('2', 'b', '0z')], []);
    expect(next.items).toEqual({ a: ['1', '3'], b: ['2', '4'] });
  });
  it('reorders within a column and drops removed cards', () => {
    const next = mergeChanges(board(), [card('1', 'a', 'a3')], ['3']);
    expect(next.items.a).toEqual(['2', '1']);
    expect(next.cards['3']).toBeUndefined();
  });
  it('leaves a card past the loaded part of a column with more pages for that page', () => {
    const next = mergeChanges(board(), [card('9', 'b', 'z9')], []);
    expect(next.items.b).toEqual(['4']);
    expect(next.cards['9']).toBeUndefined();
  });
  it('ignores changes to cards whose own move is still being saved', () => {
    const next = mergeChanges(board(), [card('1', 'b', '0')], [], new Set(['1']));
    expect(next.items.a).toEqual(['1', '2', '3']);
  });
});

describe('appendPage', () => {
  it('adds the next page and skips cards already shown', () => {
    const next = appendPage(board(), 'b', { cards: [card('1', 'b', 'b0'), card('5', 'b', 'b1')], endCursor: null, hasMore: false });
    expect(next.items.b).toEqual(['4', '5']);
    expect(next.columns.b.hasMore).toBe(false);
  });
});

describe('applyColumnTotals', () => {
  it('sets the headers the server sent and leaves unknown and unmentioned columns alone', () => {
    const next = applyColumnTotals(board(), [
      { statusId: 'b', count: 7, sums: [{ currency: 'HUF', amount: 5000 }] },
      { statusId: 'gone', count: 3, sums: [] },
    ]);
    expect(next.columns.b.count).toBe(7);
    expect(next.columns.b.sums).toEqual([{ currency: 'HUF', amount: 5000 }]);
    expect(next.columns.a.count).toBe(3);
    expect(next.columns.gone).toBeUndefined();
  });
});
