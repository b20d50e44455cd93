import { MigrationInterface, QueryRunner } from 'typeorm';

export class PipelineWork1795482630847 implements MigrationInterface {
  name = 'PipelineWork1795482630847';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."cards_status_position_idx"`);
    await queryRunner.query(`CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "action" character varying(32) NOT NULL, "entity" character varying(32) NOT NULL, "entity_id" uuid NOT NULL, "client_id" uuid, "card_id" uuid, "changes" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "audit_log_client_idx" ON "audit_log"  ("client_id", "at") `);
    await queryRunner.query(`CREATE INDEX "audit_log_card_idx" ON "audit_log"  ("card_id", "at") `);
    await queryRunner.query(`CREATE TABLE "departments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_839517a681a86bb84cbcc6a1e9d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "departments_name_key" ON "departments"  ("name") `);
    await queryRunner.query(`CREATE TABLE "categories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "color" character varying(7) NOT NULL DEFAULT '#64748b', "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_24dbc6126a28ff948da33e97d3b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "categories_name_key" ON "categories"  ("name") `);
    await queryRunner.query(`CREATE TABLE "classifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_58d976e264f75fc0ea006718856" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "classifications_name_key" ON "classifications"  ("name") `);
    await queryRunner.query(`CREATE TABLE "tags" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(80) NOT NULL, "name_key" character varying(80) NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e7dc17249a1148a1970748eda99" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "tags_name_lower_key" ON "tags"  ("name_key") `);
    await queryRunner.query(`CREATE TABLE "views" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "kind" character varying(16) NOT NULL, "pipeline_id" uuid, "owner_id" uuid NOT NULL, "shared" boolean NOT NULL DEFAULT false, "filter" jsonb NOT NULL DEFAULT '{}', "columns" jsonb NOT NULL DEFAULT '[]', "sort" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ae7537f375649a618fff0fb2cb6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "views_owner_idx" ON "views"  ("owner_id") `);
    await queryRunner.query(`CREATE TABLE "user_departments" ("user_id" uuid NOT NULL, "department_id" uuid NOT NULL, CONSTRAINT "PK_2a5bce7bdcf687fe73fb534c0ee" PRIMARY KEY ("user_id", "department_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_78098f9a7c51985e96b5326bca" ON "user_departments"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f10514cebc5e624f08c1b55808" ON "user_departments"  ("department_id") `);
    await queryRunner.query(`CREATE TABLE "client_categories" ("client_id" uuid NOT NULL, "category_id" uuid NOT NULL, CONSTRAINT "PK_3c599d9c44a7fc3fa46d7d967fd" PRIMARY KEY ("client_id", "category_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_3c0ec5f913d88e5cc27e46c591" ON "client_categories"  ("client_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_0239da5992cbb10dbcb43f99e2" ON "client_categories"  ("category_id") `);
    await queryRunner.query(`CREATE TABLE "client_tags" ("client_id" uuid NOT NULL, "tag_id" uuid NOT NULL, CONSTRAINT "PK_484ec9c3a9ceec6444b71547145" PRIMARY KEY ("client_id", "tag_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_32e80c0dae4fc149b834efd79a" ON "client_tags"  ("client_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9d9bfa856d131515eade0a58b7" ON "client_tags"  ("tag_id") `);
    await queryRunner.query(`ALTER TABLE "clients" ADD "department_id" uuid`);
    await queryRunner.query(`ALTER TABLE "clients" ADD "classification_id" uuid`);
    await queryRunner.query(`ALTER TABLE "clients" ADD "search_text" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`CREATE INDEX "clients_department_id_idx" ON "clients"  ("department_id") `);
    await queryRunner.query(`CREATE INDEX "cards_pipeline_updated_idx" ON "cards"  ("pipeline_id", "updated_at") `);
    await queryRunner.query(`CREATE INDEX "cards_status_position_idx" ON "cards"  ("status_id", "position", "id") WHERE deleted_at IS NULL`);
    await queryRunner.query(`ALTER TABLE "clients" ADD CONSTRAINT "FK_ea87b517c38425f1c50ab052220" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "clients" ADD CONSTRAINT "FK_275216f5f650425722b729ef87a" FOREIGN KEY ("classification_id") REFERENCES "classifications"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "views" ADD CONSTRAINT "FK_5cefa75781c0b66f5a23c0a775b" FOREIGN KEY ("pipeline_id") REFERENCES "pipelines"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "views" ADD CONSTRAINT "FK_25ab303c56a621dc4a1b8088c74" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "user_departments" ADD CONSTRAINT "FK_78098f9a7c51985e96b5326bca9" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await queryRunner.query(`ALTER TABLE "user_departments" ADD CONSTRAINT "FK_f10514cebc5e624f08c1b558081" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await queryRunner.query(`ALTER TABLE "client_categories" ADD CONSTRAINT "FK_3c0ec5f913d88e5cc27e46c591d" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await queryRunner.query(`ALTER TABLE "client_categories" ADD CONSTRAINT "FK_0239da5992cbb10dbcb43f99e20" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await queryRunner.query(`ALTER TABLE "client_tags" ADD CONSTRAINT "FK_32e80c0dae4fc149b834efd79a9" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await queryRunner.query(`ALTER TABLE "client_tags" ADD CONSTRAINT "FK_9d9bfa856d131515eade0a58b73" FOREIGN KEY ("tag_id") REFERENCES "tags"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    // Free-text search over names, emails and phones (phones also as digits only), by trigram.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION clients_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_text := lower(concat_ws(' ', NEW.name, array_to_string(NEW.emails, ' '), array_to_string(NEW.phones, ' '),
          array_to_string(ARRAY(SELECT regexp_replace(ph, '[^0-9]', '', 'g') FROM unnest(NEW.phones) AS ph), ' '), NEW.tax_id, NEW.domain));
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER clients_search_text BEFORE INSERT OR UPDATE OF name, emails, phones, tax_id, domain ON clients FOR EACH ROW EXECUTE FUNCTION clients_search_text()`);
    await queryRunner.query(`UPDATE clients SET name = name`);
    await queryRunner.query(`CREATE INDEX "clients_search_trgm_idx" ON "clients" USING gin ("search_text" gin_trgm_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."clients_search_trgm_idx"`);
    await queryRunner.query(`DROP TRIGGER clients_search_text ON clients`);
    await queryRunner.query(`DROP FUNCTION clients_search_text()`);
    await queryRunner.query(`ALTER TABLE "client_tags" DROP CONSTRAINT "FK_9d9bfa856d131515eade0a58b73"`);
    await queryRunner.query(`ALTER TABLE "client_tags" DROP CONSTRAINT "FK_32e80c0dae4fc149b834efd79a9"`);
    await queryRunner.query(`ALTER TABLE "client_categories" DROP CONSTRAINT "FK_0239da5992cbb10dbcb43f99e20"`);
    await queryRunner.query(`ALTER TABLE "client_categories" DROP CONSTRAINT "FK_3c0ec5f913d88e5cc27e46c591d"`);
    await queryRunner.query(`ALTER TABLE "user_departments" DROP CONSTRAINT "FK_f10514cebc5e624f08c1b558081"`);
    await queryRunner.query(`ALTER TABLE "user_departments" DROP CONSTRAINT "FK_78098f9a7c51985e96b5326bca9"`);
    await queryRunner.query(`ALTER TABLE "views" DROP CONSTRAINT "FK_25ab303c56a621dc4a1b8088c74"`);
    await queryRunner.query(`ALTER TABLE "views" DROP CONSTRAINT "FK_5cefa75781c0b66f5a23c0a775b"`);
    await queryRunner.query(`ALTER TABLE "clients" DROP CONSTRAINT "FK_275216f5f650425722b729ef87a"`);
    await queryRunner.query(`ALTER TABLE "clients" DROP CONSTRAINT "FK_ea87b517c38425f1c50ab052220"`);
    await queryRunner.query(`DROP INDEX "public"."cards_status_position_idx"`);
    await queryRunner.query(`DROP INDEX "public"."cards_pipeline_updated_idx"`);
    await queryRunner.query(`DROP INDEX "public"."clients_department_id_idx"`);
    await queryRunner.query(`ALTER TABLE "clients" DROP COLUMN "search_text"`);
    await queryRunner.query(`ALTER TABLE "clients" DROP COLUMN "classification_id"`);
    await queryRunner.query(`ALTER TABLE "clients" DROP COLUMN "department_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9d9bfa856d131515eade0a58b7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_32e80c0dae4fc149b834efd79a"`);
    await queryRunner.query(`DROP TABLE "client_tags"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0239da5992cbb10dbcb43f99e2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3c0ec5f913d88e5cc27e46c591"`);
    await queryRunner.query(`DROP TABLE "client_categories"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f10514cebc5e624f08c1b55808"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_78098f9a7c51985e96b5326bca"`);
    await queryRunner.query(`DROP TABLE "user_departments"`);
    await queryRunner.query(`DROP INDEX "public"."views_owner_idx"`);
    await queryRunner.query(`DROP TABLE "views"`);
    await queryRunner.query(`DROP INDEX "public"."tags_name_lower_key"`);
    await queryRunner.query(`DROP TABLE "tags"`);
    await queryRunner.query(`DROP INDEX "public"."classifications_name_key"`);
    await queryRunner.query(`DROP TABLE "classifications"`);
    await queryRunner.query(`DROP INDEX "public"."categories_name_key"`);
    await queryRunner.query(`DROP TABLE "categories"`);
    await queryRunner.query(`DROP INDEX "public"."departments_name_key"`);
    await queryRunner.query(`DROP TABLE "departments"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_card_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_client_idx"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`CREATE INDEX "cards_status_position_idx" ON "cards" USING btree ("status_id", "position") `);
  }
}
