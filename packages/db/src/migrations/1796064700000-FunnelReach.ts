import { MigrationInterface, QueryRunner } from 'typeorm';
import { FUNNEL_KEYS, funnelFunctionSql, funnelLabelKeys, FUNNEL_LABEL_KEYS, recomputeFunnelLabelTotals, recomputeFunnelTotals } from '../sql/funnel-totals';
import { labelChangeFunctionsSql } from '../sql/label-totals';
import { CLIENT_LABELS } from '../sql/totals-keys';

/** The funnel's key columns before this migration. */
const BEFORE = 'pipeline_id, status_id, reached_id, hour, prev_hour, department_id';

/**
 * The funnel's totals and their copy per label carry when the card first reached each status after
 * the row, as a reach bucket (sql/funnel-totals.ts, REACH_BUCKET: a UTC week cut at month starts),
 * so a period that has ended reads its conversions from totals too: at 1,000,000 cards last month's
 * funnel grouped a month of history per card (3.3 s), the cards changed since the period's end being
 * too many to correct the totals' "reached so far" from.
 * Both tables are refilled from the history, their trigger functions and the label tables' rebuilt.
 */
export class FunnelReach1796064700000 implements MigrationInterface {
  name = 'FunnelReach1796064700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`TRUNCATE report_funnel_totals, report_funnel_label_totals`);
    await q(`ALTER TABLE report_funnel_totals DROP CONSTRAINT report_funnel_totals_key, ADD reach_bucket timestamptz NOT NULL`);
    await q(`ALTER TABLE report_funnel_totals ADD CONSTRAINT report_funnel_totals_key UNIQUE NULLS NOT DISTINCT (${FUNNEL_KEYS})`);
    await q(`ALTER TABLE report_funnel_label_totals DROP CONSTRAINT report_funnel_label_totals_key, ADD reach_bucket timestamptz NOT NULL`);
    await q(`ALTER TABLE report_funnel_label_totals ADD CONSTRAINT report_funnel_label_totals_key UNIQUE NULLS NOT DISTINCT (${FUNNEL_LABEL_KEYS})`);
    for (const sql of [funnelFunctionSql(), funnelFunctionSql(undefined, CLIENT_LABELS), ...labelChangeFunctionsSql(['funnel', 'stays'])]) await q(sql);
    await q(`INSERT INTO report_funnel_totals (${FUNNEL_KEYS}, n) ${recomputeFunnelTotals()}`);
    await q(`INSERT INTO report_funnel_label_totals (${FUNNEL_LABEL_KEYS}, n) ${recomputeFunnelLabelTotals()}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`TRUNCATE report_funnel_totals, report_funnel_label_totals`);
    await q(`ALTER TABLE report_funnel_totals DROP CONSTRAINT report_funnel_totals_key, DROP COLUMN reach_bucket`);
    await q(`ALTER TABLE report_funnel_totals ADD CONSTRAINT report_funnel_totals_key UNIQUE NULLS NOT DISTINCT (${BEFORE})`);
    await q(`ALTER TABLE report_funnel_label_totals DROP CONSTRAINT report_funnel_label_totals_key, DROP COLUMN reach_bucket`);
    await q(`ALTER TABLE report_funnel_label_totals ADD CONSTRAINT report_funnel_label_totals_key UNIQUE NULLS NOT DISTINCT (${funnelLabelKeys(false)})`);
    for (const sql of [funnelFunctionSql(undefined, null, false), funnelFunctionSql(undefined, CLIENT_LABELS, false), ...labelChangeFunctionsSql(['funnel', 'stays'], false)]) await q(sql);
    await q(`INSERT INTO report_funnel_totals (${BEFORE}, n) ${recomputeFunnelTotals(undefined, false)}`);
    await q(`INSERT INTO report_funnel_label_totals (${funnelLabelKeys(false)}, n) ${recomputeFunnelLabelTotals(undefined, false)}`);
  }
}
