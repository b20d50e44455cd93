import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PhoneCountryKeys built clients_phone_keys_idx again on the stored phone_keys column, and with it
 * came back the default pending list that KeyIndexesNoPendingList had turned off: an import's
 * duplicate lookup scanned every phone key written since the last vacuum on every batch (15 s for
 * 2,000 phones against 140,000 pending entries). Entries go straight into the index again.
 */
export class PhoneKeysNoPendingList1796063200000 implements MigrationInterface {
  name = 'PhoneKeysNoPendingList1796063200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER INDEX "public"."clients_phone_keys_idx" SET (fastupdate = off)`);
    // Entries already in the pending list move into the index.
    await queryRunner.query(`SELECT gin_clean_pending_list('public.clients_phone_keys_idx'::regclass)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER INDEX "public"."clients_phone_keys_idx" RESET (fastupdate)`);
  }
}
