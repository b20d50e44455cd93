import { MigrationInterface, QueryRunner } from 'typeorm';
import { labelChangeFunctionsSql } from '../sql/label-totals';
import { dropNewTotalsSql, newLabelTotalsSql } from '../sql/new-totals';
import { CLIENT_LABELS } from '../sql/totals-keys';

/**
 * New cards and clients per label (report_new_label_totals, sql/new-totals.ts), so the weekly widget
 * filtered to one category or one tag reads totals (at 1,000,000 cards a year of one tag's new cards
 * and clients read from the cards and clients took about 1.1 s): the table filled from the cards, its
 * statement triggers on cards, its row triggers on clients, and the label tables' triggers moving
 * their clients' cards' figures as well.
 */
export class NewLabelTotals1796064800000 implements MigrationInterface {
  name = 'NewLabelTotals1796064800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [...newLabelTotalsSql(), ...labelChangeFunctionsSql(['funnel', 'stays', 'new'])]) await queryRunner.query(sql);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [...labelChangeFunctionsSql(['funnel', 'stays']), ...dropNewTotalsSql(CLIENT_LABELS)]) await queryRunner.query(sql);
  }
}
