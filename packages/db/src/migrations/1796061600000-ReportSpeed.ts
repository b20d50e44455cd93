import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports without joining every card of the pipeline:
 * - card_status_changes.card_current: the card is live (not in the trash) and still in the row's
 *   pipeline. Set when the row is written and kept by statement-level triggers on cards (a card
 *   trashed, restored, moved to another pipeline, created after its history, or deleted), so an
 *   unfiltered report reads the history alone, index-only, through card_status_changes_current_idx.
 * - the weekly widget's new cards and clients read by creation time, cards won (activity, and won
 *   and lost when the totals cannot serve) by status and the time of the last status change.
 */
export class ReportSpeed1796061600000 implements MigrationInterface {
  name = 'ReportSpeed1796061600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE card_status_changes ADD card_current boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`UPDATE card_status_changes h SET card_current = false
      WHERE NOT EXISTS (SELECT 1 FROM cards c WHERE c.id = h.card_id AND c.deleted_at IS NULL AND c.pipeline_id = h.pipeline_id)`);
    await queryRunner.query(`CREATE INDEX card_status_changes_current_idx ON card_status_changes (pipeline_id, at)
      INCLUDE (card_id, status_id, from_status_id, from_status_at, actor_id) WHERE card_current`);
    // New rows: whether their card is live in their pipeline now (a later change of the card re-marks them).
    await queryRunner.query(`CREATE OR REPLACE FUNCTION card_status_changes_from_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A card's earlier change in the same statement, else its latest one before: the stay's start.
        INSERT INTO card_status_changes (card_id, pipeline_id, status_id, from_status_id, from_status_at, at, actor_id, card_current)
        SELECT n.card_id, s.pipeline_id, s.id, (n.changes -> 'statusId' ->> 0)::uuid,
          CASE WHEN n.changes -> 'statusId' ->> 0 IS NOT NULL
            THEN coalesce(n.prev_at, (SELECT max(p.at) FROM card_status_changes p WHERE p.card_id = n.card_id)) END,
          n.at, n.actor_id,
          -- Looked up by id alone: conditions on the card in the lookup would let the planner pick a
          -- partial index of the pipeline's cards and scan it for every row.
          coalesce((SELECT c.deleted_at IS NULL AND c.pipeline_id = s.pipeline_id FROM cards c WHERE c.id = n.card_id), false)
        FROM (SELECT r.*, lag(r.at) OVER (PARTITION BY r.card_id ORDER BY r.at, r.id) AS prev_at FROM new_rows r
              WHERE r.entity = 'card' AND r.card_id IS NOT NULL AND r.changes ? 'statusId') n
        JOIN statuses s ON s.id = (n.changes -> 'statusId' ->> 1)::uuid
        ORDER BY n.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE FUNCTION card_status_changes_current() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          UPDATE card_status_changes h SET card_current = false FROM old_rows o WHERE h.card_id = o.id AND h.card_current;
        ELSIF TG_OP = 'INSERT' THEN
          UPDATE card_status_changes h SET card_current = (n.deleted_at IS NULL AND n.pipeline_id = h.pipeline_id)
          FROM new_rows n WHERE h.card_id = n.id AND h.card_current IS DISTINCT FROM (n.deleted_at IS NULL AND n.pipeline_id = h.pipeline_id);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER card_status_changes_current_insert AFTER INSERT ON cards REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION card_status_changes_current()`);
    // A row trigger whose WHEN costs nothing for the usual updates (moves, edits); a statement trigger
    // would have to join the old and new rows of every update, unindexed.
    await queryRunner.query(`CREATE FUNCTION card_status_changes_current_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE card_status_changes h SET card_current = (NEW.deleted_at IS NULL AND NEW.pipeline_id = h.pipeline_id)
        WHERE h.card_id = NEW.id AND h.card_current IS DISTINCT FROM (NEW.deleted_at IS NULL AND NEW.pipeline_id = h.pipeline_id);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER card_status_changes_current_update AFTER UPDATE OF deleted_at, pipeline_id ON cards FOR EACH ROW
      WHEN ((OLD.deleted_at IS NULL) IS DISTINCT FROM (NEW.deleted_at IS NULL) OR OLD.pipeline_id IS DISTINCT FROM NEW.pipeline_id)
      EXECUTE FUNCTION card_status_changes_current_row()`);
    await queryRunner.query(`CREATE TRIGGER card_status_changes_current_delete AFTER DELETE ON cards REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION card_status_changes_current()`);
    await queryRunner.query(`CREATE INDEX cards_pipeline_created_idx ON cards (pipeline_id, created_at) WHERE deleted_at IS NULL`);
    await queryRunner.query(`CREATE INDEX clients_created_idx ON clients (created_at) WHERE deleted_at IS NULL`);
    await queryRunner.query(`CREATE INDEX cards_status_changed_idx ON cards (status_id, status_changed_at) WHERE deleted_at IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX cards_status_changed_idx`);
    await queryRunner.query(`DROP INDEX clients_created_idx`);
    await queryRunner.query(`DROP INDEX cards_pipeline_created_idx`);
    await queryRunner.query(`DROP TRIGGER card_status_changes_current_delete ON cards`);
    await queryRunner.query(`DROP TRIGGER card_status_changes_current_update ON cards`);
    await queryRunner.query(`DROP TRIGGER card_status_changes_current_insert ON cards`);
    await queryRunner.query(`DROP FUNCTION card_status_changes_current_row()`);
    await queryRunner.query(`DROP FUNCTION card_status_changes_current()`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION card_status_changes_from_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A card's earlier change in the same statement, else its latest one before: the stay's start.
        INSERT INTO card_status_changes (card_id, pipeline_id, status_id, from_status_id, from_status_at, at, actor_id)
        SELECT n.card_id, s.pipeline_id, s.id, (n.changes -> 'statusId' ->> 0)::uuid,
          CASE WHEN n.changes -> 'statusId' ->> 0 IS NOT NULL
            THEN coalesce(n.prev_at, (SELECT max(p.at) FROM card_status_changes p WHERE p.card_id = n.card_id)) END,
          n.at, n.actor_id
        FROM (SELECT r.*, lag(r.at) OVER (PARTITION BY r.card_id ORDER BY r.at, r.id) AS prev_at FROM new_rows r
              WHERE r.entity = 'card' AND r.card_id IS NOT NULL AND r.changes ? 'statusId') n
        JOIN statuses s ON s.id = (n.changes -> 'statusId' ->> 1)::uuid
        ORDER BY n.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`DROP INDEX card_status_changes_current_idx`);
    await queryRunner.query(`ALTER TABLE card_status_changes DROP COLUMN card_current`);
  }
}
