import { MigrationInterface, QueryRunner } from 'typeorm';

export class Campaigns1796061400000 implements MigrationInterface {
  name = 'Campaigns1796061400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "distribution_lists" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "kind" character varying(8) NOT NULL, "channel" character varying(8) NOT NULL, "recipients" character varying(8) NOT NULL DEFAULT 'PRIMARY', "role" character varying(120), "filter" jsonb, "created_by_id" uuid, "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f10014ae041fc3b5e0ccd722631" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "distribution_list_members" ("list_id" uuid NOT NULL, "client_id" uuid NOT NULL, "added_by_id" uuid, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7471310d2bc2f35119d83705a93" PRIMARY KEY ("list_id", "client_id"))`);
    await queryRunner.query(`CREATE INDEX "distribution_list_members_client_idx" ON "distribution_list_members"  ("client_id") `);
    await queryRunner.query(`CREATE TABLE "campaigns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "list_id" uuid NOT NULL, "template_id" uuid NOT NULL, "from_name" character varying(200) NOT NULL, "from_address" character varying(254) NOT NULL, "reply_to" character varying(254), "locale" character varying(8) NOT NULL DEFAULT 'en', "scheduled_at" TIMESTAMP WITH TIME ZONE, "status" character varying(12) NOT NULL DEFAULT 'DRAFT', "per_minute" integer NOT NULL DEFAULT '600', "per_domain_per_minute" integer NOT NULL DEFAULT '60', "skip_missing" boolean NOT NULL DEFAULT false, "created_by_id" uuid, "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_831e3fcd4fc45b4e4c3f57a9ee4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "campaigns_status_idx" ON "campaigns"  ("status", "scheduled_at") `);
    await queryRunner.query(`CREATE TABLE "campaign_recipients" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "client_id" uuid NOT NULL, "contact_id" uuid, "email" character varying(254) NOT NULL, "domain" character varying(254) NOT NULL, "state" character varying(8) NOT NULL DEFAULT 'QUEUED', "skip_reason" character varying(16), "missing" text array, "outbox_id" uuid, "released_at" TIMESTAMP WITH TIME ZONE, "bounce" character varying(4), "bounced_at" TIMESTAMP WITH TIME ZONE, "unsubscribed_at" TIMESTAMP WITH TIME ZONE, "replied_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_30d346f6af084aa7b916945a4f1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "campaign_recipients_address_idx" ON "campaign_recipients"  ("email") `);
    await queryRunner.query(`CREATE INDEX "campaign_recipients_outbox_idx" ON "campaign_recipients"  ("outbox_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "campaign_recipients_email_key" ON "campaign_recipients"  ("campaign_id", "email") `);
    await queryRunner.query(`CREATE TABLE "suppressions" ("email" character varying(254) NOT NULL, "reason" character varying(16) NOT NULL, "scope" character varying(10) NOT NULL DEFAULT 'CAMPAIGNS', "source" character varying(40) NOT NULL, "campaign_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fc7beec935169643f7f483382b3" PRIMARY KEY ("email"))`);
    await queryRunner.query(`CREATE TABLE "contact_consents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contact_id" uuid NOT NULL, "email" character varying(254) NOT NULL, "status" character varying(10) NOT NULL, "source" character varying(40) NOT NULL, "campaign_id" uuid, "actor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_26eccb4585059cb3c7cf2d63d54" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "contact_consents_contact_idx" ON "contact_consents"  ("contact_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "outbox_mails" ADD "headers" jsonb`);
    await queryRunner.query(`ALTER TABLE "distribution_lists" ADD CONSTRAINT "FK_f7b482afa740cf93843ad7def44" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "distribution_list_members" ADD CONSTRAINT "FK_978da6ab9ea94860e06bc3a46f4" FOREIGN KEY ("list_id") REFERENCES "distribution_lists"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "distribution_list_members" ADD CONSTRAINT "FK_4ad6fc7500d6c2a624ccc4c751f" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD CONSTRAINT "FK_23add60703fc4c738a99aca81c7" FOREIGN KEY ("list_id") REFERENCES "distribution_lists"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD CONSTRAINT "FK_1d2e2277574f500601cd30fd82a" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign_recipients" ADD CONSTRAINT "FK_37f67f778844dcc3a0d641a6173" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign_recipients" ADD CONSTRAINT "FK_aeb333a88a57db15bb55bad8227" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign_recipients" ADD CONSTRAINT "FK_fa75aa29a9c3f1c980cde5dbf8e" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign_recipients" ADD CONSTRAINT "FK_dbee944494c7982644fd1f139c4" FOREIGN KEY ("outbox_id") REFERENCES "outbox_mails"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contact_consents" ADD CONSTRAINT "FK_28df7998a4a71895081cb235614" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contact_consents" DROP CONSTRAINT "FK_28df7998a4a71895081cb235614"`);
    await queryRunner.query(`ALTER TABLE "campaign_recipients" DROP CONSTRAINT "FK_dbee944494c7982644fd1f139c4"`);
    await queryRunner.query(`ALTER TABLE "campaign_recipients" DROP CONSTRAINT "FK_fa75aa29a9c3f1c980cde5dbf8e"`);
    await queryRunner.query(`ALTER TABLE "campaign_recipients" DROP CONSTRAINT "FK_aeb333a88a57db15bb55bad8227"`);
    await queryRunner.query(`ALTER TABLE "campaign_recipients" DROP CONSTRAINT "FK_37f67f778844dcc3a0d641a6173"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP CONSTRAINT "FK_1d2e2277574f500601cd30fd82a"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP CONSTRAINT "FK_23add60703fc4c738a99aca81c7"`);
    await queryRunner.query(`ALTER TABLE "distribution_list_members" DROP CONSTRAINT "FK_4ad6fc7500d6c2a624ccc4c751f"`);
    await queryRunner.query(`ALTER TABLE "distribution_list_members" DROP CONSTRAINT "FK_978da6ab9ea94860e06bc3a46f4"`);
    await queryRunner.query(`ALTER TABLE "distribution_lists" DROP CONSTRAINT "FK_f7b482afa740cf93843ad7def44"`);
    await queryRunner.query(`ALTER TABLE "outbox_mails" DROP COLUMN "headers"`);
    await queryRunner.query(`DROP INDEX "public"."contact_consents_contact_idx"`);
    await queryRunner.query(`DROP TABLE "contact_consents"`);
    await queryRunner.query(`DROP TABLE "suppressions"`);
    await queryRunner.query(`DROP INDEX "public"."campaign_recipients_email_key"`);
    await queryRunner.query(`DROP INDEX "public"."campaign_recipients_outbox_idx"`);
    await queryRunner.query(`DROP INDEX "public"."campaign_recipients_address_idx"`);
    await queryRunner.query(`DROP TABLE "campaign_recipients"`);
    await queryRunner.query(`DROP INDEX "public"."campaigns_status_idx"`);
    await queryRunner.query(`DROP TABLE "campaigns"`);
    await queryRunner.query(`DROP INDEX "public"."distribution_list_members_client_idx"`);
    await queryRunner.query(`DROP TABLE "distribution_list_members"`);
    await queryRunner.query(`DROP TABLE "distribution_lists"`);
  }
}
