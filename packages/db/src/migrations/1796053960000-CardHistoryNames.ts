import { MigrationInterface, QueryRunner } from 'typeorm';

export class CardHistoryNames1796053960000 implements MigrationInterface {
  name = 'CardHistoryNames1796053960000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "document_folders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "pipeline_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0307e252e6c13b4ff3ade731523" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "document_folders_key" ON "document_folders"  ("client_id", "pipeline_id", "name") `);
    await queryRunner.query(`ALTER TABLE "audit_log" ADD "names" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "document_folders" ADD CONSTRAINT "FK_0444f163e0a25539c561569a418" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "document_folders" ADD CONSTRAINT "FK_55d72968fa880c0b08115282922" FOREIGN KEY ("pipeline_id") REFERENCES "pipelines"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "document_folders" DROP CONSTRAINT "FK_55d72968fa880c0b08115282922"`);
    await queryRunner.query(`ALTER TABLE "document_folders" DROP CONSTRAINT "FK_0444f163e0a25539c561569a418"`);
    await queryRunner.query(`ALTER TABLE "audit_log" DROP COLUMN "names"`);
    await queryRunner.query(`DROP INDEX "public"."document_folders_key"`);
    await queryRunner.query(`DROP TABLE "document_folders"`);
  }
}
