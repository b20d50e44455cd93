import { MigrationInterface, QueryRunner } from 'typeorm';

export class AutomationScope1796053953302 implements MigrationInterface {
  name = 'AutomationScope1796053953302';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "automations" ADD "acting_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "automations" ADD "paused_reason" character varying(40)`);
    // Automations that ran so far act for their builder (the activating user was not recorded).
    await queryRunner.query(`UPDATE "automations" SET "acting_user_id" = "created_by_id" WHERE "state" <> 'DRAFT' AND "created_by_id" IN (SELECT "id" FROM "users")`);
    // Rows left behind by earlier purges point nowhere: they go before the foreign keys arrive.
    await queryRunner.query(`DELETE FROM "outbox_mails" m WHERE ("card_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "cards" c WHERE c."id" = m."card_id")) OR ("client_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "clients" c WHERE c."id" = m."client_id"))`);
    await queryRunner.query(`DELETE FROM "inbound_mails" m WHERE "client_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "clients" c WHERE c."id" = m."client_id")`);
    await queryRunner.query(`UPDATE "inbound_mails" m SET "contact_id" = NULL WHERE "contact_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "contacts" c WHERE c."id" = m."contact_id")`);
    await queryRunner.query(`DELETE FROM "notes" n WHERE NOT EXISTS (SELECT 1 FROM "cards" c WHERE c."id" = n."card_id") OR NOT EXISTS (SELECT 1 FROM "clients" c WHERE c."id" = n."client_id")`);
    await queryRunner.query(`DELETE FROM "deals" d WHERE NOT EXISTS (SELECT 1 FROM "clients" c WHERE c."id" = d."client_id") OR ("card_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "cards" c WHERE c."id" = d."card_id"))`);
    await queryRunner.query(`DELETE FROM "documents" d WHERE NOT EXISTS (SELECT 1 FROM "clients" c WHERE c."id" = d."client_id")`);
    await queryRunner.query(`DELETE FROM "automation_runs" r WHERE NOT EXISTS (SELECT 1 FROM "cards" c WHERE c."id" = r."card_id")`);
    await queryRunner.query(`DELETE FROM "automation_enrolments" e WHERE NOT EXISTS (SELECT 1 FROM "cards" c WHERE c."id" = e."card_id")`);
    await queryRunner.query(`ALTER TABLE "automations" ADD CONSTRAINT "FK_f10ba8ad9ff951ec492bd892dd1" FOREIGN KEY ("acting_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "outbox_mails" ADD CONSTRAINT "FK_209a6bcaa8b590339d204dae285" FOREIGN KEY ("card_id") REFERENCES "cards"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "outbox_mails" ADD CONSTRAINT "FK_836c46642a72ece0e3425bf8e40" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" ADD CONSTRAINT "FK_52ed27504dda5ddf78133018dea" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" ADD CONSTRAINT "FK_944d650b3400e6363022a795b54" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notes" ADD CONSTRAINT "FK_49cdbf3c71d2d14dacda5c2930d" FOREIGN KEY ("card_id") REFERENCES "cards"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notes" ADD CONSTRAINT "FK_076ea7891fbceb97d48fd7544d9" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "deals" ADD CONSTRAINT "FK_7a1770366da1de36b1efc628073" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "deals" ADD CONSTRAINT "FK_2fb17245cb6502c1138ef6135af" FOREIGN KEY ("card_id") REFERENCES "cards"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "documents" ADD CONSTRAINT "FK_f6a0859c9b1c7c3fcb003c17163" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "FK_f6a0859c9b1c7c3fcb003c17163"`);
    await queryRunner.query(`ALTER TABLE "deals" DROP CONSTRAINT "FK_2fb17245cb6502c1138ef6135af"`);
    await queryRunner.query(`ALTER TABLE "deals" DROP CONSTRAINT "FK_7a1770366da1de36b1efc628073"`);
    await queryRunner.query(`ALTER TABLE "notes" DROP CONSTRAINT "FK_076ea7891fbceb97d48fd7544d9"`);
    await queryRunner.query(`ALTER TABLE "notes" DROP CONSTRAINT "FK_49cdbf3c71d2d14dacda5c2930d"`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" DROP CONSTRAINT "FK_944d650b3400e6363022a795b54"`);
    await queryRunner.query(`ALTER TABLE "inbound_mails" DROP CONSTRAINT "FK_52ed27504dda5ddf78133018dea"`);
    await queryRunner.query(`ALTER TABLE "outbox_mails" DROP CONSTRAINT "FK_836c46642a72ece0e3425bf8e40"`);
    await queryRunner.query(`ALTER TABLE "outbox_mails" DROP CONSTRAINT "FK_209a6bcaa8b590339d204dae285"`);
    await queryRunner.query(`ALTER TABLE "automations" DROP CONSTRAINT "FK_f10ba8ad9ff951ec492bd892dd1"`);
    await queryRunner.query(`ALTER TABLE "automations" DROP COLUMN "paused_reason"`);
    await queryRunner.query(`ALTER TABLE "automations" DROP COLUMN "acting_user_id"`);
  }
}
