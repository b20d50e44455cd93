/**
 * Background jobs: the queues the worker serves and each job's name, retry policy and payload.
 * The API enqueues, the worker handles (apps/worker/src/jobs/<name>.job.ts).
 */
export const QUEUES = {
  automation: 'automation-steps',
  email: 'email-delivery',
  imports: 'imports',
  maintenance: 'maintenance',
  webhooks: 'webhooks',
  campaigns: 'campaigns',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobDefinition<Payload> {
  queue: QueueName;
  name: string;
  attempts: number;
  backoffMs: number;
  /** Present only to carry the payload type. */
  readonly payload?: Payload;
}

function defineJob<Payload>(def: Omit<JobDefinition<Payload>, 'payload'>): JobDefinition<Payload> {
  return def;
}

export const JOBS = {
  /** Deletes sessions that expired or were revoked; runs on a schedule. */
  purgeSessions: defineJob<Record<string, never>>({
    queue: QUEUES.maintenance,
    name: 'purge-sessions',
    attempts: 3,
    backoffMs: 10_000,
  }),
  /** Delivers one outbox mail (retried with backoff on temporary SMTP errors). */
  deliverMail: defineJob<{ outboxId: string }>({
    queue: QUEUES.email,
    name: 'deliver',
    attempts: 8,
    backoffMs: 30_000,
  }),
  /** Re-evaluates the continuous automations of a pipeline (after cards changed) and runs what is due. */
  evaluateAutomations: defineJob<{ pipelineId: string | null }>({
    queue: QUEUES.automation,
    name: 'evaluate',
    attempts: 5,
    backoffMs: 5_000,
  }),
  /** Runs the automation steps that are due (delayed to each due time, and on a schedule as a sweep). */
  runDueSteps: defineJob<Record<string, never>>({
    queue: QUEUES.automation,
    name: 'run-due',
    attempts: 5,
    backoffMs: 5_000,
  }),
  /** Runs (or resumes) an import: parses the stored file and writes it in batches (a background job). */
  runImport: defineJob<{ jobId: string }>({
    queue: QUEUES.imports,
    name: 'run-import',
    attempts: 5,
    backoffMs: 5_000,
  }),
  /** Undoes an import (a background job) in batches of its rows; a retry resumes after the last committed batch. */
  undoImport: defineJob<{ jobId: string }>({
    queue: QUEUES.imports,
    name: 'undo-import',
    attempts: 5,
    backoffMs: 5_000,
  }),
  /** Runs an export into a file (a background job); a retry writes the file again from the start. */
  runExport: defineJob<{ jobId: string }>({
    queue: QUEUES.imports,
    name: 'run-export',
    attempts: 3,
    backoffMs: 5_000,
  }),
  /** Syncs one IMAP mailbox (a background job): new mail since the last UID into the inbound pipeline. */
  syncMailbox: defineJob<{ jobId: string }>({
    queue: QUEUES.imports,
    name: 'sync-mailbox',
    attempts: 3,
    backoffMs: 30_000,
  }),
  /** Starts a sync of every enabled mailbox that has none running; runs on a schedule (polling). */
  scheduleMailSync: defineJob<Record<string, never>>({
    queue: QUEUES.maintenance,
    name: 'schedule-mail-sync',
    attempts: 1,
    backoffMs: 60_000,
  }),
  /** Wakes background jobs (imports...) that should be running but whose Bull job was lost (Redis flushed, worker killed). */
  sweepBackgroundJobs: defineJob<Record<string, never>>({
    queue: QUEUES.maintenance,
    name: 'sweep-background-jobs',
    attempts: 1,
    backoffMs: 60_000,
  }),
  /** Re-enqueues queued mails whose job was lost and marks mails a stopped worker left mid-send. */
  sweepOutbox: defineJob<Record<string, never>>({
    queue: QUEUES.maintenance,
    name: 'sweep-outbox',
    attempts: 1,
    backoffMs: 60_000,
  }),
  /** Queues the weekly summary mails of saved reports that are due (Monday 07:00, organisation time); on a schedule. */
  sendReportSummaries: defineJob<Record<string, never>>({
    queue: QUEUES.maintenance,
    name: 'send-report-summaries',
    attempts: 3,
    backoffMs: 60_000,
  }),
  /** Fans new integration events out into webhook deliveries (on a schedule, and after a change). */
  dispatchWebhookEvents: defineJob<Record<string, never>>({
    queue: QUEUES.webhooks,
    name: 'dispatch-events',
    attempts: 3,
    backoffMs: 5_000,
  }),
  /**
   * Sends one webhook delivery. Bull's exponential backoff waits (2^n - 1) x 21 s before retry n:
   * 21 s, 63 s, 147 s, ... the 11th retry comes 23.8 hours after the first attempt; then the
   * delivery has failed and its hook is turned off.
   */
  deliverWebhook: defineJob<{ deliveryId: string }>({
    queue: QUEUES.webhooks,
    name: 'deliver-webhook',
    attempts: 12,
    backoffMs: 21_000,
  }),
  /**
   * Moves a campaign on: when due, chooses its recipients and renders their mails into the outbox
   * (held); then, once a minute, lets out as many as the throttle allows. Idempotent: a repeated or
   * resumed job neither adds a recipient twice nor sends a mail twice.
   */
  runCampaign: defineJob<{ campaignId: string }>({
    queue: QUEUES.campaigns,
    name: 'run-campaign',
    attempts: 5,
    backoffMs: 10_000,
  }),
} as const;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = NonNullable<(typeof JOBS)[N]['payload']>;
