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

test('an admin sets the base currency and a rate; the Reports page shows money in it, labelled, and warns of what had no rate', () =>
  withPage(app, 'exchange-rates', async (page) => {
    await signIn(page, 'admin@example.com', '/login');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.goto('/settings/organisation');
    const section = page.getByRole('region', { name: 'Base currency and exchange rates' });
    await section.getByLabel('Base currency').selectOption('EUR');
    await section.getByRole('button', { name: 'Save base currency' }).click();
    await section.getByRole('heading', { name: 'Exchange rates into EUR' }).waitFor();
    await section.getByLabel('Currency', { exact: true }).selectOption('HUF');
    await section.getByLabel('Valid from').fill('2020-01-01');
    await section.getByLabel('Rate (EUR per unit)').fill('0.0025');
    await section.getByRole('button', { name: 'Add rate' }).click();
    await section.getByRole('cell', { name: '0.0025' }).waitFor();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'exchange-rates-settings.png'), fullPage: true });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    const money = page.getByRole('group', { name: 'Money' });
    await money.getByRole('button', { name: 'In EUR' }).click();
    await page.waitForURL((url) => url.searchParams.get('money') === 'base');
    const open = page.getByRole('region', { name: 'Open pipeline' });
    await open.getByText('In EUR', { exact: true }).waitFor();
    // The demo data has PLN cards too, and no PLN rate: they are counted, not converted.
    await open.getByRole('note').filter({ hasText: /in PLN have no exchange rate to EUR/ }).waitFor();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'exchange-rates-reports.png'), fullPage: true });
  }));
