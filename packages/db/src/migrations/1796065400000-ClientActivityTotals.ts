import { MigrationInterface, QueryRunner } from 'typeorm';
import { ACTIVITY_SOURCES, activityTriggerSql, dropActivityTriggerSql, recomputeActivityClientTotals } from '../sql/activity-totals';
import { CLIENT_LABELS, TOTALS_KEYS } from '../sql/totals-keys';
import { clientsDepartmentFunction } from './1796064300000-LabelTotals';

/**
 * The activity's totals per client (report_activity_client_totals), kept by the same triggers as
 * its totals and their copy per label. A report filtered to a category and a tag together (or the
 * clients that carry two of a filter's tags, which the totals per label count twice) reads the
 * activity of a few thousand clients: from the sources that was an index probe per card into each
 * of five tables (about 20,000 probes for 5,000 clients at 1,000,000 cards); from these totals it
 * is one range of the key per client, read from the key alone (INCLUDE (n)).
 */
export class ClientActivityTotals1796065400000 implements MigrationInterface {
  name = 'ClientActivityTotals1796065400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE TABLE report_activity_client_totals (client_id uuid NOT NULL, pipeline_id uuid NOT NULL, kind text NOT NULL, hour timestamptz NOT NULL,
      user_id uuid NOT NULL, department_id uuid, n bigint NOT NULL,
      CONSTRAINT report_activity_client_totals_key UNIQUE NULLS NOT DISTINCT (client_id, pipeline_id, kind, hour, user_id, department_id) INCLUDE (n))`);
    await q(`INSERT INTO report_activity_client_totals (client_id, pipeline_id, kind, hour, user_id, department_id, n) ${recomputeActivityClientTotals()}`);
    await q(`ANALYZE report_activity_client_totals`);
    for (const sql of [...dropActivityTriggerSql(), ...activityTriggerSql(ACTIVITY_SOURCES, TOTALS_KEYS, CLIENT_LABELS, true)]) await q(sql);
    await q(clientsDepartmentFunction(true, true));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    for (const sql of [...dropActivityTriggerSql(), ...activityTriggerSql(ACTIVITY_SOURCES, TOTALS_KEYS, CLIENT_LABELS)]) await q(sql);
    await q(clientsDepartmentFunction(true));
    await q(`DROP TABLE report_activity_client_totals`);
  }
}
