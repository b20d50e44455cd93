import type { JobName } from '@crm/shared';
import type { JobHandler } from './types';
import { evaluateAutomationsJob, runDueStepsJob } from './automation.jobs';
import { deliverMailJob } from './deliver-mail.job';
import { runImportJob, undoImportJob } from './import.job';
import { runExportJob } from './export.job';
import { sweepBackgroundJobsJob } from './sweep-background-jobs.job';
import { purgeSessionsJob } from './purge-sessions.job';
import { sweepOutboxJob } from './sweep-outbox.job';
import { scheduleMailSyncJob, syncMailboxJob } from './sync-mailbox.job';
import { sendReportSummariesJob } from './report-summaries.job';
import { deliverWebhookJob, dispatchWebhookEventsJob } from './webhook.jobs';
import { runCampaignJob } from './run-campaign.job';

export type { JobContext, JobHandler } from './types';

/** The handler of each job the worker serves today; jobs without one are left in their queue. */
export const defaultHandlers: Partial<Record<JobName, JobHandler<any>>> = {
  purgeSessions: purgeSessionsJob,
  deliverMail: deliverMailJob,
  sweepOutbox: sweepOutboxJob,
  evaluateAutomations: evaluateAutomationsJob,
  runDueSteps: runDueStepsJob,
  runImport: runImportJob,
  undoImport: undoImportJob,
  runExport: runExportJob,
  sweepBackgroundJobs: sweepBackgroundJobsJob,
  syncMailbox: syncMailboxJob,
  scheduleMailSync: scheduleMailSyncJob,
  sendReportSummaries: sendReportSummariesJob,
  dispatchWebhookEvents: dispatchWebhookEventsJob,
  deliverWebhook: deliverWebhookJob,
  runCampaign: runCampaignJob,
};
