import { encryptSecret, parseMailboxKey, scheduleMailSyncs, startMailSync, runMailSyncJob, syncMailAccount, User, LocalDiskStorage, type FileStorage } from '@crm/db';
import { createTestDatabase, startDovecot, type Dovecot, type TestDatabase } from '@crm/db/testing';
import { JOBS, Role } from '@crm/shared';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startWorker, type Worker } from '../worker';

/**
 * The mailbox sync against a real IMAP server: a private Dovecot (Debian's, installed when missing),
 * seeded through its maildirs. A missing Dovecot that cannot be installed fails the file (no skip).
 */
const KEY = parseMailboxKey(randomBytes(32).toString('base64'))!;
const MAX = 10 * 1024 * 1024;
let seq = 0;
const mail = (from: string, subject: string, body = 'Hello', date = new Date()) =>
  `From: ${from}\r\nTo: anna@ourfirm.example\r\nSubject: ${subject}\r\nMessage-ID: <m${++seq}.${randomBytes(4).toString('hex')}@test>\r\nDate: ${date.toUTCString()}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`;

describe('IMAP mailbox sync (Dovecot)', () => {
  let dovecot: Dovecot;
  let db: TestDatabase;
  let storage: FileStorage;
  let filesDir: string;
  let worker: Worker | undefined;
  let userId: string;
  let clientId: string;

  beforeAll(async () => {
    dovecot = await startDovecot({ anna: 'right-password', bob: 'bobs-password', office: 'office-password' });
  }, 300_000);
  afterAll(async () => {
    await dovecot?.stop();
  });
  beforeEach(async () => {
    db = await createTestDatabase();
    filesDir = mkdtempSync(path.join(os.tmpdir(), 'crm-imap-files-'));
    storage = new LocalDiskStorage(filesDir);
    const ds = db.dataSource;
    userId = (await ds.getRepository(User).save({ email: `anna-${randomBytes(3).toString('hex')}@ourfirm.example`, name: 'Anna', role: Role.Normal, passwordHash: 'x' })).id;
    [{ id: clientId }] = await ds.query(`INSERT INTO clients (name, domain) VALUES ('Acme', 'acme.example') RETURNING id`);
    await ds.query(`INSERT INTO contacts (client_id, name, emails) VALUES ($1, 'Pat', ARRAY['pat@partner.example'])`, [clientId]);
  });
  afterEach(async () => {
    await worker?.close();
    worker = undefined;
    await db.drop();
    rmSync(filesDir, { recursive: true, force: true });
  });

  const account = async (user: string, password: string, extra: Record<string, unknown> = {}) => {
    const [{ id }] = await db.dataSource.query(
      `INSERT INTO mail_accounts (user_id, host, port, security, username, password_enc, since_days) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [userId, extra.host ?? dovecot.host, extra.port ?? dovecot.port, extra.security ?? 'NONE', user, encryptSecret(password, KEY), 30],
    );
    return id as string;
  };
  const runJob = async (accountId: string) => {
    const { jobId } = await db.dataSource.transaction((em) => startMailSync(em, accountId, userId));
    return runMailSyncJob(db.dataSource, jobId, storage, KEY, MAX);
  };
  const inbound = () => db.dataSource.query(`SELECT subject, kind, client_id, from_address FROM inbound_mails ORDER BY subject`);

  it('syncs the recent mail of a mailbox onto the right client through the worker, then only what is new', async () => {
    const old = new Date(Date.now() - 60 * 86_400_000);
    dovecot.deliver('anna', mail('Pat <pat@partner.example>', 'A from the contact'));
    dovecot.deliver('anna', mail('news@mail.acme.example', 'B from the client domain'));
    dovecot.deliver('anna', mail('someone@gmail.com', 'C from a stranger'));
    dovecot.deliver('anna', mail('pat@partner.example', 'D too old', 'old', old), { received: old });
    const accountId = await account('anna', 'right-password');

    // Through Bull: the schedule starts a background job per enabled mailbox, the worker runs it.
    const prefix = `test-imap-${randomBytes(4).toString('hex')}`;
    worker = await startWorker({
      redisUrl: process.env.TEST_REDIS_URL!,
      dataSource: db.dataSource,
      logger: pino({ level: 'silent' }),
      prefix,
      storage,
      mailbox: { key: KEY, maxBytes: MAX },
      jobs: { syncMailbox: JOBS.syncMailbox },
      schedules: [],
    });
    const queue = worker.queues[JOBS.syncMailbox.queue];
    const completed = new Promise<void>((resolve) => queue.once('completed', () => resolve()));
    expect(await scheduleMailSyncs(db.dataSource, worker.queues)).toBe(1);
    // A second schedule while the first sync is open starts nothing.
    expect(await scheduleMailSyncs(db.dataSource, worker.queues)).toBe(0);
    await completed;

    const [job] = await db.dataSource.query(`SELECT j.state, j.rows_done, j.rows_total, j.kind FROM background_jobs j JOIN mail_accounts a ON a.job_id = j.id`);
    expect(job).toEqual({ state: 'DONE', rows_done: 3, rows_total: 3, kind: 'MAIL_SYNC' });
    expect(await inbound()).toEqual([
      { subject: 'A from the contact', kind: 'CLIENT', client_id: clientId, from_address: 'pat@partner.example' },
      { subject: 'B from the client domain', kind: 'CLIENT', client_id: clientId, from_address: 'news@mail.acme.example' },
      { subject: 'C from a stranger', kind: 'UNSORTED', client_id: null, from_address: 'someone@gmail.com' },
    ]);
    const history = await db.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE client_id = $1 AND entity = 'email' AND action = 'received'`, [clientId]);
    expect(history[0].n).toBe(2);
    const [state] = await db.dataSource.query(`SELECT messages_synced, last_sync_at, last_error_code, sync_state FROM mail_accounts WHERE id = $1`, [accountId]);
    expect(state.messages_synced).toBe(3);
    expect(state.last_sync_at).not.toBeNull();
    expect(state.last_error_code).toBeNull();
    expect(state.sync_state.INBOX.lastUid).toBe(4);

    // Again: nothing new is read or stored.
    const again = await runJob(accountId);
    expect(again?.state).toBe('DONE');
    expect(again?.result).toMatchObject({ fetched: 0, stored: 0 });
    expect(await inbound()).toHaveLength(3);

    // A new message: the incremental sync reads it alone.
    dovecot.deliver('anna', mail('boss@acme.example', 'E new from the client'));
    const next = await runJob(accountId);
    expect(next?.result).toMatchObject({ fetched: 1, stored: 1, duplicates: 0 });
    expect((await inbound()).map((m: { subject: string }) => m.subject)).toEqual(['A from the contact', 'B from the client domain', 'C from a stranger', 'E new from the client']);
  }, 60_000);

  it('files the user\'s sent mail (the Sent folder) under the recipient\'s client as sent, and keeps no copy of mail to strangers', async () => {
    dovecot.deliver('bob', `From: bob@ourfirm.example\r\nTo: Pat <pat@partner.example>\r\nSubject: Our offer\r\nMessage-ID: <sent-1@ourfirm.example>\r\nDate: ${new Date().toUTCString()}\r\n\r\nOffer attached.\r\n`, { folder: 'Sent' });
    dovecot.deliver('bob', `From: bob@ourfirm.example\r\nTo: friend@gmail.com\r\nSubject: Lunch?\r\nMessage-ID: <sent-2@ourfirm.example>\r\nDate: ${new Date().toUTCString()}\r\n\r\nPrivate.\r\n`, { folder: 'Sent' });
    const accountId = await account('bob', 'bobs-password');
    await db.dataSource.query(`UPDATE mail_accounts SET folders = '{INBOX,Sent}' WHERE id = $1`, [accountId]);
    const result = await syncMailAccount(db.dataSource, storage, accountId, KEY, { maxBytes: MAX });
    expect(result).toMatchObject({ fetched: 2, stored: 1, skipped: 1 });
    expect(await inbound()).toEqual([{ subject: 'Our offer', kind: 'SENT', client_id: clientId, from_address: 'bob@ourfirm.example' }]);
    const [entry] = await db.dataSource.query(`SELECT action, changes, actor_id FROM audit_log WHERE client_id = $1 AND entity = 'email'`, [clientId]);
    // Sent by the mailbox's user.
    expect(entry).toEqual({ action: 'sent', changes: { subject: [null, 'Our offer'], to: [null, ['pat@partner.example']] }, actor_id: userId });
    // Nothing of it in the Unsorted inbox.
    expect(await db.dataSource.query(`SELECT * FROM unsorted_contacts`)).toEqual([]);
  }, 60_000);

  it('syncs a shared mailbox (no user) through the schedule: its mail routed, its Sent mail filed as sent by the organisation', async () => {
    dovecot.deliver('office', mail('Pat <pat@partner.example>', 'Question to the office'));
    dovecot.deliver('office', `From: office@ourfirm.example\r\nTo: pat@partner.example\r\nSubject: Office answer\r\nMessage-ID: <office-sent-1@ourfirm.example>\r\nDate: ${new Date().toUTCString()}\r\n\r\nAnswer.\r\n`, { folder: 'Sent' });
    const [{ id: accountId }] = await db.dataSource.query(
      `INSERT INTO mail_accounts (kind, name, user_id, host, port, security, username, password_enc, folders) VALUES ('SHARED', 'Office', NULL, $1, $2, 'NONE', 'office', $3, '{INBOX,Sent}') RETURNING id`,
      [dovecot.host, dovecot.port, encryptSecret('office-password', KEY)],
    );
    // A user mailbox and a shared one cannot be confused: a SHARED row has no user, a USER row has one.
    await expect(db.dataSource.query(`INSERT INTO mail_accounts (kind, name, user_id, host, port, username, password_enc) VALUES ('SHARED', 'X', $1, 'h', 1, 'u', 'p')`, [userId])).rejects.toThrow(/mail_accounts_kind_check/);
    await expect(db.dataSource.query(`INSERT INTO mail_accounts (kind, user_id, host, port, username, password_enc) VALUES ('USER', NULL, 'h', 1, 'u', 'p')`)).rejects.toThrow(/mail_accounts_kind_check/);

    const prefix = `test-imap-${randomBytes(4).toString('hex')}`;
    worker = await startWorker({
      redisUrl: process.env.TEST_REDIS_URL!,
      dataSource: db.dataSource,
      logger: pino({ level: 'silent' }),
      prefix,
      storage,
      mailbox: { key: KEY, maxBytes: MAX },
      jobs: { syncMailbox: JOBS.syncMailbox },
      schedules: [],
    });
    const queue = worker.queues[JOBS.syncMailbox.queue];
    const completed = new Promise<void>((resolve) => queue.once('completed', () => resolve()));
    expect(await scheduleMailSyncs(db.dataSource, worker.queues)).toBe(1);
    await completed;
    const [job] = await db.dataSource.query(`SELECT j.state, j.created_by_id FROM background_jobs j JOIN mail_accounts a ON a.job_id = j.id WHERE a.id = $1`, [accountId]);
    expect(job).toEqual({ state: 'DONE', created_by_id: null });
    expect(await inbound()).toEqual([
      { subject: 'Office answer', kind: 'SENT', client_id: clientId, from_address: 'office@ourfirm.example' },
      { subject: 'Question to the office', kind: 'CLIENT', client_id: clientId, from_address: 'pat@partner.example' },
    ]);
    const entries = await db.dataSource.query(`SELECT action, actor_id FROM audit_log WHERE client_id = $1 AND entity = 'email' ORDER BY action`, [clientId]);
    expect(entries).toEqual([
      { action: 'received', actor_id: null },
      { action: 'sent', actor_id: null },
    ]);
  }, 60_000);

  it('resumes after a crash mid-sync without storing a message twice', async () => {
    for (let i = 0; i < 5; i++) dovecot.deliver('bob', mail(`p${i}@acme.example`, `R${i}`));
    const accountId = await account('bob', 'bobs-password');
    let batches = 0;
    await expect(
      syncMailAccount(db.dataSource, storage, accountId, KEY, {
        maxBytes: MAX,
        batchSize: 2,
        commit: async (work) => {
          if (++batches === 2) throw new Error('worker killed');
          await db.dataSource.transaction((em) => work(em));
          return 'committed';
        },
      }),
    ).rejects.toThrow('worker killed');
    // The second batch's messages were stored but its progress was not: the next run reads them again.
    const [mid] = await db.dataSource.query(`SELECT sync_state FROM mail_accounts WHERE id = $1`, [accountId]);
    expect(mid.sync_state.INBOX.lastUid).toBe(2);
    const rerun = await syncMailAccount(db.dataSource, storage, accountId, KEY, { maxBytes: MAX, batchSize: 2 });
    expect(rerun).toMatchObject({ fetched: 3, stored: 1, duplicates: 2 });
    const rows = await db.dataSource.query(`SELECT count(*)::int AS n, count(DISTINCT subject)::int AS d FROM inbound_mails WHERE client_id = $1`, [clientId]);
    expect(rows[0]).toEqual({ n: 5, d: 5 });
  }, 60_000);

  it('fails with a code the user reads: wrong password, host unreachable, TLS', async () => {
    const wrong = await account('anna', 'not-the-password');
    const failed = await runJob(wrong);
    expect(failed).toMatchObject({ state: 'FAILED', errorCode: 'IMAP_AUTH_FAILED' });
    const [acc] = await db.dataSource.query(`SELECT last_error_code, last_error_at FROM mail_accounts WHERE id = $1`, [wrong]);
    expect(acc.last_error_code).toBe('IMAP_AUTH_FAILED');
    expect(acc.last_error_at).not.toBeNull();
    await db.dataSource.query(`DELETE FROM mail_accounts`);

    // A port nobody listens on.
    const closed = await account('anna', 'right-password', { port: 1 });
    expect(await runJob(closed)).toMatchObject({ state: 'FAILED', errorCode: 'IMAP_HOST_UNREACHABLE' });
    await db.dataSource.query(`DELETE FROM mail_accounts`);

    // TLS spoken to a plain-text IMAP port: the handshake fails.
    const tls = await account('anna', 'right-password', { security: 'TLS' });
    expect(await runJob(tls)).toMatchObject({ state: 'FAILED', errorCode: 'IMAP_TLS_FAILED' });
    expect(await inbound()).toEqual([]);
  }, 60_000);
});
