import { Role } from '@crm/shared';
import { startTestApi, TestApi } from '../../testing/api';
import { buildPipeline } from '../../testing/factories';

const SETTINGS = `{ campaignSettings { perMinute perDomainPerMinute defaultPerMinute defaultPerDomainPerMinute tracking } }`;
const SAVE = `mutation($input: CampaignSettingsInput!) { updateCampaignSettings(input: $input) { perMinute perDomainPerMinute tracking } }`;
const CREATE_LIST = `mutation($input: DistributionListInput!) { createDistributionList(input: $input) { id } }`;
const CREATE_CAMPAIGN = `mutation($input: CampaignInput!) { createCampaign(input: $input) { id scheduledAt perMinute perDomainPerMinute } }`;
const PAGE = `query($s: String, $p: PageInput) { suppressions(search: $s, page: $p) { total items { email reason scope source campaignName createdByName createdAt } } }`;
const ADD = `mutation($input: AddSuppressionInput!) { addSuppression(input: $input) { email reason source createdByName } }`;
const REMOVE = `mutation($input: RemoveSuppressionInput!) { removeSuppression(input: $input) }`;

describe('campaign settings and the suppression list', () => {
  let api: TestApi;
  let admin: string;
  let manager: string;
  let normal: string;
  let listId: string;
  let templateId: string;

  beforeAll(async () => {
    // The environment's defaults: Budapest, 600 a minute, 60 per domain.
    api = await startTestApi({ timeZone: 'Europe/Budapest', campaignPerMinute: 600, campaignPerDomainPerMinute: 60 });
    admin = await api.login((await api.buildUser({ role: Role.Admin, name: 'Ádám Admin' })).email);
    manager = await api.login((await api.buildUser({ role: Role.Manager, name: 'Mária Manager' })).email);
    normal = await api.login((await api.buildUser({ role: Role.Normal })).email);
    const { pipeline } = await buildPipeline(api.db.dataSource);
    listId = (await api.gql(CREATE_LIST, { input: { name: 'News', kind: 'STATIC', channel: 'EMAIL', recipients: 'PRIMARY' } }, manager)).data!.createDistributionList.id;
    templateId = (await api.gql(`mutation($input: EmailTemplateInput!) { createEmailTemplate(input: $input) { id } }`, { input: { pipelineId: pipeline.id, name: 'N', subject: 'S', body: 'B' } }, manager)).data!.createEmailTemplate.id;
  });
  afterAll(() => api.close());

  it('reads "when" in the organisation’s saved zone, not ORG_TIME_ZONE', async () => {
    await api.gql(`mutation { updateOrganisationSettings(input: { timeZone: "America/New_York", language: "en", defaultCountry: "HU" }) { timeZone } }`, {}, admin);
    const c = (await api.gql(CREATE_CAMPAIGN, { input: { name: 'Zoned', listId, templateId, sendAt: '2026-12-01T09:00' } }, manager)).data!.createCampaign;
    // 09:00 in New York (UTC-5), not 09:00 in Budapest (08:00 UTC).
    expect(c.scheduledAt).toBe('2026-12-01T14:00:00.000Z');
    await api.gql(`mutation { updateOrganisationSettings(input: { timeZone: "Europe/Budapest", language: "en", defaultCountry: "HU" }) { timeZone } }`, {}, admin);
  });

  it('throttle: the environment’s default until an admin saves one; admins only; validated with codes; audited', async () => {
    expect((await api.gql(SETTINGS, {}, admin)).data!.campaignSettings).toEqual({ perMinute: 600, perDomainPerMinute: 60, defaultPerMinute: 600, defaultPerDomainPerMinute: 60, tracking: false });
    for (const cookie of [manager, normal]) expect((await api.gql(SETTINGS, {}, cookie)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await api.gql(SAVE, { input: { perMinute: 100, perDomainPerMinute: 10, tracking: false } }, manager)).errors![0].extensions!.code).toBe('FORBIDDEN');

    const tooBig = await api.gql(SAVE, { input: { perMinute: 0, perDomainPerMinute: 200000, tracking: false } }, admin);
    expect(tooBig.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldReasons: { perMinute: 'TOO_SMALL', perDomainPerMinute: 'TOO_LARGE' } });
    const above = await api.gql(SAVE, { input: { perMinute: 50, perDomainPerMinute: 80, tracking: false } }, admin);
    expect(above.errors![0].extensions).toMatchObject({ fieldReasons: { perDomainPerMinute: 'THROTTLE_DOMAIN_ABOVE_TOTAL' }, fieldParams: { perDomainPerMinute: { max: 50 } } });

    await api.db.dataSource.query(`DELETE FROM audit_log WHERE entity = 'organisation'`);
    const saved = await api.gql(SAVE, { input: { perMinute: 120, perDomainPerMinute: 12, tracking: false } }, admin);
    expect(saved.data!.updateCampaignSettings).toEqual({ perMinute: 120, perDomainPerMinute: 12, tracking: false });
    const audit = await api.db.dataSource.query(`SELECT action, changes FROM audit_log WHERE entity = 'organisation'`);
    expect(audit).toEqual([{ action: 'update', changes: { campaignPerMinute: [null, 120], campaignPerDomainPerMinute: [null, 12] } }]);
    // A new campaign takes the saved throttle.
    const c = (await api.gql(CREATE_CAMPAIGN, { input: { name: 'Slow', listId, templateId } }, manager)).data!.createCampaign;
    expect([c.perMinute, c.perDomainPerMinute]).toEqual([120, 12]);
  });

  it('suppression list: searched and paged, with reason, time and source; Managers add and remove; an unsubscribe needs a reason to lift, audited', async () => {
    const ds = api.db.dataSource;
    await ds.query(`DELETE FROM suppressions`);
    for (let i = 0; i < 30; i++) await ds.query(`INSERT INTO suppressions (email, reason, source, created_at) VALUES ($1, 'HARD_BOUNCE', 'bounce', now() - ($2 || ' minutes')::interval)`, [`bounce${String(i).padStart(2, '0')}@x.test`, String(i + 10)]);
    await ds.query(`INSERT INTO suppressions (email, reason, source) VALUES ('left@y.test', 'UNSUBSCRIBED', 'one-click')`);
    expect((await api.gql(PAGE, {}, normal)).errors![0].extensions!.code).toBe('FORBIDDEN');

    const first = (await api.gql(PAGE, { p: { offset: 0, limit: 25 } }, manager)).data!.suppressions;
    expect(first.total).toBe(31);
    expect(first.items).toHaveLength(25);
    expect(first.items[0]).toMatchObject({ email: 'left@y.test', reason: 'UNSUBSCRIBED', source: 'one-click' });
    expect((await api.gql(PAGE, { p: { offset: 25, limit: 25 } }, manager)).data!.suppressions.items).toHaveLength(6);
    const found = (await api.gql(PAGE, { s: ' BOUNCE0' }, manager)).data!.suppressions;
    expect(found.total).toBe(10);
    // A search for "_" or "%" is literal.
    expect((await api.gql(PAGE, { s: '%' }, manager)).data!.suppressions.total).toBe(0);

    const added = await api.gql(ADD, { input: { email: 'Asked@Phone.test', note: 'asked by phone' } }, manager);
    expect(added.data!.addSuppression).toEqual({ email: 'asked@phone.test', reason: 'MANUAL', source: 'asked by phone', createdByName: 'Mária Manager' });
    expect((await api.gql(ADD, { input: { email: 'not an address' } }, manager)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldReasons: { email: 'NOT_EMAIL' } });

    // Lifting an unsubscribe: refused without a reason, done with one.
    const refused = await api.gql(REMOVE, { input: { email: 'left@y.test' } }, manager);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldReasons: { reason: 'UNSUBSCRIBE_REASON_REQUIRED' } });
    expect(await ds.query(`SELECT 1 FROM suppressions WHERE email = 'left@y.test'`)).toHaveLength(1);
    expect((await api.gql(REMOVE, { input: { email: 'left@y.test', reason: 'Subscribed again at the fair' } }, manager)).data!.removeSuppression).toBe(true);
    expect((await api.gql(REMOVE, { input: { email: 'bounce00@x.test' } }, manager)).data!.removeSuppression).toBe(true);
    expect((await api.gql(REMOVE, { input: { email: 'nobody@x.test' } }, manager)).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(await ds.query(`SELECT email FROM suppressions WHERE email IN ('left@y.test', 'bounce00@x.test')`)).toEqual([]);

    const audit = await ds.query(`SELECT action, changes FROM audit_log WHERE entity = 'suppression' ORDER BY at, action`);
    expect(audit).toEqual([
      { action: 'suppress', changes: { email: [null, 'asked@phone.test'], source: [null, 'asked by phone'] } },
      { action: 'unsuppress', changes: { email: ['left@y.test', null], reason: ['UNSUBSCRIBED', null], note: [null, 'Subscribed again at the fair'] } },
      { action: 'unsuppress', changes: { email: ['bounce00@x.test', null], reason: ['HARD_BOUNCE', null] } },
    ]);
  });
});
