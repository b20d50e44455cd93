import type { Job } from 'bull';
import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { DEFAULT_TIME_ZONE, JOBS, type JobDefinition } from '@crm/shared';
import { closeQueues, createMailTransport, createQueues, installLivePublisher, jobOptions, LocalDiskStorage, type CampaignOptions, type EngineOptions, type FileStorage, type MailTransport, type QueueOptions, type Queues } from '@crm/db';
import { defaultHandlers, type JobHandler } from './jobs';
import { startMailIdle, type MailIdle, type MailIdleOptions } from './mail-idle';
import { DEFAULT_WEBHOOK_OPTIONS, type WebhookOptions } from './jobs/webhook.jobs';

/** Jobs that run on a schedule: the job (a key of `jobs`) and its interval. */
export interface Schedule {
  job: string;
  everyMs: number;
}

export const DEFAULT_SCHEDULES: Schedule[] = [
  { job: 'purgeSessions', everyMs: 60 * 60 * 1000 },
  { job: 'sweepOutbox', everyMs: 60 * 1000 },
  { job: 'sweepBackgroundJobs', everyMs: 60 * 1000 },
  // The sweep behind the delayed jobs: due steps run even if Redis lost their jobs.
  { job: 'runDueSteps', everyMs: 60 * 1000 },
  { job: 'evaluateAutomations', everyMs: 5 * 60 * 1000 },
  // Polls every connected IMAP mailbox (MAIL_SYNC_EVERY_MIN in main.ts).
  { job: 'scheduleMailSync', everyMs: 5 * 60 * 1000 },
  // Weekly report summaries are due from Monday 07:00 (organisation time); the job sends each once.
  { job: 'sendReportSummaries', everyMs: 10 * 60 * 1000 },
  // New integration events become webhook deliveries within seconds (and lost jobs come back).
  { job: 'dispatchWebhookEvents', everyMs: 3 * 1000 },
];

export interface StartWorkerOptions {
  redisUrl: string;
  dataSource: DataSource;
  logger: Logger;
  /** Handlers by job key (a key of `jobs`); defaults to the real handlers. */
  handlers?: Partial<Record<string, JobHandler<any>>>;
  /** Job definitions by key; defaults to JOBS from @crm/shared (tests pass their own). */
  jobs?: Record<string, JobDefinition<any>>;
  /** Concurrent jobs per handler. */
  concurrency?: number;
  /** Concurrent jobs of particular handlers, by job key (main.ts runs mail deliveries to match the SMTP pool). */
  jobConcurrency?: Partial<Record<string, number>>;
  /** Redis key prefix for the queues (tests use a unique one). */
  prefix?: string;
  /** Bull's advanced queue settings (lockDuration, stalledInterval, ...). */
  settings?: QueueOptions['settings'];
  /** Repeatable jobs to register; only those with a handler are registered. */
  schedules?: Schedule[];
  /** How long close() waits for active jobs before leaving them to stalled-job recovery. */
  shutdownGraceMs?: number;
  /** Outgoing mail; defaults to .eml files in a temporary folder (tests) — main.ts passes the configured one. */
  mail?: MailTransport;
  /** Time zone and mail domain for automation steps. */
  engine?: EngineOptions;
  /** Uploaded files; defaults to .data/files (main.ts passes FILES_DIR). */
  storage?: FileStorage;
  /** Connected IMAP mailboxes: the key of their passwords (MAILBOX_KEY) and the message size limit. */
  mailbox?: { key: Buffer | null; maxBytes: number };
  /** Webhook deliveries' retry policy (tests use small delays). */
  webhooks?: WebhookOptions;
  /** Campaign mail options (main.ts passes PUBLIC_URL and the unsubscribe key). */
  campaigns?: CampaignOptions;
  /**
   * IMAP IDLE for connected mailboxes (one connection per mailbox across all workers, see mail-idle.ts);
   * off unless given (main.ts turns it on). Polling (scheduleMailSync) stays the fallback.
   */
  mailIdle?: Pick<MailIdleOptions, 'refreshMs' | 'lockTtlMs' | 'backoffMs' | 'noIdleRecheckMs' | 'maxIdleTimeMs' | 'retryTriggerMs'> | false;
}

export interface Worker {
  queues: Queues;
  /** The IDLE connections of this process (when mailIdle is on). */
  mailIdle: MailIdle | null;
  /**
   * Stops taking new jobs and waits for the active ones to finish (up to the grace period), then
   * disconnects from Redis. A job still running after the grace period is left to Bull: its lock
   * expires and another worker's stalled-job check puts it back in the queue.
   */
  close(): Promise<{ timedOut: boolean }>;
}

