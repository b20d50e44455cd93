import ExcelJS from 'exceljs';
import { Card, Department, Status, User } from '@crm/db';
import { Role } from '@crm/shared';
import { startTestApi, TestApi } from '../../testing/api';
import { buildCards, buildLabels, buildPipeline, buildTodo, copyMismatches } from '../../testing/factories';
import { buildReportPeople } from './testing';

// The report and the card list it links to.
const FILTER_FIELDS = 'statusIds ownerIds unowned departmentIds categoryIds tagIds outcomes createdFrom createdTo enteredStatusIds enteredFrom enteredTo statusChangedFrom statusChangedTo';
const REPORT = `query($filter: ReportFilterInput!) { report(filter: $filter) {
  period { fromDay toDay from to previousFromDay previousToDay previousFrom previousTo timeZone }
  funnel { status { name } entered previousEntered convertedToNext conversion cards { ${FILTER_FIELDS} } }
  outcomes { winRate previousWinRate
    won { count previousCount sums { currency amount } cards { ${FILTER_FIELDS} } }
    lost { count previousCount sums { currency amount } cards { ${FILTER_FIELDS} } } }
  openPipeline { status { name } count sums { currency amount } cards { ${FILTER_FIELDS} } }
  activity { user { name } todosDone overdueTodos mailsSent repliesReceived notes cardsMoved cardsWon wonCards { ${FILTER_FIELDS} } }
  weekly { week newCards newClients cards { ${FILTER_FIELDS} } }
  timeInStatus { status { name } stays averageDays medianDays }
  automations { name state enrolled stepsDone mailSteps failures }
} }`;
const LIST = `query($p: ID!, $filter: CardFilterInput) { cards(pipelineId: $p, filter: $filter) { total } }`;

/** A CardFilter the report returned, as the list's input (nulls dropped). */
const asInput = (f: Record<string, unknown>) => Object.fromEntries(Object.entries(f).filter(([k, v]) => v !== null && k !== '__typename'));

