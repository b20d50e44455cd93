import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropFunnelTriggerSql, funnelLabelKeys, funnelTriggerSql, recomputeFunnelLabelTotals } from '../sql/funnel-totals';
import { historyCurrentFunction, historyFromAuditFunction } from '../sql/history-card-state';
import { labelChangeFunctionsSql } from '../sql/label-totals';
import { CLIENT_LABELS } from '../sql/totals-keys';

/** The card columns on its history rows before this migration and after it. */
const BEFORE = ['department_id', 'owner_id'];
const AFTER = ['department_id', 'owner_id', 'client_id'];

/**
 * The funnel's totals per label (report_funnel_label_totals, sql/funnel-totals.ts), so a report
 * filtered to one category or one tag reads the funnel from totals like every other widget (at
 * 1,000,000 cards it grouped each card's history: 1.3 s against 150 ms):
 * - card_status_changes.client_id, the card's, kept like department_id and owner_id by the cards'
 *   statement trigger (a card given to another client moves its rows' totals between the labels of
 *   the two) and set on new rows by the audit trigger; filled here with the history's triggers off.
 * - The table, filled from the history, and its statement triggers on the history (the funnel's).
 * - The label tables' triggers (migration LabelTotals) also add or take away their clients' cards'
 *   history.
 */
export class FunnelLabelTotals1796064400000 implements MigrationInterface {
  name = 'FunnelLabelTotals1796064400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`ALTER TABLE card_status_changes ADD client_id uuid`);
    await q(`ALTER TABLE card_status_changes DISABLE TRIGGER USER`);
    await q(`UPDATE card_status_changes h SET client_id = c.client_id FROM cards c WHERE c.id = h.card_id`);
    await q(`ALTER TABLE card_status_changes ENABLE TRIGGER USER`);
    await q(historyCurrentFunction(AFTER));
    await q(historyFromAuditFunction(AFTER));
    await q(`CREATE TABLE report_funnel_label_totals (label_id uuid NOT NULL, pipeline_id uuid NOT NULL, status_id uuid NOT NULL, reached_id uuid NOT NULL,
      hour timestamptz NOT NULL, prev_hour timestamptz NOT NULL, department_id uuid, n bigint NOT NULL,
      CONSTRAINT report_funnel_label_totals_key UNIQUE NULLS NOT DISTINCT (${funnelLabelKeys(false)}))`);
    await q(`INSERT INTO report_funnel_label_totals (${funnelLabelKeys(false)}, n) ${recomputeFunnelLabelTotals(undefined, false)}`);
    for (const sql of [...funnelTriggerSql(undefined, CLIENT_LABELS, false), ...labelChangeFunctionsSql(['funnel'], false)]) await q(sql);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    for (const sql of [...labelChangeFunctionsSql(), ...dropFunnelTriggerSql(CLIENT_LABELS)]) await q(sql);
    await q(`DROP TABLE report_funnel_label_totals`);
    await q(historyCurrentFunction(BEFORE));
    await q(historyFromAuditFunction(BEFORE));
    await q(`ALTER TABLE card_status_changes DROP COLUMN client_id`);
  }
}
