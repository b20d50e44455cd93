import { MassUpdate, type Viewer } from '@crm/db';
import { MASS_UNDO_MINUTES, Role } from '@crm/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, forbidden, notFound } from '../../graphql/errors';
import { recordAudit } from '../audit/audit';
import type { CardChangeInput } from './card.types';


/** The fields a mass action can change, in the order the UI names them. */
const CHANGE_FIELDS = ['statusId', 'ownerId', 'clearOwner', 'addTagId', 'addCategoryId', 'classificationId', 'departmentId'];

export interface MassSnapshot {
  id: string;
  undoUntil: Date;
}

interface Restored {
  card_id: string;
  client_id: string;
  field: string;
  from: string | null;
  to: string | null;
}

/**
 * Called by the mass update in its own transaction, after its cards are locked and before they change:
 * keeps every selected card's previous values in one set-based INSERT ... SELECT from the cards the
 * mass update put in its transaction's `mass_targets` table (card.service.ts).
 */
export async function snapshotMassUpdate(em: EntityManager, input: { actorId: string; pipelineId: string; change: CardChangeInput }): Promise<MassSnapshot> {
  const change = Object.fromEntries(Object.entries({ ...input.change }).filter(([, v]) => v !== undefined && v !== null && v !== false));
  const [row] = await em.query(
    `INSERT INTO mass_updates (actor_id, pipeline_id, change, matched, undo_until)
     VALUES ($1, $2, $3, (SELECT count(*) FROM mass_targets), now() + make_interval(mins => $4)) RETURNING id, undo_until`,
    [input.actorId, input.pipelineId, JSON.stringify(change), MASS_UNDO_MINUTES],
  );
  await em.query(
    `INSERT INTO mass_update_cards (mass_update_id, card_id, client_id, status_id, position, status_changed_at, owner_id, classification_id, department_id, had_tag, had_category)
     SELECT $1, c.id, c.client_id, c.status_id, c.position, c.status_changed_at, c.owner_id, cl.classification_id, cl.department_id,
            CASE WHEN $2::uuid IS NULL THEN NULL ELSE EXISTS (SELECT 1 FROM client_tags ct WHERE ct.client_id = c.client_id AND ct.tag_id = $2::uuid) END,
            CASE WHEN $3::uuid IS NULL THEN NULL ELSE EXISTS (SELECT 1 FROM client_categories k WHERE k.client_id = c.client_id AND k.category_id = $3::uuid) END
     FROM mass_targets t JOIN cards c ON c.id = t.id JOIN clients cl ON cl.id = c.client_id`,
    [row.id, input.change.addTagId ?? null, input.change.addCategoryId ?? null],
  );
  return { id: row.id, undoUntil: new Date(row.undo_until) };
}

/** Records how many cards the action changed; one that changed nothing offers no undo. */
export async function finishMassUpdate(em: EntityManager, id: string, changed: number): Promise<void> {
  if (changed === 0) await em.query(`DELETE FROM mass_update_cards WHERE mass_update_id = $1`, [id]);
  await em.query(`UPDATE mass_updates SET changed = $2, undo_until = CASE WHEN $2 = 0 THEN created_at ELSE undo_until END WHERE id = $1`, [id, changed]);
}


/** The rows of an UPDATE or DELETE ... RETURNING (TypeORM answers those with [rows, count]). */
function returned<T = Record<string, any>>(result: unknown): T[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? result[0] : (result as T[]);
}

/**
 * Lists recent mass actions and undoes them from the snapshot snapshotMassUpdate kept.
 */
export class MassUndoService {
  constructor(
    private readonly ds: DataSource,
    /** Told after an undo, so automations can enrol or release the cards. */
    private readonly onCardsChanged: (pipelineId: string | null) => Promise<void> = async () => undefined,
  ) {}

