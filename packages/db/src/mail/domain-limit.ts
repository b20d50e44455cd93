/**
 * At most `perDomain` sends at once to each recipient domain, so that one slow domain cannot hold
 * every SMTP connection of the pool while mail to the other domains waits. Waiters are served in
 * the order they came.
 */
export class DomainLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();

  constructor(readonly perDomain: number) {
    if (!Number.isInteger(perDomain) || perDomain < 1) throw new Error('perDomain must be a positive integer');
  }

  /** The domains of a mail's recipients, lower case, sorted (so several are always taken in one order). */
  static domainsOf(addresses: string[]): string[] {
    return [...new Set(addresses.map((a) => a.slice(a.lastIndexOf('@') + 1).toLowerCase()))].sort();
  }

  /** Runs `fn` once a slot of every domain in `domains` is free, and frees them when it settles. */
  async run<T>(domains: string[], fn: () => Promise<T>): Promise<T> {
    const taken: string[] = [];
    try {
      for (const d of domains) {
        await this.acquire(d);
        taken.push(d);
      }
      return await fn();
    } finally {
      for (const d of taken) this.release(d);
    }
  }

  private acquire(domain: string): Promise<void> | void {
    const n = this.active.get(domain) ?? 0;
    if (n < this.perDomain) {
      this.active.set(domain, n + 1);
      return;
    }
    return new Promise<void>((resolve) => {
      const queue = this.waiting.get(domain) ?? [];
      queue.push(resolve);
      this.waiting.set(domain, queue);
    });
  }

  private release(domain: string) {
    const next = this.waiting.get(domain)?.shift();
    if (next) return next(); // the slot passes straight to the next waiter
    if (this.waiting.get(domain)?.length === 0) this.waiting.delete(domain);
    const n = (this.active.get(domain) ?? 1) - 1;
    if (n > 0) this.active.set(domain, n);
    else this.active.delete(domain);
  }
}
