import { purgeExpiredSessions } from '@crm/db';
import type { JobPayload } from '@crm/shared';
import type { JobHandler } from './types';

/** JOBS.purgeSessions: deletes expired and revoked sessions. Idempotent, so retries are safe. */
export const purgeSessionsJob: JobHandler<JobPayload<'purgeSessions'>, { deleted: number }> = async (job, { dataSource, logger }) => {
  const deleted = await purgeExpiredSessions(dataSource, new Date());
  logger.info({ jobId: job.id, deleted }, 'purged expired sessions');
  return { deleted };
};
