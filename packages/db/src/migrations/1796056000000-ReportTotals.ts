import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Won and lost figures without scanning the cards: card_outcome_totals keeps, per status, owner,
 * currency and hour (UTC) of the card's last status change, the number of live cards, how many of
 * them have a value, and the sum of the values. Kept like card_column_totals, by statement-level
 * triggers with transition tables (one upsert per statement, whatever the number of cards).
 * Reports read it when the page filter and the viewer's visibility are expressible in its keys
 * (pipeline through the status, owners) and the period starts and ends on whole hours.
 */
export class ReportTotals1796056000000 implements MigrationInterface {
  name = 'ReportTotals1796056000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE card_outcome_totals (
      status_id uuid NOT NULL REFERENCES statuses(id) ON DELETE CASCADE,
      hour timestamptz NOT NULL,
      owner_id uuid,
      currency character(3) NOT NULL,
      count bigint NOT NULL DEFAULT 0,
      valued bigint NOT NULL DEFAULT 0,
      amount numeric NOT NULL DEFAULT 0,
      CONSTRAINT card_outcome_totals_key UNIQUE NULLS NOT DISTINCT (status_id, hour, owner_id, currency))`);
    await queryRunner.query(`CREATE FUNCTION card_outcome_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          INSERT INTO card_outcome_totals AS t (status_id, hour, owner_id, currency, count, valued, amount)
          SELECT status_id, date_trunc('hour', status_changed_at, 'UTC'), owner_id, currency, -count(*), -count(value), -coalesce(sum(value), 0)
          FROM old_rows WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4
          ON CONFLICT ON CONSTRAINT card_outcome_totals_key DO UPDATE
            SET count = t.count + EXCLUDED.count, valued = t.valued + EXCLUDED.valued, amount = t.amount + EXCLUDED.amount;
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          INSERT INTO card_outcome_totals AS t (status_id, hour, owner_id, currency, count, valued, amount)
          SELECT status_id, date_trunc('hour', status_changed_at, 'UTC'), owner_id, currency, count(*), count(value), coalesce(sum(value), 0)
          FROM new_rows WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4
          ON CONFLICT ON CONSTRAINT card_outcome_totals_key DO UPDATE
            SET count = t.count + EXCLUDED.count, valued = t.valued + EXCLUDED.valued, amount = t.amount + EXCLUDED.amount;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER card_outcome_totals_insert AFTER INSERT ON cards REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION card_outcome_totals_apply()`);
    await queryRunner.query(`CREATE TRIGGER card_outcome_totals_update AFTER UPDATE ON cards REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION card_outcome_totals_apply()`);
    await queryRunner.query(`CREATE TRIGGER card_outcome_totals_delete AFTER DELETE ON cards REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION card_outcome_totals_apply()`);
    await queryRunner.query(`INSERT INTO card_outcome_totals (status_id, hour, owner_id, currency, count, valued, amount)
      SELECT status_id, date_trunc('hour', status_changed_at, 'UTC'), owner_id, currency, count(*), count(value), coalesce(sum(value), 0)
      FROM cards WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER card_outcome_totals_delete ON cards`);
    await queryRunner.query(`DROP TRIGGER card_outcome_totals_update ON cards`);
    await queryRunner.query(`DROP TRIGGER card_outcome_totals_insert ON cards`);
    await queryRunner.query(`DROP FUNCTION card_outcome_totals_apply()`);
    await queryRunner.query(`DROP TABLE card_outcome_totals`);
  }
}
