import { MigrationInterface, QueryRunner } from 'typeorm';
import { ACTIVITY_SOURCES, activityOfCardsSql, activityTriggerSql, dropActivityTriggerSql, recomputeActivityLabelTotals } from '../sql/activity-totals';
import { dropLabelTriggerSql, labelCardTotalsColumns, labelCardTotalsTriggerSql, labelChangeTriggerSql, LABEL_CARD_TOTALS, recomputeLabelCardTotals } from '../sql/label-totals';
import { CLIENT_LABELS, TOTALS_KEYS } from '../sql/totals-keys';

/**
 * Report totals per label (sql/label-totals.ts), so a report filtered to one category or one tag reads
 * totals: the card-row totals (open pipeline, won and lost, forecast) and the activity, each card
 * counted once per label of its client. The activity triggers are rebuilt to keep the label totals
 * too (and to re-count a card given to another client), as is the clients' department trigger of
 * migration DepartmentTotals, whose activity moves now reach the label totals. Each table is filled
 * from the cards of labelled clients.
 */
export class LabelTotals1796064300000 implements MigrationInterface {
  name = 'LabelTotals1796064300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    const keyTypes: Record<string, string> = {
      status_id: 'uuid NOT NULL REFERENCES statuses(id) ON DELETE CASCADE',
      owner_id: 'uuid',
      currency: 'char(3) NOT NULL',
      hour: 'timestamptz NOT NULL',
      month: 'date NOT NULL',
    };
    for (const t of LABEL_CARD_TOTALS) {
      await q(`CREATE TABLE ${t.table} (label_id uuid NOT NULL, ${t.keys.map((k) => `${k} ${keyTypes[k]}`).join(', ')}, department_id uuid,
        count bigint NOT NULL DEFAULT 0, valued bigint NOT NULL DEFAULT 0, amount numeric NOT NULL DEFAULT 0,
        CONSTRAINT ${t.table}_key UNIQUE NULLS NOT DISTINCT (label_id, ${t.keys.join(', ')}, department_id))`);
      await q(`INSERT INTO ${t.table} (${labelCardTotalsColumns(t)}) ${recomputeLabelCardTotals(t)}`);
    }
    await q(`CREATE TABLE report_activity_label_totals (label_id uuid NOT NULL, pipeline_id uuid NOT NULL, kind text NOT NULL, hour timestamptz NOT NULL,
      user_id uuid NOT NULL, department_id uuid, n bigint NOT NULL,
      CONSTRAINT report_activity_label_totals_key UNIQUE NULLS NOT DISTINCT (label_id, pipeline_id, kind, hour, user_id, department_id))`);
    await q(`INSERT INTO report_activity_label_totals (label_id, pipeline_id, kind, hour, user_id, department_id, n) ${recomputeActivityLabelTotals()}`);

    for (const sql of [...dropActivityTriggerSql(), ...activityTriggerSql(ACTIVITY_SOURCES, TOTALS_KEYS, CLIENT_LABELS), ...labelCardTotalsTriggerSql(), ...labelChangeTriggerSql()]) await q(sql);
    await q(clientsDepartmentFunction(true));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    for (const sql of [...dropLabelTriggerSql(), ...dropActivityTriggerSql(), ...activityTriggerSql()]) await q(sql);
    await q(clientsDepartmentFunction(false));
    for (const t of LABEL_CARD_TOTALS) await q(`DROP TABLE ${t.table}`);
    await q(`DROP TABLE report_activity_label_totals`);
  }
}

/**
 * The clients' department trigger function of migration DepartmentTotals (the same statements), its
 * activity moves with the label totals or without (and, from migration ClientActivityTotals, with the
 * client totals).
 */
export function clientsDepartmentFunction(labels: boolean, clients = false): string {
  const changed = `WITH k AS (SELECT u.id, u.department_id FROM (
                SELECT id, department_id, 1 AS sign FROM new_rows
                UNION ALL SELECT id, department_id, -1 FROM old_rows) u
              GROUP BY 1, 2 HAVING sum(u.sign) > 0)`;
  const cards = `SELECT c.* FROM cards c JOIN k ON c.client_id = k.id WHERE c.deleted_at IS NULL AND c.department_id IS DISTINCT FROM k.department_id`;
  const move = (rows: string, sign: 1 | -1) => activityOfCardsSql(rows, sign, TOTALS_KEYS, labels ? CLIENT_LABELS : null, clients);
  // (With the label totals the upsert has CTEs of its own: they continue the list.)
  const after = (ctes: string, statement: string) => (statement.startsWith('WITH ') ? `${ctes}, ${statement.slice(5)}` : `${ctes} ${statement}`);
  return `CREATE OR REPLACE FUNCTION clients_department_cards() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${after(changed, move(`(${cards})`, -1))};
        ${after(`${changed}, moved AS (
          UPDATE cards c SET department_id = k.department_id FROM k
          WHERE c.client_id = k.id AND c.deleted_at IS NULL AND c.department_id IS DISTINCT FROM k.department_id
          RETURNING c.*)`, move('moved', 1))};
        RETURN NULL;
      END $$`;
}
