// What the report totals' triggers add to the write paths, on an existing benchmark database
// (BENCH_DATABASE_URL): a card move, a mass move, a reassignment of one owner's cards, a mass owner
// change and a mass trash, each as the app writes it (the audit rows, whose trigger writes the status
// history, then the cards), and labels given to and taken from clients (one, and 10,000 in one
// statement as a mass action does), timed with the activity (or the funnel, history or label) totals'
// triggers on and off (trashCards takes the activity away itself: its 'without' still pays that). Every run is rolled back. `--only=<words>` runs the measures whose name contains them.
import { ACTIVITY_SOURCES, createDataSource, trashCards } from '@crm/db';
import type { EntityManager } from 'typeorm';

// `--triggers=funnel` for the funnel totals' triggers on the status history instead of the activity totals',
// `--triggers=funnel-labels` for their copy per label's (migration FunnelLabelTotals),
// `--triggers=history` for the cards' triggers keeping the history's card_current, department and owner,
// `--triggers=new-labels` for the cards' triggers keeping the new cards and clients per label (migration NewLabelTotals),
// `--triggers=labels` for the card-row label totals' trigger on cards and the label change triggers (the
// activity's and the funnel's label totals are kept inside the activity and label change triggers:
// compare those with the code before).
const TRIGGER_SETS: Record<string, Array<[string, string]>> = {
  activity: [
    ...ACTIVITY_SOURCES.flatMap((s): Array<[string, string]> => ['insert', 'update', 'delete'].filter((op) => op !== 'update' || s.updated !== false).map((op) => [s.table, `report_activity_${s.table}_${op}`])),
    ...['insert', 'update', 'delete'].map((op): [string, string] => ['cards', `report_activity_cards_${op}`]),
  ],
  funnel: ['insert', 'update', 'delete'].map((op): [string, string] => ['card_status_changes', `report_funnel_totals_${op}`]),
  'funnel-labels': ['insert', 'update', 'delete'].map((op): [string, string] => ['card_status_changes', `report_funnel_label_totals_${op}`]),
  history: ['insert', 'update', 'delete'].map((op): [string, string] => ['cards', `card_status_changes_current_${op}`]),
  'new-labels': ['insert', 'update', 'delete'].map((op): [string, string] => ['cards', `report_new_label_totals_${op}`]),
  labels: ['cards', 'client_tags', 'client_categories'].flatMap((table) =>
    ['insert', 'update', 'delete'].map((op): [string, string] => [table, table === 'cards' ? `card_label_totals_${op}` : `${table}_label_totals_${op}`]),
  ),
};
const SET = process.argv.find((a) => a.startsWith('--triggers='))?.slice(11) ?? 'activity';
const TRIGGERS = TRIGGER_SETS[SET];

