import { Role } from '@crm/shared';
import { buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

const CREATE = `mutation($input: ViewInput!) { createView(input: $input) { id name shared editable filter { statusIds text } columns sort { field direction } } }`;
const VIEWS = `query($p: ID) { views(kind: CARDS, pipelineId: $p) { id name } }`;

describe('saved views', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('saves filter, columns and sort; private views stay private, shared ones are seen by all but edited by the owner', async () => {
    const { pipeline, statuses } = await buildPipeline(api.db.dataSource);
    const owner = await api.buildUser();
    const other = await api.buildUser({ role: Role.Restricted });
    const ownerCookie = await api.login(owner.email, owner.password);
    const otherCookie = await api.login(other.email, other.password);

    const input = { name: 'Hot leads', pipelineId: pipeline.id, filter: { statusIds: [statuses[0].id], text: 'kft', tagIds: [] }, columns: ['client', 'owner', 'value'], sort: { field: 'VALUE', direction: 'DESC' } };
    const priv: any = await api.gql(CREATE, { input }, ownerCookie);
    expect(priv.errors).toBeUndefined();
    expect(priv.data.createView).toMatchObject({ name: 'Hot leads', shared: false, editable: true, filter: { statusIds: [statuses[0].id], text: 'kft' }, columns: ['client', 'owner', 'value'], sort: { field: 'VALUE', direction: 'DESC' } });
    const shared: any = await api.gql(CREATE, { input: { ...input, name: 'Team view', shared: true } }, ownerCookie);

    const seen: any = await api.gql(VIEWS, { p: pipeline.id }, otherCookie);
    expect(seen.data.views.map((v: any) => v.name)).toEqual(['Team view']);
    const edit = await api.gql(`mutation($id: ID!, $input: ViewInput!) { updateView(id: $id, input: $input) { id } }`, { id: shared.data.createView.id, input: { ...input, name: 'Hijacked' } }, otherCookie);
    expect(edit.errors![0].extensions!.code).toBe('FORBIDDEN');
    const del = await api.gql(`mutation($id: ID!) { deleteView(id: $id) }`, { id: priv.data.createView.id }, otherCookie);
    expect(del.errors![0].extensions!.code).toBe('NOT_FOUND');
    const mine: any = await api.gql(VIEWS, { p: pipeline.id }, ownerCookie);
    expect(mine.data.views.map((v: any) => v.name)).toEqual(['Hot leads', 'Team view']);
  });

  it('rejects a view with an invalid filter', async () => {
    const user = await api.buildUser();
    const res = await api.gql(CREATE, { input: { name: 'Bad', filter: { statusIds: ['not-a-uuid'] } } }, await api.login(user.email, user.password));
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});
