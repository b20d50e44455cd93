// A campaign end to end: a dynamic list built in the browser from the category "Newsletter" and a
// tag, a campaign reviewed and sent (the worker's steps run here, into an .eml folder), the
// unsubscribe link of one .eml opened in the browser, a second campaign that skips that contact,
// and a delivery-status report for another recipient that marks it bounced and suppressed.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { advanceCampaign, createMailTransport, deliverOutboxMail, type CampaignOptions } from '../packages/db/src';
import { RESULTS_DIR, signIn, startApp, withPage, type E2eApp } from './support';

jest.setTimeout(180_000);

let app: E2eApp;
let options: CampaignOptions;
const SHOTS = process.env.E2E_SCREENSHOTS;

beforeAll(async () => {
  app = await startApp();
  options = { timeZone: 'Europe/Budapest', messageDomain: 'crm.local', publicUrl: app.url, unsubscribeSecret: app.services.config.unsubscribeSecret };
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

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, `campaigns-${name}.png`), fullPage: true });
}

/** What the worker does: the campaign's step, then delivery of what it let out, into `dir` as .eml files. */
async function work(campaignId: string, dir: string): Promise<void> {
  const step = await advanceCampaign(app.dataSource, campaignId, options);
  const transport = createMailTransport(null, dir);
  for (const id of step.released) expect(await deliverOutboxMail(app.dataSource, transport, id)).toBe('sent');
}

