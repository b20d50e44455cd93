// The SQL behind card reads: one row shape for the board, lists and changes, one filter builder.
import { CARD_SORT_SQL } from '@crm/db';
import type { CardSortField, CardType } from './card.types';

/** The card fields a request asks for, as selectedFields gives them ('createdAt', 'client.tags'); undefined: every field. */
export type CardFields = ReadonlySet<string> | undefined;

const wants = (fields: CardFields, field: string) => !fields || fields.has(field);

/** A timestamp as the text the DateTimeISO scalar sends (what Date#toISOString writes), so Node parses no Date for it. */
export const isoTime = (expr: string) => `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Columns read only when their field is asked for (the rest of a card is always read). */
const OPTIONAL_COLUMNS: Array<[field: string, sql: string]> = [
  ['expectedCloseDate', `to_char(c.expected_close_date, 'YYYY-MM-DD') AS expected_close_date`],
  ['createdAt', `${isoTime('c.created_at')} AS created_at`],
  ['updatedAt', `${isoTime('c.updated_at')} AS updated_at`],
  ['statusChangedAt', `${isoTime('c.status_changed_at')} AS status_changed_at`],
  ['client.emails', 'cl.emails AS client_emails'],
  ['client.phones', 'cl.phones AS client_phones'],
  ['customValues', 'c.custom_values'],
];

/**
 * Columns of a card row, of the fields asked for (`fields`, all when undefined); `rich` adds the
 * client's department, classification and labels for lists, labels sorted by `byName` (loadNameOrder).
 */
export function cardColumns(rich: boolean, byName: (expr: string) => string = (e) => e, fields?: CardFields): string {
  const columns = [
    `c.id, c.pipeline_id, c.status_id, c.position, c.value::float8 AS value, c.currency, cl.id AS client_id, cl.name AS client_name, cl.type AS client_type,
    o.id AS owner_id, o.name AS owner_name, t.id AS todo_id, t.title AS todo_title, ${isoTime('t.deadline')} AS todo_deadline, t.assignee_id AS todo_assignee_id`,
  ];
  for (const [field, sql] of OPTIONAL_COLUMNS) if (wants(fields, field)) columns.push(sql);
  if (!rich) return columns.join(', ');
  const labels = (table: string, link: string, column: string, alias: string) =>
    `(SELECT coalesce(json_agg(json_build_object('id', g.id, 'name', g.name) ORDER BY ${byName('lower(g.name)')}), '[]') FROM ${link} x JOIN ${table} g ON g.id = x.${column} WHERE x.client_id = cl.id) AS ${alias}`;
  if (wants(fields, 'client.department')) columns.push('d.id AS department_id, d.name AS department_name');
  if (wants(fields, 'client.classification')) columns.push('k.id AS classification_id, k.name AS classification_name');
  if (wants(fields, 'client.categories')) columns.push(labels('categories', 'client_categories', 'category_id', 'categories'));
  if (wants(fields, 'client.tags')) columns.push(labels('tags', 'client_tags', 'tag_id', 'tags'));
  return columns.join(', ');
}

/** Whether the fields asked for need the organisation's name order (for the client's labels). */
export function needsNameOrder(fields: CardFields): boolean {
  return wants(fields, 'client.categories') || wants(fields, 'client.tags');
}

// The FROM clause and the list's order are shared with the export engine.
export { cardFrom, cardOrderSql } from '@crm/db';

// Every sort the API offers has its SQL there (a new CardSortField fails to compile until it does).
const sortsCovered: Record<CardSortField, string> = CARD_SORT_SQL;
void sortsCovered;

type Row = Record<string, any>;

/** A card row (from cardColumns) as the GraphQL Card (fields that were not read, not having been asked for, come out empty). */
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
