import type Redis from 'ioredis';

export interface LoginLimits {
  /** Failed sign-ins to one account from one address before that pair must wait (then the wait doubles with each failure). */
  perAccount: number;
  /** Failed sign-ins from one address, whatever the accounts, per window. */
  perIp: number;
  /** Failed sign-ins to one account from all addresses per window before the account is closed for the rest of it: only a distributed attack gets there. */
  accountCap: number;
  windowSeconds: number;
}

/** The first wait of a pair over its limit; each further failure doubles it, up to the window. */
export const BACKOFF_BASE_SECONDS = 30;

// Checks and reserves an attempt in one step, so parallel requests cannot all pass a check made
// before any of them was counted. Returns the seconds to wait, or 0 with the attempt counted.
const RESERVE = `
local function wait(key) local t = redis.call('TTL', key) if t < 1 then t = 1 end return t end
if redis.call('EXISTS', KEYS[2]) == 1 then return wait(KEYS[2]) end
if tonumber(redis.call('GET', KEYS[3]) or '0') >= tonumber(ARGV[2]) then return wait(KEYS[3]) end
if tonumber(redis.call('GET', KEYS[4]) or '0') >= tonumber(ARGV[3]) then return wait(KEYS[4]) end
local window = tonumber(ARGV[4])
local failures = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], window * 4)
if redis.call('INCR', KEYS[3]) == 1 then redis.call('EXPIRE', KEYS[3], window) end
if redis.call('INCR', KEYS[4]) == 1 then redis.call('EXPIRE', KEYS[4], window) end
local over = failures - tonumber(ARGV[1])
if over >= 0 then
  redis.call('SET', KEYS[2], '1', 'EX', math.floor(math.min(window, tonumber(ARGV[5]) * 2 ^ math.min(over, 30))))
end
return 0
`;

// A sign-in that succeeded was no failure: take its reservation back and clear the pair.
const RELEASE = `
redis.call('DEL', KEYS[1], KEYS[2])
for i = 3, 4 do
  if tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then redis.call('DECR', KEYS[i]) end
end
return 0
`;

/**
 * Sign-in limits kept in Redis (shared by every API process), counted before the password is
 * checked: per account and address with exponential backoff, per address, and per account from
 * everywhere only at a volume no single stranger reaches, so nobody can lock a real user out for
 * long from their own address.
 */
export class LoginLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limits: LoginLimits,
  ) {}

  private keys(email: string, ip: string) {
    const p = `${this.prefix}login:`;
    return [`${p}pair:${email}|${ip}`, `${p}pair-wait:${email}|${ip}`, `${p}ip:${ip}`, `${p}account:${email}`];
  }

  /** Counts an attempt before it is checked; returns seconds to wait instead (then nothing was counted). */
  async reserve(email: string, ip: string): Promise<number> {
    const { perAccount, perIp, accountCap, windowSeconds } = this.limits;
    const wait = await this.redis.eval(RESERVE, 4, ...this.keys(email, ip), perAccount, perIp, accountCap, windowSeconds, BACKOFF_BASE_SECONDS);
    return Number(wait);
  }

  /** The attempt signed in: it was not a failure. */
  async release(email: string, ip: string): Promise<void> {
    await this.redis.eval(RELEASE, 4, ...this.keys(email, ip));
  }
}
