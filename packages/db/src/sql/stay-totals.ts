/**
 * Time in status from totals (report_stay_totals), all its SQL in one place. The migration StayTotals
 * installs what is built here; the report reads the table; the consistency test compares it with
 * recomputeStayTotals().
 *
 * A stay is a history row of a live card (card_current) with the status it left (from_status_id) and
 * when it entered it (from_status_at): it ended at the row's `at`. Per pipeline, status left, grain
 * ('day' or 'month': the UTC day and the UTC month the stay ended in, each stay counted in both) and
 * duration bucket, the table holds how many stays there are and the sum of their exact durations in
 * seconds: the average is exact, the median is read from the buckets (see stayBucketSql).
 *
 * A report reads the whole UTC months of its period from the month rows, the whole UTC days left from
 * the day rows, and the hours at the ends (periods cut at a local midnight start and end inside a UTC
 * day) from the history itself: about 50 rows per status a month, 5,000 a year, whatever the cards.
 *
 * Every figure depends only on the row itself, so the triggers add the new rows' stays and take away
 * the old rows' (an update changes only card_current): one upsert per statement, no pairing of rows.
 *
 * The copy per label (report_stay_label_totals, migration StayLabelTotals) holds the same totals once
 * per label (category or tag) of the row's client (the history carries it: migration
 * FunnelLabelTotals), so a report filtered to labels reads time in status from totals too; a
 * client's labels changing adds or takes away the stays of the client's cards (stayOfLabelsSql).
 */

import { CLIENT_LABELS, historyTotalsChanged, joinLabels, keyList, liveCardsOfClients, statementTriggersSql, TOTALS_KEYS, type TotalsKeys } from './totals-keys';

/** Which totals a statement keeps: the stays', or their copy per label, the labels of each row's client read from `labels`. */
type Labels = string | null;

const tableOf = (labels: Labels) => (labels ? 'report_stay_label_totals' : 'report_stay_totals');

/** Durations up to two days: one bucket an hour. Above: buckets 5 % wide. */
const HOURLY_SECONDS = 172_800;
const RATIO = 1.05;

/** The bucket of a duration in seconds (numeric): whole hours below two days, then 5 % steps. */
export function stayBucketSql(value: string): string {
  const seconds = `(${value})`;
  return `(CASE WHEN ${seconds} < ${HOURLY_SECONDS} THEN floor(${seconds} / 3600) ELSE ${HOURLY_SECONDS / 3600} + floor(ln(${seconds} / ${HOURLY_SECONDS}) / ln(${RATIO})) END)::int`;
}

/** The lower bound of a bucket, in seconds (float8). */
export function stayBucketStartSql(value: string): string {
  const bucket = `(${value})`;
  return `(CASE WHEN ${bucket} <= ${HOURLY_SECONDS / 3600} THEN ${bucket} * 3600.0 ELSE ${HOURLY_SECONDS} * power(${RATIO}, ${bucket} - ${HOURLY_SECONDS / 3600}) END)::float8`;
}

/** A history row's stay as (pipeline_id, status_id, at, seconds, the keys), for the rows `rows` (alias h) that are stays. */
const stay = (keys: TotalsKeys, labels: Labels) =>
  `h.pipeline_id, h.from_status_id AS status_id, h.at, extract(epoch FROM h.at - h.from_status_at) AS seconds${keyList(keys, 'h')}${labels ? ', h.client_id' : ''}`;
const IS_STAY = 'h.card_current AND h.from_status_id IS NOT NULL AND h.from_status_at IS NOT NULL';

/** The totals' key columns (over alias `a`, or bare). */
const keyColumns = (keys: TotalsKeys, a?: string, labels: Labels = null) =>
  [...(labels ? ['label_id'] : []), 'pipeline_id', 'status_id', 'grain', 'start', 'bucket', ...keys].map((col) => (a ? `${a}.${col}` : col)).join(', ');

