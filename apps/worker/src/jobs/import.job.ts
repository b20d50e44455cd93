import { askToEvaluateAutomations, failBackgroundJob, runImport, runImportUndo } from '@crm/db';
import type { JobPayload } from '@crm/shared';
import type { JobHandler } from './types';

/**
 * JOBS.runImport: runs or resumes an import from its last committed batch. A crash or a lost lock
 * makes Bull run it again (it resumes); when the last attempt fails the import is marked failed.
 */
export const runImportJob: JobHandler<JobPayload<'runImport'>> = async (job, ctx) => {
  try {
    const result = await runImport(ctx.dataSource, job.data.jobId, {
      storage: ctx.storage,
      onCardsChanged: async (pipelineId) => {
        await askToEvaluateAutomations(ctx.queues, pipelineId).catch((err) =>
          ctx.logger.warn({ err, pipelineId }, 'could not enqueue automation evaluation; the schedule will catch up'),
        );
      },
    });
    ctx.logger.info({ importId: job.data.jobId, state: result?.state, rows: result?.rowsDone }, 'import finished');
    return { state: result?.state };
  } catch (err) {
    if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await failBackgroundJob(ctx.dataSource, job.data.jobId, 'IMPORT_FAILED');
    throw err;
  }
};

/**
 * JOBS.undoImport: undoes an import in batches, resuming after the last committed one; when the
 * last attempt fails the undo is marked failed (asking again goes on from where it stopped).
 */
export const undoImportJob: JobHandler<JobPayload<'undoImport'>> = async (job, ctx) => {
  try {
    const result = await runImportUndo(ctx.dataSource, job.data.jobId);
    ctx.logger.info({ jobId: job.data.jobId, state: result?.state, rows: result?.rowsDone }, 'import undone');
    // Its cards left their columns: continuous automations look again.
    await askToEvaluateAutomations(ctx.queues, null).catch((err) => ctx.logger.warn({ err }, 'could not enqueue automation evaluation; the schedule will catch up'));
    return { state: result?.state };
  } catch (err) {
    if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await failBackgroundJob(ctx.dataSource, job.data.jobId, 'IMPORT_UNDO_FAILED');
    throw err;
  }
};
