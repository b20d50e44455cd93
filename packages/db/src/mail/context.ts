import type { EntityManager } from 'typeorm';
import { RichText } from './signature';
import { fieldKey } from './template';

export interface MailContextInput {
  cardId: string;
  /** The recipient contact; null for mail to a user or when the card has none. */
  contactId: string | null;
  senderId: string;
  now: Date;
}

export const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

/** A client's template values from a row with its columns (client name as `name` or `client_name`). */
export const clientValues = (c: Record<string, any>) => ({
  name: c.client_name ?? c.name ?? null,
  email: c.emails?.[0] ?? null,
  phone: c.phones?.[0] ?? null,
  address: c.address ?? null,
  taxId: c.tax_id ?? null,
  website: c.website ?? null,
  domain: c.domain ?? null,
});

/** A contact's template values (all null without a contact). */
export const contactValues = (c: { name: string; title: string | null; emails: string[] | null; phones: string[] | null } | null | undefined) =>
  c
    ? { name: c.name, firstName: c.name.split(/\s+/)[0], email: c.emails?.[0] ?? null, phone: c.phones?.[0] ?? null, title: c.title }
    : { name: null, firstName: null, email: null, phone: null, title: null };

/** The senders of a batch of mails, by id. */
export async function loadSenders(em: EntityManager, ids: string[]): Promise<Map<string, Record<string, any> & { id: string }>> {
  return byId(await em.query(`SELECT id, name, email, signature FROM users WHERE id = ANY($1::uuid[])`, [[...new Set(ids)]]));
}

/** The sender's template values. */
export const senderValues = (u: Record<string, any> | undefined) => ({ name: u?.name ?? null, email: u?.email ?? null, signature: RichText.fromSignature(u?.signature) });

/**
 * The values templates can use (see TEMPLATE_VARIABLES) for many mails at once: one query each for
 * the cards (with client, owner and next todo), the contacts, the senders and the custom fields,
 * however many mails there are.
 */
export async function buildMailContexts(em: EntityManager, inputs: MailContextInput[]): Promise<Array<Record<string, any>>> {
  if (!inputs.length) return [];
  const cards = byId<Record<string, any> & { id: string }>(
    await em.query(
      `SELECT c.id, c.value::float8 AS value, c.currency, c.created_at, c.custom_values, s.name AS status, p.name AS pipeline, p.id AS pipeline_id,
              cl.name AS client_name, cl.emails, cl.phones, cl.address, cl.tax_id, cl.website, cl.domain,
              o.name AS owner_name, o.email AS owner_email, t.title AS todo_title, t.deadline AS todo_deadline
       FROM cards c JOIN clients cl ON cl.id = c.client_id JOIN statuses s ON s.id = c.status_id JOIN pipelines p ON p.id = c.pipeline_id
       LEFT JOIN users o ON o.id = c.owner_id
       LEFT JOIN LATERAL (SELECT title, deadline FROM todos WHERE card_id = c.id AND done_at IS NULL AND deleted_at IS NULL ORDER BY deadline LIMIT 1) t ON true
       WHERE c.id = ANY($1::uuid[])`,
      [[...new Set(inputs.map((i) => i.cardId))]],
    ),
  );
  const contactIds = [...new Set(inputs.map((i) => i.contactId).filter((x): x is string => !!x))];
  const contacts = byId<Record<string, any> & { id: string }>(contactIds.length ? await em.query(`SELECT id, name, title, emails, phones FROM contacts WHERE id = ANY($1::uuid[])`, [contactIds]) : []);
  const senders = await loadSenders(em, inputs.map((i) => i.senderId));
  const pipelineIds = [...new Set([...cards.values()].map((c) => c.pipeline_id))];
  const fields: Array<{ id: string; label: string; pipeline_id: string }> = await em.query(`SELECT id, label, pipeline_id FROM custom_fields WHERE pipeline_id = ANY($1::uuid[]) AND archived_at IS NULL`, [pipelineIds]);

  return inputs.map((input) => {
    const card = cards.get(input.cardId);
    if (!card) throw new Error(`card ${input.cardId} not found`);
    const contact = input.contactId ? contacts.get(input.contactId) : undefined;
    const sender = senders.get(input.senderId);
    return {
      card: {
        status: card.status,
        value: card.value,
        currency: card.currency,
        createdAt: card.created_at,
        pipeline: card.pipeline,
        fields: Object.fromEntries(fields.filter((f) => f.pipeline_id === card.pipeline_id).map((f) => [fieldKey(f.label), card.custom_values?.[f.id] ?? null])),
      },
      client: clientValues(card),
      contact: contactValues(contact as any),
      sender: senderValues(sender),
      owner: { name: card.owner_name, email: card.owner_email },
      today: input.now,
      todo: card.todo_title ? { title: card.todo_title, deadline: new Date(card.todo_deadline) } : { title: null, deadline: null },
    };
  });
}

/** The context of one mail. */
export async function buildMailContext(em: EntityManager, input: MailContextInput): Promise<Record<string, any>> {
  return (await buildMailContexts(em, [input]))[0];
}
