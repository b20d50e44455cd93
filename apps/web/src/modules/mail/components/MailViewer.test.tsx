import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { MAIL_QUERY, RESEND_MAIL_MUTATION } from '../graphql/mail';
import { MailViewer } from './MailViewer';

const mail = (overrides: Record<string, unknown>) => ({
  __typename: 'OutboxMail' as const,
  id: 'm1',
  to: ['peter@arvizturo.hu'],
  subject: 'Ajánlat – Árvíztűrő Kft.',
  html: '<p>Kedves Péter!</p>',
  text: 'Kedves Péter!',
  status: 'SENT',
  lastError: null,
  sentAt: '2026-03-01T09:05:00.000Z',
  createdAt: '2026-03-01T09:00:00.000Z',
  ...overrides,
});

function renderViewer(data: ReturnType<typeof mail>) {
  render(
    <MockedProvider mocks={[{ request: { query: MAIL_QUERY, variables: { id: 'm1' } }, result: { data: { mail: data } } }]}>
      <MailViewer mailId="m1" />
    </MockedProvider>,
  );
}

describe('MailViewer', () => {
  it('shows a sent mail with its recipients in a sandboxed frame', async () => {
    renderViewer(mail({}));
    expect(await screen.findByText('Sent')).toBeInTheDocument();
    expect(screen.getByText('peter@arvizturo.hu')).toBeInTheDocument();
    expect(screen.getByText('Ajánlat – Árvíztűrő Kft.')).toBeInTheDocument();
    const frame = screen.getByTitle('Email as sent: Ajánlat – Árvíztűrő Kft.');
    expect(frame).toHaveAttribute('sandbox', '');
    expect(frame).toHaveAttribute('srcdoc', '<p>Kedves Péter!</p>');
  });

  it('offers to send an uncertain mail again, and does so when asked', async () => {
    const resent = jest.fn(() => ({ data: { resendMail: { __typename: 'OutboxMail', id: 'm1', status: 'QUEUED', lastError: null } } }));
    render(
      <MockedProvider
        mocks={[
          { request: { query: MAIL_QUERY, variables: { id: 'm1' } }, result: { data: { mail: mail({ status: 'UNCERTAIN', sentAt: null }) } } },
          { request: { query: RESEND_MAIL_MUTATION, variables: { id: 'm1' } }, result: resent },
        ]}
      >
        <MailViewer mailId="m1" />
      </MockedProvider>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Send again' }));
    expect(await screen.findByText('Queued')).toBeInTheDocument();
    expect(resent).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Send again' })).not.toBeInTheDocument();
  });

  it('shows why a mail failed', async () => {
    renderViewer(mail({ status: 'FAILED', sentAt: null, lastError: '550 5.1.1 User unknown' }));
    expect(await screen.findByText('Failed')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('The mail server refused this email: 550 5.1.1 User unknown');
  });
});
