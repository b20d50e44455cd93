import { screen, within } from '@testing-library/react';
import { buildMe, graphQLError, meMock, renderApp } from '../../../../test/render';
import { navViewsMock } from '../../../../test/factories';
import { DELETE_SHARED_MAILBOX_MUTATION, MAILBOX_SETTINGS_QUERY, SAVE_MAIL_ACCOUNT_MUTATION, SAVE_SHARED_MAILBOX_MUTATION, SHARED_MAILBOXES_QUERY, TEST_MAIL_ACCOUNT_MUTATION } from '../graphql/mailbox';

const me = buildMe({ role: 'NORMAL', name: 'Mária Szabó' });
const job = { __typename: 'BackgroundJobType', id: 'j1', kind: 'MAIL_SYNC', state: 'FAILED', rowsDone: 0, rowsTotal: null, rowsPerSecond: null, secondsLeft: null, errorCode: 'IMAP_AUTH_FAILED', errorParams: null, finishedAt: '2026-11-30T10:00:00.000Z' };
const account = {
  __typename: 'MailAccountType',
  id: 'a1',
  name: null,
  host: 'imap.example.com',
  port: 993,
  security: 'TLS',
  username: 'maria@example.com',
  folders: ['INBOX'],
  sinceDays: 30,
  enabled: true,
  messagesSynced: 1234,
  lastSyncAt: '2026-11-30T09:00:00.000Z',
  lastErrorCode: 'IMAP_AUTH_FAILED',
  lastErrorAt: '2026-11-30T10:00:00.000Z',
  syncJob: job,
};
const settings = (value: unknown, keyConfigured = true) => ({
  request: { query: MAILBOX_SETTINGS_QUERY },
  result: { data: { mailboxSettings: { __typename: 'MailboxSettingsType', keyConfigured, account: value } } },
  maxUsageCount: Number.POSITIVE_INFINITY,
});
const input = { host: 'imap.example.com', port: 993, security: 'TLS', username: 'maria@example.com', password: 'app-pass', folders: ['INBOX'], sinceDays: 30, enabled: true };

