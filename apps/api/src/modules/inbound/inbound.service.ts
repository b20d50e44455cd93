import { Client, InboundMail, stopOnReply, UnsortedContact } from '@crm/db';
import { FREE_MAIL_DOMAINS } from '@crm/shared';
import { simpleParser, type ParsedMail } from 'mailparser';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull } from 'typeorm';
import { badInput, notFound } from '../../graphql/errors';
import { visibleClient } from '../access/guard';
import type { Viewer } from '@crm/db';
import { recordAudit } from '../audit/audit';

export type InboundKind = 'CLIENT' | 'UNSORTED' | 'BOUNCE' | 'AUTO_REPLY';

const AUTO_REPLY_SUBJECT = /^(auto(matic)?[ -]?(reply|response|antwort)|out of (the )?office|abwesenheit|automatick[áa] odpov[eě]ď|automatyczna odpowied[źz]|automatikus v[áa]lasz|h[áa]zon k[íi]v[üu]l)/i;
const BOUNCE_SENDER = /^(mailer-daemon|postmaster)@/i;
const BOUNCE_SUBJECT = /(undeliver(ed|able)|delivery (status notification|failure)|returned mail|mail delivery failed|nem k[ée]zbes[íi]thet|niedostarczon|nedoru[čc]iteľn)/i;

/** What kind of message this is, from its headers: a bounce, an automatic reply, or a person's mail. */
export function classify(mail: ParsedMail, from: string): 'BOUNCE' | 'AUTO_REPLY' | null {
  const header = (name: string) => String(mail.headers.get(name) ?? '').toLowerCase();
  const contentType = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  if (BOUNCE_SENDER.test(from) || (contentType?.value === 'multipart/report' && contentType.params?.['report-type'] === 'delivery-status') || BOUNCE_SUBJECT.test(mail.subject ?? '')) {
    return 'BOUNCE';
  }
  const autoSubmitted = header('auto-submitted');
  if ((autoSubmitted && autoSubmitted !== 'no') || mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond') || ['auto_reply', 'bulk', 'junk', 'list'].includes(header('precedence')) || AUTO_REPLY_SUBJECT.test(mail.subject ?? '')) {
    return 'AUTO_REPLY';
  }
  return null;
}

/**
 * Incoming mail: parsed, then routed to the client whose contact (or client record) has the sender's
 * exact address, or whose domain is the sender's (never a free-mail domain); bounces and automatic
 * replies are kept but make no contact; anyone else joins the Unsorted contacts.
 */
export class InboundService {
  constructor(private readonly ds: DataSource) {}

  async receive(raw: Buffer | string): Promise<{ id: string; kind: InboundKind; clientId: string | null; duplicate: boolean }> {
    const mail = await simpleParser(raw);
    const sender = mail.from?.value?.[0];
    const from = sender?.address?.trim().toLowerCase();
    if (!from || !/^[^@\s]+@[^@\s]+$/.test(from)) throw badInput('The message has no sender address.');
    const messageId = (mail.messageId ?? `<${randomUUID()}@inbound.invalid>`).slice(0, 998);
    const existing = await this.ds.getRepository(InboundMail).findOneBy({ messageId });
    if (existing) return { id: existing.id, kind: existing.kind as InboundKind, clientId: existing.clientId, duplicate: true };

    const special = classify(mail, from);
    const match = special ? null : await this.match(from);
    const kind: InboundKind = special ?? (match ? 'CLIENT' : 'UNSORTED');
    const to = [mail.to, mail.cc].flatMap((a) => (Array.isArray(a) ? a : a ? [a] : [])).flatMap((a) => a.value.map((v) => v.address ?? '')).filter(Boolean);

    return this.ds.transaction(async (em) => {
      const saved = await em.getRepository(InboundMail).save({
        messageId,
        fromAddress: from,
        fromName: sender?.name?.slice(0, 200) || null,
        toAddresses: to,
        subject: (mail.subject ?? '').slice(0, 998),
        text: mail.text ?? '',
        html: typeof mail.html === 'string' ? mail.html : null,
        kind,
        clientId: match?.clientId ?? null,
        contactId: match?.contactId ?? null,
      });
      if (match) {
        await recordAudit(em, [{ actorId: null, action: 'received', entity: 'email', entityId: saved.id, clientId: match.clientId, changes: { subject: [null, saved.subject], from: [null, from] } }]);
        await em.query(`UPDATE cards SET updated_at = now() WHERE client_id = $1 AND deleted_at IS NULL`, [match.clientId]);
        // A reply from the client ends its cards' runs in automations that stop on a reply.
        if (match.contactId) await stopOnReply(em, match.clientId, new Date());
      }
      if (kind === 'UNSORTED') {
        await em.query(
          `INSERT INTO unsorted_contacts (email, name, source) VALUES ($1, $2, 'email')
           ON CONFLICT (email) DO UPDATE SET seen_count = unsorted_contacts.seen_count + 1, last_seen_at = now(), name = coalesce(unsorted_contacts.name, EXCLUDED.name)`,
          [from, sender?.name || null],
        );
      }
      return { id: saved.id, kind, clientId: saved.clientId, duplicate: false };
    });
  }

