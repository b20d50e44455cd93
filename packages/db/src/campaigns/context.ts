import type { EntityManager } from 'typeorm';
import { loadSenders, mailContext } from '../mail/context';

export interface ClientMailInput {
  clientId: string;
  contactId: string | null;
  senderId: string;
  now: Date;
}

/**
 * Template values for mail to a client rather than a card (a campaign): the client, the contact,
 * the sender and the client's owner; card and todo values are empty. Two statements, however many.
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
  const senders = await loadSenders(em, inputs.map((i) => i.senderId));
  return inputs.map((input, i) => {
    const client = rows[i];
    return mailContext({
      client,
      contact: client.contact_id ? { name: client.contact_name, title: client.contact_title, emails: client.contact_emails, phones: client.contact_phones } : null,
      sender: senders.get(input.senderId),
      owner: { name: client.owner_name ?? null, email: client.owner_email ?? null },
      now: input.now,
    });
  });
}
