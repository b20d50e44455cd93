// The SQL behind card reads: one row shape for the board, lists and changes, one filter builder.
import { SqlParams } from '@crm/db';
import type { CardFilter, CardSort, CardType } from './card.types';
import { CardSortField } from './card.types';

/** Columns of a card row; `rich` adds the client's labels for lists. */
export function cardColumns(rich: boolean): string {
  const base = `c.id, c.pipeline_id, c.status_id, c.position, c.value::float8 AS value, c.currency, c.created_at, c.updated_at, c.status_changed_at,
    cl.id AS client_id, cl.name AS client_name, cl.type AS client_type, cl.emails AS client_emails, cl.phones AS client_phones,
    o.id AS owner_id, o.name AS owner_name,
    t.id AS todo_id, t.title AS todo_title, t.deadline AS todo_deadline, t.assignee_id AS todo_assignee_id, c.custom_values`;
  if (!rich) return base;
  return `${base}, d.id AS department_id, d.name AS department_name, k.id AS classification_id, k.name AS classification_name,
    (SELECT coalesce(json_agg(json_build_object('id', g.id, 'name', g.name) ORDER BY g.name), '[]') FROM client_categories cc JOIN categories g ON g.id = cc.category_id WHERE cc.client_id = cl.id) AS categories,
    (SELECT coalesce(json_agg(json_build_object('id', tg.id, 'name', tg.name) ORDER BY tg.name), '[]') FROM client_tags ct JOIN tags tg ON tg.id = ct.tag_id WHERE ct.client_id = cl.id) AS tags`;
}

/** FROM clause for card rows (aliases: c card, cl client, o owner, t next todo, s status). */
export function cardFrom(rich: boolean): string {
  return `FROM cards c
    JOIN clients cl ON cl.id = c.client_id
    JOIN statuses s ON s.id = c.status_id
    LEFT JOIN users o ON o.id = c.owner_id
    LEFT JOIN LATERAL (SELECT id, title, deadline, assignee_id FROM todos
      WHERE card_id = c.id AND done_at IS NULL AND deleted_at IS NULL ORDER BY deadline LIMIT 1) t ON true
    ${rich ? 'LEFT JOIN departments d ON d.id = cl.department_id LEFT JOIN classifications k ON k.id = cl.classification_id' : ''}`;
}

const SORT_SQL: Record<CardSortField, string> = {
  [CardSortField.CLIENT_NAME]: 'lower(cl.name)',
  [CardSortField.STATUS]: 's.position',
  [CardSortField.OWNER]: 'lower(o.name)',
  [CardSortField.VALUE]: 'c.value',
  [CardSortField.CREATED_AT]: 'c.created_at',
  [CardSortField.UPDATED_AT]: 'c.updated_at',
  [CardSortField.NEXT_TODO]: 't.deadline',
  [CardSortField.CUSTOM_FIELD]: 'c.custom_values',
};

export function cardOrderSql(sort: CardSort | undefined | null, p: SqlParams): string {
  if (!sort) return 'ORDER BY c.created_at DESC, c.id';
  const dir = sort.direction === 'DESC' ? 'DESC' : 'ASC';
  // Amounts compare only within a currency: cards without a value last, then by currency (A–Z), then by amount.
  if (sort.field === CardSortField.VALUE) return `ORDER BY (c.value IS NULL), c.currency, c.value ${dir}, c.id ${dir}`;
  const expr = sort.field === CardSortField.CUSTOM_FIELD ? `c.custom_values -> ${p.param(sort.customFieldId ?? '')}::text` : SORT_SQL[sort.field];
  return `ORDER BY ${expr} ${dir} NULLS LAST, c.id ${dir}`;
}

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
    return Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' ? [v[0], v[1]] : null;
  } catch {
    return null;
  }
}
