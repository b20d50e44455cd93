import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProfilesAndMassUndo1796054782124 implements MigrationInterface {
  name = 'ProfilesAndMassUndo1796054782124';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "mass_updates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "actor_id" uuid NOT NULL, "pipeline_id" uuid NOT NULL, "change" jsonb NOT NULL, "matched" integer NOT NULL DEFAULT '0', "changed" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "undo_until" TIMESTAMP WITH TIME ZONE NOT NULL, "undone_at" TIMESTAMP WITH TIME ZONE, "undone_by" uuid, CONSTRAINT "PK_5a76a815b716f30e881bab09600" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "mass_updates_created_idx" ON "mass_updates"  ("created_at") `);
    await queryRunner.query(`CREATE TABLE "mass_update_cards" ("mass_update_id" uuid NOT NULL, "card_id" uuid NOT NULL, "client_id" uuid NOT NULL, "status_id" uuid NOT NULL, "position" character varying(64) COLLATE "C" NOT NULL, "status_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "owner_id" uuid, "classification_id" uuid, "department_id" uuid, "had_tag" boolean, "had_category" boolean, CONSTRAINT "PK_f863a6feac9fc0a8cefcefa9e30" PRIMARY KEY ("mass_update_id", "card_id"))`);
    await queryRunner.query(`ALTER TABLE "users" ADD "photo_key" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "users" ADD "photo_type" character varying(40)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "photo_type"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "photo_key"`);
    await queryRunner.query(`DROP TABLE "mass_update_cards"`);
    await queryRunner.query(`DROP INDEX "public"."mass_updates_created_idx"`);
    await queryRunner.query(`DROP TABLE "mass_updates"`);
  }
}
