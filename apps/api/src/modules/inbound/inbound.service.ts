import { Client, decompressRaw, fileInboundMail, InboundMail, InboundTooLarge, isFreeMailDomain, MAIL_FOLDER, parseCalendar, parseInbound, receiveInbound, routeSender, UNDECLARED_CHARSETS, UnsortedContact } from '@crm/db';
import type { CalendarEvent, FileStorage, InboundKind, InboundResult, Viewer } from '@crm/db';
import { atLeast, Role } from '@crm/shared';
import { DataSource, In, IsNull } from 'typeorm';
import { AppError, notFound, refused } from '../../graphql/errors';
import { visibleClient } from '../access/guard';
import { recordAudit } from '../audit/audit';
import type { Logger } from '../../logger';

export type { InboundKind };
export { classify } from '@crm/db';

export { MAIL_FOLDER };

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

  /** Stores and routes one message (packages/db/src/mail/inbound.ts); over the size limit: PAYLOAD_TOO_LARGE. */
  async receive(input: Buffer | string): Promise<InboundResult> {
    try {
      return await receiveInbound(this.ds, this.storage, input, this.maxBytes, {
        onUnmatchedBounce: (messageIds) => this.logger?.info({ messageIds }, 'a bounce that matches no campaign mail: ignored'),
        onUnmatchedComplaint: (messageIds) => this.logger?.info({ messageIds }, 'a complaint that matches no campaign mail: ignored'),
      });
    } catch (err) {
      if (err instanceof InboundTooLarge) throw new AppError('PAYLOAD_TOO_LARGE', err.message, { maxBytes: err.maxBytes });
      throw err;
    }
  }

  /** The client of a sender by the routing rules (exact address, then company domain). */
  route(from: string) {
    return routeSender(this.ds, from);
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
    if (!(UNDECLARED_CHARSETS as readonly string[]).includes(charset)) throw refused('CHARSET_UNKNOWN', 'Choose one of the offered charsets.');
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
    return this.ds.getRepository(InboundMail).find({ where: { clientId: IsNull(), kind: In(['UNSORTED', 'AUTO_REPLY', 'BOUNCE', 'COMPLAINT']) }, order: { receivedAt: 'DESC' }, take: limit });
  }

  /** Files an Unsorted mail (and its attachments) under a client the viewer may see. */
  async assign(viewer: Viewer, mailId: string, clientId: string): Promise<InboundMail> {
    const mail = await this.get(viewer, mailId);
    if (mail.clientId) throw refused('MAIL_ALREADY_FILED', 'This mail is already filed under a client.');
    await visibleClient(this.ds.manager, viewer, clientId);
    const parsed = await parseInbound(await this.raw(viewer, mailId));
    await this.ds.transaction(async (em) => {
      const [locked] = await em.query(`SELECT client_id FROM inbound_mails WHERE id = $1 FOR UPDATE`, [mailId]);
      if (locked.client_id) throw refused('MAIL_ALREADY_FILED', 'This mail is already filed under a client.');
      await fileInboundMail(em, this.storage, mailId, parsed, clientId, viewer.id);
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
      if (categoryId && !(await em.query(`SELECT 1 FROM categories WHERE id = $1`, [categoryId])).length) throw refused('LABEL_MISSING', 'That category does not exist.');
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
