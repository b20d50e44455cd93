import { enqueue, unfinishedBackgroundJobs } from '@crm/db';
import { BackgroundJobKind, JOBS, type JobPayload } from '@crm/shared';
import type { JobHandler } from './types';

/** How long a running job may go without committing a batch before the sweep wakes it again. */
export const IDLE_SECONDS = 120;

/**
 * JOBS.sweepBackgroundJobs: every unfinished import or export that has been idle a while gets a fresh Bull
 * job. A run that is in fact still alive is not disturbed: only one run can commit on top of a
 * checkpoint, so the other stops.
 */
export const sweepBackgroundJobsJob: JobHandler<JobPayload<'sweepBackgroundJobs'>> = async (_job, ctx) => {
  const minute = Math.floor(Date.now() / 60_000);
  const ids: string[] = [];
  for (const [kind, def] of [
    [BackgroundJobKind.Import, JOBS.runImport],
    [BackgroundJobKind.ImportUndo, JOBS.undoImport],
    [BackgroundJobKind.Export, JOBS.runExport],
    [BackgroundJobKind.MailSync, JOBS.syncMailbox],
  ] as const) {
    const found = await unfinishedBackgroundJobs(ctx.dataSource, kind, IDLE_SECONDS);
    for (const id of found) await enqueue(ctx.queues, def, { jobId: id }, { jobId: `${def.name}:${id}:sweep:${minute}` });
    ids.push(...found);
  }
  if (ids.length) ctx.logger.info({ jobs: ids.length }, 'woke idle background jobs');
  return { woken: ids.length };
};
