import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { RESULTS_DIR, signIn as signInAs, startApp, withPage, type E2eApp } from './support';

/** The count a link's label starts with, as English writes it ("1,773 open cards ..." is 1773). */
const countIn = (label: string) => Number(/^[\d,]+/.exec(label)![0].replace(/,/g, ''));

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

test('a report filtered to two tags counts each card once, also of the clients that carry both: its numbers are the card lists’ totals', () =>
  withPage(app, 'reports-tags', async (page) => {
    await signIn(page);
    // Up to forty clients tagged Hot get Referral too, as a user tags them on the client card.
    const both = await page.evaluate(async () => {
      const gql = async (query: string, variables: object) => {
        const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
        const body = await res.json();
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        return body.data;
      };
      const { labels } = await gql('query { labels(kind: TAG) { id name } }', {});
      const [hot, referral] = ['Hot', 'Referral'].map((name) => labels.find((l: { name: string }) => l.name === name).id);
      const { clients } = await gql('query($f: ClientFilterInput) { clients(filter: $f, page: { offset: 0, limit: 40 }) { items { id } } }', { f: { tagIds: [hot] } });
      for (const { id } of clients.items) {
        await gql('mutation($id: ID!, $input: UpdateClientInput!) { updateClient(id: $id, input: $input) { client { id } } }', { id, input: { tagIds: [hot, referral] } });
      }
      return clients.items.length;
    });
    expect(both).toBeGreaterThan(10);
    await page.goto('/reports?period=THIS_YEAR');
    await page.getByRole('button', { name: /^Tag:/ }).click();
    for (const tag of ['Hot', 'Referral']) await page.getByRole('group', { name: 'Tag' }).getByLabel(tag).click();
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => url.searchParams.getAll('tag').length === 2);
    const funnel = page.getByRole('region', { name: 'Funnel' });
    await funnel.getByRole('button', { name: 'Table' }).click();
    // Each status's number is the total of the card list behind it (clients with both tags once).
    const links = funnel.getByRole('link', { name: /entered .*: open the list/ });
    await page.waitForFunction(() => [...document.querySelectorAll('a.report-link')].some((a) => /entered/.test(a.getAttribute('aria-label') ?? '') && new URL(a.getAttribute('href')!, location.href).searchParams.getAll('tagIds').length === 2));
    let compared = 0;
    for (const link of await links.all()) {
      const count = countIn((await link.getAttribute('aria-label'))!);
      expect(await listTotal(page, (await link.getAttribute('href'))!)).toBe(count);
      compared += count;
    }
    expect(compared).toBeGreaterThan(0);
    mkdirSync(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS_DIR, 'reports-tags.png'), fullPage: true });
    // The open pipeline's numbers too.
    const open = page.getByRole('region', { name: 'Open pipeline' });
    await open.getByRole('button', { name: 'Table' }).click();
    const openLinks = await open.getByRole('link', { name: /open the list/ }).all();
    expect(openLinks.length).toBeGreaterThan(0);
    for (const link of openLinks) {
      const count = countIn((await link.getAttribute('aria-label'))!);
      expect(await listTotal(page, (await link.getAttribute('href'))!)).toBe(count);
    }
  }));

test('a manager exports the funnel to CSV (its numbers are the page’s and the lists’), saves the report and opens it again', () =>
  withPage(app, 'reports-export', async (page) => {
    await signIn(page);
    await page.goto('/reports?period=THIS_YEAR');
    const funnel = page.getByRole('region', { name: 'Funnel' });
    await funnel.getByRole('button', { name: 'Table' }).click();
    const links = funnel.getByRole('link', { name: /entered .*: open the list/ });
    await links.first().waitFor();
    // The page's numbers per status, from the table's links ("12 cards entered New lead: open the list").
    const shown = new Map<string, { count: number; href: string }>();
    for (const link of await links.all()) {
      const [, count, status] = /^([\d,]+) cards? entered (.+): open the list$/.exec((await link.getAttribute('aria-label'))!)!;
      shown.set(status, { count: countIn(count), href: (await link.getAttribute('href'))! });
    }
    expect(shown.size).toBeGreaterThan(1);

    const download = page.waitForEvent('download');
    await funnel.getByRole('button', { name: 'Export Funnel as CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^funnel-(\d{4})-01-01-\1-12-31\.csv$/);
    const text = readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = text.split('\r\n').filter(Boolean).map((line) => line.split(','));
    expect(header.slice(0, 2)).toEqual(['Status', 'Entered']);
    const exported = new Map(rows.map((r) => [r[0], Number(r[1])]));
    for (const [status, { count }] of shown) expect(exported.get(status)).toBe(count);
    // And each exported number is the total of the card list behind it.
    const [status, { href }] = [...shown].find(([, v]) => v.count > 0)!;
    expect(await listTotal(page, href)).toBe(exported.get(status));

    // Saved under a name and shared; opened again from a bare Reports page.
    await page.getByRole('button', { name: 'Save report' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save this report' });
    await dialog.getByLabel('Name').fill('This year, e2e');
    await dialog.getByRole('checkbox', { name: 'Share with the team' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL((url) => url.searchParams.has('saved'));
    await page.goto('/reports');
    await page.getByLabel('Saved report').selectOption({ label: 'This year, e2e (shared)' });
    await page.waitForURL((url) => url.searchParams.get('period') === 'THIS_YEAR' && url.searchParams.has('saved'));
    await page.getByRole('region', { name: 'Funnel' }).waitFor();
    mkdirSync(RESULTS_DIR, { recursive: true });
    await page.getByRole('region', { name: 'New clients and cards per week' }).locator('svg').waitFor();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'reports-saved.png'), fullPage: true });

    // On paper the charts give way to their tables, drawn only then.
    const funnelRegion = page.getByRole('region', { name: 'Funnel' });
    expect(await funnelRegion.locator('.report-widget__print-table').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    await funnelRegion.locator('.report-widget__print-table').getByRole('link', { name: new RegExp(`entered ${[...shown][0][0]}: open the list`) }).waitFor();
    await page.emulateMedia({ media: 'screen' });
    await funnelRegion.locator('.report-widget__print-table').waitFor({ state: 'detached' });

    // A bar opens the same list as the number it draws: the first status's.
    const [firstStatus, first] = [...shown][0];
    expect(first.count).toBeGreaterThan(0);
    const bar = page.getByRole('region', { name: 'Funnel' }).locator('.report-chart__bar--link').first();
    expect(await bar.locator('title').textContent()).toBe(`${firstStatus} · This period: ${first.count.toLocaleString('en')}`);
    await bar.click();
    await page.waitForURL((url) => url.pathname.startsWith('/list/') && url.searchParams.has('enteredStatusIds'));
    expect(await listTotal(page, page.url())).toBe(first.count);
  }));
