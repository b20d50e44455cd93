import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import { stopOnReply } from '../automation/engine';
import { bounceKind, recordBounce, recordComplaint, recordReply } from '../campaigns/feedback';
import { Document } from '../entities';
import type { FileStorage } from '../storage/storage';
import { isFreeMailDomain } from './free-mail';
import { compressRaw, parseInbound, type InboundKind, type ParsedInbound } from './inbound-parse';

/** The folder of a client's documents that mail attachments go to. */
export const MAIL_FOLDER = 'Mail';

export interface InboundMatch {
  clientId: string;
  contactId: string | null;
  /** The sender's exact address is the client's or one of its contacts' (not only the domain). */
  exact: boolean;
}

export interface InboundResult {
  id: string;
  kind: InboundKind;
  clientId: string | null;
  duplicate: boolean;
  candidates: string[];
  /** A copy of mail the user sent to nobody we know: not stored. */
  skipped?: boolean;
}

/** A message over the size limit (INBOUND_MAX_MB); nothing was stored. */
export class InboundTooLarge extends Error {
  readonly code = 'PAYLOAD_TOO_LARGE';
  constructor(readonly maxBytes: number) {
    super(`The message is larger than ${Math.round(maxBytes / 1048576)} MB.`);
  }
}

type Queryable = Pick<EntityManager, 'query'>;

/** Every parent domain of a sender's domain, longest first: a.b.example.com, b.example.com, example.com. */
function domainSuffixes(domain: string): string[] {
  const parts = domain.split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length - 1; i++) out.push(parts.slice(i).join('.'));
  return out;
}

/**
 * The client of a sender: a contact's or the client record's exact address first, then the company
 * domain or a parent of it (never a free-mail domain). More than one client: no match, the candidates.
 * These routing rules do not depend on who looks: mail is filed for the organisation, and each
 * reader's visibility applies when it is read.
 */
export async function routeSender(db: Queryable, from: string): Promise<{ match: InboundMatch | null; candidates: string[] }> {
  const exact: Array<{ client_id: string; contact_id: string | null }> = await db.query(
    `SELECT ct.client_id, ct.id AS contact_id FROM contacts ct JOIN clients cl ON cl.id = ct.client_id
      WHERE ct.deleted_at IS NULL AND cl.deleted_at IS NULL AND normalize_emails(ct.emails) @> ARRAY[lower(trim($1::text))]
     UNION ALL
     SELECT id, NULL FROM clients WHERE deleted_at IS NULL AND normalize_emails(emails) @> ARRAY[lower(trim($1::text))]`,
    [from],
  );
  const exactClients = [...new Set(exact.map((r) => r.client_id))];
  if (exactClients.length === 1) return { match: { clientId: exactClients[0], contactId: exact.find((r) => r.contact_id)?.contact_id ?? null, exact: true }, candidates: [] };
  if (exactClients.length > 1) return { match: null, candidates: exactClients };
  const domain = from.slice(from.lastIndexOf('@') + 1);
  if (!domain || isFreeMailDomain(domain)) return { match: null, candidates: [] };
  const suffixes = domainSuffixes(domain).filter((d) => !isFreeMailDomain(d));
  if (!suffixes.length) return { match: null, candidates: [] };
  const rows: Array<{ id: string; domain: string }> = await db.query(
    `SELECT id, lower(domain) AS domain FROM clients WHERE deleted_at IS NULL AND domain IS NOT NULL AND lower(domain) = ANY($1) ORDER BY length(domain) DESC, created_at LIMIT 20`,
    [suffixes],
  );
  if (!rows.length) return { match: null, candidates: [] };
  const best = rows.filter((r) => r.domain === rows[0].domain).map((r) => r.id);
  return best.length === 1 ? { match: { clientId: best[0], contactId: null, exact: false }, candidates: [] } : { match: null, candidates: best };
}

/** Mail the user sent (a synced Sent folder): the client of its first recipient that has one. */
async function routeRecipients(db: Queryable, to: string[]): Promise<{ match: InboundMatch | null; candidates: string[] }> {
  for (const address of to.slice(0, 20)) {
    const routed = await routeSender(db, address);
    if (routed.match) return routed;
  }
  return { match: null, candidates: [] };
}

/** A bounce goes to the client of the mail it reports on (one we sent), when we know it. */
async function bounceOf(db: Queryable, answers: string[]): Promise<{ match: InboundMatch | null; candidates: string[] }> {
  if (!answers.length) return { match: null, candidates: [] };
  const [sent] = await db.query(`SELECT client_id FROM outbox_mails WHERE message_id = ANY($1) AND client_id IS NOT NULL ORDER BY created_at DESC LIMIT 1`, [answers]);
  return { match: sent ? { clientId: sent.client_id, contactId: null, exact: false } : null, candidates: [] };
}

