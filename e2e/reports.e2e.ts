import type { Page } from 'playwright-core';
import { signIn as signInAs, startApp, withPage, type E2eApp } from './support';

jest.setTimeout(120_000);

const MANAGER = { email: 'manager@example.com' };

let app: E2eApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

async function signIn(page: Page) {
  await signInAs(page, MANAGER.email, '/login');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).waitFor();
}

/** The card list's total for the filter a report link carries (the list route's search parameters). */
async function listTotal(page: Page, href: string): Promise<number> {
  const url = new URL(href, app.url);
  const pipelineId = url.pathname.split('/').pop();
  const filter: Record<string, unknown> = {};
  for (const key of new Set(url.searchParams.keys())) {
    filter[key] = key.endsWith('Ids') || key === 'outcomes' ? url.searchParams.getAll(key) : url.searchParams.get(key);
  }
  return page.evaluate(
    async ({ pipelineId, filter }) => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query($p: ID!, $f: CardFilterInput) { cards(pipelineId: $p, filter: $f) { total } }', variables: { p: pipelineId, f: filter } }),
      });
      return (await res.json()).data.cards.total as number;
    },
    { pipelineId, filter },
  );
}

test('a manager changes the period and the salesperson, the widgets follow, and a funnel number opens its cards', () =>
  withPage(app, 'reports', async (page) => {
    await signIn(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    const funnel = page.getByRole('region', { name: 'Funnel' });
    await funnel.getByRole('button', { name: 'Table' }).click();
    const leadLink = funnel.getByRole('link', { name: /entered New lead: open the list/ });
    const thisMonth = await leadLink.getAttribute('aria-label');

    // A year holds more than a month: the numbers change, and the period is in the URL.
    await page.getByLabel('Period', { exact: true }).selectOption('THIS_YEAR');
    await page.waitForURL((url) => url.searchParams.get('period') === 'THIS_YEAR');
    await page.waitForFunction((before) => {
      const link = [...document.querySelectorAll('a.report-link')].find((a) => /entered New lead/.test(a.getAttribute('aria-label') ?? ''));
      return link && link.getAttribute('aria-label') !== before;
    }, thisMonth);
    const yearAll = Number((await leadLink.textContent())!.replace(/\D/g, ''));
    expect(yearAll).toBeGreaterThan(0);

    // One salesperson: fewer cards, their name in the URL.
    await page.getByRole('button', { name: /^Salespeople:/ }).click();
    await page.getByRole('group', { name: 'Salespeople' }).getByLabel('Zofia Sales').click();
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => url.searchParams.getAll('owner').length === 1);
    await page.waitForFunction((before) => {
      const link = [...document.querySelectorAll('a.report-link')].find((a) => /entered New lead/.test(a.getAttribute('aria-label') ?? ''));
      return link && Number(link.textContent!.replace(/\D/g, '')) !== before;
    }, yearAll);
    const yearZofia = Number((await leadLink.textContent())!.replace(/\D/g, ''));
    expect(yearZofia).toBeLessThan(yearAll);
    expect(await page.getByRole('region', { name: 'Activity per salesperson' }).getByRole('rowheader').allTextContents()).toEqual(['Zofia Sales']);

    // The number opens the card list with the same filter; that list's total is the number.
    await leadLink.click();
    await page.waitForURL((url) => url.pathname.startsWith('/list/') && url.searchParams.has('enteredStatusIds'));
    expect(new URL(page.url()).searchParams.getAll('ownerIds')).toHaveLength(1);
    expect(await listTotal(page, page.url())).toBe(yearZofia);
  }));
