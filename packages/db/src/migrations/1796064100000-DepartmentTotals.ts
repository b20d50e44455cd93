import { MigrationInterface, QueryRunner } from 'typeorm';
import { ACTIVITY_SOURCES, activityOfCardsSql, activityTriggerSql, dropActivityTriggerSql, recomputeActivityTotals } from '../sql/activity-totals';
import { dropFunnelTriggerSql, funnelTriggerSql, recomputeFunnelTotals } from '../sql/funnel-totals';
import { dropNewTotalsSql, newTotalsSql } from '../sql/new-totals';
import { dropStayTotalsSql, stayTotalsSql } from '../sql/stay-totals';

/**
 * Report totals per department, so a department-limited manager and a department filter read the
 * totals instead of the cards (the visibility rule is "the client's department is null or one of
 * the viewer's", and a client has at most one department):
 * - cards.department_id, the client's department, kept by triggers: set when a card is written with
 *   a client, moved to another client or restored from the trash, and for a client's live cards when
 *   its department changes (one statement trigger on clients). A card in the trash may keep an old
 *   department: no total counts it, and its restore sets it again.
 * - card_status_changes.department_id, the card's, kept with card_current by the cards' statement
 *   trigger (and set by the audit trigger on new rows), so the history-driven totals (funnel, stays)
 *   move a card's contributions when its department changes, as they do when it is trashed.
 * - every totals table keyed by department_id too (NULLS NOT DISTINCT): the card-row totals (column,
 *   outcome, forecast) from the card rows, the others by sql/totals-keys.ts. Each is refilled.
 */
export class DepartmentTotals1796064100000 implements MigrationInterface {
  name = 'DepartmentTotals1796064100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    for (const sql of [...dropActivityTriggerSql(), ...dropFunnelTriggerSql(), ...dropStayTotalsSql(), ...dropNewTotalsSql()]) await q(sql);
    // The new columns filled with the other triggers off: every total is refilled below.
    await q(`ALTER TABLE cards ADD department_id uuid`);
    await q(`ALTER TABLE card_status_changes ADD department_id uuid`);
    await q(`ALTER TABLE cards DISABLE TRIGGER USER`);
    await q(`UPDATE cards c SET department_id = cl.department_id FROM clients cl WHERE cl.id = c.client_id AND cl.department_id IS NOT NULL`);
    await q(`ALTER TABLE cards ENABLE TRIGGER USER`);
    await q(`ALTER TABLE card_status_changes DISABLE TRIGGER USER`);
    await q(`UPDATE card_status_changes h SET department_id = c.department_id FROM cards c WHERE c.id = h.card_id AND c.department_id IS NOT NULL`);
    await q(`ALTER TABLE card_status_changes ENABLE TRIGGER USER`);
    await q(`DROP INDEX card_status_changes_current_idx`);
    await q(currentIndex(true));

    await q(`CREATE FUNCTION cards_department() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.department_id := (SELECT cl.department_id FROM clients cl WHERE cl.id = NEW.client_id);
        RETURN NEW;
      END $$`);
    await q(`CREATE TRIGGER cards_department_insert BEFORE INSERT ON cards FOR EACH ROW EXECUTE FUNCTION cards_department()`);
    await q(`CREATE TRIGGER cards_department_update BEFORE UPDATE OF client_id, deleted_at ON cards FOR EACH ROW
      WHEN (OLD.client_id IS DISTINCT FROM NEW.client_id OR (OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL))
      EXECUTE FUNCTION cards_department()`);
    // The clients whose department changed found by grouping their old and new rows (an unchanged
    // client's two rows cancel out), their live cards by the index of live cards by client. The cards'
    // activity events move here, before and after (the cards' row trigger leaves a department change
    // alone to this one statement).
    const changed = `WITH k AS (SELECT u.id, u.department_id FROM (
                SELECT id, department_id, 1 AS sign FROM new_rows
                UNION ALL SELECT id, department_id, -1 FROM old_rows) u
              GROUP BY 1, 2 HAVING sum(u.sign) > 0)`;
    const cards = `SELECT c.* FROM cards c JOIN k ON c.client_id = k.id WHERE c.deleted_at IS NULL AND c.department_id IS DISTINCT FROM k.department_id`;
    await q(`CREATE FUNCTION clients_department_cards() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${changed} ${activityOfCardsSql(`(${cards})`, -1)};
        ${changed}, moved AS (
          UPDATE cards c SET department_id = k.department_id FROM k
          WHERE c.client_id = k.id AND c.deleted_at IS NULL AND c.department_id IS DISTINCT FROM k.department_id
          RETURNING c.*)
        ${activityOfCardsSql('moved', 1)};
        RETURN NULL;
      END $$`);
    await q(`CREATE TRIGGER clients_department_cards AFTER UPDATE ON clients REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION clients_department_cards()`);
    await q(currentFunction(true));
    await q(fromAuditFunction(true));

