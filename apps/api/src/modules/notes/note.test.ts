import { Role } from '@crm/shared';
import { buildCards, buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

describe('notes, contacts and deals', () => {
  let api: TestApi;
  let cookie: string;
  beforeAll(async () => {
    api = await startTestApi();
    const user = await api.buildUser({ role: Role.Normal });
    cookie = await api.login(user.email, user.password);
  });
  afterAll(() => api.close());

  it('keeps notes with their author; only the author edits; History shows them', async () => {
    const { statuses } = await buildPipeline(api.db.dataSource);
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0] }]);
    const note = await api.gql(`mutation($c: ID!) { createNote(cardId: $c, input: { body: "Árajánlat elküldve, jövő héten hívjuk." }) { id body author { name } } }`, { c: card.id }, cookie);
    expect(note.data!.createNote.body).toBe('Árajánlat elküldve, jövő héten hívjuk.');
    const other = await api.buildUser();
    const oc = await api.login(other.email, other.password);
    const edit = await api.gql(`mutation($id: ID!) { updateNote(id: $id, input: { body: "changed" }) { id } }`, { id: note.data!.createNote.id }, oc);
    expect(edit.errors![0].extensions!.code).toBe('FORBIDDEN');
    const history = await api.gql(`query($c: ID!) { cardHistory(cardId: $c, kinds: [NOTE]) { action } }`, { c: card.id }, cookie);
    expect(history.data!.cardHistory).toEqual([{ action: 'create' }]);
  });

  it('manages contacts: the first is primary, another can become primary', async () => {
    const { statuses } = await buildPipeline(api.db.dataSource);
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0] }]);
    const create = `mutation($c: ID!, $input: ContactInput!) { createContact(clientId: $c, input: $input) { id isPrimary emails } }`;
    const a = await api.gql(create, { c: card.clientId, input: { name: 'Anna Kowalska', emails: ['Anna@Firma.pl'], phones: ['+48 600 100 200'] } }, cookie);
    const b = await api.gql(create, { c: card.clientId, input: { name: 'Béla Kiss', title: 'CFO' } }, cookie);
    expect(a.data!.createContact).toMatchObject({ isPrimary: true, emails: ['anna@firma.pl'] });
    expect(b.data!.createContact.isPrimary).toBe(false);
    await api.gql(`mutation($id: ID!) { setPrimaryContact(id: $id) { id } }`, { id: b.data!.createContact.id }, cookie);
    const list = await api.gql(`query($c: ID!) { contacts(clientId: $c) { name isPrimary } }`, { c: card.clientId }, cookie);
    expect(list.data!.contacts).toEqual([{ name: 'Béla Kiss', isPrimary: true }, { name: 'Anna Kowalska', isPrimary: false }]);
    const bad = await api.gql(create, { c: card.clientId, input: { name: 'X', emails: ['nope'] } }, cookie);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('records deals and payments in any ISO currency', async () => {
    const { statuses } = await buildPipeline(api.db.dataSource);
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0] }]);
    const create = `mutation($c: ID!, $input: DealInput!) { createDeal(clientId: $c, input: $input) { id amount currency date state } }`;
    const deal = await api.gql(create, { c: card.clientId, input: { title: 'Licence 2027', amount: 1250000, currency: 'HUF', date: '2026-11-24', state: 'PAID', cardId: card.id } }, cookie);
    expect(deal.data!.createDeal).toMatchObject({ amount: 1250000, currency: 'HUF', date: '2026-11-24', state: 'PAID' });
    const bad = await api.gql(create, { c: card.clientId, input: { title: 'x', amount: -5, currency: 'ABC', date: '24/11/2026' } }, cookie);
    expect(Object.keys(bad.errors![0].extensions!.fields).sort()).toEqual(['amount', 'currency', 'date']);
  });

  it('hides every client tab from a Restricted user who may not see the client', async () => {
    const { statuses } = await buildPipeline(api.db.dataSource);
    const owner = await api.buildUser();
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0], ownerId: owner.id }]);
    await api.db.dataSource.query(`UPDATE clients SET owner_id = $1 WHERE id = $2`, [owner.id, card.clientId]);
    const restricted = await api.buildUser({ role: Role.Restricted });
    const rc = await api.login(restricted.email, restricted.password);
    for (const res of [
      await api.gql(`query($c: ID!) { contacts(clientId: $c) { id } }`, { c: card.clientId }, rc),
      await api.gql(`query($c: ID!) { deals(clientId: $c) { id } }`, { c: card.clientId }, rc),
      await api.gql(`query($c: ID!) { notes(cardId: $c) { id } }`, { c: card.id }, rc),
      await api.gql(`mutation($c: ID!) { createNote(cardId: $c, input: { body: "x" }) { id } }`, { c: card.id }, rc),
      await api.gql(`mutation($c: ID!) { createContact(clientId: $c, input: { name: "x" }) { id } }`, { c: card.clientId }, rc),
    ]) {
      expect(res.errors![0].extensions!.code).toBe('NOT_FOUND');
    }
  });
});
