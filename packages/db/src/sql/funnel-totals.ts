import { CLIENT_LABELS, historyTotalsChanged, joinLabels, keyList, liveCardsOfClients, statementTriggersSql, TOTALS_KEYS, type TotalsKeys } from './totals-keys';

/**
 * The funnel's totals (report_funnel_totals), all their SQL in one place. The migration FunnelTotals
 * installs the triggers built here; the report reads the table; the consistency test compares it with
 * recomputeFunnelTotals().
 *
 * The funnel counts, per status, the cards that entered it in the period (each card once), and of
 * those, the cards that entered the next status at or after their first entry in the period. Both
 * are counts of history rows once each row carries two facts about its card:
 * - the hour of the card's previous entry into the same status (`prev_hour`, '-infinity' for none):
 *   a row in the period whose previous entry is before the period is the card's first entry in it,
 *   so "entered" is a count of rows, exact for periods cut on whole hours;
 * - the statuses the card entered at or after the row (`reached_id`, the row's own status included):
 *   the conversion to whichever status is next when the report is read is the count of the first
 *   entries whose card reached it. The next status is chosen at read time from every status the card
 *   reached, so reordering, archiving or retyping statuses rewrites nothing.
 * - when the card first reached each of those statuses at or after the row, as its reach bucket
 *   (`reach_bucket`, migration FunnelReach): the UTC week of that moment, cut at UTC month starts too
 *   (REACH_BUCKET). A period that ends before the last change counts the conversions made by its end:
 *   the buckets before the one holding the period's end, and that bucket's cards read from the history
 *   around the end (a period cut at a local midnight ends within hours of a bucket's edge, at a week
 *   or a month start). An exact reach hour would make a row per entry; a bucket per week keeps the
 *   table within a few rows per entry hour.
 *
 * Per (pipeline, status, reached status, UTC hour of the entry, UTC hour of the previous entry, reach
 * bucket) the table holds how many rows of live cards (card_current) have those facts. Both facts depend on the
 * card's other rows, so rows written or deleted make the changed cards' rows be recomputed before and
 * after the statement (a few index probes per card), and a change of the card_current mark moves the
 * totals of the card's rows in that pipeline: one upsert per statement.
 *
 * The copy per label (report_funnel_label_totals, migration FunnelLabelTotals) holds the same totals
 * once per label (category or tag) of the card's client, so a report filtered to labels reads
 * totals too. The history rows carry their card's client (client_id, kept like the department), so
 * the same triggers keep it, a card given to another client included; a client's labels changing
 * adds or takes away the whole history of the client's cards for those labels (funnelOfLabelsSql,
 * called by the label tables' triggers of sql/label-totals.ts).
 */

/**
 * Which totals a statement keeps: the funnel's, or its copy per label, the labels of each row's
 * client read from `labels` (CLIENT_LABELS, or a relation of client_id, label_id).
 */
type Labels = string | null;

/**
 * The shape of the totals: their extra keys (the card's columns on each row), the copy per label
 * (`labels`), and whether they carry the reach bucket (every migration before FunnelReach builds
 * without it).
 */
interface Shape {
  keys: TotalsKeys;
  labels: Labels;
  reach: boolean;
}

const tableOf = (labels: Labels) => (labels ? 'report_funnel_label_totals' : 'report_funnel_totals');

/**
 * The reach bucket of an instant (SQL): the start of its UTC week, or of its UTC month when that is
 * later (a week across a month start is two buckets), so every week and month start is an edge.
 */
export const REACH_BUCKET = (at: string) => `greatest(date_trunc('week', ${at}, 'UTC'), date_trunc('month', ${at}, 'UTC'))`;

/** The columns of a history row set that the totals are computed from (the keys are the card's, on each of its rows). */
const row = (keys: TotalsKeys, labels: Labels = null) => `h.id, h.card_id, h.pipeline_id, h.status_id, h.at, h.card_current${keyList(keys, 'h')}${labels ? ', h.client_id' : ''}`;

/** The totals' key columns (over alias `a`, or bare). */
const keyColumns = ({ keys, labels, reach }: Shape, a?: string) =>
  [...(labels ? ['label_id'] : []), 'pipeline_id', 'status_id', 'reached_id', 'hour', 'prev_hour', ...(reach ? ['reach_bucket'] : []), ...keys]
    .map((col) => (a ? `${a}.${col}` : col))
    .join(', ');

