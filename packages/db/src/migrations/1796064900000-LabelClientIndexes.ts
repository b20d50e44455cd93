import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The label join tables' index on the label alone becomes one on (label, client): the same one
 * index written per link, but a label's clients now come sorted by client, so the clients that carry
 * two labels of a report's filter are found by merging the labels' client lists, index-only (the
 * reports sum the totals per label for a filter of several labels and take those clients' cards away).
 */
export class LabelClientIndexes1796064900000 implements MigrationInterface {
  name = 'LabelClientIndexes1796064900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "client_categories_category_client_idx" ON "client_categories" ("category_id", "client_id") `);
    await queryRunner.query(`CREATE INDEX "client_tags_tag_client_idx" ON "client_tags" ("tag_id", "client_id") `);
    await queryRunner.query(`DROP INDEX "public"."IDX_0239da5992cbb10dbcb43f99e2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9d9bfa856d131515eade0a58b7"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_9d9bfa856d131515eade0a58b7" ON "client_tags" ("tag_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_0239da5992cbb10dbcb43f99e2" ON "client_categories" ("category_id") `);
    await queryRunner.query(`DROP INDEX "public"."client_tags_tag_client_idx"`);
    await queryRunner.query(`DROP INDEX "public"."client_categories_category_client_idx"`);
  }
}
