import { MigrationInterface, QueryRunner } from 'typeorm';

export class MailReplyTo1795487100851 implements MigrationInterface {
  name = 'MailReplyTo1795487100851';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_mails" ADD "reply_to" character varying(254)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_mails" DROP COLUMN "reply_to"`);
  }
}
