// A Normal user connects their IMAP mailbox (a private Dovecot) in Settings > Mailbox: a wrong
// password is reported as such, the right one connects; a sync (the worker's part run here) files a
// client's mail under that client, and the page shows the messages stored. An Admin connects a
// shared mailbox (office@) the same way, below their own.
import { LocalDiskStorage, parseMailboxKey, runMailSyncJob } from '../packages/db/src';
import { startDovecot, type Dovecot } from '../packages/db/src/testing';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signIn, startApp, withPage, type E2eApp } from './support';

jest.setTimeout(180_000);

const KEY = randomBytes(32).toString('base64');
let app: E2eApp;
let dovecot: Dovecot;
let filesDir: string;

beforeAll(async () => {
  dovecot = await startDovecot({ zofia: 'imap-password', office: 'office-password' });
  app = await startApp({ MAILBOX_KEY: KEY });
  filesDir = mkdtempSync(path.join(os.tmpdir(), 'crm-e2e-mailbox-'));
});

afterAll(async () => {
  await app?.close();
  await dovecot?.stop();
  if (filesDir) rmSync(filesDir, { recursive: true, force: true });
});

it('connects a mailbox, reports a wrong password, and syncs a client mail into its History', async () => {
  const [client] = await app.dataSource.query(`SELECT c.id, c.name, ct.emails[1] AS email FROM clients c JOIN contacts ct ON ct.client_id = c.id WHERE c.deleted_at IS NULL AND ct.deleted_at IS NULL AND cardinality(ct.emails) > 0 LIMIT 1`);
  dovecot.deliver(
    'zofia',
    `From: ${client.email}\r\nTo: sales@example.com\r\nSubject: Order confirmation from IMAP\r\nMessage-ID: <e2e-imap-1@example.org>\r\nDate: ${new Date().toUTCString()}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nWe confirm the order.\r\n`,
  );
  await withPage(app, 'mailbox settings', async (page) => {
    await signIn(page, 'sales@example.com');
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mailbox' }).waitFor();
    await page.getByLabel('IMAP server').fill(dovecot.host);
    await page.getByLabel('Security').selectOption('NONE');
    await page.getByLabel('Port').fill(String(dovecot.port));
    await page.getByLabel('User name').fill('zofia');
    await page.getByLabel('Password or app password').fill('wrong');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText('The server refused the user name or password.').waitFor();
    await page.getByLabel('Password or app password').fill('imap-password');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText('Connected: the server accepted the user name and password.').waitFor();
    await page.getByRole('button', { name: 'Connect mailbox' }).click();
    await page.getByText('Mailbox settings saved.').waitFor();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByRole('button', { name: 'Syncing…' }).waitFor();

    // The worker's part: the queued sync job.
    const [{ job_id: jobId }] = await app.dataSource.query(`SELECT job_id FROM mail_accounts`);
    const done = await runMailSyncJob(app.dataSource, jobId, new LocalDiskStorage(filesDir), parseMailboxKey(KEY), 1 << 20);
    expect(done?.state).toBe('DONE');
    const [mail] = await app.dataSource.query(`SELECT client_id FROM inbound_mails WHERE message_id = '<e2e-imap-1@example.org>'`);
    expect(mail.client_id).toBe(client.id);

    await page.reload();
    const sync = page.getByRole('region', { name: 'Sync' });
    await sync.getByText('Messages stored').waitFor();
    await sync.locator('dd', { hasText: /^1$/ }).waitFor();
    if (process.env.MAILBOX_SCREENSHOT) await page.screenshot({ path: process.env.MAILBOX_SCREENSHOT, fullPage: true });
  });
});

it('an Admin connects a shared mailbox that belongs to no user, and its mail is filed with the client', async () => {
  const [client] = await app.dataSource.query(`SELECT c.id, ct.emails[1] AS email FROM clients c JOIN contacts ct ON ct.client_id = c.id WHERE c.deleted_at IS NULL AND ct.deleted_at IS NULL AND cardinality(ct.emails) > 0 ORDER BY c.name DESC LIMIT 1`);
  dovecot.deliver(
    'office',
    `From: ${client.email}\r\nTo: office@example.com\r\nSubject: Question for the office\r\nMessage-ID: <e2e-shared-1@example.org>\r\nDate: ${new Date().toUTCString()}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nWho can help?\r\n`,
  );
  await withPage(app, 'shared mailbox', async (page) => {
    await signIn(page, 'admin@example.com', '/settings/mailbox');
    const section = page.getByRole('region', { name: 'Shared mailboxes' });
    await section.getByText('No shared mailboxes yet').waitFor();
    await section.getByRole('button', { name: 'Add shared mailbox' }).click();
    const dialog = page.getByRole('dialog', { name: 'New shared mailbox' });
    await dialog.getByLabel('Name', { exact: true }).fill('Office');
    await dialog.getByLabel('IMAP server').fill(dovecot.host);
    await dialog.getByLabel('Security').selectOption('NONE');
    await dialog.getByLabel('Port').fill(String(dovecot.port));
    await dialog.getByLabel('User name').fill('office');
    await dialog.getByLabel('Password or app password').fill('office-password');
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await dialog.getByText('Connected: the server accepted the user name and password.').waitFor();
    await dialog.getByRole('button', { name: 'Connect mailbox' }).click();
    await section.getByText('Office saved.').waitFor();
    const item = section.getByRole('listitem', { name: 'Office' });
    await item.getByRole('button', { name: 'Sync now' }).click();
    await item.getByRole('button', { name: 'Syncing…' }).waitFor();

    const [{ job_id: jobId, user_id: userId }] = await app.dataSource.query(`SELECT job_id, user_id FROM mail_accounts WHERE kind = 'SHARED'`);
    expect(userId).toBeNull();
    expect((await runMailSyncJob(app.dataSource, jobId, new LocalDiskStorage(filesDir), parseMailboxKey(KEY), 1 << 20))?.state).toBe('DONE');
    const [mail] = await app.dataSource.query(`SELECT client_id FROM inbound_mails WHERE message_id = '<e2e-shared-1@example.org>'`);
    expect(mail.client_id).toBe(client.id);

    await page.reload();
    await section.getByRole('listitem', { name: 'Office' }).locator('dd', { hasText: /^1$/ }).waitFor();
    if (process.env.MAILBOX_SCREENSHOT) await page.screenshot({ path: process.env.MAILBOX_SCREENSHOT.replace(/\.png$/, '-shared.png'), fullPage: true });
  });
});