    for (const t of CARD_TOTALS) {
      await q(`ALTER TABLE ${t.table} DROP CONSTRAINT ${t.table}_key`);
      await q(`TRUNCATE ${t.table}`);
      await q(`ALTER TABLE ${t.table} ADD department_id uuid`);
      await q(`ALTER TABLE ${t.table} ADD CONSTRAINT ${t.table}_key UNIQUE NULLS NOT DISTINCT (${[...t.keys, 'department_id'].join(', ')})`);
      await q(cardTotalsFunction(t, true));
      await q(cardTotalsFill(t, true));
    }

    await q(`TRUNCATE report_activity_totals`);
    await q(`ALTER TABLE report_activity_totals DROP CONSTRAINT report_activity_totals_pkey, ADD department_id uuid`);
    await q(`ALTER TABLE report_activity_totals ADD CONSTRAINT report_activity_totals_key UNIQUE NULLS NOT DISTINCT (pipeline_id, kind, hour, user_id, department_id)`);
    for (const sql of activityTriggerSql()) await q(sql);
    await q(`INSERT INTO report_activity_totals (pipeline_id, kind, hour, user_id, department_id, n) ${recomputeActivityTotals()}`);

    await q(`TRUNCATE report_funnel_totals`);
    await q(`ALTER TABLE report_funnel_totals DROP CONSTRAINT report_funnel_totals_pkey, ADD department_id uuid`);
    await q(`ALTER TABLE report_funnel_totals ADD CONSTRAINT report_funnel_totals_key UNIQUE NULLS NOT DISTINCT (pipeline_id, status_id, reached_id, hour, prev_hour, department_id)`);
    for (const sql of funnelTriggerSql(undefined, null, false)) await q(sql);
    await q(`INSERT INTO report_funnel_totals (pipeline_id, status_id, reached_id, hour, prev_hour, department_id, n) ${recomputeFunnelTotals(undefined, false)}`);

    for (const sql of [...stayTotalsSql(), ...newTotalsSql()]) await q(sql);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    for (const sql of [...dropActivityTriggerSql(), ...dropFunnelTriggerSql(), ...dropStayTotalsSql(), ...dropNewTotalsSql()]) await q(sql);
    await q(`DROP TRIGGER clients_department_cards ON clients`);
    await q(`DROP FUNCTION clients_department_cards()`);
    await q(`DROP TRIGGER cards_department_update ON cards`);
    await q(`DROP TRIGGER cards_department_insert ON cards`);
    await q(`DROP FUNCTION cards_department()`);
    await q(currentFunction(false));
    await q(fromAuditFunction(false));
    await q(`DROP INDEX card_status_changes_current_idx`);
    await q(currentIndex(false));

    for (const t of CARD_TOTALS) {
      await q(`ALTER TABLE ${t.table} DROP CONSTRAINT ${t.table}_key`);
      await q(`TRUNCATE ${t.table}`);
      await q(`ALTER TABLE ${t.table} DROP COLUMN department_id`);
      await q(`ALTER TABLE ${t.table} ADD CONSTRAINT ${t.table}_key UNIQUE NULLS NOT DISTINCT (${t.keys.join(', ')})`);
      await q(cardTotalsFunction(t, false));
      await q(cardTotalsFill(t, false));
    }

