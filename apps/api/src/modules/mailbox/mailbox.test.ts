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

  describe('shared mailboxes (Admins)', () => {
    const SHARED = `query { sharedMailboxes { id name host username messagesSynced syncJob { id state } } }`;
    const SAVE_SHARED = `mutation($id: ID, $input: SharedMailboxInput!) { saveSharedMailbox(id: $id, input: $input) { id name host username } }`;
    let admin: string;
    beforeAll(async () => {
      const user = await api.buildUser({ role: Role.Admin });
      admin = await api.login(user.email, user.password);
    });

    it('an Admin connects, renames, syncs and disconnects a shared mailbox; each change is audited', async () => {
      const created = await api.gql(SAVE_SHARED, { input: { ...input(), name: 'Office' } }, admin);
      expect(created.errors).toBeUndefined();
      const id = created.data!.saveSharedMailbox.id;
      const [row] = await api.db.dataSource.query(`SELECT kind, user_id, name, password_enc FROM mail_accounts WHERE id = $1`, [id]);
      expect(row).toMatchObject({ kind: 'SHARED', user_id: null, name: 'Office' });
      expect(decryptSecret(row.password_enc, parseMailboxKey(KEY))).toBe('right-password');

      // A rename keeps the stored password; the test login uses it.
      expect((await api.gql(SAVE_SHARED, { id, input: { ...input({ password: null }), name: 'Office (HU)' } }, admin)).errors).toBeUndefined();
      expect((await api.gql(`mutation($id: ID, $input: MailAccountInput!) { testSharedMailbox(id: $id, input: $input) { ok code } }`, { id, input: input({ password: null }) }, admin)).data!.testSharedMailbox).toEqual({ ok: true, code: null });
      expect((await api.gql(SHARED, {}, admin)).data!.sharedMailboxes).toEqual([{ id, name: 'Office (HU)', host: dovecot.host, username: 'anna', messagesSynced: 0, syncJob: null }]);

      dovecot.deliver('anna', `From: y@example.org\r\nSubject: Shared\r\nMessage-ID: <shared1@example.org>\r\nDate: ${new Date().toUTCString()}\r\n\r\nbody\r\n`);
      const started = await api.gql(`mutation($id: ID!) { syncSharedMailbox(id: $id) { syncJob { id state } } }`, { id }, admin);
      expect(started.data!.syncSharedMailbox.syncJob.state).toBe('QUEUED');
      await runMailSyncJob(api.db.dataSource, started.data!.syncSharedMailbox.syncJob.id, new LocalDiskStorage(filesDir), parseMailboxKey(KEY), 1 << 20);
      // The mail the personal mailbox already stored (same Message-ID) is recognised, not stored twice.
      expect((await api.gql(SHARED, {}, admin)).data!.sharedMailboxes[0]).toMatchObject({ messagesSynced: 1, syncJob: { state: 'DONE' } });
      expect(await api.db.dataSource.query(`SELECT count(*)::int AS n FROM inbound_mails WHERE message_id = '<shared1@example.org>'`)).toEqual([{ n: 1 }]);

      expect((await api.gql(`mutation($id: ID!) { deleteSharedMailbox(id: $id) }`, { id }, admin)).data!.deleteSharedMailbox).toBe(true);
      expect((await api.gql(SHARED, {}, admin)).data!.sharedMailboxes).toEqual([]);
      const audit = await api.db.dataSource.query(`SELECT action, changes FROM audit_log WHERE entity = 'shared_mailbox' AND entity_id = $1 ORDER BY at, id`, [id]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'update', 'delete']);
      expect(audit[1].changes).toEqual({ name: ['Office', 'Office (HU)'] });
      expect(JSON.stringify(audit)).not.toContain('right-password');
    });

    it('a user’s own mailbox is never reached through the shared-mailbox operations', async () => {
      const user = await api.buildUser({ role: Role.Normal });
      const own = await api.login(user.email, user.password);
      const personal = (await api.gql(SAVE, { input: input() }, own)).data!.saveMailAccount.id;
      const gone = (q: string) => api.gql(q, { id: personal, input: { ...input(), name: 'Taken over' } }, admin);
      for (const q of [
        `mutation($id: ID!) { deleteSharedMailbox(id: $id) }`,
        `mutation($id: ID!) { syncSharedMailbox(id: $id) { id } }`,
        `mutation($id: ID, $input: SharedMailboxInput!) { saveSharedMailbox(id: $id, input: $input) { id } }`,
      ]) {
        const res = await gone(q);
        expect(res.errors![0].extensions!.code).toBe('NOT_FOUND');
      }
      expect(await api.db.dataSource.query(`SELECT kind, name FROM mail_accounts WHERE id = $1`, [personal])).toEqual([{ kind: 'USER', name: null }]);
      expect((await api.gql(SHARED, {}, admin)).data!.sharedMailboxes).toEqual([]);
    });

    it('is for Admins only, and a shared mailbox needs a name', async () => {
      const manager = await api.buildUser({ role: Role.Manager });
      const m = await api.login(manager.email, manager.password);
      expect((await api.gql(SHARED, {}, m)).errors![0].extensions!.code).toBe('FORBIDDEN');
      expect((await api.gql(SAVE_SHARED, { input: { ...input(), name: 'Office' } }, m)).errors![0].extensions!.code).toBe('FORBIDDEN');
      const unnamed = await api.gql(SAVE_SHARED, { input: { ...input(), name: '   ' } }, admin);
      expect(unnamed.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(await api.db.dataSource.query(`SELECT id FROM mail_accounts WHERE kind = 'SHARED'`)).toEqual([]);
    });
  });
});
