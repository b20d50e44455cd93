// The columns an export can hold: the card list's and the client list's, keyed as the lists and saved
// views key them ("status", "tags", "field:<custom field id>"), each with the SQL it needs and the
// typed cells it gives.
import type { SqlParams } from '../sql/card-filter';
import { nameCollation } from '../sql/card-list';

/** How a cell is typed: XLSX writes numbers, dates and booleans as such; CSV writes them plainly. */
export type CellType = 'text' | 'number' | 'date' | 'datetime' | 'boolean';
export type CellValue = string | number | boolean | null;

/** One column of the output file. */
export interface ExportField {
  header: string;
  type: CellType;
  /** The row's value (a date as 'YYYY-MM-DD', a datetime as 'YYYY-MM-DD HH:MM:SS' in the export's time zone). */
  get(row: Record<string, any>): CellValue;
}

/** What a list column adds to the SELECT, and the fields it becomes. */
export interface ColumnPlan {
  select: string[];
  /** LEFT JOINs the select needs (after the list's FROM). */
  joins?: string[];
  fields: ExportField[];
}

export interface CustomFieldInfo {
  id: string;
  label: string;
  kind: string;
}

/** Context for building column SQL: the parameters and the time zone parameter ("$n"). */
export interface ColumnContext {
  p: SqlParams;
  tz: string;
  /** The language of the headers (the exporting user's). */
  language?: string;
  /** The organisation's sorting language: labels inside one cell are joined in its collation, as the lists sort them. */
  sortLanguage?: string;
}

// The built-in headers in the languages the app speaks (English is the key).
const HEADERS: Record<string, Record<string, string>> = {
  hu: {
    Client: 'Ügyfél', Status: 'Státusz', Owner: 'Felelős', Value: 'Érték', Currency: 'Pénznem', 'Next todo': 'Következő teendő',
    'Next todo deadline': 'Következő teendő határideje', Email: 'E-mail', Phone: 'Telefon', Department: 'Részleg', Classification: 'Besorolás',
    Categories: 'Kategóriák', Tags: 'Címkék', Created: 'Létrehozva', Updated: 'Módosítva', Name: 'Név', Type: 'Típus', Address: 'Cím',
    'Tax id': 'Adószám', Website: 'Weboldal', Domain: 'Domain', currency: 'pénznem',
  },
  pl: {
    Client: 'Klient', Status: 'Status', Owner: 'Opiekun', Value: 'Wartość', Currency: 'Waluta', 'Next todo': 'Następne zadanie',
    'Next todo deadline': 'Termin następnego zadania', Email: 'E-mail', Phone: 'Telefon', Department: 'Dział', Classification: 'Klasyfikacja',
    Categories: 'Kategorie', Tags: 'Tagi', Created: 'Dodano', Updated: 'Zmieniono', Name: 'Nazwa', Type: 'Typ', Address: 'Adres',
    'Tax id': 'NIP', Website: 'Strona WWW', Domain: 'Domena', currency: 'waluta',
  },
  sk: {
    Client: 'Klient', Status: 'Stav', Owner: 'Zodpovedný', Value: 'Hodnota', Currency: 'Mena', 'Next todo': 'Ďalšia úloha',
    'Next todo deadline': 'Termín ďalšej úlohy', Email: 'E-mail', Phone: 'Telefón', Department: 'Oddelenie', Classification: 'Klasifikácia',
    Categories: 'Kategórie', Tags: 'Štítky', Created: 'Pridané', Updated: 'Zmenené', Name: 'Názov', Type: 'Typ', Address: 'Adresa',
    'Tax id': 'DIČ', Website: 'Webová stránka', Domain: 'Doména', currency: 'mena',
  },
};

function header(language: string | undefined, english: string): string {
  return (language && HEADERS[language]?.[english]) || english;
}

