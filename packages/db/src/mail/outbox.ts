import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

export interface NewMail {
  idempotencyKey: string;
  cardId: string | null;
  clientId: string | null;
  templateId: string | null;
  fromAddress: string;
  fromName: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  createdById: string | null;
  /** For the Message-ID header: the sending domain. */
  messageDomain: string;
}

/**
 * Writes a mail to the outbox (and its History entry) inside the caller's transaction. A second
 * call with the same idempotency key writes nothing and returns the first row's id.
 */
export async function queueMail(em: EntityManager, mail: NewMail): Promise<{ id: string; created: boolean }> {
  const id = randomUUID();
  const rows: Array<{ id: string }> = await em.query(
    `INSERT INTO outbox_mails (id, idempotency_key, card_id, client_id, template_id, from_address, from_name, to_addresses, subject, html, text, message_id, created_by_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [id, mail.idempotencyKey, mail.cardId, mail.clientId, mail.templateId, mail.fromAddress, mail.fromName, mail.to, mail.subject, mail.html, mail.text, `<${id}@${mail.messageDomain}>`, mail.createdById],
  );
  if (!rows.length) {
    const [existing] = await em.query(`SELECT id FROM outbox_mails WHERE idempotency_key = $1`, [mail.idempotencyKey]);
    return { id: existing.id, created: false };
  }
  await em.query(
    `INSERT INTO audit_log (actor_id, action, entity, entity_id, client_id, card_id, changes) VALUES ($1, 'queued', 'email', $2, $3, $4, $5)`,
    [mail.createdById, id, mail.clientId, mail.cardId, { subject: [null, mail.subject], to: [null, mail.to] }],
  );
  return { id, created: true };
}
