import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisation's settings (one row: time zone, collation language, default phone country; unset
 * until an admin saves them, defaults meanwhile), and an index per language collation on client
 * names, so the client list sorted by name in the organisation's language reads an index in order.
 */
export class OrganisationSettings1796061200000 implements MigrationInterface {
  name = 'OrganisationSettings1796061200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organisation_settings" ("id" smallint NOT NULL DEFAULT 1, "time_zone" character varying(64), "language" character varying(8), "default_country" character varying(2), "updated_by_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "organisation_settings_single_row" CHECK ("id" = 1), CONSTRAINT "PK_organisation_settings" PRIMARY KEY ("id"))`,
    );
    for (const [lang, collation] of COLLATIONS) {
      await queryRunner.query(`CREATE INDEX "clients_name_${lang}_idx" ON "clients" ((lower(name) COLLATE "${collation}"), id) WHERE deleted_at IS NULL`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [lang] of COLLATIONS) await queryRunner.query(`DROP INDEX "clients_name_${lang}_idx"`);
    await queryRunner.query(`DROP TABLE "organisation_settings"`);
  }
}

const COLLATIONS = [
  ['hu', 'hu-HU-x-icu'],
  ['pl', 'pl-PL-x-icu'],
  ['sk', 'sk-SK-x-icu'],
] as const;
