import { act, screen, waitFor, within } from '@testing-library/react';
import { buildMe, meMock, renderApp } from '../../../../test/render';
import {
  assignableUsersMock,
  buildCardRow,
  buildLabel,
  labelsMock,
  navViewsMock,
  pipelinesMock,
} from '../../../../test/factories';
import { VIEWS_QUERY } from '../../views/graphql/views';
import { CREATE_VIEW_MUTATION, DELETE_VIEW_MUTATION } from '../../views/graphql/viewMutations';
import { CARD_LIST_QUERY, LIST_CUSTOM_FIELDS_QUERY, MASS_UPDATE_CARDS_MUTATION } from '../graphql/cards';
import { UNDO_MASS_UPDATE_MUTATION } from '../graphql/massUndo';

type Vars = Record<string, unknown>;

const customField = (id: string, label: string, kind: string, options: string[] = [], position = 0) => ({
  __typename: 'CustomField' as const,
  id,
  label,
  kind,
  options,
  position,
});

const customFieldsMock = {
  request: { query: LIST_CUSTOM_FIELDS_QUERY, variables: { pipelineId: 'p1' } },
  result: {
    data: {
      customFields: [
        customField('f-budget', 'Budget', 'MONEY'),
        customField('f-tier', 'Tier', 'SELECT', ['Silver', 'Gold'], 1),
        customField('f-active', 'Active', 'BOOLEAN', [], 2),
      ],
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

const alfa = buildCardRow({
  id: 'c1',
  clientName: 'Alfa Kft.',
  value: 1200,
  customValues: { 'f-budget': { amount: 1500, currency: 'EUR' }, 'f-tier': 'Gold' },
});
const beta = buildCardRow({ id: 'c2', clientName: 'Béta Zrt.', statusId: 's2', value: 800 });

/** Answers every list request, records its variables; a status filter narrows to Béta. */
function listMock(calls: Vars[], total = 2) {
  return {
    request: {
      query: CARD_LIST_QUERY,
      variables: (variables: Vars) => {
        calls.push(variables);
        return true;
      },
    },
    result: (variables: Vars) => {
      const filter = (variables.filter ?? {}) as Vars;
      const items = filter.statusIds ? [beta] : [alfa, beta];
      return { data: { cards: { __typename: 'CardList', items, total: filter.statusIds ? 1 : total } } };
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

const pageMocks = (calls: Vars[], total?: number, views: unknown[] = []) => [
  meMock(buildMe()),
  navViewsMock(views),
  pipelinesMock(),
  assignableUsersMock(),
  labelsMock('CATEGORY'),
  labelsMock('CLASSIFICATION'),
  labelsMock('TAG', [buildLabel({ id: 'l1', name: 'Hot' })]),
  labelsMock('DEPARTMENT'),
  {
    request: { query: VIEWS_QUERY, variables: { kind: 'CARDS', pipelineId: 'p1' } },
    result: { data: { views } },
    maxUsageCount: Number.POSITIVE_INFINITY,
  },
  customFieldsMock,
  listMock(calls, total),
];

const last = (calls: Vars[]) => calls[calls.length - 1];

type User = ReturnType<typeof renderApp>['user'];

/** Opens a filter's multi-select, ticks the named options and closes it with Escape. */
async function pick(user: User, filter: string, names: string[]) {
  await user.click(screen.getByRole('button', { name: new RegExp(`^${filter}:`) }));
  const panel = screen.getByRole('group', { name: filter });
  for (const name of names) await user.click(within(panel).getByRole('checkbox', { name }));
  await user.keyboard('{Escape}');
}

describe('Card list', () => {
  it('sends each filter to the server', async () => {
    const calls: Vars[] = [];
    const { user } = renderApp('/list/p1', pageMocks(calls));

    expect(await screen.findByRole('rowheader', { name: 'Alfa Kft.' })).toBeInTheDocument();
    expect(last(calls)).toEqual({ pipelineId: 'p1', filter: {}, sort: null, page: { offset: 0, limit: 50 } });

    await pick(user, 'Status', ['Contacted']);
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'Alfa Kft.' })).not.toBeInTheDocument());
    expect(last(calls).filter).toEqual({ statusIds: ['s2'] });
    expect(screen.getByText('1 card')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Todo owner'), 'Cecília Tóth');
    await waitFor(() => expect(last(calls).filter).toEqual({ statusIds: ['s2'], todoAssigneeId: 'u-2' }));

    await user.selectOptions(screen.getByLabelText('Won / lost'), 'WON');
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'béta');
    await waitFor(() =>
      expect(last(calls).filter).toEqual({ statusIds: ['s2'], todoAssigneeId: 'u-2', outcomes: ['WON'], text: 'béta' }),
    );
    // The search waits for typing to stop: no request per keystroke.
    expect(calls.filter((call) => (call.filter as Vars).text === 'bé')).toHaveLength(0);
  });

  it("keeps the shown page's range in the summary while the next page loads", async () => {
    const calls: Vars[] = [];
    const mocks = pageMocks(calls, 120);
    const gamma = buildCardRow({ id: 'c3', clientName: 'Gamma Bt.', value: 50 });
    // The second page answers after a moment; the first page's rows stay on screen meanwhile.
    mocks.splice(mocks.length - 1, 0, {
      request: { query: CARD_LIST_QUERY, variables: (variables: Vars) => (variables.page as Vars).offset === 50 },
      result: { data: { cards: { __typename: 'CardList', items: [gamma], total: 120 } } },
      delay: 300,
      maxUsageCount: Number.POSITIVE_INFINITY,
    } as never);
    const { user } = renderApp('/list/p1', mocks);
    expect(await screen.findByRole('rowheader', { name: 'Alfa Kft.' })).toBeInTheDocument();
    const pages = screen.getByRole('navigation', { name: 'Pages' });
    expect(within(pages).getByText('1–50 of 120')).toBeInTheDocument();

    await user.click(within(pages).getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('rowheader', { name: 'Alfa Kft.' })).toBeInTheDocument();
    expect(within(pages).getByText('1–50 of 120')).toBeInTheDocument();
    expect(await screen.findByRole('rowheader', { name: 'Gamma Bt.' })).toBeInTheDocument();
    expect(within(pages).getByText('51–100 of 120')).toBeInTheDocument();
  });

  it('reads its page again, once per burst, when the server says something in the pipeline changed', async () => {
    const calls: Vars[] = [];
    const mocks = pageMocks(calls);
    const list = mocks[mocks.length - 1] as ReturnType<typeof listMock>;
    let added = false;
    const gamma = buildCardRow({ id: 'c3', clientName: 'Gamma Bt.', value: 50 });
    list.result = () => ({ data: { cards: { __typename: 'CardList', items: added ? [alfa, beta, gamma] : [alfa, beta], total: added ? 3 : 2 } } });
    const { live } = renderApp('/list/p1', mocks);
    expect(await screen.findByRole('rowheader', { name: 'Alfa Kft.' })).toBeInTheDocument();
    await waitFor(() => expect(live.count('CardListLive')).toBe(1));
    const before = calls.length;
    const event = (initial: boolean) => ({ boardChanges: { __typename: 'BoardChangesEvent', initial, changes: { __typename: 'CardChanges', serverTime: '2026-12-01T10:00:00.000Z' } } });
    // The first event only says the stream is live.
    act(() => live.emit('CardListLive', event(true)));
    added = true;
    // Someone else added a card, then moved another: two events, one read.
    act(() => {
      live.emit('CardListLive', event(false));
      live.emit('CardListLive', event(false));
    });
    expect(await screen.findByRole('rowheader', { name: 'Gamma Bt.' })).toBeInTheDocument();
    expect(screen.getByText('3 cards')).toBeInTheDocument();
    expect(calls.length).toBe(before + 1);
  });

  it('sends every status picked in the multi-select, and Escape closes it back onto its button', async () => {
    const calls: Vars[] = [];
    const { user } = renderApp('/list/p1', pageMocks(calls));
    await screen.findByRole('rowheader', { name: 'Alfa Kft.' });

    const button = screen.getByRole('button', { name: 'Status: Any status' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const panel = screen.getByRole('group', { name: 'Status' });
    await user.click(within(panel).getByRole('checkbox', { name: 'Contacted' }));
    await user.click(within(panel).getByRole('checkbox', { name: 'New lead' }));
    await waitFor(() => expect(last(calls).filter).toEqual({ statusIds: ['s1', 's2'] }));

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Status' })).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(button).toHaveAccessibleName('Status: 2 selected');

    await pick(user, 'Owner', ['No owner', 'Cecília Tóth']);
    await waitFor(() => expect(last(calls).filter).toEqual({ statusIds: ['s1', 's2'], ownerIds: ['u-2'], unowned: true }));
    await pick(user, 'Tag', ['Hot']);
    await waitFor(() => expect(last(calls).filter).toEqual({ statusIds: ['s1', 's2'], ownerIds: ['u-2'], unowned: true, tagIds: ['l1'] }));
  });

  it('sorts by a column header and flips the direction on the second click', async () => {
    const calls: Vars[] = [];
    const { user } = renderApp('/list/p1', pageMocks(calls));
    await screen.findByRole('rowheader', { name: 'Alfa Kft.' });

    const valueHeader = screen.getByRole('columnheader', { name: 'Value' });
    expect(valueHeader).toHaveAttribute('aria-sort', 'none');
    await user.click(within(valueHeader).getByRole('button', { name: 'Value' }));
    await waitFor(() => expect(last(calls).sort).toEqual({ field: 'VALUE', direction: 'ASC' }));
    expect(valueHeader).toHaveAttribute('aria-sort', 'ascending');

    await user.click(within(valueHeader).getByRole('button', { name: 'Value' }));
    await waitFor(() => expect(last(calls).sort).toEqual({ field: 'VALUE', direction: 'DESC' }));
    expect(valueHeader).toHaveAttribute('aria-sort', 'descending');
  });

  it('shows a custom field as a column, formats its money and sorts by it on the server', async () => {
    const calls: Vars[] = [];
    const { user } = renderApp('/list/p1', pageMocks(calls));
    await screen.findByRole('rowheader', { name: 'Alfa Kft.' });
    expect(screen.queryByRole('columnheader', { name: 'Budget' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Columns' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Budget' }));

    const budgetHeader = screen.getByRole('columnheader', { name: 'Budget' });
    expect(budgetHeader).toHaveAttribute('aria-sort', 'none');
    const alfaRow = screen.getByRole('rowheader', { name: 'Alfa Kft.' }).closest('tr')!;
    expect(within(alfaRow).getByText('€1,500')).toBeInTheDocument();
    const betaRow = screen.getByRole('rowheader', { name: 'Béta Zrt.' }).closest('tr')!;
    expect(within(betaRow).getAllByText('—').length).toBeGreaterThan(0);

    await user.click(within(budgetHeader).getByRole('button', { name: 'Budget' }));
    await waitFor(() =>
      expect(last(calls).sort).toEqual({ field: 'CUSTOM_FIELD', customFieldId: 'f-budget', direction: 'ASC' }),
    );
    expect(budgetHeader).toHaveAttribute('aria-sort', 'ascending');
    await user.click(within(budgetHeader).getByRole('button', { name: 'Budget' }));
    await waitFor(() =>
      expect(last(calls).sort).toEqual({ field: 'CUSTOM_FIELD', customFieldId: 'f-budget', direction: 'DESC' }),
    );
    expect(budgetHeader).toHaveAttribute('aria-sort', 'descending');
  });

  it('filters by a choice or yes/no custom field once its column is shown', async () => {
    const calls: Vars[] = [];
    const { user } = renderApp('/list/p1', pageMocks(calls));
    await screen.findByRole('rowheader', { name: 'Alfa Kft.' });
    const filters = screen.getByRole('search', { name: 'Filter cards' });
    expect(within(filters).queryByLabelText('Tier')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Columns' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Tier' }));
    await user.click(screen.getByRole('checkbox', { name: 'Active' }));
    expect(within(screen.getByRole('rowheader', { name: 'Alfa Kft.' }).closest('tr')!).getByText('Gold')).toBeInTheDocument();

    await user.selectOptions(within(filters).getByLabelText('Tier'), 'Gold');
    await waitFor(() => expect(last(calls).filter).toEqual({ custom: [{ fieldId: 'f-tier', value: 'Gold' }] }));

    await user.selectOptions(within(filters).getByLabelText('Active'), 'Yes');
    await waitFor(() =>
      expect(last(calls).filter).toEqual({
        custom: [
          { fieldId: 'f-tier', value: 'Gold' },
          { fieldId: 'f-active', value: true },
        ],
      }),
    );

    await user.selectOptions(within(filters).getByLabelText('Tier'), '');
    await waitFor(() => expect(last(calls).filter).toEqual({ custom: [{ fieldId: 'f-active', value: true }] }));
  });

  it('asks before changing more than 50 cards, changes every match in one request, and undoes it from the toast', async () => {
    const calls: Vars[] = [];
    let massInput: unknown = null;
    let undone: unknown = null;
    const { user } = renderApp('/list/p1', [
      ...pageMocks(calls, 120),
      {
        request: {
          query: MASS_UPDATE_CARDS_MUTATION,
          variables: (variables: Vars) => {
            massInput = variables.input;
            return true;
          },
        },
        result: {
          data: {
            massUpdateCards: { __typename: 'MassUpdateResult', matched: 120, changed: 118, undoId: 'm-1', undoUntil: new Date(Date.now() + 600_000).toISOString() },
          },
        },
      },
      {
        request: {
          query: UNDO_MASS_UPDATE_MUTATION,
          variables: (variables: Vars) => {
            undone = variables.id;
            return true;
          },
        },
        result: { data: { undoMassUpdate: { __typename: 'MassUndoResult', restored: 117 } } },
      },
    ]);
    await screen.findByRole('rowheader', { name: 'Alfa Kft.' });

    await user.click(screen.getByRole('checkbox', { name: 'Select all cards on this page' }));
    expect(screen.getByRole('checkbox', { name: 'Select Béta Zrt.' })).toBeChecked();
    expect(screen.getByText('2 selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Select all 120 matching cards' }));
    expect(screen.getByText('All 120 matching cards are selected.')).toBeInTheDocument();

    const bar = screen.getByRole('region', { name: 'Change the selected cards' });
    await user.selectOptions(within(bar).getByLabelText('Action'), 'addTag');
    await user.selectOptions(within(bar).getByLabelText('Value'), 'Hot');
    await user.click(within(bar).getByRole('button', { name: 'Apply to 120 cards' }));

    // More than 50 cards: nothing is sent until the count is confirmed.
    const confirm = screen.getByRole('dialog', { name: 'Change 120 cards?' });
    expect(massInput).toBeNull();
    await user.click(within(confirm).getByRole('button', { name: 'Apply to 120 cards' }));

    expect(await screen.findByText('118 cards changed.')).toBeInTheDocument();
    expect(massInput).toEqual({ pipelineId: 'p1', change: { addTagId: 'l1' }, filter: {} });
    expect(screen.queryByRole('region', { name: 'Change the selected cards' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Undone: 117 cards are back as they were.')).toBeInTheDocument();
    expect(undone).toBe('m-1');
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
  });

  it('selects all matches with Alt+A and mass-edits the ticked rows by id otherwise', async () => {
    const calls: Vars[] = [];
    let massInput: unknown = null;
    const { user } = renderApp('/list/p1', [
      ...pageMocks(calls, 120),
      {
        request: {
          query: MASS_UPDATE_CARDS_MUTATION,
          variables: (variables: Vars) => {
            massInput = variables.input;
            return true;
          },
        },
        result: { data: { massUpdateCards: { __typename: 'MassUpdateResult', matched: 1, changed: 1, undoId: null, undoUntil: null } } },
      },
    ]);
    await screen.findByRole('rowheader', { name: 'Alfa Kft.' });

    await user.keyboard('{Alt>}a{/Alt}');
    expect(screen.getByText('All 120 matching cards are selected.')).toBeInTheDocument();
    await user.click(
      within(screen.getByRole('region', { name: 'Change the selected cards' })).getByRole('button', { name: 'Clear selection' }),
    );
    expect(screen.queryByText('All 120 matching cards are selected.')).not.toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Select Alfa Kft.' }));
    const bar = screen.getByRole('region', { name: 'Change the selected cards' });
    await user.selectOptions(within(bar).getByLabelText('Action'), 'owner');
    await user.selectOptions(within(bar).getByLabelText('Value'), 'Cecília Tóth');
    await user.click(within(bar).getByRole('button', { name: 'Apply to 1 card' }));

    expect(await screen.findByText('1 card changed.')).toBeInTheDocument();
    expect(massInput).toEqual({ pipelineId: 'p1', change: { ownerId: 'u-2' }, cardIds: ['c1'] });
  });

  it('saves the filter, columns and sort as a shared view', async () => {
    const calls: Vars[] = [];
    let viewInput: unknown = null;
    const { user } = renderApp('/list/p1', [
      ...pageMocks(calls),
      {
        request: {
          query: CREATE_VIEW_MUTATION,
          variables: (variables: Vars) => {
            viewInput = variables.input;
            return true;
          },
        },
        result: {
          data: {
            createView: {
              __typename: 'View',
              id: 'v1',
              kind: 'CARDS',
              name: 'Hot contacts',
              pipelineId: 'p1',
              shared: true,
              editable: true,
              ownerId: 'u-admin',
              columns: ['client', 'owner', 'value'],
              sort: null,
              filter: { __typename: 'CardFilter', categoryIds: null, classificationIds: null, createdFrom: null, createdTo: null, custom: null, departmentIds: null, outcomes: null, ownerIds: null, statusIds: ['s2'], tagIds: null, text: null, todoAssigneeId: null, unowned: null },
            },
          },
        },
      },
    ]);
    await screen.findByRole('rowheader', { name: 'Alfa Kft.' });
    await pick(user, 'Status', ['Contacted']);

    await user.click(screen.getByRole('button', { name: 'Columns' }));
    await user.click(screen.getByRole('checkbox', { name: 'Status' }));
    await user.click(screen.getByRole('button', { name: 'Move Value up' }));
    expect(screen.queryByRole('columnheader', { name: 'Status' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save as view' }));
    const dialog = screen.getByRole('dialog', { name: 'Save as a view' });
    await user.type(within(dialog).getByLabelText('View name'), 'Hot contacts');
    await user.click(within(dialog).getByLabelText('Share with everyone'));
    await user.click(within(dialog).getByRole('button', { name: 'Save view' }));

    expect(await screen.findByText('View "Hot contacts" saved.')).toBeInTheDocument();
    expect(viewInput).toEqual({
      kind: 'CARDS',
      pipelineId: 'p1',
      name: 'Hot contacts',
      shared: true,
      filter: { statusIds: ['s2'] },
      columns: ['client', 'value', 'owner', 'nextTodo', 'tags', 'createdAt'],
      sort: null,
    });
  });

  it('deletes an editable view after confirming, opens the plain list and drops it from the navigation', async () => {
    const calls: Vars[] = [];
    const hot = {
      __typename: 'View' as const,
      id: 'v1',
      kind: 'CARDS' as const,
      name: 'Hot contacts',
      pipelineId: 'p1',
      shared: false,
      editable: true,
      ownerId: 'u-admin',
      columns: ['client', 'owner', 'value'],
      sort: null,
      filter: { __typename: 'CardFilter' as const, categoryIds: null, classificationIds: null, createdFrom: null, createdTo: null, custom: null, departmentIds: null, outcomes: null, ownerIds: null, statusIds: ['s2'], tagIds: null, text: null, todoAssigneeId: null, unowned: null },
    };
    let deleted: unknown = null;
    const { user } = renderApp('/list/p1?view=v1', [
      ...pageMocks(calls, undefined, [hot]),
      {
        request: {
          query: DELETE_VIEW_MUTATION,
          variables: (variables: Vars) => {
            deleted = variables.id;
            return true;
          },
        },
        result: { data: { deleteView: true } },
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Hot contacts' })).toBeInTheDocument();
    const nav = screen.getByRole('list', { name: 'Saved views' });
    expect(within(nav).getByRole('link', { name: 'Hot contacts' })).toBeInTheDocument();
    await waitFor(() => expect(last(calls).filter).toEqual({ statusIds: ['s2'] }));
    expect(await screen.findByRole('button', { name: 'Status: Contacted' })).toBeInTheDocument();

    // Cancelling keeps the view.
    const deleteButton = screen.getByRole('button', { name: 'Delete view' });
    await user.click(deleteButton);
    await user.click(within(screen.getByRole('dialog', { name: 'Delete the view "Hot contacts"?' })).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(deleteButton).toHaveFocus();
    expect(deleted).toBeNull();

    await user.click(deleteButton);
    const dialog = screen.getByRole('dialog', { name: 'Delete the view "Hot contacts"?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete view' }));

    expect(await screen.findByText('View "Hot contacts" deleted.')).toBeInTheDocument();
    expect(deleted).toBe('v1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sales' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Hot contacts' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete view' })).not.toBeInTheDocument();
    await waitFor(() => expect(last(calls).filter).toEqual({}));
    expect(screen.getByRole('button', { name: 'Status: Any status' })).toBeInTheDocument();
  });
});
