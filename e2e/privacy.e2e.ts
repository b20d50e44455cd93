import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { signIn, RESULTS_DIR, startApp, withPage, type E2eApp } from './support';

jest.setTimeout(120_000);

let app: E2eApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

async function screenshot(page: Page, name: string) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), fullPage: true });
}

test('an admin downloads a client’s personal data, erases one contact, then the client, each after typing its name', () =>
  withPage(app, 'privacy', async (page) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page, 'admin@example.com', '/board');
    await page.waitForURL(/\/board\/[^/]+$/);
    const firstCard = page.getByRole('list', { name: 'New lead', exact: true }).getByRole('listitem').first();
    const clientName = (await firstCard.locator('.board-card__name').innerText()).trim();
    await firstCard.click();
    await page.waitForURL(/\/clients\/[^/]+/);
    const clientId = new URL(page.url()).pathname.split('/')[2];
    await page.getByRole('heading', { level: 1, name: clientName }).waitFor();

    await page.getByRole('button', { name: 'Personal data', exact: true }).click();
    await screenshot(page, 'privacy-menu');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export data' }).click()]);
    expect(download.suggestedFilename()).toBe(`personal-data-client-${clientId}.zip`);
    const archive = readFileSync((await download.path())!);
    expect(archive.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');

    // One contact first, from the Contacts tab: the client stays.
    await page.getByRole('link', { name: 'Contacts', exact: true }).click();
    const contactMenu = page.getByRole('button', { name: /^Personal data of / }).first();
    const contactName = ((await contactMenu.getAttribute('aria-label')) ?? '').replace('Personal data of ', '');
    await contactMenu.click();
    await screenshot(page, 'privacy-contact-menu');
    await page.getByRole('group', { name: `Personal data of ${contactName}` }).getByRole('button', { name: 'Erase…' }).click();
    const contactDialog = page.getByRole('dialog', { name: `Erase ${contactName} for good?` });
    await contactDialog.getByLabel(`Type “${contactName}” to confirm`).fill(contactName);
    await contactDialog.getByRole('button', { name: 'Erase for good' }).click();
    await page.getByRole('button', { name: `Personal data of ${contactName}` }).waitFor({ state: 'detached' });
    expect(await app.dataSource.query(`SELECT id FROM contacts WHERE client_id = $1 AND name = $2`, [clientId, contactName])).toEqual([]);

    await page.getByRole('button', { name: 'Personal data', exact: true }).click();
    await page.getByRole('button', { name: 'Erase…' }).click();
    const dialog = page.getByRole('dialog', { name: `Erase ${clientName} for good?` });
    const confirm = dialog.getByRole('button', { name: 'Erase for good' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(`Type “${clientName}” to confirm`).fill(clientName);
    await screenshot(page, 'privacy-erase-dialog');
    await confirm.click();
    await page.waitForURL(/\/clients$/);
    const [{ n }] = await app.dataSource.query(`SELECT count(*)::int AS n FROM clients WHERE id = $1`, [clientId]);
    expect(n).toBe(0);
  }));
