/**
 * New cards and new clients per pipeline and UTC hour (report_new_totals), all their SQL in one place.
 * The migration NewTotals installs what is built here; the weekly widget reads the table; the
 * consistency test compares it with recomputeNewTotals().
 *
 * Per pipeline, kind and UTC hour the table holds:
 * - 'card': the pipeline's live cards created in that hour;
 * - 'client': the pipeline's live cards whose client was created in that hour. A client has at most
 *   one live card per pipeline (cards_client_pipeline_key) and a client in the trash has its cards in
 *   the trash too (access/scope.ts), so this is the number of live clients created in that hour with a
 *   live card in the pipeline: the weekly widget's new clients.
 * The hour keys make every period cut at a local midnight of a whole-hour zone exact, and a change of
 * the organisation's zone rewrites nothing (weeks are summed from the hours when read).
 *
 * Kept by statement triggers on cards (the new rows' figures added, the old rows' taken away; the
 * updated rows are first paired by grouping, not by a join, so a mass edit that changes no key costs
 * one hash aggregate) and a row trigger on clients for the rare change of the creation time and for a
 * live client's deletion (its cards' figures are taken away before the cascade deletes them; the
 * cards' trigger then finds no client for them).
 *
 * The copy per label (report_new_label_totals, migration NewLabelTotals) holds the same figures once
 * per label (category or tag) of the card's client, so the weekly widget filtered to labels reads
 * totals too. It counts a card only while its client exists: a client deleted takes both figures of
 * its live cards away before the cascade (the cards' and the label tables' triggers then find no
 * client). A client's labels changing adds or takes away its live cards' figures (newOfLabelsSql, in
 * the label tables' triggers: sql/label-totals.ts).
 */

import { CLIENT_LABELS, joinLabels, keyList, liveCardsOfClients, statementTriggersSql, TOTALS_KEYS, type TotalsKeys } from './totals-keys';

/** Which totals a statement keeps: the figures, or their copy per label, the labels of each card's client read from `labels`. */
type Labels = string | null;

const tableOf = (labels: Labels) => (labels ? 'report_new_label_totals' : 'report_new_totals');

/** The figures of the cards `rows` (alias c) that are live, counted `sign` times: (pipeline_id, kind, hour, the keys, n); per label of `labels` (label_id first) when given. */
function figuresOf(rows: string, sign: string, keys: TotalsKeys, labels: Labels = null): string {
  if (labels) {
    return `SELECT l.label_id, c.pipeline_id, k.kind, date_trunc('hour', CASE k.kind WHEN 'card' THEN c.created_at ELSE cl.created_at END, 'UTC') AS hour${keyList(keys, 'c')}, ${sign} AS n
      FROM ${rows} c JOIN clients cl ON cl.id = c.client_id ${joinLabels(labels, 'c')} CROSS JOIN (VALUES ('card'), ('client')) k (kind)
      WHERE c.deleted_at IS NULL`;
  }
  return `SELECT c.pipeline_id, 'card' AS kind, date_trunc('hour', c.created_at, 'UTC') AS hour${keyList(keys, 'c')}, ${sign} AS n FROM ${rows} c WHERE c.deleted_at IS NULL
    UNION ALL
    SELECT c.pipeline_id, 'client', date_trunc('hour', cl.created_at, 'UTC')${keyList(keys, 'c')}, ${sign} FROM ${rows} c JOIN clients cl ON cl.id = c.client_id WHERE c.deleted_at IS NULL`;
}

/** The totals' key columns (over alias `a`, or bare); label_id first for the copy per label. */
const keyColumns = (keys: TotalsKeys, a?: string, labels: Labels = null) =>
  [...(labels ? ['label_id'] : []), 'pipeline_id', 'kind', 'hour', ...keys].map((col) => (a ? `${a}.${col}` : col)).join(', ');

/** The key columns of report_new_label_totals. */
export const NEW_LABEL_KEYS = keyColumns(TOTALS_KEYS, undefined, CLIENT_LABELS);

