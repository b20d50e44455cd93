import { act, screen, waitFor, within } from '@testing-library/react';
import { buildMe, graphQLError, meMock, renderApp } from '../../../../test/render';
import { buildBoardCard, navViewsMock, pipelinesMock } from '../../../../test/factories';
import { installBoardLayout } from '../../../../test/layout';
import { BOARD_QUERY, CARD_CHANGES_QUERY, MOVE_CARD_MUTATION } from '../graphql/board';

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

/** The cards are drawn first and become draggable once the drag and drop code is here. */
async function findDraggableList(name: string) {
  await waitFor(() => expect(document.querySelector('[aria-roledescription="draggable card"]')).not.toBeNull());
  return screen.getByRole('list', { name });
}

async function dragFirstCardRight(user: ReturnType<typeof renderApp>['user']) {
  const newLead = await findDraggableList('New lead');
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

  const changes = (cards: unknown[], serverTime: string, columns: unknown[] = [], removedIds: string[] = []) => ({
    __typename: 'CardChanges' as const,
    cards,
    removedIds,
    serverTime,
    reset: false,
    columns,
  });
  const live = (initial: boolean, payload: ReturnType<typeof changes>) => ({
    boardChanges: { __typename: 'BoardChangesEvent', initial, changes: payload },
  });

  it("follows other people's changes as the server pushes them and takes the header counts from them", async () => {
    const moved = { ...cili, statusId: 's1', position: 'a2' };
    const { live: server } = renderApp('/board/p1', baseMocks());
    await screen.findByRole('list', { name: 'New lead' });
    expect(screen.getByLabelText('2 cards')).toBeInTheDocument();
    await waitFor(() => expect(server.count('BoardChangesLive')).toBe(1));

    act(() =>
      server.emit(
        'BoardChangesLive',
        live(
          false,
          // The server's counts, not what the loaded cards would add up to.
          changes([moved], '2026-01-01T00:00:03.000Z', [
            { __typename: 'ColumnTotal', statusId: 's1', count: 30, sums: [{ __typename: 'MoneySum', currency: 'EUR', amount: 2500 }] },
            { __typename: 'ColumnTotal', statusId: 's2', count: 11, sums: [] },
            { __typename: 'ColumnTotal', statusId: 's3', count: 0, sums: [] },
          ]),
        ),
      ),
    );

    await waitFor(() => expect(screen.getByLabelText('30 cards')).toBeInTheDocument());
    expect(screen.getByLabelText('11 cards')).toBeInTheDocument();
    expect(screen.queryByLabelText('2 cards')).not.toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'New lead' })).getAllByRole('listitem')).toHaveLength(3);
    expect(within(screen.getByRole('list', { name: 'Contacted' })).queryAllByRole('listitem')).toHaveLength(0);
  });

  it('catches up with one read since the last server time whenever the subscription (re)starts', async () => {
    // Server times after the board was loaded (it starts from the browser's clock, a little back).
    const at = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
    const sinces: string[] = [];
    const catchUp = (result: ReturnType<typeof changes>) => ({
      request: {
        query: CARD_CHANGES_QUERY,
        variables: (variables: Record<string, unknown>) => {
          sinces.push(variables.since as string);
          return variables.pipelineId === 'p1';
        },
      },
      result: { data: { cardChanges: result } },
    });
    const bodoWon = { ...bodo, statusId: 's3', position: 'a0' };
    const { live: server } = renderApp('/board/p1', [
      ...baseMocks(),
      // After the first start: nothing happened meanwhile.
      catchUp(changes([], at(1))),
      // After the reconnect: Béta was won while the connection was down.
      catchUp(changes([bodoWon], at(60), [], [])),
    ]);
    await screen.findByRole('list', { name: 'New lead' });
    await waitFor(() => expect(server.count('BoardChangesLive')).toBe(1));
    const lastEvent = at(5);

    act(() => server.emit('BoardChangesLive', live(true, changes([], at(0.5)))));
    await waitFor(() => expect(sinces).toHaveLength(1));
    act(() => server.emit('BoardChangesLive', live(false, changes([], lastEvent))));

    // The connection dropped and came back: graphql-ws subscribes again and the server starts with an initial event.
    act(() => server.emit('BoardChangesLive', live(true, changes([], at(60)))));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Won' })).getAllByRole('listitem')).toHaveLength(1));
    // The second read started where the last event left off, so nothing between was lost.
    expect(sinces.at(-1)).toBe(lastEvent);
    expect(within(screen.getByRole('list', { name: 'New lead' })).getAllByRole('listitem')).toHaveLength(1);
  });
});
