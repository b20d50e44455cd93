import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * uuid_v7(): a time-ordered UUID (RFC 9562) for rows written in bulk in a known order (a
 * campaign's recipients, by address), so that their keys append to the end of their indexes. An
 * inlinable SQL function (no FROM), so it costs an expression per row.
 */
export class OrderedIds1796063400000 implements MigrationInterface {
  name = 'OrderedIds1796063400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
      SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
    $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION uuid_v7()`);
  }
}
