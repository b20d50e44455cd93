import { randomBytes } from 'node:crypto';
import { connectImap, decryptSecret, imapErrorCode, triggerMailSync, type ImapSecurity, type Queues } from '@crm/db';
import Redis from 'ioredis';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

/**
 * IMAP IDLE for connected mailboxes: new mail starts the mailbox's sync job at once instead of
 * waiting for the poll (the sync job does the reading, so nothing is stored twice).
 *
 * Each enabled mailbox has at most one IDLE connection across all worker processes: the worker that
 * holds its Redis lock (`<prefix>:mail-idle:<id>`, a TTL renewed by the holder) keeps the connection;
 * when the holder dies the lock lapses and another worker takes the mailbox over at its next check.
 * The list of mailboxes is checked every `refreshMs`: a disabled or deleted mailbox drops its
 * connection, a new one gets one. A server without IDLE is left to polling (checked again after
 * `noIdleRecheckMs`). A connection that fails or drops reopens with exponential backoff, and a
 * reopened connection starts a sync for the mail that came meanwhile. Polling (scheduleMailSync)
 * stays the safety net.
 */
export interface MailIdleOptions {
  redisUrl: string;
  /** Redis key prefix (the queues' prefix). */
  prefix?: string;
  dataSource: DataSource;
  queues: Queues;
  key: Buffer | null;
  logger: Logger;
  /** How often the list of mailboxes is checked (default 1 minute). */
  refreshMs?: number;
  /** Lifetime of the lock; the holder renews it every third of it (default 60 s). */
  lockTtlMs?: number;
  /** Reconnect delays: first and largest (default 2 s and 5 min). */
  backoffMs?: { min: number; max: number };
  /** A server without IDLE is asked again after this long (default 1 hour). */
  noIdleRecheckMs?: number;
  /** IDLE is restarted this often, so dead connections are noticed (default 4 min). */
  maxIdleTimeMs?: number;
  /** A sync that could not start because one was running is tried again after this (default 3 s). */
  retryTriggerMs?: number;
}

export interface MailIdle {
  /** This process's lock value. */
  readonly workerId: string;
  /** Mailboxes whose lock this process holds. */
  held(): string[];
  /** Mailboxes with an open IDLE connection in this process. */
  idling(): string[];
  /** Re-reads the list of mailboxes now (the timer does it every refreshMs). */
  refresh(): Promise<void>;
  /** Closes every connection and releases the locks. */
  stop(): Promise<void>;
}

interface Held {
  id: string;
  stopped: boolean;
  client: ImapFlow | null;
  idling: boolean;
  attempt: number;
  timer?: NodeJS.Timeout;
  run?: Promise<void>;
}

type ImapFlow = Awaited<ReturnType<typeof connectImap>>;

const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export function mailIdleLockKey(prefix: string | undefined, accountId: string) {
  return `${prefix ?? 'bull'}:mail-idle:${accountId}`;
}

