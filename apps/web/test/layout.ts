/**
 * jsdom lays nothing out, but dnd-kit and the virtualised columns measure elements. This gives board
 * columns and cards the rectangles they would have on screen: column i at x = 300 * i, card j of a
 * column at y = 100 + 100 * j (by its data-index), each column's list 1000px tall.
 */
export function installBoardLayout() {
  const originalRect = Element.prototype.getBoundingClientRect;
  const rect = (x: number, y: number, width: number, height: number) =>
    ({ x, y, left: x, top: y, width, height, right: x + width, bottom: y + height, toJSON: () => ({}) }) as DOMRect;

  Element.prototype.getBoundingClientRect = function getBoundingClientRect(this: Element) {
    const column = this.closest('[data-column-index]');
    if (column) {
      const x = 300 * Number(column.getAttribute('data-column-index'));
      const index = this.getAttribute('data-index');
      if (index !== null) return rect(x, 100 + 100 * Number(index), 280, 90);
      if (this.getAttribute('role') === 'list') return rect(x, 100, 280, 1000);
      return rect(x, 0, 280, 1100);
    }
    return originalRect.call(this);
  };
  const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
  const clientWidth = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 280 });

  return () => {
    Element.prototype.getBoundingClientRect = originalRect;
    if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
    if (clientWidth) Object.defineProperty(HTMLElement.prototype, 'clientWidth', clientWidth);
  };
}
