import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { graphQLError } from '../../../../test/render';
import { EMAIL_TEMPLATES_QUERY } from '../../templates/graphql/templates';
import { MAIL_PREVIEW_QUERY, SEND_MAIL_CONTEXT_QUERY, SEND_MAIL_MUTATION } from '../graphql/mail';
import { SendMailButton } from './SendMailButton';

const forever = Number.POSITIVE_INFINITY;

const contact = (id: string, name: string, emails: string[], isPrimary = false) => ({
  __typename: 'Contact' as const,
  id,
  name,
  title: null,
  emails,
  isPrimary,
});

const template = {
  __typename: 'EmailTemplate' as const,
  id: 't1',
  pipelineId: 'p1',
  name: 'Offer',
  category: 'Offers',
  subject: 'Offer for {{client.name}}',
  body: 'Dear {{contact.firstName}},\nhere is our offer.',
  archivedAt: null,
  updatedAt: '2026-03-01T09:00:00.000Z',
};

type PreviewInput = { contactId: string | null; subject: string; body: string };

/** The API's preview: the subject with the client name, and `missing` as the test decides. */
function previewMock(missing: (input: PreviewInput) => string[] = () => []) {
  return {
    request: { query: MAIL_PREVIEW_QUERY, variables: () => true },
    result: ({ input }: { input: PreviewInput }) => ({
      data: {
        mailPreview: {
          __typename: 'MailPreview' as const,
          subject: input.subject.replace('{{client.name}}', 'Árvíztűrő Kft.'),
          html: `<p>${input.body}</p>`,
          text: input.body,
          missing: missing(input),
        },
      },
    }),
    maxUsageCount: forever,
  };
}

function baseMocks() {
  return [
    {
      request: { query: SEND_MAIL_CONTEXT_QUERY, variables: { cardId: 'card-1', clientId: 'client-1' } },
      result: {
        data: {
          card: { __typename: 'Card' as const, id: 'card-1', pipelineId: 'p1' },
          contacts: [
            contact('k1', 'Kiss Péter', ['peter@arvizturo.hu'], true),
            contact('k2', 'Nagy Éva', ['eva@arvizturo.hu']),
            contact('k3', 'Szabó Ádám', []),
          ],
        },
      },
      maxUsageCount: forever,
    },
    {
      request: { query: EMAIL_TEMPLATES_QUERY, variables: { pipelineId: 'p1' } },
      result: { data: { emailTemplates: [template] } },
      maxUsageCount: forever,
    },
  ];
}

function renderButton(mocks: unknown[]) {
  const user = userEvent.setup();
  render(
    <MockedProvider mocks={mocks as never} mockLinkDefaultOptions={{ delay: 0 }}>
      <SendMailButton cardId="card-1" clientId="client-1" />
    </MockedProvider>,
  );
  return user;
}

async function openWithTemplate(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Send email' }));
  const dialog = await screen.findByRole('dialog', { name: 'Send email' });
  await within(dialog).findByRole('checkbox', { name: 'Kiss Péter' });
  await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Template' }), 'Offer');
  return dialog;
}

describe('SendMailButton', () => {
  it('sends the chosen contacts and template with one request id, even when sent twice', async () => {
    const sent: unknown[] = [];
    // Each mock answers one request; the matcher records what was sent.
    const record = (variables: { input: unknown }) => {
      sent.push(variables.input);
      return true;
    };
    const sendMock = (outcome: 'network' | 'ok') => ({
      request: { query: SEND_MAIL_MUTATION, variables: record },
      ...(outcome === 'network'
        ? { error: new Error('offline') }
        : { result: { data: { sendMail: { __typename: 'SendMailResult' as const, queued: 2, mailIds: ['m1', 'm2'] } } } }),
    });
    const user = renderButton([...baseMocks(), previewMock(), sendMock('network'), sendMock('ok')]);
    const dialog = await openWithTemplate(user);

    // The contact without an email can't be chosen, and says why.
    const noEmail = within(dialog).getByRole('checkbox', { name: 'Szabó Ádám' });
    expect(noEmail).toBeDisabled();
    expect(noEmail).toHaveAccessibleDescription('No email address');
    expect(within(dialog).getByRole('checkbox', { name: 'Kiss Péter' })).toBeChecked();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Nagy Éva' }));

    // The preview renders the template for the first chosen contact.
    expect(await within(dialog).findByText('Offer for Árvíztűrő Kft.', {}, { timeout: 2000 })).toBeInTheDocument();
    expect(within(dialog).getByRole('heading', { name: 'Preview for Kiss Péter' })).toBeInTheDocument();
    expect(within(dialog).getByTitle('Rendered email')).toHaveAttribute('sandbox', '');

    const send = within(dialog).getByRole('button', { name: 'Send 2 emails' });
    await waitFor(() => expect(send).toBeEnabled());
    await user.click(send);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent("Can't reach the server");
    await user.click(send);

    expect(await screen.findByText('2 mails queued')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(sent).toHaveLength(2);
    const [first, second] = sent as { requestId: string }[];
    expect(first).toEqual({
      requestId: expect.any(String),
      cardId: 'card-1',
      contactIds: ['k1', 'k2'],
      templateId: 't1',
      subject: 'Offer for {{client.name}}',
      body: 'Dear {{contact.firstName}},\nhere is our offer.',
    });
    expect(first.requestId.length).toBeGreaterThan(8);
    expect(second).toEqual(first);
  });

  it('blocks Send while a variable has no value, and lists what the API refused', async () => {
    const refusal = {
      request: { query: SEND_MAIL_MUTATION, variables: () => true },
      result: {
        errors: [
          graphQLError('Nothing was sent.', {
            code: 'BAD_USER_INPUT',
            reason: 'MISSING_VALUES',
            problems: ['Nagy Éva: no value for {{contact.firstName}}.'],
          }),
        ],
      },
    };
    // Kiss Péter's first name is unknown until the body gets a fallback.
    const user = renderButton([...baseMocks(), previewMock((input) => (input.body.includes('fallback') ? [] : ['contact.firstName'])), refusal]);
    const dialog = await openWithTemplate(user);

    const warning = await within(dialog).findByText('1 variable has no value for this card and contact', {}, { timeout: 2000 });
    expect(within(warning.closest('[role="alert"]') as HTMLElement).getByText('{{contact.firstName}}')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Send' })).toBeDisabled();

    const body = within(dialog).getByRole('textbox', { name: 'Message' });
    await user.clear(body);
    await user.type(body, 'Dear {{{{fallback contact.firstName "Partner"}},');
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Send' })).toBeEnabled(), { timeout: 2000 });
    expect(within(dialog).queryByText(/variable has no value/)).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Send' }));
    const refused = await within(dialog).findByText('Nothing was sent:');
    expect(within(refused.closest('[role="alert"]') as HTMLElement).getByText('Nagy Éva: no value for {{contact.firstName}}.')).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Send email' })).toBeInTheDocument();
  });
});
