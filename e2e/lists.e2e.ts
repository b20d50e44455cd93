import type { Page } from 'playwright-core';
import { signIn as signInAs, startApp, withPage, type E2eApp } from './support';

jest.setTimeout(120_000);

let app: E2eApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

async function signIn(page: Page, email = 'admin@example.com') {
  await signInAs(page, email, '/list');
  await page.waitForURL(/\/list\/[^/?]+/);
}

const summary = (page: Page) => page.getByRole('navigation', { name: 'Pages' }).locator('.pagination__summary');

test('the card list keeps its filter and page in the URL: Back from a card returns to page 2 of the same filter', () =>
  withPage(app, 'list-back', async (page) => {
    await signIn(page);
    await page.getByRole('table').waitFor();

    // Filter by status, sort by client name, then go to the second page.
    await page.getByRole('button', { name: /^Status:/ }).click();
    await page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: 'New lead' }).click();
    await page.keyboard.press('Escape');
    await page.waitForURL(/filter=/);
    await page.getByRole('columnheader', { name: 'Client' }).getByRole('button').click();
    await page.waitForURL(/sort=CLIENT_NAME\.ASC/);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Next' }).click();
    await page.waitForURL(/page=2/);
    await summary(page).filter({ hasText: /^51–100 of / }).waitFor();
    const total = (await summary(page).innerText()).replace(/^51–100 of /, '');
    const firstOnPage2 = (await page.getByRole('rowheader').first().innerText()).trim();
    const listUrl = page.url();

    // Open a card of page 2, then Back.
    await page.getByRole('rowheader').first().getByRole('link').click();
    await page.waitForURL(/\/clients\//);
    await page.getByRole('heading', { level: 1, name: firstOnPage2 }).waitFor();
    await page.goBack();

    await page.waitForURL(listUrl);
    await summary(page).filter({ hasText: `51–100 of ${total}` }).waitFor();
    expect(await page.getByRole('button', { name: /^Status:/ }).innerText()).toContain('New lead');
    expect((await page.getByRole('rowheader').first().innerText()).trim()).toBe(firstOnPage2);
    expect(await page.getByRole('columnheader', { name: 'Client' }).getAttribute('aria-sort')).toBe('ascending');

    // A reload brings the same list too.
    await page.reload();
    await summary(page).filter({ hasText: `51–100 of ${total}` }).waitFor();
  }));

test('the daily loop: filter the list, open a card from page 2, set its status, owner and value there, see it in History, and Back to the same filtered page', () =>
  withPage(app, 'list-card-back', async (page) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page);
    await page.getByRole('table').waitFor();
    await page.getByRole('button', { name: /^Status:/ }).click();
    await page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: 'Contacted' }).click();
    await page.keyboard.press('Escape');
    await page.waitForURL(/filter=/);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Next' }).click();
    await page.waitForURL(/page=2/);
    await summary(page).filter({ hasText: /^51–100 of / }).waitFor();
    const total = Number((await summary(page).innerText()).replace(/^51–100 of /, '').replace(/\D/g, ''));
    const listUrl = page.url();
    const clientName = (await page.getByRole('rowheader').first().innerText()).trim();

    await page.getByRole('rowheader').first().getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: clientName }).waitFor();
    const controls = page.getByRole('region', { name: /^The card in / });
    const status = controls.getByRole('combobox', { name: 'Status' });
    await status.selectOption({ label: 'Meeting' });
    await controls.getByText('Status saved.').waitFor({ state: 'attached' });
    const owner = controls.getByRole('combobox', { name: 'Owner' });
    const newOwner = (await owner.locator('option:checked').innerText()).trim() === 'Márton Manager' ? 'Eszter Admin' : 'Márton Manager';
    await owner.selectOption({ label: newOwner });
    await controls.getByText('Owner saved.').waitFor({ state: 'attached' });
    await controls.getByRole('form', { name: 'Card value' }).getByLabel('Value').fill('1 250 000,50');
    await controls.getByRole('combobox', { name: 'Currency' }).selectOption('HUF');
    await controls.getByRole('button', { name: 'Save value' }).click();
    await controls.getByText('Value saved.').waitFor({ state: 'attached' });

    const history = page.getByRole('list', { name: 'History, newest first' });
    const entry = (text: string) => history.getByRole('listitem').filter({ hasText: text });
    await entry('changed the status').getByText(/Status:\s*Contacted\s*→\s*Meeting/).waitFor();
    await entry('changed the owner').getByText(new RegExp(`→\\s*${newOwner}`)).waitFor();
    await entry('changed the value').getByText(/→\s*HUF\s1,250,000\.50/).waitFor();
    expect(await history.innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    // Back: the same filter, sort and page; the card moved on, so one fewer matches.
    await page.goBack();
    await page.waitForURL(listUrl);
    expect(await page.getByRole('button', { name: /^Status:/ }).innerText()).toContain('Contacted');
    await summary(page).filter({ hasText: `51–100 of ${(total - 1).toLocaleString('en')}` }).waitFor();
  }));

test('a Normal user meets no automation pages, and opening one says so cleanly', () =>
  withPage(app, 'normal-no-automations', async (page) => {
    await signIn(page, 'sales@example.com');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Clients' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Automations' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Duplicates' }).count()).toBe(0);
    await page.goto('/automations');
    await page.getByRole('heading', { name: "You don't have access" }).waitFor();
  }));
