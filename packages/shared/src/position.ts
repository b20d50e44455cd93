import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Order keys for cards in a column: strings that sort in byte order (COLLATE "C"), so placing a
 * card between two others writes one row. `null` means the start or end of the column.
 */
export function positionBetween(before: string | null, after: string | null): string {
  return generateKeyBetween(before, after);
}

/** `n` evenly spread keys between two neighbours (for seeding or appending many cards). */
export function positionsBetween(before: string | null, after: string | null, n: number): string[] {
  return generateNKeysBetween(before, after, n);
}
