import { Card, Deal, Document, User } from '@crm/db';
import { Role } from '@crm/shared';
import { buildCards, buildLabels, buildPipeline, buildTodo } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

const CHANGES = `query($p: ID!, $since: DateTimeISO!) { cardChanges(pipelineId: $p, since: $since) { serverTime removedIds cards { id } } }`;
const MOVE = `mutation($input: MoveCardInput!) { moveCard(input: $input) { id statusId } }`;
const MASS = `mutation($input: MassUpdateCardsInput!) { massUpdateCards(input: $input) { changed } }`;

/** A Restricted user and another owner's card behind a client they share. */
describe('cards hidden from a Restricted user stay hidden through their client and their board', () => {
  let api: TestApi;
  let restricted: User & { password: string };
  let colleague: User & { password: string };
  let rc: string;
  let managerCookie: string;
  beforeAll(async () => {
    api = await startTestApi();
    restricted = await api.buildUser({ role: Role.Restricted });
    colleague = await api.buildUser({ role: Role.Normal });
    rc = await api.login(restricted.email, restricted.password);
    const manager = await api.buildUser({ role: Role.Manager });
    managerCookie = await api.login(manager.email, manager.password);
  });
  afterAll(() => api.close());

  /** One client with the Restricted user's card in one pipeline and the colleague's card in another. */
  async function sharedClient() {
    const ds = api.db.dataSource;
    const mineP = await buildPipeline(ds);
    const theirsP = await buildPipeline(ds);
    const emptyP = await buildPipeline(ds);
    const [mine] = await buildCards(ds, [{ status: mineP.statuses[0], ownerId: restricted.id }]);
    const theirs = await ds.getRepository(Card).save({ clientId: mine.clientId, pipelineId: theirsP.pipeline.id, statusId: theirsP.statuses[0].id, ownerId: colleague.id, position: 'a0', currency: 'EUR' });
    const deal = (title: string, cardId: string | null) => ({ clientId: mine.clientId, cardId, title, amount: '100', currency: 'EUR', date: '2026-11-01', state: 'OPEN' });
    const [clientDeal, myDeal, theirDeal] = await ds.getRepository(Deal).save([deal('Client-wide', null), deal('Mine', mine.id), deal('Theirs', theirs.id)]);
    const doc = (name: string, pipelineId: string) => ({ clientId: mine.clientId, pipelineId, name, folder: '', mimeType: 'application/pdf', size: '10', storageKey: `documents/${name}` });
    const [myDoc, theirDoc, clientDoc] = await ds.getRepository(Document).save([doc('mine.pdf', mineP.pipeline.id), doc('theirs.pdf', theirsP.pipeline.id), doc('client.pdf', emptyP.pipeline.id)]);
    return { mine, theirs, clientDeal, myDeal, theirDeal, myDoc, theirDoc, clientDoc, theirsPipeline: theirsP };
  }

  it('lists only the deals and documents of cards they see (and the client-wide ones), and serves no hidden file', async () => {
    const s = await sharedClient();
    const deals = await api.gql(`query($c: ID!) { deals(clientId: $c) { title } }`, { c: s.mine.clientId }, rc);
    expect(deals.data!.deals.map((d: { title: string }) => d.title).sort()).toEqual(['Client-wide', 'Mine']);
    const docs = await api.gql(`query($c: ID!) { documents(clientId: $c) { name } }`, { c: s.mine.clientId }, rc);
    expect(docs.data!.documents.map((d: { name: string }) => d.name).sort()).toEqual(['client.pdf', 'mine.pdf']);
    const theirsOnly = await api.gql(`query($c: ID!, $p: ID) { documents(clientId: $c, pipelineId: $p) { name } }`, { c: s.mine.clientId, p: s.theirsPipeline.pipeline.id }, rc);
    expect(theirsOnly.data!.documents).toEqual([]);

    const file = await fetch(`${api.url}/files/${s.theirDoc.id}`, { headers: { cookie: rc } });
    expect(file.status).toBe(404);
    for (const [query, id] of [
      [`mutation($id: ID!) { updateDeal(id: $id, input: { title: "x", amount: 1, currency: "EUR", date: "2026-11-02", state: OPEN }) { id } }`, s.theirDeal.id],
      [`mutation($id: ID!) { deleteDeal(id: $id) }`, s.theirDeal.id],
      [`mutation($id: ID!) { setDocumentShared(id: $id, shared: true) { id } }`, s.theirDoc.id],
      [`mutation($id: ID!) { deleteDocument(id: $id) }`, s.theirDoc.id],
      [`mutation($id: ID!, $p: ID!) { moveDocument(id: $id, to: { pipelineId: $p, folder: "" }) { id } }`, s.myDoc.id],
    ] as const) {
      const res = await api.gql(query, { id, p: s.theirsPipeline.pipeline.id }, rc);
      expect([query, res.errors?.[0].extensions?.code]).toEqual([query, 'NOT_FOUND']);
    }
    // Everyone else still sees all of them.
    const managerDeals = await api.gql(`query($c: ID!) { deals(clientId: $c) { title } }`, { c: s.mine.clientId }, managerCookie);
    expect(managerDeals.data!.deals).toHaveLength(3);
  });

  it('refuses to delete a shared client with a code instead of trashing the other owner’s card', async () => {
    const s = await sharedClient();
    const res = await api.gql(`mutation($id: ID!) { deleteClient(id: $id) }`, { id: s.mine.clientId }, rc);
    expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CLIENT_HAS_HIDDEN_CARDS' });
    const rows = await api.db.dataSource.query(`SELECT count(*)::int AS n FROM cards WHERE client_id = $1 AND deleted_at IS NULL`, [s.mine.clientId]);
    expect(rows).toEqual([{ n: 2 }]);
    // A client whose cards they all see is theirs to delete.
    const { statuses } = await buildPipeline(api.db.dataSource);
    const [own] = await buildCards(api.db.dataSource, [{ status: statuses[0], ownerId: restricted.id }]);
    expect((await api.gql(`mutation($id: ID!) { deleteClient(id: $id) }`, { id: own.clientId }, rc)).data).toEqual({ deleteClient: true });
  });

  it('never names a hidden card in cardChanges.removedIds, but does name a card taken away from them', async () => {
    const { pipeline, statuses } = await buildPipeline(api.db.dataSource);
    const [hidden, mine] = await buildCards(api.db.dataSource, [
      { status: statuses[0], ownerId: colleague.id },
      { status: statuses[0], ownerId: restricted.id },
    ]);
    const start: any = await api.gql(CHANGES, { p: pipeline.id, since: new Date().toISOString() }, rc);
    const since = start.data.cardChanges.serverTime;
    // The colleague's card moves (it was never on the Restricted user's board) ...
    await api.gql(MOVE, { input: { cardId: hidden.id, statusId: statuses[1].id } }, managerCookie);
    // ... and the Restricted user's card is given to the colleague.
    await api.gql(MASS, { input: { pipelineId: pipeline.id, cardIds: [mine.id], change: { ownerId: colleague.id } } }, managerCookie);
    const after: any = await api.gql(CHANGES, { p: pipeline.id, since }, rc);
    expect(after.data.cardChanges.removedIds).toEqual([mine.id]);
    expect(after.data.cardChanges.cards).toEqual([]);
  });

  it('answers NOT_FOUND for a hidden neighbour in moveCard, wherever it is, like a missing one', async () => {
    const { statuses } = await buildPipeline(api.db.dataSource);
    const [mine, hiddenHere, hiddenThere] = await buildCards(api.db.dataSource, [
      { status: statuses[0], ownerId: restricted.id },
      { status: statuses[1], ownerId: colleague.id },
      { status: statuses[2], ownerId: colleague.id },
    ]);
    const missing = '00000000-0000-4000-8000-000000000000';
    const codes = [];
    for (const neighbour of [hiddenHere.id, hiddenThere.id, missing]) {
      for (const key of ['afterCardId', 'beforeCardId']) {
        const res = await api.gql(MOVE, { input: { cardId: mine.id, statusId: statuses[1].id, [key]: neighbour } }, rc);
        codes.push(res.errors?.[0].extensions?.code);
      }
    }
    expect(codes).toEqual(Array(6).fill('NOT_FOUND'));
    expect((await api.db.dataSource.getRepository(Card).findOneByOrFail({ id: mine.id })).statusId).toBe(statuses[0].id);
  });
});

