import type { Request, Response } from 'express';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';

async function probe(fn: () => Promise<unknown>): Promise<'ok' | 'down'> {
  try {
    await Promise.race([fn(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref())]);
    return 'ok';
  } catch {
    return 'down';
  }
}

/** GET /health: 200 when PostgreSQL and Redis answer, 503 otherwise; says which is down. */
export function healthHandler(ds: DataSource, redis: Redis) {
  return async (_req: Request, res: Response) => {
    const [database, redisState] = await Promise.all([probe(() => ds.query('SELECT 1')), probe(() => redis.ping())]);
    const ok = database === 'ok' && redisState === 'ok';
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', database, redis: redisState });
  };
}