export function startMailIdle(options: MailIdleOptions): MailIdle {
  const { dataSource: ds, queues, key, logger, prefix } = options;
  const refreshMs = options.refreshMs ?? 60_000;
  const lockTtlMs = options.lockTtlMs ?? 60_000;
  const backoff = options.backoffMs ?? { min: 2_000, max: 5 * 60_000 };
  const noIdleRecheckMs = options.noIdleRecheckMs ?? 60 * 60_000;
  const maxIdleTime = options.maxIdleTimeMs ?? 4 * 60_000;
  const retryTriggerMs = options.retryTriggerMs ?? 3_000;
  const workerId = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false });
  redis.on('error', (err) => logger.warn({ err }, 'mail idle: redis error'));
  const held = new Map<string, Held>();
  const noIdleUntil = new Map<string, number>();
  const pendingTrigger = new Map<string, NodeJS.Timeout>();
  let stopped = false;
  let refreshing: Promise<void> | null = null;

  const lockKey = (id: string) => mailIdleLockKey(prefix, id);

  /** Starts the mailbox's sync; when one is already running, tries again shortly so this mail is not left to the poll. */
  const trigger = async (id: string) => {
    if (stopped || pendingTrigger.has(id)) return;
    try {
      const outcome = await triggerMailSync(ds, queues, id);
      logger.debug({ accountId: id, outcome }, 'mail idle: new mail');
      if (outcome === 'open' && !stopped) {
        const t = setTimeout(() => {
          pendingTrigger.delete(id);
          void trigger(id);
        }, retryTriggerMs);
        t.unref();
        pendingTrigger.set(id, t);
      }
    } catch (err) {
      logger.warn({ err, accountId: id }, 'mail idle: could not start a sync');
    }
  };

  const release = async (h: Held) => {
    h.stopped = true;
    clearTimeout(h.timer);
    held.delete(h.id);
    const client = h.client;
    h.client = null;
    h.idling = false;
    if (client) await client.logout().catch(() => client.close());
    await h.run?.catch(() => undefined);
    await redis.eval(RELEASE, 1, lockKey(h.id), workerId).catch(() => undefined);
  };

  /** One connection's life: connect, open INBOX, IDLE until it closes; then again with backoff. */
  const run = async (h: Held) => {
    while (!h.stopped) {
      let client: ImapFlow | null = null;
      try {
        const [a]: Array<{ host: string; port: number; security: ImapSecurity; username: string; password_enc: string }> = await ds.query(
          `SELECT host, port, security, username, password_enc FROM mail_accounts WHERE id = $1 AND enabled`,
          [h.id],
        );
        if (!a) return void release(h);
        const password = decryptSecret(a.password_enc, key);
        client = await connectImap({ host: a.host, port: a.port, security: a.security, username: a.username, password }, 20_000, { maxIdleTime });
        if (h.stopped) break;
        h.client = client;
        if (!client.capabilities.has('IDLE')) {
          logger.info({ accountId: h.id }, 'mail idle: the server offers no IDLE; the mailbox is polled');
          noIdleUntil.set(h.id, Date.now() + noIdleRecheckMs);
          return void release(h);
        }
        const closed = new Promise<void>((resolve) => client!.once('close', () => resolve()));
        client.on('exists', (e: { count: number; prevCount: number }) => {
          if (e.count > e.prevCount) void trigger(h.id);
        });
        await client.mailboxOpen('INBOX', { readOnly: true });
        // Mail that came while the connection was down.
        if (h.attempt > 0) void trigger(h.id);
        h.attempt = 0;
        h.idling = true;
        logger.info({ accountId: h.id }, 'mail idle: listening');
        client.idle().catch(() => undefined);
        await closed;
        h.idling = false;
        if (h.stopped) break;
        logger.warn({ accountId: h.id }, 'mail idle: connection closed; reopening');
      } catch (err) {
        h.idling = false;
        if (h.stopped) break;
        logger.warn({ accountId: h.id, code: imapErrorCode(err) }, 'mail idle: connection failed; retrying');
        client?.close();
      }
      h.client = null;
      h.attempt++;
      const delay = Math.min(backoff.max, backoff.min * 2 ** Math.min(h.attempt - 1, 20));
      await new Promise<void>((resolve) => {
        h.timer = setTimeout(resolve, delay);
        h.timer.unref();
      });
    }
  };

  const take = async (id: string) => {
    const got = await redis.set(lockKey(id), workerId, 'PX', lockTtlMs, 'NX');
    if (got !== 'OK' || stopped) return;
    const h: Held = { id, stopped: false, client: null, idling: false, attempt: 0 };
    held.set(id, h);
    h.run = run(h).catch((err) => logger.error({ err, accountId: id }, 'mail idle: stopped'));
  };

  const doRefresh = async () => {
    const rows: Array<{ id: string }> = await ds.query(
      `SELECT a.id FROM mail_accounts a LEFT JOIN users u ON u.id = a.user_id WHERE a.enabled AND (a.kind = 'SHARED' OR u.active)`,
    );
    const wanted = new Set(rows.map((r) => r.id));
    for (const h of [...held.values()]) if (!wanted.has(h.id)) await release(h);
    const now = Date.now();
    for (const id of wanted) {
      if (stopped) return;
      if (held.has(id) || (noIdleUntil.get(id) ?? 0) > now) continue;
      await take(id);
    }
  };
  const refresh = () => {
    refreshing ??= doRefresh()
      .catch((err) => logger.warn({ err }, 'mail idle: could not read the mailboxes'))
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  };

  /** Keeps the locks alive; a lock lost (expired and taken by another worker) drops the connection. */
  const renew = async () => {
    for (const h of [...held.values()]) {
      const ok = await redis.eval(RENEW, 1, lockKey(h.id), workerId, String(lockTtlMs)).catch(() => null);
      if (ok === 0) {
        logger.warn({ accountId: h.id }, 'mail idle: lock lost; another worker holds the mailbox');
        held.delete(h.id);
        h.stopped = true;
        clearTimeout(h.timer);
        h.client?.close();
      }
    }
  };

  const refreshTimer = setInterval(() => void refresh(), refreshMs);
  const renewTimer = setInterval(() => void renew(), Math.max(100, Math.floor(lockTtlMs / 3)));
  void refresh();

  return {
    workerId,
    held: () => [...held.keys()],
    idling: () => [...held.values()].filter((h) => h.idling).map((h) => h.id),
    refresh,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      clearInterval(refreshTimer);
      clearInterval(renewTimer);
      for (const t of pendingTrigger.values()) clearTimeout(t);
      await refreshing;
      await Promise.all([...held.values()].map(release));
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
