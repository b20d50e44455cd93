import { cancelForTrash, Card, Client, clientHasHiddenCards, emlFile, SqlParams, type FileStorage } from '@crm/db';
import { rm } from 'node:fs/promises';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, notFound, refused } from '../../graphql/errors';
import { visibleCard, visibleClient } from '../access/guard';
import type { Viewer } from '@crm/db';
import { recordAudit } from '../audit/audit';
import { TrashItem, TrashKind } from './trash.types';

/** Per kind: its table, how to name an item, and how to reach its client. */
const KINDS: Record<TrashKind, { table: string; entity: string; name: string; client: string }> = {
  CLIENT: { table: 'clients', entity: 'client', name: 't.name', client: 't.id' },
  CARD: { table: 'cards', entity: 'card', name: "(SELECT name FROM clients WHERE id = t.client_id) || ' · ' || (SELECT name FROM pipelines WHERE id = t.pipeline_id)", client: 't.client_id' },
  CONTACT: { table: 'contacts', entity: 'contact', name: 't.name', client: 't.client_id' },
  TODO: { table: 'todos', entity: 'todo', name: 't.title', client: '(SELECT client_id FROM cards WHERE id = t.card_id)' },
  NOTE: { table: 'notes', entity: 'note', name: 'left(t.body, 80)', client: 't.client_id' },
  DEAL: { table: 'deals', entity: 'deal', name: 't.title', client: 't.client_id' },
  DOCUMENT: { table: 'documents', entity: 'document', name: 't.name', client: 't.client_id' },
};

/**
 * Nothing is hard-deleted from the UI: deleted items keep a deleted_at and vanish from every read.
 * Deleting a client puts its cards in the trash with it (at the same instant), and restoring it
 * brings them back; putting cards in the trash ends their automation enrolments and cancels their
 * queued mail (restoring sends none of it). Admins list the trash, restore, or purge for good:
 * purging deletes every row that points to the item, its documents' bytes and its mail bodies.
 */
export class TrashService {
  constructor(
    private readonly ds: DataSource,
    /** Told after cards change (null: any pipeline), so automations can enrol or release them. */
    private readonly onCardsChanged: (pipelineId: string | null) => Promise<void> = async () => undefined,
    /** Where documents' bytes and (without SMTP) sent mail live, for purging. */
    private readonly stores: { files?: FileStorage; mailDir?: string } = {},
  ) {}

  /** Puts a client and its cards in the trash. */
  async deleteClient(viewer: Viewer, clientId: string): Promise<boolean> {
    await this.ds.transaction(async (em) => {
      await visibleClient(em, viewer, clientId);
      await refuseHiddenCards(em, viewer, clientId);
      const [{ now }] = await em.query('SELECT now() AS now');
      // (TypeORM answers an UPDATE with [rows, count].)
      const [cards]: [Array<{ id: string }>, number] = await em.query(`UPDATE cards SET deleted_at = $1, updated_at = $1 WHERE client_id = $2 AND deleted_at IS NULL RETURNING id`, [now, clientId]);
      await em.query(`UPDATE clients SET deleted_at = $1 WHERE id = $2`, [now, clientId]);
      await cancelForTrash(em, cards.map((c) => c.id), [clientId], now);
      await recordAudit(em, [
        { actorId: viewer.id, action: 'delete', entity: 'client', entityId: clientId, clientId, changes: { cards: [cards.length, 0] } },
        ...cards.map((c) => ({ actorId: viewer.id, action: 'delete', entity: 'card', entityId: c.id, clientId, cardId: c.id })),
      ]);
    });
    await this.onCardsChanged(null);
    return true;
  }

  /** Puts one card in the trash (the client stays). */
  async deleteCard(viewer: Viewer, cardId: string): Promise<boolean> {
    const pipelineId = await this.ds.transaction(async (em) => {
      const card = await visibleCard(em, viewer, cardId, { forUpdate: true });
      await em.query(`UPDATE cards SET deleted_at = now(), updated_at = now() WHERE id = $1`, [cardId]);
      await cancelForTrash(em, [cardId], [], new Date());
      await recordAudit(em, [{ actorId: viewer.id, action: 'delete', entity: 'card', entityId: cardId, clientId: card.client_id, cardId }]);
      return card.pipeline_id;
    });
    await this.onCardsChanged(pipelineId);
    return true;
  }

