import { attemptWebhookDelivery, dispatchWebhookEvents } from '../packages/db/src/webhooks/deliver';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { RESULTS_DIR, signIn, startApp, withPage, type E2eApp } from './support';

jest.setTimeout(120_000);

let app: E2eApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

test('an admin creates an API key that adds a card as its service user, and a webhook whose delivery shows in the log', async () => {
  const received: string[] = [];
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c)).on('end', () => {
      received.push(body);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/crm`;
  mkdirSync(RESULTS_DIR, { recursive: true });
  try {
    await withPage(app, 'integrations', async (page) => {
      await signIn(page, 'admin@example.com');
      await page.waitForURL((url) => url.pathname !== '/login');

      // A webhook for won cards, to a receiver on this machine (the admin allows private addresses).
      await page.goto('/settings/webhooks');
      const allowPrivate = page.getByLabel('Allow webhooks to private and loopback addresses');
      await allowPrivate.click();
      await page.locator('input.checkbox:checked').waitFor();
      await page.getByRole('button', { name: 'New webhook' }).first().click();
      let dialog = page.getByRole('dialog', { name: 'New webhook' });
      await dialog.getByLabel('Address (URL)').fill(hookUrl);
      await dialog.getByRole('button', { name: 'Create webhook' }).click();
      await page.getByRole('dialog', { name: 'Copy the signing secret' }).getByRole('button', { name: 'I have stored it' }).click();
      await page.getByRole('rowheader', { name: hookUrl }).waitFor();
      await page.screenshot({ path: path.join(RESULTS_DIR, 'integrations-webhooks.png'), fullPage: true });

      // An API key that may write cards.
      await page.goto('/settings/api-keys');
      await page.getByRole('button', { name: 'New API key' }).first().click();
      dialog = page.getByRole('dialog', { name: 'New API key' });
      await dialog.getByLabel('Name').fill('Web form');
      await dialog.getByLabel(/Allow changes/).check();
      await dialog.getByRole('button', { name: 'Create key' }).click();
      const shown = page.getByRole('dialog', { name: 'Copy your new key' });
      const secret = await shown.getByLabel('API key').inputValue();
      expect(secret).toMatch(/^crm_/);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'integrations-api-key-secret.png') });
      await shown.getByRole('button', { name: 'I have stored it' }).click();

      // The integration adds a lead with the key.
      const call = async (query: string, variables: Record<string, unknown> = {}) => {
        const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: JSON.stringify({ query, variables }) });
        return (await res.json()) as { data: any; errors?: unknown[] };
      };
      const { data: pipelines } = await call(`{ pipelines { id statuses { id kind } } }`);
      const statuses = pipelines.pipelines[0].statuses;
      const created = await call(`mutation($input: CreateCardInput!) { createCard(input: $input) { id } }`, { input: { statusId: statuses[0].id, client: { name: 'Form Lead Kft.' } } });
      expect(created.errors).toBeUndefined();
      const won = statuses.find((s: any) => s.kind === 'WON');
      expect((await call(`mutation($input: MoveCardInput!) { moveCard(input: $input) { id } }`, { input: { cardId: created.data.createCard.id, statusId: won.id } })).errors).toBeUndefined();
      await page.reload();
      await page.getByRole('rowheader', { name: /Web form/ }).waitFor();
      expect(await page.getByText('Not used yet').count()).toBe(0); // its last use is shown
      await page.screenshot({ path: path.join(RESULTS_DIR, 'integrations-api-keys.png'), fullPage: true });

      // The worker's part, run here: the event becomes a delivery and is sent.
      const deliveries = await dispatchWebhookEvents(app.dataSource);
      expect(deliveries).toHaveLength(2); // card.created and card.won, the dialog's default events
      for (const id of deliveries) expect(await attemptWebhookDelivery(app.dataSource, id, { last: false })).toEqual({ outcome: 'delivered', status: 204 });
      expect(received.map((body) => JSON.parse(body).type)).toEqual(['card.created', 'card.won']);
      expect(JSON.parse(received[1])).toMatchObject({ data: { client: { name: 'Form Lead Kft.' }, actor: { name: 'API key: Web form' } } });

      await page.goto('/settings/webhooks');
      await page.getByRole('link', { name: `Delivery log of ${hookUrl}` }).click();
      await page.getByText('Card won').waitFor();
      await page.getByRole('button', { name: 'Request' }).first().click();
      await page.screenshot({ path: path.join(RESULTS_DIR, 'integrations-delivery-log.png'), fullPage: true });
    });
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
