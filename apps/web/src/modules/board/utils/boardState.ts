import type { BoardCardFragment, BoardQuery } from '../../../graphql/generated/graphql';

export type BoardColumnData = BoardQuery['board'][number];
export type ColumnStatus = BoardColumnData['status'];

export interface ColumnMeta {
  status: ColumnStatus;
  count: number;
  sums: { currency: string; amount: number }[];
  endCursor: string | null;
  hasMore: boolean;
}

/**
 * The board as dnd-kit's MultipleContainers story keeps it: the ordered card ids of each column
 * (`items`), next to the cards themselves and each column's header data.
 */
export interface BoardState {
  order: string[];
  columns: Record<string, ColumnMeta>;
  items: Record<string, string[]>;
  cards: Record<string, BoardCardFragment>;
}

export type Items = Record<string, string[]>;

export const emptyBoard: BoardState = { order: [], columns: {}, items: {}, cards: {} };

export function boardFromQuery(columns: readonly BoardColumnData[]): BoardState {
  const state: BoardState = { order: [], columns: {}, items: {}, cards: {} };
  for (const column of columns) {
    const id = column.status.id;
    state.order.push(id);
    state.columns[id] = {
      status: column.status,
      count: column.count,
      sums: column.sums,
      endCursor: column.endCursor ?? null,
      hasMore: column.hasMore,
    };
    state.items[id] = column.cards.map((card) => card.id);
    for (const card of column.cards) state.cards[card.id] = card;
  }
  return state;
}

/** The column that holds a card id (or the id itself when it names a column). */
export function findContainer(items: Items, id: string): string | undefined {
  if (id in items) return id;
  return Object.keys(items).find((key) => items[key].includes(id));
}

/** Appends the next page of a column; cards already on the board (moved in meanwhile) are skipped. */
export function appendPage(
  state: BoardState,
  statusId: string,
  page: { cards: BoardCardFragment[]; endCursor?: string | null; hasMore: boolean },
): BoardState {
  const column = state.columns[statusId];
  if (!column) return state;
  const present = new Set(Object.values(state.items).flat());
  const fresh = page.cards.filter((card) => !present.has(card.id));
  const cards = { ...state.cards };
  for (const card of fresh) cards[card.id] = card;
  return {
    ...state,
    cards,
    items: { ...state.items, [statusId]: [...state.items[statusId], ...fresh.map((card) => card.id)] },
    columns: { ...state.columns, [statusId]: { ...column, endCursor: page.endCursor ?? null, hasMore: page.hasMore } },
  };
}

/** Where a card with this position key belongs among a column's loaded cards (keys sort as plain strings). */
export function insertionIndex(ids: readonly string[], cards: Record<string, BoardCardFragment>, position: string): number {
  const index = ids.findIndex((id) => {
    const other = cards[id];
    return other !== undefined && other.position > position;
  });
  return index === -1 ? ids.length : index;
}

function adjustSums(sums: ColumnMeta['sums'], card: BoardCardFragment, sign: 1 | -1): ColumnMeta['sums'] {
  if (card.value == null) return sums;
  const value = card.value;
  const existing = sums.find((sum) => sum.currency === card.currency);
  if (!existing) return sign > 0 ? [...sums, { currency: card.currency, amount: value }] : sums;
  return sums.map((sum) => (sum.currency === card.currency ? { ...sum, amount: sum.amount + sign * value } : sum));
}

/** Moves the header totals of one card from one column to another (the optimistic part of a move). */
export function shiftTotals(state: BoardState, card: BoardCardFragment, from: string, to: string): BoardState['columns'] {
  if (from === to) return state.columns;
  const columns = { ...state.columns };
  if (columns[from]) {
    columns[from] = { ...columns[from], count: Math.max(0, columns[from].count - 1), sums: adjustSums(columns[from].sums, card, -1) };
  }
  if (columns[to]) {
    columns[to] = { ...columns[to], count: columns[to].count + 1, sums: adjustSums(columns[to].sums, card, 1) };
  }
  return columns;
}

/**
 * Merges other people's changes: each changed card leaves the column it was in and is placed in its
 * (new) column by position. A card past the loaded part of a column that has more pages is left for
 * that page. Removed cards disappear. The headers come along with the changes (`applyColumnTotals`).
 */
export function mergeChanges(
  state: BoardState,
  changed: readonly BoardCardFragment[],
  removedIds: readonly string[],
  skip: ReadonlySet<string> = new Set(),
): BoardState {
  const items: Items = {};
  const gone = new Set(removedIds);
  const cards = { ...state.cards };
  const incoming = changed.filter((card) => !skip.has(card.id));
  for (const card of incoming) gone.add(card.id);
  for (const key of state.order) items[key] = (state.items[key] ?? []).filter((id) => !gone.has(id));
  for (const id of removedIds) if (!skip.has(id)) delete cards[id];
  for (const card of incoming) {
    const column = state.columns[card.statusId];
    if (!column) {
      delete cards[card.id];
      continue;
    }
    const ids = items[card.statusId];
    const index = insertionIndex(ids, cards, card.position);
    if (index === ids.length && column.hasMore) {
      delete cards[card.id];
      continue;
    }
    cards[card.id] = card;
    items[card.statusId] = [...ids.slice(0, index), card.id, ...ids.slice(index)];
  }
  // Keep ids whose removal we skipped (our own pending moves).
  for (const key of state.order) {
    for (const id of state.items[key] ?? []) {
      if (skip.has(id) && !items[key].includes(id)) items[key] = [...items[key], id];
    }
  }
  return { ...state, items, cards };
}

/**
 * Sets the column headers to the counts and sums the server sent with a changes poll. Columns the
 * board does not show are ignored; columns the server did not mention keep their headers.
 */
export function applyColumnTotals(
  state: BoardState,
  totals: readonly { statusId: string; count: number; sums: ColumnMeta['sums'] }[],
): BoardState {
  if (totals.length === 0) return state;
  const columns = { ...state.columns };
  for (const total of totals) {
    const meta = columns[total.statusId];
    if (meta) columns[total.statusId] = { ...meta, count: total.count, sums: total.sums };
  }
  return { ...state, columns };
}

export interface MoveTarget {
  statusId: string;
  afterCardId?: string;
  beforeCardId?: string;
}

/**
 * What to tell the API after a drop: the card directly above (afterCardId), or when dropped at the
 * top, the card directly below (beforeCardId); neither for an empty column.
 */
export function moveTarget(items: Items, cardId: string): MoveTarget | undefined {
  const statusId = findContainer(items, cardId);
  if (!statusId) return undefined;
  const ids = items[statusId];
  const index = ids.indexOf(cardId);
  if (index > 0) return { statusId, afterCardId: ids[index - 1] };
  if (ids.length > 1) return { statusId, beforeCardId: ids[1] };
  return { statusId };
}

/** Moves a card id to `index` of column `to` (removing it from wherever it was). */
export function moveItem(items: Items, cardId: string, to: string, index: number): Items {
  const from = findContainer(items, cardId);
  const next: Items = { ...items };
  if (from) next[from] = next[from].filter((id) => id !== cardId);
  const target = [...(next[to] ?? [])];
  const clamped = Math.max(0, Math.min(index, target.length));
  target.splice(clamped, 0, cardId);
  next[to] = target;
  return next;
}
