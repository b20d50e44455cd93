// A template mail sent from a client card: queued, delivered by the worker's delivery function
// (the worker does not run here), and then shown in the card's History as sent.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createMailTransport, deliverOutboxMail } from '../packages/db/src';
import { signIn as signInAs, startApp, withPage, type E2eApp } from './support';

jest.setTimeout(120_000);

let app: E2eApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

async function gql<T>(page: Page, query: string, variables: Record<string, unknown>): Promise<T> {
  const body = await page.evaluate(
    async ([q, v]) => {
      const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q, variables: v }) });
      return response.json();
    },
    [query, variables] as const,
  );
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

test('sends a template mail from a card and sees it in History as sent', () =>
  withPage(app, 'mail', async (page) => {
    await signInAs(page, 'admin@example.com', '/board');
    await page.waitForURL(/\/board\/[^/]+$/);
    const pipelineId = page.url().split('/').pop()!;
    await gql(page, 'mutation($i: EmailTemplateInput!) { createEmailTemplate(input: $i) { id } }', {
      i: { pipelineId, name: 'Offer', subject: 'Ajánlat – {{client.name}}', body: 'Kedves {{contact.name}}!\n\nKüldjük az ajánlatot.\n\n{{fallback sender.signature sender.name}}' },
    });

    // Open a card from the board and send the template to its primary contact.
    const firstCard = page.getByRole('list', { name: 'New lead', exact: true }).getByRole('listitem').first();
    const clientName = (await firstCard.locator('.board-card__name').innerText()).trim();
    await firstCard.click();
    await page.getByRole('heading', { level: 1, name: clientName }).waitFor();
    await page.getByRole('button', { name: 'Send email' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Send email' });
    await dialog.getByLabel('Template').selectOption({ label: 'Offer' });
    await dialog.getByText(`Ajánlat – ${clientName}`).first().waitFor(); // the rendered preview
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('1 mail queued').waitFor();

    // What the worker does: deliver it (here to .eml files).
    const [mail] = await app.dataSource.query(`SELECT id, status FROM outbox_mails ORDER BY created_at DESC LIMIT 1`);
    expect(mail.status).toBe('QUEUED');
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-mail-'));
    expect(await deliverOutboxMail(app.dataSource, createMailTransport(null, dir), mail.id)).toBe('sent');
    const [file] = readdirSync(dir);
    expect(readFileSync(path.join(dir, file), 'utf8')).toMatch(/^Subject: =\?UTF-8\?/m);

    // History shows it, and opens it as sent.
    await page.reload();
    await page.getByRole('button', { name: `Open email: Ajánlat – ${clientName}` }).click();
    const viewer = page.getByRole('dialog', { name: 'Email' });
    await viewer.getByText('Sent', { exact: true }).waitFor();
  }));
