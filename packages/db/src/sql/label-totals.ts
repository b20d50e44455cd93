/**
 * Report totals per label (migration LabelTotals), so a report filtered to categories or to tags
 * reads totals instead of the cards. A client carries any number of labels (categories and tags: both
 * uuids, so one label_id holds either); each card counts once per label of its client. A filter of
 * several labels (any of them) sums them and takes away again the cards of the clients that carry
 * more than one (the reports' lessOverlap); a category and a tag together read the cards.
 *
 * - The card-row totals per label (card_label_column_totals, card_label_outcome_totals,
 *   card_label_forecast_totals) mirror card_column_totals, card_outcome_totals and card_forecast_totals
 *   with label_id first: one statement trigger on cards keeps all three (labelCardTotalsTriggerSql).
 * - The activity per label (report_activity_label_totals) is kept by the activity triggers themselves
 *   (sql/activity-totals.ts: each upsert of events also joins their cards' clients' labels).
 * - A client's labels changing (rows of client_tags or client_categories written or deleted, a label
 *   deleted by the cascade) adds or takes away the clients' live cards in all four, for those labels
 *   only (labelChangeTriggerSql), and their history in the funnel's and the stays' (migrations
 *   FunnelLabelTotals, StayLabelTotals), and their new cards and clients (NewLabelTotals).
 */
import { activityOfLabelsSql } from './activity-totals';
import { funnelOfLabelsSql } from './funnel-totals';
import { newOfLabelsSql } from './new-totals';
import { stayOfLabelsSql } from './stay-totals';
import { CLIENT_LABELS, joinLabels, liveCardsOfClients, statementTriggersSql, TOTALS_KEYS } from './totals-keys';

export { CLIENT_LABELS };

/** The tables holding a client's labels, with their label column. */
export const LABEL_TABLES = [
  { table: 'client_categories', column: 'category_id' },
  { table: 'client_tags', column: 'tag_id' },
] as const;

/** A card-row totals table per label: its own keys as computed from a card row (besides label and department), and which cards count. */
export interface LabelCardTotals {
  table: string;
  keys: string[];
  values: string[];
  where: string;
}

/** The label copies of the card-row totals of migration DepartmentTotals (same keys, values and conditions). */
export const LABEL_CARD_TOTALS: LabelCardTotals[] = [
  { table: 'card_label_column_totals', keys: ['status_id', 'owner_id', 'currency'], values: ['status_id', 'owner_id', 'currency'], where: 'deleted_at IS NULL' },
  {
    table: 'card_label_outcome_totals',
    keys: ['status_id', 'hour', 'owner_id', 'currency'],
    values: ['status_id', `date_trunc('hour', status_changed_at, 'UTC')`, 'owner_id', 'currency'],
    where: 'deleted_at IS NULL',
  },
  {
    table: 'card_label_forecast_totals',
    keys: ['status_id', 'month', 'owner_id', 'currency'],
    values: ['status_id', `date_trunc('month', expected_close_date)::date`, 'owner_id', 'currency'],
    where: 'deleted_at IS NULL AND expected_close_date IS NOT NULL',
  },
];

/** The card columns the card-row totals are computed from (a card update changing none of them changes no total). */
const COUNTED = ['client_id', 'status_id', 'owner_id', 'currency', 'value', 'status_changed_at', 'expected_close_date', 'deleted_at', ...TOTALS_KEYS];

/** A table's columns, in the order labelTotalsOf() gives them. */
const columnsOf = (t: LabelCardTotals) => ['label_id', ...t.keys, ...TOTALS_KEYS, 'count', 'valued', 'amount'].join(', ');

/**
 * The totals of the cards `rows` (card columns and a `sign`, alias c) per label of `labels` (alias l,
 * joined by client): the rows to upsert into `t`.
 */
function labelTotalsOf(t: LabelCardTotals, rows: string, labels: string): string {
  // (The values name card columns bare: the labels' relation has only client_id and label_id.)
  const keys = ['l.label_id', ...t.values, ...TOTALS_KEYS.map((k) => `c.${k}`)];
  const named = ['l.label_id', ...t.values.map((v, i) => `${v} AS ${t.keys[i]}`), ...TOTALS_KEYS.map((k) => `c.${k}`)];
  return `SELECT ${named.join(', ')}, sum(c.sign) AS count, coalesce(sum(c.sign) FILTER (WHERE c.value IS NOT NULL), 0) AS valued,
      coalesce(sum(c.sign * c.value), 0) AS amount
    FROM ${rows} c ${joinLabels(labels, 'c')}
    WHERE ${t.where}
    GROUP BY ${keys.map((_, i) => i + 1).join(', ')}`;
}

/** Adds the cards `rows` (with a column `sign`) per label of `labels` to every card-row label total: one statement. */
function upsertAll(rows: string, labels: string): string {
  const upsert = (t: LabelCardTotals) => `INSERT INTO ${t.table} AS t (${columnsOf(t)})
      SELECT * FROM (${labelTotalsOf(t, 'x', labels)}) g WHERE g.count <> 0 OR g.valued <> 0 OR g.amount <> 0
      -- (In key order: two statements upserting the same totals lock them in the same order.)
      ORDER BY ${[...t.keys, 'label_id', ...TOTALS_KEYS].map((k) => `g.${k}`).join(', ')}
      ON CONFLICT ON CONSTRAINT ${t.table}_key DO UPDATE
        SET count = t.count + EXCLUDED.count, valued = t.valued + EXCLUDED.valued, amount = t.amount + EXCLUDED.amount`;
  const [first, ...rest] = LABEL_CARD_TOTALS;
  return `WITH x AS MATERIALIZED (${rows}), ${rest.map((t, i) => `u${i} AS (${upsert(t)})`).join(', ')} ${upsert(first)}`;
}

