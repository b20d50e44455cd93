import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Integrations: API keys (only the token hash kept; each acts as a service user), webhooks with an
 * outbox of events written in the change's transaction (a trigger on the audit trail) and a delivery
 * log, and app_settings.
 */

export class Integrations1796061500000 implements MigrationInterface {
  name = 'Integrations1796061500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(80) NOT NULL, "prefix" character varying(16) NOT NULL, "token_hash" character(64) NOT NULL, "can_write" boolean NOT NULL DEFAULT false, "modules" text array NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, "service_user_id" uuid NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "api_keys_token_hash_key" ON "api_keys"  ("token_hash") `);
    await queryRunner.query(`CREATE TABLE "webhooks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "url" character varying(2000) NOT NULL, "events" text array NOT NULL, "secret" character varying(100) NOT NULL, "active" boolean NOT NULL DEFAULT true, "disabled_reason" character varying(400), "disabled_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9e8795cfc899ab7bdaa831e8527" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "integration_events" ("id" BIGSERIAL NOT NULL, "type" character varying(40) NOT NULL, "entity" character varying(32) NOT NULL, "entity_id" uuid NOT NULL, "data" jsonb NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatched_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a2d1c976c11f47866a9e4273192" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "integration_events_pending_idx" ON "integration_events"  ("id") WHERE dispatched_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "webhook_deliveries" ("id" BIGSERIAL NOT NULL, "webhook_id" uuid NOT NULL, "event_id" bigint, "event_type" character varying(40) NOT NULL, "request_body" text NOT NULL, "state" character varying(16) NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "response_code" integer, "last_error" character varying(400), "duration_ms" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_attempt_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "webhook_deliveries_hook_idx" ON "webhook_deliveries"  ("webhook_id", "id") `);
    await queryRunner.query(`CREATE TABLE "app_settings" ("key" character varying(64) NOT NULL, "value" jsonb NOT NULL, CONSTRAINT "PK_975c2db59c65c05fd9c6b63a2ab" PRIMARY KEY ("key"))`);
    await queryRunner.query(`ALTER TABLE "users" ADD "service" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "api_keys" ADD CONSTRAINT "FK_ccaaa6c164a669a904e2b570238" FOREIGN KEY ("service_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_a0286aeb96db651efd1ae2966f2" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    // The outbox is fed by the audit trail, in the transaction of the change: every path that records
    // a change (the API, imports, mass actions, merges, automations, incoming mail) raises its event.
    // Only types some active hook listens to are written, so without webhooks it costs one lookup.
    await queryRunner.query(`CREATE FUNCTION integration_events_from_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM webhooks WHERE active) THEN RETURN NULL; END IF;
        INSERT INTO integration_events (type, entity, entity_id, data, at)
        SELECT t.type, r.entity, r.entity_id,
          jsonb_strip_nulls(jsonb_build_object(
            'actor', (SELECT jsonb_build_object('id', u.id, 'name', u.name) FROM users u WHERE u.id = r.actor_id),
            'cardId', r.card_id, 'clientId', r.client_id, 'changes', r.changes, 'names', r.names)),
          r.at
        FROM new_rows r
        CROSS JOIN LATERAL (
          SELECT x.type FROM (VALUES
            (r.entity = 'card' AND r.action = 'create', 'card.created'),
            (r.entity = 'card' AND r.action <> 'create' AND r.changes ? 'statusId' AND (r.changes -> 'statusId' ->> 0) IS DISTINCT FROM (r.changes -> 'statusId' ->> 1), 'card.moved'),
            (r.entity = 'card' AND r.action <> 'create' AND r.changes ? 'statusId' AND (r.changes -> 'statusId' ->> 0) IS DISTINCT FROM (r.changes -> 'statusId' ->> 1)
              AND (SELECT s.kind::text FROM statuses s WHERE s.id = (r.changes -> 'statusId' ->> 1)::uuid) = 'WON', 'card.won'),
            (r.entity = 'card' AND r.action <> 'create' AND r.changes ? 'statusId' AND (r.changes -> 'statusId' ->> 0) IS DISTINCT FROM (r.changes -> 'statusId' ->> 1)
              AND (SELECT s.kind::text FROM statuses s WHERE s.id = (r.changes -> 'statusId' ->> 1)::uuid) = 'LOST', 'card.lost'),
            (r.entity = 'client' AND r.action = 'create', 'client.created'),
            (r.entity = 'client' AND r.action = 'update', 'client.updated'),
            (r.entity = 'client' AND r.action = 'merge', 'client.merged'),
            (r.entity = 'client' AND r.action = 'delete', 'client.deleted'),
            (r.entity = 'todo' AND r.action = 'todo_done', 'todo.done'),
            (r.entity = 'email' AND r.action = 'received', 'mail.received')
          ) AS x(hit, type) WHERE x.hit
        ) t
        WHERE EXISTS (SELECT 1 FROM webhooks w WHERE w.active AND t.type = ANY (w.events))
        ORDER BY r.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER integration_events_from_audit AFTER INSERT ON audit_log REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION integration_events_from_audit()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER integration_events_from_audit ON audit_log`);
    await queryRunner.query(`DROP FUNCTION integration_events_from_audit()`);
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_a0286aeb96db651efd1ae2966f2"`);
    await queryRunner.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "FK_ccaaa6c164a669a904e2b570238"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "service"`);
    await queryRunner.query(`DROP TABLE "app_settings"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_deliveries_hook_idx"`);
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP INDEX "public"."integration_events_pending_idx"`);
    await queryRunner.query(`DROP TABLE "integration_events"`);
    await queryRunner.query(`DROP TABLE "webhooks"`);
    await queryRunner.query(`DROP INDEX "public"."api_keys_token_hash_key"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
  }
}