export async function startWorker(options: StartWorkerOptions): Promise<Worker> {
  const handlers: Partial<Record<string, JobHandler<any>>> = options.handlers ?? defaultHandlers;
  const jobs: Record<string, JobDefinition<any>> = options.jobs ?? JOBS;
  const {
    redisUrl,
    dataSource,
    logger,
    concurrency = 5,
    prefix,
    settings,
    schedules = DEFAULT_SCHEDULES,
    shutdownGraceMs = 25_000,
    mail = createMailTransport(null, '.data/mail'),
    engine = { timeZone: DEFAULT_TIME_ZONE, messageDomain: 'crm.local' },
    storage = new LocalDiskStorage('.data/files'),
    mailbox = { key: null, maxBytes: 30 * 1024 * 1024 },
    webhooks = DEFAULT_WEBHOOK_OPTIONS,
  } = options;
  const campaigns: CampaignOptions = options.campaigns ?? { timeZone: engine.timeZone, messageDomain: engine.messageDomain, publicUrl: 'http://localhost:4000', unsubscribeSecret: 'development-only-unsubscribe-key' };

  const queues = createQueues({ redisUrl, prefix, settings });
  // What jobs change on cards, todos and history reaches the API instances' live subscribers.
  const liveRedis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  liveRedis.on('error', (err) => logger.warn({ err: err.message }, 'live signals: redis connection problem'));
  installLivePublisher(dataSource, liveRedis, (err) => logger.warn({ err }, 'could not publish a live signal'));
  let closing: Promise<{ timedOut: boolean }> | undefined;

  for (const queue of Object.values(queues)) {
    queue.on('error', (err) => logger.error({ err, queue: queue.name }, 'queue error'));
    queue.on('failed', (job: Job, err: Error) =>
      logger.warn(
        { err, queue: queue.name, job: job.name, jobId: job.id, attempt: job.attemptsMade, attempts: job.opts.attempts },
        'job failed',
      ),
    );
    queue.on('stalled', (job: Job) => logger.warn({ queue: queue.name, job: job.name, jobId: job.id }, 'job stalled; it will be retried'));
  }

  for (const [key, def] of Object.entries(jobs)) {
    const handler = handlers[key];
    if (!handler) continue;
    const queue = queues[def.queue];
    const log = logger.child({ queue: def.queue, job: def.name });
    // Bull's promise-returning processor: resolve = completed, reject = failed (retried per attempts).
    // process() returns the promise of the processing loop; it rejects when the connection drops
    // (e.g. on close during start-up), which must not become an unhandled rejection.
    const jobConcurrency = options.jobConcurrency?.[key] ?? concurrency;
    const loop = queue.process(def.name, jobConcurrency, async (job: Job) => {
      const started = Date.now();
      log.debug({ jobId: job.id, attempt: job.attemptsMade + 1 }, 'job started');
      const result = await handler(job, { dataSource, logger: log.child({ jobId: job.id }), mail, queues, engine, storage, mailbox, webhooks, campaigns });
      log.info({ jobId: job.id, ms: Date.now() - started }, 'job completed');
      return result;
    });
    loop.catch((err: Error) => {
      if (!closing) log.error({ err }, 'processing loop stopped');
    });
    log.info({ concurrency: jobConcurrency }, 'processor registered');
  }

  for (const schedule of schedules) {
    const def = jobs[schedule.job];
    if (!def || !handlers[schedule.job]) continue;
    // Repeatable jobs are keyed by name + jobId + interval, so every worker process can register
    // the same schedule and Redis keeps one.
    const payload = schedule.job === 'evaluateAutomations' ? { pipelineId: null } : {};
    await queues[def.queue].add(def.name, payload, jobOptions(def, { repeat: { every: schedule.everyMs }, jobId: def.name }));
    logger.info({ job: def.name, everyMs: schedule.everyMs }, 'schedule registered');
  }

  const mailIdle = options.mailIdle
    ? startMailIdle({ ...options.mailIdle, redisUrl, prefix, dataSource, queues, key: mailbox.key, logger: logger.child({ part: 'mail-idle' }) })
    : null;

  const close = () => {
    closing ??= (async () => {
      logger.info('worker stopping: waiting for active jobs');
      await mailIdle?.stop().catch((err) => logger.error({ err }, 'error while closing IDLE connections'));
      const closed = closeQueues(queues).then(() => false);
      closed.catch((err) => logger.error({ err }, 'error while closing queues'));
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), shutdownGraceMs);
      });
      const timedOut = await Promise.race([closed.catch(() => false), timeout]);
      clearTimeout(timer);
      if (timedOut) {
        logger.warn({ graceMs: shutdownGraceMs }, 'active jobs did not finish in time; leaving them to stalled-job recovery');
        // Drop the Redis connections without waiting: the job's lock then expires and Bull's
        // stalled-job check (in this or another worker) returns it to the queue.
        await Promise.all(
          Object.values(queues).map((q) => (q as unknown as { disconnect(): Promise<void> }).disconnect().catch(() => undefined)),
        );
      }
      mail.close();
      liveRedis.disconnect();
      logger.info({ timedOut }, 'worker stopped');
      return { timedOut };
    })();
    return closing;
  };

  return { queues, mailIdle, close };
}