/** The totals of the stays among `rows` (alias h), each counted `sign` times; per label of `labels` (label_id first) when given. */
function totalsOf(rows: string, sign: 1 | -1, keys: TotalsKeys, labels: Labels = null): string {
  return `SELECT ${labels ? 'b.label_id, ' : ''}s.pipeline_id, s.status_id, g.grain, date_trunc(g.grain, s.at, 'UTC') AS start, ${stayBucketSql('s.seconds')} AS bucket${keyList(keys, 's')},
      ${sign} * count(*) AS n, ${sign} * sum(s.seconds) AS seconds
    FROM (SELECT ${stay(keys, labels)} FROM ${rows} h WHERE ${IS_STAY}) s ${labels ? `${joinLabels(labels, 's', 'b')} ` : ''}CROSS JOIN (VALUES ('day'), ('month')) g (grain)
    GROUP BY 1, 2, 3, 4, 5${labels ? ', 6' : ''}${keyList(keys, 's')}`;
}

/** The totals recomputed from the whole history (the backfill, and the consistency test's truth). */
export function recomputeStayTotals(keys = TOTALS_KEYS): string {
  return totalsOf('card_status_changes', 1, keys);
}

/** The totals per label recomputed from the whole history: the columns of report_stay_label_totals (STAY_LABEL_KEYS, n, seconds). */
export function recomputeStayLabelTotals(): string {
  return totalsOf('card_status_changes', 1, TOTALS_KEYS, CLIENT_LABELS);
}

/** The key columns of report_stay_label_totals. */
export const STAY_LABEL_KEYS = keyColumns(TOTALS_KEYS, undefined, CLIENT_LABELS);

function upsert(parts: string[], keys: TotalsKeys, labels: Labels = null): string {
  const columns = (a?: string) => keyColumns(keys, a, labels);
  return `INSERT INTO ${tableOf(labels)} AS t (${columns()}, n, seconds)
    SELECT ${columns('d')}, sum(d.n), sum(d.seconds) FROM (${parts.join(' UNION ALL ')}) d
    GROUP BY ${columns('d')} HAVING sum(d.n) <> 0 OR sum(d.seconds) <> 0
    -- (In key order: two statements upserting the same totals lock them in the same order, no deadlock.)
    ORDER BY ${columns('d')}
    ON CONFLICT (${columns()}) DO UPDATE SET n = t.n + EXCLUDED.n, seconds = t.seconds + EXCLUDED.seconds`;
}

/**
 * The trigger function keeping the totals, or their copy per label with `labels` (CLIENT_LABELS); an
 * update that changed no total is skipped (historyTotalsChanged: for the copy per label, a card given
 * to another client changes its rows' totals too).
 */
export function stayFunctionSql(keys = TOTALS_KEYS, labels: Labels = null): string {
  const of = (rows: string, sign: 1 | -1) => totalsOf(rows, sign, keys, labels);
  return `CREATE OR REPLACE FUNCTION ${tableOf(labels)}_keep() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${upsert([of('new_rows', 1)], keys, labels)};
        ELSIF TG_OP = 'DELETE' THEN ${upsert([of('old_rows', -1)], keys, labels)};
        ELSIF ${historyTotalsChanged(labels ? [...keys, 'client_id'] : keys)} THEN ${upsert([of('new_rows', 1), of('old_rows', -1)], keys, labels)};
        END IF;
        RETURN NULL;
      END $$`;
}

/**
 * A client's labels changed (in a label table's statement trigger): the rows `labels` (client_id,
 * label_id) add (`sign` 1) or take away (-1) the stays of their clients' live cards in the totals per
 * label, for those labels only.
 */
export function stayOfLabelsSql(labels: string, sign: 1 | -1): string {
  const rows = `(SELECT h.* FROM ${liveCardsOfClients(labels, 'c.id')} k
      CROSS JOIN LATERAL (SELECT * FROM card_status_changes h WHERE h.card_id = k.id OFFSET 0) h)`;
  return upsert([totalsOf(rows, sign, TOTALS_KEYS, labels)], TOTALS_KEYS, labels);
}

