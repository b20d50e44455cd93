import { failBackgroundJob, runExportJob as runExport } from '@crm/db';
import type { JobPayload } from '@crm/shared';
import type { JobHandler } from './types';

/**
 * JOBS.runExport: writes an export's file into storage. A crash or a lost lock makes Bull run it
 * again, which writes the file again from the start (an export only reads, so that is safe); when
 * the last attempt fails the export is marked failed.
 */
export const runExportJob: JobHandler<JobPayload<'runExport'>> = async (job, ctx) => {
  try {
    const result = await runExport(ctx.dataSource, job.data.jobId, ctx.storage);
    ctx.logger.info({ exportId: job.data.jobId, state: result?.state, rows: result?.rowsDone }, 'export job finished');
    return { state: result?.state };
  } catch (err) {
    if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await failBackgroundJob(ctx.dataSource, job.data.jobId, 'EXPORT_FAILED');
    throw err;
  }
};
