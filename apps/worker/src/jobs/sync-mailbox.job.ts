import { failBackgroundJob, runMailSyncJob, scheduleMailSyncs } from '@crm/db';
import type { JobPayload } from '@crm/shared';
import type { JobHandler } from './types';

/**
 * JOBS.syncMailbox: reads a connected IMAP mailbox's new mail into the inbound pipeline (a background
 * job: progress is messages read of those found). An IMAP error (auth failed, host unreachable, TLS)
 * fails it with its code at once; anything else is retried, resuming after the last stored UID.
 */
export const syncMailboxJob: JobHandler<JobPayload<'syncMailbox'>> = async (job, ctx) => {
  try {
    const result = await runMailSyncJob(ctx.dataSource, job.data.jobId, ctx.storage, ctx.mailbox.key, ctx.mailbox.maxBytes);
    ctx.logger.info({ syncJobId: job.data.jobId, state: result?.state, rows: result?.rowsDone, errorCode: result?.errorCode }, 'mailbox sync finished');
    return { state: result?.state };
  } catch (err) {
    if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await failBackgroundJob(ctx.dataSource, job.data.jobId, 'IMAP_FAILED');
    throw err;
  }
};

/** JOBS.scheduleMailSync: starts a sync of every enabled mailbox that has none running. */
export const scheduleMailSyncJob: JobHandler<JobPayload<'scheduleMailSync'>> = async (_job, ctx) => {
  const started = await scheduleMailSyncs(ctx.dataSource, ctx.queues);
  if (started) ctx.logger.info({ started }, 'mailbox syncs started');
  return { started };
};
