import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * normalize_phone() reads the national forms of Hungary, Poland and Slovakia as their international
 * form, so that a number written nationally matches its +36, +48 or +421 form (duplicates, imports,
 * the duplicate check while typing). Digits only, then:
 * - "00" international prefix dropped ("0048 601 234 567", "00421 903 123 456");
 * - Hungary's trunk prefix 06 read as 36 ("06 20 123 4567");
 * - "0421 …" and "0420 …" (a 0 typed before the country code) read as 421 / 420;
 * - Slovakia's trunk 0 before nine digits read as 421 ("0903 123 456"; no Slovak area code starts with 6);
 * - nine digits with no prefix at all read as Polish (Poland has no trunk prefix: "601 234 567").
 *   A Czech number written without +420 is nine bare digits too and is read as Polish; write +420.
 * Numbers written with their country code ("+420 603 123 456", "36 20 123 4567") keep it.
 * The phone index is rebuilt, since its keys change.
 */
export class CentralEuropeanPhones1796060000000 implements MigrationInterface {
  name = 'CentralEuropeanPhones1796060000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION normalize_phone(phone text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT CASE
        WHEN d LIKE '00%' THEN substr(d, 3)
        WHEN d LIKE '06%' THEN '36' || substr(d, 3)
        WHEN d ~ '^0(420|421)[0-9]{9}$' THEN substr(d, 2)
        WHEN d ~ '^0[1-57-9][0-9]{8}$' THEN '421' || substr(d, 2)
        WHEN d ~ '^[1-9][0-9]{8}$' THEN '48' || d
        ELSE d END
      FROM (SELECT regexp_replace(phone, '[^0-9]', '', 'g') AS d) x $$`);
    await queryRunner.query(`REINDEX INDEX "clients_phone_keys_idx"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION normalize_phone(phone text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT CASE
        WHEN d LIKE '00%' THEN substr(d, 3)
        WHEN d LIKE '06%' THEN '36' || substr(d, 3)
        ELSE d END
      FROM (SELECT regexp_replace(phone, '[^0-9]', '', 'g') AS d) x $$`);
    await queryRunner.query(`REINDEX INDEX "clients_phone_keys_idx"`);
  }
}
