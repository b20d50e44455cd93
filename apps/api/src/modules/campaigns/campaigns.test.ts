import { advanceCampaign, Category, createQueues, closeQueues, Department, signUnsubscribeToken, Tag, User } from '@crm/db';
import { JOBS, Role } from '@crm/shared';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildCards, buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

const LIST_FIELDS = 'id name kind channel recipients clientCount';
const CREATE_LIST = `mutation($input: DistributionListInput!) { createDistributionList(input: $input) { ${LIST_FIELDS} } }`;
const ADD = `mutation($input: AddListMembersInput!) { addListMembers(input: $input) }`;
const MEMBERS = `query($l: ID!) { listMembers(listId: $l) { total items { name } } }`;
const CREATE_CAMPAIGN = `mutation($input: CampaignInput!) { createCampaign(input: $input) { id status scheduledAt } }`;
const REVIEW = `query($id: ID!) { campaignReview(id: $id) { recipients clients noAddress hidden suppressed { reason count } missingValues { email missing } previews { email subject text } } }`;
const SEND = `mutation($id: ID!, $c: Boolean) { sendCampaign(id: $id, confirmMissing: $c) { id status } }`;
const RESULTS = `query($id: ID!) { campaign(id: $id) { status totals { recipients queued sent skipped unsubscribed bounced } } campaignRecipients(campaignId: $id) { total items { email state skipReason } } }`;

