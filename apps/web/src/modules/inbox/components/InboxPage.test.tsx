import { screen, within } from '@testing-library/react';
import { buildLabel, labelsMock } from '../../../../test/factories';
import { renderApp } from '../../../../test/render';
import { CREATE_CLIENTS_FROM_UNSORTED_MUTATION, DISMISS_UNSORTED_CONTACTS_MUTATION, UNSORTED_CONTACTS_QUERY } from '../graphql/inbox';
import { InboxPage } from './InboxPage';

const contact = (id: string, email: string, name: string | null, seenCount: number) => ({
  __typename: 'UnsortedContact' as const,
  id,
  email,
  name,
  seenCount,
  lastSeenAt: '2026-03-04T10:15:00.000Z',
  source: 'inbound-mail',
});
const anna = contact('uc-1', 'anna@szabo.hu', 'Anna Szabó', 3);
const piotr = contact('uc-2', 'piotr@nowak.pl', null, 1);
const eva = contact('uc-3', 'eva@novak.sk', 'Eva Nováková', 2);
const listMock = (contacts: unknown[]) => ({ request: { query: UNSORTED_CONTACTS_QUERY }, result: { data: { unsortedContacts: contacts } } });

describe('Inbox', () => {
  it('creates clients in a category from the selected contacts, then dismisses the rest with select all', async () => {
    const { user } = renderApp(
      '/',
      [
        listMock([anna, piotr, eva]),
        labelsMock('CATEGORY', [buildLabel({ id: 'cat-lead', kind: 'CATEGORY', name: 'Leads' })]),
        {
          request: { query: CREATE_CLIENTS_FROM_UNSORTED_MUTATION, variables: { ids: ['uc-1', 'uc-3'], categoryId: 'cat-lead' } },
          result: { data: { createClientsFromUnsorted: 2 } },
        },
        listMock([piotr]),
        { request: { query: DISMISS_UNSORTED_CONTACTS_MUTATION, variables: { ids: ['uc-2'] } }, result: { data: { dismissUnsortedContacts: 1 } } },
        listMock([]),
      ],
      <InboxPage />,
    );

    const table = await screen.findByRole('table', { name: 'Inbox' });
    const annaRow = within(table).getByRole('row', { name: /anna@szabo\.hu/ });
    expect(within(annaRow).getByRole('cell', { name: '3' })).toBeInTheDocument();
    const actions = screen.getByRole('region', { name: 'Actions on the selected contacts' });
    expect(within(actions).getByRole('button', { name: 'Create clients' })).toBeDisabled();

    await user.click(screen.getByRole('checkbox', { name: 'Select anna@szabo.hu' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select eva@novak.sk' }));
    expect(screen.getByRole('checkbox', { name: 'Select all contacts' })).toHaveProperty('indeterminate', true);
    await screen.findByRole('option', { name: 'Leads' });
    await user.selectOptions(within(actions).getByLabelText('Into category'), 'Leads');
    await user.click(within(actions).getByRole('button', { name: 'Create clients' }));

    expect(await screen.findByText('2 clients created in “Leads”.')).toBeInTheDocument();
    await screen.findByRole('checkbox', { name: 'Select piotr@nowak.pl' });
    expect(screen.queryByText('anna@szabo.hu')).not.toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Select all contacts' }));
    await user.click(within(actions).getByRole('button', { name: 'Dismiss' }));
    expect(await screen.findByText('1 contact dismissed.')).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'No unsorted contacts' })).toHaveTextContent(/incoming|arrives/);
  });
});