async function main() {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('BENCH_DATABASE_URL is required');
  const ds = await createDataSource(url).initialize();
  const [{ pipeline_id: pipelineId }] = await ds.query(`SELECT pipeline_id FROM cards GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
  const statuses: Array<{ id: string; n: number }> = await ds.query(
    `SELECT s.id, count(c.id)::int AS n FROM statuses s LEFT JOIN cards c ON c.status_id = s.id AND c.deleted_at IS NULL WHERE s.pipeline_id = $1 GROUP BY s.id, s.position ORDER BY s.position`,
    [pipelineId],
  );
  const users: string[] = (await ds.query(`SELECT id FROM users ORDER BY email LIMIT 2`)).map((r: any) => r.id);
  const busiest = [...statuses].sort((a, b) => b.n - a.n)[0];
  const other = statuses.find((s) => s.id !== busiest.id)!;

  /** Moves the cards matching `where` (over c, its parameter :p) as the app does: audit rows, then the cards. */
  const move = async (em: EntityManager, where: string, param: unknown) => {
    await em.query(
      `INSERT INTO audit_log (actor_id, action, entity, entity_id, card_id, client_id, changes)
       SELECT $1, 'move', 'card', c.id, c.id, c.client_id, jsonb_build_object('statusId', jsonb_build_array(c.status_id, $2::uuid)) FROM cards c WHERE ${where.replace(':p', '$3')}`,
      [users[0], other.id, param],
    );
    await em.query(`UPDATE cards c SET status_id = $1, status_changed_at = now() WHERE ${where.replace(':p', '$2')}`, [other.id, param]);
  };
  const [one] = await ds.query(`SELECT id FROM cards WHERE status_id = $1 AND deleted_at IS NULL LIMIT 1`, [busiest.id]);
  // The owner of the most live cards (as report-explain --normal reads), and someone else.
  const [owner] = await ds.query(
    `SELECT owner_id AS id, count(*)::int AS n FROM cards WHERE owner_id IS NOT NULL AND deleted_at IS NULL AND pipeline_id = $1 GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
    [pipelineId],
  );
  const heir = users.find((u) => u !== owner.id)!;
  // The most used tag: 10,000 clients with a live card of the pipeline not carrying it, and 10,000 carrying it.
  const [{ tag_id: tag }] = await ds.query(`SELECT tag_id FROM client_tags GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
  const clients: string[] = (
    await ds.query(
      `SELECT c.client_id FROM cards c WHERE c.pipeline_id = $1 AND c.deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM client_tags t WHERE t.client_id = c.client_id AND t.tag_id = $2) ORDER BY c.client_id LIMIT 10000`,
      [pipelineId, tag],
    )
  ).map((r: any) => r.client_id);
  const tagged: string[] = (await ds.query(`SELECT client_id FROM client_tags WHERE tag_id = $1 ORDER BY client_id LIMIT 10000`, [tag])).map((r: any) => r.client_id);
  const measures: Array<[string, (em: EntityManager) => Promise<unknown>]> = [
    ['card move', (em) => move(em, 'c.id = :p', one.id)],
    [`mass move (${busiest.n.toLocaleString('en')} cards of a status)`, (em) => move(em, 'c.status_id = :p AND c.deleted_at IS NULL', busiest.id)],
    [
      `reassignment of one owner's ${owner.n.toLocaleString('en')} cards`,
      (em) => em.query(`UPDATE cards SET owner_id = $1 WHERE owner_id = $2 AND pipeline_id = $3 AND deleted_at IS NULL`, [heir, owner.id, pipelineId]),
    ],
    [
      `mass owner change (the pipeline's ${statuses.reduce((n, s) => n + s.n, 0).toLocaleString('en')} cards)`,
      (em) => em.query(`UPDATE cards SET owner_id = $1 WHERE pipeline_id = $2 AND deleted_at IS NULL`, [users[1], pipelineId]),
    ],
    [`mass trash (${busiest.n.toLocaleString('en')} cards)`, (em) => em.query(`UPDATE cards SET deleted_at = now() WHERE status_id = $1 AND deleted_at IS NULL`, [busiest.id])],
    // As an import undone writes it: the activity taken away in one statement, the row trigger aside.
    [
      `mass trash by statement (${busiest.n.toLocaleString('en')} cards, trashCards)`,
      async (em) => trashCards(em, (await em.query(`SELECT id FROM cards WHERE status_id = $1 AND deleted_at IS NULL`, [busiest.id])).map((r: any) => r.id), new Date()),
    ],
    [
      // As an import writes them: the clients, their tags, then their cards.
      '10,000 new clients, each tagged, with a card (three statements)',
      async (em) => {
        const ids: string[] = (await em.query(`INSERT INTO clients (name) SELECT 'Trigger cost ' || g FROM generate_series(1, 10000) g RETURNING id`)).map((r: any) => r.id);
        await em.query(`INSERT INTO client_tags (client_id, tag_id) SELECT unnest($1::uuid[]), $2`, [ids, tag]);
        await em.query(
          `INSERT INTO cards (client_id, pipeline_id, status_id, position) SELECT id, $2, $3, 'zz' || lpad(i::text, 6, '0') FROM unnest($1::uuid[]) WITH ORDINALITY AS u (id, i)`,
          [ids, pipelineId, other.id],
        );
      },
    ],
    ['card touched (updated_at: no counted column)', (em) => em.query(`UPDATE cards SET updated_at = now() WHERE id = $1`, [one.id])],
    ['tag one client', (em) => em.query(`INSERT INTO client_tags (client_id, tag_id) SELECT $1, $2 ON CONFLICT DO NOTHING`, [clients[0], tag])],
    [`tag ${clients.length.toLocaleString('en')} clients in one statement`, (em) => em.query(`INSERT INTO client_tags (client_id, tag_id) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING`, [clients, tag])],
    [`untag ${tagged.length.toLocaleString('en')} clients in one statement`, (em) => em.query(`DELETE FROM client_tags WHERE tag_id = $1 AND client_id = ANY($2::uuid[])`, [tag, tagged])],
  ];
  const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 5);
  // `--only=<words>`: the measures whose name contains them.
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  for (const [name, write] of measures.filter(([name]) => !only || name.includes(only))) {
    const times: Record<'on' | 'off', number[]> = { on: [], off: [] };
    for (let i = 0; i < runs; i++) {
      // Alternating which goes first, so neither always meets the colder cache.
      for (const mode of i % 2 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
        const qr = ds.createQueryRunner();
        await qr.startTransaction();
        try {
          if (mode === 'off') for (const [table, trigger] of TRIGGERS) await qr.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
          const t = process.hrtime.bigint();
          await write(qr.manager);
          times[mode].push(Number(process.hrtime.bigint() - t) / 1e6);
        } finally {
          await qr.rollbackTransaction();
          await qr.release();
        }
      }
    }
    const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
    console.log(`${name}: with the ${SET} triggers ${median(times.on).toFixed(1)} ms, without ${median(times.off).toFixed(1)} ms (median of ${runs})`);
  }
  await ds.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
