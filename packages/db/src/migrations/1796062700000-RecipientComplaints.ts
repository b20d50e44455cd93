import { MigrationInterface, QueryRunner } from 'typeorm';

/** When a campaign recipient reported the mail as spam (a feedback report, RFC 5965, matched to our mail). */
export class RecipientComplaints1796062700000 implements MigrationInterface {
  name = 'RecipientComplaints1796062700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaign_recipients" ADD "complained_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaign_recipients" DROP COLUMN "complained_at"`);
  }
}
