import { MigrationInterface, QueryRunner } from 'typeorm';

export class CardTabs1795483615556 implements MigrationInterface {
  name = 'CardTabs1795483615556';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "card_id" uuid NOT NULL, "client_id" uuid NOT NULL, "author_id" uuid, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_af6206538ea96c4e77e9f400c3d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "notes_card_idx" ON "notes"  ("card_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "deals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "card_id" uuid, "title" character varying(200) NOT NULL, "amount" numeric(14,2) NOT NULL, "currency" character(3) NOT NULL, "date" date NOT NULL, "state" character varying(8) NOT NULL DEFAULT 'OPEN', "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_8c66f03b250f613ff8615940b4b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "deals_client_idx" ON "deals"  ("client_id", "date") `);
    await queryRunner.query(`CREATE TABLE "custom_fields" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pipeline_id" uuid NOT NULL, "label" character varying(120) NOT NULL, "kind" character varying(16) NOT NULL, "options" text array NOT NULL DEFAULT '{}', "required" boolean NOT NULL DEFAULT false, "position" integer NOT NULL DEFAULT '0', "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_35ab958a0baec2e0b2b2b875fdb" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "custom_fields_pipeline_idx" ON "custom_fields"  ("pipeline_id", "position") `);
    await queryRunner.query(`CREATE TABLE "documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "pipeline_id" uuid NOT NULL, "folder" character varying(200) NOT NULL DEFAULT '', "name" character varying(255) NOT NULL, "mime_type" character varying(120) NOT NULL, "size" bigint NOT NULL, "storage_key" character varying(255) NOT NULL, "public_token" character varying(64), "uploaded_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "documents_public_token_key" ON "documents"  ("public_token") WHERE public_token IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "documents_client_idx" ON "documents"  ("client_id", "pipeline_id", "folder") `);
    await queryRunner.query(`ALTER TABLE "cards" ADD "custom_values" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`CREATE INDEX "cards_custom_values_idx" ON "cards" USING gin ("custom_values" jsonb_path_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."cards_custom_values_idx"`);
    await queryRunner.query(`ALTER TABLE "cards" DROP COLUMN "custom_values"`);
    await queryRunner.query(`DROP INDEX "public"."documents_client_idx"`);
    await queryRunner.query(`DROP INDEX "public"."documents_public_token_key"`);
    await queryRunner.query(`DROP TABLE "documents"`);
    await queryRunner.query(`DROP INDEX "public"."custom_fields_pipeline_idx"`);
    await queryRunner.query(`DROP TABLE "custom_fields"`);
    await queryRunner.query(`DROP INDEX "public"."deals_client_idx"`);
    await queryRunner.query(`DROP TABLE "deals"`);
    await queryRunner.query(`DROP INDEX "public"."notes_card_idx"`);
    await queryRunner.query(`DROP TABLE "notes"`);
  }
}
