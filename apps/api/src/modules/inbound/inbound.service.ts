import { bounceKind, recordBounce, recordReply, Client, parseCalendar, compressRaw, decompressRaw, Document, InboundMail, isFreeMailDomain, parseInbound, stopOnReply, UNDECLARED_CHARSETS, UnsortedContact } from '@crm/db';
import type { CalendarEvent, FileStorage, InboundKind, ParsedInbound, Viewer } from '@crm/db';
import { atLeast, Role } from '@crm/shared';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AppError, badInput, notFound } from '../../graphql/errors';
import { visibleClient } from '../access/guard';
import { recordAudit } from '../audit/audit';
import type { Logger } from '../../logger';

export type { InboundKind };
export { classify } from '@crm/db';

/** The folder of a client's documents that mail attachments go to. */
export const MAIL_FOLDER = 'Mail';

interface Match {
  clientId: string;
  contactId: string | null;
  /** The sender's exact address is the client's or one of its contacts' (not only the domain). */
  exact: boolean;
}

/** Every parent domain of a sender's domain, longest first: a.b.example.com, b.example.com, example.com. */
function domainSuffixes(domain: string): string[] {
  const parts = domain.split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length - 1; i++) out.push(parts.slice(i).join('.'));
  return out;
}

/**
 * Incoming mail: parsed and kept whole (the raw source compressed, attachments as documents of the
 * client in its "Mail" folder), then routed to the client whose contact or client record has the
 * sender's exact address, or whose domain is (a parent of) the sender's, never a free-mail domain.
 * Several candidate clients, an unknown sender or none: the Unsorted inbox. Bounces and automatic
 * replies are kept but make no contact and stop no automation.
 */
export class InboundService {
  constructor(
    private readonly ds: DataSource,
    private readonly storage: FileStorage,
    private readonly maxBytes: number,
    private readonly logger: Logger | null = null,
  ) {}

