import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropFunnelTriggerSql, funnelTriggerSql, recomputeFunnelTotals } from '../sql/funnel-totals';

/**
 * The funnel without grouping the period's history per card: report_funnel_totals keeps, per
 * pipeline, status, status reached afterwards, UTC hour of the entry and of the card's previous entry
 * into the same status, how many history rows of live cards there are, kept by statement triggers on
 * card_status_changes (SQL in sql/funnel-totals.ts; a change there needs a new migration).
 */
export class FunnelTotals1796063000000 implements MigrationInterface {
  name = 'FunnelTotals1796063000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE report_funnel_totals (
      pipeline_id uuid NOT NULL,
      status_id uuid NOT NULL,
      reached_id uuid NOT NULL,
      hour timestamptz NOT NULL,
      prev_hour timestamptz NOT NULL,
      n bigint NOT NULL,
      PRIMARY KEY (pipeline_id, status_id, reached_id, hour, prev_hour))`);
    for (const statement of funnelTriggerSql([], null, false)) await queryRunner.query(statement);
    await queryRunner.query(`INSERT INTO report_funnel_totals (pipeline_id, status_id, reached_id, hour, prev_hour, n) ${recomputeFunnelTotals([], false)}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of dropFunnelTriggerSql()) await queryRunner.query(statement);
    await queryRunner.query(`DROP TABLE report_funnel_totals`);
  }
}
