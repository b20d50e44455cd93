import { useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';

// Whether the page is being laid out for paper (the print dialog, or print media emulated). Parts
// that only paper shows are drawn then, not with every screen render.
let printing = false;
const listeners = new Set<() => void>();
const printMedia = () => (typeof window.matchMedia === 'function' ? window.matchMedia('print') : null);

function setPrinting(value: boolean) {
  if (printing === value) return;
  printing = value;
  // Synchronously: the browser lays the page out for paper as soon as `beforeprint` returns.
  flushSync(() => listeners.forEach((listener) => listener()));
}
const onBefore = () => setPrinting(true);
const onAfter = () => setPrinting(false);
const onMedia = (event: MediaQueryListEvent) => setPrinting(event.matches);

function subscribe(listener: () => void) {
  if (listeners.size === 0) {
    window.addEventListener('beforeprint', onBefore);
    window.addEventListener('afterprint', onAfter);
    printMedia()?.addEventListener?.('change', onMedia);
    printing = printMedia()?.matches ?? false;
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    window.removeEventListener('beforeprint', onBefore);
    window.removeEventListener('afterprint', onAfter);
    printMedia()?.removeEventListener?.('change', onMedia);
  };
}

/** True while the page is printed. */
export function usePrinting(): boolean {
  return useSyncExternalStore(subscribe, () => printing, () => false);
}
