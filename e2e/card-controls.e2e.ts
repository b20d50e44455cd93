import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { signIn as signInAs, RESULTS_DIR, startApp, withPage, type E2eApp } from './support';

jest.setTimeout(120_000);

let app: E2eApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

async function signIn(page: Page) {
  await signInAs(page, 'admin@example.com', '/board');
  await page.waitForURL(/\/board\/[^/]+$/);
}

async function screenshot(page: Page, name: string) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), fullPage: true });
}

test('sets status, owner and value on the card and finds each change in History in words', () =>
  withPage(app, 'card-controls', async (page) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page);

    // Open a card from the board.
    const firstCard = page.getByRole('list', { name: 'New lead', exact: true }).getByRole('listitem').first();
    const clientName = (await firstCard.locator('.board-card__name').innerText()).trim();
    await firstCard.click();
    await page.waitForURL(/\/clients\/[^/]+/);
    await page.getByRole('heading', { level: 1, name: clientName }).waitFor();
    const controls = page.getByRole('region', { name: /^The card in / });
    const status = controls.getByRole('combobox', { name: 'Status' });
    await status.waitFor();
    expect(await status.locator('option:checked').innerText()).toBe('New lead');
    await screenshot(page, 'card-controls-before');

    // Status: the next one in the pipeline.
    const statusNames = await status.locator('option').allInnerTexts();
    const nextStatus = statusNames[statusNames.indexOf('New lead') + 1];
    await status.selectOption({ label: nextStatus });
    await controls.getByText('Status saved.').waitFor({ state: 'attached' });

    // Owner: the manager.
    const owner = controls.getByRole('combobox', { name: 'Owner' });
    const ownerBefore = (await owner.locator('option:checked').innerText()).trim();
    await owner.selectOption({ label: 'Márton Manager' });
    await controls.getByText('Owner saved.').waitFor({ state: 'attached' });

    // Value: an ambiguous amount is asked about, then the Hungarian way of writing it is taken as is.
    const value = controls.getByRole('form', { name: 'Card value' }).getByLabel('Value');
    await value.fill('1.250');
    await controls.getByRole('button', { name: 'Save value' }).click();
    await controls.getByText(/“1\.250” could be read two ways/).waitFor();
    await value.fill('1 250 000,50');
    await controls.getByRole('combobox', { name: 'Currency' }).selectOption('HUF');
    await controls.getByRole('button', { name: 'Save value' }).click();
    await controls.getByText('Value saved.').waitFor({ state: 'attached' });
    await page.getByText('HUF 1,250,000.50').first().waitFor();

    // History says each change in words, with who.
    const history = page.getByRole('list', { name: 'History, newest first' });
    const entry = (summary: string) => history.getByRole('listitem').filter({ hasText: summary });
    await entry('changed the value').getByText(/Value:\s*.*→\s*HUF\s1,250,000\.50/).waitFor();
    await entry('changed the owner').getByText(new RegExp(`Owner:\\s*${ownerBefore === 'No owner' ? '—' : ownerBefore}\\s*→\\s*Márton Manager`)).waitFor();
    await entry('changed the status').getByText(new RegExp(`Status:\\s*New lead\\s*→\\s*${nextStatus}`)).waitFor();
    expect(await entry('changed the status').locator('.timeline__who').innerText()).toBe('Eszter Admin');
    expect(await history.innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    // The todo form's time field shows its whole value.
    await page.getByRole('button', { name: 'Add todo' }).click();
    const time = page.getByRole('form', { name: 'New todo' }).getByLabel('Time');
    expect(await time.evaluate((el) => (el as HTMLElement).offsetWidth)).toBeGreaterThanOrEqual(136);
    await page.getByRole('form', { name: 'New todo' }).getByRole('button', { name: 'Cancel' }).click();
    await screenshot(page, 'card-controls-after');
  }));
