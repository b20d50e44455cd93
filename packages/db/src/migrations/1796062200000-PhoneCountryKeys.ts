import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Phone keys in the organisation's default phone country. A number written with + or 00 keeps its
 * country code; a national one is read as the organisation's country's ("601 234 567" is +48 in a
 * Polish organisation, "903 123 456" and "0903 123 456" +421 in a Slovak one, "20 123 4567" and
 * "06 20 123 4567" +36 in a Hungarian one, "603 123 456" +420 in a Czech one). Other shapes fall
 * back to the neighbour rules of normalize_phone(text) (06 → 36, 0 + nine digits → 421, ...).
 *
 * The keys are stored: clients.phone_keys, filled by a trigger when the phones are written (with the
 * organisation's country at that time) and recomputed when an admin changes the country; the GIN
 * index clients_phone_keys_idx now serves that column. org_phone_country() is the saved country, or
 * the one of the saved language, or of the first admin's locale, as the API defaults it.
 */
export class PhoneCountryKeys1796062200000 implements MigrationInterface {
  name = 'PhoneCountryKeys1796062200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION normalize_phone(phone text, country text) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      DECLARE d text := regexp_replace(phone, '[^0-9]', '', 'g');
      BEGIN
        IF phone ~ '^\\s*\\+' THEN RETURN d; END IF;
        IF d LIKE '00%' THEN RETURN substr(d, 3); END IF;
        IF d ~ '^0(420|421)[0-9]{9}$' THEN RETURN substr(d, 2); END IF;
        IF country = 'HU' THEN
          IF d LIKE '06%' THEN RETURN '36' || substr(d, 3); END IF;
          IF d ~ '^[1-9][0-9]{7,8}$' THEN RETURN '36' || d; END IF;
        ELSIF country = 'PL' THEN
          IF d ~ '^[1-9][0-9]{8}$' THEN RETURN '48' || d; END IF;
          IF d ~ '^0[1-9][0-9]{8}$' THEN RETURN '48' || substr(d, 2); END IF;
        ELSIF country = 'SK' THEN
          IF d ~ '^0[1-9][0-9]{7,8}$' THEN RETURN '421' || substr(d, 2); END IF;
          IF d ~ '^[1-9][0-9]{8}$' THEN RETURN '421' || d; END IF;
        ELSIF country = 'CZ' THEN
          IF d ~ '^[1-9][0-9]{8}$' THEN RETURN '420' || d; END IF;
          IF d ~ '^0[1-9][0-9]{8}$' THEN RETURN '420' || substr(d, 2); END IF;
        END IF;
        RETURN public.normalize_phone(phone);
      END $$`);
    await queryRunner.query(`CREATE FUNCTION normalize_phones(phones text[], country text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      DECLARE keys text[] := '{}'; p text; k text;
      BEGIN
        IF phones IS NULL THEN RETURN keys; END IF;
        FOREACH p IN ARRAY phones LOOP
          k := public.normalize_phone(p, country);
          IF length(k) >= 7 THEN keys := keys || k; END IF;
        END LOOP;
        RETURN keys;
      END $$`);
    await queryRunner.query(`CREATE FUNCTION org_phone_country() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
      SELECT coalesce(
        (SELECT default_country FROM public.organisation_settings WHERE id = 1),
        CASE split_part(lower(coalesce((SELECT language FROM public.organisation_settings WHERE id = 1),
               (SELECT locale FROM public.users WHERE role = 'ADMIN' ORDER BY created_at, id LIMIT 1), '')), '-', 1)
          WHEN 'pl' THEN 'PL' WHEN 'sk' THEN 'SK' ELSE 'HU' END) $$`);
    await queryRunner.query(`ALTER TABLE "clients" ADD "phone_keys" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`CREATE FUNCTION clients_phone_keys() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.phone_keys := public.normalize_phones(NEW.phones, public.org_phone_country());
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER clients_phone_keys BEFORE INSERT OR UPDATE OF phones ON "clients" FOR EACH ROW EXECUTE FUNCTION clients_phone_keys()`);
    await queryRunner.query(`UPDATE "clients" SET phone_keys = normalize_phones(phones, org_phone_country()) WHERE cardinality(phones) > 0`);
    await queryRunner.query(`DROP INDEX "clients_phone_keys_idx"`);
    await queryRunner.query(`CREATE INDEX "clients_phone_keys_idx" ON "clients" USING gin (phone_keys) WHERE deleted_at IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "clients_phone_keys_idx"`);
    await queryRunner.query(`CREATE INDEX "clients_phone_keys_idx" ON "clients" USING gin (normalize_phones(phones)) WHERE deleted_at IS NULL`);
    await queryRunner.query(`DROP TRIGGER clients_phone_keys ON "clients"`);
    await queryRunner.query(`DROP FUNCTION clients_phone_keys()`);
    await queryRunner.query(`ALTER TABLE "clients" DROP COLUMN "phone_keys"`);
    await queryRunner.query(`DROP FUNCTION org_phone_country()`);
    await queryRunner.query(`DROP FUNCTION normalize_phones(text[], text)`);
    await queryRunner.query(`DROP FUNCTION normalize_phone(text, text)`);
  }
}