/** The totals recomputed from the cards (the backfill, and the consistency test's truth); per label with `labels` (CLIENT_LABELS). */
export function recomputeNewTotals(keys = TOTALS_KEYS, labels: Labels = null): string {
  return `SELECT ${keyColumns(keys, 'f', labels)}, sum(f.n) AS n FROM (${figuresOf('cards', '1', keys, labels)}) f GROUP BY ${keyColumns(keys, 'f', labels)}`;
}

/** The totals per label recomputed from the cards: the columns of report_new_label_totals (NEW_LABEL_KEYS, n). */
export const recomputeNewLabelTotals = () => recomputeNewTotals(TOTALS_KEYS, CLIENT_LABELS);

function upsert(parts: string, keys: TotalsKeys, labels: Labels = null): string {
  const columns = (a?: string) => keyColumns(keys, a, labels);
  return `INSERT INTO ${tableOf(labels)} AS t (${columns()}, n)
    SELECT ${columns('f')}, sum(f.n) FROM (${parts}) f GROUP BY ${columns('f')} HAVING sum(f.n) <> 0
    ORDER BY ${columns('f')}
    ON CONFLICT (${columns()}) DO UPDATE SET n = t.n + EXCLUDED.n`;
}

/**
 * Updated cards whose keys changed: the old and new rows grouped by card and keys, the groups that do
 * not cancel out (a key unchanged gives +1 and -1 in one group).
 */
const changed = (keys: TotalsKeys) => {
  const columns = `id, pipeline_id, client_id, created_at${keyList(keys)}`;
  return `SELECT ${columns}, u.deleted_at, sum(u.sign)::int AS sign FROM (
    SELECT ${columns}, (deleted_at IS NOT NULL) AS deleted_at, 1 AS sign FROM new_rows
    UNION ALL SELECT ${columns}, (deleted_at IS NOT NULL), -1 FROM old_rows) u
  GROUP BY ${columns}, u.deleted_at HAVING sum(u.sign) <> 0`;
};

/** The migration's statements: the table, the trigger functions and triggers, the backfill. */
export function newTotalsSql(keys = TOTALS_KEYS): string[] {
  return [
    tableSql(keys),
    cardsFunctionSql(keys),
    ...statementTriggersSql('report_new_totals', 'cards', 'report_new_totals_cards'),
    // A client's creation time changed, or a client deleted: its live cards' 'client' figures move or go.
    `CREATE FUNCTION report_new_totals_client() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${upsert(
          `SELECT c.pipeline_id, 'client' AS kind, date_trunc('hour', OLD.created_at, 'UTC') AS hour${keyList(keys, 'c')}, -1 AS n FROM cards c WHERE c.client_id = OLD.id AND c.deleted_at IS NULL
          UNION ALL
          SELECT c.pipeline_id, 'client', date_trunc('hour', NEW.created_at, 'UTC')${keyList(keys, 'c')}, 1 FROM cards c WHERE TG_OP = 'UPDATE' AND c.client_id = NEW.id AND c.deleted_at IS NULL`,
          keys,
        )};
        -- (Before a delete, the row to delete; after an update, ignored.)
        RETURN OLD;
      END $$`,
    `CREATE TRIGGER report_new_totals_client_update AFTER UPDATE OF created_at ON clients FOR EACH ROW
      WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at) EXECUTE FUNCTION report_new_totals_client()`,
    `CREATE TRIGGER report_new_totals_client_delete BEFORE DELETE ON clients FOR EACH ROW EXECUTE FUNCTION report_new_totals_client()`,
    `INSERT INTO report_new_totals (${keyColumns(keys)}, n) ${recomputeNewTotals(keys)}`,
  ];
}

/** The totals' table, or their copy per label's. */
function tableSql(keys: TotalsKeys, labels: Labels = null): string {
  const table = tableOf(labels);
  return `CREATE TABLE ${table} (
      ${labels ? 'label_id uuid NOT NULL,' : ''}
      pipeline_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('card', 'client')),
      hour timestamptz NOT NULL,
      ${keys.map((k) => `${k} uuid,`).join(' ')}
      n bigint NOT NULL,
      ${keys.length || labels ? `CONSTRAINT ${table}_key UNIQUE NULLS NOT DISTINCT` : 'PRIMARY KEY'} (${keyColumns(keys, undefined, labels)}))`;
}

