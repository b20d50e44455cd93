import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The duplicate-key functions and the clients' search-text trigger in PL/pgSQL, with the very same
 * results. As SQL functions with a FROM clause they could not be inlined, so every call (each
 * insert into clients runs them for the key indexes) started an executor of its own, twice per
 * phone: normalize_phones took about 400 µs a client, most of an import's time in PostgreSQL. As
 * PL/pgSQL loops over simple expressions they take about 20 µs. No index is rebuilt: the keys do
 * not change (the migration test compares both forms over generated values).
 */
export class FastKeyFunctions1796061100000 implements MigrationInterface {
  name = 'FastKeyFunctions1796061100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION normalize_phone(phone text) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      DECLARE d text := regexp_replace(phone, '[^0-9]', '', 'g');
      BEGIN
        RETURN CASE
          WHEN d LIKE '00%' THEN substr(d, 3)
          WHEN d LIKE '06%' THEN '36' || substr(d, 3)
          WHEN d ~ '^0(420|421)[0-9]{9}$' THEN substr(d, 2)
          WHEN d ~ '^0[1-57-9][0-9]{8}$' THEN '421' || substr(d, 2)
          WHEN d ~ '^[1-9][0-9]{8}$' THEN '48' || d
          ELSE d END;
      END $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION normalize_phones(phones text[]) RETURNS text[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      DECLARE keys text[] := '{}'; p text; k text;
      BEGIN
        IF phones IS NULL THEN RETURN keys; END IF;
        FOREACH p IN ARRAY phones LOOP
          k := public.normalize_phone(p);
          IF length(k) >= 7 THEN keys := keys || k; END IF;
        END LOOP;
        RETURN keys;
      END $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION normalize_emails(emails text[]) RETURNS text[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      DECLARE keys text[] := '{}'; e text;
      BEGIN
        IF emails IS NULL THEN RETURN keys; END IF;
        FOREACH e IN ARRAY emails LOOP
          keys := keys || lower(trim(e));
        END LOOP;
        RETURN keys;
      END $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION clients_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE digits text[] := '{}'; ph text;
      BEGIN
        IF NEW.phones IS NOT NULL THEN
          FOREACH ph IN ARRAY NEW.phones LOOP
            digits := digits || regexp_replace(ph, '[^0-9]', '', 'g');
          END LOOP;
        END IF;
        NEW.search_text := lower(concat_ws(' ', NEW.name, array_to_string(NEW.emails, ' '), array_to_string(NEW.phones, ' '),
          array_to_string(digits, ' '), NEW.tax_id, NEW.domain));
        RETURN NEW;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION clients_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_text := lower(concat_ws(' ', NEW.name, array_to_string(NEW.emails, ' '), array_to_string(NEW.phones, ' '),
          array_to_string(ARRAY(SELECT regexp_replace(ph, '[^0-9]', '', 'g') FROM unnest(NEW.phones) AS ph), ' '), NEW.tax_id, NEW.domain));
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION normalize_emails(emails text[]) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(lower(trim(e))), '{}') FROM unnest(emails) e $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION normalize_phones(phones text[]) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(public.normalize_phone(p)), '{}') FROM unnest(phones) p WHERE length(public.normalize_phone(p)) >= 7 $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION normalize_phone(phone text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT CASE
        WHEN d LIKE '00%' THEN substr(d, 3)
        WHEN d LIKE '06%' THEN '36' || substr(d, 3)
        WHEN d ~ '^0(420|421)[0-9]{9}$' THEN substr(d, 2)
        WHEN d ~ '^0[1-57-9][0-9]{8}$' THEN '421' || substr(d, 2)
        WHEN d ~ '^[1-9][0-9]{8}$' THEN '48' || d
        ELSE d END
      FROM (SELECT regexp_replace(phone, '[^0-9]', '', 'g') AS d) x $$`);
  }
}