/**
 * The cards' statement trigger keeping the card-row label totals. An update's old and new rows are
 * grouped per card and counted column: a card whose counted columns are unchanged (an edit of its
 * name, a todo's touch of updated_at) cancels out before its client's labels are looked up.
 */
export function labelCardTotalsTriggerSql(): string[] {
  const cols = ['id', ...COUNTED].join(', ');
  const changed = `SELECT ${cols}, sum(sign) AS sign FROM (
          SELECT ${cols}, 1 AS sign FROM new_rows UNION ALL SELECT ${cols}, -1 FROM old_rows) u
        GROUP BY ${cols} HAVING sum(sign) <> 0`;
  return [
    `CREATE FUNCTION card_label_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${upsertAll(`SELECT ${cols}, 1 AS sign FROM new_rows`, CLIENT_LABELS)};
        ELSIF TG_OP = 'DELETE' THEN ${upsertAll(`SELECT ${cols}, -1 AS sign FROM old_rows`, CLIENT_LABELS)};
        ELSE ${upsertAll(changed, CLIENT_LABELS)};
        END IF;
        RETURN NULL;
      END $$`,
    ...statementTriggersSql('card_label_totals', 'cards', 'card_label_totals_apply'),
  ];
}

/**
 * The other totals per label that a label change moves too: the history's, the funnel's (migration
 * FunnelLabelTotals) and the stays' (StayLabelTotals), and the new cards and clients' (NewLabelTotals).
 */
const MORE_LABEL_TOTALS: Record<'funnel' | 'stays' | 'new', (labels: string, sign: 1 | -1, funnelReach: boolean) => string> = {
  funnel: funnelOfLabelsSql,
  stays: (labels, sign) => stayOfLabelsSql(labels, sign),
  new: (labels, sign) => newOfLabelsSql(labels, sign),
};
type MoreLabelTotals = keyof typeof MORE_LABEL_TOTALS;

/**
 * The trigger functions of client_categories and client_tags: the changed (client, label) rows add
 * (written) or take away (deleted) the clients' live cards, in the card-row label totals and the
 * activity's, and in the `more` totals per label that the migrations have made so far: their cards'
 * history (sql/funnel-totals.ts, sql/stay-totals.ts), their new cards and clients (sql/new-totals.ts)
 * (`funnelReach` false: the funnel's before migration FunnelReach).
 */
export function labelChangeFunctionsSql(more: MoreLabelTotals[] = [], funnelReach = true): string[] {
  return LABEL_TABLES.map(({ table, column }) => {
    const rows = (transition: string) => `(SELECT client_id, ${column} AS label_id FROM ${transition})`;
    const cards = (transition: string, sign: 1 | -1) => `SELECT * FROM ${liveCardsOfClients(transition, `${['id', ...COUNTED].map((c) => `c.${c}`).join(', ')}, ${sign} AS sign`)} c`;
    const add = (transition: string, sign: 1 | -1) => `${upsertAll(cards(transition, sign), rows(transition))};
          ${activityOfLabelsSql(rows(transition), sign)};${more.map((m) => `\n          ${MORE_LABEL_TOTALS[m](rows(transition), sign, funnelReach)};`).join('')}`;
    return `CREATE OR REPLACE FUNCTION ${table}_label_totals() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          ${add('old_rows', -1)}
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          ${add('new_rows', 1)}
        END IF;
        RETURN NULL;
      END $$`;
  });
}

/** The label tables' trigger functions (labelChangeFunctionsSql) and their statement triggers. */
export function labelChangeTriggerSql(): string[] {
  return [...labelChangeFunctionsSql(), ...LABEL_TABLES.flatMap(({ table }) => statementTriggersSql(`${table}_label_totals`, table, `${table}_label_totals`))];
}

/** Drops what labelCardTotalsTriggerSql() and labelChangeTriggerSql() create. */
export function dropLabelTriggerSql(): string[] {
  return [
    ...LABEL_TABLES.flatMap(({ table }) => [
      ...['insert', 'update', 'delete'].map((op) => `DROP TRIGGER ${table}_label_totals_${op} ON ${table}`),
      `DROP FUNCTION ${table}_label_totals()`,
    ]),
    ...['insert', 'update', 'delete'].map((op) => `DROP TRIGGER card_label_totals_${op} ON cards`),
    'DROP FUNCTION card_label_totals_apply()',
  ];
}

/** A card-row label total recomputed from the cards (the backfill, and the consistency test's truth): its columns' rows. */
export function recomputeLabelCardTotals(t: LabelCardTotals): string {
  return labelTotalsOf(t, `(SELECT c.*, 1 AS sign FROM cards c)`, CLIENT_LABELS);
}

/** The key columns of a card-row label total (for the tests' comparisons). */
export const labelCardTotalsColumns = (t: LabelCardTotals) => columnsOf(t);
