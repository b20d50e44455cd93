import type { CardSortField } from '../../../graphql/generated/graphql';

export interface CardColumn {
  key: string;
  /** The server-side sort this column's header toggles. */
  sort?: CardSortField;
  /** Always shown, always first. */
  fixed?: boolean;
  numeric?: boolean;
}

export const CARD_COLUMNS: readonly CardColumn[] = [
  { key: 'client', sort: 'CLIENT_NAME', fixed: true },
  { key: 'status', sort: 'STATUS' },
  { key: 'owner', sort: 'OWNER' },
  { key: 'value', sort: 'VALUE', numeric: true },
  { key: 'nextTodo', sort: 'NEXT_TODO' },
  { key: 'email' },
  { key: 'phone' },
  { key: 'department' },
  { key: 'classification' },
  { key: 'categories' },
  { key: 'tags' },
  { key: 'createdAt', sort: 'CREATED_AT' },
  { key: 'updatedAt', sort: 'UPDATED_AT' },
];

export const DEFAULT_COLUMNS = ['status', 'owner', 'value', 'nextTodo', 'tags', 'createdAt'];

const byKey = new Map(CARD_COLUMNS.map((column) => [column.key, column]));

export function columnByKey(key: string): CardColumn | undefined {
  return byKey.get(key);
}

/** The movable columns as saved in a view: known keys only, no duplicates, the fixed one left out. */
export function normaliseColumns(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  return keys.filter((key) => {
    const column = byKey.get(key);
    if (!column || column.fixed || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Moves a visible column one place up (-1) or down (+1). */
export function shiftColumn(keys: readonly string[], key: string, delta: -1 | 1): string[] {
  const index = keys.indexOf(key);
  const target = index + delta;
  if (index < 0 || target < 0 || target >= keys.length) return [...keys];
  const next = [...keys];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}
