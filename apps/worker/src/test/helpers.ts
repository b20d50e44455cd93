import Redis from 'ioredis';
import pino from 'pino';
import type { Job } from 'bull';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The Redis the jest global setup started or found. */
export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/** A Bull key prefix of its own per test file, so parallel test files never share queues. */
export function uniquePrefix(name: string): string {
  return `test-${name}-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Deletes every Redis key under the prefix. */
export async function deletePrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export const silentLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** A promise plus its resolve function, for handlers the test releases when it wants. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Resolves with the job once it has failed for the last time (no attempts left). */
export function finalFailure(queue: import('bull').Queue, jobId: Job['id']): Promise<{ job: Job; err: Error }> {
  return new Promise((resolve) => {
    const onFailed = (job: Job, err: Error) => {
      if (job.id !== jobId || job.attemptsMade < (job.opts.attempts ?? 1)) return;
      queue.off('failed', onFailed);
      resolve({ job, err });
    };
    queue.on('failed', onFailed);
  });
}

/**
 * The worker as production starts it, in a process of its own: compiled (scripts/build-server.mjs,
 * run by the test setup) and resolving the workspace packages to their compiled code.
 */
export function startWorkerProcess(env: Record<string, string>, concurrency: number, debug = false): ChildProcess {
  return spawn(process.execPath, ['--conditions=crm-build', 'dist/main.js'], {
    cwd: path.resolve(__dirname, '../..'),
    env: { ...process.env, LOG_LEVEL: debug ? 'info' : 'silent', WORKER_CONCURRENCY: String(concurrency), SHUTDOWN_GRACE_MS: '1000', ...env },
    stdio: debug ? 'inherit' : 'ignore',
  });
}
