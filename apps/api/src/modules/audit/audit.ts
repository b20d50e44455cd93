import { AuditEntry } from '@crm/db';
import type { EntityManager } from 'typeorm';

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
