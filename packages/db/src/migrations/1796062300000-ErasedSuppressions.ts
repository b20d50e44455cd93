import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An erased person's opt-out outlives the erasure without keeping their address: the suppression
 * keeps suppression_key(address) (sha256 of the lower-cased address, as erasePersonalData writes it).
 * When the address comes back on a client or contact (an import, someone typing it in), a trigger
 * puts the plain suppression back at once, so every reader that looks suppressions up by address
 * (campaign audiences, the send-time check) keeps honouring it unchanged.
 */
export class ErasedSuppressions1796062300000 implements MigrationInterface {
  name = 'ErasedSuppressions1796062300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION suppression_key(email text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT 'sha256:' || encode(sha256(convert_to(lower(btrim(email)), 'UTF8')), 'hex')
    $$`);
    await queryRunner.query(`CREATE FUNCTION suppressions_restore_erased() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF cardinality(NEW.emails) > 0 AND EXISTS (SELECT 1 FROM suppressions WHERE email LIKE 'sha256:%') THEN
          INSERT INTO suppressions (email, reason, scope, source, campaign_id, created_at)
            SELECT DISTINCT ON (lower(btrim(e))) lower(btrim(e)), s.reason, s.scope, s.source, NULL, s.created_at
            FROM unnest(NEW.emails) e JOIN suppressions s ON s.email = suppression_key(e)
          ON CONFLICT (email) DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER clients_restore_erased_suppressions AFTER INSERT OR UPDATE OF emails ON clients FOR EACH ROW EXECUTE FUNCTION suppressions_restore_erased()`);
    await queryRunner.query(`CREATE TRIGGER contacts_restore_erased_suppressions AFTER INSERT OR UPDATE OF emails ON contacts FOR EACH ROW EXECUTE FUNCTION suppressions_restore_erased()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER contacts_restore_erased_suppressions ON contacts`);
    await queryRunner.query(`DROP TRIGGER clients_restore_erased_suppressions ON clients`);
    await queryRunner.query(`DROP FUNCTION suppressions_restore_erased()`);
    await queryRunner.query(`DROP FUNCTION suppression_key(text)`);
  }
}
