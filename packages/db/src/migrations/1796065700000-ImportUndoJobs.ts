import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An import is undone by a background job in the worker (kind IMPORT_UNDO), in batches of its rows
 * with progress, instead of in one request: imports.undo_job_id links the job, and a partial index
 * finds the earliest row that updated a client (the values undo restores).
 */
export class ImportUndoJobs1796065700000 implements MigrationInterface {
  name = 'ImportUndoJobs1796065700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "imports" ADD "undo_job_id" uuid`);
    await queryRunner.query(`CREATE INDEX "import_rows_updated_client_idx" ON "import_rows"  ("import_id", "client_id", "row_no") WHERE outcome = 'UPDATED'`);
    await queryRunner.query(`ALTER TABLE "imports" ADD CONSTRAINT "FK_9ec0c9fd84fe708ec31f2896982" FOREIGN KEY ("undo_job_id") REFERENCES "background_jobs"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "imports" DROP CONSTRAINT "FK_9ec0c9fd84fe708ec31f2896982"`);
    await queryRunner.query(`DROP INDEX "public"."import_rows_updated_client_idx"`);
    await queryRunner.query(`ALTER TABLE "imports" DROP COLUMN "undo_job_id"`);
  }
}
