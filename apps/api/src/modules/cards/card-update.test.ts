import { AuditEntry, Status, Tag, User } from '@crm/db';
import { closeQueues, createQueues } from '@crm/db';
import { JOBS, Role } from '@crm/shared';
import { buildCards, buildLabels, buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

const UPDATE = `mutation($id: ID!, $input: UpdateCardInput!) { updateCard(id: $id, input: $input) { id statusId value currency owner { id name } } }`;
const HISTORY = `query($c: ID!) { cardHistory(cardId: $c) { kind action entity actor { name } changes names } }`;

describe('updating a card from the client card', () => {
  let api: TestApi;
  let admin: User & { password: string };
  let cookie: string;
  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.buildUser({ role: Role.Admin, name: 'Ádám Admin' });
    cookie = await api.login(admin.email, admin.password);
  });
  afterAll(() => api.close());
  const ds = () => api.db.dataSource;

  it('sets status, owner and value with its currency in one History entry with who and the names, and wakes automations', async () => {
    const { pipeline, statuses } = await buildPipeline(ds());
    const owner = await api.buildUser({ name: 'Olga Owner' });
    const [card, other] = await buildCards(ds(), [{ status: statuses[0], value: 100, currency: 'EUR' }, { status: statuses[1] }]);

    const res = await api.gql(UPDATE, { id: card.id, input: { statusId: statuses[1].id, ownerId: owner.id, value: 1250000.5, currency: 'HUF' } }, cookie);
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateCard).toEqual({ id: card.id, statusId: statuses[1].id, value: 1250000.5, currency: 'HUF', owner: { id: owner.id, name: 'Olga Owner' } });
    // The card goes to the end of its new column.
    const [{ position }] = await ds().query(`SELECT position FROM cards WHERE id = $1`, [card.id]);
    expect(position > other.position).toBe(true);

    // A rename later does not rewrite History: it keeps the names of the moment.
    await ds().getRepository(Status).update(statuses[1].id, { name: 'Renamed later' });
    const history = await api.gql(HISTORY, { c: card.id }, cookie);
    expect(history.data!.cardHistory[0]).toEqual({
      kind: 'STATUS',
      action: 'update',
      entity: 'card',
      actor: { name: 'Ádám Admin' },
      changes: { statusId: [statuses[0].id, statuses[1].id], ownerId: [null, owner.id], value: [{ amount: 100, currency: 'EUR' }, { amount: 1250000.5, currency: 'HUF' }] },
      names: { statusId: ['Lead', 'Contacted'], ownerId: [null, 'Olga Owner'] },
    });

    const queues = createQueues({ redisUrl: process.env.TEST_REDIS_URL!, prefix: api.server.services.config.queuePrefix });
    try {
      // The request does not wait for Redis; the service says when its request to evaluate got there.
      await api.server.services.automations.settled();
      const jobs = await queues[JOBS.evaluateAutomations.queue].getJobs(['waiting', 'delayed']);
      expect(jobs.filter((j) => j.name === JOBS.evaluateAutomations.name).map((j) => j.data)).toContainEqual({ pipelineId: pipeline.id });
    } finally {
      await closeQueues(queues, true);
    }
  });

  it('changes only what is given, clears the value and the owner with null, and writes nothing when nothing changes', async () => {
    const { statuses } = await buildPipeline(ds());
    const [card] = await buildCards(ds(), [{ status: statuses[0], value: 10, currency: 'PLN', ownerId: admin.id }]);
    const same = await api.gql(UPDATE, { id: card.id, input: { statusId: statuses[0].id, value: 10 } }, cookie);
    expect(same.errors).toBeUndefined();
    expect(await ds().getRepository(AuditEntry).countBy({ cardId: card.id })).toBe(0);

    const cleared = await api.gql(UPDATE, { id: card.id, input: { value: null, ownerId: null } }, cookie);
    expect(cleared.data!.updateCard).toMatchObject({ statusId: statuses[0].id, value: null, currency: 'PLN', owner: null });
    const [entry] = await ds().getRepository(AuditEntry).findBy({ cardId: card.id });
    expect(entry.changes).toEqual({ ownerId: [admin.id, null], value: [{ amount: 10, currency: 'PLN' }, null] });
  });

  it('refuses a status of another pipeline, more than two decimals, a negative value and an unknown currency, changing nothing', async () => {
    const { statuses } = await buildPipeline(ds());
    const { statuses: foreign } = await buildPipeline(ds());
    const [card] = await buildCards(ds(), [{ status: statuses[0], value: 5 }]);
    for (const input of [{ statusId: foreign[1].id }, { value: 1.005 }, { value: -1 }, { currency: 'XXY' }]) {
      const res = await api.gql(UPDATE, { id: card.id, input }, cookie);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const [row] = await ds().query(`SELECT status_id, value::float8 AS value, currency FROM cards WHERE id = $1`, [card.id]);
    expect(row).toEqual({ status_id: statuses[0].id, value: 5, currency: 'EUR' });
  });

  it('is NOT_FOUND for a card the user may not see; a Restricted user may take a card but not hand it to someone else', async () => {
    const { statuses } = await buildPipeline(ds());
    const restricted = await api.buildUser({ role: Role.Restricted });
    const rc = await api.login(restricted.email, restricted.password);
    const [hidden, free] = await buildCards(ds(), [{ status: statuses[0], ownerId: admin.id }, { status: statuses[0], ownerId: null }]);
    const denied = await api.gql(UPDATE, { id: hidden.id, input: { value: 1 } }, rc);
    expect(denied.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const handed = await api.gql(UPDATE, { id: free.id, input: { ownerId: admin.id } }, rc);
    expect(handed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const taken = await api.gql(UPDATE, { id: free.id, input: { ownerId: restricted.id } }, rc);
    expect(taken.data!.updateCard.owner.id).toBe(restricted.id);
  });
});

describe('History in the names of the moment', () => {
  let api: TestApi;
  let cookie: string;
  beforeAll(async () => {
    api = await startTestApi();
    const admin = await api.buildUser({ role: Role.Admin });
    cookie = await api.login(admin.email, admin.password);
  });
  afterAll(() => api.close());
  const ds = () => api.db.dataSource;

  it('stores label names with client changes and mass actions, and keeps them after the label is renamed', async () => {
    const { pipeline, statuses } = await buildPipeline(ds());
    const { tag, category } = await buildLabels(ds());
    const [card] = await buildCards(ds(), [{ status: statuses[0] }]);
    const edit = await api.gql(`mutation($id: ID!, $input: UpdateClientInput!) { updateClient(id: $id, input: $input) { client { id } } }`, { id: card.clientId, input: { tagIds: [tag.id], categoryIds: [category.id] } }, cookie);
    expect(edit.errors).toBeUndefined();
    const mass = await api.gql(`mutation($input: MassUpdateCardsInput!) { massUpdateCards(input: $input) { changed } }`, { input: { pipelineId: pipeline.id, cardIds: [card.id], change: { statusId: statuses[2].id } } }, cookie);
    expect(mass.errors).toBeUndefined();
    await ds().getRepository(Tag).update(tag.id, { name: 'Renamed' });

    const history = (await api.gql(HISTORY, { c: card.id }, cookie)).data!.cardHistory;
    expect(history.map((h: any) => h.names)).toEqual([{ statusId: ['Lead', 'Proposal'] }, { tagIds: [[], [tag.name]], categoryIds: [[], [category.name]] }]);
  });

  it('keeps rows written before names were stored readable (names is {})', async () => {
    const { statuses } = await buildPipeline(ds());
    const [card] = await buildCards(ds(), [{ status: statuses[0] }]);
    await ds().query(`INSERT INTO audit_log (action, entity, entity_id, card_id, client_id, changes) VALUES ('move', 'card', $1, $1, $2, $3)`, [card.id, card.clientId, { statusId: [statuses[0].id, statuses[1].id] }]);
    const history = (await api.gql(HISTORY, { c: card.id }, cookie)).data!.cardHistory;
    expect(history).toEqual([expect.objectContaining({ kind: 'STATUS', names: {}, changes: { statusId: [statuses[0].id, statuses[1].id] } })]);
  });
});

describe('sorting the list by value', () => {
  let api: TestApi;
  let cookie: string;
  beforeAll(async () => {
    api = await startTestApi();
    const admin = await api.buildUser({ role: Role.Admin });
    cookie = await api.login(admin.email, admin.password);
  });
  afterAll(() => api.close());

  it('compares amounts within a currency: currency first, then the amount, cards without a value last', async () => {
    const { pipeline, statuses } = await buildPipeline(api.db.dataSource);
    await buildCards(api.db.dataSource, [
      { status: statuses[0], name: 'HUF 500', value: 500, currency: 'HUF' },
      { status: statuses[0], name: 'EUR 500', value: 500, currency: 'EUR' },
      { status: statuses[0], name: 'HUF 90000', value: 90000, currency: 'HUF' },
      { status: statuses[0], name: 'none', value: null, currency: 'EUR' },
      { status: statuses[0], name: 'EUR 20', value: 20, currency: 'EUR' },
    ]);
    const LIST = `query($p: ID!, $sort: CardSortInput) { cards(pipelineId: $p, sort: $sort) { items { client { name } } } }`;
    const names = async (direction: string) =>
      (await api.gql(LIST, { p: pipeline.id, sort: { field: 'VALUE', direction } }, cookie)).data!.cards.items.map((i: any) => i.client.name);
    expect(await names('ASC')).toEqual(['EUR 20', 'EUR 500', 'HUF 500', 'HUF 90000', 'none']);
    expect(await names('DESC')).toEqual(['EUR 500', 'EUR 20', 'HUF 90000', 'HUF 500', 'none']);
  });
});

describe('adding a client to another pipeline', () => {
  let api: TestApi;
  let cookie: string;
  beforeAll(async () => {
    api = await startTestApi();
    const user = await api.buildUser({ role: Role.Normal });
    cookie = await api.login(user.email, user.password);
  });
  afterAll(() => api.close());
  const ADD = `mutation($input: AddClientToPipelineInput!) { addClientToPipeline(input: $input) { id pipelineId statusId client { id } } }`;

  it('gives the client a card at the top of the chosen status, with History; a second card in that pipeline is a conflict', async () => {
    const sales = await buildPipeline(api.db.dataSource);
    const support = await buildPipeline(api.db.dataSource, ['Ticket', 'Solved']);
    const [card] = await buildCards(api.db.dataSource, [{ status: sales.statuses[0] }]);
    const [existing] = await buildCards(api.db.dataSource, [{ status: support.statuses[0] }]);
    const res = await api.gql(ADD, { input: { clientId: card.clientId, statusId: support.statuses[0].id } }, cookie);
    expect(res.errors).toBeUndefined();
    const added = res.data!.addClientToPipeline;
    expect(added).toMatchObject({ pipelineId: support.pipeline.id, statusId: support.statuses[0].id, client: { id: card.clientId } });
    const [{ position: top }] = await api.db.dataSource.query(`SELECT position FROM cards WHERE id = $1`, [added.id]);
    expect(top < existing.position).toBe(true);
    const history = await api.gql(HISTORY, { c: added.id }, cookie);
    expect(history.data!.cardHistory[0]).toMatchObject({ action: 'create', entity: 'card', names: { statusId: [null, 'Ticket'] } });

    const again = await api.gql(ADD, { input: { clientId: card.clientId, statusId: support.statuses[1].id } }, cookie);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CARD_EXISTS', cardId: added.id });
  });

  it('is NOT_FOUND for a client the user may not see', async () => {
    const { statuses } = await buildPipeline(api.db.dataSource);
    const restricted = await api.buildUser({ role: Role.Restricted });
    const rc = await api.login(restricted.email, restricted.password);
    const other = await api.buildUser();
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0], ownerId: other.id }]);
    await api.db.dataSource.query(`UPDATE clients SET owner_id = $1 WHERE id = $2`, [other.id, card.clientId]);
    const { statuses: second } = await buildPipeline(api.db.dataSource);
    const res = await api.gql(ADD, { input: { clientId: card.clientId, statusId: second[0].id } }, rc);
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
