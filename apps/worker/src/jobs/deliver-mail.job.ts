import { deliverOutboxMail } from '@crm/db';
import type { JobPayload } from '@crm/shared';
import type { JobHandler } from './types';

export class TemporaryMailError extends Error {}

/**
 * JOBS.deliverMail: sends one outbox mail. A temporary SMTP failure fails the job so Bull retries
 * it with backoff; the outbox row itself guarantees the mail goes out at most once.
 */
export const deliverMailJob: JobHandler<JobPayload<'deliverMail'>, { result: string }> = async (job, { dataSource, mail, logger }) => {
  const result = await deliverOutboxMail(dataSource, mail, job.data.outboxId);
  logger.info({ outboxId: job.data.outboxId, result }, 'mail delivery');
  if (result === 'retry') throw new TemporaryMailError('temporary SMTP failure; will retry');
  return { result };
};
