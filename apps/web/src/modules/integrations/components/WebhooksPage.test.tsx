import { screen, within } from '@testing-library/react';
import { buildMe, graphQLError, meMock, renderApp } from '../../../../test/render';
import { navViewsMock } from '../../../../test/factories';
import { CREATE_WEBHOOK_MUTATION, REDELIVER_WEBHOOK_MUTATION, WEBHOOK_DELIVERIES_QUERY, WEBHOOKS_QUERY } from '../graphql/webhooks';

const hook = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'Webhook' as const,
  id: 'w1',
  url: 'https://erp.example.com/crm',
  events: ['CARD_WON'],
  active: true,
  disabledReason: null,
  disabledAt: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  ...overrides,
});
const delivery = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'WebhookDelivery' as const,
  id: '7',
  event: 'CARD_WON',
  state: 'FAILED',
  attempts: 12,
  responseCode: 503,
  lastError: 'The receiver answered 503.',
  durationMs: 40,
  requestBody: '{"id":"evt_1","type":"card.won","data":{}}',
  createdAt: '2026-11-29T10:00:00.000Z',
  lastAttemptAt: '2026-11-30T09:00:00.000Z',
  ...overrides,
});
const list = (hooks: unknown[]) => ({ request: { query: WEBHOOKS_QUERY }, result: { data: { webhooks: hooks, webhookSettings: { __typename: 'WebhookSettings', allowPrivateTargets: false } } } });

describe('Settings › Webhooks', () => {
  it('shows a hook the system turned off, and why', async () => {
    renderApp('/settings/webhooks', [meMock(buildMe()), navViewsMock(), list([hook({ active: false, disabledReason: 'a delivery failed 12 times', disabledAt: '2026-11-30T09:00:00.000Z' })])]);
    expect(await screen.findByRole('alert')).toHaveTextContent('The webhook to https://erp.example.com/crm was turned off: a delivery failed 12 times');
    expect(screen.getByText('Turned off after failures')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Turn on https://erp.example.com/crm' })).toBeInTheDocument();
  });

  it('shows the server’s refusal of a private address on the address field, then the secret once', async () => {
    const input = (url: string) => ({ input: { url, events: ['CARD_CREATED', 'CARD_WON'] } });
    const { user } = renderApp('/settings/webhooks', [
      meMock(buildMe()),
      navViewsMock(),
      list([]),
      {
        request: { query: CREATE_WEBHOOK_MUTATION, variables: input('http://10.0.0.1/x') },
        result: { errors: [graphQLError('Webhooks may not reach private or loopback addresses.', { code: 'BAD_USER_INPUT', fields: { url: 'Webhooks may not reach private or loopback addresses.' }, fieldReasons: { url: 'WEBHOOK_PRIVATE_TARGET' } })] },
      },
      {
        request: { query: CREATE_WEBHOOK_MUTATION, variables: input('https://erp.example.com/crm') },
        result: { data: { createWebhook: { __typename: 'CreatedWebhook', secret: 'whsec_once', webhook: hook({ events: ['CARD_CREATED', 'CARD_WON'] }) } } },
      },
      list([hook({ events: ['CARD_CREATED', 'CARD_WON'] })]),
    ]);
    await user.click(await screen.findByRole('button', { name: 'New webhook' }));
    const dialog = screen.getByRole('dialog', { name: 'New webhook' });
    const url = within(dialog).getByLabelText('Address (URL)');
    await user.clear(url);
    await user.type(url, 'http://10.0.0.1/x');
    await user.click(within(dialog).getByRole('button', { name: 'Create webhook' }));
    expect(await within(dialog).findByText('Webhooks may not reach private or loopback addresses.')).toBeInTheDocument();

    await user.clear(url);
    await user.type(url, 'https://erp.example.com/crm');
    await user.click(within(dialog).getByRole('button', { name: 'Create webhook' }));
    const shown = await screen.findByRole('dialog', { name: 'Copy the signing secret' });
    expect(within(shown).getByLabelText('Signing secret')).toHaveValue('whsec_once');
  });

  it('searches the delivery log and sends a delivery again', async () => {
    const { user } = renderApp('/settings/webhooks/w1', [
      meMock(buildMe()),
      navViewsMock(),
      list([hook()]),
      { request: { query: WEBHOOK_DELIVERIES_QUERY, variables: { webhookId: 'w1', filter: { text: null, state: null } } }, result: { data: { webhookDeliveries: [delivery(), delivery({ id: '6', event: 'CARD_MOVED', state: 'DELIVERED', responseCode: 200, lastError: null, attempts: 1 })] } } },
      { request: { query: WEBHOOK_DELIVERIES_QUERY, variables: { webhookId: 'w1', filter: { text: '503', state: null } } }, result: { data: { webhookDeliveries: [delivery()] } } },
      { request: { query: REDELIVER_WEBHOOK_MUTATION, variables: { deliveryId: '7' } }, result: { data: { redeliverWebhook: delivery({ id: '9', state: 'PENDING', attempts: 0, responseCode: null, lastError: null }) } } },
      { request: { query: WEBHOOK_DELIVERIES_QUERY, variables: { webhookId: 'w1', filter: { text: '503', state: null } } }, result: { data: { webhookDeliveries: [delivery({ id: '9', state: 'PENDING' }), delivery()] } } },
    ]);
    expect(await screen.findByText('Card moved')).toBeInTheDocument();
    expect(await screen.findByText(/^https:\/\/erp.example.com\/crm · /)).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox'), '503');
    await screen.findByText((_, el) => el?.tagName === 'TBODY' && el.querySelectorAll('tr').length === 1);
    expect(screen.queryByText('Card moved')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Request' }));
    expect(screen.getByText(/"type": "card.won"/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send delivery 7 again' }));
    expect(await screen.findByText('Sent again as delivery #9.')).toBeInTheDocument();
  });
});
