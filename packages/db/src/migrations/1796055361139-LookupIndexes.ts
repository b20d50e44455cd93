import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for lookups that scanned whole tables: the trash list's "deleted by" (audit_log by
 * entity), and duplicate checks while typing and incoming-mail routing (clients and contacts by
 * normalised email, phone, tax id and domain). normalize_emails() and normalize_phones() are the
 * array forms of the keys the duplicate finder compares. Functions name what they call with its
 * schema: PostgreSQL 17 and later build indexes with a search_path of pg_catalog only.
 */
export class LookupIndexes1796055361139 implements MigrationInterface {
  name = 'LookupIndexes1796055361139';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "audit_log_entity_idx" ON "audit_log"  ("entity", "entity_id", "at") `);
    await queryRunner.query(`CREATE FUNCTION normalize_emails(emails text[]) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(lower(trim(e))), '{}') FROM unnest(emails) e $$`);
    await queryRunner.query(`CREATE FUNCTION normalize_phones(phones text[]) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(public.normalize_phone(p)), '{}') FROM unnest(phones) p WHERE length(public.normalize_phone(p)) >= 7 $$`);
    await queryRunner.query(`CREATE FUNCTION normalize_tax_id(tax_id text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT regexp_replace(upper(tax_id), '[^0-9A-Z]', '', 'g') $$`);
    await queryRunner.query(`CREATE INDEX "clients_email_keys_idx" ON "clients" USING gin (normalize_emails(emails)) WHERE deleted_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "contacts_email_keys_idx" ON "contacts" USING gin (normalize_emails(emails)) WHERE deleted_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "clients_phone_keys_idx" ON "clients" USING gin (normalize_phones(phones)) WHERE deleted_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "clients_tax_id_key_idx" ON "clients" (normalize_tax_id(tax_id)) WHERE deleted_at IS NULL AND tax_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "clients_domain_key_idx" ON "clients" (lower(domain)) WHERE deleted_at IS NULL AND domain IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of ['clients_domain_key_idx', 'clients_tax_id_key_idx', 'clients_phone_keys_idx', 'contacts_email_keys_idx', 'clients_email_keys_idx']) {
      await queryRunner.query(`DROP INDEX "public"."${index}"`);
    }
    await queryRunner.query(`DROP FUNCTION normalize_tax_id(text)`);
    await queryRunner.query(`DROP FUNCTION normalize_phones(text[])`);
    await queryRunner.query(`DROP FUNCTION normalize_emails(text[])`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_entity_idx"`);
  }
}
