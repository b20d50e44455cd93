import { MigrationInterface, QueryRunner } from 'typeorm';

export class Automations1795485090301 implements MigrationInterface {
  name = 'Automations1795485090301';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "automations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pipeline_id" uuid NOT NULL, "name" character varying(120) NOT NULL, "trigger_kind" character varying(8) NOT NULL, "trigger_status_id" uuid, "trigger_view_id" uuid, "mode" character varying(12) NOT NULL DEFAULT 'CONTINUOUS', "only_new" boolean NOT NULL DEFAULT false, "re_enrol" boolean NOT NULL DEFAULT false, "stop_on_reply" boolean NOT NULL DEFAULT false, "state" character varying(8) NOT NULL DEFAULT 'DRAFT', "activated_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_34c2cc382fc780ea36f7c478192" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "automations_state_idx" ON "automations"  ("state") `);
    await queryRunner.query(`CREATE INDEX "automations_pipeline_idx" ON "automations"  ("pipeline_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "automation_steps" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "automation_id" uuid NOT NULL, "position" integer NOT NULL, "kind" character varying(20) NOT NULL, "delay_days" integer NOT NULL DEFAULT '0', "weekday" smallint, "hour" smallint, "email_template_id" uuid, "todo_template_id" uuid, "recipient" character varying(16) NOT NULL DEFAULT 'PRIMARY_CONTACT', "recipient_user_id" uuid, "sender" character varying(8) NOT NULL DEFAULT 'OWNER', "sender_user_id" uuid, "removed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_431ae569e06b1c2d2a210f8a1ba" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "automation_steps_automation_idx" ON "automation_steps"  ("automation_id", "position") `);
    await queryRunner.query(`CREATE TABLE "automation_enrolments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "automation_id" uuid NOT NULL, "card_id" uuid NOT NULL, "cycle" integer NOT NULL DEFAULT '0', "state" character varying(8) NOT NULL, "matching" boolean NOT NULL DEFAULT true, "entered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_39048d3f457672a11589aa67512" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "automation_enrolments_matching_idx" ON "automation_enrolments"  ("automation_id", "card_id") WHERE matching`);
    await queryRunner.query(`CREATE INDEX "automation_enrolments_card_idx" ON "automation_enrolments"  ("card_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "automation_enrolments_cycle_key" ON "automation_enrolments"  ("automation_id", "card_id", "cycle") `);
    await queryRunner.query(`CREATE TABLE "automation_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "automation_id" uuid NOT NULL, "enrolment_id" uuid NOT NULL, "step_id" uuid NOT NULL, "card_id" uuid NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(9) NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "result" jsonb, "error" text, CONSTRAINT "PK_273137fa78ff9340128ab98445f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "automation_runs_automation_idx" ON "automation_runs"  ("automation_id", "status") `);
    await queryRunner.query(`CREATE INDEX "automation_runs_due_idx" ON "automation_runs"  ("due_at") WHERE status = 'PENDING'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "automation_runs_step_key" ON "automation_runs"  ("enrolment_id", "step_id") `);
    await queryRunner.query(`ALTER TABLE "todos" ADD "idempotency_key" character varying(200)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "todos_idempotency_key" ON "todos"  ("idempotency_key") WHERE idempotency_key IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."todos_idempotency_key"`);
    await queryRunner.query(`ALTER TABLE "todos" DROP COLUMN "idempotency_key"`);
    await queryRunner.query(`DROP INDEX "public"."automation_runs_step_key"`);
    await queryRunner.query(`DROP INDEX "public"."automation_runs_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."automation_runs_automation_idx"`);
    await queryRunner.query(`DROP TABLE "automation_runs"`);
    await queryRunner.query(`DROP INDEX "public"."automation_enrolments_cycle_key"`);
    await queryRunner.query(`DROP INDEX "public"."automation_enrolments_card_idx"`);
    await queryRunner.query(`DROP INDEX "public"."automation_enrolments_matching_idx"`);
    await queryRunner.query(`DROP TABLE "automation_enrolments"`);
    await queryRunner.query(`DROP INDEX "public"."automation_steps_automation_idx"`);
    await queryRunner.query(`DROP TABLE "automation_steps"`);
    await queryRunner.query(`DROP INDEX "public"."automations_pipeline_idx"`);
    await queryRunner.query(`DROP INDEX "public"."automations_state_idx"`);
    await queryRunner.query(`DROP TABLE "automations"`);
  }
}
