import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Status history for reports: card_status_changes gets a row whenever the audit trail records a
 * card's statusId (a move, a mass action, a new card). A statement-level trigger with a transition
 * table, so a mass action writing 1,000 audit rows costs one insert. Existing audit rows are copied.
 */
export class StatusHistory1796054000000 implements MigrationInterface {
  name = 'StatusHistory1796054000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "card_status_changes" ("id" BIGSERIAL NOT NULL, "card_id" uuid NOT NULL, "pipeline_id" uuid NOT NULL, "status_id" uuid NOT NULL, "from_status_id" uuid, "from_status_at" TIMESTAMP WITH TIME ZONE, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, CONSTRAINT "PK_16da05bf5bab58d621e14c9d1a5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "card_status_changes_actor_at_idx" ON "card_status_changes"  ("actor_id", "at") `);
    await queryRunner.query(`CREATE INDEX "card_status_changes_card_at_idx" ON "card_status_changes"  ("card_id", "at") `);
    await queryRunner.query(`CREATE INDEX "card_status_changes_pipeline_at_idx" ON "card_status_changes"  ("pipeline_id", "at") `);
    await queryRunner.query(`CREATE FUNCTION card_status_changes_from_audit() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await queryRunner.query(`CREATE TRIGGER card_status_changes_from_audit AFTER INSERT ON audit_log REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION card_status_changes_from_audit()`);
    await queryRunner.query(`INSERT INTO card_status_changes (card_id, pipeline_id, status_id, from_status_id, from_status_at, at, actor_id)
      SELECT a.card_id, s.pipeline_id, s.id, (a.changes -> 'statusId' ->> 0)::uuid,
        CASE WHEN a.changes -> 'statusId' ->> 0 IS NOT NULL THEN lag(a.at) OVER (PARTITION BY a.card_id ORDER BY a.at, a.id) END, a.at, a.actor_id
      FROM audit_log a JOIN statuses s ON s.id = (a.changes -> 'statusId' ->> 1)::uuid
      WHERE a.entity = 'card' AND a.card_id IS NOT NULL AND a.changes ? 'statusId' ORDER BY a.id`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER card_status_changes_from_audit ON audit_log`);
    await queryRunner.query(`DROP FUNCTION card_status_changes_from_audit()`);
    await queryRunner.query(`DROP INDEX "public"."card_status_changes_pipeline_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."card_status_changes_card_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."card_status_changes_actor_at_idx"`);
    await queryRunner.query(`DROP TABLE "card_status_changes"`);
  }
}