describe('Mailbox settings page', () => {
  it('lets a Normal user test a new mailbox (showing the auth code translated) and refuses saving without a server key', async () => {
    const { user } = renderApp('/settings/mailbox', [
      meMock(me),
      navViewsMock(),
      settings(null),
      { request: { query: TEST_MAIL_ACCOUNT_MUTATION, variables: { input } }, result: { data: { testMailAccount: { __typename: 'MailConnectionTestType', ok: false, code: 'IMAP_AUTH_FAILED' } } } },
      {
        request: { query: SAVE_MAIL_ACCOUNT_MUTATION, variables: { input } },
        result: { errors: [graphQLError('no key', { code: 'BAD_USER_INPUT', reason: 'MAILBOX_KEY_MISSING' })] },
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Mailbox' })).toBeInTheDocument();
    const sections = screen.getByRole('navigation', { name: 'Settings sections' });
    expect(within(sections).getAllByRole('link').map((l) => l.getAttribute('href'))).toEqual(['/settings/mailbox']);

    await user.click(await screen.findByRole('button', { name: 'Test connection' }));
    expect(screen.getByText('Enter the IMAP server.')).toBeInTheDocument();

    await user.type(screen.getByLabelText('IMAP server'), 'imap.example.com');
    await user.type(screen.getByLabelText('User name'), 'maria@example.com');
    await user.type(screen.getByLabelText('Password or app password'), 'app-pass');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('The server refused the user name or password. Check them, or use an app password.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Connect mailbox' }));
    expect(await screen.findByText('Mailbox passwords cannot be stored: the server has no MAILBOX_KEY. Ask your administrator.')).toBeInTheDocument();
  });

  it('shows the last sync, the messages stored and the last error of a connected mailbox', async () => {
    renderApp('/settings/mailbox', [meMock(me), navViewsMock(), settings(account)]);
    const sync = await screen.findByRole('region', { name: 'Sync' });
    expect(within(sync).getByText('1,234')).toBeInTheDocument();
    expect(within(sync).getByRole('alert')).toHaveTextContent('The server refused the user name or password.');
    expect(within(sync).getByRole('button', { name: 'Sync now' })).toBeEnabled();
    expect(screen.getByLabelText('IMAP server')).toHaveValue('imap.example.com');
    expect(screen.getByText('Leave empty to keep the saved password.')).toBeInTheDocument();
  });

  it('warns when the server has no key to store passwords with', async () => {
    renderApp('/settings/mailbox', [meMock(me), navViewsMock(), settings(null, false)]);
    expect(await screen.findByText(/the server has no MAILBOX_KEY to encrypt passwords with/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Connect mailbox' })).toBeDisabled();
  });

  describe('shared mailboxes', () => {
    const admin = buildMe({ role: 'ADMIN', name: 'Admin Anna' });
    const office = { ...account, id: 's1', name: 'Office', username: 'office@example.com', lastErrorCode: null, lastErrorAt: null, syncJob: null, messagesSynced: 42 };
    const shared = (list: unknown[]) => ({ request: { query: SHARED_MAILBOXES_QUERY }, result: { data: { sharedMailboxes: list } } });

    it('are not shown to a Normal user', async () => {
      renderApp('/settings/mailbox', [meMock(me), navViewsMock(), settings(null)]);
      expect(await screen.findByRole('region', { name: 'Connection' })).toBeInTheDocument();
      expect(screen.queryByRole('region', { name: 'Shared mailboxes' })).not.toBeInTheDocument();
    });

    it('an Admin connects one in a dialog (a name is required) and sees it listed', async () => {
      const sharedInput = { ...input, username: 'office@example.com', name: 'Office' };
      const { user } = renderApp('/settings/mailbox', [
        meMock(admin),
        navViewsMock(),
        settings(null),
        shared([]),
        { request: { query: SAVE_SHARED_MAILBOX_MUTATION, variables: { id: null, input: sharedInput } }, result: { data: { saveSharedMailbox: office } } },
        shared([office]),
      ]);
      const section = await screen.findByRole('region', { name: 'Shared mailboxes' });
      expect(await within(section).findByText('No shared mailboxes yet')).toBeInTheDocument();
      await user.click(within(section).getByRole('button', { name: 'Add shared mailbox' }));
      const dialog = await screen.findByRole('dialog', { name: 'New shared mailbox' });
      await user.click(within(dialog).getByRole('button', { name: 'Connect mailbox' }));
      expect(within(dialog).getByText('Enter a name.')).toBeInTheDocument();

      await user.type(within(dialog).getByLabelText('Name'), 'Office');
      await user.type(within(dialog).getByLabelText('IMAP server'), 'imap.example.com');
      await user.type(within(dialog).getByLabelText('User name'), 'office@example.com');
      await user.type(within(dialog).getByLabelText('Password or app password'), 'app-pass');
      await user.click(within(dialog).getByRole('button', { name: 'Connect mailbox' }));
      expect(await within(section).findByText('Office saved.')).toBeInTheDocument();
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      const item = await within(section).findByRole('listitem', { name: 'Office' });
      expect(within(item).getByText('office@example.com · imap.example.com:993')).toBeInTheDocument();
      expect(within(item).getByText('42')).toBeInTheDocument();
    });

    it('disconnecting one asks first', async () => {
      const { user } = renderApp('/settings/mailbox', [
        meMock(admin),
        navViewsMock(),
        settings(null),
        shared([office]),
        { request: { query: DELETE_SHARED_MAILBOX_MUTATION, variables: { id: 's1' } }, result: { data: { deleteSharedMailbox: true } } },
        shared([]),
      ]);
      const item = await screen.findByRole('listitem', { name: 'Office' });
      await user.click(within(item).getByRole('button', { name: 'Disconnect' }));
      const confirm = await screen.findByRole('dialog', { name: 'Disconnect Office?' });
      await user.click(within(confirm).getByRole('button', { name: 'Disconnect' }));
      expect(await screen.findByText('Office disconnected.')).toBeInTheDocument();
      expect(await screen.findByText('No shared mailboxes yet')).toBeInTheDocument();
    });
  });
});
