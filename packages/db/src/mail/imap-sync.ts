import { ImapFlow } from 'imapflow';
import type { DataSource, EntityManager } from 'typeorm';
import type { FileStorage } from '../storage/storage';
import { InboundTooLarge, receiveInbound } from './inbound';
import { decryptSecret, MailboxKeyError } from './mailbox-key';

export type ImapSecurity = 'TLS' | 'STARTTLS' | 'NONE';
export const IMAP_SECURITY: readonly ImapSecurity[] = ['TLS', 'STARTTLS', 'NONE'];

export interface ImapSettings {
  host: string;
  port: number;
  security: ImapSecurity;
  username: string;
  password: string;
}

/**
 * Why a mailbox could not be read, as a code the web app translates:
 * IMAP_AUTH_FAILED (wrong user or password, app password needed), IMAP_HOST_UNREACHABLE (no such
 * host, refused, no route), IMAP_TIMEOUT, IMAP_TLS_FAILED (handshake or certificate), IMAP_FOLDER_MISSING,
 * IMAP_FAILED (anything else the server said), and the MAILBOX_KEY codes for a password we cannot read.
 */
export type ImapErrorCode =
  | 'IMAP_AUTH_FAILED'
  | 'IMAP_HOST_UNREACHABLE'
  | 'IMAP_TIMEOUT'
  | 'IMAP_TLS_FAILED'
  | 'IMAP_FOLDER_MISSING'
  | 'IMAP_FAILED'
  | 'MAILBOX_KEY_MISSING'
  | 'MAILBOX_KEY_INVALID'
  | 'MAILBOX_SECRET_UNREADABLE';

export class ImapSyncError extends Error {
  constructor(
    readonly code: ImapErrorCode,
    readonly detail?: string,
  ) {
    super(code);
  }
}

const TLS_CODES = /^(ERR_SSL_|ERR_TLS_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(VERIFY|GET)_|ERR_OSSL)/;
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNRESET', 'EADDRNOTAVAIL']);

/** The code of an error imapflow (or the socket under it) threw. */
export function imapErrorCode(err: unknown): ImapErrorCode {
  if (err instanceof ImapSyncError) return err.code;
  if (err instanceof MailboxKeyError) return err.code;
  const e = err as { authenticationFailed?: boolean; code?: string; message?: string; cause?: unknown; serverResponseCode?: string };
  if (e?.serverResponseCode === 'AUTHENTICATIONFAILED' || (e?.authenticationFailed && e.serverResponseCode !== 'UNAVAILABLE')) return 'IMAP_AUTH_FAILED';
  const code = String(e?.code ?? '');
  if (TLS_CODES.test(code) || /ssl|tls|certificate/i.test(String(e?.message ?? ''))) return 'IMAP_TLS_FAILED';
  if (UNREACHABLE_CODES.has(code)) return 'IMAP_HOST_UNREACHABLE';
  if (code === 'ETIMEDOUT' || code === 'CONNECT_TIMEOUT' || code === 'GREETING_TIMEOUT' || /timed? ?out/i.test(String(e?.message ?? ''))) return 'IMAP_TIMEOUT';
  if (e?.cause && e.cause !== err) {
    const inner = imapErrorCode(e.cause);
    if (inner !== 'IMAP_FAILED') return inner;
  }
  return 'IMAP_FAILED';
}

