import { Role } from '@crm/shared';
import { buildCards, buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

describe('custom fields', () => {
  let api: TestApi;
  let adminCookie: string;
  beforeAll(async () => {
    api = await startTestApi();
    const admin = await api.buildUser({ role: Role.Admin });
    adminCookie = await api.login(admin.email, admin.password);
  });
  afterAll(() => api.close());

  it('are defined per pipeline, validated per type, filterable and sortable in the list', async () => {
    const { pipeline, statuses } = await buildPipeline(api.db.dataSource);
    const define = `mutation($p: ID!, $input: CustomFieldInput!) { createCustomField(pipelineId: $p, input: $input) { id kind options } }`;
    const fleet = (await api.gql(define, { p: pipeline.id, input: { label: 'Fleet size', kind: 'NUMBER' } }, adminCookie)).data!.createCustomField;
    const region = (await api.gql(define, { p: pipeline.id, input: { label: 'Region', kind: 'SELECT', options: ['Nyugat', 'Kelet'] } }, adminCookie)).data!.createCustomField;
    const noChoices = await api.gql(define, { p: pipeline.id, input: { label: 'Empty', kind: 'SELECT' } }, adminCookie);
    expect(noChoices.errors![0].extensions!.fields).toHaveProperty('options');

    const cards = await buildCards(api.db.dataSource, [{ status: statuses[0], name: 'Small' }, { status: statuses[0], name: 'Big' }, { status: statuses[0], name: 'None' }]);
    const set = `mutation($c: ID!, $v: [FieldValueInput!]!) { setCardFieldValues(cardId: $c, values: $v) }`;
    expect((await api.gql(set, { c: cards[0].id, v: [{ fieldId: fleet.id, value: 3 }, { fieldId: region.id, value: 'Kelet' }] }, adminCookie)).data!.setCardFieldValues).toEqual({ [fleet.id]: 3, [region.id]: 'Kelet' });
    await api.gql(set, { c: cards[1].id, v: [{ fieldId: fleet.id, value: 40 }, { fieldId: region.id, value: 'Nyugat' }] }, adminCookie);
    const bad = await api.gql(set, { c: cards[2].id, v: [{ fieldId: fleet.id, value: 'many' }, { fieldId: region.id, value: 'Dél' }] }, adminCookie);
    expect(Object.keys(bad.errors![0].extensions!.fields).sort()).toEqual([fleet.id, region.id].sort());

    const list = `query($p: ID!, $f: CardFilterInput, $s: CardSortInput) { cards(pipelineId: $p, filter: $f, sort: $s) { total items { client { name } customValues } } }`;
    const byRegion = await api.gql(list, { p: pipeline.id, f: { custom: [{ fieldId: region.id, value: 'Nyugat' }] } }, adminCookie);
    expect(byRegion.data!.cards.items.map((i: any) => i.client.name)).toEqual(['Big']);
    const sorted = await api.gql(list, { p: pipeline.id, s: { field: 'CUSTOM_FIELD', customFieldId: fleet.id, direction: 'DESC' } }, adminCookie);
    expect(sorted.data!.cards.items.map((i: any) => i.client.name)).toEqual(['Big', 'Small', 'None']);
    const reordered = await api.gql(`mutation($p: ID!, $ids: [ID!]!) { reorderCustomFields(pipelineId: $p, fieldIds: $ids) { label } }`, { p: pipeline.id, ids: [region.id, fleet.id] }, adminCookie);
    expect(reordered.data!.reorderCustomFields.map((f: any) => f.label)).toEqual(['Region', 'Fleet size']);
    const partial = await api.gql(`mutation($p: ID!, $ids: [ID!]!) { reorderCustomFields(pipelineId: $p, fieldIds: $ids) { label } }`, { p: pipeline.id, ids: [region.id] }, adminCookie);
    expect(partial.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const history = await api.gql(`query($c: ID!) { cardHistory(cardId: $c, kinds: [FIELD]) { changes } }`, { c: cards[0].id }, adminCookie);
    expect(history.data!.cardHistory[0].changes).toEqual({ 'field:Fleet size': [null, 3], 'field:Region': [null, 'Kelet'] });
  });
});
