import { MigrationInterface, QueryRunner } from 'typeorm';

export class CampaignSettings1796062400000 implements MigrationInterface {
  name = 'CampaignSettings1796062400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "campaign_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "url" text NOT NULL, "clicks" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_a1729d84c95884a9d853616ce63" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "campaign_links_url_key" ON "campaign_links"  ("campaign_id", "url") `);
    await queryRunner.query(`ALTER TABLE "organisation_settings" ADD "campaign_per_minute" integer`);
    await queryRunner.query(`ALTER TABLE "organisation_settings" ADD "campaign_per_domain_per_minute" integer`);
    await queryRunner.query(`ALTER TABLE "organisation_settings" ADD "campaign_tracking" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "tracking" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "campaign_recipients" ADD "opened_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "campaign_recipients" ADD "opens" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "campaign_recipients" ADD "clicked_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "campaign_recipients" ADD "clicks" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "suppressions" ADD "created_by_id" uuid`);
    await queryRunner.query(`ALTER TABLE "campaign_links" ADD CONSTRAINT "FK_6ec6d3c7aadf2ac392a1df912ea" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaign_links" DROP CONSTRAINT "FK_6ec6d3c7aadf2ac392a1df912ea"`);
    await queryRunner.query(`ALTER TABLE "suppressions" DROP COLUMN "created_by_id"`);
    await queryRunner.query(`ALTER TABLE "campaign_recipients" DROP COLUMN "clicks"`);
    await queryRunner.query(`ALTER TABLE "campaign_recipients" DROP COLUMN "clicked_at"`);
    await queryRunner.query(`ALTER TABLE "campaign_recipients" DROP COLUMN "opens"`);
    await queryRunner.query(`ALTER TABLE "campaign_recipients" DROP COLUMN "opened_at"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "tracking"`);
    await queryRunner.query(`ALTER TABLE "organisation_settings" DROP COLUMN "campaign_tracking"`);
    await queryRunner.query(`ALTER TABLE "organisation_settings" DROP COLUMN "campaign_per_domain_per_minute"`);
    await queryRunner.query(`ALTER TABLE "organisation_settings" DROP COLUMN "campaign_per_minute"`);
    await queryRunner.query(`DROP INDEX "public"."campaign_links_url_key"`);
    await queryRunner.query(`DROP TABLE "campaign_links"`);
  }
}
