import { MigrationInterface, QueryRunner } from 'typeorm';
import { ACTIVITY_SOURCES, activityTriggerSql, dropActivityTriggerSql, recomputeActivityTotals } from '../sql/activity-totals';

const todos = ACTIVITY_SOURCES.filter((s) => s.table === 'todos');

/**
 * Open todos also counted by their exact deadline in report_activity_totals (kind 'due'; the todos
 * source's `exact` in sql/activity-totals.ts), so the activity report sums the overdue todos of the
 * current hour from the totals instead of looking each one's card up. The todos' and the cards'
 * trigger functions are recreated (they hold the todos' events), and the new kind filled.
 */
export class ActivityDueTotals1796064000000 implements MigrationInterface {
  name = 'ActivityDueTotals1796064000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [...dropActivityTriggerSql(), ...activityTriggerSql(ACTIVITY_SOURCES, [])]) await queryRunner.query(sql);
    // A database created after this change has the kind from ActivityTotals' own fill already.
    await queryRunner.query(`DELETE FROM report_activity_totals WHERE kind = 'due'`);
    await queryRunner.query(`INSERT INTO report_activity_totals (pipeline_id, kind, hour, user_id, n) SELECT * FROM (${recomputeActivityTotals(todos, [])}) t WHERE t.kind = 'due'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const without = ACTIVITY_SOURCES.map(({ exact: _exact, ...s }) => s);
    for (const sql of [...dropActivityTriggerSql(), ...activityTriggerSql(without, [])]) await queryRunner.query(sql);
    await queryRunner.query(`DELETE FROM report_activity_totals WHERE kind = 'due'`);
  }
}
