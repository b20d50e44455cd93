import { screen, within } from '@testing-library/react';
import { renderApp } from '../../../../test/render';
import { assignableUsersMock, buildPipeline, pipelinesMock } from '../../../../test/factories';
import { INBOUND_MAIL_QUERY, MAIL_QUERY } from '../../mail/graphql/mail';
import { CARD_HISTORY_QUERY } from '../graphql/todos';
import { HistoryTimeline } from './HistoryTimeline';

const entry = (id: string, entity: string, action: string, entityId: string, changes: Record<string, unknown>) => ({
  __typename: 'HistoryEntry' as const,
  id,
  at: '2026-03-01T10:00:00.000Z',
  action,
  entity,
  entityId,
  kind: entity === 'email' ? ('EMAIL' as const) : ('OTHER' as const),
  changes,
  actor: null,
});

const historyMock = (entries: unknown[]) => ({
  request: { query: CARD_HISTORY_QUERY, variables: { cardId: 'card-1', kinds: null } },
  result: { data: { cardHistory: entries } },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

const baseMocks = (entries: unknown[]) => [historyMock(entries), assignableUsersMock(), pipelinesMock([buildPipeline()], true)];

describe('History emails', () => {
  it('opens a sent email in the mail viewer', async () => {
    const { user } = renderApp(
      '/',
      [
        ...baseMocks([entry('h1', 'email', 'queued', 'mail-7', { subject: [null, 'Offer'], to: [null, ['peter@arvizturo.hu']] })]),
        {
          request: { query: MAIL_QUERY, variables: { id: 'mail-7' } },
          result: {
            data: {
              mail: {
                __typename: 'OutboxMail',
                id: 'mail-7',
                to: ['peter@arvizturo.hu'],
                subject: 'Offer',
                html: '<p>Dear Péter</p>',
                text: 'Dear Péter',
                status: 'SENT',
                lastError: null,
                sentAt: '2026-03-01T10:01:00.000Z',
                createdAt: '2026-03-01T10:00:00.000Z',
              },
            },
          },
        },
      ],
      <HistoryTimeline cardId="card-1" />,
    );

    await user.click(await screen.findByRole('button', { name: 'Open email: Offer' }));
    const dialog = screen.getByRole('dialog', { name: 'Email' });
    expect(await within(dialog).findByTitle('Email as sent: Offer')).toHaveAttribute('srcdoc', '<p>Dear Péter</p>');
    expect(within(dialog).getByText('Sent')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('opens a received email as plain text', async () => {
    const text = 'Hello,\n\nthanks for the offer.\nPéter';
    const { user } = renderApp(
      '/',
      [
        ...baseMocks([entry('h2', 'email', 'received', 'in-3', { subject: [null, 'Re: Offer'], from: [null, 'peter@arvizturo.hu'] })]),
        {
          request: { query: INBOUND_MAIL_QUERY, variables: { id: 'in-3' } },
          result: {
            data: {
              inboundMail: {
                __typename: 'InboundMail',
                id: 'in-3',
                fromAddress: 'peter@arvizturo.hu',
                fromName: 'Kiss Péter',
                toAddresses: ['sales@example.com'],
                subject: 'Re: Offer',
                text,
                html: null,
                kind: 'REPLY',
                clientId: 'client-1',
                sentAt: null,
                receivedAt: '2026-03-01T10:00:00.000Z',
                detectedCharset: null,
                documentIds: [],
                candidateClientIds: [],
                attachments: [],
                inlineImages: [],
                calendarEvents: [],
              },
            },
          },
        },
      ],
      <HistoryTimeline cardId="card-1" />,
    );

    expect(await screen.findByText('received an email from peter@arvizturo.hu')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open email: Re: Offer' }));
    const dialog = screen.getByRole('dialog', { name: 'Received email' });
    const body = await within(dialog).findByLabelText('Message text');
    expect(body.textContent).toBe(text);
    expect(within(dialog).getByText('Kiss Péter <peter@arvizturo.hu>')).toBeInTheDocument();
  });

  it('reads an automation step as a sentence', async () => {
    renderApp(
      '/',
      baseMocks([
        entry('h3', 'automation', 'step_done', 'a1', { automation: [null, 'Follow-up'], step: [null, 2], result: [null, { todoId: 't9' }] }),
      ]),
      <HistoryTimeline cardId="card-1" />,
    );
    expect(await screen.findByText('Automation “Follow-up”, step 2: todo created')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Open email/ })).not.toBeInTheDocument();
  });
});
