import { MigrationInterface, QueryRunner } from 'typeorm';
import { funnelFunctionSql } from '../sql/funnel-totals';
import { historyCurrentFunction, historyFromAuditFunction } from '../sql/history-card-state';
import { stayFunctionSql } from '../sql/stay-totals';

/** The card columns on its history rows before this migration and after it. */
const BEFORE = ['department_id'];
const AFTER = ['department_id', 'owner_id'];

/**
 * The card's owner on its status history rows, so a report limited to owners (a Normal user's own
 * report, a manager's owner filter) reads the history alone through an index by owner instead of
 * looking each of the owner's cards' history up (a Normal user's funnel at 1,000,000 cards: 20,000
 * index probes, 173 / 303 ms p50 / p95):
 * - card_status_changes.owner_id, the card's, kept like department_id (migration DepartmentTotals)
 *   by the cards' statement trigger with card_current: a card's rows all change in the statement
 *   that changes its owner (one statement for a mass reassignment), restores it or moves it back
 *   to the row's pipeline; new rows take it from the card (audit trigger).
 * - card_status_changes_owner_idx (pipeline_id, owner_id, at) over the live rows, with what the
 *   funnel and time in status read, so those statements are index-only scans.
 * - Every history row a reassignment touches gets new entries in every index (the owner is in one,
 *   so no update is HOT). The indexes by (pipeline_id, at) and (actor_id, at) of every row, read by
 *   no statement (the reports read the live rows' indexes; a card's rows are read by card_id), are
 *   dropped: each history write, a status change's insert or a reassignment's update, touches four
 *   indexes instead of the six it would.
 * - The funnel's and the stays' totals triggers on the history skip an update that changed no
 *   card_current mark and no key (an owner change): they recomputed both sides for nothing.
 */
export class OwnerHistory1796064200000 implements MigrationInterface {
  name = 'OwnerHistory1796064200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP INDEX card_status_changes_pipeline_at_idx`);
    await q(`DROP INDEX card_status_changes_actor_at_idx`);
    await q(`ALTER TABLE card_status_changes ADD owner_id uuid`);
    // The index before the rows are filled: built after them in the same transaction, it would meet
    // their HOT chains (the owner was in no index) and be left unusable to queries until every
    // transaction older than this one has ended (pg_index.indcheckxmin).
    await q(`CREATE INDEX card_status_changes_owner_idx ON card_status_changes (pipeline_id, owner_id, at)
      INCLUDE (card_id, status_id, from_status_id, from_status_at, department_id) WHERE card_current`);
    // Filled with the history's triggers off: the owner is no key of the totals they keep.
    await q(`ALTER TABLE card_status_changes DISABLE TRIGGER USER`);
    await q(`UPDATE card_status_changes h SET owner_id = c.owner_id FROM cards c WHERE c.id = h.card_id AND c.owner_id IS NOT NULL`);
    await q(`ALTER TABLE card_status_changes ENABLE TRIGGER USER`);
    await q(historyCurrentFunction(AFTER));
    await q(historyFromAuditFunction(AFTER));
    // The funnel's and the stays' totals skip the history updates that change none of them (an owner
    // change; the down migration leaves the shortcut, it changes no total).
    await q(funnelFunctionSql(['department_id'], null, false));
    await q(stayFunctionSql(['department_id']));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(historyCurrentFunction(BEFORE));
    await q(historyFromAuditFunction(BEFORE));
    await q(`DROP INDEX card_status_changes_owner_idx`);
    await q(`ALTER TABLE card_status_changes DROP COLUMN owner_id`);
    await q(`CREATE INDEX card_status_changes_pipeline_at_idx ON card_status_changes (pipeline_id, at)`);
    await q(`CREATE INDEX card_status_changes_actor_at_idx ON card_status_changes (actor_id, at)`);
  }
}
