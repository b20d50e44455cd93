import { enqueue, markStaleSending, queuedMailIds } from '@crm/db';
import { JOBS, type JobPayload } from '@crm/shared';
import type { JobHandler } from './types';

/** PostgreSQL is the source of truth: a queued mail whose job was lost (Redis flushed) is enqueued again. */
export const sweepOutboxJob: JobHandler<JobPayload<'sweepOutbox'>, { requeued: number; uncertain: number }> = async (_job, { dataSource, queues, logger }) => {
  const uncertain = await markStaleSending(dataSource, 10 * 60 * 1000);
  const ids = await queuedMailIds(dataSource, 5 * 60 * 1000);
  // The job id is the outbox id: a job already waiting for it is not added twice.
  for (const outboxId of ids) await enqueue(queues, JOBS.deliverMail, { outboxId }, { jobId: `mail:${outboxId}:${Date.now() >> 16}` });
  if (ids.length || uncertain) logger.info({ requeued: ids.length, uncertain }, 'outbox swept');
  return { requeued: ids.length, uncertain };
};
