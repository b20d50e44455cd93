import { enqueue, unfinishedBackgroundJobs } from '@crm/db';
import { BackgroundJobKind, JOBS, type JobPayload } from '@crm/shared';
import type { JobHandler } from './types';

/** How long a running job may go without committing a batch before the sweep wakes it again. */
export const IDLE_SECONDS = 120;

/**
 * JOBS.sweepBackgroundJobs: every unfinished import that has been idle a while gets a fresh Bull
 * job. A run that is in fact still alive is not disturbed: only one run can commit on top of a
 * checkpoint, so the other stops.
 */
export const sweepBackgroundJobsJob: JobHandler<JobPayload<'sweepBackgroundJobs'>> = async (_job, ctx) => {
  const ids = await unfinishedBackgroundJobs(ctx.dataSource, BackgroundJobKind.Import, IDLE_SECONDS);
  const minute = Math.floor(Date.now() / 60_000);
  for (const id of ids) await enqueue(ctx.queues, JOBS.runImport, { jobId: id }, { jobId: `${JOBS.runImport.name}:${id}:sweep:${minute}` });
  if (ids.length) ctx.logger.info({ jobs: ids.length }, 'woke idle background jobs');
  return { woken: ids.length };
};