const text = (header: string, alias: string): ExportField => ({ header, type: 'text', get: (r) => r[alias] ?? null });
const localTime = (expr: string, ctx: ColumnContext) => `to_char(${expr} AT TIME ZONE ${ctx.tz}, 'YYYY-MM-DD HH24:MI:SS')`;
// Labels per client aggregated in one pass and joined (a subquery per row was a third of a 500,000-row export).
const labelList = (ctx: ColumnContext, alias: string, table: string, column: string, labels: string): ColumnPlan => ({
  select: [`${alias}.names AS ${alias}`],
  joins: [`LEFT JOIN (SELECT j.client_id, string_agg(x.name, ', ' ORDER BY ${nameCollation('lower(x.name)', ctx.sortLanguage)}, x.name) AS names FROM ${table} j JOIN ${labels} x ON x.id = j.${column} GROUP BY j.client_id) ${alias} ON ${alias}.client_id = cl.id`],
  fields: [],
});

type ColumnBuilder = (ctx: ColumnContext) => ColumnPlan;

/** Columns the card list and the client list share (they read the client, alias cl). */
const CLIENT_COLUMNS: Record<string, ColumnBuilder> = {
  email: () => ({ select: [`array_to_string(cl.emails, ', ') AS x_email`], fields: [text('Email', 'x_email')] }),
  phone: () => ({ select: [`array_to_string(cl.phones, ', ') AS x_phone`], fields: [text('Phone', 'x_phone')] }),
  department: () => ({ select: ['d.name AS x_department'], fields: [text('Department', 'x_department')] }),
  classification: () => ({ select: ['k.name AS x_classification'], fields: [text('Classification', 'x_classification')] }),
  categories: (ctx) => ({ ...labelList(ctx, 'x_categories', 'client_categories', 'category_id', 'categories'), fields: [text('Categories', 'x_categories')] }),
  tags: (ctx) => ({ ...labelList(ctx, 'x_tags', 'client_tags', 'tag_id', 'tags'), fields: [text('Tags', 'x_tags')] }),
};

/** The card list's columns (apps/web cards/utils/columns.ts has the same keys). */
export const CARD_COLUMNS: Record<string, ColumnBuilder> = {
  client: () => ({ select: ['cl.name AS x_client'], fields: [text('Client', 'x_client')] }),
  status: () => ({ select: ['s.name AS x_status'], fields: [text('Status', 'x_status')] }),
  owner: () => ({ select: ['o.name AS x_owner'], fields: [text('Owner', 'x_owner')] }),
  value: () => ({
    select: ['c.value::float8 AS x_value', 'c.currency AS x_currency'],
    fields: [
      { header: 'Value', type: 'number', get: (r) => r.x_value ?? null },
      { header: 'Currency', type: 'text', get: (r) => (r.x_value === null ? null : r.x_currency) },
    ],
  }),
  nextTodo: (ctx) => ({
    select: ['t.title AS x_todo', `${localTime('t.deadline', ctx)} AS x_todo_deadline`],
    fields: [text('Next todo', 'x_todo'), { header: 'Next todo deadline', type: 'datetime', get: (r) => r.x_todo_deadline ?? null }],
  }),
  ...CLIENT_COLUMNS,
  createdAt: (ctx) => ({ select: [`${localTime('c.created_at', ctx)} AS x_created`], fields: [{ header: 'Created', type: 'datetime', get: (r) => r.x_created }] }),
  updatedAt: (ctx) => ({ select: [`${localTime('c.updated_at', ctx)} AS x_updated`], fields: [{ header: 'Updated', type: 'datetime', get: (r) => r.x_updated }] }),
};

/** The client list's columns. */
export const CLIENT_LIST_COLUMNS: Record<string, ColumnBuilder> = {
  name: () => ({ select: ['cl.name AS x_name'], fields: [text('Name', 'x_name')] }),
  type: () => ({ select: ['cl.type::text AS x_type'], fields: [text('Type', 'x_type')] }),
  owner: () => ({ select: ['o.name AS x_owner'], fields: [text('Owner', 'x_owner')] }),
  ...CLIENT_COLUMNS,
  address: () => ({ select: ['cl.address AS x_address'], fields: [text('Address', 'x_address')] }),
  taxId: () => ({ select: ['cl.tax_id AS x_tax_id'], fields: [text('Tax id', 'x_tax_id')] }),
  website: () => ({ select: ['cl.website AS x_website'], fields: [text('Website', 'x_website')] }),
  domain: () => ({ select: ['cl.domain AS x_domain'], fields: [text('Domain', 'x_domain')] }),
  createdAt: (ctx) => ({ select: [`${localTime('cl.created_at', ctx)} AS x_created`], fields: [{ header: 'Created', type: 'datetime', get: (r) => r.x_created }] }),
  updatedAt: (ctx) => ({ select: [`${localTime('cl.updated_at', ctx)} AS x_updated`], fields: [{ header: 'Updated', type: 'datetime', get: (r) => r.x_updated }] }),
};