/**
 * The totals of the history rows named `rows` (a CTE or table with the columns of row(), every row of
 * each card in it): (pipeline_id, status_id, reached_id, hour, prev_hour, reach_bucket, the keys, n)
 * over the live rows; per label of `labels` (label_id first) when given. Each row is paired with the
 * card's rows at or after it (a card's few rows, joined by card), the first of each status reached.
 */
function totalsOf(rows: string, shape: Shape): string {
  const { keys, labels, reach } = shape;
  const carried = `${keyList(keys, 'e')}${labels ? ', e.client_id' : ''}`;
  return `SELECT ${labels ? 'b.label_id, ' : ''}x.pipeline_id, x.status_id, x.reached_id, date_trunc('hour', x.at, 'UTC') AS hour,
      coalesce(date_trunc('hour', x.prev_at, 'UTC'), '-infinity') AS prev_hour${reach ? `, ${REACH_BUCKET('x.reach_at')} AS reach_bucket` : ''}${keyList(keys, 'x')}, count(*) AS n
    FROM (SELECT e.id, e.pipeline_id, e.status_id, l.status_id AS reached_id, e.at, e.prev_at${carried}, min(l.at) AS reach_at
          FROM (SELECT r.id, r.card_id, r.pipeline_id, r.status_id, r.at${keyList(keys, 'r')}${labels ? ', r.client_id' : ''}, lag(r.at) OVER (PARTITION BY r.card_id, r.status_id ORDER BY r.at, r.id) AS prev_at
                FROM ${rows} r WHERE r.card_current) e
          JOIN ${rows} l ON l.card_id = e.card_id AND l.pipeline_id = e.pipeline_id AND l.card_current AND l.at >= e.at
          GROUP BY e.id, e.pipeline_id, e.status_id, l.status_id, e.at, e.prev_at${carried}) x${labels ? `\n    ${joinLabels(labels, 'x', 'b')}` : ''}
    GROUP BY ${keyColumns(shape).split(', ').map((_, i) => i + 1).join(', ')}`;
}

/** The totals recomputed from the whole history (the backfill, and the consistency test's truth); `reach` false: as before migration FunnelReach. */
export function recomputeFunnelTotals(keys = TOTALS_KEYS, reach = true): string {
  return `WITH h AS MATERIALIZED (SELECT ${row(keys)} FROM card_status_changes h WHERE h.card_current) ${totalsOf('h', { keys, labels: null, reach })}`;
}

/** The totals per label recomputed from the whole history: the columns of report_funnel_label_totals. */
export function recomputeFunnelLabelTotals(keys = TOTALS_KEYS, reach = true): string {
  return `WITH h AS MATERIALIZED (SELECT ${row(keys, CLIENT_LABELS)} FROM card_status_changes h WHERE h.card_current) ${totalsOf('h', { keys, labels: CLIENT_LABELS, reach })}`;
}

/** The key columns of report_funnel_label_totals, in the order of recomputeFunnelLabelTotals() (n follows). */
export const funnelLabelKeys = (reach = true) => keyColumns({ keys: TOTALS_KEYS, labels: CLIENT_LABELS, reach });
export const FUNNEL_LABEL_KEYS = funnelLabelKeys();

/** The key columns of report_funnel_totals, in the order of recomputeFunnelTotals() (n follows). */
export const FUNNEL_KEYS = keyColumns({ keys: TOTALS_KEYS, labels: null, reach: true });

/**
 * Adds the totals of the rows `after` (takes them away with `sign` -1) and takes away those of the rows
 * `before` (named by `ctes`; `before` may be none): one upsert.
 */
function upsert(ctes: string, after: string, before: string | null, shape: Shape, sign: 1 | -1 = 1): string {
  const columns = (a?: string) => keyColumns(shape, a);
  const added = sign === 1 ? totalsOf(after, shape) : `SELECT ${columns('y')}, -y.n AS n FROM (${totalsOf(after, shape)}) y`;
  const taken = before ? `\n      UNION ALL\n      SELECT ${columns('x')}, -x.n FROM (${totalsOf(before, shape)}) x` : '';
  return `${ctes}
    INSERT INTO ${tableOf(shape.labels)} AS t (${columns()}, n)
    SELECT ${columns('d')}, sum(d.n) FROM (
      ${added}${taken}) d
    GROUP BY ${columns('d')} HAVING sum(d.n) <> 0
    -- (In key order: two statements upserting the same totals lock them in the same order, no deadlock.)
    ORDER BY ${columns('d')}
    ON CONFLICT (${columns()}) DO UPDATE SET n = t.n + EXCLUDED.n`;
}

