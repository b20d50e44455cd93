import { decryptSecret, LocalDiskStorage, parseMailboxKey, runMailSyncJob } from '@crm/db';
import { startDovecot, type Dovecot } from '@crm/db/testing';
import { Role } from '@crm/shared';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApi, type TestApi } from '../../testing/api';

const KEY = randomBytes(32).toString('hex');
const SETTINGS = `query { mailboxSettings { keyConfigured account { id host port security username folders sinceDays enabled messagesSynced lastSyncAt lastErrorCode syncJob { state rowsDone errorCode } } } }`;
const SAVE = `mutation($input: MailAccountInput!) { saveMailAccount(input: $input) { id host username lastErrorCode } }`;
const TEST = `mutation($input: MailAccountInput!) { testMailAccount(input: $input) { ok code } }`;

describe('mailbox settings (IMAP, against Dovecot)', () => {
  let dovecot: Dovecot;
  let api: TestApi;
  let noKey: TestApi;
  let cookie: string;
  let filesDir: string;
  beforeAll(async () => {
    dovecot = await startDovecot({ anna: 'right-password' });
    api = await startTestApi({ mailboxKey: KEY });
    noKey = await startTestApi({ mailboxKey: null });
    const user = await api.buildUser({ role: Role.Normal });
    cookie = await api.login(user.email, user.password);
    filesDir = mkdtempSync(path.join(os.tmpdir(), 'crm-mailbox-files-'));
  }, 300_000);
  afterAll(async () => {
    await api?.close();
    await noKey?.close();
    await dovecot?.stop();
    rmSync(filesDir, { recursive: true, force: true });
  });
  const input = (extra: Record<string, unknown> = {}) => ({ host: dovecot.host, port: dovecot.port, security: 'NONE', username: 'anna', password: 'right-password', ...extra });

  it('refuses to store a password when MAILBOX_KEY is unset, with a code', async () => {
    const user = await noKey.buildUser({ role: Role.Normal });
    const c = await noKey.login(user.email, user.password);
    expect((await noKey.gql(SETTINGS, {}, c)).data!.mailboxSettings).toEqual({ keyConfigured: false, account: null });
    const res = await noKey.gql(SAVE, { input: input() }, c);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MAILBOX_KEY_MISSING' });
    expect(await noKey.db.dataSource.query(`SELECT * FROM mail_accounts`)).toEqual([]);
  });

  it('tests a connection: working settings, a wrong password, a closed port', async () => {
    expect((await api.gql(TEST, { input: input() }, cookie)).data!.testMailAccount).toEqual({ ok: true, code: null });
    expect((await api.gql(TEST, { input: input({ password: 'wrong' }) }, cookie)).data!.testMailAccount).toEqual({ ok: false, code: 'IMAP_AUTH_FAILED' });
    expect((await api.gql(TEST, { input: input({ port: 1 }) }, cookie)).data!.testMailAccount).toEqual({ ok: false, code: 'IMAP_HOST_UNREACHABLE' });
  });

  it('validates the settings at the edge', async () => {
    const res = await api.gql(SAVE, { input: input({ host: 'not a host!', port: 70000 }) }, cookie);
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('stores the password encrypted, never returns it, and shows the last sync', async () => {
    const saved = await api.gql(SAVE, { input: input() }, cookie);
    expect(saved.errors).toBeUndefined();
    const [row] = await api.db.dataSource.query(`SELECT password_enc FROM mail_accounts`);
    expect(row.password_enc).not.toContain('right-password');
    expect(decryptSecret(row.password_enc, parseMailboxKey(KEY))).toBe('right-password');
    // A later save without a password keeps the stored one.
    expect((await api.gql(SAVE, { input: input({ password: null, sinceDays: 7 }) }, cookie)).errors).toBeUndefined();
    expect((await api.gql(TEST, { input: input({ password: null }) }, cookie)).data!.testMailAccount).toEqual({ ok: true, code: null });

    dovecot.deliver('anna', `From: x@example.org\r\nSubject: Hi\r\nMessage-ID: <s1@example.org>\r\nDate: ${new Date().toUTCString()}\r\n\r\nbody\r\n`);
    const started = await api.gql(`mutation { syncMailAccount { syncJob { id state } } }`, {}, cookie);
    expect(started.data!.syncMailAccount.syncJob.state).toBe('QUEUED');
    // The worker's part, run here: the job the API queued.
    await runMailSyncJob(api.db.dataSource, started.data!.syncMailAccount.syncJob.id, new LocalDiskStorage(filesDir), parseMailboxKey(KEY), 1 << 20);
    const settings = (await api.gql(SETTINGS, {}, cookie)).data!.mailboxSettings;
    expect(settings).toMatchObject({ keyConfigured: true, account: { host: dovecot.host, username: 'anna', sinceDays: 7, messagesSynced: 1, lastErrorCode: null, syncJob: { state: 'DONE', rowsDone: 1, errorCode: null } } });
    expect(settings.account.lastSyncAt).not.toBeNull();
    expect(JSON.stringify(settings)).not.toContain('right-password');

    expect((await api.gql(`mutation { deleteMailAccount }`, {}, cookie)).data!.deleteMailAccount).toBe(true);
    expect((await api.gql(SETTINGS, {}, cookie)).data!.mailboxSettings.account).toBeNull();
  });

  it('is not for Restricted users', async () => {
    const user = await api.buildUser({ role: Role.Restricted });
    const c = await api.login(user.email, user.password);
    expect((await api.gql(SETTINGS, {}, c)).errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
