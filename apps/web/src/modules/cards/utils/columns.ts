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

/** A custom field's column is keyed `field:<id>` (in the column state and in saved views alike). */
const CUSTOM_PREFIX = 'field:';

export function customColumnKey(fieldId: string): string {
  return `${CUSTOM_PREFIX}${fieldId}`;
}

/** The field id of a custom field column, or null for a built-in one. */
export function customFieldIdOf(key: string): string | null {
  return key.startsWith(CUSTOM_PREFIX) && key.length > CUSTOM_PREFIX.length ? key.slice(CUSTOM_PREFIX.length) : null;
}

/**
 * The movable columns as saved in a view: known keys and custom field keys only, no duplicates, the
 * fixed one left out. Custom field ids are kept as they are: the fields load separately, and one that
 * was archived since is simply not drawn.
 */
export function normaliseColumns(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  return keys.filter((key) => {
    const column = byKey.get(key);
    const known = column ? !column.fixed : customFieldIdOf(key) !== null;
    if (!known || seen.has(key)) return false;
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
