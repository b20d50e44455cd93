import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795482328796 implements MigrationInterface {
  name = 'Initial1795482328796';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."user_role" AS ENUM('ADMIN', 'MANAGER', 'NORMAL', 'RESTRICTED')`);
    await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "name" character varying(120) NOT NULL, "password_hash" character varying(255) NOT NULL, "role" "public"."user_role" NOT NULL DEFAULT 'NORMAL', "active" boolean NOT NULL DEFAULT true, "locale" character varying(8) NOT NULL DEFAULT 'en', "signature" text, "last_login_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "users_email_key" ON "users"  ("email") `);
    await queryRunner.query(`CREATE TYPE "public"."client_type" AS ENUM('COMPANY', 'PERSON')`);
    await queryRunner.query(`CREATE TABLE "clients" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" "public"."client_type" NOT NULL DEFAULT 'COMPANY', "name" character varying(200) NOT NULL, "emails" text array NOT NULL DEFAULT '{}', "phones" text array NOT NULL DEFAULT '{}', "address" text, "tax_id" character varying(40), "website" character varying(255), "domain" character varying(255), "owner_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f1ab7cf3a5714dbc6bb4e1c28a4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "clients_domain_idx" ON "clients"  ("domain") `);
    await queryRunner.query(`CREATE TABLE "contacts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "title" character varying(120), "emails" text array NOT NULL DEFAULT '{}', "phones" text array NOT NULL DEFAULT '{}', "is_primary" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b99cd40cfd66a99f1571f4f72e6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "contacts_client_id_idx" ON "contacts"  ("client_id") `);
    await queryRunner.query(`CREATE TABLE "pipelines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "position" integer NOT NULL DEFAULT '0', "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e38ea171cdfad107c1f3db2c036" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TYPE "public"."status_kind" AS ENUM('OPEN', 'WON', 'LOST')`);
    await queryRunner.query(`CREATE TABLE "statuses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pipeline_id" uuid NOT NULL, "name" character varying(120) NOT NULL, "kind" "public"."status_kind" NOT NULL DEFAULT 'OPEN', "color" character varying(7) NOT NULL DEFAULT '#64748b', "position" integer NOT NULL DEFAULT '0', "archived_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_2fd3770acdb67736f1a3e3d5399" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "statuses_pipeline_position_idx" ON "statuses"  ("pipeline_id", "position") `);
    await queryRunner.query(`CREATE TABLE "cards" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "pipeline_id" uuid NOT NULL, "status_id" uuid NOT NULL, "owner_id" uuid, "position" character varying(64) COLLATE "C" NOT NULL, "value" numeric(14,2), "currency" character(3) NOT NULL DEFAULT 'EUR', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5f3269634705fdff4a9935860fc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "cards_owner_id_idx" ON "cards"  ("owner_id") `);
    await queryRunner.query(`CREATE INDEX "cards_status_position_idx" ON "cards"  ("status_id", "position") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "cards_client_pipeline_key" ON "cards"  ("client_id", "pipeline_id") WHERE deleted_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "todos" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "card_id" uuid NOT NULL, "title" character varying(300) NOT NULL, "text" text, "assignee_id" uuid, "deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "done_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ca8cafd59ca6faaf67995344225" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "todos_open_by_assignee_idx" ON "todos"  ("assignee_id", "deadline") WHERE done_at IS NULL AND deleted_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "todos_open_by_card_idx" ON "todos"  ("card_id", "deadline") WHERE done_at IS NULL AND deleted_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "sessions" ("token_hash" character(64) NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "user_agent" character varying(400), "ip" character varying(64), CONSTRAINT "PK_abaa9e068cdd390bc5210f79884" PRIMARY KEY ("token_hash"))`);
    await queryRunner.query(`CREATE INDEX "sessions_user_id_idx" ON "sessions"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "sessions_expires_at_idx" ON "sessions"  ("expires_at") `);
    await queryRunner.query(`ALTER TABLE "clients" ADD CONSTRAINT "FK_fe0ecb806e3c381981349ac237b" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contacts" ADD CONSTRAINT "FK_72d1013c43a0198e905290831e5" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "statuses" ADD CONSTRAINT "FK_f3ccbe18c6e3c839eab6c6fd488" FOREIGN KEY ("pipeline_id") REFERENCES "pipelines"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cards" ADD CONSTRAINT "FK_5b97b8ec810b2e73fa4127749f7" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cards" ADD CONSTRAINT "FK_9eb7641020bed428c754a2268d3" FOREIGN KEY ("pipeline_id") REFERENCES "pipelines"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cards" ADD CONSTRAINT "FK_11255ff2a9e0bb61e2dd7ddc6c4" FOREIGN KEY ("status_id") REFERENCES "statuses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cards" ADD CONSTRAINT "FK_af6aad89f759b9efecbb7e2e593" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "todos" ADD CONSTRAINT "FK_1bad842eba8ba59e1910db5b3c1" FOREIGN KEY ("card_id") REFERENCES "cards"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "todos" ADD CONSTRAINT "FK_6d7c3fd77573b5ecd5e1e83704d" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sessions" ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"`);
    await queryRunner.query(`ALTER TABLE "todos" DROP CONSTRAINT "FK_6d7c3fd77573b5ecd5e1e83704d"`);
    await queryRunner.query(`ALTER TABLE "todos" DROP CONSTRAINT "FK_1bad842eba8ba59e1910db5b3c1"`);
    await queryRunner.query(`ALTER TABLE "cards" DROP CONSTRAINT "FK_af6aad89f759b9efecbb7e2e593"`);
    await queryRunner.query(`ALTER TABLE "cards" DROP CONSTRAINT "FK_11255ff2a9e0bb61e2dd7ddc6c4"`);
    await queryRunner.query(`ALTER TABLE "cards" DROP CONSTRAINT "FK_9eb7641020bed428c754a2268d3"`);
    await queryRunner.query(`ALTER TABLE "cards" DROP CONSTRAINT "FK_5b97b8ec810b2e73fa4127749f7"`);
    await queryRunner.query(`ALTER TABLE "statuses" DROP CONSTRAINT "FK_f3ccbe18c6e3c839eab6c6fd488"`);
    await queryRunner.query(`ALTER TABLE "contacts" DROP CONSTRAINT "FK_72d1013c43a0198e905290831e5"`);
    await queryRunner.query(`ALTER TABLE "clients" DROP CONSTRAINT "FK_fe0ecb806e3c381981349ac237b"`);
    await queryRunner.query(`DROP INDEX "public"."sessions_expires_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."sessions_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP INDEX "public"."todos_open_by_card_idx"`);
    await queryRunner.query(`DROP INDEX "public"."todos_open_by_assignee_idx"`);
    await queryRunner.query(`DROP TABLE "todos"`);
    await queryRunner.query(`DROP INDEX "public"."cards_client_pipeline_key"`);
    await queryRunner.query(`DROP INDEX "public"."cards_status_position_idx"`);
    await queryRunner.query(`DROP INDEX "public"."cards_owner_id_idx"`);
    await queryRunner.query(`DROP TABLE "cards"`);
    await queryRunner.query(`DROP INDEX "public"."statuses_pipeline_position_idx"`);
    await queryRunner.query(`DROP TABLE "statuses"`);
    await queryRunner.query(`DROP TYPE "public"."status_kind"`);
    await queryRunner.query(`DROP TABLE "pipelines"`);
    await queryRunner.query(`DROP INDEX "public"."contacts_client_id_idx"`);
    await queryRunner.query(`DROP TABLE "contacts"`);
    await queryRunner.query(`DROP INDEX "public"."clients_domain_idx"`);
    await queryRunner.query(`DROP TABLE "clients"`);
    await queryRunner.query(`DROP TYPE "public"."client_type"`);
    await queryRunner.query(`DROP INDEX "public"."users_email_key"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TYPE "public"."user_role"`);
  }
}
