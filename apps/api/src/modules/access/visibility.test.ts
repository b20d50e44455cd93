import { Card, User } from '@crm/db';
import { Role } from '@crm/shared';
import { buildCards, buildLabels, buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

const BOARD = `query($p: ID!) { board(pipelineId: $p) { status { id } count sums { amount } cards { id client { name } } } }`;
const LIST = `query($p: ID!, $filter: CardFilterInput) { cards(pipelineId: $p, filter: $filter) { total items { id } } }`;
const MOVE = `mutation($input: MoveCardInput!) { moveCard(input: $input) { id } }`;
const MASS = `mutation($input: MassUpdateCardsInput!) { massUpdateCards(input: $input) { matched changed } }`;

describe('who sees which cards', () => {
  let api: TestApi;
  let restricted: User & { password: string };
  let colleague: User & { password: string };
  let restrictedCookie: string;
  let fixture: Awaited<ReturnType<typeof buildPipeline>>;
  let mine: Card, unowned: Card, theirs: Card;

  beforeAll(async () => {
    api = await startTestApi();
    restricted = await api.buildUser({ role: Role.Restricted });
    colleague = await api.buildUser({ role: Role.Normal });
    restrictedCookie = await api.login(restricted.email, restricted.password);
    fixture = await buildPipeline(api.db.dataSource);
    const s = fixture.statuses;
    [mine, unowned, theirs] = await buildCards(api.db.dataSource, [
      { status: s[0], name: 'Mine Kft.', ownerId: restricted.id, value: 10 },
      { status: s[0], name: 'Nobody’s Sp. z o.o.', ownerId: null, value: 20 },
      { status: s[0], name: 'Theirs s.r.o.', ownerId: colleague.id, value: 40 },
    ]);
  });
  afterAll(() => api.close());

  it('gives a Restricted user board counts, sums and cards of their own and unowned cards only', async () => {
    const res: any = await api.gql(BOARD, { p: fixture.pipeline.id }, restrictedCookie);
    const lead = res.data.board[0];
    expect(lead.count).toBe(2);
    expect(lead.sums).toEqual([{ amount: 30 }]);
    expect(lead.cards.map((c: any) => c.client.name).sort()).toEqual(['Mine Kft.', 'Nobody’s Sp. z o.o.']);
    const list: any = await api.gql(LIST, { p: fixture.pipeline.id, filter: { text: 'theirs' } }, restrictedCookie);
    expect(list.data.cards).toEqual({ total: 0, items: [] });
  });

  it('answers NOT_FOUND when a Restricted user reads, moves or mass-edits a card they may not see, changing nothing', async () => {
    const read = await api.gql(`query($id: ID!) { card(id: $id) { id } }`, { id: theirs.id }, restrictedCookie);
    expect(read.errors![0].extensions!.code).toBe('NOT_FOUND');
    const move = await api.gql(MOVE, { input: { cardId: theirs.id, statusId: fixture.statuses[1].id } }, restrictedCookie);
    expect(move.errors![0].extensions!.code).toBe('NOT_FOUND');
    const mass = await api.gql(MASS, { input: { pipelineId: fixture.pipeline.id, cardIds: [mine.id, theirs.id], change: { statusId: fixture.statuses[2].id } } }, restrictedCookie);
    expect(mass.errors![0].extensions!.code).toBe('NOT_FOUND');
    const rows = await api.db.dataSource.getRepository(Card).findBy({ pipelineId: fixture.pipeline.id });
    expect(rows.every((r) => r.statusId === fixture.statuses[0].id)).toBe(true);
    const client = await api.gql(`query($id: ID!) { client(id: $id) { id } }`, { id: theirs.clientId }, restrictedCookie);
    expect(client.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('lets a Restricted user move and mass-edit what they see; a filter-wide mass action touches only that', async () => {
    const move = await api.gql(MOVE, { input: { cardId: unowned.id, statusId: fixture.statuses[1].id } }, restrictedCookie);
    expect(move.errors).toBeUndefined();
    const mass: any = await api.gql(MASS, { input: { pipelineId: fixture.pipeline.id, filter: {}, change: { statusId: fixture.statuses[2].id } } }, restrictedCookie);
    expect(mass.data.massUpdateCards).toEqual({ matched: 2, changed: 2 });
    expect((await api.db.dataSource.getRepository(Card).findOneByOrFail({ id: theirs.id })).statusId).toBe(fixture.statuses[0].id);
  });

  it('limits department members to their departments’ clients (and clients in none), managers included; admins see all', async () => {
    const ds = api.db.dataSource;
    const { pipeline, statuses } = await buildPipeline(ds);
    const hu = (await buildLabels(ds)).department;
    const pl = (await buildLabels(ds)).department;
    await buildCards(ds, [
      { status: statuses[0], name: 'Budapest Bt.', departmentId: hu.id },
      { status: statuses[0], name: 'Kraków SA', departmentId: pl.id },
      { status: statuses[0], name: 'Everywhere Ltd' },
    ]);
    const member = await api.buildUser({ role: Role.Normal });
    const admin = await api.buildUser({ role: Role.Admin });
    const adminCookie = await api.login(admin.email, admin.password);
    const set = await api.gql(`mutation($id: ID!, $d: [ID!]!) { setUserDepartments(id: $id, departmentIds: $d) { departments { name } } }`, { id: member.id, d: [hu.id] }, adminCookie);
    expect(set.data!.setUserDepartments.departments).toEqual([{ name: hu.name }]);
    const memberCookie = await api.login(member.email, member.password);
    const names = async (cookie: string) => {
      const res: any = await api.gql(BOARD, { p: pipeline.id }, cookie);
      return res.data.board[0].cards.map((c: any) => c.client.name).sort();
    };
    expect(await names(memberCookie)).toEqual(['Budapest Bt.', 'Everywhere Ltd']);
    const manager = await api.buildUser({ role: Role.Manager });
    await ds.createQueryBuilder().relation(User, 'departments').of(manager).add(hu);
    expect(await names(await api.login(manager.email, manager.password))).toEqual(['Budapest Bt.', 'Everywhere Ltd']);
    await ds.createQueryBuilder().relation(User, 'departments').of(admin).add(hu);
    expect(await names(adminCookie)).toEqual(['Budapest Bt.', 'Everywhere Ltd', 'Kraków SA']);
    const clients: any = await api.gql(`{ clients(filter: { text: "kraków" }) { total } }`, {}, memberCookie);
    expect(clients.data.clients.total).toBe(0);
  });
});
