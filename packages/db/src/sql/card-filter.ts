// Card filters as SQL, shared by the API (lists, boards, views) and the worker (view triggers).
// Conditions refer to the aliases c (card), cl (client) and s (status).
import type { StatusKind } from '@crm/shared';

/** Collects positional parameters while a query's text is assembled: `sql.param(v)` returns "$n". */
export class SqlParams {
  readonly values: unknown[] = [];

  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A saved or asked-for card filter (the API's CardFilter input and the views' stored JSON). */
export interface CardFilterValues extends ClientLabelFilter {
  statusIds?: string[];
  ownerIds?: string[];
  unowned?: boolean;
  todoAssigneeId?: string;
  outcomes?: StatusKind[];
  createdFrom?: Date | string;
  createdTo?: Date | string;
  /** Cards that entered one of these statuses (status history) between enteredFrom and enteredTo. */
  enteredStatusIds?: string[];
  enteredFrom?: Date | string;
  enteredTo?: Date | string;
  /** Cards whose current status was entered in this range (with outcomes: won or lost in a period). */
  statusChangedFrom?: Date | string;
  statusChangedTo?: Date | string;
  custom?: Array<{ fieldId: string; value: unknown }>;
}

/**
 * A condition on a custom field's value: equal to `value` (JSON containment, so the GIN index on
 * custom_values serves it; a multi-select holds all the given choices), and/or from `min` to `max`
 * inclusive (numbers, or YYYY-MM-DD dates as strings; only values of the same JSON type match).
 */
export interface CustomValueCondition {
  fieldId: string;
  value?: unknown;
  min?: number | string | null;
  max?: number | string | null;
}

/** A custom value condition as SQL conditions over the card alias `card`. */
export function customValueSql(card: string, f: CustomValueCondition, p: SqlParams): string[] {
  const where: string[] = [];
  const field = p.param(f.fieldId);
  if (f.value !== undefined && f.value !== null) where.push(`${card}.custom_values @> jsonb_build_object(${field}::text, ${p.param(JSON.stringify(f.value))}::jsonb)`);
  for (const [bound, op] of [[f.min, '>='], [f.max, '<=']] as const) {
    if (bound === undefined || bound === null) continue;
    const b = p.param(JSON.stringify(bound));
    where.push(`(jsonb_typeof(${card}.custom_values -> ${field}::text) = jsonb_typeof(${b}::jsonb) AND ${card}.custom_values -> ${field}::text ${op} ${b}::jsonb)`);
  }
  return where;
}

/** The filter as SQL conditions over the aliases above (an empty filter gives none). */
export function cardFilterSql(filter: CardFilterValues | undefined | null, p: SqlParams): string[] {
  if (!filter) return [];
  const where: string[] = [];
  const any = (ids: string[]) => `ANY(${p.param(ids)}::uuid[])`;
  if (filter.statusIds?.length) where.push(`c.status_id = ${any(filter.statusIds)}`);
  const owners: string[] = [];
  if (filter.ownerIds?.length) owners.push(`c.owner_id = ${any(filter.ownerIds)}`);
  if (filter.unowned) owners.push('c.owner_id IS NULL');
  if (owners.length) where.push(`(${owners.join(' OR ')})`);
  if (filter.todoAssigneeId) {
    where.push(`EXISTS (SELECT 1 FROM todos ft WHERE ft.card_id = c.id AND ft.assignee_id = ${p.param(filter.todoAssigneeId)} AND ft.done_at IS NULL AND ft.deleted_at IS NULL)`);
  }
  if (filter.outcomes?.length) where.push(`s.kind = ANY(${p.param(filter.outcomes)}::status_kind[])`);
  if (filter.createdFrom) where.push(`c.created_at >= ${p.param(filter.createdFrom)}`);
  if (filter.createdTo) where.push(`c.created_at < ${p.param(filter.createdTo)}`);
  if (filter.enteredStatusIds?.length || filter.enteredFrom || filter.enteredTo) {
    const h = ['h.card_id = c.id'];
    if (filter.enteredStatusIds?.length) h.push(`h.status_id = ${any(filter.enteredStatusIds)}`);
    if (filter.enteredFrom) h.push(`h.at >= ${p.param(filter.enteredFrom)}`);
    if (filter.enteredTo) h.push(`h.at < ${p.param(filter.enteredTo)}`);
    where.push(`EXISTS (SELECT 1 FROM card_status_changes h WHERE ${h.join(' AND ')})`);
  }
  if (filter.statusChangedFrom) where.push(`c.status_changed_at >= ${p.param(filter.statusChangedFrom)}`);
  if (filter.statusChangedTo) where.push(`c.status_changed_at < ${p.param(filter.statusChangedTo)}`);
  for (const f of filter.custom ?? []) where.push(...customValueSql('c', f, p));
  // (The labels by the card's client: a query needing nothing else of the client joins no clients.)
  where.push(...clientFilterSql(filter, p, 'c.client_id'));
  return where;
}

/**
 * Conditions on the client (alias cl) shared by card and client lists: labels and free text. The
 * labels are matched on `clientId` (the client's id, or a card's client_id).
 */
export function clientFilterSql(filter: ClientLabelFilter, p: SqlParams, clientId = 'cl.id'): string[] {
  const where: string[] = [];
  const any = (ids: string[]) => `ANY(${p.param(ids)}::uuid[])`;
  if (filter.categoryIds?.length) where.push(`EXISTS (SELECT 1 FROM client_categories fc WHERE fc.client_id = ${clientId} AND fc.category_id = ${any(filter.categoryIds)})`);
  if (filter.tagIds?.length) where.push(`EXISTS (SELECT 1 FROM client_tags ftg WHERE ftg.client_id = ${clientId} AND ftg.tag_id = ${any(filter.tagIds)})`);
  if (filter.clientIds) where.push(`${clientId} = ${any(filter.clientIds)}`);
  if (filter.classificationIds?.length) where.push(`cl.classification_id = ${any(filter.classificationIds)}`);
  if (filter.departmentIds?.length) where.push(`cl.department_id = ${any(filter.departmentIds)}`);
  const text = filter.text?.trim().toLowerCase();
  if (text) {
    // Every word must appear; the trigram index on search_text serves LIKE '%word%'.
    for (const word of text.split(/\s+/).slice(0, 8)) where.push(`cl.search_text LIKE ${p.param(`%${escapeLike(word)}%`)}`);
  }
  return where;
}

export interface ClientLabelFilter {
  /** These clients only (the reports' correction for clients carrying several of a filter's labels; not an API input). */
  clientIds?: string[];
  categoryIds?: string[];
  tagIds?: string[];
  classificationIds?: string[];
  departmentIds?: string[];
  text?: string;
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

