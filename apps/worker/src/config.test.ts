import { fallbackUnsubscribeSecret } from '@crm/db';
import { parseConfig } from './config';

test('reads the environment with defaults', () => {
  const parsed = parseConfig({ DATABASE_URL: 'postgres://u:p@db:5432/crm', REDIS_URL: 'redis://redis:6379' });
  expect(parsed).toEqual({
    ok: true,
    config: {
      databaseUrl: 'postgres://u:p@db:5432/crm',
      redisUrl: 'redis://redis:6379',
      logLevel: 'info',
      concurrency: 5,
      shutdownGraceMs: 25_000,
      heartbeatFile: null,
      smtpUrl: null,
      smtpPool: { maxConnections: 8, maxMessages: 100, maxPerDomain: 4 },
      mailDir: expect.stringMatching(/\.data\/mail$/),
      filesDir: expect.stringMatching(/\.data\/files$/),
      mailDomain: 'crm.local',
      timeZone: 'Europe/Budapest',
      queuePrefix: 'bull',
      mailFrom: null,
      mailboxKey: null,
      mailSyncEveryMs: 300_000,
      inboundMaxBytes: 31_457_280,
      publicUrl: 'http://localhost:4000',
      // The same key the API derives from the same database address: links the worker signs, the API accepts.
      unsubscribeSecret: fallbackUnsubscribeSecret('postgres://u:p@db:5432/crm'),
      unsubscribeTtlDays: 365,
    },
  });
});

test('a mailbox key must be 32 bytes', () => {
  const base = { DATABASE_URL: 'postgres://u:p@db:5432/crm', REDIS_URL: 'redis://redis:6379' };
  expect(parseConfig({ ...base, MAILBOX_KEY: 'short' })).toEqual({ ok: false, problems: [expect.stringMatching(/^MAILBOX_KEY: must be 32 bytes/)] });
  expect(parseConfig({ ...base, MAILBOX_KEY: 'ab'.repeat(32) }).ok).toBe(true);
  expect(parseConfig({ ...base, MAILBOX_KEY: Buffer.alloc(32, 7).toString('base64') }).ok).toBe(true);
});

test('SMTP pool settings are positive whole numbers', () => {
  const base = { DATABASE_URL: 'postgres://u:p@db:5432/crm', REDIS_URL: 'redis://redis:6379' };
  const parsed = parseConfig({ ...base, SMTP_MAX_CONNECTIONS: '3', SMTP_MAX_MESSAGES: '500', SMTP_MAX_PER_DOMAIN: '2' });
  expect(parsed.ok && parsed.config.smtpPool).toEqual({ maxConnections: 3, maxMessages: 500, maxPerDomain: 2 });
  expect(parseConfig({ ...base, SMTP_MAX_CONNECTIONS: '0', SMTP_MAX_PER_DOMAIN: 'many' })).toEqual({
    ok: false,
    problems: [expect.stringMatching(/^SMTP_MAX_CONNECTIONS: /), expect.stringMatching(/^SMTP_MAX_PER_DOMAIN: /)],
  });
});

test('lists every problem at once', () => {
  const parsed = parseConfig({ REDIS_URL: '', LOG_LEVEL: 'loud', WORKER_CONCURRENCY: '0' });
  expect(parsed.ok).toBe(false);
  const problems = parsed.ok ? [] : parsed.problems;
  expect(problems).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^DATABASE_URL: /),
      expect.stringMatching(/^REDIS_URL: /),
      expect.stringMatching(/^LOG_LEVEL: /),
      expect.stringMatching(/^WORKER_CONCURRENCY: /),
    ]),
  );
  expect(problems).toHaveLength(4);
});
