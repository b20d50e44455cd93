import { MigrationInterface, QueryRunner } from 'typeorm';
import { labelChangeFunctionsSql } from '../sql/label-totals';
import { dropStayLabelTotalsSql, stayLabelTotalsSql } from '../sql/stay-totals';

/**
 * Time in status per label (report_stay_label_totals, sql/stay-totals.ts), so a report filtered to one
 * category or one tag reads time in status from totals (at 1,000,000 cards a year of one tag's stays
 * read from the history joined to the cards took 1.7 s): the table filled from the history, its
 * statement triggers on the history, and the label tables' triggers moving the stays of their
 * clients' cards as well.
 */
export class StayLabelTotals1796064600000 implements MigrationInterface {
  name = 'StayLabelTotals1796064600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [...stayLabelTotalsSql(), ...labelChangeFunctionsSql(['funnel', 'stays'], false)]) await queryRunner.query(sql);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [...labelChangeFunctionsSql(['funnel'], false), ...dropStayLabelTotalsSql()]) await queryRunner.query(sql);
  }
}