/**
 * A delivery report about a campaign mail marks its recipient bounced (hard or soft, from the
 * report's status); a complaint (feedback report) marks it complained and suppresses the address;
 * a reply marks it replied. Mail synced over IMAP goes through here too.
 */
async function campaignFeedback(ds: DataSource, kind: InboundKind, mail: ParsedInbound, raw: Buffer, options: Pick<ReceiveOptions, 'onUnmatchedBounce' | 'onUnmatchedComplaint'>): Promise<void> {
  if (kind === 'BOUNCE') {
    const hit = await recordBounce(ds, mail.answers, bounceKind(raw.subarray(0, 256 * 1024).toString('latin1')));
    if (!hit.length) options.onUnmatchedBounce?.(mail.answers);
  } else if (kind === 'COMPLAINT') {
    const hit = await recordComplaint(ds, mail.answers);
    if (!hit.length) options.onUnmatchedComplaint?.(mail.answers);
  } else if (mail.inReplyTo) {
    await recordReply(ds, mail.inReplyTo);
  }
}

/** Files a stored mail under a client: its History entry, its attachments as documents in the client's "Mail" folder. */
export async function fileInboundMail(
  em: EntityManager,
  storage: FileStorage,
  mailId: string,
  mail: Pick<ParsedInbound, 'subject' | 'fromAddress' | 'attachments'> & { toAddresses?: string[] },
  clientId: string,
  actorId: string | null,
  sent = false,
): Promise<void> {
  const files = mail.attachments.filter((a) => !a.inline && a.content.length > 0);
  const documentIds: string[] = [];
  if (files.length) {
    const [pipeline] = await em.query(`SELECT pipeline_id AS id FROM cards WHERE client_id = $1 AND deleted_at IS NULL ORDER BY updated_at DESC LIMIT 1`, [clientId]);
    const pipelineId: string | undefined = pipeline?.id ?? (await em.query(`SELECT id FROM pipelines WHERE archived_at IS NULL ORDER BY position, created_at LIMIT 1`))[0]?.id;
    if (pipelineId) {
      for (const file of files) {
        const key = `documents/${clientId}/${randomUUID()}`;
        const size = await storage.put(key, Readable.from([file.content]));
        const doc = await em.getRepository(Document).save({ clientId, pipelineId, folder: MAIL_FOLDER, name: file.name, mimeType: file.mimeType, size: String(size), storageKey: key, uploadedById: actorId });
        documentIds.push(doc.id);
      }
    }
  }
  await em.query(`UPDATE inbound_mails SET client_id = $2, document_ids = $3 WHERE id = $1`, [mailId, clientId, documentIds]);
  const audit = [
    sent
      ? { action: 'sent', entity: 'email', entityId: mailId, changes: { subject: [null, mail.subject], to: [null, mail.toAddresses ?? []] } }
      : { action: 'received', entity: 'email', entityId: mailId, changes: { subject: [null, mail.subject], from: [null, mail.fromAddress] } },
    ...documentIds.map((docId, i) => ({ action: 'create', entity: 'document', entityId: docId, changes: { name: [null, files[i].name], folder: [null, MAIL_FOLDER] } })),
  ];
  await em.query(
    `INSERT INTO audit_log (actor_id, action, entity, entity_id, client_id, changes)
     SELECT $1::uuid, x.action, x.entity, x.entity_id, $2::uuid, x.changes FROM unnest($3::text[], $4::text[], $5::uuid[], $6::jsonb[]) AS x(action, entity, entity_id, changes)`,
    [actorId, clientId, audit.map((a) => a.action), audit.map((a) => a.entity), audit.map((a) => a.entityId), audit.map((a) => JSON.stringify(a.changes))],
  );
  await em.query(`UPDATE cards SET updated_at = now() WHERE client_id = $1 AND deleted_at IS NULL`, [clientId]);
}

/**
 * Incoming mail (from the HTTP/SMTP intake or a synced IMAP mailbox): parsed and kept whole (the raw
 * source compressed, attachments as documents of the client in its "Mail" folder), then routed to the
 * client whose contact or client record has the sender's exact address, or whose domain is (a parent
 * of) the sender's, never a free-mail domain. Several candidate clients, an unknown sender or none:
 * the Unsorted inbox. Bounces and automatic replies are kept but make no contact and stop no
 * automation. A message delivered again (same Message-ID, sender and content) is stored once.
 */
