// The load test (issue 16): simulated users working the board and the lists at once against one API
// process on this machine: each opens the board, scrolls a column, filters the list, opens a card
// (the client card's queries) and moves cards, with think time between actions. The API runs in a
// child process (as in production), so the users' own work does not share its event loop.
// Every user keeps the board's subscription open. Reports p50/p95 per operation, the error rate, and
// whether any move was lost: each user moves only its own cards, so after the run every card must
// stand in the status of its last accepted move, and the admin's live board must show it there.
import { Client as PgClient } from 'pg';
import { openLiveBoard, startApiProcess, type LiveBoard } from '../testing/processes';
import { percentile } from './floor';

export interface LoadOptions {
  users: number;
  seconds: number;
  /** Mean think time between a user's actions (uniform from half to one and a half times it). */
  thinkMs: number;
  /** Each user keeps the board's subscription open (as the board page does). */
  subscriptions: boolean;
}

export interface LoadOperation {
  name: string;
  count: number;
  errors: number;
  p50: number;
  p95: number;
  max: number;
}

export interface LoadResult {
  users: number;
  seconds: number;
  thinkMs: number;
  operations: LoadOperation[];
  requests: number;
  errorRate: number;
  requestsPerSecond: number;
  movesAccepted: number;
  movesLost: number;
  /** Open sockets, events pushed, and moved cards whose last move never reached the first user's board. */
  subscriptions: { open: number; eventsReceived: number; movesNotPushed: number } | null;
}

interface Fixture {
  pipelineId: string;
  statusIds: string[];
  tagIds: string[];
  userIds: string[];
}

const BOARD = `query($p: ID!) { board(pipelineId: $p) { status { id } count sums { currency amount } endCursor hasMore cards { id position client { id name } owner { id name } value currency nextTodo { title deadline } } } }`;
const COLUMN = `query($s: ID!, $after: String) { columnCards(statusId: $s, after: $after, first: 50) { endCursor hasMore cards { id position client { id name } owner { id name } value currency nextTodo { title deadline } } } }`;
const LIST = `query($p: ID!, $f: CardFilterInput) { cards(pipelineId: $p, filter: $f, sort: { field: CLIENT_NAME, direction: ASC }, page: { offset: 0, limit: 50 }) { total items { id client { name tags { name } } owner { name } value } } }`;
const CARD = `query($id: ID!) { card(id: $id) { id value currency statusId client { id } } }`;
const CLIENT = `query($id: ID!) { client(id: $id) { id name emails phones contacts { id name emails } tags { name } cards { id } } }`;
const TODOS = `query($c: ID!) { todos(cardId: $c) { id title deadline } }`;
const HISTORY = `query($c: ID!) { cardHistory(cardId: $c, limit: 50) { id action at } }`;
const MOVE = `mutation($i: MoveCardInput!) { moveCard(input: $i) { id statusId } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { id } }`;

