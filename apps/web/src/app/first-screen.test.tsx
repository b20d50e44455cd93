import { act, screen, waitFor, within } from '@testing-library/react';
import { buildMe, graphQLError, meMock, renderApp } from '../../test/render';
import { buildBoardCard, navViewsMock, pipelinesMock } from '../../test/factories';
import { installBoardLayout } from '../../test/layout';
import { BOARD_QUERY } from '../modules/board/graphql/board';
import { LOGIN_MUTATION } from '../modules/auth/graphql/auth';
import { firstScreenMessages } from '../i18n/first';
import { RESOURCES } from '../i18n/resources';
import { i18n } from './i18n';

// The app renders the sign-in page, the shell and the board with only the first screen's messages
// (i18n/first.ts); every message they show must be among them.
const english = RESOURCES.en.translation;
let missing: string[];
const onMissing = (_languages: readonly string[], _namespace: string, key: string) => missing.push(key);
let restoreLayout: () => void;

beforeEach(() => {
  missing = [];
  i18n.removeResourceBundle('en', 'translation');
  i18n.addResourceBundle('en', 'translation', firstScreenMessages(english));
  i18n.on('missingKey', onMissing);
  restoreLayout = installBoardLayout();
});

afterEach(() => {
  restoreLayout();
  i18n.off('missingKey', onMissing);
  i18n.addResourceBundle('en', 'translation', english, true, true);
});

const board = () => ({
  request: { query: BOARD_QUERY, variables: { pipelineId: 'p1' } },
  result: {
    data: {
      board: ['New lead', 'Won'].map((name, i) => ({
        __typename: 'BoardColumn' as const,
        status: { __typename: 'Status' as const, id: `s${i + 1}`, name, kind: 'OPEN' as const, color: '#64748b' },
        count: i === 0 ? 2 : 0,
        sums: [],
        cards:
          i === 0
            ? [
                buildBoardCard({ id: 'c1', clientName: 'Alfa Kft.', value: 1200 }),
                buildBoardCard({
                  id: 'c2',
                  clientName: 'Béta Zrt.',
                  value: null,
                  owner: null,
                  nextTodo: { __typename: 'Todo', id: 't1', title: 'Call back', deadline: '2020-01-01T09:00:00.000Z', assigneeId: null } as never,
                }),
              ]
            : [],
        endCursor: null,
        hasMore: false,
      })),
    },
  },
});

test('the sign-in page, with a wrong password, speaks only first-screen messages', async () => {
  const { user } = renderApp('/login', [
    meMock(null),
    {
      request: { query: LOGIN_MUTATION, variables: { input: { email: 'anna@example.com', password: 'nope' } } },
      result: { errors: [graphQLError('Invalid credentials', { code: 'UNAUTHENTICATED' })] },
    },
  ]);
  await user.type(await screen.findByLabelText('Email'), 'anna@example.com');
  await user.type(screen.getByLabelText('Password'), 'nope');
  await user.keyboard('{Enter}');

  expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password');
  expect(missing).toEqual([]);
});

test('the shell and the board with its cards speak only first-screen messages', async () => {
  renderApp('/board/p1', [meMock(buildMe()), pipelinesMock(), navViewsMock(), board()]);

  const column = await screen.findByRole('list', { name: 'New lead' });
  expect(within(column).getAllByRole('listitem')).toHaveLength(2);
  expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Campaigns' })).toBeInTheDocument();
  expect(screen.getByText('No cards here yet. Drag one in or use +.')).toBeInTheDocument();
  expect(missing).toEqual([]);
});

test('the new card dialog loads when it is opened from the board', async () => {
  const { user } = renderApp('/board/p1', [meMock(buildMe()), pipelinesMock(), navViewsMock(), board()]);
  await screen.findByRole('button', { name: 'Add a client to Won' });
  // The dialog's messages are not the first screen's: it brings the whole language (withMessages),
  // which this file's i18n instance had before the test narrowed it down. The app renders again with
  // them (inside act, so it is done before the click), and the click goes to the button as it is then.
  await act(async () => {
    i18n.addResourceBundle('en', 'translation', english, true, true);
  });

  // The interactive board takes the first paint's static one's place as soon as its code is here: a
  // click (several events) that spanned the swap would reach a button no longer on the page.
  await waitFor(() => expect(document.querySelector('[aria-roledescription="draggable card"]')).not.toBeNull());
  await user.click(screen.getByRole('button', { name: 'Add a client to Won' }));

  const dialog = await screen.findByRole('dialog', { name: 'New client in Won' });
  expect(within(dialog).getByLabelText('Client name')).toBeInTheDocument();
});
