import { activateAutomation, Automation, AutomationStep, createDataSource, Department, installLivePublisher, runDueSteps, TodoTemplate, User } from '@crm/db';
import Redis from 'ioredis';
import { Role, StepKind } from '@crm/shared';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createLogger } from '../../logger';
import { createServer, type RunningServer } from '../../server';
import { startTestApi, TestApi } from '../../testing/api';
import { buildCards, buildLabels, buildPipeline } from '../../testing/factories';

const MOVE = `mutation($input: MoveCardInput!) { moveCard(input: $input) { id statusId } }`;
const BOARD = `subscription($p: ID!) { boardChanges(pipelineId: $p) { initial changes { serverTime reset removedIds cards { id statusId } columns { statusId count } } } }`;
const CLIENT = `subscription($c: ID!) { clientChanged(clientId: $c) { clientId initial } }`;

interface Live<T> {
  events: T[];
  /** Resolves with the first event (already received or still to come) that satisfies `test`. */
  until(test: (event: T) => boolean): Promise<T>;
  error: Promise<unknown>;
  close(): Promise<void>;
}

/** A graphql-ws client as the browser opens it: with the session cookie and our own Origin. */
function socket(baseUrl: string, cookie: string | null, origin = baseUrl): Client {
  const headers: Record<string, string> = { origin };
  if (cookie) headers.cookie = cookie;
  class BrowserLike extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({ url: `${baseUrl.replace(/^http/, 'ws')}/graphql`, webSocketImpl: BrowserLike, retryAttempts: 0, lazy: true });
}

function subscribe<T>(client: Client, query: string, variables: Record<string, unknown>, field: string): Live<T> {
  const events: T[] = [];
  const waiters: Array<{ test: (e: T) => boolean; resolve: (e: T) => void }> = [];
  let fail!: (err: unknown) => void;
  const error = new Promise((_, reject) => (fail = reject));
  error.catch(() => undefined);
  const dispose = client.subscribe<Record<string, T>>(
    { query, variables },
    {
      next(result) {
        if (result.errors) return fail(result.errors);
        const event = result.data![field];
        events.push(event);
        for (const w of [...waiters]) if (w.test(event)) (waiters.splice(waiters.indexOf(w), 1), w.resolve(event));
      },
      error: (err) => fail(err),
      complete: () => undefined,
    },
  );
  return {
    events,
    error,
    until(test) {
      const seen = events.find(test);
      if (seen) return Promise.resolve(seen);
      return Promise.race([new Promise<T>((resolve) => waiters.push({ test, resolve })), error as Promise<T>]);
    },
    async close() {
      dispose();
      await client.dispose();
    },
  };
}

type BoardEvent = { initial: boolean; changes: { serverTime: string; reset: boolean; removedIds: string[]; cards: Array<{ id: string; statusId: string }>; columns: Array<{ statusId: string; count: number }> } };
const mentions = (e: BoardEvent, cardId: string) => e.changes.cards.some((c) => c.id === cardId) || e.changes.removedIds.includes(cardId);
const shows = (cardId: string, statusId: string) => (e: BoardEvent) => e.changes.cards.some((c) => c.id === cardId && c.statusId === statusId);

