import { MigrationInterface, QueryRunner } from 'typeorm';

export class ForecastFields1796059657464 implements MigrationInterface {
  name = 'ForecastFields1796059657464';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "statuses" ADD "probability" smallint`);
    await queryRunner.query(`ALTER TABLE "cards" ADD "expected_close_date" date`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cards" DROP COLUMN "expected_close_date"`);
    await queryRunner.query(`ALTER TABLE "statuses" DROP COLUMN "probability"`);
  }
}
