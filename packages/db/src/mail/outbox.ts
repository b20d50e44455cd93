import { uuid7 } from './uuid7';
import type { EntityManager } from 'typeorm';

export interface NewMail {
  idempotencyKey: string;
  cardId: string | null;
  clientId: string | null;
  templateId: string | null;
  fromAddress: string;
  fromName: string;
  replyTo?: string | null;
  to: string[];
  subject: string;
  html: string;
  text: string;
  createdById: string | null;
  /** For the Message-ID header: the sending domain. */
  messageDomain: string;
  /** False when the caller writes the mail's History entry itself (an automation step's run names its mails). */
  history?: boolean;
  /** HELD keeps a campaign mail back until its throttle lets it out (default QUEUED). */
  status?: 'QUEUED' | 'HELD';
  /** Extra headers (List-Unsubscribe ...). */
  headers?: Record<string, string> | null;
}

/**
 * Writes mails to the outbox, each with its History entry, inside the caller's transaction, in one
 * statement each. A mail whose idempotency key is already there is not written again: its
 * existing id comes back with created = false.
 */
export async function queueMails(em: EntityManager, mails: NewMail[]): Promise<Array<{ id: string; created: boolean }>> {
  if (!mails.length) return [];
  const ids = mails.map(() => uuid7());
  const col = <T>(f: (m: NewMail, i: number) => T) => mails.map(f);
  const inserted: Array<{ id: string; idempotency_key: string }> = await em.query(
    `INSERT INTO outbox_mails (id, idempotency_key, card_id, client_id, template_id, from_address, from_name, to_addresses, subject, html, text, message_id, created_by_id, reply_to, status, headers)
     SELECT m.id, m.key, m.card_id, m.client_id, m.template_id, m.from_address, m.from_name, string_to_array(m.to_list, E'\\x1f'), m.subject, m.html, m.text, m.message_id, m.created_by, m.reply_to, m.status, m.headers
     FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::uuid[], $14::text[], $15::text[], $16::jsonb[])
       AS m(id, key, card_id, client_id, template_id, from_address, from_name, to_list, subject, html, text, message_id, created_by, reply_to, status, headers)
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING id, idempotency_key`,
    [
      ids,
      col((m) => m.idempotencyKey),
      col((m) => m.cardId),
      col((m) => m.clientId),
      col((m) => m.templateId),
      col((m) => m.fromAddress),
      col((m) => m.fromName),
      col((m) => m.to.join('\x1f')),
      col((m) => m.subject),
      col((m) => m.html),
      col((m) => m.text),
      col((m, i) => `<${ids[i]}@${m.messageDomain}>`),
      col((m) => m.createdById),
      col((m) => m.replyTo ?? null),
      col((m) => m.status ?? 'QUEUED'),
      col((m) => (m.headers ? JSON.stringify(m.headers) : null)),
    ],
  );
  const created = new Set(inserted.map((r) => r.idempotency_key));
  const fresh = mails.map((m, i) => ({ m, id: ids[i] })).filter(({ m }) => created.has(m.idempotencyKey) && m.history !== false);
  if (fresh.length) {
    await em.query(
      `INSERT INTO audit_log (actor_id, action, entity, entity_id, client_id, card_id, changes)
       SELECT x.actor, 'queued', 'email', x.id, x.client_id, x.card_id, jsonb_build_object('subject', jsonb_build_array(NULL, x.subject), 'to', jsonb_build_array(NULL, string_to_array(x.to_list, E'\\x1f')))
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[]) AS x(id, actor, client_id, card_id, subject, to_list)`,
      [fresh.map((f) => f.id), fresh.map((f) => f.m.createdById), fresh.map((f) => f.m.clientId), fresh.map((f) => f.m.cardId), fresh.map((f) => f.m.subject), fresh.map((f) => f.m.to.join('\x1f'))],
    );
  }
  const existingKeys = mails.filter((m) => !created.has(m.idempotencyKey)).map((m) => m.idempotencyKey);
  const existing = new Map<string, string>(
    existingKeys.length ? (await em.query(`SELECT id, idempotency_key FROM outbox_mails WHERE idempotency_key = ANY($1::text[])`, [existingKeys])).map((r: { id: string; idempotency_key: string }) => [r.idempotency_key, r.id]) : [],
  );
  return mails.map((m, i) => (created.has(m.idempotencyKey) ? { id: ids[i], created: true } : { id: existing.get(m.idempotencyKey)!, created: false }));
}

/** Writes one mail to the outbox (see queueMails). */
export async function queueMail(em: EntityManager, mail: NewMail): Promise<{ id: string; created: boolean }> {
  return (await queueMails(em, [mail]))[0];
}