describe('live events over WebSocket', () => {
  let api: TestApi;
  let adminCookie: string;
  const open: Array<Live<unknown>> = [];
  const ds = () => api.db.dataSource;
  const live = <T>(cookie: string | null, query: string, variables: Record<string, unknown>, field: string, baseUrl = api.url) => {
    const l = subscribe<T>(socket(baseUrl, cookie), query, variables, field);
    open.push(l as Live<unknown>);
    return l;
  };

  beforeAll(async () => {
    api = await startTestApi();
    const admin = await api.buildUser({ role: Role.Admin });
    adminCookie = await api.login(admin.email);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((l) => l.close()));
  });
  afterAll(() => api.close());

  it('a Restricted and a department-limited user hear nothing of a card hidden from them; the admin hears every move', async () => {
    const { pipeline, statuses } = await buildPipeline(ds());
    const { department: mine } = await buildLabels(ds());
    const { department: theirs } = await buildLabels(ds());
    const restricted = await api.buildUser({ role: Role.Restricted });
    const limited = await api.buildUser({ role: Role.Normal });
    await ds().getRepository(User).save({ id: limited.id, departments: [{ id: mine.id } as Department] });
    const admin = (await ds().getRepository(User).findOneByOrFail({ role: Role.Admin })).id;
    // Hidden from both: owned by the admin, in another department. Visible to both: owned by the Restricted user, in "mine".
    const [hidden, visible] = await buildCards(ds(), [
      { status: statuses[0], ownerId: admin, departmentId: theirs.id },
      { status: statuses[0], ownerId: restricted.id, departmentId: mine.id },
    ]);

    const adminLive = live<BoardEvent>(adminCookie, BOARD, { p: pipeline.id }, 'boardChanges');
    const restrictedLive = live<BoardEvent>(await api.login(restricted.email), BOARD, { p: pipeline.id }, 'boardChanges');
    const limitedLive = live<BoardEvent>(await api.login(limited.email), BOARD, { p: pipeline.id }, 'boardChanges');
    // The first event says the stream is live.
    await Promise.all([adminLive, restrictedLive, limitedLive].map((l) => l.until((e) => e.initial)));
    const initial = { restricted: restrictedLive.events.length, limited: limitedLive.events.length };

    expect((await api.gql(MOVE, { input: { cardId: hidden.id, statusId: statuses[2].id } }, adminCookie)).errors).toBeUndefined();
    const heard = await adminLive.until(shows(hidden.id, statuses[2].id));
    expect(heard.changes.columns.find((c) => c.statusId === statuses[2].id)?.count).toBe(1);

    // A later move they may see reaches them: by then the hidden move's signal had long been handled.
    expect((await api.gql(MOVE, { input: { cardId: visible.id, statusId: statuses[1].id } }, adminCookie)).errors).toBeUndefined();
    for (const l of [restrictedLive, limitedLive]) {
      const event = await l.until(shows(visible.id, statuses[1].id));
      // Their column counts leave the hidden card out.
      expect(event.changes.columns.find((c) => c.statusId === statuses[2].id)?.count).toBe(0);
      expect(l.events.some((e) => mentions(e, hidden.id))).toBe(false);
    }
    // Nothing at all was sent to them between the start marker and the visible move.
    expect(restrictedLive.events.slice(initial.restricted)).toHaveLength(1);
    expect(limitedLive.events.slice(initial.limited)).toHaveLength(1);
    await adminLive.until(shows(visible.id, statuses[1].id));
  });

  it('a card taken away from a Restricted user is removed from their board (they had seen it)', async () => {
    const { pipeline, statuses } = await buildPipeline(ds());
    const restricted = await api.buildUser({ role: Role.Restricted });
    const other = await api.buildUser({ role: Role.Normal });
    const [card] = await buildCards(ds(), [{ status: statuses[0], ownerId: restricted.id }]);
    const l = live<BoardEvent>(await api.login(restricted.email), BOARD, { p: pipeline.id }, 'boardChanges');
    await l.until(() => true);
    const res = await api.gql(`mutation($id: ID!, $input: UpdateCardInput!) { updateCard(id: $id, input: $input) { id } }`, { id: card.id, input: { ownerId: other.id } }, adminCookie);
    expect(res.errors).toBeUndefined();
    await l.until((e) => e.changes.removedIds.includes(card.id));
  });

  it('refuses a socket without a session, from another origin, or for a pipeline that does not exist', async () => {
    const { pipeline } = await buildPipeline(ds());
    const anonymous = live<BoardEvent>(null, BOARD, { p: pipeline.id }, 'boardChanges');
    await expect(anonymous.error).rejects.toMatchObject({ code: 4403 });

    const foreign = subscribe<BoardEvent>(socket(api.url, adminCookie, 'http://evil.example'), BOARD, { p: pipeline.id }, 'boardChanges');
    open.push(foreign as Live<unknown>);
    await expect(foreign.error).rejects.toBeDefined();
    expect(foreign.events).toHaveLength(0);

    const missing = live<BoardEvent>(adminCookie, BOARD, { p: '00000000-0000-4000-8000-000000000000' }, 'boardChanges');
    await expect(missing.error).rejects.toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);

    const badFilter = live<BoardEvent>(adminCookie, `subscription($p: ID!) { boardChanges(pipelineId: $p, filter: { todoAssigneeId: "x" }) { initial } }`, { p: pipeline.id }, 'boardChanges');
    await expect(badFilter.error).rejects.toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);

    // Over HTTP a subscription gets no stream (and no data).
    const overHttp = await api.gql(BOARD, { p: pipeline.id }, adminCookie);
    expect(overHttp.errors?.length).toBeGreaterThan(0);
    expect(overHttp.data?.boardChanges ?? null).toBeNull();

    const query = live<unknown>(adminCookie, `query { me { id } }`, {}, 'me');
    await expect(query.error).rejects.toEqual([expect.objectContaining({ extensions: expect.objectContaining({ reason: 'NOT_A_SUBSCRIPTION' }) })]);
  });

  it('a move made through a second API instance reaches a subscriber of the first', async () => {
    const second: RunningServer = await createServer({ ...api.config, databaseUrl: api.db.url, port: 0 }, createLogger('silent'));
    try {
      const { pipeline, statuses } = await buildPipeline(ds());
      const [card] = await buildCards(ds(), [{ status: statuses[0] }]);
      const l = live<BoardEvent>(adminCookie, BOARD, { p: pipeline.id }, 'boardChanges');
      await l.until(() => true);
      // The session lives in PostgreSQL: the same cookie works on the second instance.
      const res = await fetch(`${second.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: adminCookie },
        body: JSON.stringify({ query: MOVE, variables: { input: { cardId: card.id, statusId: statuses[3].id } } }),
      });
      expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
      await l.until(shows(card.id, statuses[3].id));

      // And the other way round: a subscriber of the second hears a move made on the first.
      const l2 = live<BoardEvent>(adminCookie, BOARD, { p: pipeline.id }, 'boardChanges', second.url);
      await l2.until(() => true);
      await api.gql(MOVE, { input: { cardId: card.id, statusId: statuses[1].id } }, adminCookie);
      await l2.until(shows(card.id, statuses[1].id));
    } finally {
      await Promise.all(open.splice(0).map((l) => l.close()));
      await second.close();
    }
  });

  it("a worker's automation step (its own database connection) reaches the client card's subscriber", async () => {
    const { pipeline, statuses } = await buildPipeline(ds());
    const owner = await api.buildUser({ role: Role.Normal });
    const [card] = await buildCards(ds(), [{ status: statuses[0], ownerId: owner.id }]);
    const l = live<{ clientId: string; initial: boolean }>(adminCookie, CLIENT, { c: card.clientId }, 'clientChanged');
    expect(await l.until(() => true)).toEqual({ clientId: card.clientId, initial: true });

    const template = await ds().getRepository(TodoTemplate).save({ title: 'Call back', deadlineOffsetDays: 1, deadlineTime: '09:00' });
    const automation = await ds().getRepository(Automation).save({ pipelineId: pipeline.id, name: 'Follow up', createdById: owner.id, triggerKind: 'STATUS', triggerStatusId: statuses[0].id });
    await ds().getRepository(AutomationStep).save({ automationId: automation.id, position: 0, kind: StepKind.TodoForUser, todoTemplateId: template.id, recipient: 'OWNER' });
    // The worker is another process: its own connection pool and Redis connection, nothing of the API's
    // (set up as startWorker does).
    const worker = await createDataSource(api.db.url, { applicationName: 'crm-worker', poolSize: 2 }).initialize();
    const workerRedis = new Redis(api.config.redisUrl);
    installLivePublisher(worker, workerRedis);
    try {
      const opts = { timeZone: 'Europe/Budapest', messageDomain: 'crm.test' };
      const now = new Date();
      await activateAutomation(worker, automation.id, now, opts, owner.id);
      expect((await runDueSteps(worker, now, opts)).done).toBe(1);
      await l.until((e) => !e.initial);
    } finally {
      await worker.destroy();
      workerRedis.disconnect();
    }
  });

  it('a client card the user may not see cannot be subscribed to', async () => {
    const { statuses } = await buildPipeline(ds());
    const restricted = await api.buildUser({ role: Role.Restricted });
    const [card] = await buildCards(ds(), [{ status: statuses[0], ownerId: (await api.buildUser()).id }]);
    await ds().query(`UPDATE clients SET owner_id = $1 WHERE id = $2`, [card.ownerId, card.clientId]);
    const l = live<unknown>(await api.login(restricted.email), CLIENT, { c: card.clientId }, 'clientChanged');
    await expect(l.error).rejects.toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
  });
});
