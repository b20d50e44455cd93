import { BackgroundJob, decryptSecret, encryptSecret, enqueueBackgroundJob, MailboxKeyError, startMailSync, testImapConnection, type ImapSecurity, type Queues, type Viewer } from '@crm/db';
import { JOBS } from '@crm/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { notFound, refused } from '../../graphql/errors';
import { toBackgroundJob } from '../jobs/job.service';
import { diff, withAudit } from '../audit/audit';
import type { MailAccountInput, MailAccountType, MailboxSettingsType, MailConnectionTestType, SharedMailboxInput } from './mailbox.types';

interface AccountRow {
  id: string;
  kind: string;
  name: string | null;
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

/** Whose mailbox: a user's own (one per user), or one of the organisation's shared mailboxes (null: a new one). */
type MailboxOwner = { userId: string } | { sharedId: string | null };

const isShared = (owner: MailboxOwner): owner is { sharedId: string | null } => 'sharedId' in owner;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The settings a shared mailbox's audit entries compare (never the password). */
const AUDITED = ['name', 'host', 'port', 'security', 'username', 'folders', 'sinceDays', 'enabled'] as const;

/**
 * IMAP mailboxes: each user's own, and the organisation's shared ones (office@, info@) that Admins
 * connect. Settings with the password encrypted with MAILBOX_KEY, a connection test, and syncs as
 * background jobs (the worker polls every enabled mailbox too, and holds IDLE on each).
 */
export class MailboxService {
  constructor(
    private readonly ds: DataSource,
    private readonly queues: Queues,
    private readonly key: Buffer | null,
  ) {}

  private async row(owner: MailboxOwner, em: EntityManager = this.ds.manager): Promise<AccountRow | null> {
    if (!isShared(owner)) return (await em.query(`SELECT * FROM mail_accounts WHERE user_id = $1`, [owner.userId]))[0] ?? null;
    if (!owner.sharedId || !UUID.test(owner.sharedId)) return null;
    // Only a shared mailbox answers to its id here: a user's own mailbox is never reached through the shared API.
    return (await em.query(`SELECT * FROM mail_accounts WHERE id = $1 AND kind = 'SHARED'`, [owner.sharedId]))[0] ?? null;
  }

  private async existing(owner: MailboxOwner): Promise<AccountRow> {
    const row = await this.row(owner);
    if (!row) throw notFound('Mailbox');
    return row;
  }

