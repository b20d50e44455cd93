import Queue from 'bull';
import type { JobOptions } from 'bull';
import { QUEUES, type JobDefinition, type QueueName } from '@crm/shared';

export type Queues = Record<QueueName, Queue.Queue>;

export interface QueueOptions {
  redisUrl: string;
  /** Redis key prefix (Bull's default is "bull"); tests use a unique one per file. */
  prefix?: string;
  /** Bull's advanced settings (lock duration, stalled-job check interval...); defaults are Bull's. */
  settings?: Queue.AdvancedSettings;
}

/** Creates one Bull queue per entry of QUEUES. */
export function createQueues({ redisUrl, prefix, settings }: QueueOptions): Queues {
  const queues = {} as Queues;
  for (const name of Object.values(QUEUES)) {
    const queue = new Queue(name, redisUrl, { prefix: prefix ?? 'bull', settings });
    silenceWorkerNaming(queue);
    queues[name] = queue;
  }
  return queues;
}

/**
 * Bull 4 names the blocking connection (CLIENT SETNAME) when a processor is registered, without
 * handling the promise: a close() soon after start-up turns it into an unhandled rejection
 * ("Connection is closed."). The name is cosmetic, so a failure to set it is ignored.
 */
function silenceWorkerNaming(queue: Queue.Queue): void {
  const q = queue as unknown as { setWorkerName?: () => Promise<unknown> };
  const original = q.setWorkerName;
  if (typeof original !== 'function') return;
  q.setWorkerName = function (this: unknown) {
    const result = original.call(this);
    result.catch(() => undefined);
    return result;
  };
}

/** Bull job options from a job definition: its retry policy, and bounded history in Redis. */
export function jobOptions(def: JobDefinition<unknown>, extra: JobOptions = {}): JobOptions {
  return {
    attempts: def.attempts,
    backoff: { type: 'exponential', delay: def.backoffMs },
    removeOnComplete: 1000,
    removeOnFail: 5000,
    ...extra,
  };
}

/** Adds a job to its definition's queue with its definition's retry policy. */
export function enqueue<P>(queues: Queues, def: JobDefinition<P>, payload: P, extra: JobOptions = {}) {
  return queues[def.queue].add(def.name, payload, jobOptions(def as JobDefinition<unknown>, extra));
}

export async function closeQueues(queues: Queues, doNotWaitJobs = false): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close(doNotWaitJobs)));
}
