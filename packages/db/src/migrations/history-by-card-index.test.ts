import { createTestDatabase, type TestDatabase } from '../testing';

describe('the status history by card (HistoryByCardIndexOnly)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  /** The plan's scans of card_status_changes: node type and index. */
  const scans = async (columns: string) => {
    const [row] = await db.dataSource.transaction(async (em) => {
      // An empty table would be read whole; this asks how its index would serve the read.
      await em.query(`SELECT set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true)`);
      return em.query(`EXPLAIN (FORMAT JSON) SELECT ${columns} FROM card_status_changes h WHERE h.card_id = gen_random_uuid() AND h.at >= now() - interval '1 year'`, []);
    });
    const found: string[] = [];
    const walk = (node: Record<string, any>) => {
      if (node['Relation Name'] === 'card_status_changes') found.push(`${node['Node Type']} ${node['Index Name'] ?? ''}`.trim());
      for (const child of node.Plans ?? []) walk(child);
    };
    walk(row['QUERY PLAN'][0].Plan);
    return found;
  };

  it('serves what the reports read per card from the index alone', async () => {
    // The funnel's, time in status's and cards moved's columns.
    expect(await scans('h.status_id, h.at, h.pipeline_id, h.card_current')).toEqual(['Index Only Scan card_status_changes_card_at_idx']);
    expect(await scans('h.actor_id, h.from_status_id, h.from_status_at, h.pipeline_id, h.card_current')).toEqual(['Index Only Scan card_status_changes_card_at_idx']);
    // What it does not carry is read from the table.
    expect(await scans('h.owner_id')).toEqual(['Index Scan card_status_changes_card_at_idx']);
  });
});