describe('reports', () => {
  let api: TestApi;
  let pipelineId: string;
  let s: Record<string, Status>;
  let alice: User & { password: string }, bob: User & { password: string }, manager: User & { password: string }, admin: User & { password: string };
  let hu: Department, pl: Department;
  const cookies: Record<string, string> = {};

  // One week across the spring DST change in Budapest (Sunday 29 March 2026 has 23 hours):
  // Monday 23 March 00:00 +01:00 .. Monday 30 March 00:00 +02:00; the week before is the comparison.
  const WEEK = { period: 'CUSTOM', from: '2026-03-23', to: '2026-03-29' };

  /** A card's history through the audit trail (as the app writes it), then its current status. */
  async function history(card: Card, steps: Array<[string | null, string, string, string | null]>) {
    const ds = api.db.dataSource;
    for (const [from, to, at, actor] of steps) {
      await ds.query(
        `INSERT INTO audit_log (at, actor_id, action, entity, entity_id, card_id, client_id, changes) VALUES ($1, $2, $3, 'card', $4, $4, $5, $6)`,
        [at, actor, from ? 'move' : 'create', card.id, card.clientId, JSON.stringify({ statusId: [from ? s[from].id : null, s[to].id] })],
      );
    }
    const [, last, at] = steps.at(-1)!;
    await ds.query(`UPDATE cards SET status_id = $1, status_changed_at = $2 WHERE id = $3`, [s[last].id, at, card.id]);
  }

  beforeAll(async () => {
    api = await startTestApi();
    const ds = api.db.dataSource;
    const fixture = await buildPipeline(ds);
    pipelineId = fixture.pipeline.id;
    s = Object.fromEntries(fixture.statuses.map((st) => [st.name, st]));
    const people = await buildReportPeople(api);
    ({ hu, pl, alice, bob, manager, admin } = people);
    Object.assign(cookies, people.cookies);

    const card = (name: string, ownerId: string, departmentId: string, value: number, currency: string, createdAt: string) =>
      ({ status: s.Lead, name, ownerId, departmentId, value, currency, createdAt: new Date(createdAt) });
    const [A, B, C, D, E, G, H, F] = await buildCards(ds, [
      card('A', alice.id, hu.id, 1000, 'EUR', '2026-03-10T10:00:00Z'),
      card('B', bob.id, pl.id, 500000, 'HUF', '2026-03-17T10:00:00Z'),
      card('C', bob.id, hu.id, 200, 'EUR', '2026-03-24T10:00:00Z'),
      card('D', alice.id, pl.id, 2000, 'PLN', '2026-03-16T10:00:00Z'),
      card('E', bob.id, hu.id, 150000, 'HUF', '2026-03-25T10:00:00Z'),
      card('G', alice.id, hu.id, 50, 'EUR', '2026-03-23T10:00:00Z'),
      card('H', bob.id, hu.id, 700, 'EUR', '2026-02-01T10:00:00Z'),
      card('F', alice.id, hu.id, 10, 'EUR', '2026-03-24T10:00:00Z'),
    ]);
    // Clients are as new as their cards.
    await ds.query(`UPDATE clients SET created_at = c.created_at FROM cards c WHERE c.client_id = clients.id`);
    // A moves back and forth, then is won at 23:30 on the DST Sunday (21:30Z): inside the week.
    await history(A, [
      [null, 'Lead', '2026-03-10T10:00:00Z', alice.id],
      ['Lead', 'Contacted', '2026-03-23T09:00:00Z', alice.id],
      ['Contacted', 'Lead', '2026-03-24T09:00:00Z', alice.id],
      ['Lead', 'Contacted', '2026-03-25T09:00:00Z', alice.id],
      ['Contacted', 'Proposal', '2026-03-26T09:00:00Z', alice.id],
      ['Proposal', 'Won', '2026-03-29T21:30:00Z', alice.id],
    ]);
    // B is lost, then reopened: not lost any more.
    await history(B, [
      [null, 'Lead', '2026-03-17T10:00:00Z', bob.id],
      ['Lead', 'Contacted', '2026-03-18T10:00:00Z', bob.id],
      ['Contacted', 'Lost', '2026-03-24T10:00:00Z', bob.id],
      ['Lost', 'Contacted', '2026-03-26T10:00:00Z', bob.id],
    ]);
    // C is lost at 00:30 on Monday 30 March local time (22:30Z on the 29th): the week after.
    await history(C, [[null, 'Lead', '2026-03-24T10:00:00Z', bob.id], ['Lead', 'Lost', '2026-03-29T22:30:00Z', bob.id]]);
    // D was won in the week before.
    await history(D, [[null, 'Lead', '2026-03-16T10:00:00Z', alice.id], ['Lead', 'Won', '2026-03-20T10:00:00Z', alice.id]]);
    // E is won by the manager's move; G is lost.
    await history(E, [[null, 'Lead', '2026-03-25T10:00:00Z', bob.id], ['Lead', 'Won', '2026-03-27T10:00:00Z', manager.id]]);
    await history(G, [[null, 'Lead', '2026-03-23T10:00:00Z', alice.id], ['Lead', 'Lost', '2026-03-28T10:00:00Z', alice.id]]);
    await history(H, [[null, 'Proposal', '2026-02-01T10:00:00Z', bob.id]]);
    // F is in the trash: it counts nowhere.
    await history(F, [[null, 'Lead', '2026-03-24T10:00:00Z', alice.id]]);
    await ds.query(`UPDATE cards SET deleted_at = now() WHERE id = $1`, [F.id]);
    await ds.query(`UPDATE clients SET deleted_at = now() WHERE id = $1`, [F.clientId]);

    // Activity.
    await ds.query(`UPDATE todos SET done_at = $2 WHERE id = $1`, [(await buildTodo(ds, A, alice.id)).id, '2026-03-24T12:00:00Z']);
    await ds.query(`UPDATE todos SET done_at = $2 WHERE id = $1`, [(await buildTodo(ds, B, bob.id)).id, '2026-03-30T10:00:00Z']);
    await buildTodo(ds, B, bob.id, new Date('2026-03-20T10:00:00Z')); // overdue, open
    await ds.query(`UPDATE todos SET done_at = $2 WHERE id = $1`, [(await buildTodo(ds, F, alice.id)).id, '2026-03-24T12:00:00Z']);
    const mail = (cardId: string, clientId: string, status: string, sentAt: string | null, key: string) =>
      ds.query(
        `INSERT INTO outbox_mails (idempotency_key, card_id, client_id, from_address, from_name, to_addresses, subject, html, text, status, message_id, sent_at, created_by_id)
         VALUES ($1, $2, $3, 'alice@example.com', 'Alice', '{x@example.com}', 'Hi', '', '', $4, $1, $5, $6)`,
        [key, cardId, clientId, status, sentAt, alice.id],
      );
    await mail(A.id, A.clientId, 'SENT', '2026-03-25T10:00:00Z', 'm1');
    await mail(A.id, A.clientId, 'QUEUED', null, 'm2');
    await ds.query(`INSERT INTO inbound_mails (message_id, from_address, kind, client_id, received_at) VALUES ('r1', 'x@example.com', 'CLIENT', $1, '2026-03-26T10:00:00Z')`, [B.clientId]);
    await ds.query(`INSERT INTO notes (card_id, client_id, author_id, body, created_at) VALUES ($1, $2, $3, 'Called', '2026-03-26T10:00:00Z')`, [E.id, E.clientId, bob.id]);

    // An automation: A (Hungary) got a mail, then a todo step failed; B (Poland) got a mail; one more ran the week after.
    const [{ id: auto }] = await ds.query(`INSERT INTO automations (pipeline_id, name, trigger_kind, trigger_status_id, state) VALUES ($1, 'Welcome', 'STATUS', $2, 'ACTIVE') RETURNING id`, [pipelineId, s.Lead.id]);
    const [{ id: mailStep }] = await ds.query(`INSERT INTO automation_steps (automation_id, position, kind) VALUES ($1, 0, 'EMAIL_TO_CONTACT') RETURNING id`, [auto]);
    const [{ id: todoStep }] = await ds.query(`INSERT INTO automation_steps (automation_id, position, kind) VALUES ($1, 1, 'TODO_FOR_USER') RETURNING id`, [auto]);
    const enrol = async (card: Card, at: string) =>
      (await ds.query(`INSERT INTO automation_enrolments (automation_id, card_id, state, entered_at) VALUES ($1, $2, 'ACTIVE', $3) RETURNING id`, [auto, card.id, at]))[0].id;
    const run = (enrolment: string, step: string, card: Card, status: string, at: string) =>
      ds.query(`INSERT INTO automation_runs (automation_id, enrolment_id, step_id, card_id, due_at, status, finished_at) VALUES ($1, $2, $3, $4, $5, $6, $5)`, [auto, enrolment, step, card.id, at, status]);
    const ea = await enrol(A, '2026-03-24T10:00:00Z');
    await run(ea, mailStep, A, 'DONE', '2026-03-25T10:00:00Z');
    await run(ea, todoStep, A, 'FAILED', '2026-03-26T10:00:00Z');
    const eb = await enrol(B, '2026-03-25T10:00:00Z');
    await run(eb, mailStep, B, 'DONE', '2026-03-25T11:00:00Z');
    const ec = await enrol(C, '2026-03-24T10:00:00Z');
    await run(ec, mailStep, C, 'DONE', '2026-03-30T10:00:00Z');
  }, 60_000);
  afterAll(() => api.close());

  async function report(who: string, filter: Record<string, unknown> = {}) {
    const res: any = await api.gql(REPORT, { filter: { pipelineId, ...WEEK, ...filter } }, cookies[who]);
    expect(res.errors).toBeUndefined();
    return res.data.report;
  }

  /** Every linked figure equals the card list's total for the filter beside it, for the same reader. */
  async function expectListTotals(who: string, r: any) {
    const figures: Array<[number, Record<string, unknown>]> = [
      ...r.funnel.map((f: any) => [f.entered, f.cards]),
      [r.outcomes.won.count, r.outcomes.won.cards],
      [r.outcomes.lost.count, r.outcomes.lost.cards],
      ...r.openPipeline.map((o: any) => [o.count, o.cards]),
      ...r.activity.map((a: any) => [a.cardsWon, a.wonCards]),
      ...r.weekly.map((w: any) => [w.newCards, w.cards]),
    ];
    for (const [count, filter] of figures) {
      const list: any = await api.gql(LIST, { p: pipelineId, filter: asInput(filter) }, cookies[who]);
      expect({ filter, total: list.data.cards.total }).toEqual({ filter, total: count });
    }
  }

  const funnel = (r: any) => Object.fromEntries(r.funnel.map((f: any) => [f.status.name, [f.entered, f.previousEntered]]));

  it('cuts the period at local midnight across the DST change, with the week before for comparison', async () => {
    const r = await report('Admin');
    expect(r.period).toEqual({
      fromDay: '2026-03-23', toDay: '2026-03-29', from: '2026-03-22T23:00:00.000Z', to: '2026-03-29T22:00:00.000Z',
      previousFromDay: '2026-03-16', previousToDay: '2026-03-22', previousFrom: '2026-03-15T23:00:00.000Z', previousTo: '2026-03-22T23:00:00.000Z',
      timeZone: 'Europe/Budapest',
    });
  });

  it('gives an admin every figure, computed by hand, and the list totals behind them', async () => {
    const r = await report('Admin');
    // Each card once per status, however often it came back; C's loss falls into the next week, F is trashed.
    expect(funnel(r)).toEqual({ Lead: [4, 2], Contacted: [2, 1], Proposal: [1, 0], Won: [2, 1], Lost: [2, 0] });
    // Of those that entered: Lead -> Contacted: A (back and forth, counted once); C, E and G never did.
    // Contacted -> Proposal: A, not B. Proposal -> Won: A.
    expect(r.funnel.map((f: any) => [f.status.name, f.convertedToNext])).toEqual([['Lead', 1], ['Contacted', 1], ['Proposal', 1], ['Won', null], ['Lost', null]]);
    expect(r.funnel.map((f: any) => f.conversion)).toEqual([0.25, 0.5, 1, null, null]);
    expect(r.outcomes.won).toMatchObject({ count: 2, previousCount: 1, sums: [{ currency: 'EUR', amount: 1000 }, { currency: 'HUF', amount: 150000 }] });
    // B was lost and reopened: not lost. G is.
    expect(r.outcomes.lost).toMatchObject({ count: 1, previousCount: 0, sums: [{ currency: 'EUR', amount: 50 }] });
    expect(r.outcomes.winRate).toBeCloseTo(2 / 3);
    expect(r.outcomes.previousWinRate).toBe(1);
    expect(r.openPipeline.map((o: any) => [o.status.name, o.count, o.sums])).toEqual([
      ['Lead', 0, []],
      ['Contacted', 1, [{ currency: 'HUF', amount: 500000 }]],
      ['Proposal', 1, [{ currency: 'EUR', amount: 700 }]],
    ]);
    const activity = r.activity.map(({ wonCards: _w, ...a }: any) => ({ ...a, user: a.user.name }));
    expect(activity).toEqual([
      { user: 'Alice', todosDone: 1, overdueTodos: 0, mailsSent: 1, repliesReceived: 0, notes: 0, cardsMoved: 6, cardsWon: 1 },
      { user: 'Bob', todosDone: 0, overdueTodos: 1, mailsSent: 0, repliesReceived: 1, notes: 1, cardsMoved: 2, cardsWon: 1 },
      { user: 'Manager HU', todosDone: 0, overdueTodos: 0, mailsSent: 0, repliesReceived: 0, notes: 0, cardsMoved: 1, cardsWon: 0 },
    ]);
    expect(r.weekly.map((w: any) => [w.week, w.newCards, w.newClients])).toEqual([['2026-03-23', 3, 3]]);
    // Stays that ended in the week: Lead A 12 d 23 h (10 March 10:00Z to 23 March 09:00Z), A 1 d, E 2 d, G 5 d; Contacted A 1, A 1, B 6;
    // Proposal A 3.52 d (to 23:30 local on the DST Sunday); Lost B 2 d (reopened). C's Lead ends the week after.
    const days = Object.fromEntries(r.timeInStatus.map((t: any) => [t.status.name, [t.stays, t.averageDays && +t.averageDays.toFixed(4), t.medianDays && +t.medianDays.toFixed(4)]]));
    expect(days).toEqual({ Lead: [4, 5.2396, 3.5], Contacted: [3, 2.6667, 1], Proposal: [1, 3.5208, 3.5208], Won: [0, null, null], Lost: [1, 2, 2] });
    expect(r.automations).toEqual([{ name: 'Welcome', state: 'ACTIVE', enrolled: 3, stepsDone: 2, mailSteps: 2, failures: 1 }]);
    await expectListTotals('Admin', r);
  });

  it('limits a department manager to their departments, and the list agrees', async () => {
    const r = await report('Manager HU');
    expect(funnel(r)).toEqual({ Lead: [4, 0], Contacted: [1, 0], Proposal: [1, 0], Won: [2, 0], Lost: [1, 0] });
    expect(r.outcomes.won.count).toBe(2);
    expect(r.outcomes.lost.count).toBe(1);
    expect(r.openPipeline.map((o: any) => o.count)).toEqual([0, 0, 1]);
    expect(r.automations).toEqual([{ name: 'Welcome', state: 'ACTIVE', enrolled: 2, stepsDone: 1, mailSteps: 1, failures: 1 }]);
    // B (Poland) is out of sight: no reply, no reopening for Bob.
    expect(r.activity.find((a: any) => a.user.name === 'Bob')).toMatchObject({ repliesReceived: 0, cardsMoved: 0, overdueTodos: 0, notes: 1 });
    await expectListTotals('Manager HU', r);
  });

  it('shows a Normal user their own numbers only, and the list agrees', async () => {
    // Asking for Alice's cards changes nothing: Bob reads Bob.
    const r = await report('Bob', { ownerIds: [alice.id] });
    expect(funnel(r)).toEqual({ Lead: [2, 1], Contacted: [1, 1], Proposal: [0, 0], Won: [1, 0], Lost: [1, 0] });
    expect(r.outcomes.won).toMatchObject({ count: 1, sums: [{ currency: 'HUF', amount: 150000 }] });
    expect(r.activity.map((a: any) => a.user.name)).toEqual(['Bob']);
    await expectListTotals('Bob', r);
  });

  it('filters by owner and department for a manager, and the list agrees', async () => {
    const r = await report('Admin', { ownerIds: [alice.id], departmentIds: [hu.id] });
    expect(funnel(r)).toEqual({ Lead: [2, 0], Contacted: [1, 0], Proposal: [1, 0], Won: [1, 0], Lost: [1, 0] });
    expect(r.activity.map((a: any) => a.user.name)).toEqual(['Alice']);
    await expectListTotals('Admin', r);
  });

  it("filters by department alone, intersected with a manager's departments, and the list agrees", async () => {
    // Poland: B (lost in the week, reopened) and D (won the week before), both created before the week.
    const r = await report('Admin', { departmentIds: [pl.id] });
    expect(funnel(r)).toEqual({ Lead: [0, 2], Contacted: [1, 1], Proposal: [0, 0], Won: [0, 1], Lost: [1, 0] });
    expect(r.outcomes.won).toMatchObject({ count: 0, previousCount: 1 });
    expect(r.outcomes.lost.count).toBe(0);
    expect(r.openPipeline.map((o: any) => o.count)).toEqual([0, 1, 0]);
    expect(r.activity.find((a: any) => a.user.name === 'Bob')).toMatchObject({ repliesReceived: 1, cardsMoved: 2, overdueTodos: 1, notes: 0 });
    expect(r.weekly.map((w: any) => [w.newCards, w.newClients])).toEqual([[0, 0]]);
    await expectListTotals('Admin', r);
    // The Hungarian manager asking for Poland sees nothing; for Hungary, what they see anyway.
    const none = await report('Manager HU', { departmentIds: [pl.id] });
    expect(funnel(none)).toEqual({ Lead: [0, 0], Contacted: [0, 0], Proposal: [0, 0], Won: [0, 0], Lost: [0, 0] });
    expect([none.outcomes.won.count, none.outcomes.lost.count, ...none.openPipeline.map((o: any) => o.count)]).toEqual([0, 0, 0, 0, 0]);
    expect(none.activity.every((a: any) => a.cardsMoved + a.todosDone + a.repliesReceived + a.notes + a.cardsWon === 0)).toBe(true);
    await expectListTotals('Manager HU', none);
    const own = await report('Manager HU', { departmentIds: [hu.id] });
    const all = await report('Manager HU');
    expect({ funnel: funnel(own), outcomes: own.outcomes.won.count, open: own.openPipeline.map((o: any) => o.count) }).toEqual({
      funnel: funnel(all),
      outcomes: all.outcomes.won.count,
      open: all.openPipeline.map((o: any) => o.count),
    });
  });

  it('filters by one tag or one category (read from the totals per label) and by both (the cards of the clients that carry both, read by client), for an admin, a department manager and a Normal user, and the lists agree', async () => {
    const ds = api.db.dataSource;
    const { tag, category } = await buildLabels(ds);
    const clients = (names: string[]) => `SELECT id FROM clients WHERE name = ANY('{${names.join(',')}}'::text[])`;
    // Tag: A (Alice, Hungary), B (Bob, Poland), E and H (Bob, Hungary), in one statement as a mass action does; category: A, C and D.
    await ds.query(`INSERT INTO client_tags (client_id, tag_id) SELECT id, $1 FROM (${clients(['A', 'B', 'E', 'H'])}) x`, [tag.id]);
    await ds.query(`INSERT INTO client_categories (client_id, category_id) SELECT id, $1 FROM (${clients(['A', 'C', 'D'])}) x`, [category.id]);
    const people = (r: any) => Object.fromEntries(r.activity.map(({ wonCards: _w, user, ...a }: any) => [user.name, a]));
    const idle = { todosDone: 0, overdueTodos: 0, mailsSent: 0, repliesReceived: 0, notes: 0, cardsMoved: 0, cardsWon: 0 };

    const tagged = await report('Admin', { tagIds: [tag.id] });
    expect(tagged.openPipeline.map((o: any) => [o.count, o.sums])).toEqual([[0, []], [1, [{ currency: 'HUF', amount: 500000 }]], [1, [{ currency: 'EUR', amount: 700 }]]]);
    expect(tagged.outcomes.won).toMatchObject({ count: 2, previousCount: 0, sums: [{ currency: 'EUR', amount: 1000 }, { currency: 'HUF', amount: 150000 }] });
    expect(tagged.outcomes.lost).toMatchObject({ count: 0, previousCount: 0 });
    // G's loss (Alice's sixth move) is not tagged.
    expect(people(tagged)).toEqual({
      Alice: { ...idle, todosDone: 1, mailsSent: 1, cardsMoved: 5, cardsWon: 1 },
      Bob: { ...idle, overdueTodos: 1, repliesReceived: 1, notes: 1, cardsMoved: 2, cardsWon: 1 },
      'Manager HU': { ...idle, cardsMoved: 1 },
    });
    await expectListTotals('Admin', tagged);

    const categorised = await report('Admin', { categoryIds: [category.id] });
    expect(categorised.openPipeline.map((o: any) => o.count)).toEqual([0, 0, 0]);
    expect(categorised.outcomes.won).toMatchObject({ count: 1, previousCount: 1, sums: [{ currency: 'EUR', amount: 1000 }] });
    expect(people(categorised)).toEqual({ Alice: { ...idle, todosDone: 1, mailsSent: 1, cardsMoved: 5, cardsWon: 1 } });
    await expectListTotals('Admin', categorised);

    // The manager of Hungary: B (Poland) is out of sight.
    const managed = await report('Manager HU', { tagIds: [tag.id] });
    expect(managed.openPipeline.map((o: any) => o.count)).toEqual([0, 0, 1]);
    expect(managed.outcomes.won.count).toBe(2);
    expect(people(managed).Bob).toEqual({ ...idle, notes: 1, cardsWon: 1 });
    await expectListTotals('Manager HU', managed);

    // Bob's own tagged cards: B, E and H.
    const own = await report('Bob', { tagIds: [tag.id] });
    expect(own.openPipeline.map((o: any) => o.count)).toEqual([0, 1, 1]);
    expect(own.outcomes.won).toMatchObject({ count: 1, sums: [{ currency: 'HUF', amount: 150000 }] });
    expect(people(own)).toEqual({ Bob: { ...idle, overdueTodos: 1, repliesReceived: 1, notes: 1, cardsMoved: 2, cardsWon: 1 } });
    await expectListTotals('Bob', own);

    // The tag and the category: A alone (its cards read by client, not the totals per label).
    const both = await report('Admin', { tagIds: [tag.id], categoryIds: [category.id] });
    expect(both.outcomes.won).toMatchObject({ count: 1, sums: [{ currency: 'EUR', amount: 1000 }] });
    expect(people(both)).toEqual({ Alice: { ...idle, todosDone: 1, mailsSent: 1, cardsMoved: 5, cardsWon: 1 } });
    await expectListTotals('Admin', both);

    // Untagged again: the tag's figures are empty.
    await ds.query(`DELETE FROM client_tags WHERE tag_id = $1`, [tag.id]);
    const untagged = await report('Admin', { tagIds: [tag.id] });
    expect([untagged.outcomes.won.count, ...untagged.openPipeline.map((o: any) => o.count), untagged.activity.length]).toEqual([0, 0, 0, 0, 0]);
    await ds.query(`DELETE FROM client_categories WHERE category_id = $1`, [category.id]);
  });

  it('follows a client to another department and back (an edit, then a mass update), and the lists agree', async () => {
    // C (Bob, Hungary: entered Lead in the week) moves to Poland by an edit of its client, then back by a mass update.
    const [{ client_id: c }] = await api.db.dataSource.query(`SELECT c.client_id FROM cards c JOIN clients cl ON cl.id = c.client_id WHERE cl.name = 'C'`);
    const edit = await api.gql(`mutation($id: ID!, $input: UpdateClientInput!) { updateClient(id: $id, input: $input) { client { id } } }`, { id: c, input: { departmentId: pl.id } }, cookies.Admin);
    expect(edit.errors).toBeUndefined();
    try {
      const hungary = await report('Manager HU');
      expect(funnel(hungary)).toEqual({ Lead: [3, 0], Contacted: [1, 0], Proposal: [1, 0], Won: [2, 0], Lost: [1, 0] });
      await expectListTotals('Manager HU', hungary);
      const poland = await report('Admin', { departmentIds: [pl.id] });
      expect(funnel(poland)).toEqual({ Lead: [1, 2], Contacted: [1, 1], Proposal: [0, 0], Won: [0, 1], Lost: [1, 0] });
      expect(poland.weekly.map((w: any) => [w.newCards, w.newClients])).toEqual([[1, 1]]);
      await expectListTotals('Admin', poland);
    } finally {
      const [{ id: card }] = await api.db.dataSource.query(`SELECT c.id FROM cards c WHERE c.client_id = $1`, [c]);
      const mass = await api.gql(`mutation($input: MassUpdateCardsInput!) { massUpdateCards(input: $input) { changed } }`, { input: { pipelineId, cardIds: [card], change: { departmentId: hu.id } } }, cookies.Admin);
      expect(mass.errors).toBeUndefined();
    }
    const back = await report('Manager HU');
    expect(funnel(back)).toEqual({ Lead: [4, 0], Contacted: [1, 0], Proposal: [1, 0], Won: [2, 0], Lost: [1, 0] });
    await expectListTotals('Manager HU', back);
  });

  it('follows cards to another owner and back (one card, a mass update, the trash and a restore), and the owners\' lists agree', async () => {
    const ds = api.db.dataSource;
    const gql = async (query: string, variables: Record<string, unknown>) => expect((await api.gql(query, variables, cookies.Admin)).errors).toBeUndefined();
    const UPDATE = `mutation($id: ID!, $input: UpdateCardInput!) { updateCard(id: $id, input: $input) { id } }`;
    const MASS = `mutation($input: MassUpdateCardsInput!) { massUpdateCards(input: $input) { changed } }`;
    const [{ id: C }] = await ds.query(`SELECT c.id FROM cards c JOIN clients cl ON cl.id = c.client_id WHERE cl.name = 'C'`);
    const [{ id: E }] = await ds.query(`SELECT c.id FROM cards c JOIN clients cl ON cl.id = c.client_id WHERE cl.name = 'E'`);
    const bobs = { Lead: [2, 1], Contacted: [1, 1], Proposal: [0, 0], Won: [1, 0], Lost: [1, 0] };
    const alices = funnel(await report('Alice'));
    /** The owner on every live history row is its card's, and each owner's report (their own, a manager's and an admin's filter) agrees with the lists. */
    const expectFunnels = async (bobsNow: Record<string, number[]>, alicesNow: Record<string, number[]>) => {
      expect((await copyMismatches(ds)).history).toEqual([]);
      expect(funnel(await report('Bob'))).toEqual(bobsNow);
      expect(funnel(await report('Alice'))).toEqual(alicesNow);
      expect(funnel(await report('Admin', { ownerIds: [bob.id] }))).toEqual(bobsNow);
      for (const [who, filter] of [['Bob', {}], ['Alice', {}], ['Admin', { ownerIds: [bob.id] }], ['Manager HU', { ownerIds: [alice.id] }]] as const) {
        await expectListTotals(who, await report(who, filter));
      }
    };
    // C (Bob's, entered Lead in the week) to Alice by an edit of the card.
    await gql(UPDATE, { id: C, input: { ownerId: alice.id } });
    await expectFunnels({ ...bobs, Lead: [1, 1] }, { ...alices, Lead: [alices.Lead[0] + 1, alices.Lead[1]] });
    // C and E (entered Lead and was won in the week) to Alice by a mass update.
    await gql(MASS, { input: { pipelineId, cardIds: [C, E], change: { ownerId: alice.id } } });
    await expectFunnels({ ...bobs, Lead: [0, 1], Won: [0, 0] }, { ...alices, Lead: [alices.Lead[0] + 2, alices.Lead[1]], Won: [alices.Won[0] + 1, alices.Won[1]] });
    // C to the trash, given back to Bob there, then restored: Bob's again.
    await gql(`mutation($id: ID!) { deleteCard(id: $id) }`, { id: C });
    await ds.query(`UPDATE cards SET owner_id = $1 WHERE id = $2`, [bob.id, C]);
    await expectFunnels({ ...bobs, Lead: [0, 1], Won: [0, 0] }, { ...alices, Lead: [alices.Lead[0] + 1, alices.Lead[1]], Won: [alices.Won[0] + 1, alices.Won[1]] });
    await gql(`mutation($id: ID!) { restoreFromTrash(kind: CARD, id: $id) }`, { id: C });
    await expectFunnels({ ...bobs, Lead: [1, 1], Won: [0, 0] }, { ...alices, Lead: [alices.Lead[0] + 1, alices.Lead[1]], Won: [alices.Won[0] + 1, alices.Won[1]] });
    // E back to Bob: as before.
    await gql(MASS, { input: { pipelineId, cardIds: [E], change: { ownerId: bob.id } } });
    await expectFunnels(bobs, alices);
  });

  it('refuses Restricted users and a custom period without days', async () => {
    const restricted = await api.buildUser({ role: Role.Restricted });
    const cookie = await api.login(restricted.email, restricted.password);
    const res = await api.gql(REPORT, { filter: { pipelineId, ...WEEK } }, cookie);
    expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
    const bad = await api.gql(`query($f: ReportFilterInput!) { report(filter: $f) { period { fromDay } } }`, { f: { pipelineId, period: 'CUSTOM' } }, cookies.Admin);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('records moves made through the app in the status history', async () => {
    const [card] = await buildCards(api.db.dataSource, [{ status: s.Lead, ownerId: alice.id }]);
    const move = await api.gql(`mutation($input: MoveCardInput!) { moveCard(input: $input) { id } }`, { input: { cardId: card.id, statusId: s.Contacted.id } }, cookies.Alice);
    expect(move.errors).toBeUndefined();
    const rows = await api.db.dataSource.query(`SELECT status_id, from_status_id, actor_id FROM card_status_changes WHERE card_id = $1`, [card.id]);
    expect(rows).toEqual([{ status_id: s.Contacted.id, from_status_id: s.Lead.id, actor_id: alice.id }]);
  });
  it('keeps the outcome totals equal to the cards through inserts, moves, edits, mass updates and the trash', async () => {
    const ds = api.db.dataSource;
    const other = await buildPipeline(ds);
    const [lead, , , won, lost] = other.statuses;
    const cards = await buildCards(ds, [
      { status: lead, ownerId: alice.id, value: 100, currency: 'EUR' },
      { status: lead, ownerId: bob.id, value: 200, currency: 'EUR' },
      { status: lead, ownerId: bob.id, currency: 'HUF' },
      { status: won, ownerId: alice.id, value: 300, currency: 'PLN' },
    ]);
    const ids = cards.map((c) => c.id);
    const totals = () =>
      ds.query(
        `SELECT status_id, hour, owner_id, currency, count::int, valued::int, amount::float8 FROM card_outcome_totals
         WHERE count <> 0 AND status_id = ANY($1::uuid[]) ORDER BY 1, 2, 3, 4`,
        [other.statuses.map((st) => st.id)],
      );
    const fromCards = () =>
      ds.query(
        `SELECT status_id, date_trunc('hour', status_changed_at, 'UTC') AS hour, owner_id, currency, count(*)::int AS count, count(value)::int AS valued,
           coalesce(sum(value), 0)::float8 AS amount
         FROM cards WHERE deleted_at IS NULL AND pipeline_id = $1 GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
        [other.pipeline.id],
      );
    expect(await totals()).toEqual(await fromCards());
    expect((await totals()).length).toBe(4);
    // One statement moving several cards, an edit of value and owner, a win in another hour, the trash.
    await ds.query(`UPDATE cards SET status_id = $1, status_changed_at = '2026-03-24T10:15:00Z' WHERE id = ANY($2::uuid[])`, [won.id, ids.slice(0, 2)]);
    await ds.query(`UPDATE cards SET value = 50, owner_id = $1 WHERE id = $2`, [alice.id, ids[2]]);
    await ds.query(`UPDATE cards SET status_id = $1, status_changed_at = '2026-03-24T11:00:00Z' WHERE id = $2`, [lost.id, ids[2]]);
    await ds.query(`UPDATE cards SET deleted_at = now() WHERE id = $1`, [ids[3]]);
    expect(await totals()).toEqual(await fromCards());
    // Won: Alice's 100 EUR and Bob's 200 EUR in the 10:00 hour; lost: the HUF card, now Alice's, at 50.
    expect(new Set((await totals()).map((r: any) => `${r.status_id === won.id ? 'won' : 'lost'} ${r.owner_id === alice.id ? 'Alice' : 'Bob'} ${r.count} ${r.amount} ${r.hour.toISOString()}`))).toEqual(
      new Set(['won Alice 1 100 2026-03-24T10:00:00.000Z', 'won Bob 1 200 2026-03-24T10:00:00.000Z', 'lost Alice 1 50 2026-03-24T11:00:00.000Z']),
    );
    await ds.query(`DELETE FROM cards WHERE id = ANY($1::uuid[])`, [ids]);
    expect(await totals()).toEqual([]);
  });
  it('keeps the history mark of live cards in their pipeline (read instead of the cards) through the trash, a pipeline move and deletes', async () => {
    const ds = api.db.dataSource;
    const first = await buildPipeline(ds);
    const second = await buildPipeline(ds);
    const cards = await buildCards(ds, [{ status: first.statuses[0] }, { status: first.statuses[0] }, { status: first.statuses[0] }]);
    const ids = cards.map((c) => c.id);
    for (const card of cards) {
      await ds.query(
        `INSERT INTO audit_log (actor_id, action, entity, entity_id, card_id, client_id, changes) VALUES (NULL, 'move', 'card', $1, $1, $2, $3)`,
        [card.id, card.clientId, JSON.stringify({ statusId: [first.statuses[0].id, first.statuses[1].id] })],
      );
    }
    const marks = () => ds.query(`SELECT card_id, pipeline_id, card_current FROM card_status_changes WHERE card_id = ANY($1::uuid[]) ORDER BY id`, [ids]);
    const truth = () =>
      ds.query(
        `SELECT h.card_id, h.pipeline_id, coalesce(c.deleted_at IS NULL AND c.pipeline_id = h.pipeline_id, false) AS card_current
         FROM card_status_changes h LEFT JOIN cards c ON c.id = h.card_id WHERE h.card_id = ANY($1::uuid[]) ORDER BY h.id`,
        [ids],
      );
    expect((await marks()).map((r: any) => r.card_current)).toEqual([true, true, true]);
    // The trash (one statement for two cards), a restore, a move to another pipeline with its history row.
    await ds.query(`UPDATE cards SET deleted_at = now() WHERE id = ANY($1::uuid[])`, [ids.slice(0, 2)]);
    expect((await marks()).map((r: any) => r.card_current)).toEqual([false, false, true]);
    await ds.query(`UPDATE cards SET deleted_at = NULL WHERE id = $1`, [ids[0]]);
    await ds.query(`UPDATE cards SET pipeline_id = $1, status_id = $2 WHERE id = $3`, [second.pipeline.id, second.statuses[0].id, ids[2]]);
    await ds.query(
      `INSERT INTO audit_log (actor_id, action, entity, entity_id, card_id, client_id, changes) VALUES (NULL, 'move', 'card', $1, $1, $2, $3)`,
      [ids[2], cards[2].clientId, JSON.stringify({ statusId: [first.statuses[1].id, second.statuses[0].id] })],
    );
    expect((await marks()).map((r: any) => r.card_current)).toEqual([true, false, false, true]);
    expect(await marks()).toEqual(await truth());
    await ds.query(`DELETE FROM cards WHERE id = $1`, [ids[0]]);
    expect((await marks()).map((r: any) => r.card_current)).toEqual([false, false, false, true]);
    expect(await marks()).toEqual(await truth());
  });

  it('forecasts by expected close month, weighted by the probability of each status set in the pipeline settings', async () => {
    const ds = api.db.dataSource;
    const other = await buildPipeline(ds);
    const [lead, contacted, proposal, won] = other.statuses;
    const setProbability = async (id: string, probability: number | null) => {
      const res = await api.gql(`mutation($id: ID!, $input: UpdateStatusInput!) { updateStatus(id: $id, input: $input) { probability } }`, { id, input: { probability } }, cookies.Admin);
      expect(res.errors).toBeUndefined();
      return res.data!.updateStatus.probability;
    };
    expect(await setProbability(lead.id, 10)).toBe(10);
    expect(await setProbability(contacted.id, 50)).toBe(50);
    expect(await setProbability(proposal.id, 30)).toBe(30);
    expect(await setProbability(proposal.id, null)).toBeNull();
    const bad = await api.gql(`mutation($id: ID!) { updateStatus(id: $id, input: { probability: 101 }) { id } }`, { id: lead.id }, cookies.Admin);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const cards = await buildCards(ds, [
      { status: lead, ownerId: alice.id, value: 1000, currency: 'EUR' },
      { status: contacted, ownerId: alice.id, value: 2000, currency: 'EUR' },
      { status: contacted, ownerId: bob.id, value: 500000, currency: 'HUF' },
      { status: proposal, ownerId: alice.id, value: 300, currency: 'EUR' },
      { status: won, ownerId: alice.id, value: 999, currency: 'EUR' },
      { status: lead, ownerId: alice.id, value: 50, currency: 'EUR' },
      { status: lead, ownerId: alice.id, value: 70, currency: 'EUR' },
      { status: lead, ownerId: alice.id },
    ]);
    const days = ['2026-03-31', '2026-03-15', '2026-04-01', '2026-04-30', '2026-03-20', '2026-02-28', '2027-03-01', '2026-03-10'];
    for (const [k, card] of cards.entries()) {
      const res = await api.gql(`mutation($id: ID!, $input: UpdateCardInput!) { updateCard(id: $id, input: $input) { expectedCloseDate } }`, { id: card.id, input: { expectedCloseDate: days[k] } }, cookies.Admin);
      expect(res.data!.updateCard.expectedCloseDate).toBe(days[k]);
    }
    const forecast = async (who: string, filter: Record<string, unknown> = {}) => {
      const res = await api.gql(
        `query($f: ReportFilterInput!) { report(filter: $f) { forecast { month count withoutProbability sums { currency amount } weighted { currency amount } } } }`,
        { f: { pipelineId: other.pipeline.id, ...WEEK, ...filter } },
        cookies[who],
      );
      expect(res.errors).toBeUndefined();
      return res.data!.report.forecast;
    };
    // From March 2026 (the period's month) to February 2027: not the won card, not February 2026, not March 2027.
    // March: 1000 EUR × 10 % + 2000 EUR × 50 % = 1100 EUR, and a card without a value. April: 500,000 HUF × 50 %,
    // and 300 EUR in a status without a probability (counted, not weighted).
    expect(await forecast('Admin')).toEqual([
      { month: '2026-03', count: 3, withoutProbability: 0, sums: [{ currency: 'EUR', amount: 3000 }], weighted: [{ currency: 'EUR', amount: 1100 }] },
      {
        month: '2026-04', count: 2, withoutProbability: 1,
        sums: [{ currency: 'EUR', amount: 300 }, { currency: 'HUF', amount: 500000 }], weighted: [{ currency: 'HUF', amount: 250000 }],
      },
    ]);
    // The department-limited manager's figures come from the cards (not the totals): the same here (the clients have no department).
    expect(await forecast('Manager HU')).toEqual(await forecast('Admin'));
    // Bob reads his own card only.
    expect(await forecast('Bob')).toEqual([
      { month: '2026-04', count: 1, withoutProbability: 0, sums: [{ currency: 'HUF', amount: 500000 }], weighted: [{ currency: 'HUF', amount: 250000 }] },
    ]);
    // A tag on the clients of the first, third and fourth cards (the totals per label): March 1000 EUR × 10 %; April as before.
    const { tag } = await buildLabels(ds);
    await ds.query(`INSERT INTO client_tags (client_id, tag_id) SELECT unnest($1::uuid[]), $2`, [[cards[0].clientId, cards[2].clientId, cards[3].clientId], tag.id]);
    expect(await forecast('Admin', { tagIds: [tag.id] })).toEqual([
      { month: '2026-03', count: 1, withoutProbability: 0, sums: [{ currency: 'EUR', amount: 1000 }], weighted: [{ currency: 'EUR', amount: 100 }] },
      {
        month: '2026-04', count: 2, withoutProbability: 1,
        sums: [{ currency: 'EUR', amount: 300 }, { currency: 'HUF', amount: 500000 }], weighted: [{ currency: 'HUF', amount: 250000 }],
      },
    ]);
    expect(await forecast('Bob', { tagIds: [tag.id] })).toEqual(await forecast('Bob'));
    // Clearing the day takes the card out.
    await api.gql(`mutation($id: ID!) { updateCard(id: $id, input: { expectedCloseDate: null }) { id } }`, { id: cards[2].id }, cookies.Admin);
    expect(await forecast('Bob')).toEqual([]);
    // The monthly totals kept by the triggers equal the cards, after the moves, edits and a trashed card.
    await ds.query(`UPDATE cards SET deleted_at = now() WHERE id = $1`, [cards[1].id]);
    await ds.query(`UPDATE cards SET status_id = $1, owner_id = $2 WHERE id = $3`, [contacted.id, bob.id, cards[0].id]);
    const totals = await ds.query(
      `SELECT status_id, month, owner_id, currency, count::int, valued::int, amount::float8 FROM card_forecast_totals
       WHERE count <> 0 AND status_id = ANY($1::uuid[]) ORDER BY 1, 2, 3, 4`,
      [other.statuses.map((st) => st.id)],
    );
    const fromCards = await ds.query(
      `SELECT status_id, date_trunc('month', expected_close_date)::date AS month, owner_id, currency, count(*)::int AS count, count(value)::int AS valued,
         coalesce(sum(value), 0)::float8 AS amount
       FROM cards WHERE deleted_at IS NULL AND expected_close_date IS NOT NULL AND pipeline_id = $1 GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
      [other.pipeline.id],
    );
    expect(totals).toEqual(fromCards);
    expect(totals.length).toBe(6);
    expect(await forecast('Manager HU')).toEqual(await forecast('Admin'));
  });
  it('writes a widget table as an XLSX file for readers, refusing Restricted users and ragged rows', async () => {
    const XLSX = `mutation($input: ReportTableInput!) { reportXlsx(input: $input) }`;
    const input = { title: 'Activity per salesperson', header: ['Salesperson', 'Cards won'], rows: [['Alice', 2], ['Bob', null]] };
    const res = await api.gql(XLSX, { input }, cookies.Bob);
    expect(res.errors).toBeUndefined();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(res.data!.reportXlsx, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('Activity per salesperson');
    expect([1, 2, 3].map((n) => (sheet.getRow(n).values as unknown[]).slice(1))).toEqual([['Salesperson', 'Cards won'], ['Alice', 2], ['Bob']]);
    const ragged = await api.gql(XLSX, { input: { ...input, rows: [['Alice']] } }, cookies.Bob);
    expect(ragged.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const restricted = await api.buildUser({ role: Role.Restricted });
    const refused = await api.gql(XLSX, { input }, await api.login(restricted.email, restricted.password));
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
