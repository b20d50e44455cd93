import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * normalize_phone(): the form in which two phone numbers are compared for duplicates. Digits only;
 * an international 00 prefix dropped; Hungary's domestic 06 prefix read as +36.
 */
export class DuplicateKeys1795483800000 implements MigrationInterface {
  name = 'DuplicateKeys1795483800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION normalize_phone(phone text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT CASE
        WHEN d LIKE '00%' THEN substr(d, 3)
        WHEN d LIKE '06%' THEN '36' || substr(d, 3)
        ELSE d END
      FROM (SELECT regexp_replace(phone, '[^0-9]', '', 'g') AS d) x $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION normalize_phone(text)`);
  }
}
