// The SQL behind card reads: one row shape for the board, lists and changes, one filter builder.
import { CARD_SORT_SQL } from '@crm/db';
import type { CardSortField, CardType } from './card.types';

/** Columns of a card row; `rich` adds the client's labels for lists, sorted by `byName` (loadNameOrder). */
export function cardColumns(rich: boolean, byName: (expr: string) => string = (e) => e): string {
  const base = `c.id, c.pipeline_id, c.status_id, c.position, c.value::float8 AS value, c.currency, to_char(c.expected_close_date, 'YYYY-MM-DD') AS expected_close_date, c.created_at, c.updated_at, c.status_changed_at,
    cl.id AS client_id, cl.name AS client_name, cl.type AS client_type, cl.emails AS client_emails, cl.phones AS client_phones,
    o.id AS owner_id, o.name AS owner_name,
    t.id AS todo_id, t.title AS todo_title, t.deadline AS todo_deadline, t.assignee_id AS todo_assignee_id, c.custom_values`;
  if (!rich) return base;
  return `${base}, d.id AS department_id, d.name AS department_name, k.id AS classification_id, k.name AS classification_name,
    (SELECT coalesce(json_agg(json_build_object('id', g.id, 'name', g.name) ORDER BY ${byName('lower(g.name)')}), '[]') FROM client_categories cc JOIN categories g ON g.id = cc.category_id WHERE cc.client_id = cl.id) AS categories,
    (SELECT coalesce(json_agg(json_build_object('id', tg.id, 'name', tg.name) ORDER BY ${byName('lower(tg.name)')}), '[]') FROM client_tags ct JOIN tags tg ON tg.id = ct.tag_id WHERE ct.client_id = cl.id) AS tags`;
}

// The FROM clause and the list's order are shared with the export engine.
export { cardFrom, cardOrderSql } from '@crm/db';

// Every sort the API offers has its SQL there (a new CardSortField fails to compile until it does).
const sortsCovered: Record<CardSortField, string> = CARD_SORT_SQL;
void sortsCovered;

type Row = Record<string, any>;

/** A card row (from cardColumns) as the GraphQL Card. */
export function toCard(r: Row): CardType {
  return {
    id: r.id,
    pipelineId: r.pipeline_id,
    statusId: r.status_id,
    position: r.position,
    value: r.value,
    currency: r.currency,
    expectedCloseDate: r.expected_close_date ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    statusChangedAt: r.status_changed_at,
    client: {
      id: r.client_id,
      name: r.client_name,
      type: r.client_type,
      emails: r.client_emails ?? [],
      phones: r.client_phones ?? [],
      department: r.department_id ? { id: r.department_id, name: r.department_name } : null,
      classification: r.classification_id ? { id: r.classification_id, name: r.classification_name } : null,
      categories: r.categories ?? [],
      tags: r.tags ?? [],
    },
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name } : null,
    nextTodo: r.todo_id ? { id: r.todo_id, title: r.todo_title, deadline: r.todo_deadline, assigneeId: r.todo_assignee_id } : null,
    customValues: r.custom_values ?? {},
  };
}

/** Keyset cursor over (position, id). */
export function encodeCursor(position: string, id: string): string {
  return Buffer.from(JSON.stringify([position, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const ok = Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && v[0].length <= 200 && typeof v[1] === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v[1]);
    return ok ? [v[0], v[1]] : null;
  } catch {
    return null;
  }
}
