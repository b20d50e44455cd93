import { fallbackUnsubscribeSecret } from '@crm/db';
import path from 'node:path';
import { DEFAULT_TIME_ZONE, isTimeZone } from '@crm/shared';
import { z } from 'zod';
import type { LoginLimits } from './modules/auth/rate-limiter';
import type { CompanyLookupConfig } from './modules/company-lookup/company-lookup.service';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v)));

const schema = z
  .object({
    // Unset means production: the safe behaviour unless someone asks for development.
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().default('0.0.0.0'),
    DATABASE_URL: z.string({ message: 'is required (postgres://user:password@host:5432/database)' }).regex(/^postgres(ql)?:\/\//, 'must start with postgres://'),
    REDIS_URL: z.string({ message: 'is required (redis://host:6379)' }).regex(/^rediss?:\/\//, 'must start with redis://'),
    WEB_DIST: z.string().optional(),
    SEED_DEMO: bool(true),
    ADMIN_EMAIL: z.email({ message: 'must be an email address' }).optional(),
    ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
    COOKIE_SECURE: bool(false),
    SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    TRUST_PROXY: bool(false),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(50),
    LOGIN_MAX_FAILURES_PER_ACCOUNT_ALL_ADDRESSES: z.coerce.number().int().min(1).default(500),
    LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
    API_KEY_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
    API_KEY_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
    FILES_DIR: z.string().optional(),
    MAIL_DIR: z.string().optional(),
    FILE_MAX_MB: z.coerce.number().min(1).max(2048).default(25),
    IMPORT_MAX_MB: z.coerce.number().min(1).max(4096).default(200),
    INBOUND_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    INBOUND_MAX_MB: z.coerce.number().min(1).max(200).default(30),
    MAILBOX_KEY: z
      .string()
      .refine((v) => /^[0-9a-f]{64}$/i.test(v.trim()) || Buffer.from(v.trim(), 'base64').length === 32, 'must be 32 bytes as 64 hex digits or base64 (openssl rand -base64 32)')
      .optional(),
    ORG_TIME_ZONE: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Budapest').default(DEFAULT_TIME_ZONE),
    QUEUE_PREFIX: z.string().regex(/^[\w-]+$/, 'must be letters, digits, - or _').default('bull'),
    MAIL_FROM: z.email({ message: 'must be an email address' }).optional(),
    MAIL_DOMAIN: z.string().regex(/^[a-z0-9.-]+$/i, 'must be a domain name').default('crm.local'),
    COMPANY_LOOKUP_VIES_URL: z.url({ message: 'must be the base URL of the VIES REST API' }).optional(),
    COMPANY_LOOKUP_GUS_URL: z.url({ message: 'must be the URL of the GUS BIR 1.1 service' }).optional(),
    COMPANY_LOOKUP_GUS_KEY: z.string().min(8, 'must be the GUS user key').optional(),
    COMPANY_LOOKUP_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(8000),
    PUBLIC_URL: z.url({ message: 'must be the address the app is reached at, such as https://crm.example.com' }).optional(),
    UNSUBSCRIBE_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    UNSUBSCRIBE_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
    CAMPAIGN_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(600),
    CAMPAIGN_PER_DOMAIN_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(60),
  })
  .refine((c) => !c.COMPANY_LOOKUP_GUS_URL === !c.COMPANY_LOOKUP_GUS_KEY, { message: 'COMPANY_LOOKUP_GUS_URL and COMPANY_LOOKUP_GUS_KEY must be set together', path: ['COMPANY_LOOKUP_GUS_KEY'] })
  .refine((c) => !c.ADMIN_EMAIL === !c.ADMIN_PASSWORD, { message: 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together', path: ['ADMIN_PASSWORD'] });

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl: string;
  /** Where the built web app is; served on the same port when it exists. */
  webDist: string | null;
  seedDemo: boolean;
  admin: { email: string; password: string } | null;
  cookieSecure: boolean;
  sessionTtlDays: number;
  trustProxy: boolean;
  logLevel: string;
  /** perAccount: per account and address (then exponential backoff); accountCap: per account from every address. */
  loginLimits: LoginLimits;
  /** Where uploaded documents are kept on disk. */
  filesDir: string;
  /** Where the worker writes mail as .eml files without SMTP_URL (purging a client deletes its files there). */
  mailDir: string;
  fileMaxBytes: number;
  /** Largest file accepted for an import. */
  importMaxBytes: number;
  /** Secret for POST /inbound/mail (the endpoint is off without it). */
  inboundToken: string | null;
  /** Port of the incoming-mail SMTP listener (off when null). */
  inboundSmtpPort: number | null;
  /** The largest incoming message accepted and kept whole (raw source compressed, attachments as documents). */
  inboundMaxBytes: number;
  /** Encrypts connected mailboxes' passwords (AES-256-GCM); without it no mailbox can be connected. */
  mailboxKey: string | null;
  /** The organisation's time zone: automation steps run at its days and hours. */
  timeZone: string;
  /** The organisation's sender address (mail goes out from it, replies go to the user). */
  mailFrom: string | null;
  /** The domain of our Message-ID headers. */
  mailDomain: string;
  /** Where the app is reached from outside (links in mail: unsubscribe). */
  publicUrl: string;
  /** Key of the unsubscribe links' signature (the worker must use the same). */
  unsubscribeSecret: string;
  unsubscribeTtlDays: number;
  /** Default campaign throttle: mails per minute, and per recipient domain per minute. */
  campaignPerMinute: number;
  campaignPerDomainPerMinute: number;
  /** Prefix of the Bull queues' Redis keys (the worker must use the same). */
  queuePrefix: string;
  /** Requests each API key may make per window (RateLimit headers; 429 beyond). */
  apiKeyLimits: { requests: number; windowSeconds: number };
  /** Prefix of this process's Redis keys (tests give each file its own). */
  redisPrefix: string;
  /** Company registries for filling a new client by its tax number (each off when unset). */
  companyLookup: CompanyLookupConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and checks the environment; throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'} ${i.message}`));
  }
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    redisUrl: c.REDIS_URL,
    webDist: c.WEB_DIST ? path.resolve(c.WEB_DIST) : path.resolve(__dirname, '../../web/dist'),
    seedDemo: c.SEED_DEMO,
    admin: c.ADMIN_EMAIL && c.ADMIN_PASSWORD ? { email: c.ADMIN_EMAIL, password: c.ADMIN_PASSWORD } : null,
    cookieSecure: c.COOKIE_SECURE,
    sessionTtlDays: c.SESSION_TTL_DAYS,
    trustProxy: c.TRUST_PROXY,
    logLevel: c.LOG_LEVEL,
    loginLimits: {
      perAccount: c.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      perIp: c.LOGIN_MAX_FAILURES_PER_IP,
      accountCap: c.LOGIN_MAX_FAILURES_PER_ACCOUNT_ALL_ADDRESSES,
      windowSeconds: c.LOGIN_WINDOW_SECONDS,
    },
    filesDir: path.resolve(c.FILES_DIR ?? path.resolve(__dirname, '../../../.data/files')),
    mailDir: path.resolve(c.MAIL_DIR ?? path.resolve(__dirname, '../../../.data/mail')),
    fileMaxBytes: Math.round(c.FILE_MAX_MB * 1024 * 1024),
    importMaxBytes: Math.round(c.IMPORT_MAX_MB * 1024 * 1024),
    mailDomain: c.MAIL_DOMAIN,
    mailFrom: c.MAIL_FROM ?? null,
    timeZone: c.ORG_TIME_ZONE,
    inboundToken: c.INBOUND_TOKEN ?? null,
    inboundSmtpPort: c.INBOUND_SMTP_PORT ?? null,
    inboundMaxBytes: Math.round(c.INBOUND_MAX_MB * 1024 * 1024),
    mailboxKey: c.MAILBOX_KEY ?? null,
    queuePrefix: c.QUEUE_PREFIX,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    unsubscribeSecret: c.UNSUBSCRIBE_SECRET ?? fallbackUnsubscribeSecret(c.DATABASE_URL),
    unsubscribeTtlDays: c.UNSUBSCRIBE_TTL_DAYS,
    campaignPerMinute: c.CAMPAIGN_PER_MINUTE,
    campaignPerDomainPerMinute: c.CAMPAIGN_PER_DOMAIN_PER_MINUTE,
    redisPrefix: 'crm:',
    companyLookup: {
      viesUrl: c.COMPANY_LOOKUP_VIES_URL ?? null,
      gusUrl: c.COMPANY_LOOKUP_GUS_URL ?? null,
      gusKey: c.COMPANY_LOOKUP_GUS_KEY ?? null,
      timeoutMs: c.COMPANY_LOOKUP_TIMEOUT_MS,
    },
    apiKeyLimits: { requests: c.API_KEY_RATE_LIMIT, windowSeconds: c.API_KEY_RATE_WINDOW_SECONDS },
  };
}
