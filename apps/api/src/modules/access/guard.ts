import type { EntityManager } from 'typeorm';
import { notFound } from '../../graphql/errors';
import { cardVisibility, clientVisibility, SqlParams, type Viewer } from '@crm/db';

export interface CardRef {
  id: string;
  client_id: string;
  pipeline_id: string;
  owner_id: string | null;
}

/**
 * The card if the viewer may see it; NOT_FOUND otherwise. Plain reads take no lock (opening a card
 * must not wait behind a mass update); a caller that writes the card row itself asks for
 * `forUpdate`, which locks it for the rest of its transaction.
 */
export async function visibleCard(em: EntityManager, viewer: Viewer, cardId: string, options: { forUpdate?: boolean } = {}): Promise<CardRef> {
  const p = new SqlParams();
  const [card] = await em.query(
    `SELECT c.id, c.client_id, c.pipeline_id, c.owner_id FROM cards c JOIN clients cl ON cl.id = c.client_id
     WHERE c.id = ${p.param(cardId)} AND ${cardVisibility(viewer, p)}${options.forUpdate ? ' FOR UPDATE OF c' : ''}`,
    p.values,
  );
  if (!card) throw notFound('Card');
  return card;
}

/** The client id if the viewer may see the client; NOT_FOUND otherwise. */
export async function visibleClient(em: EntityManager, viewer: Viewer, clientId: string): Promise<string> {
  const p = new SqlParams();
  const [client] = await em.query(`SELECT cl.id FROM clients cl WHERE cl.id = ${p.param(clientId)} AND ${clientVisibility(viewer, p)}`, p.values);
  if (!client) throw notFound('Client');
  return client.id;
}