    await q(`TRUNCATE report_activity_totals`);
    await q(`ALTER TABLE report_activity_totals DROP CONSTRAINT report_activity_totals_key, DROP COLUMN department_id`);
    await q(`ALTER TABLE report_activity_totals ADD PRIMARY KEY (pipeline_id, kind, hour, user_id)`);
    for (const sql of activityTriggerSql(ACTIVITY_SOURCES, [])) await q(sql);
    await q(`INSERT INTO report_activity_totals (pipeline_id, kind, hour, user_id, n) ${recomputeActivityTotals(ACTIVITY_SOURCES, [])}`);

    await q(`TRUNCATE report_funnel_totals`);
    await q(`ALTER TABLE report_funnel_totals DROP CONSTRAINT report_funnel_totals_key, DROP COLUMN department_id`);
    await q(`ALTER TABLE report_funnel_totals ADD PRIMARY KEY (pipeline_id, status_id, reached_id, hour, prev_hour)`);
    for (const sql of funnelTriggerSql([], null, false)) await q(sql);
    await q(`INSERT INTO report_funnel_totals (pipeline_id, status_id, reached_id, hour, prev_hour, n) ${recomputeFunnelTotals([], false)}`);

    for (const sql of [...stayTotalsSql([]), ...newTotalsSql([])]) await q(sql);
    await q(`ALTER TABLE card_status_changes DROP COLUMN department_id`);
    await q(`ALTER TABLE cards DROP COLUMN department_id`);
  }
}

/** A totals table kept from the card rows: its keys, as computed from a card row, and which cards count. */
interface CardTotals {
  table: string;
  keys: string[];
  values: string[];
  where: string;
}

const CARD_TOTALS: CardTotals[] = [
  { table: 'card_column_totals', keys: ['status_id', 'owner_id', 'currency'], values: ['status_id', 'owner_id', 'currency'], where: 'deleted_at IS NULL' },
  {
    table: 'card_outcome_totals',
    keys: ['status_id', 'hour', 'owner_id', 'currency'],
    values: ['status_id', `date_trunc('hour', status_changed_at, 'UTC')`, 'owner_id', 'currency'],
    where: 'deleted_at IS NULL',
  },
  {
    table: 'card_forecast_totals',
    keys: ['status_id', 'month', 'owner_id', 'currency'],
    values: ['status_id', `date_trunc('month', expected_close_date)::date`, 'owner_id', 'currency'],
    where: 'deleted_at IS NULL AND expected_close_date IS NOT NULL',
  },
];

/** The totals of the cards `rows`, counted `sign` times, as the rows to upsert (with or without the department). */
function cardTotalsOf(t: CardTotals, rows: string, sign: '' | '-', department: boolean): string {
  const keys = department ? [...t.values, 'department_id'] : t.values;
  return `SELECT ${keys.join(', ')}, ${sign}count(*), ${sign}count(value), ${sign}coalesce(sum(value), 0)
    FROM ${rows} WHERE ${t.where} GROUP BY ${keys.map((_, i) => i + 1).join(', ')}`;
}

function cardTotalsFunction(t: CardTotals, department: boolean): string {
  const columns = [...t.keys, ...(department ? ['department_id'] : []), 'count', 'valued', 'amount'].join(', ');
  const upsert = (rows: string, sign: '' | '-') => `INSERT INTO ${t.table} AS t (${columns})
          ${cardTotalsOf(t, rows, sign, department)}
          ON CONFLICT ON CONSTRAINT ${t.table}_key DO UPDATE
            SET count = t.count + EXCLUDED.count, valued = t.valued + EXCLUDED.valued, amount = t.amount + EXCLUDED.amount`;
  return `CREATE OR REPLACE FUNCTION ${t.table}_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          ${upsert('old_rows', '-')};
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          ${upsert('new_rows', '')};
        END IF;
        RETURN NULL;
      END $$`;
}

function cardTotalsFill(t: CardTotals, department: boolean): string {
  return `INSERT INTO ${t.table} (${[...t.keys, ...(department ? ['department_id'] : []), 'count', 'valued', 'amount'].join(', ')}) ${cardTotalsOf(t, 'cards', '', department)}`;
}

