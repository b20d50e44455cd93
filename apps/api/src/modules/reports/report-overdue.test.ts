import { Card, Department, User } from '@crm/db';
import { ReportPeriodPreset, Role } from '@crm/shared';
import { startTestApi, TestApi } from '../../testing/api';
import { buildCards, buildPipeline, buildTodo } from '../../testing/factories';
import { buildReportPeople } from './testing';
import { PipelineService } from '../pipelines/pipeline.service';
import { ReportService } from './report.service';

const REPORT = `query($filter: ReportFilterInput!) { report(filter: $filter) { activity { user { name } overdueTodos } } }`;
const HOUR = 3_600_000;
// Whole UTC hours in Budapest: the activity reads its totals for an Admin and a Normal user.
const WEEK = { period: 'CUSTOM', from: '2026-03-23', to: '2026-03-29' };

/**
 * Overdue todos due earlier in the current hour: the Admin's and a Normal user's figures come from
 * the totals (kind 'due', by exact deadline), a department-limited Manager's from the todos; each
 * must count them, on the cards the reader may see only (no trash, no other pipeline or department).
 */
describe('overdue todos of the current hour', () => {
  let api: TestApi;
  let pipelineId: string;
  let alice: User & { password: string }, bob: User & { password: string }, manager: User & { password: string }, admin: User & { password: string };
  let hu: Department, pl: Department;
  let cards: Record<string, Card>;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    const ds = api.db.dataSource;
    const { pipeline, statuses } = await buildPipeline(ds);
    const other = await buildPipeline(ds);
    pipelineId = pipeline.id;
    const people = await buildReportPeople(api);
    ({ hu, pl, alice, bob, manager, admin } = people);
    Object.assign(cookies, people.cookies);
    const [A1, A2, B1, B2, T, Q] = await buildCards(ds, [
      { status: statuses[0], ownerId: alice.id, departmentId: hu.id },
      { status: statuses[1], ownerId: alice.id, departmentId: hu.id },
      { status: statuses[0], ownerId: bob.id, departmentId: pl.id },
      { status: statuses[2], ownerId: bob.id, departmentId: hu.id },
      { status: statuses[0], ownerId: alice.id, departmentId: hu.id },
      { status: other.statuses[0], ownerId: alice.id, departmentId: hu.id },
    ]);
    cards = { A1, A2, B1, B2, T, Q };
  }, 60_000);
  afterAll(() => api.close());

  /** Todos due at `at`: per card, its assignee, how many. */
  async function todos(at: Date, list: Array<[string, User, number]>) {
    for (const [card, user, count] of list) for (let i = 0; i < count; i++) await buildTodo(api.db.dataSource, cards[card], user.id, at);
  }

  async function overdue(who: string): Promise<Record<string, number>> {
    const res: any = await api.gql(REPORT, { filter: { pipelineId, ...WEEK } }, cookies[who]);
    expect(res.errors).toBeUndefined();
    return Object.fromEntries(res.data.report.activity.map((a: any) => [a.user.name, a.overdueTodos]));
  }

  it('counts the todos due earlier in the current hour exactly, on the cards each reader sees', async () => {
    const ds = api.db.dataSource;
    // The start of the current hour is earlier in it (should the hour end before the report is read,
    // they are a past hour's, counted the same).
    const hour = new Date(Math.floor(Date.now() / HOUR) * HOUR);
    await todos(hour, [
      ['A1', alice, 2],
      ['A2', alice, 1],
      ['A2', bob, 1],
      ['B1', bob, 2],
      ['B2', bob, 1],
      ['T', alice, 1], // trashed below
      ['Q', alice, 1], // another pipeline
    ]);
    await todos(new Date(hour.getTime() - 3 * HOUR), [['A1', alice, 1]]); // an earlier hour
    await todos(new Date(hour.getTime() + 2 * HOUR), [['A1', alice, 1], ['B2', bob, 1]]); // not due yet
    await ds.query(`UPDATE todos SET done_at = now() WHERE id = $1`, [(await buildTodo(ds, cards.A1, alice.id, hour)).id]);
    await ds.query(`UPDATE todos SET deleted_at = now() WHERE id = $1`, [(await buildTodo(ds, cards.B1, bob.id, hour)).id]);
    await ds.query(`UPDATE cards SET deleted_at = now() WHERE id = $1`, [cards.T.id]);

    expect(await overdue('Admin')).toEqual({ Alice: 4, Bob: 4 });
    // Poland is out of the manager's sight: Bob's two todos on B1.
    expect(await overdue('Manager HU')).toEqual({ Alice: 4, Bob: 2 });
    expect(await overdue('Bob')).toEqual({ Bob: 4 });

    // Restored from the trash, moved to the other pipeline: the totals follow the card.
    await ds.query(`UPDATE cards SET deleted_at = NULL WHERE id = $1`, [cards.T.id]);
    await ds.query(`UPDATE cards SET pipeline_id = $2, status_id = $3 WHERE id = $1`, [cards.B2.id, cards.Q.pipelineId, cards.Q.statusId]);
    expect(await overdue('Admin')).toEqual({ Alice: 5, Bob: 3 });
    expect(await overdue('Manager HU')).toEqual({ Alice: 5, Bob: 1 });
    expect(await overdue('Bob')).toEqual({ Bob: 3 });
  });

  it('cuts the current hour at the moment of reading, from the totals as from the todos', async () => {
    const ds = api.db.dataSource;
    const reports = new ReportService(ds, new PipelineService(ds), async () => 'Europe/Budapest');
    // A pipeline of its own, read at 10:30 in a past hour: todos due at 10:10 are overdue, at 10:50 not.
    const { pipeline, statuses } = await buildPipeline(ds);
    const [C] = await buildCards(ds, [{ status: statuses[0], ownerId: alice.id, departmentId: hu.id }]);
    cards.C = C;
    const now = new Date('2026-03-25T10:30:00Z');
    await todos(new Date('2026-03-25T10:10:00Z'), [['C', alice, 2]]);
    await todos(new Date('2026-03-25T10:30:00Z'), [['C', alice, 1]]);
    await todos(new Date('2026-03-25T10:50:00Z'), [['C', alice, 3]]);
    await todos(new Date('2026-03-25T09:59:00Z'), [['C', alice, 1]]);
    const read = async (viewer: { id: string; role: Role; departmentIds: string[] }) => {
      const { scope } = await reports.report(viewer, { pipelineId: pipeline.id, period: ReportPeriodPreset.ThisWeek }, now);
      return (await reports.activity(scope, now)).map((a) => [a.user.name, a.overdueTodos]);
    };
    expect(await read({ id: admin.id, role: Role.Admin, departmentIds: [] })).toEqual([['Alice', 3]]);
    expect(await read({ id: manager.id, role: Role.Manager, departmentIds: [hu.id] })).toEqual([['Alice', 3]]);
  });
});
