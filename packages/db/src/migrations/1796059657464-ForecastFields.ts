import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The forecast's fields (a probability per status, an expected close day per card) and
 * card_forecast_totals: per status, expected close month, owner and currency, the number of live
 * cards with an expected close day, how many have a value, and the value sum, kept by
 * statement-level triggers like card_column_totals. The weighted value is the status's probability
 * times its sum, so a change of probability needs no rewrite.
 */
export class ForecastFields1796059657464 implements MigrationInterface {
  name = 'ForecastFields1796059657464';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "statuses" ADD "probability" smallint`);
    await queryRunner.query(`ALTER TABLE "cards" ADD "expected_close_date" date`);
    await queryRunner.query(`CREATE TABLE card_forecast_totals (
      status_id uuid NOT NULL REFERENCES statuses(id) ON DELETE CASCADE,
      month date NOT NULL,
      owner_id uuid,
      currency character(3) NOT NULL,
      count bigint NOT NULL DEFAULT 0,
      valued bigint NOT NULL DEFAULT 0,
      amount numeric NOT NULL DEFAULT 0,
      CONSTRAINT card_forecast_totals_key UNIQUE NULLS NOT DISTINCT (status_id, month, owner_id, currency))`);
    await queryRunner.query(`CREATE FUNCTION card_forecast_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          INSERT INTO card_forecast_totals AS t (status_id, month, owner_id, currency, count, valued, amount)
          SELECT status_id, date_trunc('month', expected_close_date)::date, owner_id, currency, -count(*), -count(value), -coalesce(sum(value), 0)
          FROM old_rows WHERE deleted_at IS NULL AND expected_close_date IS NOT NULL GROUP BY 1, 2, 3, 4
          ON CONFLICT ON CONSTRAINT card_forecast_totals_key DO UPDATE
            SET count = t.count + EXCLUDED.count, valued = t.valued + EXCLUDED.valued, amount = t.amount + EXCLUDED.amount;
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          INSERT INTO card_forecast_totals AS t (status_id, month, owner_id, currency, count, valued, amount)
          SELECT status_id, date_trunc('month', expected_close_date)::date, owner_id, currency, count(*), count(value), coalesce(sum(value), 0)
          FROM new_rows WHERE deleted_at IS NULL AND expected_close_date IS NOT NULL GROUP BY 1, 2, 3, 4
          ON CONFLICT ON CONSTRAINT card_forecast_totals_key DO UPDATE
            SET count = t.count + EXCLUDED.count, valued = t.valued + EXCLUDED.valued, amount = t.amount + EXCLUDED.amount;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER card_forecast_totals_insert AFTER INSERT ON cards REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION card_forecast_totals_apply()`);
    await queryRunner.query(`CREATE TRIGGER card_forecast_totals_update AFTER UPDATE ON cards REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION card_forecast_totals_apply()`);
    await queryRunner.query(`CREATE TRIGGER card_forecast_totals_delete AFTER DELETE ON cards REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION card_forecast_totals_apply()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER card_forecast_totals_delete ON cards`);
    await queryRunner.query(`DROP TRIGGER card_forecast_totals_update ON cards`);
    await queryRunner.query(`DROP TRIGGER card_forecast_totals_insert ON cards`);
    await queryRunner.query(`DROP FUNCTION card_forecast_totals_apply()`);
    await queryRunner.query(`DROP TABLE card_forecast_totals`);
    await queryRunner.query(`ALTER TABLE "cards" DROP COLUMN "expected_close_date"`);
    await queryRunner.query(`ALTER TABLE "statuses" DROP COLUMN "probability"`);
  }
}