  /** Recent mass actions (newest first): everyone's for admins, one's own for others. */
  async recent(viewer: Viewer, limit: number) {
    const rows: Array<Record<string, any>> = await this.ds.query(
      `SELECT m.id, m.actor_id, u.name AS actor_name, m.pipeline_id, p.name AS pipeline_name, m.change, m.matched, m.changed,
              m.created_at, m.undo_until, m.undone_at, (m.undone_at IS NULL AND m.undo_until > now() AND m.changed > 0) AS can_undo
       FROM mass_updates m LEFT JOIN users u ON u.id = m.actor_id LEFT JOIN pipelines p ON p.id = m.pipeline_id
       WHERE ($1::uuid IS NULL OR m.actor_id = $1) AND m.changed > 0
       ORDER BY m.created_at DESC LIMIT $2`,
      [viewer.role === Role.Admin ? null : viewer.id, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      actor: r.actor_name ? { id: r.actor_id, name: r.actor_name } : null,
      pipelineId: r.pipeline_id,
      pipelineName: r.pipeline_name ?? '',
      fields: CHANGE_FIELDS.filter((field) => field in (r.change ?? {})),
      matched: r.matched,
      changed: r.changed,
      createdAt: r.created_at,
      undoUntil: r.undo_until,
      undoneAt: r.undone_at,
      canUndo: r.can_undo,
    }));
  }

  /**
   * Puts back what a mass action changed, card by card and field by field, but only where the value
   * is still the one the action set (a later edit by anyone wins). The person who ran it, or an admin,
   * may undo it within MASS_UNDO_MINUTES; trashed cards are left alone. Audited per card.
   */
  async undo(viewer: Viewer, id: string): Promise<{ restored: number }> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('Mass action');
    const result = await this.ds.transaction(async (em) => {
      const mass = await em.getRepository(MassUpdate).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!mass) throw notFound('Mass action');
      if (mass.actorId !== viewer.id && viewer.role !== Role.Admin) throw forbidden();
      if (mass.undoneAt) throw new AppError('CONFLICT', 'This mass action was already undone.', { reason: 'ALREADY_UNDONE' });
      if (mass.undoUntil.getTime() <= Date.now() || mass.changed === 0) {
        throw new AppError('CONFLICT', `A mass action can be undone for ${MASS_UNDO_MINUTES} minutes only.`, { reason: 'UNDO_EXPIRED', params: { minutes: MASS_UNDO_MINUTES } });
      }
      const change = mass.change as CardChangeInput;
      const restored: Restored[] = [];
      const run = async (sql: string, params: unknown[]) => restored.push(...(returned(await em.query(sql, params)) as Restored[]));

      if (change.statusId) {
        // Back to the old status and place, unless the old status was archived meanwhile.
        await run(
          `UPDATE cards c SET status_id = m.status_id, position = m.position, status_changed_at = m.status_changed_at, updated_at = now()
           FROM mass_update_cards m JOIN statuses s ON s.id = m.status_id
           WHERE m.mass_update_id = $1 AND c.id = m.card_id AND c.deleted_at IS NULL AND s.archived_at IS NULL
             AND c.status_id = $2 AND m.status_id <> $2
           RETURNING c.id AS card_id, c.client_id, 'statusId' AS field, $2::text AS "from", m.status_id::text AS "to"`,
          [id, change.statusId],
        );
      }
      if (change.ownerId || change.clearOwner) {
        const target = change.ownerId ?? null;
        await run(
          `UPDATE cards c SET owner_id = m.owner_id, updated_at = now()
           FROM mass_update_cards m
           WHERE m.mass_update_id = $1 AND c.id = m.card_id AND c.deleted_at IS NULL
             AND c.owner_id IS NOT DISTINCT FROM $2::uuid AND m.owner_id IS DISTINCT FROM $2::uuid
           RETURNING c.id AS card_id, c.client_id, 'ownerId' AS field, $2::text AS "from", m.owner_id::text AS "to"`,
          [id, target],
        );
      }
      const clientField = async (column: 'classification_id' | 'department_id', field: string, target: string) => {
        const clients: Array<{ client_id: string; before: string | null }> = returned(await em.query(
          `UPDATE clients cl SET ${column} = m.before, updated_at = now()
           FROM (SELECT DISTINCT client_id, ${column} AS before FROM mass_update_cards WHERE mass_update_id = $1) m
           WHERE cl.id = m.client_id AND cl.deleted_at IS NULL AND cl.${column} = $2 AND m.before IS DISTINCT FROM $2
           RETURNING cl.id AS client_id, m.before::text AS before`,
          [id, target],
        ));
        await this.perCard(em, id, clients, field, target, restored);
      };
      if (change.classificationId) await clientField('classification_id', 'classificationId', change.classificationId);
      if (change.departmentId) await clientField('department_id', 'departmentId', change.departmentId);

      const link = async (table: 'client_tags' | 'client_categories', column: 'tag_id' | 'category_id', had: 'had_tag' | 'had_category', field: string, labelId: string) => {
        const clients: Array<{ client_id: string }> = returned(await em.query(
          `DELETE FROM ${table} x USING (SELECT DISTINCT client_id FROM mass_update_cards WHERE mass_update_id = $1 AND ${had} = false) m
           WHERE x.client_id = m.client_id AND x.${column} = $2
           RETURNING x.client_id`,
          [id, labelId],
        ));
        await this.perCard(em, id, clients.map((c) => ({ ...c, before: null })), field, labelId, restored);
      };
      if (change.addTagId) await link('client_tags', 'tag_id', 'had_tag', 'removeTag', change.addTagId);
      if (change.addCategoryId) await link('client_categories', 'category_id', 'had_category', 'removeCategory', change.addCategoryId);

      const changes = new Map<string, { clientId: string; changes: Record<string, [unknown, unknown]> }>();
      for (const r of restored) {
        const entry = changes.get(r.card_id) ?? { clientId: r.client_id, changes: {} };
        entry.changes[r.field] = [r.from, r.to];
        changes.set(r.card_id, entry);
      }
      const cardIds = [...changes.keys()];
      await em.query(`UPDATE cards SET updated_at = now() WHERE id = ANY($1::uuid[])`, [cardIds]);
      await recordAudit(em, [
        { actorId: viewer.id, action: 'mass_undo', entity: 'mass_update', entityId: id, changes: { cards: [mass.changed, cardIds.length] } },
        ...cardIds.map((cardId) => ({ actorId: viewer.id, action: 'mass_undo', entity: 'card', entityId: cardId, cardId, clientId: changes.get(cardId)!.clientId, changes: changes.get(cardId)!.changes })),
      ]);
      await em.query(`UPDATE mass_updates SET undone_at = now(), undone_by = $2 WHERE id = $1`, [id, viewer.id]);
      return { restored: cardIds.length, pipelineId: mass.pipelineId };
    });
    if (result.restored) await this.onCardsChanged(result.pipelineId);
    return { restored: result.restored };
  }

  /** The cards of the action on each client a client-level undo touched, with the field's old and new value. */
  private async perCard(em: EntityManager, id: string, clients: Array<{ client_id: string; before: string | null }>, field: string, target: string, out: Restored[]) {
    if (!clients.length) return;
    const before = new Map(clients.map((c) => [c.client_id, c.before]));
    const cards: Array<{ card_id: string; client_id: string }> = await em.query(
      `SELECT card_id, client_id FROM mass_update_cards WHERE mass_update_id = $1 AND client_id = ANY($2::uuid[])`,
      [id, [...before.keys()]],
    );
    for (const c of cards) out.push({ card_id: c.card_id, client_id: c.client_id, field, from: target, to: before.get(c.client_id) ?? null });
  }
}