  async receive(input: Buffer | string): Promise<{ id: string; kind: InboundKind; clientId: string | null; duplicate: boolean; candidates: string[] }> {
    const raw = Buffer.isBuffer(input) ? input : Buffer.from(input, 'utf8');
    if (raw.length > this.maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `The message is larger than ${Math.round(this.maxBytes / 1048576)} MB.`, { maxBytes: this.maxBytes });
    const mail = await parseInbound(raw);
    const existing = await this.ds.getRepository(InboundMail).findOneBy({ dedupeKey: mail.dedupeKey });
    if (existing) return { id: existing.id, kind: existing.kind as InboundKind, clientId: existing.clientId, duplicate: true, candidates: existing.candidateClientIds };

    const { match, candidates } =
      mail.kind === 'BOUNCE' ? await this.bounceOf(mail.answers) : mail.fromAddress ? await this.route(mail.fromAddress) : { match: null, candidates: [] };
    const kind: InboundKind = mail.kind ?? (match ? 'CLIENT' : 'UNSORTED');
    const gz = compressRaw(raw);
    const result = await this.ds.transaction(async (em) => {
      const inserted: Array<{ id: string }> = await em.query(
        `INSERT INTO inbound_mails (message_id, dedupe_key, content_hash, from_address, from_name, to_addresses, subject, text, html, sent_at, in_reply_to, detected_charset, raw, raw_size, attachments, candidate_client_ids, kind, client_id, contact_id)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
        [
          mail.messageId, mail.dedupeKey, mail.contentHash, mail.fromAddress, mail.fromName, mail.toAddresses, mail.subject.slice(0, 998), mail.text, mail.html, mail.date, mail.inReplyTo?.slice(0, 998) ?? null,
          mail.detectedCharset, gz, raw.length, JSON.stringify(mail.attachments.map(({ content: _c, ...a }) => a)), candidates, kind, match?.clientId ?? null, match?.contactId ?? null,
        ],
      );
      if (!inserted.length) {
        const again = await em.getRepository(InboundMail).findOneByOrFail({ dedupeKey: mail.dedupeKey });
        return { id: again.id, kind: again.kind as InboundKind, clientId: again.clientId, duplicate: true, candidates: again.candidateClientIds };
      }
      const id = inserted[0].id;
      if (match) {
        await this.file(em, id, mail, match.clientId, null);
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
    if (!result.duplicate) await this.campaignFeedback(kind, mail, raw);
    return result;
  }

  /**
   * A bounce of a campaign mail marks its recipient bounced (hard or soft, from the report's
   * status); a reply marks it replied. A bounce about no mail of ours is ignored and logged.
   */
  private async campaignFeedback(kind: InboundKind, mail: ParsedInbound, raw: Buffer): Promise<void> {
    if (kind === 'BOUNCE') {
      const hit = await recordBounce(this.ds, mail.answers, bounceKind(raw.subarray(0, 256 * 1024).toString('latin1')));
      if (!hit.length) this.logger?.info({ messageIds: mail.answers }, 'a bounce that matches no campaign mail: ignored');
    } else if (mail.inReplyTo) {
      await recordReply(this.ds, mail.inReplyTo);
    }
  }

  /** Files a stored mail under a client: its History entry, its attachments as documents in the client's "Mail" folder. */
  private async file(em: EntityManager, mailId: string, mail: Pick<ParsedInbound, 'subject' | 'fromAddress' | 'attachments'>, clientId: string, actorId: string | null): Promise<void> {
    const files = mail.attachments.filter((a) => !a.inline && a.content.length > 0);
    const documentIds: string[] = [];
    if (files.length) {
      const [pipeline] = await em.query(
        `SELECT pipeline_id AS id FROM cards WHERE client_id = $1 AND deleted_at IS NULL ORDER BY updated_at DESC LIMIT 1`,
        [clientId],
      );
      const pipelineId: string | undefined = pipeline?.id ?? (await em.query(`SELECT id FROM pipelines WHERE archived_at IS NULL ORDER BY position, created_at LIMIT 1`))[0]?.id;
      if (pipelineId) {
        for (const file of files) {
          const key = `documents/${clientId}/${randomUUID()}`;
          const size = await this.storage.put(key, Readable.from([file.content]));
          const doc = await em.getRepository(Document).save({ clientId, pipelineId, folder: MAIL_FOLDER, name: file.name, mimeType: file.mimeType, size: String(size), storageKey: key, uploadedById: actorId });
          documentIds.push(doc.id);
        }
      }
    }
    await em.query(`UPDATE inbound_mails SET client_id = $2, document_ids = $3 WHERE id = $1`, [mailId, clientId, documentIds]);
    await recordAudit(em, [
      { actorId, action: 'received', entity: 'email', entityId: mailId, clientId, changes: { subject: [null, mail.subject], from: [null, mail.fromAddress] } },
      ...documentIds.map((docId, i) => ({ actorId, action: 'create', entity: 'document', entityId: docId, clientId, changes: { name: [null, files[i].name] as [unknown, unknown], folder: [null, MAIL_FOLDER] as [unknown, unknown] } })),
    ]);
    await em.query(`UPDATE cards SET updated_at = now() WHERE client_id = $1 AND deleted_at IS NULL`, [clientId]);
  }

  /**
   * The client of a sender: a contact's or the client record's exact address first, then the company
   * domain or a parent of it (never a free-mail domain). More than one client: no match, the candidates.
   */
  async route(from: string): Promise<{ match: Match | null; candidates: string[] }> {
    const exact: Array<{ client_id: string; contact_id: string | null }> = await this.ds.query(
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
    const rows: Array<{ id: string; domain: string }> = await this.ds.query(
      `SELECT id, lower(domain) AS domain FROM clients WHERE deleted_at IS NULL AND domain IS NOT NULL AND lower(domain) = ANY($1) ORDER BY length(domain) DESC, created_at LIMIT 20`,
      [suffixes],
    );
    if (!rows.length) return { match: null, candidates: [] };
    const best = rows.filter((r) => r.domain === rows[0].domain).map((r) => r.id);
    return best.length === 1 ? { match: { clientId: best[0], contactId: null, exact: false }, candidates: [] } : { match: null, candidates: best };
  }

  /** A bounce goes to the client of the mail it reports on (one we sent), when we know it. */
  private async bounceOf(answers: string[]): Promise<{ match: Match | null; candidates: string[] }> {
    if (!answers.length) return { match: null, candidates: [] };
    const [sent] = await this.ds.query(`SELECT client_id FROM outbox_mails WHERE message_id = ANY($1) AND client_id IS NOT NULL ORDER BY created_at DESC LIMIT 1`, [answers]);
    return { match: sent ? { clientId: sent.client_id, contactId: null, exact: false } : null, candidates: [] };
  }

  /** An incoming mail: one filed under a client the viewer may see, or (for staff) one in the Unsorted inbox. */
  async get(viewer: Viewer, id: string): Promise<InboundMail> {
    const mail = /^[0-9a-f-]{36}$/i.test(id) ? await this.ds.getRepository(InboundMail).findOneBy({ id }) : null;
    if (!mail) throw notFound('Mail');
    if (mail.clientId) await visibleClient(this.ds.manager, viewer, mail.clientId);
    else if (!atLeast(Role.Normal).includes(viewer.role as Role)) throw notFound('Mail');
    return mail;
  }

  /** The raw source of a mail the viewer may see. */
  async raw(viewer: Viewer, id: string): Promise<Buffer> {
    await this.get(viewer, id);
    const [row] = await this.ds.query(`SELECT raw FROM inbound_mails WHERE id = $1`, [id]);
    if (!row?.raw) throw notFound('Mail');
    return decompressRaw(row.raw);
  }

  /** The text of a mail read in another charset (for 8-bit text that declared none): the raw bytes decoded again. */
  async textIn(viewer: Viewer, id: string, charset: string): Promise<{ text: string; html: string | null }> {
    if (!(UNDECLARED_CHARSETS as readonly string[]).includes(charset)) throw badInput('Choose one of the offered charsets.');
    const parsed = await parseInbound(await this.raw(viewer, id), charset as (typeof UNDECLARED_CHARSETS)[number]);
    return { text: parsed.text, html: parsed.html };
  }

  /** The inline images of a mail (shown in its HTML by cid:), as data URLs, up to 5 MB in all. */
  async inlineImages(viewer: Viewer, mail: InboundMail): Promise<Array<{ contentId: string; dataUrl: string }>> {
    if (!mail.attachments.some((a) => a.inline)) return [];
    const parsed = await parseInbound(await this.raw(viewer, mail.id));
    let budget = 5 * 1024 * 1024;
    const out: Array<{ contentId: string; dataUrl: string }> = [];
    for (const a of parsed.attachments) {
      if (!a.inline || !a.contentId || !/^image\/(png|jpe?g|gif|webp|bmp)$/i.test(a.mimeType) || a.content.length > budget) continue;
      budget -= a.content.length;
      out.push({ contentId: a.contentId, dataUrl: `data:${a.mimeType.toLowerCase()};base64,${a.content.toString('base64')}` });
    }
    return out;
  }

  /** The events of the calendar invites a mail carries (text/calendar parts). */
  async calendarEvents(viewer: Viewer, mail: InboundMail): Promise<CalendarEvent[]> {
    if (!mail.attachments.some((a) => /^(text\/calendar|application\/ics)$/i.test(a.mimeType))) return [];
    const parsed = await parseInbound(await this.raw(viewer, mail.id));
    return parsed.attachments.filter((a) => /^(text\/calendar|application\/ics)$/i.test(a.mimeType)).flatMap((a) => parseCalendar(a.content.toString('utf8')));
  }

  listUnsorted(limit: number): Promise<UnsortedContact[]> {
    return this.ds.getRepository(UnsortedContact).find({ where: { dismissedAt: IsNull() }, order: { lastSeenAt: 'DESC' }, take: limit });
  }

  /** Mail in the Unsorted inbox (no client yet), latest first. */
  listUnsortedMail(limit: number): Promise<InboundMail[]> {
    return this.ds.getRepository(InboundMail).find({ where: { clientId: IsNull(), kind: In(['UNSORTED', 'AUTO_REPLY', 'BOUNCE']) }, order: { receivedAt: 'DESC' }, take: limit });
  }

  /** Files an Unsorted mail (and its attachments) under a client the viewer may see. */
  async assign(viewer: Viewer, mailId: string, clientId: string): Promise<InboundMail> {
    const mail = await this.get(viewer, mailId);
    if (mail.clientId) throw badInput('This mail is already filed under a client.');
    await visibleClient(this.ds.manager, viewer, clientId);
    const parsed = await parseInbound(await this.raw(viewer, mailId));
    await this.ds.transaction(async (em) => {
      const [locked] = await em.query(`SELECT client_id FROM inbound_mails WHERE id = $1 FOR UPDATE`, [mailId]);
      if (locked.client_id) throw badInput('This mail is already filed under a client.');
      await this.file(em, mailId, parsed, clientId, viewer.id);
      if (mail.kind === 'UNSORTED') await em.query(`UPDATE inbound_mails SET kind = 'CLIENT', candidate_client_ids = '{}' WHERE id = $1`, [mailId]);
      if (mail.fromAddress) await em.query(`UPDATE unsorted_contacts SET dismissed_at = now() WHERE email = $1 AND dismissed_at IS NULL`, [mail.fromAddress]);
    });
    return this.ds.getRepository(InboundMail).findOneByOrFail({ id: mailId });
  }

  async dismiss(viewer: Viewer, ids: string[]): Promise<number> {
    const result = await this.ds.getRepository(UnsortedContact).update({ id: In(ids), dismissedAt: IsNull() }, { dismissedAt: new Date() });
    return result.affected ?? 0;
  }

  /** Makes clients (with the address as a contact) from unsorted addresses, optionally into a category; their Unsorted mail moves with them. */
  async createClients(viewer: Viewer, ids: string[], categoryId: string | null): Promise<number> {
    const made: Array<{ clientId: string; email: string }> = [];
    const count = await this.ds.transaction(async (em) => {
      if (categoryId && !(await em.query(`SELECT 1 FROM categories WHERE id = $1`, [categoryId])).length) throw badInput('That category does not exist.');
      const rows = await em.getRepository(UnsortedContact).find({ where: { id: In(ids), dismissedAt: IsNull() } });
      for (const row of rows) {
        const domain = row.email.split('@')[1];
        const company = !isFreeMailDomain(domain);
        const name = row.name?.trim() || (company ? domain : row.email);
        const client = await em.getRepository(Client).save({ name, emails: [row.email], domain: company ? domain : null, ownerId: viewer.id });
        await em.query(`INSERT INTO contacts (client_id, name, emails, is_primary) VALUES ($1, $2, $3, true)`, [client.id, row.name?.trim() || row.email, [row.email]]);
        if (categoryId) await em.query(`INSERT INTO client_categories (client_id, category_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [client.id, categoryId]);
        await em.getRepository(UnsortedContact).update(row.id, { dismissedAt: new Date() });
        await recordAudit(em, [{ actorId: viewer.id, action: 'create', entity: 'client', entityId: client.id, clientId: client.id, changes: { name: [null, name], from: [null, 'unsorted'] } }]);
        made.push({ clientId: client.id, email: row.email });
      }
      return rows.length;
    });
    for (const { clientId, email } of made) {
      const mails: Array<{ id: string }> = await this.ds.query(`SELECT id FROM inbound_mails WHERE client_id IS NULL AND kind = 'UNSORTED' AND from_address = $1 ORDER BY received_at`, [email]);
      for (const m of mails) await this.assign(viewer, m.id, clientId);
    }
    return count;
  }
}
