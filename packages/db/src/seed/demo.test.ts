import { deadlineClass, Role, StatusKind } from '@crm/shared';
import { Card, Client, Contact, Pipeline, Status, Todo, User } from '../entities';
import { verifyPassword } from '../services/passwords';
import { createTestDatabase, TestDatabase } from '../testing';
import { DEMO_PASSWORD, DEMO_USERS, ensureAdmin, seedDemoData, slug } from './demo';

describe('demo data', () => {
  let db: TestDatabase;
  const now = new Date('2026-11-24T09:00:00Z');

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('seeds the demo organisation into an empty database, once', async () => {
    const ds = db.dataSource;
    expect(await seedDemoData(ds, { clients: 300, now })).toBe(true);

    const users = await ds.getRepository(User).find({ select: { id: true, email: true, role: true, passwordHash: true } });
    for (const demo of DEMO_USERS) {
      const user = users.find((u) => u.email === demo.email);
      expect(user?.role).toBe(demo.role);
      expect(await verifyPassword(user!.passwordHash, DEMO_PASSWORD)).toBe(true);
    }
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(Object.values(Role)));

    const pipelines = await ds.getRepository(Pipeline).find({ relations: { statuses: true }, order: { position: 'ASC' } });
    expect(pipelines.map((p) => p.name)).toEqual(['Sales', 'Support']);
    for (const p of pipelines) expect(new Set(p.statuses!.map((s) => s.kind))).toEqual(new Set(Object.values(StatusKind)));

    const clients = await ds.getRepository(Client).find();
    expect(clients).toHaveLength(300);
    // Hungarian, Polish and Slovak data: the country domains and their letters.
    expect(clients.some((c) => c.domain?.endsWith('.hu'))).toBe(true);
    expect(clients.some((c) => c.domain?.endsWith('.pl'))).toBe(true);
    expect(clients.some((c) => c.domain?.endsWith('.sk'))).toBe(true);
    expect(clients.some((c) => /[áéíóöőúüű]/i.test(c.name))).toBe(true);
    expect(await ds.getRepository(Contact).count()).toBeGreaterThanOrEqual(300);

    const cards = await ds.getRepository(Card).find();
    expect(cards.length).toBe(300 + 90);
    // Positions are unique within each status column.
    const keys = new Set(cards.map((c) => `${c.statusId}:${c.position}`));
    expect(keys.size).toBe(cards.length);

    const todos = await ds.getRepository(Todo).find();
    const classes = new Set(todos.map((t) => deadlineClass(t.deadline, now, 'Europe/Budapest')));
    expect(classes).toEqual(new Set(['overdue', 'today', 'later']));

    // Country teams: sales@ works in Hungary, and every client belongs to its country's team.
    const sales = await ds.getRepository(User).findOneOrFail({ where: { email: 'sales@example.com' }, relations: { departments: true } });
    expect(sales.departments!.map((d) => d.name)).toEqual(['Hungary']);
    const [{ unassigned }] = await ds.query(`SELECT count(*)::int AS unassigned FROM clients WHERE department_id IS NULL`);
    expect(unassigned).toBe(0);
    const [{ linked }] = await ds.query(`SELECT count(DISTINCT client_id)::int AS linked FROM client_categories`);
    expect(linked).toBeGreaterThan(100);

    // Two sample automations: a paused one, and an active one that only takes cards entering its
    // quiet status from now on (those already there are excluded: the demo sends nothing by itself).
    const automations = await ds.query(
      `SELECT a.name, a.state, a.only_new, s.name AS status, a.acting_user_id IS NOT NULL AS acts, count(st.id)::int AS steps,
              count(st.id) FILTER (WHERE coalesce(st.email_template_id, st.todo_template_id) IS NOT NULL)::int AS with_template
         FROM automations a JOIN statuses s ON s.id = a.trigger_status_id JOIN automation_steps st ON st.automation_id = a.id
        GROUP BY a.id, s.name ORDER BY a.name`,
    );
    expect(automations).toEqual([
      { name: 'Nudge a waiting client', state: 'ACTIVE', only_new: true, status: 'Waiting for client', acts: true, steps: 2, with_template: 2 },
      { name: 'Proposal follow-up', state: 'PAUSED', only_new: true, status: 'Proposal', acts: true, steps: 2, with_template: 2 },
    ]);
    const [waiting] = await ds.query(`SELECT count(*)::int AS n FROM cards c JOIN statuses s ON s.id = c.status_id WHERE s.name = 'Waiting for client'`);
    const enrolments = await ds.query(`SELECT state, count(*)::int AS n FROM automation_enrolments GROUP BY state`);
    expect(enrolments).toEqual(waiting.n ? [{ state: 'EXCLUDED', n: waiting.n }] : []);
    expect(await ds.query(`SELECT count(*)::int AS n FROM automation_runs`)).toEqual([{ n: 0 }]);

    expect(await seedDemoData(ds, { clients: 10, now })).toBe(false);
    expect(await ds.getRepository(Client).count()).toBe(300);
    expect(await ensureAdmin(ds, 'admin@example.com', 'secret-pass')).toBe(false);
  });

  it('seeds statuses in their pipeline order', async () => {
    const statuses = await db.dataSource.getRepository(Status).find({ where: { pipeline: { name: 'Sales' } }, order: { position: 'ASC' } });
    expect(statuses[0].name).toBe('New lead');
    expect(statuses.at(-1)!.kind).toBe(StatusKind.Lost);
    // The forecast has something to weigh: probabilities on the open statuses, expected close days on open cards only.
    expect(statuses.map((s) => s.probability)).toEqual([10, 20, 40, 60, 80, null, null]);
    const [days] = await db.dataSource.query(
      `SELECT count(*) FILTER (WHERE s.kind = 'OPEN' AND c.expected_close_date IS NOT NULL)::int AS open_dated,
         count(*) FILTER (WHERE s.kind <> 'OPEN' AND c.expected_close_date IS NOT NULL)::int AS closed_dated
       FROM cards c JOIN statuses s ON s.id = c.status_id JOIN pipelines p ON p.id = c.pipeline_id WHERE p.name = 'Sales'`,
    );
    expect(days.open_dated).toBeGreaterThan(0);
    expect(days.closed_dated).toBe(0);
  });

  it('seeds a year of history for the reports: each card’s way through its pipeline, work done, mails and replies', async () => {
    const ds = db.dataSource;
    // Every card entered its pipeline once, and its last status change is its current status.
    const [history] = await ds.query(`SELECT
        (SELECT count(*)::int FROM cards) AS cards,
        (SELECT count(*)::int FROM card_status_changes WHERE from_status_id IS NULL) AS created,
        (SELECT count(*)::int FROM cards c WHERE c.status_id <> (SELECT h.status_id FROM card_status_changes h WHERE h.card_id = c.id ORDER BY h.at DESC, h.id DESC LIMIT 1)) AS mismatched,
        (SELECT count(*)::int FROM card_status_changes h JOIN statuses s ON s.id = h.status_id WHERE s.kind = 'WON' AND h.at > $1::timestamptz - interval '12 months') AS won,
        (SELECT count(*)::int FROM todos WHERE done_at IS NOT NULL) AS done,
        (SELECT count(*)::int FROM outbox_mails WHERE status = 'SENT') AS mails,
        (SELECT count(*)::int FROM inbound_mails WHERE kind = 'CLIENT') AS replies,
        (SELECT count(*)::int FROM notes) AS notes`, [now]);
    expect(history.created).toBe(history.cards);
    expect(history.mismatched).toBe(0);
    for (const key of ['won', 'done', 'mails', 'replies', 'notes']) expect({ key, n: history[key] > 10 }).toEqual({ key, n: true });
  });

  it('makes ASCII slugs of Central European names', () => {
    expect(slug('Kovács és Társa Kft.')).toBe('kovacs-es-tarsa-kft');
    expect(slug('Łódzka Spółka')).toBe('lodzka-spolka');
    expect(slug('Žilinská s.r.o.')).toBe('zilinska-s-r-o');
  });
});

describe('first admin', () => {
  it('is created from ADMIN_EMAIL/ADMIN_PASSWORD unless that user exists', async () => {
    const db = await createTestDatabase();
    try {
      expect(await ensureAdmin(db.dataSource, ' Boss@Example.com ', 'secret-pass')).toBe(true);
      const admin = await db.dataSource.getRepository(User).findOneOrFail({ where: { email: 'boss@example.com' }, select: { id: true, role: true, passwordHash: true } });
      expect(admin.role).toBe(Role.Admin);
      expect(await verifyPassword(admin.passwordHash, 'secret-pass')).toBe(true);
      expect(await ensureAdmin(db.dataSource, 'BOSS@example.com', 'other-pass')).toBe(false);
      expect(await seedDemoData(db.dataSource, { clients: 5 })).toBe(false);
    } finally {
      await db.drop();
    }
  });
});