/** The card list's default columns when a view saved none (apps/web DEFAULT_COLUMNS, after the fixed client column). */
export const DEFAULT_CARD_COLUMNS = ['client', 'status', 'owner', 'value', 'nextTodo', 'tags', 'createdAt'];
/** What the Clients page shows. */
export const DEFAULT_CLIENT_COLUMNS = ['name', 'type', 'owner', 'email', 'phone', 'department', 'createdAt'];

const CUSTOM_PREFIX = 'field:';

/** A custom field column ("field:<id>") as typed cells: a money field gives its amount and currency. */
export function customFieldColumn(field: CustomFieldInfo, n: number, ctx: ColumnContext): ColumnPlan {
  const alias = `x_f${n}`;
  const key = ctx.p.param(field.id);
  const raw = `c.custom_values -> ${key}::text`;
  switch (field.kind) {
    case 'NUMBER':
      return { select: [`${raw} AS ${alias}`], fields: [{ header: field.label, type: 'number', get: (r) => (typeof r[alias] === 'number' ? r[alias] : asText(r[alias])) }] };
    case 'MONEY':
      return {
        select: [`${raw} AS ${alias}`],
        fields: [
          { header: field.label, type: 'number', get: (r) => (typeof r[alias]?.amount === 'number' ? r[alias].amount : asText(r[alias])) },
          { header: `${field.label} ${header(ctx.language, 'currency')}`, type: 'text', get: (r) => (typeof r[alias]?.currency === 'string' ? r[alias].currency : null) },
        ],
      };
    case 'DATE':
      return { select: [`${raw} AS ${alias}`], fields: [{ header: field.label, type: 'date', get: (r) => asText(r[alias]) }] };
    case 'BOOLEAN':
      return { select: [`${raw} AS ${alias}`], fields: [{ header: field.label, type: 'boolean', get: (r) => (typeof r[alias] === 'boolean' ? r[alias] : asText(r[alias])) }] };
    case 'USER':
      return {
        select: [`(SELECT u.name FROM users u WHERE u.id::text = c.custom_values ->> ${key}::text) AS ${alias}`],
        fields: [text(field.label, alias)],
      };
    default:
      return { select: [`${raw} AS ${alias}`], fields: [{ header: field.label, type: 'text', get: (r) => asText(r[alias]) }] };
  }
}

/** A stored custom value as text: lists joined with ", ", other shapes as JSON. */
function asText(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(String).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The field id of a custom field column key, or null. */
export function customFieldIdOf(key: string): string | null {
  return key.startsWith(CUSTOM_PREFIX) && key.length > CUSTOM_PREFIX.length ? key.slice(CUSTOM_PREFIX.length) : null;
}

/**
 * The SELECT list and output fields for the asked columns, in order. Unknown keys and custom fields
 * that are not (or no longer) the pipeline's are left out, as the list leaves them out.
 */
export function planColumns(
  catalogue: Record<string, ColumnBuilder>,
  keys: readonly string[],
  ctx: ColumnContext,
  customFields: ReadonlyMap<string, CustomFieldInfo> = new Map(),
): Required<ColumnPlan> {
  const plan: Required<ColumnPlan> = { select: [], joins: [], fields: [] };
  const seen = new Set<string>();
  let n = 0;
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    const fieldId = customFieldIdOf(key);
    const field = fieldId ? customFields.get(fieldId) : undefined;
    const builtIn = !field && Object.hasOwn(catalogue, key) ? catalogue[key](ctx) : null;
    const part = field ? customFieldColumn(field, n++, ctx) : builtIn && { ...builtIn, fields: builtIn.fields.map((f) => ({ ...f, header: header(ctx.language, f.header) })) };
    if (!part) continue;
    plan.select.push(...part.select);
    plan.joins.push(...(part.joins ?? []));
    plan.fields.push(...part.fields);
  }
  return plan;
}
