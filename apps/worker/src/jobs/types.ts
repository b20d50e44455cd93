import type { Job } from 'bull';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { CampaignOptions, EngineOptions, FileStorage, MailTransport, Queues } from '@crm/db';

/** What every job handler gets besides its job. */
export interface JobContext {
  dataSource: DataSource;
  logger: Logger;
  /** Outgoing mail (SMTP, or .eml files when no SMTP is configured). */
  mail: MailTransport;
  /** For jobs that enqueue others. */
  queues: Queues;
  /** The organisation's time zone and mail domain, for automation steps. */
  engine: EngineOptions;
  /** Campaign mail: the public address of the unsubscribe links and their key. */
  campaigns: CampaignOptions;
  /** Uploaded files (imports read theirs from here). */
  storage: FileStorage;
  /** Connected IMAP mailboxes: the key of their passwords (MAILBOX_KEY) and the size limit of a message. */
  mailbox: { key: Buffer | null; maxBytes: number };
  /** Webhook deliveries' retry policy and timeout (defaults: JOBS.deliverWebhook's). */
  webhooks?: import('./webhook.jobs').WebhookOptions;
}

export type JobHandler<Payload = unknown, Result = unknown> = (job: Job<Payload>, ctx: JobContext) => Promise<Result>;
