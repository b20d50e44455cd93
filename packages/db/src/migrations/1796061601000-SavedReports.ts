import { MigrationInterface, QueryRunner } from 'typeorm';

/** Saved reports (a named filter bar and its widgets, private or shared) and Managers' weekly summary subscriptions. */
export class SavedReports1796061601000 implements MigrationInterface {
  name = 'SavedReports1796061601000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "saved_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "owner_id" uuid NOT NULL, "shared" boolean NOT NULL DEFAULT false, "filter" jsonb NOT NULL DEFAULT '{}', "widgets" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ab9983395681688e8d042fbe12e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "saved_reports_owner_idx" ON "saved_reports"  ("owner_id") `);
    await queryRunner.query(`CREATE TABLE "saved_report_subscriptions" ("saved_report_id" uuid NOT NULL, "user_id" uuid NOT NULL, "last_sent_week" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d9284a20a709a165b30feb21f2d" PRIMARY KEY ("saved_report_id", "user_id"))`);
    await queryRunner.query(`ALTER TABLE "saved_reports" ADD CONSTRAINT "FK_4d6ee24f914a37ee869dbbdf477" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "saved_report_subscriptions" ADD CONSTRAINT "FK_e4baf24384b812e40243970462b" FOREIGN KEY ("saved_report_id") REFERENCES "saved_reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "saved_report_subscriptions" ADD CONSTRAINT "FK_e06b00122960776732b32bbf4a1" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "saved_report_subscriptions"`);
    await queryRunner.query(`DROP TABLE "saved_reports"`);
  }
}
