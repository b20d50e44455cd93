import { AuditEntry, Card, Classification, Department, User } from '@crm/db';
import { positionsBetween, Role } from '@crm/shared';
import { buildCards, buildLabels, buildPipeline, buildTodo } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

const CARD_FIELDS = `id statusId position value currency client { id name } owner { id name } nextTodo { id title deadline }`;
const BOARD = `query($pipelineId: ID!, $filter: CardFilterInput) { board(pipelineId: $pipelineId, filter: $filter) {
  status { id name } count sums { currency amount } hasMore endCursor cards { ${CARD_FIELDS} } } }`;
const COLUMN = `query($statusId: ID!, $after: String, $first: Int) { columnCards(statusId: $statusId, after: $after, first: $first) { hasMore endCursor cards { id } } }`;
const MOVE = `mutation($input: MoveCardInput!) { moveCard(input: $input) { ${CARD_FIELDS} } }`;
const LIST = `query($pipelineId: ID!, $filter: CardFilterInput, $sort: CardSortInput, $page: PageInput) {
  cards(pipelineId: $pipelineId, filter: $filter, sort: $sort, page: $page) { total items { id client { name tags { name } categories { name } } } } }`;
const MASS = `mutation($input: MassUpdateCardsInput!) { massUpdateCards(input: $input) { matched changed } }`;

