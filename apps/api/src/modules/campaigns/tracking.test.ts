import { advanceCampaign, signRecipientToken } from '@crm/db';
import { Role } from '@crm/shared';
import { startTestApi, TestApi } from '../../testing/api';
import { buildPipeline } from '../../testing/factories';

const SECRET = 'a-test-secret-long-enough';
const OPTIONS = { timeZone: 'Europe/Budapest', messageDomain: 'crm.test', publicUrl: 'https://crm.example', unsubscribeSecret: SECRET };
const SAVE = `mutation($input: CampaignSettingsInput!) { updateCampaignSettings(input: $input) { tracking } }`;
const TOTALS = `query($id: ID!) { campaign(id: $id) { tracking totals { opened clicked } } }`;

describe('open and click tracking', () => {
  let api: TestApi;
  let admin: string;
  let manager: string;
  let listId: string;
  let templateId: string;

  beforeAll(async () => {
    api = await startTestApi({ publicUrl: 'https://crm.example', unsubscribeSecret: SECRET });
    admin = await api.login((await api.buildUser({ role: Role.Admin })).email);
    manager = await api.login((await api.buildUser({ role: Role.Manager })).email);
    const ds = api.db.dataSource;
    const { pipeline } = await buildPipeline(ds);
    const [{ id: client }] = await ds.query(`INSERT INTO clients (name, type) VALUES ('Alfa', 'COMPANY') RETURNING id`);
    await ds.query(`INSERT INTO contacts (client_id, name, emails, is_primary) VALUES ($1, 'Anna', '{anna@alfa.test}', true)`, [client]);
    listId = (await api.gql(`mutation($input: DistributionListInput!) { createDistributionList(input: $input) { id } }`, { input: { name: 'L', kind: 'STATIC', channel: 'EMAIL', recipients: 'PRIMARY' } }, manager)).data!.createDistributionList.id;
    await api.gql(`mutation($input: AddListMembersInput!) { addListMembers(input: $input) }`, { input: { listId, clientIds: [client] } }, manager);
    templateId = (await api.gql(`mutation($input: EmailTemplateInput!) { createEmailTemplate(input: $input) { id } }`, { input: { pipelineId: pipeline.id, name: 'T', subject: 'Offer', body: 'Dear {{contact.name}}, see https://shop.example/offer?a=1&b=2 today.' } }, manager)).data!.createEmailTemplate.id;
  });
  afterAll(() => api.close());

  async function sendCampaign(name: string) {
    const id = (await api.gql(`mutation($input: CampaignInput!) { createCampaign(input: $input) { id } }`, { input: { name, listId, templateId } }, manager)).data!.createCampaign.id;
    expect((await api.gql(`mutation($id: ID!) { sendCampaign(id: $id) { status } }`, { id }, manager)).errors).toBeUndefined();
    await advanceCampaign(api.db.dataSource, id, OPTIONS);
    const [mail] = await api.db.dataSource.query(`SELECT r.id AS recipient_id, m.html, m.text FROM campaign_recipients r JOIN outbox_mails m ON m.id = r.outbox_id WHERE r.campaign_id = $1`, [id]);
    return { id, ...mail } as { id: string; recipient_id: string; html: string; text: string };
  }

  it('is off by default: no pixel, links untouched, no totals counted', async () => {
    const mail = await sendCampaign('Untracked');
    expect(mail.html).not.toContain('/t/o/');
    expect(mail.html).not.toContain('/t/c/');
    expect((await api.gql(TOTALS, { id: mail.id }, manager)).data!.campaign).toEqual({ tracking: false, totals: { opened: 0, clicked: 0 } });
  });

  it('when an admin turns it on: the pixel counts opens, a link redirects to the address in the mail and counts the click', async () => {
    expect((await api.gql(SAVE, { input: { perMinute: 600, perDomainPerMinute: 60, tracking: true } }, admin)).data!.updateCampaignSettings.tracking).toBe(true);
    const mail = await sendCampaign('Tracked');
    const pixel = /<img src="https:\/\/crm\.example(\/t\/o\/[^"]+)"/.exec(mail.html)![1];
    // The address written in the template became a link that shows it.
    const click = /<a href="https:\/\/crm\.example(\/t\/c\/[^"]+)">https:\/\/shop\.example\/offer\?a=1(&|&amp;)b=2<\/a> today/.exec(mail.html)![1];
    // The text part keeps the plain address.
    expect(mail.text).toContain('https://shop.example/offer?a=1&b=2');

    const image = await fetch(`${api.url}${pixel}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/gif');
    await fetch(`${api.url}${pixel}`);
    const redirect = await fetch(`${api.url}${click}`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('https://shop.example/offer?a=1&b=2');

    expect((await api.gql(TOTALS, { id: mail.id }, manager)).data!.campaign).toEqual({ tracking: true, totals: { opened: 1, clicked: 1 } });
    const [r] = await api.db.dataSource.query(`SELECT opens, clicks, opened_at IS NOT NULL AS opened FROM campaign_recipients WHERE id = $1`, [mail.recipient_id]);
    expect(r).toEqual({ opens: 2, clicks: 1, opened: true });
  });

  it('never redirects anywhere else: forged tokens, another campaign’s link, unknown links', async () => {
    const first = await sendCampaign('First');
    const second = await sendCampaign('Second');
    const [linkOfFirst] = await api.db.dataSource.query(`SELECT id FROM campaign_links WHERE campaign_id = $1`, [first.id]);
    const [, linkOfSecond, token] = /\/t\/c\/([0-9a-f-]+)\/([^"]+)"/.exec(second.html)!;
    const refused = async (path: string) => {
      const res = await fetch(`${api.url}${path}`, { redirect: 'manual' });
      expect(res.headers.get('location')).toBeNull();
      expect(res.status).toBe(404);
    };
    // The token is bound to its link: it does not open another.
    await refused(`/t/c/${linkOfFirst.id}/${token}`);
    // A correctly signed token for a link of another campaign than the recipient's is refused too.
    await refused(`/t/c/${linkOfFirst.id}/${signRecipientToken(SECRET, second.recipient_id, new Date(Date.now() + 60_000), `click:${linkOfFirst.id}`)}`);
    await refused(`/t/c/${linkOfSecond}/${token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))}`);
    await refused(`/t/c/not-a-link/${token}`);
    // A URL of our choosing cannot be smuggled in: there is no parameter for it.
    await refused(`/t/c/${linkOfSecond}/${token}?url=https://evil.example`.replace(token, `${token}x`));
    // An expired but genuine link still leads to its address, uncounted.
    const expired = signRecipientToken(SECRET, second.recipient_id, new Date(Date.now() - 60_000), `click:${linkOfSecond}`);
    const late = await fetch(`${api.url}/t/c/${linkOfSecond}/${expired}`, { redirect: 'manual' });
    expect(late.headers.get('location')).toBe('https://shop.example/offer?a=1&b=2');
    expect((await api.gql(TOTALS, { id: second.id }, manager)).data!.campaign.totals.clicked).toBe(0);
  });
});
