import type Redis from 'ioredis';

/**
 * Counts failures in a fixed window per key (an address, an account). Kept in Redis, so every API
 * process shares the counts.
 */
export class FailureLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly windowSeconds: number,
  ) {}

  /** Seconds until `key` may try again, or 0 when it has fewer than `max` failures in the window. */
  async blockedFor(key: string, max: number): Promise<number> {
    const k = this.prefix + key;
    const [count, ttl] = await this.redis.multi().get(k).ttl(k).exec().then((r) => r!.map(([, v]) => v));
    return Number(count ?? 0) >= max ? Math.max(Number(ttl), 1) : 0;
  }

  async recordFailure(key: string): Promise<void> {
    const k = this.prefix + key;
    await this.redis.multi().incr(k).expire(k, this.windowSeconds, 'NX').exec();
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}
