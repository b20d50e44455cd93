import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * IMAP mailboxes a user connects (one each): host, port, security, user name and the password
 * encrypted with MAILBOX_KEY (AES-256-GCM), and the sync state: per folder the UIDVALIDITY and the
 * last UID stored, so a sync resumes where the last one ended and never stores a message twice.
 */
export class MailAccounts1796061300000 implements MigrationInterface {
  name = 'MailAccounts1796061300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "mail_accounts" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "user_id" uuid NOT NULL,
      "host" character varying(253) NOT NULL,
      "port" integer NOT NULL,
      "security" character varying(8) NOT NULL DEFAULT 'TLS',
      "username" character varying(320) NOT NULL,
      "password_enc" text NOT NULL,
      "folders" text array NOT NULL DEFAULT '{INBOX}',
      "since_days" integer NOT NULL DEFAULT 30,
      "enabled" boolean NOT NULL DEFAULT true,
      "sync_state" jsonb NOT NULL DEFAULT '{}',
      "messages_synced" integer NOT NULL DEFAULT 0,
      "last_sync_at" TIMESTAMP WITH TIME ZONE,
      "last_error_code" character varying(40),
      "last_error_at" TIMESTAMP WITH TIME ZONE,
      "job_id" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "mail_accounts_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "mail_accounts_user_key" UNIQUE ("user_id"),
      CONSTRAINT "mail_accounts_user_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
      CONSTRAINT "mail_accounts_job_fkey" FOREIGN KEY ("job_id") REFERENCES "background_jobs"("id") ON DELETE SET NULL
    )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "mail_accounts"`);
  }
}
