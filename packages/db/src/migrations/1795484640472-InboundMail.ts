import { MigrationInterface, QueryRunner } from 'typeorm';

export class InboundMail1795484640472 implements MigrationInterface {
  name = 'InboundMail1795484640472';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "inbound_mails" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "message_id" character varying(998) NOT NULL, "from_address" character varying(254) NOT NULL, "from_name" character varying(200), "to_addresses" text array NOT NULL DEFAULT '{}', "subject" character varying(998) NOT NULL DEFAULT '', "text" text NOT NULL DEFAULT '', "html" text, "kind" character varying(12) NOT NULL, "client_id" uuid, "contact_id" uuid, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2f97d6fb19f5f03dc62f649388e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "inbound_mails_message_id_key" ON "inbound_mails"  ("message_id") `);
    await queryRunner.query(`CREATE INDEX "inbound_mails_client_idx" ON "inbound_mails"  ("client_id", "received_at") `);
    await queryRunner.query(`CREATE TABLE "unsorted_contacts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "name" character varying(200), "source" character varying(32) NOT NULL DEFAULT 'email', "seen_count" integer NOT NULL DEFAULT '1', "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dismissed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6bbb49c08a314345ee14c2d9254" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "unsorted_contacts_email_key" ON "unsorted_contacts"  ("email") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."unsorted_contacts_email_key"`);
    await queryRunner.query(`DROP TABLE "unsorted_contacts"`);
    await queryRunner.query(`DROP INDEX "public"."inbound_mails_client_idx"`);
    await queryRunner.query(`DROP INDEX "public"."inbound_mails_message_id_key"`);
    await queryRunner.query(`DROP TABLE "inbound_mails"`);
  }
}
