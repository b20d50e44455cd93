import { MigrationInterface, QueryRunner } from 'typeorm';
import { historyFromAuditFunction } from '../sql/history-card-state';

/** The card columns on the status history's rows (migration FunnelLabelTotals). */
const COLUMNS = ['department_id', 'owner_id', 'client_id'];

/**
 * The audit trigger that writes the status history returns at once for History entries that change
 * no card's status (sql/history-card-state.ts): it no longer runs an INSERT of no rows, which fired
 * every statement trigger of the history.
 */
export class HistoryOnlyForStatusChanges1796065000000 implements MigrationInterface {
  name = 'HistoryOnlyForStatusChanges1796065000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(historyFromAuditFunction(COLUMNS, true));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(historyFromAuditFunction(COLUMNS));
  }
}