test('list from a category and a tag, campaign, unsubscribe from an .eml, skipped next time, bounce suppressed', () =>
  withPage(app, 'campaigns', async (page) => {
    // The data behind the browser: three clients with a contact each in "Newsletter" and tagged "Hot", one only in "Newsletter".
    const ds = app.dataSource;
    const [{ id: categoryId }] = await ds.query(`INSERT INTO categories (name, color) VALUES ('Newsletter', '#0ea5e9') RETURNING id`);
    const [{ id: tagId }] = await ds.query(`SELECT id FROM tags WHERE name = 'Hot'`);
    const picked: Array<{ id: string; name: string }> = await ds.query(
      `SELECT cl.id, cl.name FROM clients cl WHERE cl.deleted_at IS NULL AND EXISTS (SELECT 1 FROM contacts ct WHERE ct.client_id = cl.id AND ct.deleted_at IS NULL AND cardinality(ct.emails) > 0)
         AND EXISTS (SELECT 1 FROM cards c WHERE c.client_id = cl.id AND c.deleted_at IS NULL) ORDER BY cl.name LIMIT 4`,
    );
    expect(picked).toHaveLength(4);
    await ds.query(`DELETE FROM client_tags WHERE tag_id = $1 AND client_id = ANY($2::uuid[])`, [tagId, picked.map((c) => c.id)]);
    for (const c of picked) await ds.query(`INSERT INTO client_categories (client_id, category_id) VALUES ($1, $2)`, [c.id, categoryId]);
    for (const c of picked.slice(0, 3)) await ds.query(`INSERT INTO client_tags (client_id, tag_id) VALUES ($1, $2)`, [c.id, tagId]);
    await ds.query(`UPDATE contacts SET is_primary = true WHERE id IN (SELECT DISTINCT ON (client_id) id FROM contacts WHERE client_id = ANY($1::uuid[]) AND cardinality(emails) > 0 ORDER BY client_id, name)`, [picked.map((c) => c.id)]);

    await signIn(page, 'admin@example.com', '/lists');
    await page.getByRole('heading', { level: 1, name: 'Distribution lists' }).waitFor();
    const [pipeline] = await gql<{ pipelines: Array<{ id: string }> }>(page, '{ pipelines { id } }', {}).then((d) => d.pipelines);
    await gql(page, 'mutation($i: EmailTemplateInput!) { createEmailTemplate(input: $i) { id } }', {
      i: { pipelineId: pipeline.id, name: 'Monthly news', subject: 'News for {{client.name}}', body: 'Dear {{contact.name}},\n\nhere is our news.' },
    });

    // A choice custom field that the four clients' cards hold ("English"), for the list's condition below.
    const [{ id: languageField }] = await ds.query(`INSERT INTO custom_fields (pipeline_id, label, kind, options) VALUES ($1, 'Newsletter language', 'SELECT', '{English,Hungarian}') RETURNING id`, [pipeline.id]);
    await ds.query(`UPDATE cards SET custom_values = custom_values || jsonb_build_object($1::text, 'English') WHERE client_id = ANY($2::uuid[])`, [languageField, picked.map((c) => c.id)]);

    // The list: dynamic, category Newsletter, tag Hot and newsletter language English.
    await page.getByRole('button', { name: 'New list' }).click();
    const listDialog = page.getByRole('dialog', { name: 'New distribution list' });
    await listDialog.getByLabel('Name').fill('Hot newsletter');
    await listDialog.getByLabel('Type').selectOption('DYNAMIC');
    await listDialog.getByRole('button', { name: /^Category/ }).click();
    await listDialog.getByRole('checkbox', { name: 'Newsletter' }).check();
    await listDialog.getByRole('button', { name: /^Category/ }).click();
    await listDialog.getByRole('button', { name: /^Tag/ }).click();
    await listDialog.getByRole('checkbox', { name: 'Hot' }).check();
    await listDialog.getByRole('button', { name: /^Tag/ }).click();
    await listDialog.getByRole('button', { name: 'Add a custom field condition' }).click();
    await listDialog.getByLabel('Field of condition 1').selectOption({ label: 'Newsletter language' });
    await listDialog.getByLabel('Newsletter language is').selectOption('English');
    if (SHOTS) await listDialog.screenshot({ path: path.join(RESULTS_DIR, 'campaigns-list-dialog.png') });
    await listDialog.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/lists\/[^/]+$/);
    await page.getByText('3 clients').waitFor();
    for (const c of picked.slice(0, 3)) await page.getByRole('link', { name: c.name }).waitFor();
    expect(await page.getByRole('link', { name: picked[3].name }).count()).toBe(0);
    await shot(page, 'list');

    // The campaign: create, review (three previews), send.
    await page.goto('/campaigns');
    await page.getByRole('button', { name: 'New campaign' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New campaign' });
    await dialog.getByLabel('Name', { exact: true }).fill('November news');
    await dialog.getByLabel('Distribution list').selectOption({ label: 'Hot newsletter' });
    await dialog.getByLabel('Template').selectOption({ index: 1 });
    await dialog.getByRole('button', { name: 'Create and review' }).click();
    await page.waitForURL(/\/campaigns\/[^/]+$/);
    const campaignId = page.url().split('/').pop()!;
    await page.getByText('3 addresses will receive it').waitFor();
    expect(await page.locator('.campaign-preview iframe').count()).toBe(3);
    // The previews show the rendered mail (sandboxed frames), not an empty box.
    const previewText = await page.frameLocator('.campaign-preview iframe').first().locator('body').innerText();
    expect(previewText).toMatch(/unsubscribe/i);
    await shot(page, 'review');
    // Still a draft: its settings can change (here its name).
    await page.getByRole('button', { name: 'Edit' }).click();
    const settings = page.getByRole('dialog', { name: 'Campaign settings' });
    await settings.getByLabel('Name', { exact: true }).fill('November newsletter');
    await settings.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'November newsletter' }).waitFor();
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.getByRole('dialog', { name: 'Send to 3 recipients?' }).getByRole('button', { name: 'Send now' }).click();
    await page.getByText('Scheduled', { exact: true }).first().waitFor();

    const dir = mkdtempSync(path.join(tmpdir(), 'crm-campaign-'));
    await work(campaignId, dir);
    const files = readdirSync(dir);
    expect(files).toHaveLength(3);

    // One .eml's unsubscribe link, opened in the browser (no login needed), then the button.
    const eml = readFileSync(path.join(dir, files[0]), 'utf8').replace(/\r?\n[ \t]+/g, ' ');
    const to = /^To: (.+)$/m.exec(eml)![1].trim().toLowerCase();
    const link = /^List-Unsubscribe: <([^>]+)>/m.exec(eml)![1];
    expect(eml).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    const visitor = await app.browser.newContext({ locale: 'en-US' });
    try {
      const outside = await visitor.newPage();
      await outside.goto(link);
      await outside.getByRole('button', { name: 'Unsubscribe from campaigns' }).click();
      await outside.getByText('will receive no more campaign mail').waitFor();
      if (SHOTS) await outside.screenshot({ path: path.join(RESULTS_DIR, 'campaigns-unsubscribed.png') });
    } finally {
      await visitor.close();
    }

    // Results: that recipient unsubscribed. At 1280 x 800 the recipients fit the page's width (no sideways scrolling).
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.reload();
    await page.getByRole('row', { name: new RegExp(to.replace(/[.]/g, '\\.')) }).getByText('Unsubscribed').waitFor();
    await shot(page, 'results');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    const table = await page.getByRole('table', { name: 'Recipients' }).boundingBox();
    expect(table!.x + table!.width).toBeLessThanOrEqual(1280);

    // Sending again: that contact is skipped.
    const again = await gql<{ createCampaign: { id: string } }>(page, 'mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }', {
      i: { name: 'December news', listId: (await ds.query(`SELECT id FROM distribution_lists WHERE name = 'Hot newsletter'`))[0].id, templateId: (await ds.query(`SELECT id FROM email_templates WHERE name = 'Monthly news'`))[0].id },
    });
    await page.goto(`/campaigns/${again.createCampaign.id}`);
    await page.getByText('2 addresses will receive it').waitFor();
    await page.getByText('1 address unsubscribed').waitFor();
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.getByRole('dialog', { name: 'Send to 2 recipients?' }).getByRole('button', { name: 'Send now' }).click();
    // The worker's step below reads the campaign the click scheduled: wait until it is.
    await page.getByText('Scheduled', { exact: true }).first().waitFor();
    const secondDir = mkdtempSync(path.join(tmpdir(), 'crm-campaign-'));
    await work(again.createCampaign.id, secondDir);
    expect(readdirSync(secondDir)).toHaveLength(2);
    await page.reload();
    await page.getByRole('row', { name: new RegExp(to.replace(/[.]/g, '\\.')) }).getByText('on the suppression list').waitFor();

    // A delivery-status report for another recipient of the first campaign: bounced and suppressed.
    const other = readFileSync(path.join(dir, files[1]), 'utf8').replace(/\r?\n[ \t]+/g, ' ');
    const otherTo = /^To: (.+)$/m.exec(other)![1].trim().toLowerCase();
    const messageId = /^Message-ID: (<[^>]+>)/im.exec(other)![1];
    await app.services.inbound.receive(
      [
        'From: Mail Delivery System <MAILER-DAEMON@mx.example>',
        'To: admin@example.com',
        'Subject: Undelivered Mail Returned to Sender',
        'Message-ID: <dsn-e2e@mx.example>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
        '',
        '--b1',
        'Content-Type: message/delivery-status',
        '',
        `Final-Recipient: rfc822; ${otherTo}`,
        'Action: failed',
        'Status: 5.1.1',
        '--b1',
        'Content-Type: text/rfc822-headers',
        '',
        `Message-ID: ${messageId}`,
        '--b1--',
        '',
      ].join('\r\n'),
    );
    await page.goto(`/campaigns/${campaignId}`);
    await page.getByRole('row', { name: new RegExp(otherTo.replace(/[.]/g, '\\.')) }).getByText('Bounced').waitFor();
    expect(await ds.query(`SELECT reason FROM suppressions WHERE email = $1`, [otherTo])).toEqual([{ reason: 'HARD_BOUNCE' }]);
  }));