  /**
   * The client of a sender: a contact's or client's address first (compared as the duplicate
   * finder does, through the email key indexes), then the company domain.
   */
  private async match(from: string): Promise<{ clientId: string; contactId: string | null } | null> {
    const address = [from.trim().toLowerCase()];
    const [byContact] = await this.ds.query(
      `SELECT ct.id, ct.client_id FROM contacts ct JOIN clients cl ON cl.id = ct.client_id
       WHERE ct.deleted_at IS NULL AND cl.deleted_at IS NULL AND normalize_emails(ct.emails) @> $1::text[] ORDER BY ct.is_primary DESC LIMIT 1`,
      [address],
    );
    if (byContact) return { clientId: byContact.client_id, contactId: byContact.id };
    const [byClient] = await this.ds.query(`SELECT id FROM clients WHERE deleted_at IS NULL AND normalize_emails(emails) @> $1::text[] LIMIT 1`, [address]);
    if (byClient) return { clientId: byClient.id, contactId: null };
    const domain = from.split('@')[1];
    if (FREE_MAIL_DOMAINS.includes(domain)) return null;
    const [byDomain] = await this.ds.query(`SELECT id FROM clients WHERE deleted_at IS NULL AND domain = $1 ORDER BY created_at LIMIT 1`, [domain]);
    return byDomain ? { clientId: byDomain.id, contactId: null } : null;
  }

  /** An incoming mail routed to a client the viewer may see. */
  async get(viewer: Viewer, id: string): Promise<InboundMail> {
    const mail = await this.ds.getRepository(InboundMail).findOneBy({ id });
    if (!mail?.clientId) throw notFound('Mail');
    await visibleClient(this.ds.manager, viewer, mail.clientId);
    return mail;
  }

  listUnsorted(limit: number): Promise<UnsortedContact[]> {
    return this.ds.getRepository(UnsortedContact).find({ where: { dismissedAt: IsNull() }, order: { lastSeenAt: 'DESC' }, take: limit });
  }

  async dismiss(viewer: Viewer, ids: string[]): Promise<number> {
    const result = await this.ds.getRepository(UnsortedContact).update({ id: In(ids), dismissedAt: IsNull() }, { dismissedAt: new Date() });
    return result.affected ?? 0;
  }

  /** Makes clients (with the address as a contact) from unsorted addresses, optionally into a category. */
  async createClients(viewer: Viewer, ids: string[], categoryId: string | null): Promise<number> {
    return this.ds.transaction(async (em) => {
      if (categoryId && !(await em.query(`SELECT 1 FROM categories WHERE id = $1`, [categoryId])).length) throw badInput('That category does not exist.');
      const rows = await em.getRepository(UnsortedContact).find({ where: { id: In(ids), dismissedAt: IsNull() } });
      for (const row of rows) {
        const domain = row.email.split('@')[1];
        const company = !FREE_MAIL_DOMAINS.includes(domain);
        const name = row.name?.trim() || (company ? domain : row.email);
        const client = await em.getRepository(Client).save({ name, emails: [row.email], domain: company ? domain : null, ownerId: viewer.id });
        await em.query(`INSERT INTO contacts (client_id, name, emails, is_primary) VALUES ($1, $2, $3, true)`, [client.id, row.name?.trim() || row.email, [row.email]]);
        if (categoryId) await em.query(`INSERT INTO client_categories (client_id, category_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [client.id, categoryId]);
        await em.getRepository(UnsortedContact).update(row.id, { dismissedAt: new Date() });
        await recordAudit(em, [{ actorId: viewer.id, action: 'create', entity: 'client', entityId: client.id, clientId: client.id, changes: { name: [null, name], from: [null, 'unsorted'] } }]);
      }
      return rows.length;
    });
  }
}
