import type { CardFilterInput, CardSortInput, CustomFieldFilterInput, SortDirection, CardSortField } from '../../../graphql/generated/graphql';

/** Drops empty values so that the variables sent (and saved in views) hold only what is set. */
export function compactFilter(filter: CardFilterInput): CardFilterInput {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === '__typename' || value === null || value === undefined || value === '' || value === false) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    // A view's filter comes back with __typename on each custom condition; the input type has none.
    result[key] = key === 'custom' ? (value as CustomFieldFilterInput[]).map(({ fieldId, value: v }) => ({ fieldId, value: v })) : value;
  }
  return result as CardFilterInput;
}

/** The value a custom field is filtered by, or undefined. */
export function customFilterValue(filter: CardFilterInput, fieldId: string): unknown {
  return filter.custom?.find((condition) => condition.fieldId === fieldId)?.value;
}

/** Sets (or with undefined, removes) the condition on one custom field, keeping the others. */
export function withCustomFilter(filter: CardFilterInput, fieldId: string, value: unknown): CardFilterInput {
  const { custom: current, ...rest } = filter;
  const others = (current ?? []).filter((condition) => condition.fieldId !== fieldId);
  const custom = value === undefined ? others : [...others, { fieldId, value }];
  return custom.length > 0 ? { ...rest, custom } : rest;
}

/** The first id of a list filter, as the single-choice select shows it. */
export function firstOf(ids: readonly string[] | null | undefined): string {
  return ids?.[0] ?? '';
}

/** A list filter's value: the ids, or undefined when none is chosen (so the filter is left out). */
export function idsOrUndefined(ids: readonly string[]): string[] | undefined {
  return ids.length > 0 ? [...ids] : undefined;
}

/** The owner choice stands for "no owner" among the users. */
export const UNOWNED = '__unowned';

/** What the owner multi-select shows as chosen: "no owner" (when set) and the owners. */
export function ownerSelection(filter: CardFilterInput): string[] {
  return [...(filter.unowned ? [UNOWNED] : []), ...(filter.ownerIds ?? [])];
}

/** The owner part of the filter for a multi-select choice: "no owner" and owners combine (either). */
export function withOwnerSelection(filter: CardFilterInput, ids: readonly string[]): CardFilterInput {
  const { ownerIds: _ownerIds, unowned: _unowned, ...rest } = filter;
  const ownerIds = ids.filter((id) => id !== UNOWNED);
  return { ...rest, ...(ownerIds.length > 0 ? { ownerIds } : {}), ...(ids.includes(UNOWNED) ? { unowned: true } : {}) };
}

/** A date input's day (YYYY-MM-DD) as the local midnight instant; `nextDay` for exclusive ends. */
export function dayToInstant(day: string, nextDay = false): string | undefined {
  if (!day) return undefined;
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date + (nextDay ? 1 : 0)).toISOString();
}

/** The date input value for an instant (inverse of dayToInstant). */
export function instantToDay(instant: string | null | undefined, previousDay = false): string {
  if (!instant) return '';
  const date = new Date(instant);
  if (previousDay) date.setDate(date.getDate() - 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Header click: a new column sorts ascending; the same column flips direction. */
export function toggleSort(current: CardSortInput | null, field: CardSortField, customFieldId?: string): CardSortInput {
  const target = customFieldId ? { field, customFieldId } : { field };
  if (current?.field !== field || (current.customFieldId ?? undefined) !== customFieldId) return { ...target, direction: 'ASC' };
  const direction: SortDirection = current.direction === 'ASC' ? 'DESC' : 'ASC';
  return { ...target, direction };
}
