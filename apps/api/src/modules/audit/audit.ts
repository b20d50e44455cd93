import { AuditEntry } from '@crm/db';
import type { DataSource, EntityManager } from 'typeorm';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  clientId?: string | null;
  cardId?: string | null;
  changes?: Record<string, [unknown, unknown]>;
}

/** Writes audit rows inside the caller's transaction, so a change and its record land together. */
export async function recordAudit(em: EntityManager, records: AuditRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += 1000) {
    await em
      .createQueryBuilder()
      .insert()
      .into(AuditEntry)
      .values(records.slice(i, i + 1000).map((r) => ({ ...r, clientId: r.clientId ?? null, cardId: r.cardId ?? null, changes: (r.changes ?? {}) as never })))
      .execute();
  }
}

/** What changed between two versions of a row, for the given fields ({ field: [old, new] }). */
export function diff<T extends object>(before: Partial<T> | null, after: Partial<T>, fields: Array<keyof T>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const f of fields) {
    const a = before?.[f] ?? null;
    const b = after[f] ?? null;
    if (after[f] !== undefined && JSON.stringify(a) !== JSON.stringify(b)) out[f as string] = [a, b];
  }
  return out;
}

/**
 * Runs a change and writes its audit row in the same transaction. `change` returns the row's id,
 * what changed, and the result to hand back; nothing is recorded when nothing changed.
 */
export function withAudit<T>(
  ds: DataSource,
  actorId: string,
  entity: string,
  action: string,
  change: (em: EntityManager) => Promise<{ id: string; changes: Record<string, [unknown, unknown]>; result: T }>,
): Promise<T> {
  return ds.transaction(async (em) => {
    const { id, changes, result } = await change(em);
    if (action !== 'update' || Object.keys(changes).length) await recordAudit(em, [{ actorId, action, entity, entityId: id, changes }]);
    return result;
  });
}
