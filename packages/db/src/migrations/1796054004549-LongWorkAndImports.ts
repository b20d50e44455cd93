import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Long work (background_jobs) and imports. By hand: indexes that let an import look its rows' duplicate
 * keys up (emails of clients and contacts, normalised phones, tax ids) without reading every client.
 * The GIN indexes have no pending list (fastupdate off): an import searches them right after
 * writing, and a search reads the whole pending list for every batch of keys.
 */
export class LongWorkAndImports1796054004549 implements MigrationInterface {
  name = 'LongWorkAndImports1796054004549';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "background_jobs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(16) NOT NULL, "state" character varying(16) NOT NULL DEFAULT 'QUEUED', "created_by_id" uuid, "payload" jsonb NOT NULL DEFAULT '{}', "checkpoint" jsonb NOT NULL DEFAULT '{}', "rows_done" integer NOT NULL DEFAULT '0', "rows_total" integer, "rows_at_resume" integer NOT NULL DEFAULT '0', "resumed_at" TIMESTAMP WITH TIME ZONE, "result" jsonb, "error_code" character varying(64), "error_params" jsonb, "attempts" integer NOT NULL DEFAULT '0', "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c1f31731b1a02806c4aa631acb8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "background_jobs_open_idx" ON "background_jobs"  ("state") WHERE state IN ('QUEUED', 'RUNNING', 'CANCELLING')`);
    await queryRunner.query(`CREATE INDEX "background_jobs_creator_idx" ON "background_jobs"  ("created_by_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "imports" ("id" uuid NOT NULL, "created_by_id" uuid, "file_name" character varying(255) NOT NULL, "file_key" character varying(255) NOT NULL, "file_size" bigint NOT NULL, "settings" jsonb NOT NULL, "mapping" jsonb NOT NULL, "target" jsonb NOT NULL, "counts" jsonb NOT NULL, "undone_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ea10c62f5eb1d75e83d8b5225db" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "imports_created_by_idx" ON "imports"  ("created_by_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "import_rows" ("import_id" uuid NOT NULL, "row_no" integer NOT NULL, "outcome" character varying(8) NOT NULL, "client_id" uuid, "card_id" uuid, "contact_ids" uuid array, "previous" jsonb, "reason" character varying(40), "reason_params" jsonb, "fields" text array, CONSTRAINT "PK_1a970a6ec0dbdb1e761d465ea18" PRIMARY KEY ("import_id", "row_no"))`);
    await queryRunner.query(`CREATE INDEX "import_rows_outcome_idx" ON "import_rows"  ("import_id", "outcome", "row_no") `);
    await queryRunner.query(`CREATE TABLE "import_mappings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "created_by_id" uuid, "columns" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0fa9ff07029c3b68e95d7968592" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "background_jobs" ADD CONSTRAINT "FK_b33e30417e5f94497ca09b68eb2" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "imports" ADD CONSTRAINT "FK_ea10c62f5eb1d75e83d8b5225db" FOREIGN KEY ("id") REFERENCES "background_jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "import_rows" ADD CONSTRAINT "FK_c175270322bf4c2e99418c2aa9f" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_rows" DROP CONSTRAINT "FK_c175270322bf4c2e99418c2aa9f"`);
    await queryRunner.query(`ALTER TABLE "imports" DROP CONSTRAINT "FK_ea10c62f5eb1d75e83d8b5225db"`);
    await queryRunner.query(`ALTER TABLE "background_jobs" DROP CONSTRAINT "FK_b33e30417e5f94497ca09b68eb2"`);
    await queryRunner.query(`DROP TABLE "import_mappings"`);
    await queryRunner.query(`DROP INDEX "public"."import_rows_outcome_idx"`);
    await queryRunner.query(`DROP TABLE "import_rows"`);
    await queryRunner.query(`DROP INDEX "public"."imports_created_by_idx"`);
    await queryRunner.query(`DROP TABLE "imports"`);
    await queryRunner.query(`DROP INDEX "public"."background_jobs_creator_idx"`);
    await queryRunner.query(`DROP INDEX "public"."background_jobs_open_idx"`);
    await queryRunner.query(`DROP TABLE "background_jobs"`);
  }
}