/** A connected, logged-in client; throws ImapSyncError with the code of what went wrong. */
export async function connectImap(s: ImapSettings, timeoutMs = 20_000, extra: { maxIdleTime?: number } = {}): Promise<ImapFlow> {
  const client = new ImapFlow({
    ...extra,
    host: s.host,
    port: s.port,
    secure: s.security === 'TLS',
    doSTARTTLS: s.security === 'STARTTLS' ? true : s.security === 'NONE' ? false : undefined,
    auth: { user: s.username, pass: s.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: Math.max(timeoutMs * 3, 60_000),
    tls: { servername: /^[\d.:]+$/.test(s.host) ? undefined : s.host },
  });
  // A socket error after connect() settled must not become an unhandled 'error' event.
  client.on('error', () => undefined);
  try {
    await client.connect();
    return client;
  } catch (err) {
    client.close();
    throw new ImapSyncError(imapErrorCode(err), (err as Error)?.message);
  }
}

/** Logs in and out: null when it worked, else the error code. */
export async function testImapConnection(s: ImapSettings, timeoutMs = 15_000): Promise<ImapErrorCode | null> {
  try {
    const client = await connectImap(s, timeoutMs);
    await client.logout().catch(() => client.close());
    return null;
  } catch (err) {
    return imapErrorCode(err);
  }
}

/** Sent folders by name, for servers without SPECIAL-USE (en, de, hu, pl, sk, cs). */
const SENT_NAMES = /^(\[gmail\]\/)?(sent( items| messages| mail)?|gesendet(e elemente|e objekte)?|elk[üu]ld[öo]tt( elemek)?|wys[łl]ane|elementy wys[łl]ane|odoslan[áa] po[šs]ta|odoslan[ée]|odeslan[áa] po[šs]ta|odeslan[ée])$/i;

/** Per folder: the UIDVALIDITY seen, the last UID stored, and the date the first sync started from. */
export type FolderState = Record<string, { uidValidity: string; lastUid: number; since: string }>;

export interface MailAccountRow {
  id: string;
  /** The owner of a USER mailbox; null for a SHARED one (the organisation's). */
  user_id: string | null;
  kind: 'USER' | 'SHARED';
  name: string | null;
  host: string;
  port: number;
  security: ImapSecurity;
  username: string;
  password_enc: string;
  folders: string[];
  since_days: number;
  sync_state: FolderState;
}

export interface SyncCommit {
  (work: (em: EntityManager) => Promise<{ rows: number; checkpoint: Record<string, unknown>; rowsTotal?: number | null }>): Promise<'committed' | 'cancelled'>;
}

export interface SyncOptions {
  /** Messages over this size are skipped (INBOUND_MAX_MB). */
  maxBytes: number;
  /** UIDs fetched and stored per batch (and per progress step). */
  batchSize?: number;
  /** Messages of a batch parsed and stored at once (default 4). */
  concurrency?: number;
  now?: Date;
  /** Commits a batch's progress; a background job passes its run.commit (cancel, checkpoint). Default: a transaction. */
  commit?: SyncCommit;
  /** Told the number of messages this sync will read, once known. */
  onTotal?: (total: number) => Promise<void>;
  timeoutMs?: number;
}

export interface SyncResult {
  [key: string]: unknown;
  fetched: number;
  stored: number;
  duplicates: number;
  skipped: number;
  cancelled: boolean;
}

/**
 * Reads new mail of an account into the inbound pipeline. First sync of a folder: the messages of
 * the last `since_days` days; later: the UIDs above the last one stored. A changed UIDVALIDITY starts
 * the folder over from its first sync date (what was stored before is recognised as duplicate).
 * Progress (last UID per folder) is written after each batch, so a crash or restart resumes there,
 * and a message read twice is stored once (Message-ID, sender and content hash).
 */
export async function syncMailAccount(ds: DataSource, storage: FileStorage, accountId: string, key: Buffer | null, opts: SyncOptions): Promise<SyncResult> {
  const [account]: MailAccountRow[] = await ds.query(`SELECT * FROM mail_accounts WHERE id = $1`, [accountId]);
  if (!account) throw new ImapSyncError('IMAP_FAILED', 'account gone');
  const commit: SyncCommit = opts.commit ?? ((work) => ds.transaction(async (em) => (await work(em), 'committed' as const)));
  const batchSize = opts.batchSize ?? 100;
  const now = opts.now ?? new Date();
  const result: SyncResult = { fetched: 0, stored: 0, duplicates: 0, skipped: 0, cancelled: false };
  let client: ImapFlow | null = null;
  try {
    const password = decryptSecret(account.password_enc, key);
    client = await connectImap({ host: account.host, port: account.port, security: account.security, username: account.username, password }, opts.timeoutMs);
    const state: FolderState = { ...account.sync_state };
    // What to read in each folder (the search first, so the total is known before the first batch).
    const plan: Array<{ folder: string; uidValidity: string; since: string; uids: number[]; uidNext: number; sent: boolean }> = [];
    for (const folder of account.folders) {
      let box;
      try {
        box = await client.mailboxOpen(folder, { readOnly: true });
      } catch (err) {
        if (imapErrorCode(err) === 'IMAP_FAILED') throw new ImapSyncError('IMAP_FOLDER_MISSING', folder);
        throw err;
      }
      const uidValidity = String(box.uidValidity);
      const known = state[folder];
      const since = known?.since ?? new Date(now.getTime() - account.since_days * 86_400_000).toISOString();
      const fresh = !known || known.uidValidity !== uidValidity;
      const lastUid = fresh ? 0 : known.lastUid;
      let uids: number[] = [];
      if (box.exists > 0 && (fresh || box.uidNext > lastUid + 1)) {
        const found = await client.search({ uid: `${lastUid + 1}:*`, since: new Date(since) }, { uid: true });
        uids = (found || []).filter((u) => u > lastUid).sort((a, b) => a - b);
      }
      if (fresh) state[folder] = { uidValidity, lastUid: 0, since };
      plan.push({ folder, uidValidity, since, uids, uidNext: box.uidNext, sent: box.specialUse === '\\Sent' || SENT_NAMES.test(folder) });
    }
    const total = plan.reduce((n, p) => n + p.uids.length, 0);
    await opts.onTotal?.(total);
    // A folder seen for the first time (or with a new UIDVALIDITY) is recorded even when it has nothing to read.
    if (plan.some((p) => JSON.stringify(state[p.folder]) !== JSON.stringify(account.sync_state[p.folder]))) {
      await ds.query(`UPDATE mail_accounts SET sync_state = $2, updated_at = now() WHERE id = $1`, [accountId, state]);
    }
    for (const p of plan) {
      if (!p.uids.length) continue;
      await client.mailboxOpen(p.folder, { readOnly: true });
      for (let i = 0; i < p.uids.length; i += batchSize) {
        const batch = p.uids.slice(i, i + batchSize);
        const messages = await client.fetchAll(batch.join(','), { uid: true, source: true }, { uid: true });
        let stored = 0;
        // A few at once (parsing and the database overlap); each message is its own transaction and a
        // message stored twice at once is still stored once (ON CONFLICT on its dedupe key).
        const queue = [...messages];
        await Promise.all(
          Array.from({ length: Math.min(opts.concurrency ?? 4, queue.length) }, async () => {
            for (let m = queue.shift(); m; m = queue.shift()) {
              result.fetched++;
              if (!m.source) continue;
              try {
                const r = await receiveInbound(ds, storage, m.source, opts.maxBytes, { sent: p.sent, sentBy: account.user_id });
                if (r.skipped) result.skipped++;
                else if (r.duplicate) result.duplicates++;
                else stored++;
              } catch (err) {
                if (!(err instanceof InboundTooLarge)) throw err;
                result.skipped++;
              }
            }
          }),
        );
        result.stored += stored;
        state[p.folder] = { uidValidity: p.uidValidity, lastUid: batch[batch.length - 1], since: p.since };
        const outcome = await commit(async (em) => {
          await em.query(`UPDATE mail_accounts SET sync_state = $2, messages_synced = messages_synced + $3, updated_at = now() WHERE id = $1`, [accountId, state, stored]);
          return { rows: batch.length, checkpoint: { folder: p.folder, lastUid: batch[batch.length - 1] } };
        });
        if (outcome === 'cancelled') {
          result.cancelled = true;
          return result;
        }
      }
    }
    // Every UID below the folder's UIDNEXT at the start was looked at (older mail outside the start date too).
    for (const p of plan) state[p.folder] = { ...state[p.folder], lastUid: Math.max(state[p.folder].lastUid, p.uidNext - 1) };
    await ds.query(`UPDATE mail_accounts SET sync_state = $2, last_sync_at = now(), last_error_code = NULL, last_error_at = NULL, updated_at = now() WHERE id = $1`, [accountId, state]);
    return result;
  } catch (err) {
    const code = imapErrorCode(err);
    await ds.query(`UPDATE mail_accounts SET last_error_code = $2, last_error_at = now(), updated_at = now() WHERE id = $1`, [accountId, code]);
    throw err instanceof ImapSyncError || err instanceof MailboxKeyError || code !== 'IMAP_FAILED' ? new ImapSyncError(code, (err as Error)?.message) : err;
  } finally {
    if (client) await client.logout().catch(() => client?.close());
  }
}
