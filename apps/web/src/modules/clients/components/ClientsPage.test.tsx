import { screen, within } from '@testing-library/react';
import { buildMe, graphQLError, meMock, renderApp } from '../../../../test/render';
import { assignableUsersMock, buildLabel, labelsMock, navViewsMock, pipelinesMock } from '../../../../test/factories';
import { withMessages } from '../../../app/i18n';
import { CLIENT_DETAIL_QUERY, CLIENT_LIST_QUERY } from '../graphql/clients';

type Vars = Record<string, unknown>;

const row = (id: string, name: string) => ({
  __typename: 'Client' as const,
  id,
  name,
  type: 'COMPANY' as const,
  emails: [],
  phones: [],
  createdAt: '2026-01-05T10:00:00.000Z',
  owner: null,
  department: null,
  classification: null,
  tags: [],
});

function listMock(calls: Vars[]) {
  return {
    request: {
      query: CLIENT_LIST_QUERY,
      variables: (variables: Vars) => {
        calls.push(variables);
        return true;
      },
    },
    result: (variables: Vars) => {
      const filter = (variables.filter ?? {}) as Vars;
      const items = filter.categoryIds ? [row('cl-2', 'Flotta Kft.')] : [row('cl-1', 'Alfa Kft.'), row('cl-2', 'Flotta Kft.')];
      return { data: { clients: { __typename: 'ClientList', items, total: filter.categoryIds ? 1 : 120 } } };
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

const pageMocks = (calls: Vars[]) => [
  meMock(buildMe({ role: 'NORMAL' })),
  navViewsMock(),
  pipelinesMock(),
  assignableUsersMock(),
  labelsMock('CATEGORY', [buildLabel({ id: 'cat-fleet', kind: 'CATEGORY', name: 'Fleet' })]),
  listMock(calls),
];

const last = (calls: Vars[]) => calls[calls.length - 1];

// The pages' lazy chunk and the rest of the language load once, before the tests wait for what they
// draw: on a busy machine that first load alone outlasted a findBy's wait (a CI run failed on it).
beforeAll(() => withMessages(import('..')));

describe('Clients page', () => {
  it('filters by category and starts a new client in a pipeline and status of the user’s choice', async () => {
    const calls: Vars[] = [];
    const { user } = renderApp('/clients', pageMocks(calls));
    await screen.findByRole('rowheader', { name: 'Alfa Kft.' });

    await user.click(screen.getByRole('button', { name: 'Category: Any category' }));
    await user.click(within(screen.getByRole('group', { name: 'Category' })).getByRole('checkbox', { name: 'Fleet' }));
    await user.keyboard('{Escape}');
    expect(await screen.findByText('1 client')).toBeInTheDocument();
    expect(last(calls).filter).toEqual({ categoryIds: ['cat-fleet'] });

    await user.click(screen.getByRole('button', { name: 'New client' }));
    const dialog = screen.getByRole('dialog', { name: 'New client' });
    expect(within(dialog).getByLabelText('Pipeline')).toHaveValue('p1');
    expect(within(dialog).getByLabelText('Status')).toHaveDisplayValue('New lead');
    expect(within(dialog).getByLabelText('Client name')).toBeInTheDocument();
    await user.selectOptions(within(dialog).getByLabelText('Status'), 'Contacted');
    expect(within(dialog).getByLabelText('Status')).toHaveValue('s2');
  });

  it('opens at the page and filter of its URL (as after Back from a client)', async () => {
    const calls: Vars[] = [];
    renderApp('/clients?category=cat-fleet&page=2&sort=CREATED_AT.DESC', pageMocks(calls));
    expect(await screen.findByRole('rowheader', { name: 'Flotta Kft.' })).toBeInTheDocument();
    expect(last(calls)).toEqual({ filter: { categoryIds: ['cat-fleet'] }, sort: { field: 'CREATED_AT', direction: 'DESC' }, page: { offset: 50, limit: 50 } });
    expect(screen.getByRole('button', { name: 'Category: Fleet' })).toBeInTheDocument();
  });
});

describe('Client page', () => {
  it('says "not found, or you do not have access" for a client the user may not see, with nothing to retry', async () => {
    renderApp('/clients/cl-hidden', [
      meMock(buildMe({ role: 'RESTRICTED' })),
      navViewsMock(),
      { request: { query: CLIENT_DETAIL_QUERY, variables: { id: 'cl-hidden' } }, result: { errors: [graphQLError('Client not found.', { code: 'NOT_FOUND' })] } },
    ]);
    expect(await screen.findByRole('heading', { name: 'Client not found, or you do not have access' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to clients' })).toHaveAttribute('href', '/clients');
  });
});
