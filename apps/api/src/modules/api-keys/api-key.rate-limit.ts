import type Redis from 'ioredis';

export interface ApiKeyLimits {
  /** Requests per key per window. */
  requests: number;
  windowSeconds: number;
}

// Counts the request and returns [count, milliseconds until the window ends] in one step.
const HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end
return { n, ttl }
`;

export interface RateDecision {
  allowed: boolean;
  /** Requests left in the window. */
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
  /** RateLimit and RateLimit-Policy header values (IETF httpapi-ratelimit-headers). */
  headers: Record<string, string>;
}

/** A fixed window per key in Redis, shared by every API process. */
export class ApiKeyRateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    readonly limits: ApiKeyLimits,
  ) {}

  async hit(keyId: string): Promise<RateDecision> {
    const { requests, windowSeconds } = this.limits;
    const [count, ttlMs] = (await this.redis.eval(HIT, 1, `${this.prefix}api-key:${keyId}`, windowSeconds * 1000)) as [number, number];
    const remaining = Math.max(0, requests - count);
    const resetSeconds = Math.max(1, Math.ceil(ttlMs / 1000));
    return {
      allowed: count <= requests,
      remaining,
      resetSeconds,
      headers: {
        'RateLimit-Policy': `"per-key";q=${requests};w=${windowSeconds}`,
        RateLimit: `"per-key";r=${remaining};t=${resetSeconds}`,
      },
    };
  }
}