/** The migration's statements for the totals per label: the table, its read index, trigger function and triggers, the backfill. */
export function stayLabelTotalsSql(): string[] {
  return [
    `CREATE TABLE report_stay_label_totals (label_id uuid NOT NULL, pipeline_id uuid NOT NULL, status_id uuid NOT NULL,
      grain text NOT NULL CHECK (grain IN ('day', 'month')), start timestamptz NOT NULL, bucket int NOT NULL, department_id uuid,
      n bigint NOT NULL, seconds numeric NOT NULL,
      CONSTRAINT report_stay_label_totals_key UNIQUE NULLS NOT DISTINCT (${STAY_LABEL_KEYS}))`,
    `CREATE INDEX report_stay_label_totals_read_idx ON report_stay_label_totals (label_id, pipeline_id, grain, start) INCLUDE (status_id, bucket, n, seconds${keyList(TOTALS_KEYS)})`,
    stayFunctionSql(TOTALS_KEYS, CLIENT_LABELS),
    ...statementTriggersSql('report_stay_label_totals', 'card_status_changes', 'report_stay_label_totals_keep'),
    `INSERT INTO report_stay_label_totals (${STAY_LABEL_KEYS}, n, seconds) ${recomputeStayLabelTotals()}`,
  ];
}

/** Drops what stayLabelTotalsSql() creates. */
export function dropStayLabelTotalsSql(): string[] {
  return [
    ...['insert', 'update', 'delete'].map((op) => `DROP TRIGGER report_stay_label_totals_${op} ON card_status_changes`),
    'DROP FUNCTION report_stay_label_totals_keep()',
    'DROP TABLE report_stay_label_totals',
  ];
}

/** The migration's statements: the table, its trigger function and triggers, the backfill. */
export function stayTotalsSql(keys = TOTALS_KEYS): string[] {
  return [
    `CREATE TABLE report_stay_totals (
      pipeline_id uuid NOT NULL,
      status_id uuid NOT NULL,
      grain text NOT NULL CHECK (grain IN ('day', 'month')),
      start timestamptz NOT NULL,
      bucket int NOT NULL,
      ${keys.map((k) => `${k} uuid,`).join(' ')}
      n bigint NOT NULL,
      seconds numeric NOT NULL,
      ${keys.length ? `CONSTRAINT report_stay_totals_key UNIQUE NULLS NOT DISTINCT` : 'PRIMARY KEY'} (${keyColumns(keys)}))`,
    // (Read by pipeline, grain and start for every status at once.)
    `CREATE INDEX report_stay_totals_read_idx ON report_stay_totals (pipeline_id, grain, start) INCLUDE (status_id, bucket, n, seconds${keyList(keys)})`,
    stayFunctionSql(keys),
    ...statementTriggersSql('report_stay_totals', 'card_status_changes', 'report_stay_totals_keep'),
    `INSERT INTO report_stay_totals (${keyColumns(keys)}, n, seconds) ${recomputeStayTotals(keys)}`,
  ];
}

export function dropStayTotalsSql(): string[] {
  return [
    ...['insert', 'update', 'delete'].map((op) => `DROP TRIGGER report_stay_totals_${op} ON card_status_changes`),
    'DROP FUNCTION report_stay_totals_keep()',
    'DROP TABLE report_stay_totals',
  ];
}

/** One UTC range [from, to) of a period's split; empty when from >= to. */
export interface Range {
  from: Date;
  to: Date;
}

/**
 * A period on whole hours split into what the table serves and what the history must: whole UTC
 * months, the whole UTC days around them, and the hours at both ends.
 */
export function splitStayPeriod(from: Date, to: Date): { months: Range; days: [Range, Range]; hours: [Range, Range] } {
  const day = 86_400_000;
  const dayStart = new Date(Math.ceil(from.getTime() / day) * day);
  const dayEnd = new Date(Math.floor(to.getTime() / day) * day);
  if (dayStart >= dayEnd) return { months: { from, to: from }, days: [{ from, to: from }, { from, to: from }], hours: [{ from, to }, { from: to, to }] };
  const monthStart = new Date(Date.UTC(dayStart.getUTCFullYear(), dayStart.getUTCMonth() + (dayStart.getUTCDate() === 1 ? 0 : 1), 1));
  const monthEnd = new Date(Date.UTC(dayEnd.getUTCFullYear(), dayEnd.getUTCMonth(), 1));
  const hours: [Range, Range] = [
    { from, to: dayStart },
    { from: dayEnd, to },
  ];
  if (monthStart >= monthEnd) return { months: { from: dayStart, to: dayStart }, days: [{ from: dayStart, to: dayEnd }, { from: dayEnd, to: dayEnd }], hours };
  return {
    months: { from: monthStart, to: monthEnd },
    days: [
      { from: dayStart, to: monthStart },
      { from: monthEnd, to: dayEnd },
    ],
    hours,
  };
}
