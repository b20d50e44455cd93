/** Bursts of signals are answered with one read per subscriber per this many ms. */
export const COALESCE_MS = 100;

/**
 * An async iterator fed by pushes (a subscription's event stream). `return()` (the client
 * unsubscribed or went away) runs `onClose` once and ends the stream.
 */
export class Feed<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private readonly waiting: Array<(r: IteratorResult<T>) => void> = [];
  private closed = false;

  constructor(private readonly onClose: () => void) {}

  push(value: T) {
    if (this.closed) return;
    const next = this.waiting.shift();
    if (next) next({ value, done: false });
    else this.queue.push(value);
  }

  get isClosed() {
    return this.closed;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queue.length) return Promise.resolve({ value: this.queue.shift()!, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.closed) {
      this.closed = true;
      this.queue.length = 0;
      for (const w of this.waiting.splice(0)) w({ value: undefined, done: true });
      this.onClose();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(err: unknown): Promise<IteratorResult<T>> {
    void this.return();
    return Promise.reject(err);
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

/**
 * Runs `work` after a signal, at most once per COALESCE_MS and never twice at a time; signals that
 * arrive while it runs lead to one more run afterwards.
 */
export function coalesced(work: () => Promise<void>, delayMs = COALESCE_MS) {
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let dirty = false;
  let stopped = false;
  const run = async () => {
    timer = null;
    running = true;
    dirty = false;
    try {
      await work();
    } finally {
      running = false;
      if (dirty) schedule();
    }
  };
  const schedule = () => {
    dirty = true;
    if (stopped || timer || running) return;
    timer = setTimeout(() => void run(), delayMs);
  };
  return {
    schedule,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
