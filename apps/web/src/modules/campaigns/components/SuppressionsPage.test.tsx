import { screen, within } from '@testing-library/react';
import { buildMe, graphQLError, meMock, renderApp } from '../../../../test/render';
import { navViewsMock } from '../../../../test/factories';
import { REMOVE_SUPPRESSION_MUTATION, SUPPRESSIONS_QUERY } from '../graphql/campaigns';

const row = (email: string, reason: string, source: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'Suppression' as const,
  email,
  reason,
  scope: 'CAMPAIGNS',
  source,
  campaignName: null,
  createdByName: null,
  createdAt: '2026-11-30T10:00:00.000Z',
  ...extra,
});
const page = (items: ReturnType<typeof row>[]) => ({ data: { suppressions: { __typename: 'SuppressionPage' as const, total: items.length, items } } });
const listMock = (items: ReturnType<typeof row>[]) => ({ request: { query: SUPPRESSIONS_QUERY, variables: { search: null, page: { offset: 0, limit: 50 } } }, result: page(items) });

describe('Campaigns › Suppression list', () => {
  const anna = row('anna@alfa.test', 'UNSUBSCRIBED', 'one-click', { campaignName: 'November news' });
  const bob = row('bob@beta.test', 'HARD_BOUNCE', 'bounce');

  it('lists addresses with reason, source and time; lifting an unsubscribe asks for a reason first', async () => {
    let removed: unknown = null;
    const { user } = renderApp('/campaigns/suppressions', [
      meMock(buildMe({ role: 'MANAGER' })),
      navViewsMock(),
      listMock([anna, bob]),
      {
        request: { query: REMOVE_SUPPRESSION_MUTATION, variables: { input: { email: 'anna@alfa.test', reason: 'Asked again at the fair' } } },
        result: (variables: unknown) => {
          removed = variables;
          return { data: { removeSuppression: true } };
        },
      },
      listMock([bob]),
    ]);
    const table = await screen.findByRole('table', { name: 'Suppression list' });
    const annaRow = within(table).getByRole('row', { name: /anna@alfa\.test/ });
    expect(within(annaRow).getByText('Unsubscribed')).toBeInTheDocument();
    expect(within(annaRow).getByText(/one-click/)).toBeInTheDocument();
    expect(within(annaRow).getByText(/November news/)).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /bob@beta\.test/ })).toHaveTextContent('Hard bounce');
    expect(screen.getByText('2 addresses')).toBeInTheDocument();

    await user.click(within(annaRow).getByRole('button', { name: 'Remove anna@alfa.test' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove anna@alfa.test from the list?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove from the list' }));
    expect(await within(dialog).findByText('Give the reason: this person unsubscribed.')).toBeInTheDocument();
    expect(removed).toBeNull();
    await user.type(within(dialog).getByLabelText('Reason'), 'Asked again at the fair');
    await user.click(within(dialog).getByRole('button', { name: 'Remove from the list' }));
    await screen.findByText('1 address');
    expect(removed).toEqual({ input: { email: 'anna@alfa.test', reason: 'Asked again at the fair' } });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByText('anna@alfa.test')).toBeNull();
  });

  it('removes a bounce without a reason, and shows a refusal from the server', async () => {
    const { user } = renderApp('/campaigns/suppressions', [
      meMock(buildMe({ role: 'ADMIN' })),
      navViewsMock(),
      listMock([bob]),
      {
        request: { query: REMOVE_SUPPRESSION_MUTATION, variables: { input: { email: 'bob@beta.test', reason: null } } },
        result: { errors: [graphQLError('Suppression not found.', { code: 'NOT_FOUND' })] },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Remove bob@beta.test' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove bob@beta.test from the list?' });
    expect(within(dialog).queryByLabelText('Reason')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Remove from the list' }));
    expect(await within(dialog).findByRole('alert')).toBeInTheDocument();
  });

  it('is not for Normal users', async () => {
    renderApp('/campaigns/suppressions', [meMock(buildMe({ role: 'NORMAL' })), navViewsMock()]);
    expect(await screen.findByText("You don't have access")).toBeInTheDocument();
  });
});
