import type { KeyboardCoordinateGetter } from '@dnd-kit/core';
import { findContainer, type Items } from './boardState';

const KEYS = ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown'];

/**
 * Keyboard moves on the board follow its structure, not geometry: up and down step to the
 * neighbouring card of the same column, left and right to the same place in the neighbouring
 * column (its list when it is empty). The cursor goes to that card's corner, so collision
 * detection makes it the drop target.
 */
export function boardKeyboardCoordinates(board: () => { items: Items; order: string[] }): KeyboardCoordinateGetter {
  return (event, { context: { active, droppableRects, collisionRect } }) => {
    if (!KEYS.includes(event.code)) return undefined;
    event.preventDefault();
    if (!active || !collisionRect) return undefined;
    const { items, order } = board();
    const id = String(active.id);
    const column = findContainer(items, id);
    if (!column) return undefined;
    const index = items[column].indexOf(id);
    let targetId: string | undefined;
    if (event.code === 'ArrowRight' || event.code === 'ArrowLeft') {
      const target = order[order.indexOf(column) + (event.code === 'ArrowRight' ? 1 : -1)];
      if (!target) return undefined;
      const targetItems = items[target] ?? [];
      targetId = targetItems.length === 0 ? target : targetItems[Math.min(index, targetItems.length - 1)];
    } else {
      targetId = items[column][index + (event.code === 'ArrowDown' ? 1 : -1)];
    }
    const rect = targetId ? droppableRects.get(targetId) : undefined;
    if (!rect) return undefined;
    return { x: rect.left, y: rect.top };
  };
}
