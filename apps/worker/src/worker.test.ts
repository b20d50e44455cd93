import Queue from 'bull';
import type { DataSource } from 'typeorm';
import { JOBS, QUEUES, type JobDefinition } from '@crm/shared';
import { enqueue } from '@crm/db';
import { startWorker, type Worker } from './worker';
import type { JobHandler } from './jobs';
import { deferred, deletePrefix, finalFailure, silentLogger, testRedisUrl, uniquePrefix } from './test/helpers';

const redisUrl = testRedisUrl();
const fileprefix = uniquePrefix('worker');
const prefix = fileprefix;
// These tests never touch the database.
const dataSource = {} as DataSource;

const TEST_JOBS = {
  double: { queue: QUEUES.maintenance, name: 'test-double', attempts: 1, backoffMs: 0 },
  slow: { queue: QUEUES.maintenance, name: 'test-slow', attempts: 1, backoffMs: 0 },
  flaky: { queue: QUEUES.imports, name: 'test-flaky', attempts: 3, backoffMs: 1 },
  broken: { queue: QUEUES.email, name: 'test-broken', attempts: 3, backoffMs: 1 },
} satisfies Record<string, JobDefinition<any>>;

let worker: Worker | undefined;

async function start(handlers: Partial<Record<keyof typeof TEST_JOBS, JobHandler<any>>>, extra: { shutdownGraceMs?: number } = {}) {
  worker = await startWorker({ redisUrl, dataSource, logger: silentLogger, prefix, jobs: TEST_JOBS, handlers, schedules: [], ...extra });
  return worker;
}

afterEach(async () => {
  await worker?.close();
  worker = undefined;
});

afterAll(async () => {
  await deletePrefix(redisUrl, prefix);
});

test('a job added to a queue is processed by its handler', async () => {
  const seen: unknown[] = [];
  const { queues } = await start({
    double: async (job) => {
      seen.push(job.data);
      return { doubled: job.data.n * 2 };
    },
  });
  const job = await enqueue(queues, TEST_JOBS.double, { n: 21 });
  await expect(job.finished()).resolves.toEqual({ doubled: 42 });
  expect(seen).toEqual([{ n: 21 }]);
  expect(await (await queues[QUEUES.maintenance].getJob(job.id))!.getState()).toBe('completed');
});

test('close() waits for an in-flight job, which ends completed', async () => {
  const started = deferred();
  const release = deferred();
  const order: string[] = [];
  const { queues } = await start(
    {
      slow: async () => {
        started.resolve();
        await release.promise;
        order.push('job finished');
        return 'ok';
      },
    },
    { shutdownGraceMs: 60_000 },
  );
  const job = await enqueue(queues, TEST_JOBS.slow, {});
  await started.promise;

  // close() first stops taking new jobs: Bull drops and reconnects the queue's blocking connection,
  // and a close() that did not wait for active jobs would then go on to pause and disconnect at once.
  // Wait for that point (and a turn of the event loop) before letting the job finish.
  const queue = queues[QUEUES.maintenance];
  const bclient = (queue as unknown as { bclient: import('ioredis').Redis }).bclient;
  const stoppedFetching = new Promise((resolve) => bclient.once('end', () => bclient.once('ready', resolve)));
  queue.on('paused', () => order.push('queue paused'));
  const closing = worker!.close().then((result) => {
    order.push('close resolved');
    return result;
  });
  await stoppedFetching;
  await new Promise((resolve) => setImmediate(resolve));
  expect(order).toEqual([]);

  release.resolve();
  await expect(closing).resolves.toEqual({ timedOut: false });
  expect(order).toEqual(['job finished', 'queue paused', 'close resolved']);
  worker = undefined;

  // Look at the job through a fresh connection: the worker's queues are closed.
  const inspector = new Queue(QUEUES.maintenance, redisUrl, { prefix });
  try {
    const stored = await inspector.getJob(job.id);
    expect(await stored!.getState()).toBe('completed');
    expect(stored!.returnvalue).toBe('ok');
  } finally {
    await inspector.close();
  }
});

