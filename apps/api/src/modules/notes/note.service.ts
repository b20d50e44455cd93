import { Note } from '@crm/db';
import { DataSource, EntityManager } from 'typeorm';
import { forbidden, notFound } from '../../graphql/errors';
import { visibleCard } from '../access/guard';
import type { Viewer } from '@crm/db';
import { recordAudit } from '../audit/audit';
import type { NoteType } from './note.types';

const SELECT = `SELECT n.id, n.card_id, n.body, n.created_at, n.updated_at, u.id AS author_id, u.name AS author_name FROM notes n LEFT JOIN users u ON u.id = n.author_id`;
const toNote = (r: Record<string, any>): NoteType => ({
  id: r.id,
  cardId: r.card_id,
  body: r.body,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  author: r.author_id ? { id: r.author_id, name: r.author_name } : null,
});

/** Notes on a card; authors edit their own. */
export class NoteService {
  constructor(private readonly ds: DataSource) {}

  async list(viewer: Viewer, cardId: string): Promise<NoteType[]> {
    await visibleCard(this.ds.manager, viewer, cardId);
    return (await this.ds.query(`${SELECT} WHERE n.card_id = $1 AND n.deleted_at IS NULL ORDER BY n.created_at DESC`, [cardId])).map(toNote);
  }

  private async get(em: EntityManager, id: string) {
    return toNote((await em.query(`${SELECT} WHERE n.id = $1`, [id]))[0]);
  }

  private async own(em: EntityManager, viewer: Viewer, id: string) {
    const note = await em.getRepository(Note).findOneBy({ id });
    if (!note) throw notFound('Note');
    const card = await visibleCard(em, viewer, note.cardId);
    if (note.authorId !== viewer.id) throw forbidden();
    return { note, card };
  }

  create(viewer: Viewer, cardId: string, body: string): Promise<NoteType> {
    return this.ds.transaction(async (em) => {
      const card = await visibleCard(em, viewer, cardId);
      const note = await em.getRepository(Note).save({ cardId, clientId: card.client_id, authorId: viewer.id, body: body.trim() });
      await recordAudit(em, [{ actorId: viewer.id, action: 'create', entity: 'note', entityId: note.id, cardId, clientId: card.client_id, changes: { body: [null, note.body] } }]);
      return this.get(em, note.id);
    });
  }

  update(viewer: Viewer, id: string, body: string): Promise<NoteType> {
    return this.ds.transaction(async (em) => {
      const { note, card } = await this.own(em, viewer, id);
      await em.getRepository(Note).update(id, { body: body.trim() });
      await recordAudit(em, [{ actorId: viewer.id, action: 'update', entity: 'note', entityId: id, cardId: card.id, clientId: card.client_id, changes: { body: [note.body, body.trim()] } }]);
      return this.get(em, id);
    });
  }

  delete(viewer: Viewer, id: string): Promise<boolean> {
    return this.ds.transaction(async (em) => {
      const { note, card } = await this.own(em, viewer, id);
      await em.getRepository(Note).softDelete(id);
      await recordAudit(em, [{ actorId: viewer.id, action: 'delete', entity: 'note', entityId: id, cardId: card.id, clientId: card.client_id, changes: { body: [note.body, null] } }]);
      return true;
    });
  }
}