describe('cards', () => {
  let api: TestApi;
  let admin: User & { password: string };
  let adminCookie: string;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.buildUser({ role: Role.Admin });
    adminCookie = await api.login(admin.email, admin.password);
  });
  afterAll(() => api.close());

  const ds = () => api.db.dataSource;
  const columnIds = async (statusId: string, cookie = adminCookie) => {
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await api.gql(COLUMN, { statusId, after, first: 200 }, cookie);
      ids.push(...res.data.columnCards.cards.map((c: { id: string }) => c.id));
      if (!res.data.columnCards.hasMore) return ids;
      after = res.data.columnCards.endCursor;
    }
  };

  describe('the board', () => {
    it('shows every open column in order with its count, sums per currency and first 50 cards', async () => {
      const { pipeline, statuses } = await buildPipeline(ds());
      await buildCards(ds(), [
        ...Array.from({ length: 60 }, () => ({ status: statuses[0], value: 100, currency: 'HUF' })),
        { status: statuses[0], value: 7.5, currency: 'EUR' },
        { status: statuses[1], value: null },
      ]);
      const res = await api.gql(BOARD, { pipelineId: pipeline.id }, adminCookie);
      expect(res.errors).toBeUndefined();
      const columns = res.data!.board;
      expect(columns.map((c: any) => c.status.name)).toEqual(['Lead', 'Contacted', 'Proposal', 'Won', 'Lost']);
      expect(columns[0]).toMatchObject({ count: 61, hasMore: true, sums: [{ currency: 'EUR', amount: 7.5 }, { currency: 'HUF', amount: 6000 }] });
      expect(columns[0].cards).toHaveLength(50);
      expect(columns[1]).toMatchObject({ count: 1, hasMore: false, sums: [] });
      expect(columns[2]).toMatchObject({ count: 0, cards: [] });
    });

    it('reads the card fields asked for (through fragments too), its times as ISO text, on the board, a column, the list, one card and a move', async () => {
      const { pipeline, statuses } = await buildPipeline(ds());
      const { tag } = await buildLabels(ds());
      const [card] = await buildCards(ds(), [{ status: statuses[0], value: 12, currency: 'EUR', emails: ['a@example.com'], phones: ['+36 1 234 5678'] }]);
      await ds().query(`INSERT INTO client_tags (client_id, tag_id) VALUES ($1, $2)`, [card.clientId, tag.id]);
      await ds().query(`UPDATE cards SET custom_values = '{"f": 1}', expected_close_date = '2027-01-31', created_at = '2026-03-04 05:06:07.891234+00' WHERE id = $1`, [card.id]);
      const todo = await buildTodo(ds(), card, admin.id, new Date('2027-02-03T04:05:06.789Z'));
      const saved = await ds().getRepository(Card).findOneByOrFail({ id: card.id });
      const full = {
        id: card.id,
        createdAt: '2026-03-04T05:06:07.891Z',
        updatedAt: saved.updatedAt.toISOString(),
        statusChangedAt: saved.statusChangedAt.toISOString(),
        expectedCloseDate: '2027-01-31',
        customValues: { f: 1 },
        client: { emails: ['a@example.com'], phones: ['+36 1 234 5678'], tags: [{ name: tag.name }] },
        nextTodo: { id: todo.id, deadline: '2027-02-03T04:05:06.789Z' },
      };
      const fragment = `fragment Times on Card { createdAt updatedAt ... on Card { statusChangedAt } }
        fragment Rest on Card { id ...Times expectedCloseDate customValues client { emails phones tags { name } } nextTodo { id deadline } }`;
      const board = await api.gql(`query($p: ID!) { board(pipelineId: $p) { cards { ...Rest } } } ${fragment}`, { p: pipeline.id }, adminCookie);
      expect(board.errors).toBeUndefined();
      const column = await api.gql(`query($s: ID!) { columnCards(statusId: $s) { cards { ...Rest } } } ${fragment}`, { s: statuses[0].id }, adminCookie);
      const list = await api.gql(`query($p: ID!) { cards(pipelineId: $p) { items { ...Rest } } } ${fragment}`, { p: pipeline.id }, adminCookie);
      const one = await api.gql(`query($id: ID!) { card(id: $id) { ...Rest } } ${fragment}`, { id: card.id }, adminCookie);
      // The board and a column read no labels (their cards never carried them).
      expect(board.data!.board[0].cards).toEqual([{ ...full, client: { ...full.client, tags: [] } }]);
      expect(column.data!.columnCards.cards).toEqual([{ ...full, client: { ...full.client, tags: [] } }]);
      expect(list.data!.cards.items).toEqual([full]);
      expect(one.data!.card).toEqual(full);
      // A move that asks only for the id still answers it; asked for more, the card as it is after the move.
      const moved = await api.gql(`mutation($i: MoveCardInput!) { a: moveCard(input: $i) { id } }`, { i: { cardId: card.id, statusId: statuses[1].id } }, adminCookie);
      expect(moved.data!.a).toEqual({ id: card.id });
      const back = await api.gql(`mutation($i: MoveCardInput!) { moveCard(input: $i) { statusId client { tags { name } } } }`, { i: { cardId: card.id, statusId: statuses[0].id } }, adminCookie);
      expect(back.data!.moveCard).toEqual({ statusId: statuses[0].id, client: { tags: [{ name: tag.name }] } });
    });

    it('pages through a whole column without gaps or duplicates, even while cards move', async () => {
      const { statuses } = await buildPipeline(ds());
      const cards = await buildCards(ds(), Array.from({ length: 120 }, () => ({ status: statuses[0] })));
      const first: any = await api.gql(COLUMN, { statusId: statuses[0].id, first: 50 }, adminCookie);
      const page1 = first.data.columnCards.cards.map((c: any) => c.id);
      expect(page1).toEqual(cards.slice(0, 50).map((c) => c.id));
      // Someone moves a card from the unread part to the top, and one from page 1 away.
      await api.gql(MOVE, { input: { cardId: cards[100].id, statusId: statuses[0].id, beforeCardId: cards[0].id } }, adminCookie);
      await api.gql(MOVE, { input: { cardId: cards[10].id, statusId: statuses[1].id } }, adminCookie);
      const rest: string[] = [];
      let after = first.data.columnCards.endCursor;
      for (;;) {
        const res: any = await api.gql(COLUMN, { statusId: statuses[0].id, after, first: 50 }, adminCookie);
        rest.push(...res.data.columnCards.cards.map((c: any) => c.id));
        if (!res.data.columnCards.hasMore) break;
        after = res.data.columnCards.endCursor;
      }
      const seen = [...page1, ...rest];
      expect(new Set(seen).size).toBe(seen.length);
      // Every card that stayed where it was is seen exactly once.
      const stayed = cards.filter((_, i) => i !== 100 && i !== 10).map((c) => c.id);
      expect(stayed.every((id) => seen.includes(id))).toBe(true);
    });

    it('rejects a cursor it did not make', async () => {
      const { statuses } = await buildPipeline(ds());
      const res = await api.gql(COLUMN, { statusId: statuses[0].id, after: 'garbage' }, adminCookie);
      expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('moving cards', () => {
    it('places a card after, before, or at the end, keeps the order, writes one card row and one audit row', async () => {
      const { statuses } = await buildPipeline(ds());
      const [a, b, c, x] = await buildCards(ds(), [{ status: statuses[1] }, { status: statuses[1] }, { status: statuses[1] }, { status: statuses[0] }]);

      const res = await api.gql(MOVE, { input: { cardId: x.id, statusId: statuses[1].id, afterCardId: a.id } }, adminCookie);
      expect(res.errors).toBeUndefined();
      expect(res.data!.moveCard.statusId).toBe(statuses[1].id);
      expect(await columnIds(statuses[1].id)).toEqual([a.id, x.id, b.id, c.id]);
      // Only the moved card changed position.
      const rows = await ds().getRepository(Card).findBy({ statusId: statuses[1].id });
      expect(rows.find((r) => r.id === a.id)!.position).toBe(a.position);
      expect(rows.find((r) => r.id === b.id)!.position).toBe(b.position);
      const audit = await ds().getRepository(AuditEntry).findBy({ cardId: x.id });
      expect(audit).toMatchObject([{ action: 'move', actorId: admin.id, changes: { statusId: [statuses[0].id, statuses[1].id] } }]);

      await api.gql(MOVE, { input: { cardId: c.id, statusId: statuses[1].id, beforeCardId: a.id } }, adminCookie);
      expect(await columnIds(statuses[1].id)).toEqual([c.id, a.id, x.id, b.id]);
      await api.gql(MOVE, { input: { cardId: c.id, statusId: statuses[1].id } }, adminCookie);
      expect(await columnIds(statuses[1].id)).toEqual([a.id, x.id, b.id, c.id]);
    });

    it('applies two moves into the same gap from two sessions at once, losing neither', async () => {
      const { statuses } = await buildPipeline(ds());
      const [a, b, m1, m2] = await buildCards(ds(), [{ status: statuses[1] }, { status: statuses[1] }, { status: statuses[0] }, { status: statuses[0] }]);
      const other = await api.buildUser({ role: Role.Normal });
      const otherCookie = await api.login(other.email, other.password);
      const [r1, r2] = await Promise.all([
        api.gql(MOVE, { input: { cardId: m1.id, statusId: statuses[1].id, afterCardId: a.id } }, adminCookie),
        api.gql(MOVE, { input: { cardId: m2.id, statusId: statuses[1].id, afterCardId: a.id } }, otherCookie),
      ]);
      expect(r1.errors).toBeUndefined();
      expect(r2.errors).toBeUndefined();
      const column = await columnIds(statuses[1].id);
      expect(column).toHaveLength(4);
      expect(column[0]).toBe(a.id);
      expect(column[3]).toBe(b.id);
      expect(new Set(column.slice(1, 3))).toEqual(new Set([m1.id, m2.id]));
      expect(await columnIds(statuses[0].id)).toEqual([]);
    });

    it('refuses a column of another pipeline and a neighbour from another column, changing nothing', async () => {
      const one = await buildPipeline(ds());
      const two = await buildPipeline(ds());
      const [card, elsewhere] = await buildCards(ds(), [{ status: one.statuses[0] }, { status: one.statuses[2] }]);
      const wrongPipeline = await api.gql(MOVE, { input: { cardId: card.id, statusId: two.statuses[0].id } }, adminCookie);
      expect(wrongPipeline.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      const wrongNeighbour = await api.gql(MOVE, { input: { cardId: card.id, statusId: one.statuses[1].id, afterCardId: elsewhere.id } }, adminCookie);
      expect(wrongNeighbour.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect((await ds().getRepository(Card).findOneByOrFail({ id: card.id })).statusId).toBe(one.statuses[0].id);
      expect(await ds().getRepository(AuditEntry).countBy({ cardId: card.id })).toBe(0);
    });

    it('refuses an archived column of the same pipeline, and the board leaves it out', async () => {
      const { pipeline, statuses } = await buildPipeline(ds());
      const [card] = await buildCards(ds(), [{ status: statuses[0] }]);
      const archived = await api.gql(`mutation($id: ID!) { setStatusArchived(id: $id, archived: true) { id } }`, { id: statuses[1].id }, adminCookie);
      expect(archived.errors).toBeUndefined();
      const moved = await api.gql(MOVE, { input: { cardId: card.id, statusId: statuses[1].id } }, adminCookie);
      expect(moved.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'STATUS_OF_OTHER_PIPELINE' });
      expect((await ds().getRepository(Card).findOneByOrFail({ id: card.id })).statusId).toBe(statuses[0].id);
      const board: any = await api.gql(`query($p: ID!) { board(pipelineId: $p) { status { id } count cards { id } } }`, { p: pipeline.id }, adminCookie);
      expect(board.data.board.map((c: any) => c.status.id)).toEqual(statuses.filter((s) => s.id !== statuses[1].id).map((s) => s.id));
      expect(board.data.board[0]).toMatchObject({ count: 1, cards: [{ id: card.id }] });
      expect(board.data.board[1]).toMatchObject({ count: 0, cards: [] });
    });

    it('reports what other users changed since a server time', async () => {
      const { pipeline, statuses } = await buildPipeline(ds());
      const [card] = await buildCards(ds(), [{ status: statuses[0] }]);
      const CHANGES = `query($p: ID!, $since: DateTimeISO!) { cardChanges(pipelineId: $p, since: $since) { serverTime reset removedIds cards { id statusId } columns { statusId count } } }`;
      const before: any = await api.gql(CHANGES, { p: pipeline.id, since: new Date().toISOString() }, adminCookie);
      expect(before.data.cardChanges.reset).toBe(false);
      await api.gql(MOVE, { input: { cardId: card.id, statusId: statuses[2].id } }, adminCookie);
      const after: any = await api.gql(CHANGES, { p: pipeline.id, since: before.data.cardChanges.serverTime }, adminCookie);
      expect(after.data.cardChanges.cards).toContainEqual({ id: card.id, statusId: statuses[2].id });
      // The column headers come along: the card left the first column for the third.
      expect(after.data.cardChanges.columns.find((c: any) => c.statusId === statuses[0].id).count).toBe(0);
      expect(after.data.cardChanges.columns.find((c: any) => c.statusId === statuses[2].id).count).toBe(1);
    });
  });

  describe('creating from a column', () => {
    it('"+" creates a client and its card at the top of the column, owned by the creator', async () => {
      const { statuses } = await buildPipeline(ds());
      const [existing] = await buildCards(ds(), [{ status: statuses[0] }]);
      const res = await api.gql(
        `mutation($input: CreateCardInput!) { createCard(input: $input) { id statusId value currency client { name emails } owner { id } } }`,
        { input: { statusId: statuses[0].id, client: { name: 'Łódź Trans Sp. z o.o.', email: 'Biuro@LodzTrans.pl' }, value: 1200, currency: 'PLN' } },
        adminCookie,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.createCard).toMatchObject({ statusId: statuses[0].id, value: 1200, currency: 'PLN', client: { name: 'Łódź Trans Sp. z o.o.', emails: ['biuro@lodztrans.pl'] }, owner: { id: admin.id } });
      expect(await columnIds(statuses[0].id)).toEqual([res.data!.createCard.id, existing.id]);
    });

    it('rejects an unknown currency and an empty name', async () => {
      const { statuses } = await buildPipeline(ds());
      const res = await api.gql(`mutation($input: CreateCardInput!) { createCard(input: $input) { id } }`, { input: { statusId: statuses[0].id, client: { name: '' }, currency: 'XYZ' } }, adminCookie);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'client.name': expect.any(String), currency: expect.any(String) } });
    });
  });

  describe('the list', () => {
    it('filters by every criterion on the server and counts the matches', async () => {
      const { pipeline, statuses } = await buildPipeline(ds());
      const owner = await api.buildUser();
      const todoUser = await api.buildUser();
      const { department, category, tag } = await buildLabels(ds());
      const classification = await ds().getRepository(Classification).save({ name: 'VIP' + Date.now() });
      const cards = await buildCards(ds(), [
        { status: statuses[0], name: 'Kovács és Társa Kft.', ownerId: owner.id, emails: ['info@kovacs.hu'], phones: ['+36 30 123 4567'] },
        { status: statuses[1], name: 'Nowak Transport', departmentId: department.id, createdAt: new Date('2025-01-10T10:00:00Z') },
        { status: statuses[3], name: 'Slovenská Stavba s.r.o.' },
        { status: statuses[4], name: 'Lost Cause Ltd' },
      ]);
      await ds().query(`INSERT INTO client_tags (client_id, tag_id) VALUES ($1, $2)`, [cards[0].clientId, tag.id]);
      await ds().query(`INSERT INTO client_categories (client_id, category_id) VALUES ($1, $2)`, [cards[1].clientId, category.id]);
      await ds().query(`UPDATE clients SET classification_id = $1 WHERE id = $2`, [classification.id, cards[2].clientId]);
      await buildTodo(ds(), cards[2], todoUser.id);
      await buildTodo(ds(), cards[3], todoUser.id, new Date(), true); // done: does not count

      const names = async (filter: object) => {
        const res: any = await api.gql(LIST, { pipelineId: pipeline.id, filter, sort: { field: 'CLIENT_NAME', direction: 'ASC' } }, adminCookie);
        expect(res.errors).toBeUndefined();
        expect(res.data.cards.total).toBe(res.data.cards.items.length);
        return res.data.cards.items.map((i: any) => i.client.name);
      };
      expect(await names({})).toEqual(['Kovács és Társa Kft.', 'Lost Cause Ltd', 'Nowak Transport', 'Slovenská Stavba s.r.o.']);
      expect(await names({ statusIds: [statuses[1].id] })).toEqual(['Nowak Transport']);
      expect(await names({ ownerIds: [owner.id] })).toEqual(['Kovács és Társa Kft.']);
      expect(await names({ unowned: true, outcomes: ['WON', 'LOST'] })).toEqual(['Lost Cause Ltd', 'Slovenská Stavba s.r.o.']);
      expect(await names({ todoAssigneeId: todoUser.id })).toEqual(['Slovenská Stavba s.r.o.']);
      expect(await names({ tagIds: [tag.id] })).toEqual(['Kovács és Társa Kft.']);
      expect(await names({ categoryIds: [category.id] })).toEqual(['Nowak Transport']);
      expect(await names({ classificationIds: [classification.id] })).toEqual(['Slovenská Stavba s.r.o.']);
      expect(await names({ departmentIds: [department.id] })).toEqual(['Nowak Transport']);
      expect(await names({ outcomes: ['OPEN'] })).toEqual(['Kovács és Társa Kft.', 'Nowak Transport']);
      expect(await names({ createdFrom: '2025-01-01T00:00:00Z', createdTo: '2025-02-01T00:00:00Z' })).toEqual(['Nowak Transport']);
      expect(await names({ text: 'kovács' })).toEqual(['Kovács és Társa Kft.']);
      expect(await names({ text: 'INFO@kovacs' })).toEqual(['Kovács és Társa Kft.']);
      expect(await names({ text: '301234567' })).toEqual(['Kovács és Társa Kft.']);
      expect(await names({ text: '100%' })).toEqual([]);
    });

    it('sorts by a column in either direction and pages with the total', async () => {
      const { pipeline, statuses } = await buildPipeline(ds());
      await buildCards(ds(), ['Delta', 'alpha', 'Charlie', 'bravo'].map((name) => ({ status: statuses[0], name })));
      const res: any = await api.gql(LIST, { pipelineId: pipeline.id, sort: { field: 'CLIENT_NAME', direction: 'DESC' }, page: { offset: 1, limit: 2 } }, adminCookie);
      expect(res.data.cards.total).toBe(4);
      expect(res.data.cards.items.map((i: any) => i.client.name)).toEqual(['Charlie', 'bravo']);
    });
  });

  describe('mass actions', () => {
    it('tags and moves the selected cards in one go, with history per card', async () => {
      const { pipeline, statuses } = await buildPipeline(ds());
      const { tag } = await buildLabels(ds());
      const cards = await buildCards(ds(), [{ status: statuses[0] }, { status: statuses[0] }, { status: statuses[1] }, { status: statuses[0] }]);
      const selected = cards.slice(0, 3).map((c) => c.id);
      const res = await api.gql(MASS, { input: { pipelineId: pipeline.id, cardIds: selected, change: { addTagId: tag.id, statusId: statuses[1].id } } }, adminCookie);
      expect(res.errors).toBeUndefined();
      expect(res.data!.massUpdateCards).toEqual({ matched: 3, changed: 3 });
      const column = await columnIds(statuses[1].id);
      expect(column[0]).toBe(cards[2].id); // already there, stays first
      expect(new Set(column)).toEqual(new Set(selected));
      const audit = await ds().getRepository(AuditEntry).findBy({ action: 'mass_update' });
      const forCard = (id: string) => audit.find((a) => a.cardId === id)!;
      expect(forCard(cards[0].id).changes).toEqual({ statusId: [statuses[0].id, statuses[1].id], addTag: [null, tag.id] });
      expect(forCard(cards[2].id).changes).toEqual({ addTag: [null, tag.id] });
      expect(audit.find((a) => a.cardId === cards[3].id)).toBeUndefined();
    });

    it('applies a change to every card matching a filter', async () => {
      const { pipeline, statuses } = await buildPipeline(ds());
      const owner = await api.buildUser();
      await buildCards(ds(), [{ status: statuses[0] }, { status: statuses[0] }, { status: statuses[2] }]);
      const res = await api.gql(MASS, { input: { pipelineId: pipeline.id, filter: { statusIds: [statuses[0].id] }, change: { ownerId: owner.id } } }, adminCookie);
      expect(res.data!.massUpdateCards).toEqual({ matched: 2, changed: 2 });
      expect(await ds().getRepository(Card).countBy({ pipelineId: pipeline.id, ownerId: owner.id })).toBe(2);
    });

    it('moves 12,000 selected cards (more than one batch of ids) in one go, each with its history', async () => {
      const { pipeline, statuses } = await buildPipeline(ds());
      const n = 12_000;
      const keys = positionsBetween(null, null, n);
      await ds().query(
        `WITH cl AS (INSERT INTO clients (name) SELECT 'Bulk ' || i FROM generate_series(1, $1::int) i RETURNING id)
         INSERT INTO cards (client_id, pipeline_id, status_id, position, currency)
         SELECT cl.id, $2, $3, ($4::text[])[row_number() OVER (ORDER BY cl.id)], 'EUR' FROM cl`,
        [n, pipeline.id, statuses[0].id, keys],
      );
      const ids: string[] = (await ds().query(`SELECT id FROM cards WHERE pipeline_id = $1`, [pipeline.id])).map((r: { id: string }) => r.id);
      const res = await api.gql(MASS, { input: { pipelineId: pipeline.id, cardIds: ids, change: { statusId: statuses[2].id } } }, adminCookie);
      expect(res.errors).toBeUndefined();
      expect(res.data!.massUpdateCards).toEqual({ matched: n, changed: n });
      const [moved] = await ds().query(`SELECT count(*)::int AS cards, count(DISTINCT position)::int AS positions FROM cards WHERE status_id = $1`, [statuses[2].id]);
      expect(moved).toEqual({ cards: n, positions: n });
      const [audit] = await ds().query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'mass_update' AND card_id = ANY($1::uuid[]) AND changes -> 'statusId' ->> 1 = $2`, [ids, statuses[2].id]);
      expect(audit.n).toBe(n);
    }, 30_000);

    it('sets department and classification on the cards’ clients', async () => {
      const { pipeline, statuses } = await buildPipeline(ds());
      const department = await ds().getRepository(Department).save({ name: `Slovakia ${Date.now()}` });
      const cards = await buildCards(ds(), [{ status: statuses[0] }, { status: statuses[0] }]);
      const res = await api.gql(MASS, { input: { pipelineId: pipeline.id, cardIds: cards.map((c) => c.id), change: { departmentId: department.id } } }, adminCookie);
      expect(res.data!.massUpdateCards.changed).toBe(2);
      const rows = await ds().query(`SELECT department_id FROM clients WHERE id = ANY($1)`, [cards.map((c) => c.clientId)]);
      expect(rows.every((r: any) => r.department_id === department.id)).toBe(true);
    });
  });
});

describe('board totals', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('stay equal to a count of the cards through creates, moves, mass actions, department changes and deletes', async () => {
    const ds = api.db.dataSource;
    const admin = await api.buildUser({ role: Role.Admin });
    const restricted = await api.buildUser({ role: Role.Restricted });
    const manager = await api.buildUser({ role: Role.Manager });
    const cookie = await api.login(admin.email, admin.password);
    const { pipeline, statuses } = await buildPipeline(ds);
    const [hu, pl] = [(await buildLabels(ds)).department, (await buildLabels(ds)).department];
    await ds.createQueryBuilder().relation(User, 'departments').of(manager).add(hu);
    const cards = await buildCards(ds, [
      { status: statuses[0], value: 100, currency: 'HUF', ownerId: restricted.id, departmentId: hu.id },
      { status: statuses[0], value: 50, currency: 'EUR', departmentId: pl.id },
      { status: statuses[1], value: 10, currency: 'EUR', ownerId: admin.id },
      { status: statuses[1], departmentId: hu.id },
      { status: statuses[1], value: 3, currency: 'EUR', departmentId: pl.id },
    ]);
    // One client to another department; a card to a client of another department.
    await ds.query(`UPDATE clients SET department_id = $1 WHERE id = $2`, [pl.id, cards[3].clientId]);
    const [{ id: other }] = await ds.query(`INSERT INTO clients (name, type, department_id) VALUES ('Other', 'COMPANY', $1) RETURNING id`, [hu.id]);
    await ds.query(`UPDATE cards SET client_id = $1 WHERE id = $2`, [other, cards[4].id]);
    await api.gql(MOVE, { input: { cardId: cards[0].id, statusId: statuses[1].id } }, cookie);
    await api.gql(MASS, { input: { pipelineId: pipeline.id, cardIds: [cards[1].id, cards[3].id], change: { statusId: statuses[2].id, ownerId: restricted.id } } }, cookie);
    await ds.query(`UPDATE cards SET value = 70 WHERE id = $1`, [cards[1].id]);
    await ds.query(`UPDATE cards SET deleted_at = now() WHERE id = $1`, [cards[2].id]);
    await buildCards(ds, [{ status: statuses[0], value: 5, currency: 'PLN' }]);

    const expected = async (ownerRule: string) =>
      ds.query(
        `SELECT status_id, currency, count(*)::int AS count, sum(value)::float8 AS amount FROM cards
         WHERE pipeline_id = $1 AND deleted_at IS NULL ${ownerRule} GROUP BY 1, 2 ORDER BY 1, 2`,
        [pipeline.id],
      );
    const fromBoard = async (cookieOf: string) => {
      const res: any = await api.gql(`query($p: ID!) { board(pipelineId: $p) { status { id } count sums { currency amount } } }`, { p: pipeline.id }, cookieOf);
      return res.data.board;
    };
    const check = (board: any[], rows: any[]) => {
      for (const column of board) {
        const mine = rows.filter((r) => r.status_id === column.status.id);
        expect(column.count).toBe(mine.reduce((n, r) => n + r.count, 0));
        expect(column.sums).toEqual(mine.filter((r) => r.amount).map((r) => ({ currency: r.currency, amount: r.amount })));
      }
    };
    check(await fromBoard(cookie), await expected(''));
    check(await fromBoard(await api.login(restricted.email, restricted.password)), await expected(`AND (owner_id = '${restricted.id}' OR owner_id IS NULL)`));
    // A manager limited to a department (clients without one too), alone and with a department filter, read from the totals.
    const inDepartments = (ids: string[]) => `AND EXISTS (SELECT 1 FROM clients cl WHERE cl.id = client_id AND cl.department_id = ANY('{${ids.join(',')}}'::uuid[]))`;
    const managerCookie = await api.login(manager.email, manager.password);
    check(await fromBoard(managerCookie), await expected(`AND EXISTS (SELECT 1 FROM clients cl WHERE cl.id = client_id AND (cl.department_id IS NULL OR cl.department_id = '${hu.id}'))`));
    const filtered = async (cookieOf: string, departmentIds: string[]) =>
      (await api.gql(`query($p: ID!, $f: CardFilterInput) { board(pipelineId: $p, filter: $f) { status { id } count sums { currency amount } } }`, { p: pipeline.id, f: { departmentIds } }, cookieOf)).data!.board as any[];
    check(await filtered(cookie, [pl.id]), await expected(inDepartments([pl.id])));
    check(await filtered(managerCookie, [hu.id, pl.id]), await expected(inDepartments([hu.id])));
    expect((await expected(inDepartments([hu.id]))).length).toBeGreaterThan(0);
    expect((await expected(inDepartments([pl.id]))).length).toBeGreaterThan(0);
  });
});
