// An email from a stranger, with an attachment, lands in the Unsorted inbox; it is opened in the mail
// viewer, filed under a new client with a card, and then found with its attachment on that card.
import type { Page } from 'playwright-core';
import { startApp, withPage, type E2eApp } from './support';

jest.setTimeout(120_000);

let app: E2eApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

function strangerMail() {
  return [
    'From: =?UTF-8?Q?Zs=C3=B3fia_Kert=C3=A9sz?= <zsofia@kerteszmuhely.example>',
    'To: sales@crm.example',
    'Subject: =?UTF-8?Q?=C3=81raj=C3=A1nlatk=C3=A9r=C3=A9s_kerti_b=C3=BAtorokra?=',
    'Message-ID: <e2e-unsorted-1@kerteszmuhely.example>',
    'Date: Tue, 24 Nov 2026 10:00:00 +0100',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="e2e"',
    '',
    '--e2e',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>Kedves Értékesítés!</p><p>Csatolom a <b>bútorlistát</b>.</p><img src="https://tracker.example/open.gif">',
    '--e2e',
    'Content-Type: application/pdf',
    "Content-Disposition: attachment; filename*=utf-8''b%C3%BAtorlista.pdf",
    'Content-Transfer-Encoding: base64',
    '',
    PDF.toString('base64'),
    '--e2e--',
    '',
  ].join('\r\n');
}

async function signIn(page: Page) {
  await page.goto('/board');
  await page.getByLabel('Email').fill('admin@example.com');
  await page.getByLabel('Password').fill('demo1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/board\/[^/]+$/);
}

test('opens an Unsorted mail with an attachment, files it under a new client with a card, and finds both on the card', () =>
  withPage(app, 'inbound', async (page) => {
    const received = await app.services.inbound.receive(strangerMail());
    expect(received).toMatchObject({ kind: 'UNSORTED', clientId: null });
    await signIn(page);

    await page.goto('/inbox');
    const subject = 'Árajánlatkérés kerti bútorokra';
    await page.getByRole('button', { name: `Open the email ${subject}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Unsorted email' });
    // The HTML body, sanitised in the sandboxed frame, with the tracker blocked until allowed.
    const frame = dialog.getByTitle(`Received email: ${subject}`);
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(await frame.getAttribute('srcdoc')).not.toContain('tracker.example');
    await dialog.getByRole('button', { name: 'Show 1 remote image' }).waitFor();
    await dialog.getByText('bútorlista.pdf').waitFor();

    // File it under a new client with a card in the first pipeline's first status.
    await dialog.getByLabel('A new client with a card').check();
    await dialog.getByLabel('Client name').fill('Kertész Műhely Kft.');
    await dialog.getByRole('button', { name: 'File the email' }).click();
    await page.getByText('The email was filed under Kertész Műhely Kft..').waitFor();
    // Gone from Unsorted (the list is read again after the filing).
    await page.getByRole('button', { name: `Open the email ${subject}` }).waitFor({ state: 'detached' });

    // The card: History has the mail, which opens with its attachment; Documents has it in "Mail".
    const [card] = await app.dataSource.query(
      `SELECT ca.id, cl.id AS client_id, cl.domain FROM cards ca JOIN clients cl ON cl.id = ca.client_id WHERE cl.name = 'Kertész Műhely Kft.' AND ca.deleted_at IS NULL`,
    );
    expect(card).toBeDefined();
    await page.goto(`/clients/${card.client_id}`);
    await page.getByRole('heading', { level: 1, name: 'Kertész Műhely Kft.' }).waitFor();
    await page.getByRole('link', { name: 'Todos & History' }).click();
    await page.getByRole('button', { name: `Open email: ${subject}` }).click();
    const viewer = page.getByRole('dialog', { name: 'Received email' });
    const attachment = viewer.getByRole('link', { name: 'bútorlista.pdf' });
    await attachment.waitFor();
    const opened = await page.request.get((await attachment.getAttribute('href'))!);
    expect(opened.status()).toBe(200);
    expect(opened.headers()['content-type']).toContain('application/pdf');
    await viewer.getByRole('button', { name: /close/i }).first().click();

    await page.getByRole('link', { name: 'Documents' }).click();
    await page.getByRole('button', { name: /^Mail/ }).click();
    await page.getByRole('link', { name: 'bútorlista.pdf', exact: true }).waitFor();
  }));