describe('reads take no row locks', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('opens a card’s notes, todos, history and fields while a mass update holds its row', async () => {
    const user = await api.buildUser({ role: Role.Normal });
    const cookie = await api.login(user.email, user.password);
    const { statuses } = await buildPipeline(api.db.dataSource);
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0], ownerId: user.id }]);
    await buildTodo(api.db.dataSource, card, user.id);
    // A writer (as a mass update does) holds the card's row until it commits.
    const writer = api.db.dataSource.createQueryRunner();
    await writer.connect();
    await writer.startTransaction();
    try {
      await writer.query(`SELECT id FROM cards WHERE id = $1 FOR UPDATE`, [card.id]);
      const reads = await Promise.all([
        api.gql(`query($id: ID!) { notes(cardId: $id) { id } }`, { id: card.id }, cookie),
        api.gql(`query($id: ID!) { todos(cardId: $id) { title } }`, { id: card.id }, cookie),
        api.gql(`query($id: ID!) { cardHistory(cardId: $id) { id } }`, { id: card.id }, cookie),
        api.gql(`query($id: ID!) { card(id: $id) { id } }`, { id: card.id }, cookie),
      ]);
      for (const res of reads) expect(res.errors).toBeUndefined();
      expect(reads[1].data!.todos).toHaveLength(1);
    } finally {
      await writer.rollbackTransaction();
      await writer.release();
    }
  }, 15_000);
});

describe('department limits in cardChanges', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('names a card whose client moved out of the viewer’s department, not one that was never in it', async () => {
    const ds = api.db.dataSource;
    const { pipeline, statuses } = await buildPipeline(ds);
    const hu = (await buildLabels(ds)).department;
    const pl = (await buildLabels(ds)).department;
    const [budapest, krakow] = await buildCards(ds, [
      { status: statuses[0], departmentId: hu.id },
      { status: statuses[0], departmentId: pl.id },
    ]);
    const member = await api.buildUser({ role: Role.Normal });
    await ds.createQueryBuilder().relation(User, 'departments').of(member).add(hu);
    const memberCookie = await api.login(member.email, member.password);
    const admin = await api.buildUser({ role: Role.Admin });
    const adminCookie = await api.login(admin.email, admin.password);
    const start: any = await api.gql(CHANGES, { p: pipeline.id, since: new Date().toISOString() }, memberCookie);
    await api.gql(MOVE, { input: { cardId: krakow.id, statusId: statuses[1].id } }, adminCookie);
    await api.gql(MASS, { input: { pipelineId: pipeline.id, cardIds: [budapest.id], change: { departmentId: pl.id } } }, adminCookie);
    const after: any = await api.gql(CHANGES, { p: pipeline.id, since: start.data.cardChanges.serverTime }, memberCookie);
    expect(after.data.cardChanges.removedIds).toEqual([budapest.id]);
  });
});
