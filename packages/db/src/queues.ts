import Queue from 'bull';
import type { JobOptions } from 'bull';
import { JOBS, QUEUES, type JobDefinition, type QueueName } from '@crm/shared';

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

/** How long after its second ends an automation evaluation runs (Bull's timers are not exact to the millisecond). */
const EVALUATION_GRACE_MS = 50;

/**
 * Asks the worker to re-evaluate the continuous automations of a pipeline (null: of every pipeline)
 * whose cards changed. Requests coalesce per second: one job per pipeline and second, run once that
 * second is over, so it reads every change committed in it. (A job run at once missed the changes
 * made after it in the same second: their requests carried its id, which Bull ignores while it keeps
 * the finished job, and they waited for the five-minute sweep.) Call it after the change commits.
 */
export function askToEvaluateAutomations(queues: Queues, pipelineId: string | null, now = Date.now()) {
  const second = Math.floor(now / 1000);
  return enqueue(queues, JOBS.evaluateAutomations, { pipelineId }, { jobId: `evaluate:${pipelineId ?? 'all'}:${second}`, delay: (second + 1) * 1000 - now + EVALUATION_GRACE_MS });
}
