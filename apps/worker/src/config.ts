import path from 'node:path';
import { DEFAULT_TIME_ZONE, isTimeZone } from '@crm/shared';
import { z } from 'zod';
import { fallbackUnsubscribeSecret, type SmtpPoolOptions } from '@crm/db';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const schema = z.object({
  DATABASE_URL: z
    .string({ error: 'is required (postgres://user:password@host:5432/database)' })
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// URL'),
  REDIS_URL: z.string({ error: 'is required (redis://host:6379)' }).regex(/^rediss?:\/\/\S+$/, 'must be a redis:// URL'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(5),
  /** How long shutdown waits for active jobs before leaving them to Bull's stalled-job recovery. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(25_000),
  /** When set, the worker touches this file every 15 s while Redis answers (container healthcheck). */
  WORKER_HEARTBEAT_FILE: z.string().optional(),
  /** smtp://user:password@host:587 (smtps:// for TLS); without it mail is written to MAIL_DIR as .eml files. */
  SMTP_URL: z.string().regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_DIR: z.string().optional(),
  /** SMTP connections the worker keeps open at once (a pool); mail deliveries run eight times as many at once (deliveriesAtOnce). */
  SMTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100).default(8),
  /** Messages sent over one SMTP connection before it is replaced. */
  SMTP_MAX_MESSAGES: z.coerce.number().int().min(1).max(100_000).default(100),
  /** Sends at once to one recipient domain, so a slow domain cannot hold every connection. */
  SMTP_MAX_PER_DOMAIN: z.coerce.number().int().min(1).max(100).default(4),
  /** Where uploaded files are kept (the API's FILES_DIR): imports read their file from here. */
  FILES_DIR: z.string().optional(),
  /** Redis key prefix of the job queues; the API must use the same. */
  QUEUE_PREFIX: z.string().regex(/^[\w-]+$/, 'must be letters, digits, - or _').default('bull'),
  /** The organisation's sender: mail goes out from it, with the person's address as Reply-To. */
  MAIL_FROM: z.email({ message: 'must be an email address' }).optional(),
  MAIL_DOMAIN: z.string().regex(/^[a-z0-9.-]+$/i, 'must be a domain name').default('crm.local'),
  /** The organisation's time zone: automation steps run at its days and hours. */
  /** 32 bytes (64 hex digits or base64) that encrypt connected mailboxes' passwords; the API must use the same. */
  MAILBOX_KEY: z
    .string()
    .refine((v) => /^[0-9a-f]{64}$/i.test(v.trim()) || Buffer.from(v.trim(), 'base64').length === 32, 'must be 32 bytes as 64 hex digits or base64 (openssl rand -base64 32)')
    .optional(),
  /** Minutes between two syncs of each connected IMAP mailbox. */
  MAIL_SYNC_EVERY_MIN: z.coerce.number().min(1).max(1440).default(5),
  /** Largest incoming message stored (the API's INBOUND_MAX_MB); larger synced mail is skipped. */
  INBOUND_MAX_MB: z.coerce.number().min(1).max(200).default(30),
  ORG_TIME_ZONE: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Budapest').default(DEFAULT_TIME_ZONE),
  /** Where the app is reached from outside: campaign mails' unsubscribe links point there (the API's PUBLIC_URL). */
  PUBLIC_URL: z.url({ message: 'must be the address the app is reached at, such as https://crm.example.com' }).default('http://localhost:4000'),
  /** Key of the unsubscribe links' signature; the API must use the same. */
  UNSUBSCRIBE_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  UNSUBSCRIBE_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
});

export interface WorkerConfig {
  databaseUrl: string;
  redisUrl: string;
  logLevel: (typeof LOG_LEVELS)[number];
  concurrency: number;
  shutdownGraceMs: number;
  heartbeatFile: string | null;
  smtpUrl: string | null;
  smtpPool: SmtpPoolOptions;
  mailDir: string;
  filesDir: string;
  mailDomain: string;
  timeZone: string;
  queuePrefix: string;
  mailFrom: string | null;
  mailboxKey: string | null;
  mailSyncEveryMs: number;
  inboundMaxBytes: number;
  publicUrl: string;
  unsubscribeSecret: string;
  unsubscribeTtlDays: number;
}

/** Reads the worker's configuration from the environment; returns the problems when it is invalid. */
export function parseConfig(env: NodeJS.ProcessEnv): { ok: true; config: WorkerConfig } | { ok: false; problems: string[] } {
  // Treat empty strings as unset so `FOO= node ...` falls back to defaults / reports "required".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`),
    };
  }
  const e = result.data;
  return {
    ok: true,
    config: {
      databaseUrl: e.DATABASE_URL,
      redisUrl: e.REDIS_URL,
      logLevel: e.LOG_LEVEL,
      concurrency: e.WORKER_CONCURRENCY,
      shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
      heartbeatFile: e.WORKER_HEARTBEAT_FILE ?? null,
      smtpUrl: e.SMTP_URL ?? null,
      smtpPool: { maxConnections: e.SMTP_MAX_CONNECTIONS, maxMessages: e.SMTP_MAX_MESSAGES, maxPerDomain: e.SMTP_MAX_PER_DOMAIN },
      mailDir: path.resolve(e.MAIL_DIR ?? path.resolve(__dirname, '../../../.data/mail')),
      filesDir: path.resolve(e.FILES_DIR ?? path.resolve(__dirname, '../../../.data/files')),
      mailDomain: e.MAIL_DOMAIN,
      timeZone: e.ORG_TIME_ZONE,
      queuePrefix: e.QUEUE_PREFIX,
      mailFrom: e.MAIL_FROM ?? null,
      mailboxKey: e.MAILBOX_KEY ?? null,
      mailSyncEveryMs: Math.round(e.MAIL_SYNC_EVERY_MIN * 60_000),
      inboundMaxBytes: Math.round(e.INBOUND_MAX_MB * 1024 * 1024),
      publicUrl: e.PUBLIC_URL.replace(/\/$/, ''),
      unsubscribeSecret: e.UNSUBSCRIBE_SECRET ?? fallbackUnsubscribeSecret(e.DATABASE_URL),
      unsubscribeTtlDays: e.UNSUBSCRIBE_TTL_DAYS,
    },
  };
}

/** Like parseConfig, but prints every problem and exits 1 when the configuration is invalid. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = parseConfig(env);
  if (!parsed.ok) {
    console.error('Invalid worker configuration:');
    for (const p of parsed.problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  return parsed.config;
}
