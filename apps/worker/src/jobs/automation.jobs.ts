import { continuousAutomationIds, enqueue, evaluateAutomation, releaseStaleRuns, runDueSteps, withOrganisationZone, type EngineOptions, type Queues } from '@crm/db';
import { JOBS, type JobPayload } from '@crm/shared';
import type { JobHandler } from './types';

/** A delayed run-due job for each due time (one per instant, whoever schedules it). */
export async function scheduleDueJobs(queues: Queues, dueTimes: Date[], now = Date.now()): Promise<void> {
  for (const due of dueTimes) {
    const delay = Math.max(0, due.getTime() - now);
    await enqueue(queues, JOBS.runDueSteps, {}, { delay, jobId: `due:${due.getTime()}` });
  }
}

async function runDue(ctx: Parameters<JobHandler>[1], engine: EngineOptions) {
  await releaseStaleRuns(ctx.dataSource, 10 * 60 * 1000);
  const outcome = await runDueSteps(ctx.dataSource, new Date(), engine);
  for (const outboxId of outcome.mailIds) await enqueue(ctx.queues, JOBS.deliverMail, { outboxId });
  if (outcome.done || outcome.skipped || outcome.failed) ctx.logger.info({ ...outcome, mailIds: outcome.mailIds.length }, 'automation steps ran');
  return outcome;
}

/** JOBS.evaluateAutomations: enrols and releases cards of continuous automations, then runs what is due. */
export const evaluateAutomationsJob: JobHandler<JobPayload<'evaluateAutomations'>> = async (job, ctx) => {
  // The organisation's saved zone (ORG_TIME_ZONE until an admin saves one), read for each job.
  const engine = await withOrganisationZone(ctx.dataSource.manager, ctx.engine);
  let entered = 0;
  let left = 0;
  for (const id of await continuousAutomationIds(ctx.dataSource, job.data.pipelineId)) {
    const result = await evaluateAutomation(ctx.dataSource, id, new Date(), engine);
    entered += result.entered;
    left += result.left;
    await scheduleDueJobs(ctx.queues, result.dueTimes);
  }
  if (entered || left) ctx.logger.info({ entered, left, pipelineId: job.data.pipelineId }, 'automations evaluated');
  return { entered, left, ...(await runDue(ctx, engine)) };
};

/** JOBS.runDueSteps: runs the steps that are due now (PostgreSQL decides which; the job only wakes us). */
export const runDueStepsJob: JobHandler<JobPayload<'runDueSteps'>> = async (_job, ctx) => runDue(ctx, await withOrganisationZone(ctx.dataSource.manager, ctx.engine));
