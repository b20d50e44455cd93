import { useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';

// Whether the page is being laid out for paper (the print dialog, or print media emulated). Parts
// that only paper shows are drawn then, not with every screen render.
let printing = false;
const listeners = new Set<() => void>();
// One list for the page: matchMedia returns a new one on each call, and a listener can only be
// taken off the list it was put on.
let media: MediaQueryList | null | undefined;
const printMedia = () => (media === undefined ? (media = typeof window.matchMedia === 'function' ? window.matchMedia('print') : null) : media);

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