/** The history's index of live rows (read index-only by the reports), with the department or without. */
function currentIndex(department: boolean): string {
  return `CREATE INDEX card_status_changes_current_idx ON card_status_changes (pipeline_id, at)
      INCLUDE (card_id, status_id, from_status_id, from_status_at, actor_id${department ? ', department_id' : ''}) WHERE card_current`;
}

/**
 * The cards' statement trigger keeping the history's card_current (migration CardCurrentPerStatement)
 * and, with `department`, its department_id: a card's rows all change in one statement.
 */
function currentFunction(department: boolean): string {
  // The card's state in alias `a`, `live` whether it is out of the trash.
  const state = (a: string, live: string) => [`card_current = (${live} AND ${a}.pipeline_id = h.pipeline_id)`, ...(department ? [`department_id = ${a}.department_id`] : [])];
  const set = (a: string, live: string) => state(a, live).join(', ');
  const differs = (a: string, live: string) => `(${state(a, live).map((s) => `h.${s.replace(' = ', ' IS DISTINCT FROM ')}`).join(' OR ')})`;
  const d = department ? ', department_id' : '';
  return `CREATE OR REPLACE FUNCTION card_status_changes_current() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          UPDATE card_status_changes h SET card_current = false FROM old_rows o WHERE h.card_id = o.id AND h.card_current;
        ELSIF TG_OP = 'INSERT' THEN
          UPDATE card_status_changes h SET ${set('n', 'n.deleted_at IS NULL')}
          FROM new_rows n WHERE h.card_id = n.id AND ${differs('n', 'n.deleted_at IS NULL')};
        ELSE
          -- The new state of the cards whose trash mark, pipeline${department ? ' or department' : ''} changed (each card's old and new
          -- rows grouped: the groups left with a new row alone).
          UPDATE card_status_changes h SET ${set('k', 'k.live')}
          FROM (SELECT u.id, u.pipeline_id, u.live${department ? ', u.department_id' : ''} FROM (
                  SELECT id, pipeline_id, deleted_at IS NULL AS live${d}, 1 AS sign FROM new_rows
                  UNION ALL SELECT id, pipeline_id, deleted_at IS NULL${d}, -1 FROM old_rows) u
                GROUP BY 1, 2, 3${department ? ', 4' : ''} HAVING sum(u.sign) > 0) k
          WHERE h.card_id = k.id AND ${differs('k', 'k.live')};
        END IF;
        RETURN NULL;
      END $$`;
}

/** The audit trigger writing the history (migration ReportSpeed): new rows take the card's state, with `department` its department too. */
function fromAuditFunction(department: boolean): string {
  return `CREATE OR REPLACE FUNCTION card_status_changes_from_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A card's earlier change in the same statement, else its latest one before: the stay's start.
        INSERT INTO card_status_changes (card_id, pipeline_id, status_id, from_status_id, from_status_at, at, actor_id, card_current${department ? ', department_id' : ''})
        SELECT n.card_id, s.pipeline_id, s.id, (n.changes -> 'statusId' ->> 0)::uuid,
          CASE WHEN n.changes -> 'statusId' ->> 0 IS NOT NULL
            THEN coalesce(n.prev_at, (SELECT max(p.at) FROM card_status_changes p WHERE p.card_id = n.card_id)) END,
          n.at, n.actor_id,
          -- Looked up by id alone: conditions on the card in the lookup would let the planner pick a
          -- partial index of the pipeline's cards and scan it for every row.
          coalesce(c.deleted_at IS NULL AND c.pipeline_id = s.pipeline_id, false)${department ? ', c.department_id' : ''}
        FROM (SELECT r.*, lag(r.at) OVER (PARTITION BY r.card_id ORDER BY r.at, r.id) AS prev_at FROM new_rows r
              WHERE r.entity = 'card' AND r.card_id IS NOT NULL AND r.changes ? 'statusId') n
        JOIN statuses s ON s.id = (n.changes -> 'statusId' ->> 1)::uuid
        LEFT JOIN LATERAL (SELECT c.deleted_at, c.pipeline_id${department ? ', c.department_id' : ''} FROM cards c WHERE c.id = n.card_id) c ON true
        ORDER BY n.id;
        RETURN NULL;
      END $$`;
}
