import { startApp } from './support';
jest.setTimeout(200_000);

test('shot', async () => {
  const app = await startApp();
  try {
    const context = await app.browser.newContext({ baseURL: app.url, locale: 'en-US', viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill('manager@example.com');
    await page.getByLabel('Password').fill('demo1234');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    for (const [name, query] of [['year', 'period=THIS_YEAR&compare=1'], ['month', '']] as const) {
      const t0 = Date.now();
      await page.goto(`/reports?${query}`);
      await page.getByRole('region', { name: 'Funnel' }).waitFor();
      await page.locator('.recharts-bar-rectangle').first().waitFor();
      console.log(name, 'drawn in', Date.now() - t0, 'ms');
      await page.screenshot({ path: `test-results/reports-${name}.png`, fullPage: true });
    }
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: 'test-results/reports-print.png', fullPage: true });
  } finally {
    await app.close();
  }
});
