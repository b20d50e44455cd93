import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The history's card_current mark kept by one statement per update of cards instead of one per card:
 * a mass trash of 12,500 cards updated each card's history in a statement of its own, and each ran
 * the history's statement triggers (the funnel's and the stays' totals) again. The updated cards whose
 * trash mark or pipeline changed are found by grouping their old and new rows (an unchanged card's
 * two rows cancel out), not by joining the two transition tables, which the planner may turn into a
 * nested loop over both.
 */
const BODY = `
        IF TG_OP = 'DELETE' THEN
          UPDATE card_status_changes h SET card_current = false FROM old_rows o WHERE h.card_id = o.id AND h.card_current;
        ELSIF TG_OP = 'INSERT' THEN
          UPDATE card_status_changes h SET card_current = (n.deleted_at IS NULL AND n.pipeline_id = h.pipeline_id)
          FROM new_rows n WHERE h.card_id = n.id AND h.card_current IS DISTINCT FROM (n.deleted_at IS NULL AND n.pipeline_id = h.pipeline_id);`;

export class CardCurrentPerStatement1796063620000 implements MigrationInterface {
  name = 'CardCurrentPerStatement1796063620000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER card_status_changes_current_update ON cards`);
    await queryRunner.query(`DROP FUNCTION card_status_changes_current_row()`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION card_status_changes_current() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${BODY}
        ELSE
          -- The new state of the cards whose trash mark or pipeline changed (each card's old and new
          -- rows grouped: the groups left with a new row alone).
          UPDATE card_status_changes h SET card_current = (k.live AND k.pipeline_id = h.pipeline_id)
          FROM (SELECT u.id, u.pipeline_id, u.live FROM (
                  SELECT id, pipeline_id, deleted_at IS NULL AS live, 1 AS sign FROM new_rows
                  UNION ALL SELECT id, pipeline_id, deleted_at IS NULL, -1 FROM old_rows) u
                GROUP BY 1, 2, 3 HAVING sum(u.sign) > 0) k
          WHERE h.card_id = k.id AND h.card_current IS DISTINCT FROM (k.live AND k.pipeline_id = h.pipeline_id);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER card_status_changes_current_update AFTER UPDATE ON cards REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION card_status_changes_current()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER card_status_changes_current_update ON cards`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION card_status_changes_current() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${BODY}
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE FUNCTION card_status_changes_current_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE card_status_changes h SET card_current = (NEW.deleted_at IS NULL AND NEW.pipeline_id = h.pipeline_id)
        WHERE h.card_id = NEW.id AND h.card_current IS DISTINCT FROM (NEW.deleted_at IS NULL AND NEW.pipeline_id = h.pipeline_id);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER card_status_changes_current_update AFTER UPDATE OF deleted_at, pipeline_id ON cards FOR EACH ROW
      WHEN ((OLD.deleted_at IS NULL) IS DISTINCT FROM (NEW.deleted_at IS NULL) OR OLD.pipeline_id IS DISTINCT FROM NEW.pipeline_id)
      EXECUTE FUNCTION card_status_changes_current_row()`);
  }
}
