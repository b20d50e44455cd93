import { Role } from '@crm/shared';
import { buildCards, buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

describe('pipeline settings', () => {
  let api: TestApi;
  let adminCookie: string;
  beforeAll(async () => {
    api = await startTestApi();
    const admin = await api.buildUser({ role: Role.Admin });
    adminCookie = await api.login(admin.email, admin.password);
  });
  afterAll(() => api.close());

  it('lets an admin create a pipeline, add, recolour and reorder statuses', async () => {
    const created: any = await api.gql(`mutation { createPipeline(name: "Recruiting") { id name statuses { id name kind } } }`, {}, adminCookie);
    const p = created.data.createPipeline;
    expect(p.statuses.map((s: any) => s.kind)).toEqual(['OPEN', 'WON', 'LOST']);
    const added: any = await api.gql(`mutation($input: CreateStatusInput!) { createStatus(input: $input) { id position } }`, { input: { pipelineId: p.id, name: 'Interview', color: '#aa00ff' } }, adminCookie);
    const ids = [added.data.createStatus.id, ...p.statuses.map((s: any) => s.id)];
    const reordered: any = await api.gql(`mutation($p: ID!, $ids: [ID!]!) { reorderStatuses(pipelineId: $p, statusIds: $ids) { statuses { name color } } }`, { p: p.id, ids }, adminCookie);
    expect(reordered.data.reorderStatuses.statuses.map((s: any) => s.name)).toEqual(['Interview', 'New', 'Won', 'Lost']);
    expect(reordered.data.reorderStatuses.statuses[0].color).toBe('#aa00ff');
    const bad = await api.gql(`mutation($p: ID!, $ids: [ID!]!) { reorderStatuses(pipelineId: $p, statusIds: $ids) { id } }`, { p: p.id, ids: ids.slice(1) }, adminCookie);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const badColour = await api.gql(`mutation($id: ID!) { updateStatus(id: $id, input: { color: "red" }) { id } }`, { id: ids[0] }, adminCookie);
    expect(badColour.errors![0].extensions!.fields).toHaveProperty('color');
  });

  it('refuses to archive a status that still holds cards', async () => {
    const { statuses } = await buildPipeline(api.db.dataSource);
    await buildCards(api.db.dataSource, [{ status: statuses[0] }]);
    const res = await api.gql(`mutation($id: ID!) { setStatusArchived(id: $id, archived: true) { id } }`, { id: statuses[0].id }, adminCookie);
    expect(res.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'STATUS_HAS_CARDS', params: { count: 1, status: statuses[0].name } }, message: expect.stringMatching(/Move the 1 cards/) });
    const empty = await api.gql(`mutation($id: ID!) { setStatusArchived(id: $id, archived: true) { archivedAt } }`, { id: statuses[1].id }, adminCookie);
    expect(empty.data!.setStatusArchived.archivedAt).not.toBeNull();
  });

  it('forbids non-admins every settings mutation, while everyone can read pipelines', async () => {
    const manager = await api.buildUser({ role: Role.Manager });
    const cookie = await api.login(manager.email, manager.password);
    const res = await api.gql(`mutation { createPipeline(name: "Nope") { id } }`, {}, cookie);
    expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
    const label = await api.gql(`mutation { createLabel(input: { kind: CATEGORY, name: "Nope" }) { id } }`, {}, cookie);
    expect(label.errors![0].extensions!.code).toBe('FORBIDDEN');
    const read: any = await api.gql(`{ pipelines { name } }`, {}, cookie);
    expect(read.data.pipelines.map((p: any) => p.name)).not.toContain('Nope');
  });

  it('manages labels: duplicates conflict, tags are found case-insensitively by anyone', async () => {
    const first: any = await api.gql(`mutation { createLabel(input: { kind: CATEGORY, name: "Fleet", color: "#112233" }) { id name color } }`, {}, adminCookie);
    expect(first.data.createLabel).toMatchObject({ name: 'Fleet', color: '#112233' });
    const dup = await api.gql(`mutation { createLabel(input: { kind: CATEGORY, name: "Fleet" }) { id } }`, {}, adminCookie);
    expect(dup.errors![0].extensions!.code).toBe('CONFLICT');
    const user = await api.buildUser({ role: Role.Restricted });
    const cookie = await api.login(user.email, user.password);
    const t1: any = await api.gql(`mutation { createTag(name: "Hot Lead") { id } }`, {}, cookie);
    const t2: any = await api.gql(`mutation { createTag(name: "  hot lead ") { id name } }`, {}, cookie);
    expect(t2.data.createTag.id).toBe(t1.data.createTag.id);
    const archived: any = await api.gql(`mutation($id: ID!) { setLabelArchived(kind: CATEGORY, id: $id, archived: true) { archivedAt } }`, { id: first.data.createLabel.id }, adminCookie);
    expect(archived.data.setLabelArchived.archivedAt).not.toBeNull();
    const active: any = await api.gql(`{ labels(kind: CATEGORY) { name } }`, {}, cookie);
    expect(active.data.labels.map((l: any) => l.name)).not.toContain('Fleet');
  });
});
