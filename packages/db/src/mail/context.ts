import type { EntityManager } from 'typeorm';
import { RichText } from './signature';
import { fieldKey, scanTemplate } from './template';

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

export interface MailContact {
  id: string;
  name: string;
  title: string | null;
  emails: string[] | null;
  phones: string[] | null;
}

/** A contact's template values (all null without a contact). */
export const contactValues = (c: Omit<MailContact, 'id'> | null | undefined) =>
  c
    ? { name: c.name, firstName: c.name.split(/\s+/)[0], email: c.emails?.[0] ?? null, phone: c.phones?.[0] ?? null, title: c.title }
    : { name: null, firstName: null, email: null, phone: null, title: null };

export type SenderRow = Record<string, any> & { id: string };

/** The senders of a batch of mails, by id. */
export async function loadSenders(em: EntityManager, ids: string[]): Promise<Map<string, SenderRow>> {
  return byId(await em.query(`SELECT id, name, email, signature FROM users WHERE id = ANY($1::uuid[])`, [[...new Set(ids)]]));
}

// A sender's values are the same in every mail of a batch (the signature's text is worked out once).
const sendersSeen = new WeakMap<object, ReturnType<typeof presentSender>>();
const presentSender = (u: Record<string, any> | undefined) => ({ name: u?.name ?? null, email: u?.email ?? null, signature: RichText.fromSignature(u?.signature) });

/** The sender's template values. */
export function senderValues(u: Record<string, any> | undefined) {
  if (!u) return presentSender(u);
  let values = sendersSeen.get(u);
  if (!values) sendersSeen.set(u, (values = presentSender(u)));
  return values;
}

const NO_CARD = { status: null, value: null, currency: null, createdAt: null, pipeline: null, fields: {} };
const NO_TODO = { title: null, deadline: null };

/** The values templates can use (see TEMPLATE_VARIABLES), for mail about a card or (without one) to a client. */
export function mailContext(parts: {
  card?: Record<string, unknown>;
  client: Record<string, any>;
  contact: Omit<MailContact, 'id'> | null | undefined;
  sender: Record<string, any> | undefined;
  owner: { name: string | null; email: string | null };
  todo?: { title: string | null; deadline: Date | null };
  now: Date;
}): Record<string, any> {
  return {
    card: parts.card ?? NO_CARD,
    client: clientValues(parts.client),
    contact: contactValues(parts.contact),
    sender: senderValues(parts.sender),
    owner: parts.owner,
    today: parts.now,
    todo: parts.todo ?? NO_TODO,
  };
}

/** What templates need read beyond the card, its client, owner and contacts. */
export interface MailNeeds {
  /** The card's next open todo (todo.*). */
  todo: boolean;
  /** The card's custom field values (card.fields.*). */
  fields: boolean;
}

const EVERYTHING: MailNeeds = { todo: true, fields: true };

/** What these template texts (subjects and bodies) need. */
export function mailNeeds(sources: string[]): MailNeeds {
  const variables = sources.flatMap((s) => scanTemplate(s).variables);
  return { todo: variables.some((v) => v === 'todo' || v.startsWith('todo.')), fields: variables.some((v) => v === 'card' || v.startsWith('card.fields')) };
}

/** A card with everything mail about it may show, and its client's contacts (primary first, then by age). */
export interface MailCard {
  id: string;
  client_id: string;
  owner_id: string | null;
  contacts: MailContact[];
  [column: string]: any;
}

/**
 * The cards of a batch of mails with their client, owner, status, pipeline and contacts, and (as
 * `needs` says) their next open todo and custom field values: one statement however many cards.
 */
export async function loadMailCards(em: EntityManager, cardIds: string[], needs: MailNeeds = EVERYTHING): Promise<Map<string, MailCard>> {
  const rows: MailCard[] = await em.query(
    `SELECT c.id, c.client_id, c.owner_id, c.value::float8 AS value, c.currency, c.created_at, s.name AS status, p.name AS pipeline,
            cl.name AS client_name, cl.emails, cl.phones, cl.address, cl.tax_id, cl.website, cl.domain, o.name AS owner_name, o.email AS owner_email,
            ${needs.todo ? 't.title AS todo_title, t.deadline AS todo_deadline' : 'NULL AS todo_title'},
            ${needs.fields ? '(SELECT json_object_agg(f.label, c.custom_values -> f.id::text) FROM custom_fields f WHERE f.pipeline_id = c.pipeline_id AND f.archived_at IS NULL)' : 'NULL'} AS field_values,
            (SELECT coalesce(json_agg(json_build_object('id', ct.id, 'name', ct.name, 'title', ct.title, 'emails', ct.emails, 'phones', ct.phones) ORDER BY ct.is_primary DESC, ct.created_at), '[]')
             FROM contacts ct WHERE ct.client_id = c.client_id AND ct.deleted_at IS NULL) AS contacts
     FROM cards c JOIN clients cl ON cl.id = c.client_id JOIN statuses s ON s.id = c.status_id JOIN pipelines p ON p.id = c.pipeline_id
     LEFT JOIN users o ON o.id = c.owner_id
     ${needs.todo ? 'LEFT JOIN LATERAL (SELECT title, deadline FROM todos WHERE card_id = c.id AND done_at IS NULL AND deleted_at IS NULL ORDER BY deadline LIMIT 1) t ON true' : ''}
     WHERE c.id = ANY($1::uuid[])`,
    [[...new Set(cardIds)]],
  );
  return byId(rows);
}

// Custom field labels are few and the same in every mail: their template keys are worked out once.
const fieldKeys = new Map<string, string>();
function keyOf(label: string): string {
  let key = fieldKeys.get(label);
  if (key === undefined) {
    if (fieldKeys.size >= 1000) fieldKeys.clear();
    fieldKeys.set(label, (key = fieldKey(label)));
  }
  return key;
}

/** The context of a mail about a card, to one of its client's contacts (or to a user: no contact). */
export function cardMailContext(card: MailCard, contactId: string | null, sender: Record<string, any> | undefined, now: Date): Record<string, any> {
  return mailContext({
    card: {
      status: card.status,
      value: card.value,
      currency: card.currency,
      createdAt: card.created_at,
      pipeline: card.pipeline,
      fields: Object.fromEntries(Object.entries(card.field_values ?? {}).map(([label, value]) => [keyOf(label), value ?? null])),
    },
    client: card,
    contact: contactId ? card.contacts.find((c) => c.id === contactId) : null,
    sender,
    owner: { name: card.owner_name, email: card.owner_email },
    todo: card.todo_title ? { title: card.todo_title, deadline: new Date(card.todo_deadline) } : NO_TODO,
    now,
  });
}

/** The contexts of many mails about cards: one statement for the cards, one for the senders. */
export async function buildMailContexts(em: EntityManager, inputs: MailContextInput[]): Promise<Array<Record<string, any>>> {
  if (!inputs.length) return [];
  const cards = await loadMailCards(em, inputs.map((i) => i.cardId));
  const senders = await loadSenders(em, inputs.map((i) => i.senderId));
  return inputs.map((input) => {
    const card = cards.get(input.cardId);
    if (!card) throw new Error(`card ${input.cardId} not found`);
    return cardMailContext(card, input.contactId, senders.get(input.senderId), input.now);
  });
}

/** The context of one mail. */
export async function buildMailContext(em: EntityManager, input: MailContextInput): Promise<Record<string, any>> {
  return (await buildMailContexts(em, [input]))[0];
}