export interface ReceiveOptions {
  /** The user's own sent mail (IMAP Sent folder): filed under the recipient's client. */
  sent?: boolean;
  /** Who sent it (the History entry's actor): the mailbox's user; null for a shared mailbox (the organisation). */
  sentBy?: string | null;
  /** Told of a delivery report that answers no campaign mail of ours (it is kept, and otherwise ignored). */
  onUnmatchedBounce?: (messageIds: string[]) => void;
  /** Told of a complaint (feedback report) about no campaign mail of ours (it is kept, and otherwise ignored). */
  onUnmatchedComplaint?: (messageIds: string[]) => void;
}

export async function receiveInbound(ds: DataSource, storage: FileStorage, input: Buffer | string, maxBytes: number, options: ReceiveOptions = {}): Promise<InboundResult> {
  const raw = Buffer.isBuffer(input) ? input : Buffer.from(input, 'utf8');
  if (raw.length > maxBytes) throw new InboundTooLarge(maxBytes);
  const mail = await parseInbound(raw);
  const [existing] = await ds.query(`SELECT id, kind, client_id, candidate_client_ids FROM inbound_mails WHERE dedupe_key = $1`, [mail.dedupeKey]);
  if (existing) return { id: existing.id, kind: existing.kind, clientId: existing.client_id, duplicate: true, candidates: existing.candidate_client_ids };

  const sent = options.sent === true;
  const { match, candidates } = sent
    ? await routeRecipients(ds, mail.toAddresses)
    : mail.kind === 'BOUNCE' || mail.kind === 'COMPLAINT'
      ? await bounceOf(ds, mail.answers)
      : mail.fromAddress
        ? await routeSender(ds, mail.fromAddress)
        : { match: null, candidates: [] };
  // The user's own sent mail is kept only when it went to a client: the Unsorted inbox is for mail that came in.
  if (sent && !match) return { id: '', kind: 'SENT', clientId: null, duplicate: false, candidates: [], skipped: true };
  const kind: InboundKind = sent ? 'SENT' : (mail.kind ?? (match ? 'CLIENT' : 'UNSORTED'));
  const gz = compressRaw(raw);
  const result: InboundResult = await ds.transaction(async (em) => {
    const inserted: Array<{ id: string }> = await em.query(
      `INSERT INTO inbound_mails (message_id, dedupe_key, content_hash, from_address, from_name, to_addresses, subject, text, html, sent_at, in_reply_to, detected_charset, raw, raw_size, attachments, candidate_client_ids, kind, client_id, contact_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [
        mail.messageId, mail.dedupeKey, mail.contentHash, mail.fromAddress, mail.fromName, mail.toAddresses, mail.subject.slice(0, 998), mail.text, mail.html, mail.date, mail.inReplyTo?.slice(0, 998) ?? null,
        mail.detectedCharset, gz, raw.length, JSON.stringify(mail.attachments.map(({ content: _c, ...a }) => a)), candidates, kind, match?.clientId ?? null, match?.contactId ?? null,
      ],
    );
    if (!inserted.length) {
      const [again] = await em.query(`SELECT id, kind, client_id, candidate_client_ids FROM inbound_mails WHERE dedupe_key = $1`, [mail.dedupeKey]);
      return { id: again.id, kind: again.kind, clientId: again.client_id, duplicate: true, candidates: again.candidate_client_ids };
    }
    const id = inserted[0].id;
    if (match) {
      await fileInboundMail(em, storage, id, mail, match.clientId, sent ? (options.sentBy ?? null) : null, sent);
      // A person's reply from the client's own address (its record or a contact) ends its cards' runs in automations that stop on a reply.
      if (match.exact && kind === 'CLIENT') await stopOnReply(em, match.clientId, new Date());
    }
    if (kind === 'UNSORTED' && mail.fromAddress) {
      await em.query(
        `INSERT INTO unsorted_contacts (email, name, source) VALUES ($1, $2, 'email')
         ON CONFLICT (email) DO UPDATE SET seen_count = unsorted_contacts.seen_count + 1, last_seen_at = now(), name = coalesce(unsorted_contacts.name, EXCLUDED.name), dismissed_at = NULL`,
        [mail.fromAddress.slice(0, 254), mail.fromName],
      );
    }
    return { id, kind, clientId: match?.clientId ?? null, duplicate: false, candidates };
  });
  if (!result.duplicate && !sent) await campaignFeedback(ds, kind, mail, raw, options);
  return result;
}
