import { screen, within } from '@testing-library/react';
import { renderApp } from '../../../../test/render';
import { CONTACTS_QUERY, SET_PRIMARY_CONTACT_MUTATION } from '../graphql/contacts';
import { ContactsTab } from './ContactsTab';

const contact = (id: string, name: string, isPrimary: boolean) => ({
  __typename: 'Contact' as const,
  id,
  name,
  title: 'Buyer',
  emails: [`${id}@example.com`],
  phones: ['+36 1 234 5678'],
  isPrimary,
});

describe('Contacts tab', () => {
  it('lists contacts with mail and call links, and makes another one primary', async () => {
    const { user } = renderApp(
      '/',
      [
        {
          request: { query: CONTACTS_QUERY, variables: { clientId: 'cl-1' } },
          result: { data: { contacts: [contact('a', 'Anna Szabó', true), contact('b', 'Zoltán Kiss', false)] } },
        },
        {
          request: { query: SET_PRIMARY_CONTACT_MUTATION, variables: { id: 'b' } },
          result: { data: { setPrimaryContact: contact('b', 'Zoltán Kiss', true) } },
        },
      ],
      <ContactsTab clientId="cl-1" />,
    );

    const zoltan = await screen.findByRole('listitem', { name: 'Zoltán Kiss' });
    expect(within(zoltan).getByRole('link', { name: 'Email b@example.com' })).toHaveAttribute('href', 'mailto:b@example.com');
    expect(within(zoltan).getByRole('link', { name: 'Call +36 1 234 5678' })).toHaveAttribute('href', 'tel:+3612345678');
    expect(within(zoltan).queryByText('Primary')).not.toBeInTheDocument();

    await user.click(within(zoltan).getByRole('button', { name: 'Make Zoltán Kiss the primary contact' }));

    expect(await within(screen.getByRole('listitem', { name: 'Zoltán Kiss' })).findByText('Primary')).toBeInTheDocument();
    expect(within(screen.getByRole('listitem', { name: 'Anna Szabó' })).queryByText('Primary')).not.toBeInTheDocument();
    const names = within(screen.getByRole('list', { name: 'Contacts' })).getAllByRole('listitem').map((li) => li.getAttribute('aria-label'));
    expect(names).toEqual(['Zoltán Kiss', 'Anna Szabó']);
  });
});
