import type { CustomFieldKind } from '../../../graphql/generated/graphql';

/** Every kind, in the order an admin picks from (most common first). */
export const FIELD_KINDS: readonly CustomFieldKind[] = [
  'TEXT',
  'LONG_TEXT',
  'NUMBER',
  'MONEY',
  'DATE',
  'SELECT',
  'MULTI_SELECT',
  'BOOLEAN',
  'USER',
];

/** Kinds whose values come from a list of choices. */
export function hasChoices(kind: CustomFieldKind): boolean {
  return kind === 'SELECT' || kind === 'MULTI_SELECT';
}

export type ChoicesProblem = 'empty' | 'duplicate';

/**
 * The choices to send: trimmed, blanks dropped. A problem is reported when none are left or two are
 * the same apart from case (the card's select could not tell them apart).
 */
export function cleanChoices(choices: readonly string[]): { choices: string[]; problem?: ChoicesProblem } {
  const cleaned = choices.map((choice) => choice.trim()).filter(Boolean);
  if (cleaned.length === 0) return { choices: cleaned, problem: 'empty' };
  const seen = new Set<string>();
  for (const choice of cleaned) {
    const key = choice.toLocaleLowerCase();
    if (seen.has(key)) return { choices: cleaned, problem: 'duplicate' };
    seen.add(key);
  }
  return { choices: cleaned };
}

/** Whether `choice` is already in the list (ignoring case and surrounding spaces). */
export function includesChoice(choices: readonly string[], choice: string): boolean {
  const key = choice.trim().toLocaleLowerCase();
  return choices.some((existing) => existing.trim().toLocaleLowerCase() === key);
}

/** Swaps the item at `index` with its neighbour `delta` away (no-op at the ends). */
export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}
