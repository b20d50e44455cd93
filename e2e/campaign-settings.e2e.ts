// Settings › Campaigns (throttle, tracking), the suppression list, a tracked campaign's approximate
// opens and clicks, and a postal list's address labels, in Chromium.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
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

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, `campaign-settings-${name}.png`), fullPage: true });
}

test('throttle and tracking saved by an admin, suppression list kept by hand, tracked totals, address labels', () =>
  withPage(app, 'campaign-settings', async (page) => {
    const ds = app.dataSource;
    await signIn(page, 'admin@example.com', '/settings/campaigns');
    await page.getByRole('heading', { level: 1, name: 'Campaign settings' }).waitFor();
    await page.getByLabel('Mails per minute').fill('120');
    await page.getByLabel('Mails per recipient domain per minute').fill('200');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Allow at most 120: no more than per minute in all.').waitFor();
    await page.getByLabel('Mails per recipient domain per minute').fill('20');
    await page.getByRole('checkbox', { name: 'Track opens and clicks (approximate)' }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Campaign settings saved.').waitFor();
    await shot(page, 'settings');
    expect(await ds.query(`SELECT campaign_per_minute, campaign_per_domain_per_minute, campaign_tracking FROM organisation_settings`)).toEqual([
      { campaign_per_minute: 120, campaign_per_domain_per_minute: 20, campaign_tracking: true },
    ]);

    // The suppression list: one unsubscribe, added by hand, lifted with a reason.
    await ds.query(`INSERT INTO suppressions (email, reason, source) VALUES ('left@example.org', 'UNSUBSCRIBED', 'one-click'), ('gone@example.org', 'HARD_BOUNCE', 'bounce')`);
    await page.goto('/campaigns');
    await page.getByRole('link', { name: 'Suppression list' }).click();
    await page.getByRole('heading', { level: 1, name: 'Suppression list' }).waitFor();
    await page.getByRole('button', { name: 'Add address' }).click();
    const add = page.getByRole('dialog', { name: 'Suppress an address' });
    await add.getByLabel('Address').fill('asked@example.org');
    await add.getByLabel('Note').fill('asked by phone');
    await add.getByRole('button', { name: 'Suppress' }).click();
    await page.getByRole('row', { name: /asked@example\.org/ }).getByText('Added by hand').waitFor();
    await page.getByText('3 addresses').waitFor();
    await shot(page, 'suppressions');
    await page.getByRole('button', { name: 'Remove left@example.org' }).click();
    const remove = page.getByRole('dialog', { name: 'Remove left@example.org from the list?' });
    await remove.getByRole('button', { name: 'Remove from the list' }).click();
    await remove.getByText('Give the reason: this person unsubscribed.').waitFor();
    await remove.getByLabel('Reason').fill('Subscribed again at the fair');
    await shot(page, 'remove-unsubscribed');
    await remove.getByRole('button', { name: 'Remove from the list' }).click();
    await page.getByText('2 addresses').waitFor();
    await page.getByRole('searchbox', { name: 'Search addresses' }).fill('gone');
    await page.getByText('1 address', { exact: true }).waitFor();

    // A tracked campaign: the pixel and a link followed once; the campaign page shows approximate totals.
    const [pipeline] = await ds.query(`SELECT id FROM pipelines ORDER BY position LIMIT 1`);
    const [template] = await ds.query(`INSERT INTO email_templates (pipeline_id, name, subject, body) VALUES ($1, 'Offer', 'Offer', 'Dear {{contact.name}}, see https://shop.example/offer today.') RETURNING id`, [pipeline.id]);
    const clients: Array<{ id: string }> = await ds.query(
      `SELECT cl.id FROM clients cl WHERE cl.deleted_at IS NULL AND EXISTS (SELECT 1 FROM contacts ct WHERE ct.client_id = cl.id AND ct.deleted_at IS NULL AND cardinality(ct.emails) > 0) ORDER BY cl.name LIMIT 3`,
    );
    const [admin] = await ds.query(`SELECT id FROM users WHERE email = 'admin@example.com'`);
    const [list] = await ds.query(`INSERT INTO distribution_lists (name, kind, channel, created_by_id) VALUES ('Offer list', 'STATIC', 'EMAIL', $1) RETURNING id`, [admin.id]);
    for (const c of clients) await ds.query(`INSERT INTO distribution_list_members (list_id, client_id) VALUES ($1, $2)`, [list.id, c.id]);
    const [campaign] = await ds.query(
      `INSERT INTO campaigns (name, list_id, template_id, from_name, from_address, status, created_by_id, per_minute, per_domain_per_minute) VALUES ('Spring offer', $1, $2, 'Us', 'news@example.com', 'SCHEDULED', $3, 120, 20) RETURNING id`,
      [list.id, template.id, admin.id],
    );
    const step = await advanceCampaign(ds, campaign.id, options);
    const transport = createMailTransport(null, mkdtempSync(path.join(tmpdir(), 'crm-tracked-')));
    for (const id of step.released) expect(await deliverOutboxMail(ds, transport, id)).toBe('sent');
    const [mail] = await ds.query(`SELECT m.html FROM campaign_recipients r JOIN outbox_mails m ON m.id = r.outbox_id WHERE r.campaign_id = $1 ORDER BY r.email LIMIT 1`, [campaign.id]);
    const pixel = /<img src="([^"]+\/t\/o\/[^"]+)"/.exec(mail.html)![1];
    const click = /<a href="([^"]+\/t\/c\/[^"]+)">https:\/\/shop\.example\/offer<\/a>/.exec(mail.html)![1];
    expect((await page.request.get(pixel)).status()).toBe(200);
    const followed = await page.request.get(click, { maxRedirects: 0 });
    expect(followed.status()).toBe(302);
    expect(followed.headers().location).toBe('https://shop.example/offer');
    await page.goto(`/campaigns/${campaign.id}`);
    const totals = page.locator('.campaign-totals');
    await totals.getByText('Opened (approximate)').waitFor();
    await page.getByText('Opens and clicks are approximate').waitFor();
    expect(await page.locator('.campaign-totals__item--approximate dd').allTextContents()).toEqual(['1', '1']);
    await shot(page, 'tracked-campaign');

    // A postal list prints address labels.
    const [postal] = await ds.query(`INSERT INTO distribution_lists (name, kind, channel, created_by_id) VALUES ('Post', 'STATIC', 'POSTAL', $1) RETURNING id`, [admin.id]);
    for (const c of clients) await ds.query(`INSERT INTO distribution_list_members (list_id, client_id) VALUES ($1, $2)`, [postal.id, c.id]);
    await page.goto(`/lists/${postal.id}`);
    const labels = page.getByRole('button', { name: 'Address labels (PDF)' });
    await labels.waitFor();
    await shot(page, 'postal-list');
    const [download] = await Promise.all([page.waitForEvent('download'), labels.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(readFileSync((await download.path())!).subarray(0, 5).toString()).toBe('%PDF-');
  }));
