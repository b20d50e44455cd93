import { enqueue, markStaleSending, queuedMailIds, stalledCampaignIds } from '@crm/db';
import { JOBS, type JobPayload } from '@crm/shared';
import type { JobHandler } from './types';

/** PostgreSQL is the source of truth: a queued mail whose job was lost (Redis flushed) is enqueued again. */
export const sweepOutboxJob: JobHandler<JobPayload<'sweepOutbox'>, { requeued: number; uncertain: number }> = async (_job, { dataSource, queues, logger }) => {
  const uncertain = await markStaleSending(dataSource, 10 * 60 * 1000);
  const ids = await queuedMailIds(dataSource, 5 * 60 * 1000);
  // The job id is the outbox id: a job already waiting for it is not added twice.
  for (const outboxId of ids) await enqueue(queues, JOBS.deliverMail, { outboxId }, { jobId: `mail:${outboxId}:${Date.now() >> 16}` });
  // Campaigns that should be moving (due, preparing or sending) but have not moved for two minutes.
  const campaigns = await stalledCampaignIds(dataSource, 2 * 60 * 1000);
  for (const campaignId of campaigns) await enqueue(queues, JOBS.runCampaign, { campaignId }, { jobId: `campaign:${campaignId}:sweep:${Date.now() >> 16}` });
  if (ids.length || uncertain || campaigns.length) logger.info({ requeued: ids.length, uncertain, campaigns: campaigns.length }, 'outbox swept');
  return { requeued: ids.length, uncertain };
};
