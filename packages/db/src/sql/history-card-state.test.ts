import { createTestDatabase, TestDatabase } from '../testing';

describe('status history written from History entries', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  /** The calls of the history's statement-trigger functions that `write` made, counted in its transaction. */
  async function historyTriggerCalls(write: (q: (sql: string, p?: unknown[]) => Promise<unknown>) => Promise<void>): Promise<number> {
    return db.dataSource.transaction(async (em) => {
      await em.query(`SET LOCAL track_functions = 'pl'`);
      await write((sql, p) => em.query(sql, p));
      const [{ calls }] = await em.query(
        `SELECT coalesce(sum(f.calls), 0)::int AS calls FROM pg_stat_xact_user_functions f
         WHERE f.funcid IN (SELECT t.tgfoid FROM pg_trigger t WHERE t.tgrelid = 'card_status_changes'::regclass AND NOT t.tgisinternal)`,
      );
      return calls;
    });
  }

  it('runs the history’s triggers only for entries that change a card’s status', async () => {
    const [{ id: pipelineId }] = await db.dataSource.query(`INSERT INTO pipelines (name) VALUES ('Sales') RETURNING id`);
    const [lead, won] = await db.dataSource.query(`INSERT INTO statuses (pipeline_id, name, position) VALUES ($1, 'Lead', 0), ($1, 'Won', 1) RETURNING id`, [pipelineId]);
    const [{ id: clientId }] = await db.dataSource.query(`INSERT INTO clients (name) VALUES ('Kovács Kft.') RETURNING id`);
    const [{ id: cardId }] = await db.dataSource.query(`INSERT INTO cards (client_id, pipeline_id, status_id, position, currency) VALUES ($1, $2, $3, 'a', 'HUF') RETURNING id`, [clientId, pipelineId, lead.id]);
    const entry = (changes: object) => (q: (sql: string, p?: unknown[]) => Promise<unknown>) =>
      q(`INSERT INTO audit_log (actor_id, action, entity, entity_id, client_id, card_id, changes) VALUES (NULL, 'update', 'card', $1, $2, $1, $3)`, [cardId, clientId, changes]).then(() => undefined);

    // A note-like edit: no status row, and none of the history's totals triggers run.
    expect(await historyTriggerCalls(entry({ title: ['Old', 'New'] }))).toBe(0);
    // A move: the status row is written and the history's triggers keep the totals.
    expect(await historyTriggerCalls(entry({ statusId: [lead.id, won.id] }))).toBeGreaterThan(0);
    const rows = await db.dataSource.query(`SELECT status_id, from_status_id FROM card_status_changes WHERE card_id = $1`, [cardId]);
    expect(rows).toEqual([{ status_id: won.id, from_status_id: lead.id }]);
  });
});
