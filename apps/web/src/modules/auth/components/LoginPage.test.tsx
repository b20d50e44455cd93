import { screen, within } from '@testing-library/react';
import { buildMe, graphQLError, meMock, renderApp } from '../../../../test/render';
import { navViewsMock, pipelinesMock } from '../../../../test/factories';
import { BOARD_QUERY } from '../../board/graphql/board';
import { LOGIN_MUTATION } from '../graphql/auth';

const credentials = { email: 'anna@example.com', password: 'correct horse' };

async function fillAndSubmit(user: ReturnType<typeof renderApp>['user'], password = credentials.password) {
  await user.type(await screen.findByLabelText('Email'), credentials.email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.keyboard('{Enter}');
}

describe('LoginPage', () => {
  it('signs in and opens the shell at the page the user came from', async () => {
    const { user } = renderApp('/reports', [
      meMock(null),
      navViewsMock(),
      {
        request: { query: LOGIN_MUTATION, variables: { input: credentials } },
        result: { data: { login: buildMe() } },
      },
    ]);

    // Not signed in: /reports redirects to the login form.
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    await fillAndSubmit(user);

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Board' })).toBeInTheDocument();
    // The Reports page is loaded on demand.
    expect(await screen.findByRole('heading', { level: 1, name: 'Reports' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign in' })).not.toBeInTheDocument();
  });

  it('shows "Wrong email or password" for wrong credentials and stays on the form', async () => {
    const { user } = renderApp('/login', [
      meMock(null),
      {
        request: { query: LOGIN_MUTATION, variables: { input: { ...credentials, password: 'nope-nope' } } },
        result: { errors: [graphQLError('Invalid credentials', { code: 'UNAUTHENTICATED' })] },
      },
    ]);

    await fillAndSubmit(user, 'nope-nope');

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
  });

  it('tells a rate-limited user how long to wait', async () => {
    const { user } = renderApp('/login', [
      meMock(null),
      {
        request: { query: LOGIN_MUTATION, variables: { input: credentials } },
        result: {
          errors: [graphQLError('Too many login attempts', { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 42 })],
        },
      },
    ]);

    await fillAndSubmit(user);

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Try again in 42 seconds.');
  });

  it('shows a network error when the server cannot be reached', async () => {
    const { user } = renderApp('/login', [
      meMock(null),
      { request: { query: LOGIN_MUTATION, variables: { input: credentials } }, error: new TypeError('Failed to fetch') },
    ]);

    await fillAndSubmit(user);

    expect(await screen.findByRole('alert')).toHaveTextContent("Can't reach the server");
  });

  it('asks for the missing fields without calling the API', async () => {
    const { user } = renderApp('/login', [meMock(null)]);
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter your email address.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password.');
  });

  it('sends a signed-in user from /login to the board', async () => {
    renderApp('/login', [
      meMock(buildMe()),
      navViewsMock(),
      pipelinesMock(),
      { request: { query: BOARD_QUERY, variables: { pipelineId: 'p1' } }, result: { data: { board: [] } } },
    ]);
    // The board of the first pipeline, named after it.
    expect(await screen.findByRole('heading', { level: 1, name: 'Sales' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument();
  });
});
