import { DataSource } from 'typeorm';
import { SqlParams } from '@crm/db';
import type { AuditFilterInput } from '../audit/audit.types';
import { visibleCard } from '../access/guard';
import type { Viewer } from '@crm/db';
import { HistoryEntry, HistoryKind } from './history.types';

/** What kind of event an audit row is, for the History filter. */
export const HISTORY_KIND_SQL = `CASE
  WHEN a.action = 'merge' THEN 'MERGE'
  WHEN a.entity = 'todo' AND a.action = 'todo_done' THEN 'TODO_DONE'
  WHEN a.entity = 'note' THEN 'NOTE'
  WHEN a.entity = 'email' THEN 'EMAIL'
  WHEN a.entity = 'automation' AND jsonb_typeof(a.changes->'result'->1->'mailIds') = 'array' AND a.changes->'result'->1->'mailIds' <> '[]'::jsonb THEN 'EMAIL'
  WHEN a.entity = 'document' THEN 'DOCUMENT'
  WHEN a.changes ? 'statusId' THEN 'STATUS'
  WHEN a.changes ? 'ownerId' THEN 'OWNER'
  WHEN a.action IN ('update', 'mass_update') THEN 'FIELD'
  ELSE 'OTHER' END`;

/** A card's History: one timeline over the audit trail, newest first. */
export class HistoryService {
  constructor(private readonly ds: DataSource) {}

  async forCard(viewer: Viewer, cardId: string, kinds: HistoryKind[] | null, limit: number): Promise<HistoryEntry[]> {
    const card = await visibleCard(this.ds.manager, viewer, cardId);
    const rows = await this.ds.query(
      `SELECT * FROM (
         SELECT a.id, a.at, a.action, a.entity, a.entity_id, a.changes, a.names, u.id AS actor_id, u.name AS actor_name, ${HISTORY_KIND_SQL} AS kind
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
         WHERE (a.card_id = $1 OR (a.client_id = $2 AND a.card_id IS NULL)) AND a.action <> 'reorder') h
       WHERE $3::text[] IS NULL OR h.kind = ANY($3::text[])
       ORDER BY h.at DESC, h.id DESC LIMIT $4`,
      [card.id, card.client_id, kinds, limit],
    );
    return rows.map(toEntry);
  }

  /** The whole audit trail, for admins: filtered, newest first, paged by id. */
  async auditLog(filter: AuditFilterInput, before: string | null, limit: number): Promise<HistoryEntry[]> {
    const p = new SqlParams();
    const where = ['true'];
    if (filter.entity) where.push(`a.entity = ${p.param(filter.entity)}`);
    if (filter.action) where.push(`a.action = ${p.param(filter.action)}`);
    if (filter.actorId) where.push(`a.actor_id = ${p.param(filter.actorId)}`);
    if (filter.clientId) where.push(`a.client_id = ${p.param(filter.clientId)}`);
    if (filter.from) where.push(`a.at >= ${p.param(filter.from)}`);
    if (filter.to) where.push(`a.at < ${p.param(filter.to)}`);
    if (before && /^\d+$/.test(before)) where.push(`a.id < ${p.param(before)}::bigint`);
    const rows = await this.ds.query(
      `SELECT a.id, a.at, a.action, a.entity, a.entity_id, a.changes, a.names, u.id AS actor_id, u.name AS actor_name, ${HISTORY_KIND_SQL} AS kind
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id WHERE ${where.join(' AND ')} ORDER BY a.id DESC LIMIT ${p.param(limit)}`,
      p.values,
    );
    return rows.map(toEntry);
  }
}

function toEntry(r: Record<string, any>): HistoryEntry {
  return {
    id: r.id,
    at: r.at,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    changes: r.changes,
    names: r.names ?? {},
    kind: r.kind,
    actor: r.actor_id ? { id: r.actor_id, name: r.actor_name } : null,
  };
}