/** The cards' statement trigger function keeping the totals, or their copy per label with `labels` (CLIENT_LABELS). */
function cardsFunctionSql(keys: TotalsKeys, labels: Labels = null): string {
  const up = (rows: string, sign: string) => upsert(figuresOf(rows, sign, keys, labels), keys, labels);
  return `CREATE FUNCTION ${tableOf(labels)}_cards() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${up('new_rows', '1')};
        ELSIF TG_OP = 'DELETE' THEN ${up('old_rows', '-1')};
        ELSE ${up(`(SELECT id, pipeline_id, client_id, created_at${keyList(keys)}, CASE WHEN deleted_at THEN now() END AS deleted_at, sign FROM (${changed(keys)}) x)`, 'c.sign')};
        END IF;
        RETURN NULL;
      END $$`;
}

/**
 * A client's labels changed (in a label table's statement trigger): the rows `labels` (client_id,
 * label_id) add (`sign` 1) or take away (-1) their clients' live cards' figures in the totals per
 * label, for those labels only.
 */
export function newOfLabelsSql(labels: string, sign: 1 | -1): string {
  return upsert(figuresOf(liveCardsOfClients(labels), String(sign), TOTALS_KEYS, labels), TOTALS_KEYS, labels);
}

/**
 * The migration's statements for the totals per label: the table, the cards' trigger function and
 * triggers, the clients' (a creation time changed moves the 'client' figures; a client deleted takes
 * both away before the cascade), the backfill.
 */
export function newLabelTotalsSql(): string[] {
  const labels = CLIENT_LABELS;
  const keys = TOTALS_KEYS;
  const ofClient = (id: string, kinds: string, hour: string, sign: string) =>
    `SELECT l.label_id, c.pipeline_id, k.kind, date_trunc('hour', CASE k.kind WHEN 'card' THEN c.created_at ELSE ${hour} END, 'UTC') AS hour${keyList(keys, 'c')}, ${sign} AS n
      FROM cards c ${joinLabels(labels, 'c')} CROSS JOIN (VALUES ${kinds}) k (kind) WHERE c.client_id = ${id} AND c.deleted_at IS NULL`;
  return [
    tableSql(keys, labels),
    cardsFunctionSql(keys, labels),
    ...statementTriggersSql('report_new_label_totals', 'cards', 'report_new_label_totals_cards'),
    `CREATE FUNCTION report_new_label_totals_client() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          ${upsert(ofClient('OLD.id', `('card'), ('client')`, 'OLD.created_at', '-1'), keys, labels)};
          RETURN OLD;
        END IF;
        ${upsert(`${ofClient('OLD.id', `('client')`, 'OLD.created_at', '-1')} UNION ALL ${ofClient('NEW.id', `('client')`, 'NEW.created_at', '1')}`, keys, labels)};
        RETURN NULL;
      END $$`,
    `CREATE TRIGGER report_new_label_totals_client_update AFTER UPDATE OF created_at ON clients FOR EACH ROW
      WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at) EXECUTE FUNCTION report_new_label_totals_client()`,
    `CREATE TRIGGER report_new_label_totals_client_delete BEFORE DELETE ON clients FOR EACH ROW EXECUTE FUNCTION report_new_label_totals_client()`,
    `INSERT INTO report_new_label_totals (${NEW_LABEL_KEYS}, n) ${recomputeNewLabelTotals()} HAVING sum(f.n) <> 0`,
  ];
}

/** Drops what newTotalsSql() (or newLabelTotalsSql(), with `labels`) creates. */
export function dropNewTotalsSql(labels: Labels = null): string[] {
  const table = tableOf(labels);
  return [
    ...['insert', 'update', 'delete'].map((op) => `DROP TRIGGER ${table}_${op} ON cards`),
    `DROP TRIGGER ${table}_client_update ON clients`,
    `DROP TRIGGER ${table}_client_delete ON clients`,
    `DROP FUNCTION ${table}_cards()`,
    `DROP FUNCTION ${table}_client()`,
    `DROP TABLE ${table}`,
  ];
}
