import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shared mailboxes: an Admin connects a mailbox of the organisation (office@, info@) that belongs to
 * no user. kind USER (one per user, as before) or SHARED (no user, a name for the settings page).
 */
export class SharedMailAccounts1796062100000 implements MigrationInterface {
  name = 'SharedMailAccounts1796062100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mail_accounts" ADD "kind" character varying(8) NOT NULL DEFAULT 'USER'`);
    await queryRunner.query(`ALTER TABLE "mail_accounts" ADD "name" character varying(120)`);
    await queryRunner.query(`ALTER TABLE "mail_accounts" ALTER COLUMN "user_id" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "mail_accounts" ADD CONSTRAINT "mail_accounts_kind_check" CHECK ((kind = 'USER' AND user_id IS NOT NULL) OR (kind = 'SHARED' AND user_id IS NULL AND name IS NOT NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "mail_accounts" WHERE kind = 'SHARED'`);
    await queryRunner.query(`ALTER TABLE "mail_accounts" DROP CONSTRAINT "mail_accounts_kind_check"`);
    await queryRunner.query(`ALTER TABLE "mail_accounts" ALTER COLUMN "user_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "mail_accounts" DROP COLUMN "name"`);
    await queryRunner.query(`ALTER TABLE "mail_accounts" DROP COLUMN "kind"`);
  }
}
