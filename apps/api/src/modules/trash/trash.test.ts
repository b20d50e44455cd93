import { Role } from '@crm/shared';
import { buildCards, buildPipeline, buildTodo } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

describe('the trash', () => {
  let api: TestApi;
  let adminCookie: string;
  beforeAll(async () => {
    api = await startTestApi();
    const admin = await api.buildUser({ role: Role.Admin });
    adminCookie = await api.login(admin.email, admin.password);
  });
  afterAll(() => api.close());

  const BOARD = `query($p: ID!) { board(pipelineId: $p) { count cards { id } } }`;
  const LIST = `query($p: ID!) { cards(pipelineId: $p, filter: { text: "trashme" }) { total } }`;

  it('hides a deleted client and its cards everywhere, and restores them with their todos and contacts', async () => {
    const { pipeline, statuses } = await buildPipeline(api.db.dataSource);
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0], name: 'Trashme Kft.' }]);
    await buildTodo(api.db.dataSource, card, null);
    await api.gql(`mutation($c: ID!) { createContact(clientId: $c, input: { name: "Éva" }) { id } }`, { c: card.clientId }, adminCookie);

    expect((await api.gql(`mutation($id: ID!) { deleteClient(id: $id) }`, { id: card.clientId }, adminCookie)).data!.deleteClient).toBe(true);
    expect((await api.gql(BOARD, { p: pipeline.id }, adminCookie)).data!.board[0]).toEqual({ count: 0, cards: [] });
    expect((await api.gql(LIST, { p: pipeline.id }, adminCookie)).data!.cards.total).toBe(0);
    expect((await api.gql(`{ clients(filter: { text: "trashme" }) { total } }`, {}, adminCookie)).data!.clients.total).toBe(0);
    const trash = await api.gql(`{ trash { kind id name } }`, {}, adminCookie);
    expect(trash.data!.trash).toEqual(expect.arrayContaining([{ kind: 'CLIENT', id: card.clientId, name: 'Trashme Kft.' }, expect.objectContaining({ kind: 'CARD', id: card.id })]));

    expect((await api.gql(`mutation($id: ID!) { restoreFromTrash(kind: CLIENT, id: $id) }`, { id: card.clientId }, adminCookie)).data!.restoreFromTrash).toBe(true);
    const board = (await api.gql(BOARD, { p: pipeline.id }, adminCookie)).data!.board[0];
    expect(board).toEqual({ count: 1, cards: [{ id: card.id }] });
    const restored = await api.gql(`query($id: ID!) { client(id: $id) { contacts { name } cards { nextTodo { id } } } }`, { id: card.clientId }, adminCookie);
    expect(restored.data!.client.contacts).toEqual([{ name: 'Éva' }]);
    expect(restored.data!.client.cards[0].nextTodo).not.toBeNull();
  });

  it('restores a todo and a note, purges for good, and is for admins only', async () => {
    const { statuses } = await buildPipeline(api.db.dataSource);
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0] }]);
    const todo = await buildTodo(api.db.dataSource, card, null);
    await api.gql(`mutation($id: ID!) { deleteTodo(id: $id) }`, { id: todo.id }, adminCookie);
    expect((await api.gql(`query($c: ID!) { todos(cardId: $c) { id } }`, { c: card.id }, adminCookie)).data!.todos).toEqual([]);
    await api.gql(`mutation($id: ID!) { restoreFromTrash(kind: TODO, id: $id) }`, { id: todo.id }, adminCookie);
    expect((await api.gql(`query($c: ID!) { todos(cardId: $c) { id } }`, { c: card.id }, adminCookie)).data!.todos).toEqual([{ id: todo.id }]);

    const user = await api.buildUser({ role: Role.Manager });
    const cookie = await api.login(user.email, user.password);
    expect((await api.gql(`{ trash { id } }`, {}, cookie)).errors![0].extensions!.code).toBe('FORBIDDEN');

    await api.gql(`mutation($id: ID!) { deleteCard(id: $id) }`, { id: card.id }, adminCookie);
    expect((await api.gql(`mutation($id: ID!) { purgeFromTrash(kind: CARD, id: $id) }`, { id: card.id }, adminCookie)).data!.purgeFromTrash).toBe(true);
    expect(await api.db.dataSource.query(`SELECT id FROM cards WHERE id = $1`, [card.id])).toEqual([]);
    const again = await api.gql(`mutation($id: ID!) { restoreFromTrash(kind: CARD, id: $id) }`, { id: card.id }, adminCookie);
    expect(again.errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});

describe('the audit log', () => {
  it('shows admins who changed what, filtered; others may not read it', async () => {
    const api = await startTestApi();
    try {
      const admin = await api.buildUser({ role: Role.Admin });
      const cookie = await api.login(admin.email, admin.password);
      const { statuses } = await buildPipeline(api.db.dataSource);
      const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0] }]);
      await api.gql(`mutation($c: ID!) { createNote(cardId: $c, input: { body: "first" }) { id } }`, { c: card.id }, cookie);
      await api.gql(`mutation($id: ID!) { deleteCard(id: $id) }`, { id: card.id }, cookie);
      const all = await api.gql(`{ auditLog { action entity actor { id } } }`, {}, cookie);
      expect(all.data!.auditLog).toEqual([
        { action: 'delete', entity: 'card', actor: { id: admin.id } },
        { action: 'create', entity: 'note', actor: { id: admin.id } },
      ]);
      const notes = await api.gql(`{ auditLog(filter: { entity: "note" }) { action changes } }`, {}, cookie);
      expect(notes.data!.auditLog).toEqual([{ action: 'create', changes: { body: [null, 'first'] } }]);
      const manager = await api.buildUser({ role: Role.Manager });
      const mc = await api.login(manager.email, manager.password);
      expect((await api.gql(`{ auditLog { id } }`, {}, mc)).errors![0].extensions!.code).toBe('FORBIDDEN');
    } finally {
      await api.close();
    }
  });
});
