import { MigrationInterface, QueryRunner } from 'typeorm';

/** What the reports read of the cards of a few clients, carried by the cards' key on (client, pipeline). */
const COVERED = 'id, owner_id, status_id, status_changed_at';

/**
 * The live cards' unique key on (client, pipeline) carries the columns the reports read of the cards
 * of a few clients (the activity per salesperson for a category with a tag, or for the clients that
 * carry two of a filter's labels: each card's id, owner, status and when it entered it), so that
 * lookup is index-only instead of one table page per card. A card move writes a new entry in every
 * index of the card already (its status is in the board's index), so the wider key costs moves only
 * its bytes. The new key is built beside the old one, which guards uniqueness until it is dropped.
 */
export class CardsByClientIndexOnly1796065200000 implements MigrationInterface {
  name = 'CardsByClientIndexOnly1796065200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.replace(queryRunner, `INCLUDE (${COVERED})`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.replace(queryRunner, '');
  }

  private async replace(queryRunner: QueryRunner, include: string): Promise<void> {
    await queryRunner.query(`CREATE UNIQUE INDEX cards_client_pipeline_next ON cards (client_id, pipeline_id) ${include} WHERE deleted_at IS NULL`);
    await queryRunner.query(`DROP INDEX cards_client_pipeline_key`);
    await queryRunner.query(`ALTER INDEX cards_client_pipeline_next RENAME TO cards_client_pipeline_key`);
  }
}
