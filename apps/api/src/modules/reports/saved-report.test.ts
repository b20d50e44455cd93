import { Role } from '@crm/shared';
import { buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

const FIELDS = `id name shared editable subscribed compare widgets filter { pipelineId period from to ownerIds departmentIds categoryIds tagIds }`;
const CREATE = `mutation($input: SavedReportInput!) { createSavedReport(input: $input) { ${FIELDS} } }`;
const LIST = `query { savedReports { id name shared editable } }`;
const RENAME = `mutation($id: ID!, $input: RenameSavedReportInput!) { renameSavedReport(id: $id, input: $input) { ${FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteSavedReport(id: $id) }`;
const SUBSCRIBE = `mutation($id: ID!, $on: Boolean!) { subscribeSavedReport(id: $id, subscribed: $on) { id subscribed } }`;

describe('saved reports', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('saves the filter bar and widgets; private ones stay private, Managers share, owners rename and delete', async () => {
    const { pipeline } = await buildPipeline(api.db.dataSource);
    const manager = await api.buildUser({ role: Role.Manager });
    const normal = await api.buildUser({ role: Role.Normal });
    const other = await api.buildUser({ role: Role.Normal });
    const restricted = await api.buildUser({ role: Role.Restricted });
    const [m, n, o, r] = await Promise.all([manager, normal, other, restricted].map((u) => api.login(u.email, u.password)));

    const input = {
      name: ' Monthly sales ',
      filter: { pipelineId: pipeline.id, period: 'CUSTOM', from: '2026-03-01', to: '2026-03-31', ownerIds: [normal.id], tagIds: [] },
      compare: true,
      widgets: ['FUNNEL', 'OUTCOMES', 'FUNNEL'],
    };
    const mine: any = await api.gql(CREATE, { input }, m);
    expect(mine.errors).toBeUndefined();
    expect(mine.data.createSavedReport).toMatchObject({
      name: 'Monthly sales',
      shared: false,
      editable: true,
      subscribed: false,
      compare: true,
      widgets: ['FUNNEL', 'OUTCOMES'],
      filter: { pipelineId: pipeline.id, period: 'CUSTOM', from: '2026-03-01', to: '2026-03-31', ownerIds: [normal.id], departmentIds: [], categoryIds: [], tagIds: [] },
    });
    const team: any = await api.gql(CREATE, { input: { ...input, name: 'Team pipeline', shared: true, compare: false, widgets: [] } }, m);
    expect(team.data.createSavedReport).toMatchObject({ shared: true, compare: false, widgets: [] });

    // A Normal user saves their own but may not share; they see the shared one, not the private one.
    const own: any = await api.gql(CREATE, { input: { ...input, name: 'My numbers' } }, n);
    expect(own.data.createSavedReport.shared).toBe(false);
    const share = await api.gql(CREATE, { input: { ...input, name: 'Everyone', shared: true } }, n);
    expect(share.errors![0].extensions!.code).toBe('FORBIDDEN');
    const shareLater = await api.gql(RENAME, { id: own.data.createSavedReport.id, input: { name: 'My numbers', shared: true } }, n);
    expect(shareLater.errors![0].extensions!.code).toBe('FORBIDDEN');
    const seen: any = await api.gql(LIST, {}, n);
    expect(seen.data.savedReports.map((s: any) => [s.name, s.editable])).toEqual([['My numbers', true], ['Team pipeline', false]]);
    expect((await api.gql(LIST, {}, r)).errors![0].extensions!.code).toBe('FORBIDDEN');

    // Another's private report is not found; a shared one is not theirs to rename or delete.
    expect((await api.gql(DELETE, { id: mine.data.createSavedReport.id }, o)).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await api.gql(RENAME, { id: team.data.createSavedReport.id, input: { name: 'Mine now' } }, o)).errors![0].extensions!.code).toBe('FORBIDDEN');

    const renamed: any = await api.gql(RENAME, { id: mine.data.createSavedReport.id, input: { name: 'March sales', shared: true } }, m);
    expect(renamed.data.renameSavedReport).toMatchObject({ name: 'March sales', shared: true, compare: true, widgets: ['FUNNEL', 'OUTCOMES'] });
    expect((await api.gql(DELETE, { id: renamed.data.renameSavedReport.id }, m)).data).toEqual({ deleteSavedReport: true });
    expect(((await api.gql(LIST, {}, o)) as any).data.savedReports.map((s: any) => s.name)).toEqual(['Team pipeline']);

    // Bad input: an empty name, a pipeline that does not exist.
    expect((await api.gql(CREATE, { input: { ...input, name: ' ' } }, m)).errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect((await api.gql(CREATE, { input: { ...input, filter: { ...input.filter, pipelineId: '00000000-0000-4000-8000-000000000000' } } }, m)).errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('lets a Manager subscribe to the weekly summary of a report they see, not a Normal user', async () => {
    const { pipeline } = await buildPipeline(api.db.dataSource);
    const manager = await api.buildUser({ role: Role.Manager });
    const normal = await api.buildUser({ role: Role.Normal });
    const m = await api.login(manager.email, manager.password);
    const n = await api.login(normal.email, normal.password);
    const saved: any = await api.gql(CREATE, { input: { name: 'Weekly', shared: true, filter: { pipelineId: pipeline.id, period: 'LAST_WEEK' } } }, m);
    const id = saved.data.createSavedReport.id;
    expect(((await api.gql(SUBSCRIBE, { id, on: true }, m)) as any).data.subscribeSavedReport).toEqual({ id, subscribed: true });
    expect(((await api.gql(SUBSCRIBE, { id, on: true }, m)) as any).data.subscribeSavedReport.subscribed).toBe(true);
    expect((await api.gql(SUBSCRIBE, { id, on: true }, n)).errors![0].extensions!.code).toBe('FORBIDDEN');
    const rows = await api.db.dataSource.query(`SELECT user_id FROM saved_report_subscriptions WHERE saved_report_id = $1`, [id]);
    expect(rows).toEqual([{ user_id: manager.id }]);
    expect(((await api.gql(SUBSCRIBE, { id, on: false }, m)) as any).data.subscribeSavedReport.subscribed).toBe(false);
  });
});
