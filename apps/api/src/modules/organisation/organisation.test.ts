import { withOrganisationZone } from '@crm/db';
import { Role } from '@crm/shared';
import { startTestApi, TestApi } from '../../testing/api';
import { buildPipeline } from '../../testing/factories';

const READ = `{ organisation { timeZone language defaultCountry defaultTimeZone } }`;
const UPDATE = `mutation($input: OrganisationSettingsInput!) { updateOrganisationSettings(input: $input) { timeZone language defaultCountry } }`;

describe('organisation settings', () => {
  let api: TestApi;
  let admin: string;
  let manager: string;
  let restricted: string;
  beforeAll(async () => {
    api = await startTestApi({ timeZone: 'Europe/Warsaw' });
    await api.db.dataSource.query(`DELETE FROM organisation_settings`);
    const a = await api.buildUser({ role: Role.Admin, locale: 'sk' });
    // The first admin's language is the default: make this admin the first.
    await api.db.dataSource.query(`UPDATE users SET created_at = '2000-01-01' WHERE id = $1`, [a.id]);
    admin = await api.login(a.email, a.password);
    const m = await api.buildUser({ role: Role.Manager });
    manager = await api.login(m.email, m.password);
    const r = await api.buildUser({ role: Role.Restricted });
    restricted = await api.login(r.email, r.password);
  });
  afterAll(() => api.close());

  it('defaults: the zone from ORG_TIME_ZONE, the language from the first admin, the phone country from the language', async () => {
    const res = await api.gql(READ, {}, restricted);
    expect(res.errors).toBeUndefined();
    expect(res.data!.organisation).toEqual({ timeZone: 'Europe/Warsaw', language: 'sk', defaultCountry: 'SK', defaultTimeZone: 'Europe/Warsaw' });
  });

  it('only an admin changes them; every signed-in user reads the change', async () => {
    const input = { timeZone: 'europe/bratislava', language: 'pl', defaultCountry: 'CZ' };
    for (const cookie of [manager, restricted]) {
      const refused = await api.gql(UPDATE, { input }, cookie);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const saved = await api.gql(UPDATE, { input }, admin);
    expect(saved.errors).toBeUndefined();
    // Stored as the zone's own spelling.
    expect(saved.data!.updateOrganisationSettings).toEqual({ timeZone: 'Europe/Bratislava', language: 'pl', defaultCountry: 'CZ' });
    const read = await api.gql(READ, {}, restricted);
    expect(read.data!.organisation).toMatchObject({ timeZone: 'Europe/Bratislava', language: 'pl', defaultCountry: 'CZ', defaultTimeZone: 'Europe/Warsaw' });
    expect((await api.gql(READ, {}, undefined)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an unknown zone, an offset, a language or country it does not know, each with a code', async () => {
    for (const [input, fields] of [
      [{ timeZone: 'Mars/Olympus', language: 'hu', defaultCountry: 'HU' }, { timeZone: 'TIME_ZONE_UNKNOWN' }],
      [{ timeZone: '+01:00', language: 'de', defaultCountry: 'DE' }, { timeZone: 'TIME_ZONE_UNKNOWN', language: 'LANGUAGE_UNKNOWN', defaultCountry: 'COUNTRY_UNKNOWN' }],
    ] as const) {
      const res = await api.gql(UPDATE, { input }, admin);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldReasons: fields });
    }
    // Nothing was saved.
    expect((await api.gql(READ, {}, admin)).data!.organisation.language).toBe('pl');
  });

  it('report periods are cut in the saved zone (not ORG_TIME_ZONE)', async () => {
    const { pipeline } = await buildPipeline(api.db.dataSource);
    const REPORT = `query($filter: ReportFilterInput!) { report(filter: $filter) { period { timeZone from fromDay } } }`;
    const custom = { pipelineId: pipeline.id, period: 'CUSTOM', from: '2026-01-05', to: '2026-01-11' };
    await api.gql(UPDATE, { input: { timeZone: 'Asia/Tokyo', language: 'pl', defaultCountry: 'PL' } }, admin);
    const res = await api.gql(REPORT, { filter: custom }, admin);
    expect(res.errors).toBeUndefined();
    // Midnight in Tokyo (UTC+9) is 15:00 UTC the day before.
    expect(res.data!.report.period).toMatchObject({ timeZone: 'Asia/Tokyo', fromDay: '2026-01-05', from: '2026-01-04T15:00:00.000Z' });
  });

  it('the worker’s automation timing takes the saved zone over ORG_TIME_ZONE', async () => {
    await api.gql(UPDATE, { input: { timeZone: 'America/New_York', language: 'pl', defaultCountry: 'PL' } }, admin);
    expect(await withOrganisationZone(api.db.dataSource.manager, { timeZone: 'Europe/Warsaw', messageDomain: 'crm.test' })).toEqual({ timeZone: 'America/New_York', messageDomain: 'crm.test' });
    await api.db.dataSource.query(`DELETE FROM organisation_settings`);
    expect((await withOrganisationZone(api.db.dataSource.manager, { timeZone: 'Europe/Warsaw', messageDomain: 'crm.test' })).timeZone).toBe('Europe/Warsaw');
  });

  it('each change is written to the audit log: who changed which setting from what to what', async () => {
    const set = (input: Record<string, string>) => api.gql(UPDATE, { input }, admin);
    expect((await set({ timeZone: 'Europe/Budapest', language: 'hu', defaultCountry: 'HU' })).errors).toBeUndefined();
    await api.db.dataSource.query(`DELETE FROM audit_log WHERE entity = 'organisation'`);
    expect((await set({ timeZone: 'Europe/Warsaw', language: 'pl', defaultCountry: 'HU' })).errors).toBeUndefined();
    // Saving the same values again records nothing.
    expect((await set({ timeZone: 'Europe/Warsaw', language: 'pl', defaultCountry: 'HU' })).errors).toBeUndefined();
    const rows = await api.db.dataSource.query(
      `SELECT a.action, a.changes, u.role FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE a.entity = 'organisation' ORDER BY a.at`,
    );
    expect(rows).toEqual([{ action: 'update', role: 'ADMIN', changes: { timeZone: ['Europe/Budapest', 'Europe/Warsaw'], language: ['hu', 'pl'] } }]);
  });
});
