import { BackgroundJob, decryptSecret, encryptSecret, enqueueBackgroundJob, MailboxKeyError, startMailSync, testImapConnection, type ImapSecurity, type Queues, type Viewer } from '@crm/db';
import { JOBS } from '@crm/shared';
import type { DataSource } from 'typeorm';
import { notFound, refused } from '../../graphql/errors';
import { toBackgroundJob } from '../jobs/job.service';
import type { MailAccountInput, MailAccountType, MailboxSettingsType, MailConnectionTestType } from './mailbox.types';

interface AccountRow {
  id: string;
  host: string;
  port: number;
  security: string;
  username: string;
  password_enc: string;
  folders: string[];
  since_days: number;
  enabled: boolean;
  messages_synced: number;
  last_sync_at: Date | null;
  last_error_code: string | null;
  last_error_at: Date | null;
  job_id: string | null;
}

const keyMissing = () => refused('MAILBOX_KEY_MISSING', 'Mailbox passwords cannot be stored: the server has no MAILBOX_KEY set.');

/**
 * Each user's IMAP mailbox (one per user): settings with the password encrypted with MAILBOX_KEY,
 * a connection test, and its syncs as background jobs (the worker polls every enabled mailbox too).
 */
export class MailboxService {
  constructor(
    private readonly ds: DataSource,
    private readonly queues: Queues,
    private readonly key: Buffer | null,
  ) {}

  private async row(userId: string): Promise<AccountRow | null> {
    const [row] = await this.ds.query(`SELECT * FROM mail_accounts WHERE user_id = $1`, [userId]);
    return row ?? null;
  }

  private async toType(row: AccountRow): Promise<MailAccountType> {
    const job = row.job_id ? await this.ds.getRepository(BackgroundJob).findOneBy({ id: row.job_id }) : null;
    return {
      id: row.id,
      host: row.host,
      port: row.port,
      security: row.security,
      username: row.username,
      folders: row.folders,
      sinceDays: row.since_days,
      enabled: row.enabled,
      messagesSynced: row.messages_synced,
      lastSyncAt: row.last_sync_at,
      lastErrorCode: row.last_error_code,
      lastErrorAt: row.last_error_at,
      syncJob: job ? toBackgroundJob(job) : null,
    };
  }

  async settings(viewer: Viewer): Promise<MailboxSettingsType> {
    const row = await this.row(viewer.id);
    return { keyConfigured: this.key !== null, account: row ? await this.toType(row) : null };
  }

  /** Connects a mailbox or changes its settings; a new password (required the first time) is stored encrypted. */
  async save(viewer: Viewer, input: MailAccountInput): Promise<MailAccountType> {
    if (!this.key) throw keyMissing();
    const existing = await this.row(viewer.id);
    if (!existing && !input.password) throw refused('MAILBOX_PASSWORD_REQUIRED', 'Enter the password of the mailbox.');
    const passwordEnc = input.password ? encryptSecret(input.password, this.key) : existing!.password_enc;
    const folders = input.folders?.map((f) => f.trim()).filter(Boolean) ?? existing?.folders ?? ['INBOX'];
    // Another server or account: its UIDs mean nothing here, so the sync starts over (duplicates are still recognised).
    const moved = existing && (existing.host !== input.host.trim().toLowerCase() || existing.port !== input.port || existing.username !== input.username.trim());
    await this.ds.query(
      `INSERT INTO mail_accounts (user_id, host, port, security, username, password_enc, folders, since_days, enabled)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (user_id) DO UPDATE SET host = EXCLUDED.host, port = EXCLUDED.port, security = EXCLUDED.security, username = EXCLUDED.username,
         password_enc = EXCLUDED.password_enc, folders = EXCLUDED.folders, since_days = EXCLUDED.since_days, enabled = EXCLUDED.enabled,
         sync_state = CASE WHEN $10 THEN '{}'::jsonb ELSE mail_accounts.sync_state END, last_error_code = NULL, last_error_at = NULL, updated_at = now()`,
      [viewer.id, input.host.trim().toLowerCase(), input.port, input.security, input.username.trim(), passwordEnc, folders.length ? folders : ['INBOX'], input.sinceDays ?? existing?.since_days ?? 30, input.enabled ?? existing?.enabled ?? true, Boolean(moved)],
    );
    return this.toType((await this.row(viewer.id))!);
  }

  /** Logs in with the given settings (the stored password when none is given); the error code when it fails. */
  async test(viewer: Viewer, input: MailAccountInput): Promise<MailConnectionTestType> {
    let password = input.password;
    if (!password) {
      const existing = await this.row(viewer.id);
      if (!existing) throw refused('MAILBOX_PASSWORD_REQUIRED', 'Enter the password of the mailbox.');
      try {
        password = decryptSecret(existing.password_enc, this.key);
      } catch (err) {
        if (err instanceof MailboxKeyError) return { ok: false, code: err.code };
        throw err;
      }
    }
    const code = await testImapConnection({ host: input.host.trim(), port: input.port, security: input.security as ImapSecurity, username: input.username.trim(), password });
    return { ok: code === null, code };
  }

  /** Starts a sync now (or returns the one already running). */
  async sync(viewer: Viewer): Promise<MailAccountType> {
    const existing = await this.row(viewer.id);
    if (!existing) throw notFound('Mailbox');
    if (!this.key) throw keyMissing();
    const { jobId, created } = await this.ds.transaction((em) => startMailSync(em, existing.id, viewer.id));
    if (created) await enqueueBackgroundJob(this.queues, JOBS.syncMailbox, jobId);
    return this.toType((await this.row(viewer.id))!);
  }

  /** Disconnects the mailbox (the mail already stored stays). */
  async remove(viewer: Viewer): Promise<boolean> {
    const rows = await this.ds.query(`DELETE FROM mail_accounts WHERE user_id = $1 RETURNING id`, [viewer.id]);
    return rows.length > 0;
  }
}
