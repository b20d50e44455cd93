import { MigrationInterface, QueryRunner } from 'typeorm';

export class InboundWhole1796057251806 implements MigrationInterface {
  name = 'InboundWhole1796057251806';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."inbound_mails_message_id_key"`);
    // Mail stored before keeps its Message-ID as its key.
    await queryRunner.query(`ALTER TABLE "inbound_mails" ADD "dedupe_key" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" ADD "content_hash" character varying(64)`);
    await queryRunner.query(`UPDATE "inbound_mails" SET "dedupe_key" = md5("message_id") || md5(id::text), "content_hash" = md5(coalesce("subject", '') || coalesce("text", '')) || md5(id::text)`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" ADD "sent_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" ADD "in_reply_to" character varying(998)`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" ADD "detected_charset" character varying(40)`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" ADD "raw" bytea`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" ADD "raw_size" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" ADD "attachments" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" ADD "document_ids" uuid array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" ADD "candidate_client_ids" uuid array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" ALTER COLUMN "message_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" ALTER COLUMN "from_address" TYPE text`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" ALTER COLUMN "from_address" DROP NOT NULL`);
    await queryRunner.query(`CREATE INDEX "inbound_mails_message_id_idx" ON "inbound_mails"  ("message_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "inbound_mails_dedupe_key" ON "inbound_mails"  ("dedupe_key") `);
    await queryRunner.query(`CREATE INDEX "inbound_mails_unsorted_idx" ON "inbound_mails"  ("received_at") WHERE client_id IS NULL AND kind = 'UNSORTED'`);
    await queryRunner.query(`CREATE INDEX "outbox_mails_message_id_idx" ON "outbox_mails"  ("message_id") `);
    // Routing incoming mail: exact addresses of clients and contacts, company domains in any case.
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."outbox_mails_message_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."inbound_mails_unsorted_idx"`);
    await queryRunner.query(`DROP INDEX "public"."inbound_mails_dedupe_key"`);
    await queryRunner.query(`DROP INDEX "public"."inbound_mails_message_id_idx"`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" ALTER COLUMN "from_address" TYPE character varying(254)`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" ALTER COLUMN "message_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" DROP COLUMN "candidate_client_ids"`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" DROP COLUMN "document_ids"`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" DROP COLUMN "attachments"`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" DROP COLUMN "raw_size"`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" DROP COLUMN "raw"`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" DROP COLUMN "detected_charset"`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" DROP COLUMN "in_reply_to"`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" DROP COLUMN "sent_at"`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" DROP COLUMN "content_hash"`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" DROP COLUMN "dedupe_key"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "inbound_mails_message_id_key" ON "inbound_mails" USING btree ("message_id") `);
  }
}
