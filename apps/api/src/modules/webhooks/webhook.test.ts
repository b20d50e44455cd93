import { dispatchWebhookEvents, User } from '@crm/db';
import { JOBS, Role } from '@crm/shared';
import { buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

const CREATE = `mutation($input: WebhookInput!) { createWebhook(input: $input) { secret webhook { id url events active } } }`;
const SETTINGS = `mutation($allow: Boolean!) { setWebhookSettings(allowPrivateTargets: $allow) { allowPrivateTargets } }`;
const DELIVERIES = `query($id: ID!, $filter: WebhookDeliveryFilter) { webhookDeliveries(webhookId: $id, filter: $filter) { id event state attempts requestBody } }`;
const ALL_EVENTS = ['CARD_CREATED', 'CARD_MOVED', 'CARD_WON', 'CARD_LOST', 'CLIENT_CREATED', 'CLIENT_UPDATED', 'CLIENT_MERGED', 'CLIENT_DELETED', 'TODO_DONE', 'MAIL_RECEIVED'];

describe('webhooks', () => {
  let api: TestApi;
  let admin: User & { password: string };
  let cookie: string;
  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.buildUser({ role: Role.Admin });
    cookie = await api.login(admin.email, admin.password);
  });
  afterAll(() => api.close());

  const events = () => api.db.dataSource.query(`SELECT type, entity_id FROM integration_events ORDER BY id`);

  it('refuses private, loopback and malformed targets unless the admin setting allows private ones (SSRF)', async () => {
    for (const url of ['http://127.0.0.1:8080/hook', 'http://localhost/hook', 'http://10.1.2.3/x', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/x', 'http://192.168.0.10/x']) {
      const res = await api.gql(CREATE, { input: { url, events: ['CARD_MOVED'] } }, cookie);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldReasons: { url: 'WEBHOOK_PRIVATE_TARGET' } });
    }
    for (const url of ['ftp://example.com/x', 'not a url', 'http://user:pw@example.com/']) {
      const res = await api.gql(CREATE, { input: { url, events: ['CARD_MOVED'] } }, cookie);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldReasons: { url: 'WEBHOOK_URL_INVALID' } });
    }
    expect((await api.gql(CREATE, { input: { url: 'https://example.com/hook', events: [] } }, cookie)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { events: expect.any(String) } });
    expect(await api.db.dataSource.query(`SELECT count(*)::int AS n FROM webhooks`)).toEqual([{ n: 0 }]);

    expect((await api.gql(SETTINGS, { allow: true }, cookie)).data!.setWebhookSettings.allowPrivateTargets).toBe(true);
    const ok = await api.gql(CREATE, { input: { url: 'http://127.0.0.1:8080/hook', events: ['CARD_MOVED'] } }, cookie);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.createWebhook.secret).toMatch(/^whsec_/);
    expect(JSON.stringify((await api.gql(`{ webhooks { id url } }`, {}, cookie)).data)).not.toContain(ok.data!.createWebhook.secret);
    await api.gql(`mutation($id: ID!) { deleteWebhook(id: $id) }`, { id: ok.data!.createWebhook.webhook.id }, cookie);
    await api.gql(SETTINGS, { allow: false }, cookie);
  });

  it('writes no event while no hook listens, then each change’s events in its transaction, whatever path made it', async () => {
    const { pipeline, statuses } = await buildPipeline(api.db.dataSource);
    const won = statuses.find((s) => s.name === 'Won')!;
    await api.db.dataSource.query(`UPDATE statuses SET kind = 'WON' WHERE id = $1`, [won.id]);
    const quiet = await api.gql(`mutation($input: CreateCardInput!) { createCard(input: $input) { id } }`, { input: { statusId: statuses[0].id, client: { name: 'Before hooks' } } }, cookie);
    expect(quiet.errors).toBeUndefined();
    expect(await events()).toEqual([]);

    await api.gql(SETTINGS, { allow: true }, cookie);
    const created = await api.gql(CREATE, { input: { url: 'http://127.0.0.1:9/all', events: ALL_EVENTS } }, cookie);
    const webhookId = created.data!.createWebhook.webhook.id;
    const card = (await api.gql(`mutation($input: CreateCardInput!) { createCard(input: $input) { id client { id } } }`, { input: { statusId: statuses[0].id, client: { name: 'Hooked Ltd' } } }, cookie)).data!.createCard;
    await api.gql(`mutation($input: MoveCardInput!) { moveCard(input: $input) { id } }`, { input: { cardId: card.id, statusId: statuses[1].id } }, cookie);
    await api.gql(`mutation($id: ID!, $input: UpdateCardInput!) { updateCard(id: $id, input: $input) { id } }`, { id: card.id, input: { statusId: won.id } }, cookie);
    await api.gql(`mutation($id: ID!, $input: UpdateClientInput!) { updateClient(id: $id, input: $input) { __typename } }`, { id: card.client.id, input: { name: 'Hooked Kft.' } }, cookie);
    const todo = (await api.gql(`mutation($cardId: ID!, $input: TodoInput!) { createTodo(cardId: $cardId, input: $input) { id } }`, { cardId: card.id, input: { title: 'Call', deadline: '2030-01-01T09:00:00Z' } }, cookie)).data!.createTodo;
    await api.gql(`mutation($id: ID!) { setTodoDone(id: $id, done: true) { id } }`, { id: todo.id }, cookie);
    await api.gql(`mutation($id: ID!) { deleteClient(id: $id) }`, { id: card.client.id }, cookie);

    expect((await events()).map((e: any) => e.type)).toEqual([
      'client.created', 'card.created', 'card.moved', 'card.moved', 'card.won', 'client.updated', 'todo.done', 'client.deleted',
    ]);
    // A failed change writes no event.
    const bad = await api.gql(`mutation($input: MoveCardInput!) { moveCard(input: $input) { id } }`, { input: { cardId: card.id, statusId: '00000000-0000-0000-0000-000000000000' } }, cookie);
    expect(bad.errors).toBeDefined();
    expect(await events()).toHaveLength(8);

    // The worker's dispatch turns them into deliveries; the log is searchable and any delivery can be sent again.
    await dispatchWebhookEvents(api.db.dataSource);
    const all = (await api.gql(DELIVERIES, { id: webhookId }, cookie)).data!.webhookDeliveries;
    expect(all).toHaveLength(8);
    const byText = (await api.gql(DELIVERIES, { id: webhookId, filter: { text: 'Hooked Kft' } }, cookie)).data!.webhookDeliveries;
    expect(byText.length).toBeGreaterThan(0);
    expect(byText.every((d: any) => d.requestBody.includes('Hooked Kft'))).toBe(true);
    const byEvent = (await api.gql(DELIVERIES, { id: webhookId, filter: { text: 'todo.done' } }, cookie)).data!.webhookDeliveries;
    expect(byEvent.map((d: any) => d.event)).toEqual(['TODO_DONE']);
    expect((await api.gql(DELIVERIES, { id: webhookId, filter: { state: 'DELIVERED' } }, cookie)).data!.webhookDeliveries).toEqual([]);

    const again = await api.gql(`mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id event state requestBody } }`, { id: byEvent[0].id }, cookie);
    expect(again.errors).toBeUndefined();
    expect(again.data!.redeliverWebhook).toMatchObject({ event: 'TODO_DONE', state: 'PENDING', requestBody: byEvent[0].requestBody });
    expect(again.data!.redeliverWebhook.id).not.toBe(byEvent[0].id);
    const job = await api.server.services.webhooks['queues'][JOBS.deliverWebhook.queue].getJob(`webhook-delivery:${again.data!.redeliverWebhook.id}`);
    expect(job?.data).toEqual({ deliveryId: again.data!.redeliverWebhook.id });
    expect((await api.gql(`mutation { redeliverWebhook(deliveryId: "999999") { id } }`, {}, cookie)).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(pipeline.id).toBeDefined();
  });

  it('turns a hook back on, clearing why it was turned off', async () => {
    await api.gql(SETTINGS, { allow: false }, cookie);
    const created = await api.gql(CREATE, { input: { url: 'https://93.184.215.14/crm', events: ['CLIENT_CREATED'] } }, cookie);
    const id = created.data!.createWebhook.webhook.id;
    await api.db.dataSource.query(`UPDATE webhooks SET active = false, disabled_at = now(), disabled_reason = 'down' WHERE id = $1`, [id]);
    const on = await api.gql(`mutation($id: ID!) { updateWebhook(id: $id, active: true) { active disabledReason disabledAt } }`, { id }, cookie);
    expect(on.data!.updateWebhook).toEqual({ active: true, disabledReason: null, disabledAt: null });
  });
});