export async function loadBench(dbUrl: string, redisUrl: string, fixture: Fixture, emails: string[], password: string, opts: LoadOptions): Promise<LoadResult> {
  const { url, stop } = await startApiProcess(dbUrl, redisUrl, { LOG_LEVEL: 'warn', LOGIN_MAX_FAILURES_PER_IP: '10000' });
  const times = new Map<string, number[]>();
  const errors = new Map<string, number>();
  const firstErrors: string[] = [];
  const record = (name: string, ms: number | null, err?: unknown) => {
    if (!times.has(name)) times.set(name, []);
    if (ms === null) {
      errors.set(name, (errors.get(name) ?? 0) + 1);
      if (firstErrors.length < 5) firstErrors.push(`${name}: ${err instanceof Error ? err.message : String(err)}`.slice(0, 300));
    } else times.get(name)!.push(ms);
  };
  const gql = async (cookie: string, query: string, variables: object) => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    if (!res.ok || body.errors) throw new Error(`${res.status} ${JSON.stringify(body.errors ?? null)}`);
    return body.data;
  };
  const timed = async <T>(name: string, run: () => Promise<T>): Promise<T | null> => {
    const start = performance.now();
    try {
      const out = await run();
      record(name, performance.now() - start);
      return out;
    } catch (err) {
      record(name, null, err);
      return null;
    }
  };

  const subs: LiveBoard[] = [];
  try {
    // Sign everyone in (the users share the bench's 50 accounts: two sessions each).
    const cookies: string[] = [];
    for (let i = 0; i < opts.users; i++) {
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: LOGIN, variables: { e: emails[i % emails.length], p: password } }) });
      const cookie = res.headers.get('set-cookie')?.split(';')[0];
      if (!cookie) throw new Error(`sign-in of ${emails[i % emails.length]} failed: ${res.status}`);
      cookies.push(cookie);
    }
    if (opts.subscriptions) for (const cookie of cookies) subs.push(await openLiveBoard(url, cookie, fixture.pipelineId));

    // Each user's own cards to move: a disjoint slice of the board's first pages, so the last
    // accepted move of each card is known.
    const board = (await gql(cookies[0], BOARD, { p: fixture.pipelineId })).board as Array<{ status: { id: string }; endCursor: string; cards: Array<{ id: string; client: { id: string } }> }>;
    const allCards = board.flatMap((col) => col.cards);
    const own = cookies.map((_, u) => allCards.filter((_, i) => i % opts.users === u));
    const lastMove = new Map<string, string>();
    // Warm up the fresh process (JIT, connection pool, plan cache) before the clock starts.
    for (let i = 0; i < 10; i++) {
      await gql(cookies[i % cookies.length], BOARD, { p: fixture.pipelineId });
      await gql(cookies[i % cookies.length], LIST, { p: fixture.pipelineId, f: { statusIds: [fixture.statusIds[i % 6]] } });
    }
    let movesAccepted = 0;

    const until = Date.now() + opts.seconds * 1000;
    const think = () => new Promise((r) => setTimeout(r, opts.thinkMs * (0.5 + Math.random())));
    const user = async (u: number) => {
      const cookie = cookies[u];
      // Spread the starts over one think time, as people do not all click at once.
      await new Promise((r) => setTimeout(r, Math.random() * opts.thinkMs));
      let cursor: string | null = null;
      let step = 0;
      while (Date.now() < until) {
        const pick = Math.random();
        const card = allCards[(u * 31 + step * 17) % allCards.length];
        step++;
        if (pick < 0.2) await timed('open the board', () => gql(cookie, BOARD, { p: fixture.pipelineId }));
        else if (pick < 0.35) {
          const status = board[step % board.length];
          const page = await timed('scroll a column (next 50)', () => gql(cookie, COLUMN, { s: status.status.id, after: cursor ?? status.endCursor }));
          cursor = page?.columnCards.hasMore ? page.columnCards.endCursor : null;
        } else if (pick < 0.6) {
          const f = [
            { statusIds: [fixture.statusIds[step % 6]] },
            { ownerIds: [fixture.userIds[step % fixture.userIds.length]] },
            { tagIds: [fixture.tagIds[step % fixture.tagIds.length]], text: ['alfa', 'trans', 'győr', 'tech'][step % 4] },
            { text: ['łódź', 'kraków', 'pécs', 'nitra'][step % 4] },
          ][step % 4];
          await timed('filter the list', () => gql(cookie, LIST, { p: fixture.pipelineId, f }));
        } else if (pick < 0.85) {
          // The client card: the card, its client with contacts, todos and history, as the page asks at once.
          await timed('open a card', () =>
            Promise.all([gql(cookie, CARD, { id: card.id }), gql(cookie, CLIENT, { id: card.client.id }), gql(cookie, TODOS, { c: card.id }), gql(cookie, HISTORY, { c: card.id })]),
          );
        } else if (own[u].length) {
          const mine = own[u][step % own[u].length];
          const to = fixture.statusIds[Math.floor(Math.random() * 6)];
          const moved = await timed('move a card', () => gql(cookie, MOVE, { i: { cardId: mine.id, statusId: to } }));
          if (moved) {
            lastMove.set(mine.id, moved.moveCard.statusId);
            movesAccepted++;
          }
        }
        await think();
      }
    };
    const started = Date.now();
    await Promise.all(cookies.map((_, u) => user(u)));
    const elapsed = (Date.now() - started) / 1000;

    // No move lost: every moved card stands where its last accepted move put it.
    const pg = new PgClient({ connectionString: dbUrl });
    await pg.connect();
    const ids = [...lastMove.keys()];
    const rows: Array<{ id: string; status_id: string }> = ids.length ? (await pg.query(`SELECT id, status_id FROM cards WHERE id = ANY($1::uuid[])`, [ids])).rows : [];
    await pg.end();
    const movesLost = rows.filter((r) => lastMove.get(r.id) !== r.status_id).length + (ids.length - rows.length);
    // Every move reached a live board: the first user's (the admin, who sees every card) shows each
    // moved card where the database has it, once the last pushes have arrived (waited for, up to 10 s).
    let movesNotPushed = 0;
    if (subs.length) {
      const behind = () => rows.filter((r) => subs[0].statusOf.get(r.id) !== r.status_id).length;
      const deadline = Date.now() + 10_000;
      while (behind() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      movesNotPushed = behind();
    }

    const operations: LoadOperation[] = [...times.entries()].map(([name, list]) => {
      const count = list.length + (errors.get(name) ?? 0);
      if (!list.length) return { name, count, errors: count, p50: 0, p95: 0, max: 0 };
      return { name, count, errors: errors.get(name) ?? 0, p50: percentile(list, 50), p95: percentile(list, 95), max: round(Math.max(...list)) };
    });
    const requests = operations.reduce((n, o) => n + o.count, 0);
    const failed = operations.reduce((n, o) => n + o.errors, 0);
    if (firstErrors.length) console.log(`First errors:\n  ${firstErrors.join('\n  ')}`);
    return {
      users: opts.users,
      seconds: Math.round(elapsed),
      thinkMs: opts.thinkMs,
      operations,
      requests,
      errorRate: requests ? failed / requests : 0,
      requestsPerSecond: Math.round((requests / elapsed) * 10) / 10,
      movesAccepted,
      movesLost,
      subscriptions: opts.subscriptions ? { open: subs.length, eventsReceived: subs.reduce((n, s) => n + s.received(), 0), movesNotPushed } : null,
    };
  } finally {
    await Promise.all(subs.map((s) => s.close().catch(() => undefined)));
    await stop();
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export function printLoad(r: LoadResult, machine: string, load: [number, number]) {
  console.log(
    `\nLoad: ${r.users} simulated users for ${r.seconds} s against one API process, think time ${r.thinkMs} ms on average; ${machine}; load average ${load[0].toFixed(1)} at the start, ${load[1].toFixed(1)} at the end\n`,
  );
  console.log('| operation | requests | errors | p50 | p95 | max |');
  console.log('|---|---|---|---|---|---|');
  for (const o of r.operations) console.log(`| ${o.name} | ${o.count.toLocaleString('en')} | ${o.errors} | ${o.p50} ms | ${o.p95} ms | ${o.max} ms |`);
  console.log(`\n${r.requests.toLocaleString('en')} operations (${r.requestsPerSecond}/s), error rate ${(r.errorRate * 100).toFixed(2)}%; moves accepted ${r.movesAccepted.toLocaleString('en')}, lost ${r.movesLost}`);
  if (r.subscriptions)
    console.log(`Board subscriptions open: ${r.subscriptions.open}; events pushed: ${r.subscriptions.eventsReceived.toLocaleString('en')}; moved cards whose last move did not reach the admin's live board: ${r.subscriptions.movesNotPushed}`);
}
