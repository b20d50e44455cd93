import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * client_categories and client_tags had an index on client_id besides their primary key
 * (client_id, label), which already serves every lookup by client: a second index written for each
 * label an import or a mass action adds. The join tables are entities of their own now
 * (ClientCategory, ClientTag), so the schema no longer asks for it.
 */
export class JoinTablesWithoutClientIndex1796063710000 implements MigrationInterface {
  name = 'JoinTablesWithoutClientIndex1796063710000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_3c0ec5f913d88e5cc27e46c591"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_32e80c0dae4fc149b834efd79a"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_32e80c0dae4fc149b834efd79a" ON "client_tags" ("client_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_3c0ec5f913d88e5cc27e46c591" ON "client_categories" ("client_id") `);
  }
}