  async list(kind: TrashKind | null, limit: number): Promise<TrashItem[]> {
    const kinds = kind ? [kind] : (Object.keys(KINDS) as TrashKind[]);
    const parts = kinds.map((k) => {
      const d = KINDS[k];
      return `SELECT '${k}' AS kind, t.id, ${d.name} AS name, (SELECT name FROM clients WHERE id = ${d.client}) AS client_name, t.deleted_at,
        (SELECT a.actor_id FROM audit_log a WHERE a.entity = '${d.entity}' AND a.entity_id = t.id AND a.action = 'delete' ORDER BY a.at DESC LIMIT 1) AS actor_id
        FROM ${d.table} t WHERE t.deleted_at IS NOT NULL`;
    });
    const rows = await this.ds.query(
      `SELECT x.*, u.name AS actor_name FROM (${parts.join(' UNION ALL ')}) x LEFT JOIN users u ON u.id = x.actor_id ORDER BY x.deleted_at DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r: Record<string, any>) => ({
      kind: r.kind,
      id: r.id,
      name: r.name ?? '',
      clientName: r.client_name,
      deletedAt: r.deleted_at,
      deletedBy: r.actor_id ? { id: r.actor_id, name: r.actor_name } : null,
    }));
  }

  /** Brings an item back, with what was deleted along with it (a client's cards). */
  async restore(actorId: string, kind: TrashKind, id: string): Promise<boolean> {
    await this.ds.transaction(async (em) => {
      const item = await this.trashed(em, kind, id);
      if (kind === TrashKind.CLIENT) {
        await em.query(`UPDATE cards SET deleted_at = NULL, updated_at = now() WHERE client_id = $1 AND deleted_at = $2`, [id, item.deleted_at]);
      }
      if (kind === TrashKind.CARD) {
        const card = await em.getRepository(Card).findOneOrFail({ where: { id }, withDeleted: true });
        const client = await em.getRepository(Client).findOne({ where: { id: card.clientId }, withDeleted: true });
        if (client?.deletedAt) throw refused('RESTORE_CLIENT_FIRST', 'Restore its client first.');
        const clash = await em.getRepository(Card).existsBy({ clientId: card.clientId, pipelineId: card.pipelineId });
        if (clash) throw refused('CARD_EXISTS', 'The client already has a card in that pipeline.');
      }
      await em.query(`UPDATE ${KINDS[kind].table} SET deleted_at = NULL WHERE id = $1`, [id]);
      if (kind === TrashKind.CARD || kind === TrashKind.TODO) await em.query(`UPDATE cards SET updated_at = now() WHERE id = $1`, [item.card_id ?? id]);
      await recordAudit(em, [{ actorId, action: 'restore', entity: KINDS[kind].entity, entityId: id, clientId: item.client_id ?? null, cardId: item.card_id ?? (kind === TrashKind.CARD ? id : null) }]);
    });
    if (kind === TrashKind.CLIENT || kind === TrashKind.CARD) await this.onCardsChanged(null);
    return true;
  }

  /**
   * Deletes an item for good: a client or card with every row that points to it (cards, contacts,
   * todos, notes, deals, documents, mail in and out go by foreign key; automation runs and History
   * here), then, once committed, its documents' bytes and its mails' .eml files.
   */
  async purge(actorId: string, kind: TrashKind, id: string): Promise<boolean> {
    const leftovers = await this.ds.transaction(async (em) => {
      const item = await this.trashed(em, kind, id);
      const files: string[] = [];
      const mails: string[] = [];
      if (kind === TrashKind.CLIENT || kind === TrashKind.CARD) {
        const cardIds: string[] = (await em.query(kind === TrashKind.CLIENT ? `SELECT id FROM cards WHERE client_id = $1` : `SELECT id FROM cards WHERE id = $1`, [id])).map((c: { id: string }) => c.id);
        const clientId = kind === TrashKind.CLIENT ? id : null;
        if (clientId) files.push(...(await em.query(`SELECT storage_key FROM documents WHERE client_id = $1`, [clientId])).map((d: { storage_key: string }) => d.storage_key));
        mails.push(...(await em.query(`SELECT message_id FROM outbox_mails WHERE card_id = ANY($1::uuid[]) OR client_id = $2`, [cardIds, clientId])).map((m: { message_id: string }) => m.message_id));
        await em.query(`DELETE FROM automation_runs WHERE card_id = ANY($1::uuid[])`, [cardIds]);
        await em.query(`DELETE FROM automation_enrolments WHERE card_id = ANY($1::uuid[])`, [cardIds]);
        await em.query(`DELETE FROM audit_log WHERE card_id = ANY($1::uuid[]) OR client_id = $2`, [cardIds, clientId]);
      }
      if (kind === TrashKind.DOCUMENT) files.push(...(await em.query(`SELECT storage_key FROM documents WHERE id = $1`, [id])).map((d: { storage_key: string }) => d.storage_key));
      await em.query(`DELETE FROM ${KINDS[kind].table} WHERE id = $1`, [id]);
      await recordAudit(em, [{ actorId, action: 'purge', entity: KINDS[kind].entity, entityId: id, clientId: null, cardId: null, changes: { name: [item.name, null] } }]);
      return { files, mails };
    });
    // After the commit (a rollback must not lose bytes); a missing file is no error.
    const { files, mailDir } = this.stores;
    await Promise.all([
      ...(files ? leftovers.files.map((key) => files.delete(key)) : []),
      ...(mailDir ? leftovers.mails.map((messageId) => rm(emlFile(mailDir, messageId), { force: true })) : []),
    ]);
    return true;
  }

  private async trashed(em: EntityManager, kind: TrashKind, id: string) {
    const d = KINDS[kind];
    const cardCol = kind === TrashKind.TODO ? 't.card_id' : kind === TrashKind.NOTE ? 't.card_id' : 'NULL::uuid';
    const [row] = await em.query(`SELECT t.id, t.deleted_at, ${d.name} AS name, ${kind === TrashKind.CLIENT ? 't.id' : kind === TrashKind.TODO ? d.client : 't.client_id'} AS client_id, ${cardCol} AS card_id FROM ${d.table} t WHERE t.id = $1 AND t.deleted_at IS NOT NULL FOR UPDATE`, [id]);
    if (!row) throw notFound('Item in the trash');
    return row as { id: string; deleted_at: Date; name: string; client_id: string | null; card_id: string | null };
  }
}

/** Trashing a client trashes its cards: refused while it has cards the viewer may not see (another owner's). */
async function refuseHiddenCards(em: EntityManager, viewer: Viewer, clientId: string): Promise<void> {
  const p = new SqlParams();
  const [{ hidden }] = await em.query(`SELECT ${clientHasHiddenCards(viewer, p)} AS hidden FROM clients cl WHERE cl.id = ${p.param(clientId)}`, p.values);
  if (hidden) throw new AppError('CONFLICT', 'This client has cards of other owners; it cannot be deleted.', { reason: 'CLIENT_HAS_HIDDEN_CARDS' });
}
