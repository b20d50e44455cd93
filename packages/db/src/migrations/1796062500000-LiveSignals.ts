import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live signals: every statement that writes to the audit trail (the API, the worker's automations,
 * imports, mass actions, merges, incoming mail; see Integrations1796061500000) notes the pipelines
 * and clients it touched in the transaction-local setting `crm.live` (one JSON line per statement;
 * `null` = "too many to name: all of them"). The process that commits the transaction reads it just
 * before COMMIT and publishes it on Redis after (packages/db/src/live). A rolled-back transaction or
 * savepoint takes its lines with it. (Not NOTIFY: PostgreSQL serialises the commits of notifying
 * transactions, which tripled write latency at four concurrent writers here.)
 */
export class LiveSignals1796062500000 implements MigrationInterface {
  name = 'LiveSignals1796062500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION live_signal_from_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        card_ids uuid[];
        client_ids uuid[];
        pipeline_ids uuid[];
      BEGIN
        SELECT array_agg(DISTINCT card_id) FILTER (WHERE card_id IS NOT NULL), array_agg(DISTINCT client_id) FILTER (WHERE client_id IS NOT NULL)
          INTO card_ids, client_ids FROM new_rows;
        IF card_ids IS NULL AND client_ids IS NULL THEN RETURN NULL; END IF;
        -- The cards' pipelines (trashed cards too), and those of the live cards of the clients named.
        SELECT array_agg(DISTINCT x) INTO pipeline_ids FROM (
          SELECT c.pipeline_id AS x FROM cards c WHERE c.id = ANY (coalesce(card_ids, '{}'))
          UNION SELECT c.pipeline_id FROM cards c WHERE c.client_id = ANY (coalesce(client_ids, '{}')) AND c.deleted_at IS NULL
        ) s;
        PERFORM set_config('crm.live', coalesce(current_setting('crm.live', true), '') || json_build_object(
          'p', CASE WHEN coalesce(cardinality(pipeline_ids), 0) > 50 THEN NULL ELSE coalesce(pipeline_ids, '{}') END,
          'c', CASE WHEN coalesce(cardinality(client_ids), 0) > 100 THEN NULL ELSE coalesce(client_ids, '{}') END)::text || chr(10), true);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER live_signal_from_audit AFTER INSERT ON audit_log REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION live_signal_from_audit()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER live_signal_from_audit ON audit_log`);
    await queryRunner.query(`DROP FUNCTION live_signal_from_audit()`);
  }
}
