// The rows of the card and client lists as SQL: one FROM, WHERE and ORDER BY for the API's list pages
// and the export engine, so an export holds exactly the rows the list shows.
import { cardVisibility, clientVisibility } from '../access/scope';
import type { Viewer } from '../access/viewer';
import { cardFilterSql, clientFilterSql, SqlParams } from './card-filter';
import type { CardFilterValues, ClientLabelFilter } from './card-filter';

/**
 * FROM clause for card rows (aliases: c card, cl client, o owner, t next todo, s status; rich: d
 * department, k classification). `bulk` reads every card's next todo in one pass instead of one
 * index probe per card: the same rows, faster when most of a pipeline is read (exports).
 */
export function cardFrom(rich: boolean, bulk = false): string {
  const nextTodo = bulk
    ? `LEFT JOIN (SELECT DISTINCT ON (card_id) card_id, id, title, deadline, assignee_id FROM todos
      WHERE done_at IS NULL AND deleted_at IS NULL ORDER BY card_id, deadline) t ON t.card_id = c.id`
    : `LEFT JOIN LATERAL (SELECT id, title, deadline, assignee_id FROM todos
      WHERE card_id = c.id AND done_at IS NULL AND deleted_at IS NULL ORDER BY deadline LIMIT 1) t ON true`;
  return `FROM cards c
    JOIN clients cl ON cl.id = c.client_id
    JOIN statuses s ON s.id = c.status_id
    LEFT JOIN users o ON o.id = c.owner_id
    ${nextTodo}
    ${rich ? 'LEFT JOIN departments d ON d.id = cl.department_id LEFT JOIN classifications k ON k.id = cl.classification_id' : ''}`;
}

/** The conditions of a pipeline's card list: the pipeline, what the viewer may see, and the filter. */
export function cardListWhere(viewer: Viewer, pipelineId: string, filter: CardFilterValues | null | undefined, p: SqlParams): string {
  return [`c.pipeline_id = ${p.param(pipelineId)}`, cardVisibility(viewer, p), ...cardFilterSql(filter, p)].join(' AND ');
}

/**
 * The ICU collation that sorts names as the organisation's language does ("Ádám" before "Béla" in
 * Hungarian, "Łukasz" between "Lucyna" and "Marek" in Polish, "Šimon" after "Sebastián" and "Ch"
 * after "H" in Slovak). The language is a setting (loadOrganisationLanguage); the indexes
 * clients_name_<language>_idx serve the client list in it. English keeps the database's own order.
 */
const NAME_COLLATIONS: Record<string, string> = { hu: 'hu-HU-x-icu', pl: 'pl-PL-x-icu', sk: 'sk-SK-x-icu', cs: 'cs-CZ-x-icu' };

/** A name expression sorted in the language's alphabetical order (only known collation names are ever written). */
export function nameCollation(expr: string, locale: string | undefined | null): string {
  const collation = NAME_COLLATIONS[(locale ?? '').toLowerCase().split(/[-_]/)[0]];
  return collation ? `${expr} COLLATE "${collation}"` : expr;
}

export interface ListSort {
  field: string;
  direction?: 'ASC' | 'DESC' | string;
  customFieldId?: string | null;
}

export type CardSortKey = 'CLIENT_NAME' | 'STATUS' | 'OWNER' | 'VALUE' | 'CREATED_AT' | 'UPDATED_AT' | 'NEXT_TODO' | 'CUSTOM_FIELD';

/** The card list's sortable columns as SQL (the API checks that its CardSortField has each). */
export const CARD_SORT_SQL: Record<CardSortKey, string> = {
  CLIENT_NAME: 'lower(cl.name)',
  STATUS: 's.position',
  OWNER: 'lower(o.name)',
  VALUE: 'c.value',
  CREATED_AT: 'c.created_at',
  UPDATED_AT: 'c.updated_at',
  NEXT_TODO: 't.deadline',
  CUSTOM_FIELD: 'c.custom_values',
};

/** Sort keys that are names of people or companies: sorted in the organisation's language. */
const NAME_SORT_KEYS: ReadonlySet<string> = new Set(['CLIENT_NAME', 'OWNER']);

/** ORDER BY of the card list (newest first unless a column is sorted); names in the organisation `language`'s order. */
export function cardOrderSql(sort: ListSort | undefined | null, p: SqlParams, locale?: string | null): string {
  if (!sort || !Object.hasOwn(CARD_SORT_SQL, sort.field)) return 'ORDER BY c.created_at DESC, c.id';
  const dir = sort.direction === 'DESC' ? 'DESC' : 'ASC';
  // Amounts compare only within a currency: cards without a value last, then by currency (A–Z), then by amount.
  if (sort.field === 'VALUE') return `ORDER BY (c.value IS NULL), c.currency, c.value ${dir}, c.id ${dir}`;
  const expr =
    sort.field === 'CUSTOM_FIELD'
      ? `c.custom_values -> ${p.param(sort.customFieldId ?? '')}::text`
      : NAME_SORT_KEYS.has(sort.field)
        ? nameCollation(CARD_SORT_SQL[sort.field as CardSortKey], locale)
        : CARD_SORT_SQL[sort.field as CardSortKey];
  return `ORDER BY ${expr} ${dir} NULLS LAST, c.id ${dir}`;
}

/** The client list's filter: labels and text, owners and type. */
export interface ClientListFilter extends ClientLabelFilter {
  ownerIds?: string[];
  type?: string;
}

/** FROM clause for client rows (aliases: cl client, o owner, d department, k classification). */
export const CLIENT_LIST_FROM = `FROM clients cl LEFT JOIN users o ON o.id = cl.owner_id LEFT JOIN departments d ON d.id = cl.department_id LEFT JOIN classifications k ON k.id = cl.classification_id`;

/** The conditions of the client list: what the viewer may see, and the filter. */
export function clientListWhere(viewer: Viewer, filter: ClientListFilter | null | undefined, p: SqlParams): string {
  const where = [clientVisibility(viewer, p), ...clientFilterSql(filter ?? {}, p)];
  if (filter?.ownerIds?.length) where.push(`cl.owner_id = ANY(${p.param(filter.ownerIds)}::uuid[])`);
  if (filter?.type) where.push(`cl.type = ${p.param(filter.type)}`);
  return where.join(' AND ');
}

const CLIENT_SORT_SQL: Record<string, string> = { NAME: 'lower(cl.name)', CREATED_AT: 'cl.created_at', UPDATED_AT: 'cl.updated_at' };

/** ORDER BY of the client list (by name unless sorted otherwise); names in the organisation `language`'s order. */
export function clientOrderSql(sort: ListSort | undefined | null, locale?: string | null): string {
  if (!sort || !CLIENT_SORT_SQL[sort.field]) return `ORDER BY ${nameCollation('lower(cl.name)', locale)}, cl.id`;
  const dir = sort.direction === 'DESC' ? 'DESC' : 'ASC';
  const expr = sort.field === 'NAME' ? nameCollation(CLIENT_SORT_SQL.NAME, locale) : CLIENT_SORT_SQL[sort.field];
  return `ORDER BY ${expr} ${dir}, cl.id ${dir}`;
}
