import { screen, within } from '@testing-library/react';
import { buildMe, graphQLError, meMock, renderApp } from '../../../../test/render';
import { navViewsMock } from '../../../../test/factories';
import { MAILBOX_SETTINGS_QUERY, SAVE_MAIL_ACCOUNT_MUTATION, TEST_MAIL_ACCOUNT_MUTATION } from '../graphql/mailbox';

const me = buildMe({ role: 'NORMAL', name: 'Mária Szabó' });
const job = { __typename: 'BackgroundJobType', id: 'j1', kind: 'MAIL_SYNC', state: 'FAILED', rowsDone: 0, rowsTotal: null, rowsPerSecond: null, secondsLeft: null, errorCode: 'IMAP_AUTH_FAILED', errorParams: null, finishedAt: '2026-11-30T10:00:00.000Z' };
const account = {
  __typename: 'MailAccountType',
  id: 'a1',
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
});
