import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The erased-suppression check (ErasedSuppressions) ran once per inserted client and contact: an
 * import of 2,000 rows ran it 6,000 times, each a query of its own. Inserts now run it once per
 * statement over the inserted rows (a transition table), with the same result; an update of the
 * addresses keeps the row trigger (PostgreSQL allows no column list on a trigger with transition
 * tables, and the trigger must not fire for updates that leave the addresses alone).
 */
export class SuppressionRestoreOncePerInsert1796063100000 implements MigrationInterface {
  name = 'SuppressionRestoreOncePerInsert1796063100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION suppressions_restore_erased_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM suppressions WHERE email LIKE 'sha256:%') THEN
          INSERT INTO suppressions (email, reason, scope, source, campaign_id, created_at)
            SELECT DISTINCT ON (lower(btrim(e))) lower(btrim(e)), s.reason, s.scope, s.source, NULL, s.created_at
            FROM new_rows n CROSS JOIN LATERAL unnest(n.emails) e JOIN suppressions s ON s.email = suppression_key(e)
          ON CONFLICT (email) DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['clients', 'contacts']) {
      await queryRunner.query(`DROP TRIGGER ${table}_restore_erased_suppressions ON ${table}`);
      await queryRunner.query(`CREATE TRIGGER ${table}_restore_erased_suppressions AFTER UPDATE OF emails ON ${table} FOR EACH ROW EXECUTE FUNCTION suppressions_restore_erased()`);
      await queryRunner.query(
        `CREATE TRIGGER ${table}_restore_erased_suppressions_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION suppressions_restore_erased_inserted()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['clients', 'contacts']) {
      await queryRunner.query(`DROP TRIGGER ${table}_restore_erased_suppressions_insert ON ${table}`);
      await queryRunner.query(`DROP TRIGGER ${table}_restore_erased_suppressions ON ${table}`);
      await queryRunner.query(`CREATE TRIGGER ${table}_restore_erased_suppressions AFTER INSERT OR UPDATE OF emails ON ${table} FOR EACH ROW EXECUTE FUNCTION suppressions_restore_erased()`);
    }
    await queryRunner.query(`DROP FUNCTION suppressions_restore_erased_inserted()`);
  }
}
