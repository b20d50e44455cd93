import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropStayTotalsSql, stayTotalsSql } from '../sql/stay-totals';

/**
 * Time in status without reading every stay of the period: report_stay_totals keeps, per pipeline,
 * status left, UTC day and UTC month of the stay's end and duration bucket, the number of stays and
 * the sum of their durations, kept by statement triggers on card_status_changes (SQL in
 * sql/stay-totals.ts; a change there needs a new migration).
 */
export class StayTotals1796063600000 implements MigrationInterface {
  name = 'StayTotals1796063600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of stayTotalsSql([])) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of dropStayTotalsSql()) await queryRunner.query(statement);
  }
}
