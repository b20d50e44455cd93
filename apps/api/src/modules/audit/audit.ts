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

/** Change keys whose values are ids, and the table that names them. */
const NAMED_KEYS: Record<string, string> = {
  statusId: 'statuses',
  ownerId: 'users',
  assigneeId: 'users',
  actorId: 'users',
  pipelineId: 'pipelines',
  classificationId: 'classifications',
  departmentId: 'departments',
  departmentIds: 'departments',
  categoryIds: 'categories',
  addCategory: 'categories',
  tagIds: 'tags',
  addTag: 'tags',
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The table naming a change key's ids; a custom field's values that are ids are users (USER fields). */
function namingTable(key: string): string | null {
  return NAMED_KEYS[key] ?? (key.startsWith('field:') ? 'users' : null);
}

function idsIn(value: unknown): string[] {
  if (typeof value === 'string') return UUID.test(value) ? [value] : [];
  return Array.isArray(value) ? value.flatMap(idsIn) : [];
}

/** The names of the ids that change keys refer to (ids under keys that name nothing are left out). */
export async function namesById(em: EntityManager, refs: Array<{ key: string; id: string }>): Promise<Record<string, string>> {
  const wanted = new Map<string, Set<string>>();
  for (const { key, id } of refs) {
    const table = namingTable(key);
    if (table && UUID.test(id)) wanted.set(table, new Set([...(wanted.get(table) ?? []), id]));
  }
  const out: Record<string, string> = {};
  for (const [table, ids] of wanted) {
    const rows: Array<{ id: string; name: string }> = await em.query(`SELECT id, name FROM ${table} WHERE id = ANY($1::uuid[])`, [[...ids]]);
    for (const row of rows) out[row.id] = row.name;
  }
  return out;
}

/**
 * The names, as they are now (inside the change's transaction), of every id the changes refer to:
 * { key: [old names, new names] } with the same shape as the values (a list for a list).
 */
async function namesOf(em: EntityManager, records: AuditRecord[]): Promise<Array<Record<string, [unknown, unknown]>>> {
  const wanted = new Map<string, Set<string>>();
  for (const r of records) {
    for (const [key, pair] of Object.entries(r.changes ?? {})) {
      const table = namingTable(key);
      if (!table || !Array.isArray(pair)) continue;
      const ids = idsIn(pair);
      if (ids.length) wanted.set(table, new Set([...(wanted.get(table) ?? []), ...ids]));
    }
  }
  const names = new Map<string, Map<string, string>>();
  for (const [table, ids] of wanted) {
    const rows: Array<{ id: string; name: string }> = await em.query(`SELECT id, name FROM ${table} WHERE id = ANY($1::uuid[])`, [[...ids]]);
    names.set(table, new Map(rows.map((row) => [row.id, row.name])));
  }
  return records.map((r) => {
    const out: Record<string, [unknown, unknown]> = {};
    for (const [key, pair] of Object.entries(r.changes ?? {})) {
      const known = names.get(namingTable(key) ?? '');
      if (!known || !Array.isArray(pair)) continue;
      const name = (value: unknown): unknown => (Array.isArray(value) ? value.map(name) : typeof value === 'string' ? (known.get(value) ?? null) : null);
      if (idsIn(pair).some((id) => known.has(id))) out[key] = [name(pair[0]), name(pair[1])];
    }
    return out;
  });
}

/**
 * Writes audit rows inside the caller's transaction, so a change and its record land together,
 * each with the names of the statuses, users and labels it refers to as they are at this moment.
 */
export async function recordAudit(em: EntityManager, records: AuditRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += 1000) {
    const batch = records.slice(i, i + 1000);
    const names = await namesOf(em, batch);
    // One plain statement (TypeORM's insert builder spent more CPU on it than PostgreSQL does).
    await em.query(
      `INSERT INTO audit_log (actor_id, action, entity, entity_id, client_id, card_id, changes, names)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::uuid[], $5::uuid[], $6::uuid[], $7::jsonb[], $8::jsonb[])`,
      [
        batch.map((r) => r.actorId),
        batch.map((r) => r.action),
        batch.map((r) => r.entity),
        batch.map((r) => r.entityId),
        batch.map((r) => r.clientId ?? null),
        batch.map((r) => r.cardId ?? null),
        batch.map((r) => JSON.stringify(r.changes ?? {})),
        names.map((n) => JSON.stringify(n)),
      ],
    );
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