test('a job still running after the grace period is left to stalled-job recovery, not lost', async () => {
  // A prefix of its own: Bull runs the stalled-job check at most once per stalledInterval per queue,
  // and the other tests' workers use the default interval (30 s).
  const prefix = `${fileprefix}-stalled`;
  const settings = { lockDuration: 300, lockRenewTime: 150, stalledInterval: 100 };
  const started = deferred();
  const release = deferred();
  const first = await startWorker({
    redisUrl, dataSource, logger: silentLogger, prefix, jobs: TEST_JOBS, schedules: [], settings, shutdownGraceMs: 50,
    handlers: { slow: async () => { started.resolve(); await release.promise; return 'first'; } },
  });
  const job = await enqueue(first.queues, TEST_JOBS.slow, {});
  await started.promise;
  await expect(first.close()).resolves.toEqual({ timedOut: true });

  // Another worker (or this one restarted) finds the job whose lock expired and runs it.
  const recovered = deferred<unknown>();
  worker = await startWorker({
    redisUrl, dataSource, logger: silentLogger, prefix, jobs: TEST_JOBS, schedules: [], settings,
    handlers: { slow: async (j) => { recovered.resolve(j.id); return 'second'; } },
  });
  await expect(recovered.promise).resolves.toBe(job.id);
  release.resolve(); // let the abandoned handler of the first worker end (its result goes nowhere)
  await worker.close();
  worker = undefined;
  await deletePrefix(redisUrl, prefix);
});

test('a failing job is retried up to its definition\'s attempts, then succeeds', async () => {
  let calls = 0;
  const { queues } = await start({
    flaky: async () => {
      calls += 1;
      if (calls < TEST_JOBS.flaky.attempts) throw new Error(`flaky failure ${calls}`);
      return calls;
    },
  });
  const job = await enqueue(queues, TEST_JOBS.flaky, {});
  await expect(job.finished()).resolves.toBe(3);
  expect(calls).toBe(3);
});

test('a job that keeps failing is tried exactly `attempts` times and ends failed', async () => {
  let calls = 0;
  const { queues } = await start({
    broken: async () => {
      calls += 1;
      throw new Error('always broken');
    },
  });
  const queue = queues[QUEUES.email];
  const job = await enqueue(queues, TEST_JOBS.broken, {});
  const { job: failed, err } = await finalFailure(queue, job.id);
  expect(err.message).toBe('always broken');
  expect(failed.attemptsMade).toBe(3);
  expect(calls).toBe(3);
  expect(await (await queue.getJob(job.id))!.getState()).toBe('failed');
});

test('enqueue applies the definition\'s retry policy; the purge job is scheduled hourly', async () => {
  worker = await startWorker({
    redisUrl,
    dataSource,
    logger: silentLogger,
    prefix: `${prefix}-sched`,
    handlers: { purgeSessions: async () => ({ deleted: 0 }) },
  });
  const queue = worker.queues[QUEUES.maintenance];
  const repeatables = await queue.getRepeatableJobs();
  expect(repeatables).toEqual([expect.objectContaining({ name: JOBS.purgeSessions.name, every: 3_600_000 })]);

  // Registering again (a second worker process) keeps one schedule.
  const second = await startWorker({
    redisUrl,
    dataSource,
    logger: silentLogger,
    prefix: `${prefix}-sched`,
    handlers: { purgeSessions: async () => ({ deleted: 0 }) },
  });
  await second.close();
  expect(await queue.getRepeatableJobs()).toHaveLength(1);

  const job = await enqueue(worker.queues, JOBS.purgeSessions, {});
  expect(job.opts.attempts).toBe(JOBS.purgeSessions.attempts);
  expect(job.opts.backoff).toEqual({ type: 'exponential', delay: JOBS.purgeSessions.backoffMs });
  await worker.close();
  worker = undefined;
  await deletePrefix(redisUrl, `${prefix}-sched`);
});
