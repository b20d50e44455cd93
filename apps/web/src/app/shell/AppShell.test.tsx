import { screen, waitFor, within } from '@testing-library/react';
import { buildMe, meMock, renderApp } from '../../../test/render';
import { navViewsMock } from '../../../test/factories';
import { LOGOUT_MUTATION, UPDATE_MY_LOCALE_MUTATION } from '../../modules/auth/graphql/auth';
import { i18n, LOCALE_STORAGE_KEY } from '../i18n';

describe('AppShell', () => {
  it('shows the main navigation, the user and Settings for an admin', async () => {
    renderApp('/reports', [meMock(buildMe({ role: 'ADMIN' })), navViewsMock()]);

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')]);
    expect(links).toEqual([
      ['Board', '/board'],
      ['List', '/list'],
      ['Clients', '/clients'],
      ['Inbox', '/inbox'],
      ['Duplicates', '/duplicates'],
      ['Automations', '/automations'],
      ['Lists', '/lists'],
      ['Campaigns', '/campaigns'],
      ['Reports', '/reports'],
      ['Import', '/imports'],
      ['Settings', '/settings'],
    ]);
    expect(screen.getByText('Anna Kovács')).toBeInTheDocument();
    expect(screen.getByLabelText('Signed in as Anna Kovács, Admin')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Reports' })).toBeInTheDocument();
  });

  it('shows a normal user Settings for their own mailbox only', async () => {
    renderApp('/reports', [meMock(buildMe({ role: 'NORMAL', name: 'Mária Szabó' })), navViewsMock()]);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Reports' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Settings' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Import' })).not.toBeInTheDocument();
    expect(screen.getByText('Normal')).toBeInTheDocument();
  });

  it('takes a manager who opens Settings to the templates, not to a refusal', async () => {
    renderApp('/settings', [meMock(buildMe({ role: 'MANAGER' })), navViewsMock()]);
    const sections = await screen.findByRole('navigation', { name: 'Settings sections' });
    expect(within(sections).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['/settings/templates', '/settings/mailbox']);
    expect(screen.queryByRole('heading', { name: "You don't have access" })).not.toBeInTheDocument();
  });

  it('shows Settings to a manager', async () => {
    renderApp('/reports', [meMock(buildMe({ role: 'MANAGER' })), navViewsMock()]);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Settings' })).toBeInTheDocument();
  });

  it('hides what the API refuses from a Restricted user', async () => {
    renderApp('/reports', [meMock(buildMe({ role: 'RESTRICTED' })), navViewsMock()]);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Automations' })).not.toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Duplicates' })).not.toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Inbox' })).not.toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Reports' })).not.toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Board' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Settings' })).not.toBeInTheDocument();
  });

  it('shows "You don\'t have access" when a non-admin opens /settings/users', async () => {
    renderApp('/settings/users', [meMock(buildMe({ role: 'NORMAL' })), navViewsMock()]);
    expect(await screen.findByRole('heading', { name: "You don't have access" })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('keeps a Normal user to cards, todos and their mail: no automations, no merging, and a clean page if they go there', async () => {
    renderApp('/automations/p1', [meMock(buildMe({ role: 'NORMAL', name: 'Mária Szabó' })), navViewsMock()]);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Automations' })).not.toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Duplicates' })).not.toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Inbox' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: "You don't have access" })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /New automation/ })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the board' })).toHaveAttribute('href', '/board');
  });

  it.each(['/automations', '/duplicates', '/inbox'])('shows a Restricted user "You don\'t have access" at %s, not an error', async (path) => {
    renderApp(path, [meMock(buildMe({ role: 'RESTRICTED' })), navViewsMock()]);
    expect(await screen.findByRole('heading', { name: "You don't have access" })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('shows automations and duplicates to a manager', async () => {
    renderApp('/reports', [meMock(buildMe({ role: 'MANAGER' })), navViewsMock()]);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Automations' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Duplicates' })).toBeInTheDocument();
  });

  it('shows a 404 page inside the shell for unknown routes', async () => {
    renderApp('/no-such-page', [meMock(buildMe()), navViewsMock()]);
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });

  it('switches the interface to Hungarian and saves the choice', async () => {
    let saved: unknown = null;
    const { user } = renderApp('/reports', [
      meMock(buildMe()),
      navViewsMock(),
      {
        request: { query: UPDATE_MY_LOCALE_MUTATION, variables: { locale: 'hu' } },
        result: () => {
          saved = 'hu';
          return { data: { updateMyProfile: { __typename: 'User', id: 'u-admin', locale: 'hu' } } };
        },
      },
    ]);

    await user.selectOptions(await screen.findByLabelText('Language'), 'hu');

    const nav = await screen.findByRole('navigation', { name: 'Főmenü' });
    expect(within(nav).getByRole('link', { name: 'Tábla' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Ügyfelek' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Kijelentkezés' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Riportok' })).toBeInTheDocument();
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('hu');
    expect(screen.getByLabelText('Nyelv')).toHaveValue('hu');
    await waitFor(() => expect(saved).toBe('hu'));
    expect(i18n.language).toBe('hu');
  });

  it("applies the user's saved language when the session starts", async () => {
    renderApp('/reports', [meMock(buildMe({ locale: 'hu' })), navViewsMock()]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Riportok' })).toBeInTheDocument();
  });

  it("keeps the language chosen on this device over the profile's (a reload before the profile saved it)", async () => {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    renderApp('/reports', [meMock(buildMe({ locale: 'hu' })), navViewsMock()]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Reports' })).toBeInTheDocument();
    await screen.findByRole('navigation', { name: 'Main' });
    expect(i18n.language).toBe('en');
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
  });

  it('logs out and returns to the login page', async () => {
    const { user } = renderApp('/reports', [
      meMock(buildMe()),
      navViewsMock(),
      { request: { query: LOGOUT_MUTATION }, result: { data: { logout: true } } },
    ]);

    await user.click(await screen.findByRole('button', { name: 'Log out' }));

    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
  });
});
