import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropNewTotalsSql, newTotalsSql } from '../sql/new-totals';

/**
 * The weekly widget without reading the period's cards and clients: report_new_totals keeps, per
 * pipeline and UTC hour, the live cards created and the live cards whose client was created (a
 * client's new-client figure), kept by triggers on cards and clients (SQL in sql/new-totals.ts; a
 * change there needs a new migration).
 */
export class NewTotals1796063610000 implements MigrationInterface {
  name = 'NewTotals1796063610000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of newTotalsSql([])) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of dropNewTotalsSql()) await queryRunner.query(statement);
  }
}
