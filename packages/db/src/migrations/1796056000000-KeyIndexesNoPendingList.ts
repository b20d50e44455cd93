import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The duplicate-key GIN indexes (LookupIndexes) were created with the default pending list
 * (fastupdate on). An import inserts a batch and then looks up the next batch's keys at once: every
 * probe then scanned the whole pending list (up to gin_pending_list_limit), so each lookup grew with
 * the rows written since the last vacuum (3 s for 3,000 keys against 20,000 clients; 24 ms without
 * the list). Entries now go straight into the index.
 */
export class KeyIndexesNoPendingList1796056000000 implements MigrationInterface {
  name = 'KeyIndexesNoPendingList1796056000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const index of ['clients_email_keys_idx', 'contacts_email_keys_idx', 'clients_phone_keys_idx']) {
      await queryRunner.query(`ALTER INDEX "public"."${index}" SET (fastupdate = off)`);
      // Entries already in the pending list move into the index.
      await queryRunner.query(`SELECT gin_clean_pending_list('public.${index}'::regclass)`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of ['clients_email_keys_idx', 'contacts_email_keys_idx', 'clients_phone_keys_idx']) {
      await queryRunner.query(`ALTER INDEX "public"."${index}" RESET (fastupdate)`);
    }
  }
}