  private async toType(row: AccountRow): Promise<MailAccountType> {
    const job = row.job_id ? await this.ds.getRepository(BackgroundJob).findOneBy({ id: row.job_id }) : null;
    return {
      id: row.id,
      name: row.name,
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
    const row = await this.row({ userId: viewer.id });
    return { keyConfigured: this.key !== null, account: row ? await this.toType(row) : null };
  }

  /** The organisation's shared mailboxes, by name. */
  async sharedMailboxes(): Promise<MailAccountType[]> {
    const rows: AccountRow[] = await this.ds.query(`SELECT * FROM mail_accounts WHERE kind = 'SHARED' ORDER BY lower(name), id`);
    return Promise.all(rows.map((r) => this.toType(r)));
  }

  /** Connects the caller's own mailbox or changes its settings. */
  save(viewer: Viewer, input: MailAccountInput): Promise<MailAccountType> {
    return this.write({ userId: viewer.id }, input, null);
  }

  /** Connects a shared mailbox (no id) or changes one; every change is in the audit log. */
  saveShared(actor: Viewer, id: string | null, input: SharedMailboxInput): Promise<MailAccountType> {
    return this.write({ sharedId: id }, input, actor.id, input.name.trim());
  }

  /** A new password (required the first time) is stored encrypted; a shared mailbox's change is audited in the same transaction. */
  private async write(owner: MailboxOwner, input: MailAccountInput, actorId: string | null, name: string | null = null): Promise<MailAccountType> {
    if (!this.key) throw keyMissing();
    const key = this.key;
    const apply = async (em: EntityManager) => {
      const existing = await this.row(owner, em);
      if (isShared(owner) && owner.sharedId && !existing) throw notFound('Mailbox');
      if (!existing && !input.password) throw refused('MAILBOX_PASSWORD_REQUIRED', 'Enter the password of the mailbox.');
      const passwordEnc = input.password ? encryptSecret(input.password, key) : existing!.password_enc;
      const folders = input.folders?.map((f) => f.trim()).filter(Boolean) ?? existing?.folders ?? ['INBOX'];
      const host = input.host.trim().toLowerCase();
      const username = input.username.trim();
      // Another server or account: its UIDs mean nothing here, so the sync starts over (duplicates are still recognised).
      const moved = Boolean(existing && (existing.host !== host || existing.port !== input.port || existing.username !== username));
      const values = [host, input.port, input.security, username, passwordEnc, folders.length ? folders : ['INBOX'], input.sinceDays ?? existing?.since_days ?? 30, input.enabled ?? existing?.enabled ?? true];
      let id: string;
      if (existing) {
        await em.query(
          `UPDATE mail_accounts SET host = $2, port = $3, security = $4, username = $5, password_enc = $6, folders = $7, since_days = $8, enabled = $9,
             name = coalesce($10, name), sync_state = CASE WHEN $11 THEN '{}'::jsonb ELSE sync_state END, last_error_code = NULL, last_error_at = NULL, updated_at = now()
           WHERE id = $1`,
          [existing.id, ...values, name, moved],
        );
        id = existing.id;
      } else {
        const userId = isShared(owner) ? null : owner.userId;
        // A user's second tab connecting at the same moment updates the row the first one wrote.
        const [row] = await em.query(
          `INSERT INTO mail_accounts (kind, user_id, name, host, port, security, username, password_enc, folders, since_days, enabled)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
           ON CONFLICT (user_id) DO UPDATE SET host = EXCLUDED.host, port = EXCLUDED.port, security = EXCLUDED.security, username = EXCLUDED.username,
             password_enc = EXCLUDED.password_enc, folders = EXCLUDED.folders, since_days = EXCLUDED.since_days, enabled = EXCLUDED.enabled, updated_at = now()
           RETURNING id`,
          [userId ? 'USER' : 'SHARED', userId, userId ? null : name, ...values],
        );
        id = row.id;
      }
      const after = (await em.query(`SELECT * FROM mail_accounts WHERE id = $1`, [id]))[0] as AccountRow;
      return { id, changes: diff(existing && auditedOf(existing), auditedOf(after), [...AUDITED]), result: after };
    };
    const row = actorId ? await withAudit(this.ds, actorId, 'shared_mailbox', isShared(owner) && owner.sharedId ? 'update' : 'create', apply) : (await this.ds.transaction(apply)).result;
    return this.toType(row);
  }

  /** Logs in with the given settings (the stored password when none is given); the error code when it fails. */
  async test(viewer: Viewer, input: MailAccountInput): Promise<MailConnectionTestType> {
    return this.tryLogin({ userId: viewer.id }, input);
  }

  /** The same for a shared mailbox (`id` names the stored one whose password to use). */
  async testShared(id: string | null, input: MailAccountInput): Promise<MailConnectionTestType> {
    return this.tryLogin({ sharedId: id }, input);
  }

  private async tryLogin(owner: MailboxOwner, input: MailAccountInput): Promise<MailConnectionTestType> {
    let password = input.password;
    if (!password) {
      const existing = await this.row(owner);
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

  /** Starts a sync of the caller's mailbox now (or returns the one already running). */
  sync(viewer: Viewer): Promise<MailAccountType> {
    return this.startSync({ userId: viewer.id }, viewer.id);
  }

  /** Starts a sync of a shared mailbox now. */
  syncShared(actor: Viewer, id: string): Promise<MailAccountType> {
    return this.startSync({ sharedId: id }, actor.id);
  }

  private async startSync(owner: MailboxOwner, actorId: string): Promise<MailAccountType> {
    const existing = await this.existing(owner);
    if (!this.key) throw keyMissing();
    const { jobId, created } = await this.ds.transaction((em) => startMailSync(em, existing.id, actorId));
    if (created) await enqueueBackgroundJob(this.queues, JOBS.syncMailbox, jobId);
    return this.toType((await this.row(owner))!);
  }

  /** Disconnects the caller's mailbox (the mail already stored stays). */
  async remove(viewer: Viewer): Promise<boolean> {
    const rows = await this.ds.query(`DELETE FROM mail_accounts WHERE user_id = $1 RETURNING id`, [viewer.id]);
    return rows.length > 0;
  }

  /** Disconnects a shared mailbox (its mail stays); only a shared mailbox's id is accepted. */
  async removeShared(actor: Viewer, id: string): Promise<boolean> {
    const existing = await this.existing({ sharedId: id });
    return withAudit(this.ds, actor.id, 'shared_mailbox', 'delete', async (em) => {
      await em.query(`DELETE FROM mail_accounts WHERE id = $1 AND kind = 'SHARED'`, [existing.id]);
      return { id: existing.id, changes: { name: [existing.name, null] }, result: true };
    });
  }
}

/** A row's settings as the audit log compares them. */
function auditedOf(row: AccountRow) {
  return { name: row.name, host: row.host, port: row.port, security: row.security, username: row.username, folders: row.folders, sinceDays: row.since_days, enabled: row.enabled };
}
