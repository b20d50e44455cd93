import { AuditEntry } from '@crm/db';
import { Role } from '@crm/shared';
import { buildCards, buildLabels, buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

const UPDATE = `mutation($id: ID!, $input: UpdateClientInput!) { updateClient(id: $id, input: $input) {
  client { name emails taxId domain website categories { name } tags { name } classification { name } }
  possibleDuplicates { name } } }`;

describe('editing a client', () => {
  let api: TestApi;
  let cookie: string;
  beforeAll(async () => {
    api = await startTestApi();
    const user = await api.buildUser({ role: Role.Normal });
    cookie = await api.login(user.email, user.password);
  });
  afterAll(() => api.close());

  it('changes data and labels in one go, audits it, and warns of a client with the same domain', async () => {
    const { statuses } = await buildPipeline(api.db.dataSource);
    const [card, other] = await buildCards(api.db.dataSource, [{ status: statuses[0], name: 'Old Name' }, { status: statuses[0], name: 'Twin Kft.' }]);
    await api.db.dataSource.query(`UPDATE clients SET domain = 'twin.hu' WHERE id = $1`, [other.clientId]);
    const { category, tag } = await buildLabels(api.db.dataSource);
    const [vip] = await api.db.dataSource.query(`INSERT INTO classifications (name) VALUES ('VIP') RETURNING id`);

    const res = await api.gql(UPDATE, { id: card.clientId, input: { name: 'Új Név Kft.', emails: ['Info@Twin.hu'], taxId: '12345678-2-13', domain: 'Twin.hu', website: 'www.twin.hu', categoryIds: [category.id], tagIds: [tag.id], classificationId: vip.id } }, cookie);
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateClient.client).toEqual({ name: 'Új Név Kft.', emails: ['info@twin.hu'], taxId: '12345678-2-13', domain: 'twin.hu', website: 'www.twin.hu', categories: [{ name: category.name }], tags: [{ name: tag.name }], classification: { name: 'VIP' } });
    expect(res.data!.updateClient.possibleDuplicates).toEqual([{ name: 'Twin Kft.' }]);

    const removed = await api.gql(UPDATE, { id: card.clientId, input: { tagIds: [], classificationId: null } }, cookie);
    expect(removed.data!.updateClient.client).toMatchObject({ tags: [], classification: null, categories: [{ name: category.name }] });
    const audit = await api.db.dataSource.getRepository(AuditEntry).find({ where: { entity: 'client', entityId: card.clientId, action: 'update' }, order: { id: 'ASC' } });
    expect(audit.map((a) => Object.keys(a.changes).sort())).toEqual([
      ['categoryIds', 'classificationId', 'domain', 'emails', 'name', 'tagIds', 'taxId', 'website'],
      ['classificationId', 'tagIds'],
    ]);
  });

  it('warns of a client that has any of the addresses, not only the first', async () => {
    const { statuses } = await buildPipeline(api.db.dataSource);
    const [card, other] = await buildCards(api.db.dataSource, [{ status: statuses[0], name: 'Mine' }, { status: statuses[0], name: 'Has the second', emails: ['second@somewhere.sk'] }]);
    const res = await api.gql(UPDATE, { id: card.clientId, input: { emails: ['first@gmail.com', 'second@somewhere.sk'] } }, cookie);
    expect(res.data!.updateClient.possibleDuplicates).toEqual([{ name: 'Has the second' }]);
    void other;
  });

  it('validates each field and changes nothing when one is wrong', async () => {
    const { statuses } = await buildPipeline(api.db.dataSource);
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0], name: 'Keep Me' }]);
    const res = await api.gql(UPDATE, { id: card.clientId, input: { name: '', emails: ['nope'], domain: 'not a domain', taxId: '!' } }, cookie);
    expect(Object.keys(res.errors![0].extensions!.fields).sort()).toEqual(['domain', 'emails', 'name', 'taxId']);
    const [row] = await api.db.dataSource.query(`SELECT name FROM clients WHERE id = $1`, [card.clientId]);
    expect(row.name).toBe('Keep Me');
  });

  it('is NOT_FOUND for a client a Restricted user may not see', async () => {
    const { statuses } = await buildPipeline(api.db.dataSource);
    const owner = await api.buildUser();
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0], ownerId: owner.id }]);
    await api.db.dataSource.query(`UPDATE clients SET owner_id = $1 WHERE id = $2`, [owner.id, card.clientId]);
    const r = await api.buildUser({ role: Role.Restricted });
    const res = await api.gql(UPDATE, { id: card.clientId, input: { name: 'Hijack' } }, await api.login(r.email, r.password));
    expect(res.errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});
