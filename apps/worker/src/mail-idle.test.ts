import { connectImap, encryptSecret, LocalDiskStorage, parseMailboxKey, User, type FileStorage } from '@crm/db';
import { createTestDatabase, startDovecot, type Dovecot, type TestDatabase } from '@crm/db/testing';
import { JOBS, Role } from '@crm/shared';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { mailIdleLockKey } from './mail-idle';
import { startWorker, type Worker } from './worker';

/**
 * IMAP IDLE against a real Dovecot: new mail APPENDed to INBOX lands in the CRM through the sync job
 * without waiting for the poll (no poll schedule at all here), and of two workers only one holds a
 * mailbox's IDLE connection (its Redis lock); the other takes over when the holder stops.
 */
const KEY = parseMailboxKey(randomBytes(32).toString('base64'))!;
const MAX = 10 * 1024 * 1024;

/** Waits for a condition, failing after `ms` (no fixed sleeps). */
async function until<T>(what: string, check: () => Promise<T | null | undefined | false> | T | null | undefined | false, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('mailbox IDLE (Dovecot)', () => {
  let dovecot: Dovecot;
  let db: TestDatabase;
  let storage: FileStorage;
  let filesDir: string;
  let redis: Redis;
  const workers: Worker[] = [];

  beforeAll(async () => {
    dovecot = await startDovecot({ carol: 'carols-password' });
    redis = new Redis(process.env.TEST_REDIS_URL!);
  }, 300_000);
  afterAll(async () => {
    await redis?.quit();
    await dovecot?.stop();
  });
  beforeEach(async () => {
    db = await createTestDatabase();
    filesDir = mkdtempSync(path.join(os.tmpdir(), 'crm-idle-files-'));
    storage = new LocalDiskStorage(filesDir);
  });
  afterEach(async () => {
    for (const w of workers.splice(0)) await w.close();
    await db.drop();
    rmSync(filesDir, { recursive: true, force: true });
  });

  const start = (prefix: string) =>
    startWorker({
      redisUrl: process.env.TEST_REDIS_URL!,
      dataSource: db.dataSource,
      logger: pino({ level: 'silent' }),
      prefix,
      storage,
      mailbox: { key: KEY, maxBytes: MAX },
      jobs: { syncMailbox: JOBS.syncMailbox },
      // No poll at all: whatever arrives came through IDLE.
      schedules: [],
      mailIdle: { refreshMs: 200, lockTtlMs: 1_500, backoffMs: { min: 100, max: 1_000 }, retryTriggerMs: 200 },
    }).then((w) => (workers.push(w), w));

  const append = async (subject: string) => {
    const client = await connectImap({ host: dovecot.host, port: dovecot.port, security: 'NONE', username: 'carol', password: 'carols-password' });
    await client.append('INBOX', `From: pat@acme.example\r\nTo: carol@ourfirm.example\r\nSubject: ${subject}\r\nMessage-ID: <${randomBytes(6).toString('hex')}@acme.example>\r\nDate: ${new Date().toUTCString()}\r\n\r\nHello\r\n`);
    await client.logout();
  };
  const subjects = async () => (await db.dataSource.query(`SELECT subject FROM inbound_mails ORDER BY subject`)).map((r: { subject: string }) => r.subject);

  it('brings new mail in at once over IDLE, with one connection across two workers, taken over when the holder stops', async () => {
    const ds = db.dataSource;
    const userId = (await ds.getRepository(User).save({ email: `carol-${randomBytes(3).toString('hex')}@ourfirm.example`, name: 'Carol', role: Role.Normal, passwordHash: 'x' })).id;
    await ds.query(`INSERT INTO clients (name, domain) VALUES ('Acme', 'acme.example')`);
    const [{ id: accountId }] = await ds.query(
      `INSERT INTO mail_accounts (user_id, host, port, security, username, password_enc, since_days) VALUES ($1, $2, $3, 'NONE', 'carol', $4, 30) RETURNING id`,
      [userId, dovecot.host, dovecot.port, encryptSecret('carols-password', KEY)],
    );
    const prefix = `test-idle-${randomBytes(4).toString('hex')}`;
    const first = await start(prefix);
    await until('the first worker to listen', () => first.mailIdle!.idling().includes(accountId));
    expect(await redis.get(mailIdleLockKey(prefix, accountId))).toBe(first.mailIdle!.workerId);

    // A second worker: the lock is taken, so it opens no connection of its own.
    const second = await start(prefix);
    await second.mailIdle!.refresh();
    await second.mailIdle!.refresh();
    expect(second.mailIdle!.held()).toEqual([]);
    expect(second.mailIdle!.idling()).toEqual([]);
    expect(await redis.get(mailIdleLockKey(prefix, accountId))).toBe(first.mailIdle!.workerId);

    // New mail: stored through the sync job without any poll.
    await append('First over IDLE');
    await until('the first message', async () => (await subjects()).includes('First over IDLE'));
    const [job] = await ds.query(`SELECT j.state, j.kind FROM background_jobs j JOIN mail_accounts a ON a.job_id = j.id`);
    expect(job.kind).toBe('MAIL_SYNC');

    // The holder stops: its lock is released, the second worker takes the mailbox over and listens.
    await first.close();
    await until('the second worker to take over', () => second.mailIdle!.idling().includes(accountId));
    expect(await redis.get(mailIdleLockKey(prefix, accountId))).toBe(second.mailIdle!.workerId);
    await append('Second over IDLE');
    await until('the second message', async () => (await subjects()).includes('Second over IDLE'));
    expect(await subjects()).toEqual(['First over IDLE', 'Second over IDLE']);

    // A disabled mailbox drops its connection and its lock.
    await ds.query(`UPDATE mail_accounts SET enabled = false WHERE id = $1`, [accountId]);
    await until('the connection to close', async () => !second.mailIdle!.held().length && !(await redis.get(mailIdleLockKey(prefix, accountId))));
  }, 60_000);

  it('takes over a mailbox whose holder died without releasing (the lock lapses)', async () => {
    const ds = db.dataSource;
    const userId = (await ds.getRepository(User).save({ email: `carol-${randomBytes(3).toString('hex')}@ourfirm.example`, name: 'Carol', role: Role.Normal, passwordHash: 'x' })).id;
    const [{ id: accountId }] = await ds.query(
      `INSERT INTO mail_accounts (user_id, host, port, security, username, password_enc, since_days) VALUES ($1, $2, $3, 'NONE', 'carol', $4, 30) RETURNING id`,
      [userId, dovecot.host, dovecot.port, encryptSecret('carols-password', KEY)],
    );
    const prefix = `test-idle-${randomBytes(4).toString('hex')}`;
    // A dead worker's lock: nobody renews it.
    await redis.set(mailIdleLockKey(prefix, accountId), 'dead-worker', 'PX', 1_000);
    const w = await start(prefix);
    await w.mailIdle!.refresh();
    expect(w.mailIdle!.held()).toEqual([]);
    await until('the lock to lapse and the worker to listen', () => w.mailIdle!.idling().includes(accountId));
    expect(await redis.get(mailIdleLockKey(prefix, accountId))).toBe(w.mailIdle!.workerId);
  }, 60_000);
});
