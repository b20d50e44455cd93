import { advanceCampaign, enqueue } from '@crm/db';
import { JOBS, type JobPayload } from '@crm/shared';
import type { JobHandler } from './types';

/**
 * JOBS.runCampaign: one step of a campaign (prepare when due, then let out what the throttle
 * allows), then a delayed job for the next step. Released mails go to the delivery queue; should
 * Redis lose either, the outbox and campaign sweeps find them in PostgreSQL.
 */
export const runCampaignJob: JobHandler<JobPayload<'runCampaign'>, { status: string; released: number }> = async (job, { dataSource, queues, logger, campaigns }) => {
  const { campaignId } = job.data;
  const step = await advanceCampaign(dataSource, campaignId, campaigns);
  for (const outboxId of step.released) {
    await enqueue(queues, JOBS.deliverMail, { outboxId }, { jobId: `mail:${outboxId}` }).catch((err) => logger.warn({ err, outboxId }, 'could not enqueue mail; the sweep will'));
  }
  if (step.nextAt) {
    const delay = Math.max(0, step.nextAt.getTime() - Date.now());
    await enqueue(queues, JOBS.runCampaign, { campaignId }, { delay, jobId: `campaign:${campaignId}:${step.nextAt.getTime()}` });
  }
  logger.info({ campaignId, status: step.status, released: step.released.length }, 'campaign step');
  return { status: step.status, released: step.released.length };
};
