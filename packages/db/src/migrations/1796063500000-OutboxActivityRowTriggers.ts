import { MigrationInterface, QueryRunner } from 'typeorm';
import { ACTIVITY_SOURCES, dropSourceTriggerSql, sourceTriggerSql } from '../sql/activity-totals';

const outbox = ACTIVITY_SOURCES.find((s) => s.table === 'outbox_mails')!;

/**
 * The outbox's activity totals kept by row triggers that fire only for sent mail of a card
 * (ActivitySource.rowGate): campaign mails and the updates of a delivery keep no transition tables.
 */
export class OutboxActivityRowTriggers1796063500000 implements MigrationInterface {
  name = 'OutboxActivityRowTriggers1796063500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [...dropSourceTriggerSql(outbox), ...sourceTriggerSql(outbox, [])]) await queryRunner.query(sql);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [...dropSourceTriggerSql(outbox), ...sourceTriggerSql({ ...outbox, rowGate: undefined }, [])]) await queryRunner.query(sql);
  }
}
