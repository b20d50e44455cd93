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
 */

import { keyList, statementTriggersSql, TOTALS_KEYS, type TotalsKeys } from './totals-keys';

/** The figures of the cards `rows` (alias c) that are live, counted `sign` times: (pipeline_id, kind, hour, the keys, n). */
function figuresOf(rows: string, sign: string, keys: TotalsKeys): string {
  return `SELECT c.pipeline_id, 'card' AS kind, date_trunc('hour', c.created_at, 'UTC') AS hour${keyList(keys, 'c')}, ${sign} AS n FROM ${rows} c WHERE c.deleted_at IS NULL
    UNION ALL
    SELECT c.pipeline_id, 'client', date_trunc('hour', cl.created_at, 'UTC')${keyList(keys, 'c')}, ${sign} FROM ${rows} c JOIN clients cl ON cl.id = c.client_id WHERE c.deleted_at IS NULL`;
}

/** The totals' key columns (over alias `a`, or bare). */
const keyColumns = (keys: TotalsKeys, a?: string) => ['pipeline_id', 'kind', 'hour', ...keys].map((col) => (a ? `${a}.${col}` : col)).join(', ');

/** The totals recomputed from the cards (the backfill, and the consistency test's truth). */
export function recomputeNewTotals(keys = TOTALS_KEYS): string {
  return `SELECT ${keyColumns(keys, 'f')}, sum(f.n) AS n FROM (${figuresOf('cards', '1', keys)}) f GROUP BY ${keyColumns(keys, 'f')}`;
}

function upsert(parts: string, keys: TotalsKeys): string {
  return `INSERT INTO report_new_totals AS t (${keyColumns(keys)}, n)
    SELECT ${keyColumns(keys, 'f')}, sum(f.n) FROM (${parts}) f GROUP BY ${keyColumns(keys, 'f')} HAVING sum(f.n) <> 0
    ORDER BY ${keyColumns(keys, 'f')}
    ON CONFLICT (${keyColumns(keys)}) DO UPDATE SET n = t.n + EXCLUDED.n`;
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
    `CREATE TABLE report_new_totals (
      pipeline_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('card', 'client')),
      hour timestamptz NOT NULL,
      ${keys.map((k) => `${k} uuid,`).join(' ')}
      n bigint NOT NULL,
      ${keys.length ? `CONSTRAINT report_new_totals_key UNIQUE NULLS NOT DISTINCT` : 'PRIMARY KEY'} (${keyColumns(keys)}))`,
    `CREATE FUNCTION report_new_totals_cards() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${upsert(figuresOf('new_rows', '1', keys), keys)};
        ELSIF TG_OP = 'DELETE' THEN ${upsert(figuresOf('old_rows', '-1', keys), keys)};
        ELSE ${upsert(
          figuresOf(`(SELECT id, pipeline_id, client_id, created_at${keyList(keys)}, CASE WHEN deleted_at THEN now() END AS deleted_at, sign FROM (${changed(keys)}) x)`, 'c.sign', keys),
          keys,
        )};
        END IF;
        RETURN NULL;
      END $$`,
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

export function dropNewTotalsSql(): string[] {
  return [
    ...['insert', 'update', 'delete'].map((op) => `DROP TRIGGER report_new_totals_${op} ON cards`),
    'DROP TRIGGER report_new_totals_client_update ON clients',
    'DROP TRIGGER report_new_totals_client_delete ON clients',
    'DROP FUNCTION report_new_totals_cards()',
    'DROP FUNCTION report_new_totals_client()',
    'DROP TABLE report_new_totals',
  ];
}