/**
 * Rows written or deleted: the changed cards' rows after the statement, read by card (an index probe
 * per card: OFFSET 0 keeps the planner from hashing the whole history for a few cards), against the
 * rows before it (those less the new rows, plus the deleted ones).
 */
function applyWritten(changed: { newRows: string } | { oldRows: string }, shape: Shape): string {
  const { keys, labels } = shape;
  const table = 'newRows' in changed ? changed.newRows : changed.oldRows;
  const before = 'newRows' in changed
    ? `SELECT * FROM after a WHERE NOT EXISTS (SELECT 1 FROM ${changed.newRows} n WHERE n.id = a.id)`
    : `SELECT * FROM after UNION ALL SELECT ${row(keys, labels)} FROM ${changed.oldRows} h`;
  // Each card once (a statement may write several rows of a card).
  return upsert(
    `WITH after AS MATERIALIZED (
      SELECT h.* FROM (SELECT DISTINCT card_id FROM ${table}) k
      CROSS JOIN LATERAL (SELECT ${row(keys, labels)} FROM card_status_changes h WHERE h.card_id = k.card_id OFFSET 0) h),
    before AS MATERIALIZED (${before})`,
    'after',
    'before',
    shape,
  );
}

/**
 * Updates change only card_current and the keys, which all the rows of a card in a pipeline share (set
 * when a row is written, changed for all of them by the cards' triggers): the updated rows are then
 * each card's whole history in that pipeline, and the totals change by theirs, old and new, without
 * reading the table (the trash runs this once per card).
 */
const applyUpdate = (shape: Shape) => upsert('', 'new_rows', 'old_rows', shape);

/**
 * The trigger function keeping the totals, or their copy per label with `labels` (CLIENT_LABELS); an
 * update that changed no total is skipped (historyTotalsChanged: for the copy per label, a card given
 * to another client changes its rows' totals too); `reach` false: as before migration FunnelReach.
 */
export function funnelFunctionSql(keys = TOTALS_KEYS, labels: Labels = null, reach = true): string {
  const shape = { keys, labels, reach };
  return `CREATE OR REPLACE FUNCTION ${tableOf(labels)}_keep() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${applyWritten({ newRows: 'new_rows' }, shape)};
        ELSIF TG_OP = 'DELETE' THEN ${applyWritten({ oldRows: 'old_rows' }, shape)};
        ELSIF ${historyTotalsChanged(labels ? [...keys, 'client_id'] : keys)} THEN ${applyUpdate(shape)};
        END IF;
        RETURN NULL;
      END $$`;
}

/** The trigger function and triggers keeping the totals, or their copy per label (statements for the migration). */
export function funnelTriggerSql(keys = TOTALS_KEYS, labels: Labels = null, reach = true): string[] {
  return [
    funnelFunctionSql(keys, labels, reach),
    // (Only card_current and the keys are ever updated; a trigger with transition tables cannot name its columns.)
    ...statementTriggersSql(tableOf(labels), 'card_status_changes', `${tableOf(labels)}_keep`),
  ];
}

/** Drops what funnelTriggerSql() creates. */
export function dropFunnelTriggerSql(labels: Labels = null): string[] {
  return [
    ...['insert', 'update', 'delete'].map((op) => `DROP TRIGGER ${tableOf(labels)}_${op} ON card_status_changes`),
    `DROP FUNCTION ${tableOf(labels)}_keep()`,
  ];
}

/**
 * A client's labels changed (in a label table's statement trigger): the rows `labels` (client_id,
 * label_id) add (`sign` 1) or take away (-1) the whole history of their clients' cards in the totals
 * per label, for those labels only. The live cards are looked up by client (liveCardsOfClients: a
 * card in the trash has no live rows), their rows by card.
 */
export function funnelOfLabelsSql(labels: string, sign: 1 | -1, reach = true): string {
  const keys = TOTALS_KEYS;
  return upsert(
    `WITH h AS MATERIALIZED (
      SELECT h.* FROM ${liveCardsOfClients(labels, 'c.id')} k
      CROSS JOIN LATERAL (SELECT ${row(keys, labels)} FROM card_status_changes h WHERE h.card_id = k.id OFFSET 0) h)`,
    'h',
    null,
    { keys, labels, reach },
    sign,
  );
}
