import { act, screen, waitFor, within } from '@testing-library/react';
import { buildMe, graphQLError, meMock, renderApp } from '../../../../test/render';
import { buildBoardCard, navViewsMock, pipelinesMock } from '../../../../test/factories';
import { installBoardLayout } from '../../../../test/layout';
import { BOARD_QUERY, CARD_CHANGES_QUERY, MOVE_CARD_MUTATION } from '../graphql/board';
import { POLL_INTERVAL_MS } from '../hooks/useBoard';

const column = (id: string, name: string, cards: ReturnType<typeof buildBoardCard>[], count = cards.length) => ({
  __typename: 'BoardColumn' as const,
  status: { __typename: 'Status' as const, id, name, kind: 'OPEN' as const, color: '#64748b' },
  count,
  sums: [{ __typename: 'MoneySum' as const, currency: 'EUR', amount: cards.reduce((sum, card) => sum + (card.value ?? 0), 0) }],
  cards,
  endCursor: null,
  hasMore: false,
});

const anna = buildBoardCard({ id: 'c1', clientName: 'Alfa Kft.', position: 'a0', value: 1200 });
const bodo = buildBoardCard({ id: 'c2', clientName: 'Béta Zrt.', position: 'a1', value: 800 });
const cili = buildBoardCard({ id: 'c3', clientName: 'Gamma Bt.', statusId: 's2', position: 'a0', value: 500 });

const boardMock = () => ({
  request: { query: BOARD_QUERY, variables: { pipelineId: 'p1' } },
  result: {
    data: {
      board: [column('s1', 'New lead', [anna, bodo]), column('s2', 'Contacted', [cili], 12), column('s3', 'Won', [])],
    },
  },
});

const baseMocks = () => [meMock(buildMe()), pipelinesMock(), navViewsMock(), boardMock()];

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = installBoardLayout();
});
afterEach(() => restoreLayout());

async function dragFirstCardRight(user: ReturnType<typeof renderApp>['user']) {
  const newLead = await screen.findByRole('list', { name: 'New lead' });
  const card = within(newLead).getByRole('listitem', { name: /^Alfa Kft\./ });
  card.focus();
  await user.keyboard(' ');
  await user.keyboard('{ArrowRight}');
  await user.keyboard(' ');
}

describe('Board', () => {
  it('shows one labelled list per status with its count, sums and cards', async () => {
    renderApp('/board/p1', baseMocks());

    const newLead = await screen.findByRole('list', { name: 'New lead' });
    const items = within(newLead).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('aria-label'))).toEqual([
      expect.stringMatching(/^Alfa Kft\., owner Béla Nagy, €1,200/),
      expect.stringMatching(/^Béta Zrt\./),
    ]);
    expect(screen.getByRole('list', { name: 'Contacted' })).toBeInTheDocument();
    expect(screen.getByLabelText('12 cards')).toHaveTextContent('12');
    expect(screen.getByLabelText('2 cards')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Won' })).queryAllByRole('listitem')).toHaveLength(0);
    expect(screen.getByText('No cards here yet. Drag one in or use +.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add a client to Contacted' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Sales' })).toBeInTheDocument();
  });

  it('moves a card to the next column with the keyboard at once and saves it next to its new neighbour', async () => {
    let sent: unknown = null;
    const { user } = renderApp('/board/p1', [
      ...baseMocks(),
      {
        request: {
          query: MOVE_CARD_MUTATION,
          variables: (variables: Record<string, unknown>) => {
            sent = variables.input;
            return true;
          },
        },
        result: { data: { moveCard: { ...anna, statusId: 's2', position: 'Zz' } } },
      },
    ]);

    await dragFirstCardRight(user);

    const contacted = screen.getByRole('list', { name: 'Contacted' });
    expect(within(contacted).getAllByRole('listitem').map((item) => item.getAttribute('aria-label'))).toEqual([
      expect.stringMatching(/^Alfa Kft\./),
      expect.stringMatching(/^Gamma Bt\./),
    ]);
    expect(screen.getByLabelText('13 cards')).toBeInTheDocument();
    // The announcement counts the column's 12 cards and the one brought in, not the one card loaded.
    expect(screen.getByText('Dropped Alfa Kft. at position 1 of 13 in Contacted.')).toBeInTheDocument();
    await waitFor(() => expect(sent).toEqual({ cardId: 'c1', statusId: 's2', beforeCardId: 'c3' }));
    expect(within(screen.getByRole('list', { name: 'New lead' })).getAllByRole('listitem')).toHaveLength(1);
  });

  it('puts the card back and says why when the move fails', async () => {
    const { user } = renderApp('/board/p1', [
      ...baseMocks(),
      {
        request: { query: MOVE_CARD_MUTATION, variables: () => true },
        result: { errors: [graphQLError('nope', { code: 'FORBIDDEN' })] },
      },
    ]);

    await dragFirstCardRight(user);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      "The card was put back: You don't have permission to do that.",
    );
    const newLead = screen.getByRole('list', { name: 'New lead' });
    expect(within(newLead).getAllByRole('listitem')[0]).toHaveAccessibleName(/^Alfa Kft\./);
    expect(within(screen.getByRole('list', { name: 'Contacted' })).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByLabelText('12 cards')).toBeInTheDocument();
  });

  it("follows other people's changes and takes the header counts from the poll's columns", async () => {
    jest.useFakeTimers();
    try {
      const moved = { ...cili, statusId: 's1', position: 'a2' };
      renderApp('/board/p1', [
        ...baseMocks(),
        {
          request: { query: CARD_CHANGES_QUERY, variables: () => true },
          result: {
            data: {
              cardChanges: {
                __typename: 'CardChanges',
                cards: [moved],
                removedIds: [],
                serverTime: '2026-01-01T00:00:03.000Z',
                reset: false,
                // The server's counts, not what the loaded cards would add up to.
                columns: [
                  { __typename: 'ColumnTotal', statusId: 's1', count: 30, sums: [{ __typename: 'MoneySum', currency: 'EUR', amount: 2500 }] },
                  { __typename: 'ColumnTotal', statusId: 's2', count: 11, sums: [] },
                  { __typename: 'ColumnTotal', statusId: 's3', count: 0, sums: [] },
                ],
              },
            },
          },
        },
      ]);
      await screen.findByRole('list', { name: 'New lead' });
      expect(screen.getByLabelText('2 cards')).toBeInTheDocument();

      await act(async () => {
        jest.advanceTimersByTime(POLL_INTERVAL_MS);
      });

      await waitFor(() => expect(screen.getByLabelText('30 cards')).toBeInTheDocument());
      expect(screen.getByLabelText('11 cards')).toBeInTheDocument();
      expect(screen.queryByLabelText('2 cards')).not.toBeInTheDocument();
      expect(within(screen.getByRole('list', { name: 'New lead' })).getAllByRole('listitem')).toHaveLength(3);
    } finally {
      jest.useRealTimers();
    }
  });
});
