import type { EntityManager } from 'typeorm';
import { RichText } from '../mail/signature';

export interface ClientMailInput {
  clientId: string;
  contactId: string | null;
  senderId: string;
  now: Date;
}

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

/**
 * Template values for mail to a client rather than a card (a campaign): the client, the contact,
 * the sender and the client's owner; card and todo values are empty. One query each, however many.
 */
export async function buildClientMailContexts(em: EntityManager, inputs: ClientMailInput[]): Promise<Array<Record<string, any>>> {
  if (!inputs.length) return [];
  const clients = byId<Record<string, any> & { id: string }>(
    await em.query(
      `SELECT cl.id, cl.name, cl.emails, cl.phones, cl.address, cl.tax_id, cl.website, cl.domain, o.name AS owner_name, o.email AS owner_email
       FROM clients cl LEFT JOIN users o ON o.id = cl.owner_id WHERE cl.id = ANY($1::uuid[])`,
      [[...new Set(inputs.map((i) => i.clientId))]],
    ),
  );
  const contactIds = [...new Set(inputs.map((i) => i.contactId).filter((x): x is string => !!x))];
  const contacts = byId<Record<string, any> & { id: string }>(contactIds.length ? await em.query(`SELECT id, name, title, emails, phones FROM contacts WHERE id = ANY($1::uuid[])`, [contactIds]) : []);
  const senders = byId<Record<string, any> & { id: string }>(await em.query(`SELECT id, name, email, signature FROM users WHERE id = ANY($1::uuid[])`, [[...new Set(inputs.map((i) => i.senderId))]]));
  return inputs.map((input) => {
    const client: Record<string, any> = clients.get(input.clientId) ?? {};
    const contact = input.contactId ? contacts.get(input.contactId) : undefined;
    const sender = senders.get(input.senderId);
    return {
      card: { status: null, value: null, currency: null, createdAt: null, pipeline: null, fields: {} },
      client: { name: client.name ?? null, email: client.emails?.[0] ?? null, phone: client.phones?.[0] ?? null, address: client.address ?? null, taxId: client.tax_id ?? null, website: client.website ?? null, domain: client.domain ?? null },
      contact: contact
        ? { name: contact.name, firstName: contact.name.split(/\s+/)[0], email: contact.emails?.[0] ?? null, phone: contact.phones?.[0] ?? null, title: contact.title }
        : { name: null, firstName: null, email: null, phone: null, title: null },
      sender: { name: sender?.name ?? null, email: sender?.email ?? null, signature: RichText.fromSignature(sender?.signature) },
      owner: { name: client.owner_name ?? null, email: client.owner_email ?? null },
      today: input.now,
      todo: { title: null, deadline: null },
    };
  });
}