describe('distribution lists and campaigns', () => {
  let api: TestApi;
  let manager: string;
  let normal: string;
  let limited: string;
  let restricted: string;
  let managerId: string;
  let news: Category;
  let vip: Tag;
  let east: Department;
  let west: Department;
  let clients: Record<string, string>;
  let templateId: string;
  let salesStatus: Awaited<ReturnType<typeof buildPipeline>>['statuses'][number];

  beforeAll(async () => {
    api = await startTestApi({ publicUrl: 'https://crm.example', unsubscribeSecret: 'a-test-secret-long-enough' });
    const ds = api.db.dataSource;
    const m = await api.buildUser({ role: Role.Manager, name: 'Mária Manager' });
    managerId = m.id;
    manager = await api.login(m.email, m.password);
    normal = await api.login((await api.buildUser({ role: Role.Normal })).email);
    restricted = await api.login((await api.buildUser({ role: Role.Restricted })).email);
    [east, west] = await ds.getRepository(Department).save([{ name: 'East' }, { name: 'West' }]);
    const lim = await api.buildUser({ role: Role.Normal });
    await ds.getRepository(User).save({ id: lim.id, departments: [east] });
    limited = await api.login(lim.email);
    [news] = await ds.getRepository(Category).save([{ name: 'Newsletter' }]);
    [vip] = await ds.getRepository(Tag).save([{ name: 'VIP', nameKey: 'vip' }]);
    const { pipeline, statuses } = await buildPipeline(ds);
    salesStatus = statuses[0];
    const cards = await buildCards(ds, [
      { status: statuses[0], name: 'Alfa Kft', departmentId: east.id },
      { status: statuses[0], name: 'Béta Bt', departmentId: west.id },
      { status: statuses[0], name: 'Gamma Zrt', departmentId: east.id },
      { status: statuses[0], name: 'Delta Sp', departmentId: east.id },
    ]);
    clients = Object.fromEntries(cards.map((c, i) => [['alfa', 'beta', 'gamma', 'delta'][i], c.clientId]));
    const contact = (client: string, name: string, email: string | null) =>
      ds.query(`INSERT INTO contacts (client_id, name, emails, is_primary) VALUES ($1, $2, $3, true)`, [client, name, email ? [email] : []]);
    await contact(clients.alfa, 'Anna Alfa', 'anna@alfa.test');
    await contact(clients.beta, 'Béla Béta', 'bela@beta.test');
    await contact(clients.gamma, 'Gábor Gamma', 'gabor@gamma.test');
    await contact(clients.delta, 'Dorota', null); // no address
    for (const c of ['alfa', 'beta', 'gamma']) await ds.query(`INSERT INTO client_categories (client_id, category_id) VALUES ($1, $2)`, [clients[c], news.id]);
    await ds.query(`INSERT INTO client_tags (client_id, tag_id) VALUES ($1, $2), ($3, $2)`, [clients.alfa, vip.id, clients.beta]);
    templateId = (await api.gql(`mutation($input: EmailTemplateInput!) { createEmailTemplate(input: $input) { id } }`, { input: { pipelineId: pipeline.id, name: 'News', subject: 'News for {{client.name}}', body: 'Dear {{contact.name}},\n\nour news.' } }, manager)).data!.createEmailTemplate.id;
  });
  afterAll(() => api.close());

  it('builds a static list from picked clients and all matching a filter; Normal users read it in their scope, cannot change it', async () => {
    const list = (await api.gql(CREATE_LIST, { input: { name: 'Picked', kind: 'STATIC', channel: 'EMAIL', recipients: 'PRIMARY' } }, manager)).data!.createDistributionList;
    expect((await api.gql(ADD, { input: { listId: list.id, clientIds: [clients.delta] } }, manager)).data!.addListMembers).toBe(1);
    expect((await api.gql(ADD, { input: { listId: list.id, matching: { categoryIds: [news.id] } } }, manager)).data!.addListMembers).toBe(3);
    expect((await api.gql(ADD, { input: { listId: list.id, matching: { categoryIds: [news.id] } } }, manager)).data!.addListMembers).toBe(0);
    expect((await api.gql(MEMBERS, { l: list.id }, manager)).data!.listMembers.total).toBe(4);
    // A department-limited user sees the East clients only; a Restricted user may not use lists.
    expect((await api.gql(MEMBERS, { l: list.id }, limited)).data!.listMembers.items.map((c: any) => c.name)).toEqual(['Alfa Kft', 'Delta Sp', 'Gamma Zrt']);
    expect((await api.gql(`{ distributionLists { name clientCount } }`, {}, limited)).data!.distributionLists).toContainEqual({ name: 'Picked', clientCount: 3 });
    expect((await api.gql(MEMBERS, { l: list.id }, restricted)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await api.gql(ADD, { input: { listId: list.id, clientIds: [clients.beta] } }, normal)).errors![0].extensions!.code).toBe('FORBIDDEN');
    const removed = await api.gql(`mutation($l: ID!, $c: [ID!]!) { removeListMembers(listId: $l, clientIds: $c) }`, { l: list.id, c: [clients.delta] }, manager);
    expect(removed.data!.removeListMembers).toBe(1);
  });

  it('evaluates a dynamic list (category and tag) whenever it is read', async () => {
    const list = (await api.gql(CREATE_LIST, { input: { name: 'News VIP', kind: 'DYNAMIC', channel: 'EMAIL', recipients: 'PRIMARY', filter: { categoryIds: [news.id], tagIds: [vip.id] } } }, manager)).data!.createDistributionList;
    expect(list.clientCount).toBe(2);
    await api.db.dataSource.query(`INSERT INTO client_tags (client_id, tag_id) VALUES ($1, $2)`, [clients.gamma, vip.id]);
    expect((await api.gql(MEMBERS, { l: list.id }, manager)).data!.listMembers.total).toBe(3);
    await api.db.dataSource.query(`DELETE FROM client_tags WHERE client_id = $1`, [clients.gamma]);
    const refused = await api.gql(ADD, { input: { listId: list.id, clientIds: [clients.delta] } }, manager);
    expect(refused.errors![0].extensions).toMatchObject({ reason: 'LIST_IS_DYNAMIC' });
  });

  it("filters a dynamic list on its clients' card custom fields: a choice, a number range, a date range; trashed clients never, each viewer in their scope", async () => {
    const ds = api.db.dataSource;
    const field = async (label: string, kind: string, options: string[] = []) =>
      (await ds.query(`INSERT INTO custom_fields (pipeline_id, label, kind, options) VALUES ($1, $2, $3, $4) RETURNING id`, [salesStatus.pipelineId, label, kind, options]))[0].id as string;
    const region = await field('Region', 'SELECT', ['North', 'South']);
    const staff = await field('Staff', 'NUMBER');
    const renewal = await field('Renewal', 'DATE');
    const note = await field('Note', 'TEXT');
    const [trashed] = await buildCards(ds, [{ status: salesStatus, name: 'Omega Trashed', departmentId: east.id }]);
    await ds.query(`UPDATE clients SET deleted_at = now() WHERE id = $1`, [trashed.clientId]);
    const values: Array<[string, Record<string, unknown>]> = [
      [clients.alfa, { [region]: 'North', [staff]: 50, [renewal]: '2027-03-01', [note]: 'Key account' }],
      [clients.beta, { [region]: 'North', [staff]: 80, [renewal]: '2027-01-15' }],
      [clients.gamma, { [region]: 'North', [staff]: 5, [renewal]: '2027-02-01' }],
      [clients.delta, { [region]: 'South', [staff]: 60, [renewal]: '2027-02-10', [note]: 'key account' }],
      [trashed.clientId, { [region]: 'North', [staff]: 70, [renewal]: '2027-02-01' }],
    ];
    for (const [client, v] of values) await ds.query(`UPDATE cards SET custom_values = $2 WHERE client_id = $1`, [client, v]);
    const LIST = `query($id: ID!) { distributionList(id: $id) { clientCount filter { custom { fieldId value min max } } } }`;
    const names = async (id: string, token: string) => (await api.gql(MEMBERS, { l: id }, token)).data!.listMembers.items.map((c: any) => c.name);
    const dynamic = async (name: string, custom: unknown[]) => api.gql(CREATE_LIST, { input: { name, kind: 'DYNAMIC', channel: 'EMAIL', recipients: 'PRIMARY', filter: { custom } } }, manager);

    // Region North and 10 to 80 staff: Alfa and Béta (Gamma is too small, Delta in the South, Omega trashed).
    const north = (await dynamic('North mid', [{ fieldId: region, value: 'North' }, { fieldId: staff, min: 10, max: 80 }])).data!.createDistributionList;
    expect(north.clientCount).toBe(2);
    expect(await names(north.id, manager)).toEqual(['Alfa Kft', 'Béta Bt']);
    expect(await names(north.id, limited)).toEqual(['Alfa Kft']); // West is not theirs
    expect((await api.gql(LIST, { id: north.id }, manager)).data!.distributionList.filter.custom).toEqual([
      { fieldId: region, value: 'North', min: null, max: null },
      { fieldId: staff, value: null, min: 10, max: 80 },
    ]);
    // Renewal in February 2027 (dates inclusive), and an exact text.
    const feb = (await dynamic('Renewal in February', [{ fieldId: renewal, min: '2027-02-01', max: '2027-02-28' }])).data!.createDistributionList;
    expect(await names(feb.id, manager)).toEqual(['Delta Sp', 'Gamma Zrt']);
    const exact = (await dynamic('Key accounts', [{ fieldId: note, value: ' Key account ' }])).data!.createDistributionList;
    expect(await names(exact.id, manager)).toEqual(['Alfa Kft']);
    // Evaluated when read: a value changed since counts at once.
    await ds.query(`UPDATE cards SET custom_values = custom_values || jsonb_build_object($2::text, 'North') WHERE client_id = $1`, [clients.delta, region]);
    expect(await names(north.id, manager)).toEqual(['Alfa Kft', 'Béta Bt', 'Delta Sp']);
    expect(await names(north.id, limited)).toEqual(['Alfa Kft', 'Delta Sp']);
    // A trashed card does not count either.
    await ds.query(`UPDATE cards SET deleted_at = now() WHERE client_id = $1`, [clients.delta]);
    expect(await names(north.id, manager)).toEqual(['Alfa Kft', 'Béta Bt']);
    await ds.query(`UPDATE cards SET deleted_at = NULL WHERE client_id = $1`, [clients.delta]);

    // Conditions that do not fit the field are refused with its label.
    for (const bad of [{ fieldId: region, value: 'East' }, { fieldId: region, min: 1 }, { fieldId: staff, value: 'many' }, { fieldId: renewal, min: '1 March' }, { fieldId: staff }]) {
      expect((await dynamic('Bad', [bad])).errors![0].extensions).toMatchObject({ reason: 'LIST_CUSTOM_CONDITION', params: { field: expect.any(String) } });
    }
  });

  it('reviews, refuses an empty list, sends through the outbox with a job, and shows results per recipient', async () => {
    const empty = (await api.gql(CREATE_LIST, { input: { name: 'Empty', kind: 'STATIC', channel: 'EMAIL', recipients: 'PRIMARY' } }, manager)).data!.createDistributionList;
    const emptyCampaign = (await api.gql(CREATE_CAMPAIGN, { input: { name: 'Nothing', listId: empty.id, templateId } }, manager)).data!.createCampaign;
    expect((await api.gql(SEND, { id: emptyCampaign.id }, manager)).errors![0].extensions).toMatchObject({ reason: 'CAMPAIGN_EMPTY' });

    const list = (await api.gql(CREATE_LIST, { input: { name: 'All news', kind: 'DYNAMIC', channel: 'EMAIL', recipients: 'PRIMARY', filter: { categoryIds: [news.id] } } }, manager)).data!.createDistributionList;
    await api.db.dataSource.query(`INSERT INTO suppressions (email, reason, source) VALUES ('bela@beta.test', 'HARD_BOUNCE', 'bounce')`);
    const campaign = (await api.gql(CREATE_CAMPAIGN, { input: { name: 'November news', listId: list.id, templateId, sendAt: '2026-12-01T09:00' } }, manager)).data!.createCampaign;
    expect(campaign.scheduledAt).toBe('2026-12-01T08:00:00.000Z'); // 09:00 in Budapest (CET)
    await api.db.dataSource.query(`UPDATE campaigns SET scheduled_at = NULL WHERE id = $1`, [campaign.id]);
    const review = (await api.gql(REVIEW, { id: campaign.id }, manager)).data!.campaignReview;
    expect(review).toMatchObject({ recipients: 2, clients: 3, noAddress: 0, hidden: 0, suppressed: [{ reason: 'HARD_BOUNCE', count: 1 }], missingValues: [] });
    expect(review.previews.map((p: any) => p.subject)).toEqual(['News for Alfa Kft', 'News for Gamma Zrt']);
    expect(review.previews[0].text).toContain('Dear Anna Alfa');

    const queues = createQueues({ redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', prefix: api.server.services.config.queuePrefix });
    try {
      const sent = await api.gql(SEND, { id: campaign.id }, manager);
      expect(sent.data!.sendCampaign.status).toBe('SCHEDULED');
      const jobs = await queues[JOBS.runCampaign.queue].getJobs(['waiting', 'delayed']);
      expect(jobs.map((j) => j.data)).toContainEqual({ campaignId: campaign.id });
    } finally {
      await closeQueues(queues, true);
    }
    // What the worker does.
    await advanceCampaign(api.db.dataSource, campaign.id, { timeZone: 'Europe/Budapest', messageDomain: 'crm.test', publicUrl: 'https://crm.example', unsubscribeSecret: 'a-test-secret-long-enough' });
    const results = (await api.gql(RESULTS, { id: campaign.id }, manager)).data!;
    expect(results.campaign).toMatchObject({ status: 'DONE', totals: { recipients: 3, queued: 2, sent: 0, skipped: 1 } });
    expect(results.campaignRecipients.items).toEqual([
      { email: 'anna@alfa.test', state: 'QUEUED', skipReason: null },
      { email: 'bela@beta.test', state: 'SKIPPED', skipReason: 'SUPPRESSED' },
      { email: 'gabor@gamma.test', state: 'QUEUED', skipReason: null },
    ]);
    // The department-limited manager's view of the results: their clients only.
    const history = await api.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE client_id = $1 AND entity = 'email' AND action = 'queued'`, [clients.alfa]);
    expect(history[0].n).toBe(1);

    // The unsubscribe page: GET asks, never unsubscribes; the one-click POST does.
    const [anna] = await api.db.dataSource.query(`SELECT r.id, m.headers FROM campaign_recipients r JOIN outbox_mails m ON m.id = r.outbox_id WHERE r.campaign_id = $1 AND r.email = 'anna@alfa.test'`, [campaign.id]);
    const link = /<https:\/\/crm\.example(\/unsubscribe\/[^>]+)>/.exec(anna.headers['List-Unsubscribe'])![1];
    const page = await fetch(`${api.url}${link}`, { headers: { 'accept-language': 'hu-HU,hu;q=0.9' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Leiratkozom a kampánylevelekről');
    expect(await api.db.dataSource.query(`SELECT 1 FROM suppressions WHERE email = 'anna@alfa.test'`)).toEqual([]);
    const oneClick = await fetch(`${api.url}${link}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://mail.provider.example' }, body: 'List-Unsubscribe=One-Click' });
    expect(oneClick.status).toBe(200);
    expect(await api.db.dataSource.query(`SELECT reason, scope, source FROM suppressions WHERE email = 'anna@alfa.test'`)).toEqual([{ reason: 'UNSUBSCRIBED', scope: 'CAMPAIGNS', source: 'one-click' }]);
    const after = (await api.gql(RESULTS, { id: campaign.id }, manager)).data!;
    expect(after.campaign.totals.unsubscribed).toBe(1);
    const consent = await api.gql(`query($c: ID!) { contactConsents(contactId: $c) { status source } }`, { c: (await api.db.dataSource.query(`SELECT contact_id FROM campaign_recipients WHERE id = $1`, [anna.id]))[0].contact_id }, manager);
    expect(consent.data!.contactConsents).toEqual([{ status: 'OPTED_OUT', source: 'one-click' }]);

    // Forged and expired tokens get a clear page and change nothing.
    const forged = await fetch(`${api.url}${link.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x'))}`);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('not valid');
    const expired = await fetch(`${api.url}/unsubscribe/${signUnsubscribeToken('a-test-secret-long-enough', anna.id, new Date(Date.now() - 60_000))}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('expired');

    // A bounce arriving as inbound mail marks Gábor bounced (hard) and suppresses the address.
    const [gabor] = await api.db.dataSource.query(`SELECT m.message_id FROM campaign_recipients r JOIN outbox_mails m ON m.id = r.outbox_id WHERE r.campaign_id = $1 AND r.email = 'gabor@gamma.test'`, [campaign.id]);
    const dsn = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example>',
      'To: news@crm.example',
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <dsn-1@mx.example>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Final-Recipient: rfc822; gabor@gamma.test',
      'Action: failed',
      'Status: 5.1.1',
      '--b1',
      'Content-Type: text/rfc822-headers',
      '',
      `Message-ID: ${gabor.message_id}`,
      '--b1--',
      '',
    ].join('\r\n');
    await api.server.services.inbound.receive(dsn);
    const bounced = (await api.gql(RESULTS, { id: campaign.id }, manager)).data!;
    expect(bounced.campaignRecipients.items.find((r: any) => r.email === 'gabor@gamma.test').state).toBe('BOUNCED');
    expect(await api.db.dataSource.query(`SELECT reason FROM suppressions WHERE email = 'gabor@gamma.test'`)).toEqual([{ reason: 'HARD_BOUNCE' }]);
    // A DSN about no mail of ours is ignored.
    await expect(api.server.services.inbound.receive(dsn.replace(gabor.message_id, '<unknown@nowhere>').replace('dsn-1', 'dsn-2'))).resolves.toMatchObject({ kind: 'BOUNCE' });
  });

  it('a complaint (an ARF feedback report) about a campaign mail suppresses the address and marks the recipient; one about no mail of ours is ignored', async () => {
    const ds = api.db.dataSource;
    const [eta] = await buildCards(ds, [{ status: salesStatus, name: 'Eta Kft' }]);
    await ds.query(`INSERT INTO contacts (client_id, name, emails, is_primary) VALUES ($1, 'Edit Eta', '{edit@eta.test}', true)`, [eta.clientId]);
    const list = (await api.gql(CREATE_LIST, { input: { name: 'Eta', kind: 'STATIC', channel: 'EMAIL', recipients: 'PRIMARY' } }, manager)).data!.createDistributionList;
    await api.gql(ADD, { input: { listId: list.id, clientIds: [eta.clientId] } }, manager);
    const campaign = (await api.gql(CREATE_CAMPAIGN, { input: { name: 'December news', listId: list.id, templateId } }, manager)).data!.createCampaign;
    await ds.query(`UPDATE campaigns SET status = 'SCHEDULED' WHERE id = $1`, [campaign.id]);
    await advanceCampaign(ds, campaign.id, { timeZone: 'Europe/Budapest', messageDomain: 'crm.test', publicUrl: 'https://crm.example', unsubscribeSecret: 'a-test-secret-long-enough' });
    const [sent] = await ds.query(`SELECT m.message_id, m.subject FROM campaign_recipients r JOIN outbox_mails m ON m.id = r.outbox_id WHERE r.campaign_id = $1`, [campaign.id]);
    const arf = (messageId: string) =>
      readFileSync(path.join(__dirname, 'fixtures/complaint.eml'), 'utf8').replaceAll('{{MESSAGE_ID}}', messageId).replaceAll('{{RECIPIENT}}', 'edit@eta.test').replaceAll('{{SUBJECT}}', sent.subject);

    // Kept in the inbox as a complaint (linked to the client of the mail it is about), and acted on.
    await expect(api.server.services.inbound.receive(arf(sent.message_id))).resolves.toMatchObject({ kind: 'COMPLAINT', clientId: eta.clientId });
    const results = (await api.gql(RESULTS.replace('unsubscribed bounced', 'unsubscribed complained bounced'), { id: campaign.id }, manager)).data!;
    expect(results.campaignRecipients.items).toEqual([{ email: 'edit@eta.test', state: 'COMPLAINED', skipReason: null }]);
    expect(results.campaign.totals).toMatchObject({ recipients: 1, complained: 1, unsubscribed: 0 });
    expect(await ds.query(`SELECT reason, scope, source FROM suppressions WHERE email = 'edit@eta.test'`)).toEqual([{ reason: 'COMPLAINED', scope: 'CAMPAIGNS', source: 'complaint' }]);
    expect(await ds.query(`SELECT c.status, c.source FROM contact_consents c JOIN contacts ct ON ct.id = c.contact_id WHERE ct.client_id = $1`, [eta.clientId])).toEqual([{ status: 'OPTED_OUT', source: 'complaint' }]);
    expect(await ds.query(`SELECT action FROM audit_log WHERE client_id = $1 AND entity = 'campaign'`, [eta.clientId])).toEqual([{ action: 'complained' }]);

    // A complaint about a mail that is not ours: kept, nothing suppressed or marked.
    const before = await ds.query(`SELECT count(*)::int AS n FROM suppressions`);
    const stray = arf('<someone-else@elsewhere.example>').replace('<fbl-2026-12-01-0001@', '<fbl-2026-12-01-0002@');
    await expect(api.server.services.inbound.receive(stray)).resolves.toMatchObject({ kind: 'COMPLAINT', clientId: null });
    expect(await ds.query(`SELECT count(*)::int AS n FROM suppressions`)).toEqual(before);
  });

  it('asks for confirmation when some recipients lack template values, then leaves them out', async () => {
    const list = (await api.gql(CREATE_LIST, { input: { name: 'East', kind: 'STATIC', channel: 'EMAIL', recipients: 'PRIMARY' } }, manager)).data!.createDistributionList;
    const { statuses } = await buildPipeline(api.db.dataSource);
    const [withTax, without] = await buildCards(api.db.dataSource, [{ status: statuses[0], name: 'Epsilon', emails: ['office@epsilon.test'] }, { status: statuses[0], name: 'Zeta', emails: ['office@zeta.test'] }]);
    await api.db.dataSource.query(`INSERT INTO contacts (client_id, name, emails, is_primary) VALUES ($1, 'Eva', '{eva@epsilon.test}', true), ($2, 'Zoe', '{zoe@zeta.test}', true)`, [withTax.clientId, without.clientId]);
    await api.gql(ADD, { input: { listId: list.id, clientIds: [withTax.clientId, without.clientId] } }, manager);
    await api.db.dataSource.query(`UPDATE clients SET tax_id = '12345678' WHERE id = $1`, [withTax.clientId]);
    const t = (await api.gql(`mutation($input: EmailTemplateInput!) { createEmailTemplate(input: $input) { id } }`, { input: { pipelineId: (await api.db.dataSource.query(`SELECT pipeline_id FROM email_templates LIMIT 1`))[0].pipeline_id, name: 'Tax', subject: 'Tax', body: 'Your tax id: {{client.taxId}}' } }, manager)).data!.createEmailTemplate;
    const campaign = (await api.gql(CREATE_CAMPAIGN, { input: { name: 'Tax ids', listId: list.id, templateId: t.id } }, manager)).data!.createCampaign;
    const review = (await api.gql(REVIEW, { id: campaign.id }, manager)).data!.campaignReview;
    expect(review.missingValues).toEqual([{ email: 'zoe@zeta.test', missing: ['client.taxId'] }]);
    expect(review.recipients).toBe(1);
    expect((await api.gql(SEND, { id: campaign.id }, manager)).errors![0].extensions).toMatchObject({ reason: 'CAMPAIGN_MISSING_VALUES', params: { count: 1 } });
    expect((await api.gql(SEND, { id: campaign.id, c: true }, manager)).data!.sendCampaign.status).toBe('SCHEDULED');
    await advanceCampaign(api.db.dataSource, campaign.id, { timeZone: 'Europe/Budapest', messageDomain: 'crm.test', publicUrl: 'https://crm.example', unsubscribeSecret: 'a-test-secret-long-enough' });
    const results = (await api.gql(RESULTS, { id: campaign.id }, manager)).data!;
    expect(results.campaignRecipients.items).toEqual([
      { email: 'eva@epsilon.test', state: 'QUEUED', skipReason: null },
      { email: 'zoe@zeta.test', state: 'SKIPPED', skipReason: 'MISSING_VALUES' },
    ]);
    expect(managerId).toBeTruthy();
  });

  it('exports a postal list for mail merge and an SMS list as E.164 numbers, in the user’s scope', async () => {
    const ds = api.db.dataSource;
    await ds.query(`UPDATE clients SET address = 'Fő utca 1, 1011 Budapest' WHERE id = $1`, [clients.alfa]);
    await ds.query(`UPDATE contacts SET phones = '{"06 20 123 4567"}' WHERE client_id = $1`, [clients.alfa]);
    await ds.query(`UPDATE contacts SET phones = '{"0903 123 456"}' WHERE client_id = $1`, [clients.beta]);
    await ds.query(`UPDATE contacts SET phones = '{"12"}' WHERE client_id = $1`, [clients.gamma]);
    const postal = (await api.gql(CREATE_LIST, { input: { name: 'Post', kind: 'STATIC', channel: 'POSTAL', recipients: 'PRIMARY' } }, manager)).data!.createDistributionList;
    const sms = (await api.gql(CREATE_LIST, { input: { name: 'Texts', kind: 'DYNAMIC', channel: 'SMS', recipients: 'PRIMARY', filter: { categoryIds: [news.id] } } }, manager)).data!.createDistributionList;
    await api.gql(ADD, { input: { listId: postal.id, clientIds: [clients.alfa, clients.beta] } }, manager);
    const csv = await fetch(`${api.url}/lists/${postal.id}/export?format=csv`, { headers: { cookie: manager } });
    expect(csv.status).toBe(200);
    expect((await csv.text()).split('\r\n')).toEqual(['Name,Contact,Title,Address', 'Alfa Kft,Anna Alfa,,"Fő utca 1, 1011 Budapest"', 'Béta Bt,Béla Béta,,', '']);
    // The East-only user gets the East client only; the unreadable number is left out.
    const numbers = await fetch(`${api.url}/lists/${sms.id}/export?format=csv`, { headers: { cookie: limited } });
    expect((await numbers.text()).split('\r\n')).toEqual(['Name,Contact,Phone (E.164)', 'Alfa Kft,Anna Alfa,+36201234567', '']);
    const all = await (await fetch(`${api.url}/lists/${sms.id}/export?format=csv`, { headers: { cookie: manager } })).text();
    expect(all).toContain('Béta Bt,Béla Béta,+421903123456');
    const xlsx = await fetch(`${api.url}/lists/${postal.id}/export?format=xlsx`, { headers: { cookie: manager } });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    expect((await fetch(`${api.url}/lists/${postal.id}/export?format=csv`, { headers: { cookie: restricted } })).status).toBe(403);
    // Address labels of the postal list: a PDF, in the user's scope; refused for another channel.
    const labels = await fetch(`${api.url}/lists/${postal.id}/export?format=pdf`, { headers: { cookie: manager } });
    expect(labels.status).toBe(200);
    expect(labels.headers.get('content-type')).toBe('application/pdf');
    expect(labels.headers.get('content-disposition')).toContain('Post-labels.pdf');
    expect(Buffer.from(await labels.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const notPostal = await fetch(`${api.url}/lists/${sms.id}/export?format=pdf`, { headers: { cookie: manager } });
    expect(notPostal.status).toBe(400);
    expect(((await notPostal.json()) as { error: { reason: string } }).error.reason).toBe('LABELS_NEED_POSTAL_LIST');
  });

  it('edits a draft (list, template, sender, time) and refuses to once it is no longer a draft', async () => {
    const UPDATE = `mutation($id: ID!, $input: CampaignInput!) { updateCampaign(id: $id, input: $input) { name listId templateId fromName fromAddress scheduledAt status } }`;
    const first = (await api.gql(CREATE_LIST, { input: { name: 'Draft A', kind: 'STATIC', channel: 'EMAIL', recipients: 'PRIMARY' } }, manager)).data!.createDistributionList;
    const second = (await api.gql(CREATE_LIST, { input: { name: 'Draft B', kind: 'STATIC', channel: 'EMAIL', recipients: 'PRIMARY' } }, manager)).data!.createDistributionList;
    const postal = (await api.gql(CREATE_LIST, { input: { name: 'Draft P', kind: 'STATIC', channel: 'POSTAL', recipients: 'PRIMARY' } }, manager)).data!.createDistributionList;
    const campaign = (await api.gql(CREATE_CAMPAIGN, { input: { name: 'Draft', listId: first.id, templateId } }, manager)).data!.createCampaign;
    const input = { name: 'January news', listId: second.id, templateId, fromName: 'The Team', fromAddress: 'team@crm.example', sendAt: '2027-01-04T08:30' };
    const edited = (await api.gql(UPDATE, { id: campaign.id, input }, manager)).data!.updateCampaign;
    expect(edited).toEqual({ name: 'January news', listId: second.id, templateId, fromName: 'The Team', fromAddress: 'team@crm.example', scheduledAt: '2027-01-04T07:30:00.000Z', status: 'DRAFT' });
    const [audit] = await api.db.dataSource.query(`SELECT changes FROM audit_log WHERE entity = 'campaign' AND entity_id = $1 AND action = 'update'`, [campaign.id]);
    expect(audit.changes).toMatchObject({ name: ['Draft', 'January news'], listId: [first.id, second.id], scheduledAt: [null, '2027-01-04T07:30:00.000Z'] });
    // Only Managers and Admins edit; a postal list is refused as on creation.
    expect((await api.gql(UPDATE, { id: campaign.id, input }, normal)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await api.gql(UPDATE, { id: campaign.id, input: { ...input, listId: postal.id } }, manager)).errors![0].extensions).toMatchObject({ reason: 'CAMPAIGN_NEEDS_EMAIL_LIST' });
    // Once it is on its way (or cancelled), the campaign stays as it was sent.
    for (const status of ['SCHEDULED', 'CANCELLED']) {
      await api.db.dataSource.query(`UPDATE campaigns SET status = $2 WHERE id = $1`, [campaign.id, status]);
      expect((await api.gql(UPDATE, { id: campaign.id, input: { ...input, name: 'Too late' } }, manager)).errors![0].extensions).toMatchObject({ reason: 'CAMPAIGN_NOT_DRAFT' });
    }
    expect((await api.db.dataSource.query(`SELECT name FROM campaigns WHERE id = $1`, [campaign.id]))[0].name).toBe('January news');
  });
});
