import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Board column headers (count and value sum) without scanning the cards: card_column_totals keeps,
 * per status, owner and currency, the number and value of live cards. Statement-level triggers with
 * transition tables apply each statement's changes in one upsert, so a mass action over 100,000
 * cards costs one statement, not 100,000.
 */
export class ColumnTotals1795482700000 implements MigrationInterface {
  name = 'ColumnTotals1795482700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE card_column_totals (
      status_id uuid NOT NULL REFERENCES statuses(id) ON DELETE CASCADE,
      owner_id uuid,
      currency character(3) NOT NULL,
      count bigint NOT NULL DEFAULT 0,
      amount numeric NOT NULL DEFAULT 0,
      CONSTRAINT card_column_totals_key UNIQUE NULLS NOT DISTINCT (status_id, owner_id, currency))`);
    await queryRunner.query(`CREATE FUNCTION card_column_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          INSERT INTO card_column_totals AS t (status_id, owner_id, currency, count, amount)
          SELECT status_id, owner_id, currency, -count(*), -coalesce(sum(value), 0) FROM old_rows WHERE deleted_at IS NULL GROUP BY 1, 2, 3
          ON CONFLICT ON CONSTRAINT card_column_totals_key DO UPDATE SET count = t.count + EXCLUDED.count, amount = t.amount + EXCLUDED.amount;
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          INSERT INTO card_column_totals AS t (status_id, owner_id, currency, count, amount)
          SELECT status_id, owner_id, currency, count(*), coalesce(sum(value), 0) FROM new_rows WHERE deleted_at IS NULL GROUP BY 1, 2, 3
          ON CONFLICT ON CONSTRAINT card_column_totals_key DO UPDATE SET count = t.count + EXCLUDED.count, amount = t.amount + EXCLUDED.amount;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER card_column_totals_insert AFTER INSERT ON cards REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION card_column_totals_apply()`);
    await queryRunner.query(`CREATE TRIGGER card_column_totals_update AFTER UPDATE ON cards REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION card_column_totals_apply()`);
    await queryRunner.query(`CREATE TRIGGER card_column_totals_delete AFTER DELETE ON cards REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION card_column_totals_apply()`);
    await queryRunner.query(`INSERT INTO card_column_totals (status_id, owner_id, currency, count, amount)
      SELECT status_id, owner_id, currency, count(*), coalesce(sum(value), 0) FROM cards WHERE deleted_at IS NULL GROUP BY 1, 2, 3`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER card_column_totals_delete ON cards`);
    await queryRunner.query(`DROP TRIGGER card_column_totals_update ON cards`);
    await queryRunner.query(`DROP TRIGGER card_column_totals_insert ON cards`);
    await queryRunner.query(`DROP FUNCTION card_column_totals_apply()`);
    await queryRunner.query(`DROP TABLE card_column_totals`);
  }
}
