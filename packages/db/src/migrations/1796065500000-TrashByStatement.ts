import { MigrationInterface, QueryRunner } from 'typeorm';
import { ACTIVITY_SOURCES, activityTriggerSql, dropActivityTriggerSql } from '../sql/activity-totals';
import { CLIENT_LABELS, TOTALS_KEYS } from '../sql/totals-keys';

/**
 * The cards' activity trigger stands aside while the transaction-local setting
 * crm.activity_by_statement is on: an import undone trashes its cards with that setting on, after
 * taking their events from the activity totals in one statement (trashCards). Card by card, the
 * trigger cost about a millisecond per card with history; an import of 500,000 rows is one
 * statement either way. The triggers are otherwise those of ClientActivityTotals.
 */
export class TrashByStatement1796065500000 implements MigrationInterface {
  name = 'TrashByStatement1796065500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [...dropActivityTriggerSql(), ...activityTriggerSql(ACTIVITY_SOURCES, TOTALS_KEYS, CLIENT_LABELS, true, true)]) await queryRunner.query(sql);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [...dropActivityTriggerSql(), ...activityTriggerSql(ACTIVITY_SOURCES, TOTALS_KEYS, CLIENT_LABELS, true)]) await queryRunner.query(sql);
  }
}
