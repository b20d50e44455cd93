import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Money in the organisation's base currency: the base (organisation_settings.base_currency, unset:
 * reports per currency only) and the exchange rates an admin enters, one per currency and day, looked
 * up as "the latest valid on or before a day" through (base_currency, currency, valid_from DESC).
 * card_column_totals learns how many of its cards have a value (`valued`, as the outcome and forecast
 * totals have), so a report can count the open values it could not convert.
 */
export class ExchangeRates1796062600000 implements MigrationInterface {
  name = 'ExchangeRates1796062600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "exchange_rates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "base_currency" character(3) NOT NULL, "currency" character(3) NOT NULL, "valid_from" date NOT NULL, "rate" numeric(22,10) NOT NULL, "updated_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "exchange_rates_not_base" CHECK ("currency" <> "base_currency"), CONSTRAINT "exchange_rates_rate_positive" CHECK ("rate" > 0), CONSTRAINT "PK_33a614bad9e61956079d817ebe2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "exchange_rates_lookup_idx" ON "exchange_rates" ("base_currency", "currency", "valid_from" DESC) INCLUDE ("rate")`);
    await queryRunner.query(`ALTER TABLE "organisation_settings" ADD "base_currency" character(3)`);
    await queryRunner.query(`ALTER TABLE card_column_totals ADD valued bigint NOT NULL DEFAULT 0`);
    await queryRunner.query(columnTotalsFunction(true));
    await queryRunner.query(`UPDATE card_column_totals t SET valued = x.valued
      FROM (SELECT status_id, owner_id, currency, count(value) AS valued FROM cards WHERE deleted_at IS NULL GROUP BY 1, 2, 3) x
      WHERE t.status_id = x.status_id AND t.owner_id IS NOT DISTINCT FROM x.owner_id AND t.currency = x.currency`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(columnTotalsFunction(false));
    await queryRunner.query(`ALTER TABLE card_column_totals DROP COLUMN valued`);
    await queryRunner.query(`ALTER TABLE "organisation_settings" DROP COLUMN "base_currency"`);
    await queryRunner.query(`DROP TABLE "exchange_rates"`);
  }
}

/** The column totals' trigger function, with the count of valued cards or (down) without. */
function columnTotalsFunction(valued: boolean): string {
  const cols = valued ? 'count, valued, amount' : 'count, amount';
  const minus = valued ? '-count(*), -count(value), -coalesce(sum(value), 0)' : '-count(*), -coalesce(sum(value), 0)';
  const plus = valued ? 'count(*), count(value), coalesce(sum(value), 0)' : 'count(*), coalesce(sum(value), 0)';
  const set = `count = t.count + EXCLUDED.count, ${valued ? 'valued = t.valued + EXCLUDED.valued, ' : ''}amount = t.amount + EXCLUDED.amount`;
  return `CREATE OR REPLACE FUNCTION card_column_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          INSERT INTO card_column_totals AS t (status_id, owner_id, currency, ${cols})
          SELECT status_id, owner_id, currency, ${minus} FROM old_rows WHERE deleted_at IS NULL GROUP BY 1, 2, 3
          ON CONFLICT ON CONSTRAINT card_column_totals_key DO UPDATE SET ${set};
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          INSERT INTO card_column_totals AS t (status_id, owner_id, currency, ${cols})
          SELECT status_id, owner_id, currency, ${plus} FROM new_rows WHERE deleted_at IS NULL GROUP BY 1, 2, 3
          ON CONFLICT ON CONSTRAINT card_column_totals_key DO UPDATE SET ${set};
        END IF;
        RETURN NULL;
      END $$`;
}
