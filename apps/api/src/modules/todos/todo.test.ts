import { AuditEntry, User } from '@crm/db';
import { Role } from '@crm/shared';
import { buildCards, buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

const CREATE = `mutation($cardId: ID!, $input: TodoInput!) { createTodo(cardId: $cardId, input: $input) { id title deadline doneAt assignee { id } } }`;
const TODOS = `query($cardId: ID!, $done: Boolean) { todos(cardId: $cardId, done: $done) { id title } }`;
const DONE = `mutation($id: ID!, $done: Boolean!) { setTodoDone(id: $id, done: $done) { id doneAt } }`;
const HISTORY = `query($cardId: ID!, $kinds: [HistoryKind!]) { cardHistory(cardId: $cardId, kinds: $kinds) { kind action entity actor { id } changes } }`;
const NEXT = `query($id: ID!) { card(id: $id) { nextTodo { title } } }`;

describe('todos and history', () => {
  let api: TestApi;
  let user: User & { password: string };
  let cookie: string;
  beforeAll(async () => {
    api = await startTestApi();
    user = await api.buildUser({ role: Role.Normal });
    cookie = await api.login(user.email, user.password);
  });
  afterAll(() => api.close());

  it('adds todos sorted by deadline, marks one done into History, and the card shows the next one', async () => {
    const { statuses } = await buildPipeline(api.db.dataSource);
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0], ownerId: user.id }]);
    const later = await api.gql(CREATE, { cardId: card.id, input: { title: 'Send the offer', deadline: '2030-01-02T09:00:00Z' } }, cookie);
    const sooner = await api.gql(CREATE, { cardId: card.id, input: { title: 'Call back', deadline: '2030-01-01T09:00:00Z' } }, cookie);
    expect(sooner.data!.createTodo.assignee.id).toBe(user.id); // defaults to the card owner
    expect((await api.gql(TODOS, { cardId: card.id }, cookie)).data!.todos.map((t: any) => t.title)).toEqual(['Call back', 'Send the offer']);
    expect((await api.gql(NEXT, { id: card.id }, cookie)).data!.card.nextTodo.title).toBe('Call back');

    const done = await api.gql(DONE, { id: sooner.data!.createTodo.id, done: true }, cookie);
    expect(done.data!.setTodoDone.doneAt).not.toBeNull();
    expect((await api.gql(TODOS, { cardId: card.id }, cookie)).data!.todos.map((t: any) => t.title)).toEqual(['Send the offer']);
    expect((await api.gql(TODOS, { cardId: card.id, done: true }, cookie)).data!.todos.map((t: any) => t.title)).toEqual(['Call back']);
    // The web app's query: a non-null variable with a default, left out (the operation's default applies).
    const withDefault = `query($cardId: ID!, $done: Boolean! = true) { todos(cardId: $cardId, done: $done) { title } }`;
    expect(await api.gql(withDefault, { cardId: card.id }, cookie)).toMatchObject({ errors: undefined, data: { todos: [{ title: 'Call back' }] } });
    expect((await api.gql(NEXT, { id: card.id }, cookie)).data!.card.nextTodo.title).toBe('Send the offer');

    const history = await api.gql(HISTORY, { cardId: card.id, kinds: ['TODO_DONE'] }, cookie);
    expect(history.data!.cardHistory).toEqual([{ kind: 'TODO_DONE', action: 'todo_done', entity: 'todo', actor: { id: user.id }, changes: expect.objectContaining({ title: ['Call back', 'Call back'] }) }]);
    expect(later.errors).toBeUndefined();
  });

  it('validates input and writes no audit row when it rejects a change', async () => {
    const { statuses } = await buildPipeline(api.db.dataSource);
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0] }]);
    const before = await api.db.dataSource.getRepository(AuditEntry).countBy({ cardId: card.id });
    const res = await api.gql(CREATE, { cardId: card.id, input: { title: '', deadline: '2030-01-01T09:00:00Z' } }, cookie);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { title: expect.any(String) } });
    const badDate = await api.gql(CREATE, { cardId: card.id, input: { title: 'x', deadline: 'tomorrow' } }, cookie);
    expect(badDate.errors![0].extensions!.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    expect(await api.db.dataSource.getRepository(AuditEntry).countBy({ cardId: card.id })).toBe(before);
  });

  it('answers NOT_FOUND for every todo operation on a card a Restricted user may not see', async () => {
    const { statuses } = await buildPipeline(api.db.dataSource);
    const owner = await api.buildUser();
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0], ownerId: owner.id }]);
    const todo = await api.gql(CREATE, { cardId: card.id, input: { title: 'Secret', deadline: '2030-01-01T09:00:00Z' } }, cookie);
    const restricted = await api.buildUser({ role: Role.Restricted });
    const rc = await api.login(restricted.email, restricted.password);
    for (const res of [
      await api.gql(TODOS, { cardId: card.id }, rc),
      await api.gql(CREATE, { cardId: card.id, input: { title: 'x', deadline: '2030-01-01T09:00:00Z' } }, rc),
      await api.gql(DONE, { id: todo.data!.createTodo.id, done: true }, rc),
      await api.gql(`mutation($id: ID!) { deleteTodo(id: $id) }`, { id: todo.data!.createTodo.id }, rc),
      await api.gql(HISTORY, { cardId: card.id }, rc),
    ]) {
      expect(res.errors![0].extensions!.code).toBe('NOT_FOUND');
    }
  });
});
