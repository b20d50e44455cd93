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
  // One statement for the batch: each input's client, its owner and the contact, in input order.
  const rows: Array<Record<string, any>> = await em.query(
    `SELECT cl.name, cl.emails, cl.phones, cl.address, cl.tax_id, cl.website, cl.domain, o.name AS owner_name, o.email AS owner_email,
            ct.id AS contact_id, ct.name AS contact_name, ct.title AS contact_title, ct.emails AS contact_emails, ct.phones AS contact_phones
     FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS x(client_id, contact_id, i)
     LEFT JOIN clients cl ON cl.id = x.client_id LEFT JOIN users o ON o.id = cl.owner_id LEFT JOIN contacts ct ON ct.id = x.contact_id
     ORDER BY x.i`,
    [inputs.map((i) => i.clientId), inputs.map((i) => i.contactId)],
  );
  const senders = byId<Record<string, any> & { id: string }>(await em.query(`SELECT id, name, email, signature FROM users WHERE id = ANY($1::uuid[])`, [[...new Set(inputs.map((i) => i.senderId))]]));
  return inputs.map((input, i) => {
    const client = rows[i];
    const sender = senders.get(input.senderId);
    return {
      card: { status: null, value: null, currency: null, createdAt: null, pipeline: null, fields: {} },
      client: { name: client.name ?? null, email: client.emails?.[0] ?? null, phone: client.phones?.[0] ?? null, address: client.address ?? null, taxId: client.tax_id ?? null, website: client.website ?? null, domain: client.domain ?? null },
      contact: client.contact_id
        ? { name: client.contact_name, firstName: client.contact_name.split(/\s+/)[0], email: client.contact_emails?.[0] ?? null, phone: client.contact_phones?.[0] ?? null, title: client.contact_title }
        : { name: null, firstName: null, email: null, phone: null, title: null },
      sender: { name: sender?.name ?? null, email: sender?.email ?? null, signature: RichText.fromSignature(sender?.signature) },
      owner: { name: client.owner_name ?? null, email: client.owner_email ?? null },
      today: input.now,
      todo: { title: null, deadline: null },
    };
  });
}
