import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live clients by owner and creation time: a Normal user's weekly widget (their new clients per week)
 * read every client created in the period and kept their own (this year at 1,000,000 clients: 480,000
 * rows for 10,000, 300 ms); the clients list filtered to an owner reads it too.
 */
export class ClientOwnerIndex1796064500000 implements MigrationInterface {
  name = 'ClientOwnerIndex1796064500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX clients_owner_created_idx ON clients (owner_id, created_at) INCLUDE (id) WHERE deleted_at IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX clients_owner_created_idx`);
  }
}
