import { MigrationInterface, QueryRunner } from 'typeorm';
import { ACTIVITY_SOURCES, activityTriggerSql, dropActivityTriggerSql, recomputeActivityTotals } from '../sql/activity-totals';

/**
 * The activity report without reading its sources: report_activity_totals keeps, per pipeline,
 * kind, UTC hour and person, the todos done (and open todos by deadline hour), mails sent, notes,
 * status changes made and client replies on the pipeline's live cards, kept by triggers on each
 * source and on the cards (SQL in sql/activity-totals.ts; a change there needs a new migration).
 * Done todos are looked up by card when a card is trashed, restored or moved: todos_card_idx.
 */
export class ActivityTotals1796062800000 implements MigrationInterface {
  name = 'ActivityTotals1796062800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE report_activity_totals (
      pipeline_id uuid NOT NULL,
      kind text NOT NULL,
      hour timestamptz NOT NULL,
      user_id uuid NOT NULL,
      n bigint NOT NULL,
      PRIMARY KEY (pipeline_id, kind, hour, user_id))`);
    await queryRunner.query(`CREATE INDEX "todos_card_idx" ON "todos" ("card_id") `);
    for (const statement of activityTriggerSql(ACTIVITY_SOURCES, [])) await queryRunner.query(statement);
    await queryRunner.query(`INSERT INTO report_activity_totals (pipeline_id, kind, hour, user_id, n) ${recomputeActivityTotals(ACTIVITY_SOURCES, [])}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of dropActivityTriggerSql()) await queryRunner.query(statement);
    await queryRunner.query(`DROP INDEX "public"."todos_card_idx"`);
    await queryRunner.query(`DROP TABLE report_activity_totals`);
  }
}
