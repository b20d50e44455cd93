import { moveItem } from './editorState';

export const PLACEHOLDER = 'step-placeholder';
export const SEQUENCE_END = 'sequence-end';
export const SEQUENCE = 'sequence';
export const PALETTE_PREFIX = 'palette:';

export const isPaletteId = (id: unknown) => String(id).startsWith(PALETTE_PREFIX);

export type KeyboardDirection = 'up' | 'down' | 'left' | 'right';

export interface KeyboardMove {
  order: string[];
  /** The droppable whose place the dragged item now takes (for the overlay's coordinates). */
  target: string | null;
}

/**
 * A keyboard move in the sequence follows its structure, not geometry. A palette item enters at the
 * end (as a placeholder) on any arrow but Right, then Up and Down move it one place; Right takes it
 * back out. A step moves one place up or down. Returns null when nothing changes.
 */
export function keyboardMove(order: readonly string[], activeId: string, direction: KeyboardDirection): KeyboardMove | null {
  if (isPaletteId(activeId)) {
    const at = order.indexOf(PLACEHOLDER);
    if (at === -1) {
      if (direction === 'right') return null;
      return { order: [...order, PLACEHOLDER], target: SEQUENCE_END };
    }
    if (direction === 'right') return { order: order.filter((id) => id !== PLACEHOLDER), target: null };
    const to = direction === 'up' || direction === 'left' ? at - 1 : at + 1;
    if (to < 0 || to >= order.length) return null;
    return { order: moveItem(order, at, to), target: order[to] };
  }
  const at = order.indexOf(activeId);
  if (at === -1 || direction === 'left' || direction === 'right') return null;
  const to = direction === 'up' ? at - 1 : at + 1;
  if (to < 0 || to >= order.length) return null;
  return { order: moveItem(order, at, to), target: order[to] };
}

/** Where a palette item dragged by pointer goes: before the step it is over, or after it when below its middle. */
export function placeholderOrder(order: readonly string[], overId: string, below: boolean): string[] {
  const without = order.filter((id) => id !== PLACEHOLDER);
  if (overId === PLACEHOLDER) return [...order];
  if (overId === SEQUENCE_END || overId === SEQUENCE) {
    return order.includes(PLACEHOLDER) && overId === SEQUENCE ? [...order] : [...without, PLACEHOLDER];
  }
  const index = without.indexOf(overId);
  if (index === -1) return [...order];
  const at = index + (below ? 1 : 0);
  return [...without.slice(0, at), PLACEHOLDER, ...without.slice(at)];
}
