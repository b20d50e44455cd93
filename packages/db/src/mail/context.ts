import type { EntityManager } from 'typeorm';
import { fieldKey } from './template';

export interface MailContextInput {
  cardId: string;
  /** The recipient contact; null for mail to a user or when the card has none. */
  contactId: string | null;
  senderId: string;
  now: Date;
}

/**
 * The values a template can use for one card, recipient and sender (see TEMPLATE_VARIABLES):
 * one query for the card, client, owner and next todo, one each for contact, sender and fields.
 */
export async function buildMailContext(em: EntityManager, input: MailContextInput): Promise<Record<string, any>> {
  const [card] = await em.query(
    `SELECT c.value::float8 AS value, c.currency, c.created_at, c.custom_values, s.name AS status, p.name AS pipeline, p.id AS pipeline_id,
            cl.name AS client_name, cl.emails, cl.phones, cl.address, cl.tax_id, cl.website, cl.domain,
            o.name AS owner_name, o.email AS owner_email,
            (SELECT row_to_json(t) FROM (SELECT title, deadline FROM todos WHERE card_id = c.id AND done_at IS NULL AND deleted_at IS NULL ORDER BY deadline LIMIT 1) t) AS todo
     FROM cards c JOIN clients cl ON cl.id = c.client_id JOIN statuses s ON s.id = c.status_id JOIN pipelines p ON p.id = c.pipeline_id
     LEFT JOIN users o ON o.id = c.owner_id WHERE c.id = $1`,
    [input.cardId],
  );
  if (!card) throw new Error(`card ${input.cardId} not found`);
  const [contact] = input.contactId ? await em.query(`SELECT name, title, emails, phones FROM contacts WHERE id = $1`, [input.contactId]) : [];
  const [sender] = await em.query(`SELECT name, email, signature FROM users WHERE id = $1`, [input.senderId]);
  const fields: Array<{ id: string; label: string }> = await em.query(`SELECT id, label FROM custom_fields WHERE pipeline_id = $1 AND archived_at IS NULL`, [card.pipeline_id]);
  return {
    card: {
      status: card.status,
      value: card.value,
      currency: card.currency,
      createdAt: card.created_at,
      pipeline: card.pipeline,
      fields: Object.fromEntries(fields.map((f) => [fieldKey(f.label), card.custom_values?.[f.id] ?? null])),
    },
    client: {
      name: card.client_name,
      email: card.emails?.[0] ?? null,
      phone: card.phones?.[0] ?? null,
      address: card.address,
      taxId: card.tax_id,
      website: card.website,
      domain: card.domain,
    },
    contact: contact
      ? { name: contact.name, firstName: contact.name.split(/\s+/)[0], email: contact.emails?.[0] ?? null, phone: contact.phones?.[0] ?? null, title: contact.title }
      : { name: null, firstName: null, email: null, phone: null, title: null },
    sender: { name: sender?.name ?? null, email: sender?.email ?? null, signature: sender?.signature ?? null },
    owner: { name: card.owner_name, email: card.owner_email },
    today: input.now,
    todo: card.todo ? { title: card.todo.title, deadline: new Date(card.todo.deadline) } : { title: null, deadline: null },
  };
}
