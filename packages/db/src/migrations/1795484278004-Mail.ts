import { MigrationInterface, QueryRunner } from 'typeorm';

export class Mail1795484278004 implements MigrationInterface {
  name = 'Mail1795484278004';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "email_templates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pipeline_id" uuid NOT NULL, "name" character varying(120) NOT NULL, "category" character varying(80), "subject" character varying(500) NOT NULL, "body" text NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_06c564c515d8cdb40b6f3bfbbb4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "email_templates_pipeline_idx" ON "email_templates"  ("pipeline_id", "name") `);
    await queryRunner.query(`CREATE TABLE "todo_templates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pipeline_id" uuid, "title" character varying(300) NOT NULL, "text" text, "deadline_offset_days" integer NOT NULL DEFAULT '1', "deadline_time" character varying(5), "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d1fecf1aa68f4ed05c0f06ad41f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "outbox_mails" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "idempotency_key" character varying(200) NOT NULL, "card_id" uuid, "client_id" uuid, "template_id" uuid, "from_address" character varying(254) NOT NULL, "from_name" character varying(200) NOT NULL, "to_addresses" text array NOT NULL, "subject" character varying(998) NOT NULL, "html" text NOT NULL, "text" text NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'QUEUED', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "message_id" character varying(255) NOT NULL, "smtp_response" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b29f3864833e0d790528753c19c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "outbox_mails_idempotency_key" ON "outbox_mails"  ("idempotency_key") `);
    await queryRunner.query(`CREATE INDEX "outbox_mails_card_idx" ON "outbox_mails"  ("card_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "outbox_mails_status_idx" ON "outbox_mails"  ("status", "created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."outbox_mails_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_mails_card_idx"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_mails_idempotency_key"`);
    await queryRunner.query(`DROP TABLE "outbox_mails"`);
    await queryRunner.query(`DROP TABLE "todo_templates"`);
    await queryRunner.query(`DROP INDEX "public"."email_templates_pipeline_idx"`);
    await queryRunner.query(`DROP TABLE "email_templates"`);
  }
}
