import { createTestDatabase, type TestDatabase } from '../testing';
import { INDEX_ONLY_SOURCES, VACUUM_OFTEN } from './1796065600000-VacuumForIndexOnlyReads';

/** The indexes that carry what the reports read per card or per client, so those reads touch no table page. */
describe('index-only reads for the reports', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  /** The plan's scans of `relation` (node type and index) for `sql`. */
  const scans = async (relation: string, sql: string) => {
    const [row] = await db.dataSource.transaction(async (em) => {
      // An empty table would be read whole; this asks how its indexes would serve the read.
      await em.query(`SELECT set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true)`);
      return em.query(`EXPLAIN (FORMAT JSON) ${sql}`, []);
    });
    const found: string[] = [];
    const walk = (node: Record<string, any>) => {
      if (node['Relation Name'] === relation) found.push(`${node['Node Type']} ${node['Index Name'] ?? ''}`.trim());
      for (const child of node.Plans ?? []) walk(child);
    };
    walk(row['QUERY PLAN'][0].Plan);
    return found;
  };

  it("serves what the reports read of a card's history from its index by card (HistoryByCardIndexOnly)", async () => {
    const history = (columns: string) =>
      scans('card_status_changes', `SELECT ${columns} FROM card_status_changes h WHERE h.card_id = gen_random_uuid() AND h.at >= now() - interval '1 year'`);
    // The funnel's, time in status's and cards moved's columns.
    expect(await history('h.status_id, h.at, h.pipeline_id, h.card_current')).toEqual(['Index Only Scan card_status_changes_card_at_idx']);
    expect(await history('h.actor_id, h.from_status_id, h.from_status_at, h.pipeline_id, h.card_current')).toEqual(['Index Only Scan card_status_changes_card_at_idx']);
    // What it does not carry is read from the table.
    expect(await history('h.owner_id')).toEqual(['Index Scan card_status_changes_card_at_idx']);
  });

  it("serves what the activity reads of a few clients' live cards from their key (CardsByClientIndexOnly)", async () => {
    const cards = (columns: string) =>
      scans('cards', `SELECT ${columns} FROM cards c WHERE c.client_id = ANY(ARRAY[gen_random_uuid(), gen_random_uuid()]) AND c.pipeline_id = gen_random_uuid() AND c.deleted_at IS NULL`);
    expect(await cards('c.id, c.client_id, c.owner_id, c.status_id, c.status_changed_at')).toEqual(['Index Only Scan cards_client_pipeline_key']);
    expect(await cards('c.value')).toEqual(['Index Scan cards_client_pipeline_key']);
  });

  it('sums the activity and funnel totals from their keys (TotalsKeysCarryCounts)', async () => {
    const range = `pipeline_id = gen_random_uuid() AND hour >= now() - interval '1 year' AND hour < now()`;
    for (const table of ['report_activity_totals', 'report_activity_label_totals']) {
      const label = table.includes('label') ? 'label_id = gen_random_uuid() AND ' : '';
      expect(await scans(table, `SELECT user_id, kind, sum(n) FROM ${table} WHERE ${label}${range} AND kind = 'note' GROUP BY 1, 2`)).toEqual([`Index Only Scan ${table}_key`]);
    }
    for (const table of ['report_funnel_totals', 'report_funnel_label_totals']) {
      const label = table.includes('label') ? 'label_id = gen_random_uuid() AND ' : '';
      const pair = 'status_id = gen_random_uuid() AND reached_id = gen_random_uuid()';
      expect(await scans(table, `SELECT sum(n) FILTER (WHERE prev_hour < now()) FROM ${table} WHERE ${label}${range} AND ${pair}`)).toEqual([`Index Only Scan ${table}_key`]);
    }
  });

  it('has every table the reports read index-only vacuumed after 1% of it changed (VacuumForIndexOnlyReads)', async () => {
    const tables: Array<{ relname: string; reloptions: string[] | null }> = await db.dataSource.query(
      `SELECT relname, reloptions FROM pg_class WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace
         AND (relname LIKE '%totals' OR relname = ANY($1::text[])) ORDER BY 1`,
      [INDEX_ONLY_SOURCES],
    );
    const wanted = Object.entries(VACUUM_OFTEN).map(([k, v]) => `${k}=${v}`);
    // Every totals table there is, and the sources, however they are named.
    expect(tables.length).toBeGreaterThanOrEqual(19);
    expect(tables.filter((t) => !wanted.every((w) => t.reloptions?.includes(w))).map((t) => t.relname)).toEqual([]);
  });

  it('keeps one live card per client and pipeline', async () => {
    const [{ id: pipelineId }] = await db.dataSource.query(`INSERT INTO pipelines (name) VALUES ('Sales') RETURNING id`);
    const [{ id: statusId }] = await db.dataSource.query(`INSERT INTO statuses (pipeline_id, name, position) VALUES ($1, 'Lead', 0) RETURNING id`, [pipelineId]);
    const [{ id: clientId }] = await db.dataSource.query(`INSERT INTO clients (name) VALUES ('Kovács Kft.') RETURNING id`);
    const card = (position: string) =>
      db.dataSource.query(`INSERT INTO cards (client_id, pipeline_id, status_id, position) VALUES ($1, $2, $3, $4) RETURNING id`, [clientId, pipelineId, statusId, position]);
    const [{ id: first }] = await card('a0');
    await expect(card('a1')).rejects.toThrow(/cards_client_pipeline_key/);
    // A card in the trash leaves room for a new one.
    await db.dataSource.query(`UPDATE cards SET deleted_at = now() WHERE id = $1`, [first]);
    await expect(card('a2')).resolves.toHaveLength(1);
  });
});
