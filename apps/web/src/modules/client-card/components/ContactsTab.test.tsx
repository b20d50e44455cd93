import { screen, within } from '@testing-library/react';
import { renderApp } from '../../../../test/render';
import { CONTACTS_QUERY, SET_PRIMARY_CONTACT_MUTATION } from '../graphql/contacts';
import { EMAIL_TEMPLATES_QUERY } from '../../templates/graphql/templates';
import { MAIL_PREVIEW_QUERY, SEND_MAIL_CONTEXT_QUERY } from '../../mail/graphql/mail';
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
      <ContactsTab clientId="cl-1" cardId="card-1" />,
    );

    const zoltan = await screen.findByRole('listitem', { name: 'Zoltán Kiss' });
    expect(within(zoltan).getByRole('button', { name: 'Email b@example.com' })).toBeInTheDocument();
    // A Hungarian organisation (the test's settings) reads its own numbers nationally.
    expect(within(zoltan).getByRole('link', { name: 'Call (06 1) 234 5678' })).toHaveAttribute('href', 'tel:+3612345678');
    expect(within(zoltan).queryByText('Primary')).not.toBeInTheDocument();

    await user.click(within(zoltan).getByRole('button', { name: 'Make Zoltán Kiss the primary contact' }));

    expect(await within(screen.getByRole('listitem', { name: 'Zoltán Kiss' })).findByText('Primary')).toBeInTheDocument();
    expect(within(screen.getByRole('listitem', { name: 'Anna Szabó' })).queryByText('Primary')).not.toBeInTheDocument();
    const names = within(screen.getByRole('list', { name: 'Contacts' })).getAllByRole('listitem').map((li) => li.getAttribute('aria-label'));
    expect(names).toEqual(['Zoltán Kiss', 'Anna Szabó']);
  });

  it('mails a contact through the CRM’s send dialog (recorded in History), with that contact as the recipient', async () => {
    const forever = Number.POSITIVE_INFINITY;
    const mailContact = (id: string, name: string, isPrimary: boolean) => ({ __typename: 'Contact' as const, id, name, title: null, emails: [`${id}@example.com`], isPrimary });
    const { user } = renderApp(
      '/',
      [
        { request: { query: CONTACTS_QUERY, variables: { clientId: 'cl-1' } }, result: { data: { contacts: [contact('a', 'Anna Szabó', true), contact('b', 'Zoltán Kiss', false)] } } },
        {
          request: { query: SEND_MAIL_CONTEXT_QUERY, variables: { cardId: 'card-1', clientId: 'cl-1' } },
          result: { data: { card: { __typename: 'Card' as const, id: 'card-1', pipelineId: 'p1' }, contacts: [mailContact('a', 'Anna Szabó', true), mailContact('b', 'Zoltán Kiss', false)] } },
          maxUsageCount: forever,
        },
        { request: { query: EMAIL_TEMPLATES_QUERY, variables: { pipelineId: 'p1' } }, result: { data: { emailTemplates: [] } }, maxUsageCount: forever },
        { request: { query: MAIL_PREVIEW_QUERY, variables: () => true }, result: { data: { mailPreview: { __typename: 'MailPreview' as const, subject: '', html: '', text: '', missing: [] } } }, maxUsageCount: forever },
      ],
      <ContactsTab clientId="cl-1" cardId="card-1" />,
    );
    const zoltan = await screen.findByRole('listitem', { name: 'Zoltán Kiss' });
    expect(within(zoltan).queryByRole('link', { name: /b@example.com/ })).not.toBeInTheDocument();
    await user.click(within(zoltan).getByRole('button', { name: 'Email b@example.com' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send email' });
    expect(await within(dialog).findByRole('checkbox', { name: 'Zoltán Kiss' })).toBeChecked();
    expect(within(dialog).getByRole('checkbox', { name: 'Anna Szabó' })).not.toBeChecked();
  });
});
