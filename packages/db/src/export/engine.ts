// The export engine: the rows of a card list, a saved view or the client list, as the viewer may see
// them, streamed from PostgreSQL (with backpressure) through a CSV, XLSX or XML writer. The API's download route,
// the command line (and later a background job) all call prepareExport().
import { DEFAULT_TIME_ZONE, Role } from '@crm/shared';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DataSource } from 'typeorm';
import { cardVisibility, viewVisibleTo } from '../access/scope';
import type { Viewer } from '../access/viewer';
import { CustomField, Pipeline, User, View } from '../entities';
import { SqlParams } from '../sql/card-filter';
import type { CardFilterValues } from '../sql/card-filter';
import { envTimeZone, loadOrganisationLanguage, loadOrganisationTimeZone } from '../organisation/settings';
import { cardFrom, cardListWhere, cardOrderSql, CLIENT_LIST_FROM, clientListWhere, clientOrderSql, nameCollation, type ClientListFilter, type ListSort } from '../sql/card-list';
import type { TransliterationReport } from './cells';
import { CARD_COLUMNS, CLIENT_LIST_COLUMNS, DEFAULT_CARD_COLUMNS, DEFAULT_CLIENT_COLUMNS, planColumns, type CustomFieldInfo, type ExportField } from './columns';
import { csvChunks } from './csv';
import { queryBatches, type Row } from './stream';
import { writeXlsx } from './xlsx';
import { xmlChunks, type XmlContext } from './xml';

export const EXPORT_FORMATS = ['csv', 'csv-excel', 'xlsx', 'xml'] as const;
/** csv: UTF-8 with BOM and ','; csv-excel: "Excel (Central Europe)", ';' and Windows-1250. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportSource =
  | { kind: 'cards'; pipelineId: string; filter?: CardFilterValues | null; sort?: ListSort | null; columns?: string[] | null }
  | { kind: 'clients'; filter?: ClientListFilter | null; sort?: ListSort | null; columns?: string[] | null }
  | { kind: 'view'; viewId: string };

export interface ExportRequest {
  source: ExportSource;
  format: ExportFormat;
  /** Dates and times are written in this zone (the organisation's). */
  timeZone?: string;
  /** Headers in this language ('en' or 'hu'; the exporting user's). */
  language?: string;
}

export interface ExportProgress {
  rows: number;
  bytes: number;
}

export interface ExportResult extends ExportProgress {
  /** Characters that Windows-1250 cannot hold and were transliterated (csv-excel only). */
  replaced: TransliterationReport;
}

export interface PreparedExport {
  fileName: string;
  contentType: string;
  /** Streams the file into `out`; resolves when it is complete, rejects (the query ended) when `out` goes away. */
  run(out: Writable, onProgress?: (progress: ExportProgress) => void): Promise<ExportResult>;
}

export type ExportErrorCode = 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT';

/** A refusal the caller may show as it is (the API maps the code to its own error codes). */
export class ExportError extends Error {
  constructor(
    readonly code: ExportErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Admins and managers export; a manager in departments only within them (the visibility rule does that). */
export function mayExport(viewer: Viewer): boolean {
  return viewer.role === Role.Admin || viewer.role === Role.Manager;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  'csv-excel': 'text/csv; charset=windows-1250',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xml: 'application/xml; charset=utf-8',
};
const EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', 'csv-excel': 'csv', xlsx: 'xlsx', xml: 'xml' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Resolved source: what the list is, with its filter, sort and columns. */
type Resolved =
  | { kind: 'cards'; title: string; pipeline: Pipeline; filter: CardFilterValues | null; sort: ListSort | null; columns: string[] }
  | { kind: 'clients'; title: string; filter: ClientListFilter | null; sort: ListSort | null; columns: string[] };

async function resolveSource(ds: DataSource, viewer: Viewer, source: ExportSource): Promise<Resolved> {
  if (source.kind === 'view') {
    if (!UUID.test(source.viewId)) throw new ExportError('NOT_FOUND', 'View not found.');
    const view = await ds.getRepository(View).findOneBy({ id: source.viewId });
    if (!view || !viewVisibleTo(viewer, view)) throw new ExportError('NOT_FOUND', 'View not found.');
    const sort = view.sort as ListSort | null;
    if (view.kind === 'CLIENTS') return { kind: 'clients', title: view.name, filter: view.filter as ClientListFilter, sort, columns: view.columns };
    if (!view.pipelineId) throw new ExportError('BAD_USER_INPUT', 'This view belongs to no pipeline.');
    const resolved = await resolveSource(ds, viewer, { kind: 'cards', pipelineId: view.pipelineId, filter: view.filter as CardFilterValues, sort, columns: view.columns });
    return { ...resolved, title: view.name };
  }
  if (source.kind === 'cards') {
    const pipeline = UUID.test(source.pipelineId) ? await ds.getRepository(Pipeline).findOneBy({ id: source.pipelineId }) : null;
    if (!pipeline || pipeline.archivedAt) throw new ExportError('NOT_FOUND', 'Pipeline not found.');
    const asked = source.columns?.length ? source.columns : DEFAULT_CARD_COLUMNS;
    // The client column is always the list's first.
    const columns = ['client', ...asked.filter((key) => key !== 'client')];
    return { kind: 'cards', title: pipeline.name, pipeline, filter: source.filter ?? null, sort: source.sort ?? null, columns };
  }
  const asked = source.columns?.length ? source.columns.filter((key) => Object.hasOwn(CLIENT_LIST_COLUMNS, key)) : [];
  const columns = ['name', ...(asked.length ? asked : DEFAULT_CLIENT_COLUMNS).filter((key) => key !== 'name')];
  return { kind: 'clients', title: 'Clients', filter: source.filter ?? null, sort: source.sort ?? null, columns };
}

/** The list's SELECT (with only what its columns need) and the fields of the file. */
export interface ExportQuery {
  sql: string;
  values: unknown[];
  fields: ExportField[];
}

async function customFieldsOf(ds: DataSource, pipelineId: string | null): Promise<Map<string, CustomFieldInfo>> {
  const rows: CustomFieldInfo[] = await ds.query(
    `SELECT id, label, kind FROM custom_fields WHERE archived_at IS NULL ${pipelineId ? 'AND pipeline_id = $1' : ''} ORDER BY position`,
    pipelineId ? [pipelineId] : [],
  );
  return new Map(rows.map((f) => [f.id, f]));
}

/** The SELECT of a spreadsheet export (CSV, XLSX): the list's rows with its visible columns. */
async function tableQuery(ds: DataSource, viewer: Viewer, src: Resolved, timeZone: string, language?: string, sortLanguage?: string): Promise<ExportQuery> {
  const p = new SqlParams();
  let tz: string | undefined;
  // The time zone becomes a parameter only when a column writes a time.
  const ctx = {
    p,
    language,
    sortLanguage,
    get tz() {
      return (tz ??= `${p.param(timeZone)}::text`);
    },
  };
  if (src.kind === 'cards') {
    const plan = planColumns(CARD_COLUMNS, src.columns, ctx, await customFieldsOf(ds, src.pipeline.id));
    const where = cardListWhere(viewer, src.pipeline.id, src.filter, p);
    return { sql: `SELECT ${plan.select.join(', ')} ${cardFrom(true, true)} ${plan.joins.join(' ')} WHERE ${where} ${cardOrderSql(src.sort, p, sortLanguage)}`, values: p.values, fields: plan.fields };
  }
  const plan = planColumns(CLIENT_LIST_COLUMNS, src.columns, ctx);
  const where = clientListWhere(viewer, src.filter, p);
  return { sql: `SELECT ${plan.select.join(', ')} ${CLIENT_LIST_FROM} WHERE ${where} ${clientOrderSql(src.sort, sortLanguage)}`, values: p.values, fields: plan.fields };
}

/** The SELECT of an XML export: per row the client with contacts, labels and its card(s) as JSON. */
function xmlQuery(viewer: Viewer, src: Resolved, timeZone: string, sortLanguage?: string): { sql: string; values: unknown[] } {
  const p = new SqlParams();
  const tz = `${p.param(timeZone)}::text`;
  const local = (expr: string) => `to_char(${expr} AT TIME ZONE ${tz}, 'YYYY-MM-DD"T"HH24:MI:SS')`;
  const labels = (table: string, column: string, names: string) =>
    `(SELECT json_agg(x.name ORDER BY ${nameCollation('lower(x.name)', sortLanguage)}) FROM ${table} j JOIN ${names} x ON x.id = j.${column} WHERE j.client_id = cl.id)`;
  const card = (c: string, s: string, o: string, pl: string) =>
    `json_build_object('id', ${c}.id, 'pipeline', ${pl}.name, 'status', ${s}.name, 'statusKind', ${s}.kind, 'owner', ${o}.name, 'value', ${c}.value, 'currency', ${c}.currency,
      'createdAt', ${local(`${c}.created_at`)}, 'updatedAt', ${local(`${c}.updated_at`)}, 'fields', ${c}.custom_values)`;
  const client = `cl.id AS client_id, cl.type::text AS client_type, cl.name AS client_name, cl.emails AS client_emails, cl.phones AS client_phones,
    cl.address AS client_address, cl.tax_id AS client_tax_id, cl.website AS client_website, cl.domain AS client_domain,
    (SELECT u.name FROM users u WHERE u.id = cl.owner_id) AS client_owner, d.name AS department, k.name AS classification,
    ${labels('client_categories', 'category_id', 'categories')} AS categories, ${labels('client_tags', 'tag_id', 'tags')} AS tags,
    ${local('cl.created_at')} AS client_created,
    (SELECT json_agg(json_build_object('name', ct.name, 'title', ct.title, 'emails', ct.emails, 'phones', ct.phones, 'primary', ct.is_primary) ORDER BY ct.is_primary DESC, ${nameCollation('lower(ct.name)', sortLanguage)}, ct.name)
       FROM contacts ct WHERE ct.client_id = cl.id AND ct.deleted_at IS NULL) AS contacts`;
  if (src.kind === 'cards') {
    const sql = `SELECT ${client}, json_build_array(${card('c', 's', 'o', 'pl')}) AS cards ${cardFrom(true, true)} JOIN pipelines pl ON pl.id = c.pipeline_id
      WHERE ${cardListWhere(viewer, src.pipeline.id, src.filter, p)} ${cardOrderSql(src.sort, p, sortLanguage)}`;
    return { sql, values: p.values };
  }
  const where = clientListWhere(viewer, src.filter, p);
  const cards = `(SELECT json_agg(${card('xc', 'xs', 'xo', 'xp')} ORDER BY xp.position, xp.name)
    FROM cards xc JOIN pipelines xp ON xp.id = xc.pipeline_id JOIN statuses xs ON xs.id = xc.status_id LEFT JOIN users xo ON xo.id = xc.owner_id
    WHERE xc.client_id = cl.id AND ${cardVisibility(viewer, p, 'xc', 'cl')}) AS cards`;
  return { sql: `SELECT ${client}, ${cards} ${CLIENT_LIST_FROM} WHERE ${where} ${clientOrderSql(src.sort, sortLanguage)}`, values: p.values };
}

/** 'YYYY-MM-DD' of now in a time zone. */
function today(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** A file name from the list's name: letters and digits kept (accents too), the rest as dashes. */
export function exportFileName(title: string, format: ExportFormat, timeZone = DEFAULT_TIME_ZONE): string {
  const base = title.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'export';
  return `${base}-${today(timeZone)}.${EXTENSIONS[format]}`;
}

/** Counts rows (from the writer) and bytes (here) and reports both as they pass. */
function progressMeter(state: ExportProgress, onProgress?: (progress: ExportProgress) => void) {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      state.bytes += chunk.length;
      onProgress?.({ ...state });
      done(null, chunk);
    },
  });
}

/**
 * Checks who asks and what, and returns the export ready to stream: refuses users below Manager,
 * views the viewer may not open and unknown pipelines. The rows are the list's, under the viewer's
 * visibility rule (never anything trashed), with no cap.
 */
export async function prepareExport(ds: DataSource, viewer: Viewer, request: ExportRequest): Promise<PreparedExport> {
  if (!mayExport(viewer)) throw new ExportError('FORBIDDEN', 'Only admins and managers may export.');
  if (!EXPORT_FORMATS.includes(request.format)) throw new ExportError('BAD_USER_INPUT', `Choose a format: ${EXPORT_FORMATS.join(', ')}.`);
  // The organisation's settings: its saved zone (request.timeZone, ORG_TIME_ZONE, until one is saved) and sort language.
  const timeZone = await loadOrganisationTimeZone(ds.manager, request.timeZone ?? envTimeZone());
  const sortLanguage = await loadOrganisationLanguage(ds.manager);
  const src = await resolveSource(ds, viewer, request.source);
  const format = request.format;

  return {
    fileName: exportFileName(src.title, format, timeZone),
    contentType: CONTENT_TYPES[format],
    async run(out, onProgress) {
      const state: ExportProgress = { rows: 0, bytes: 0 };
      const replaced: TransliterationReport = { replaced: 0, examples: [] };
      const counted = async function* (batches: AsyncIterable<Row[]>) {
        for await (const rows of batches) {
          state.rows += rows.length;
          yield rows;
        }
      };
      if (format === 'xml') {
        const { sql, values } = xmlQuery(viewer, src, timeZone, sortLanguage);
        const ctx: XmlContext = {
          customFields: await customFieldsOf(ds, src.kind === 'cards' ? src.pipeline.id : null),
          users: new Map((await ds.getRepository(User).find({ select: { id: true, name: true } })).map((u) => [u.id, u.name])),
        };
        const attrs = { source: src.kind, name: src.title, exported: new Date().toISOString() };
        await pipeline(Readable.from(xmlChunks(attrs, counted(queryBatches(ds, sql, values)), ctx)), progressMeter(state, onProgress), out);
        return { ...state, replaced };
      }
      const query = await tableQuery(ds, viewer, src, timeZone, request.language, sortLanguage);
      const batches = counted(queryBatches(ds, query.sql, query.values));
      if (format === 'xlsx') {
        const meter = progressMeter(state, onProgress);
        const piped = pipeline(meter, out);
        try {
          await writeXlsx(query.fields, batches, meter, 'Export');
        } catch (err) {
          meter.destroy(err as Error);
          await piped.catch(() => undefined);
          throw err;
        }
        await piped;
        return { ...state, replaced };
      }
      const chunks = csvChunks(query.fields, batches, { excel: format === 'csv-excel', report: replaced });
      await pipeline(Readable.from(chunks), progressMeter(state, onProgress), out);
      return { ...state, replaced };
    },
  };
}

/** The SELECT a spreadsheet export runs, for measuring the database alone (the benchmark's floor). */
export async function exportQuery(ds: DataSource, viewer: Viewer, request: ExportRequest): Promise<ExportQuery> {
  const src = await resolveSource(ds, viewer, request.source);
  return tableQuery(ds, viewer, src, request.timeZone ?? DEFAULT_TIME_ZONE, request.language, await loadOrganisationLanguage(ds.manager));
}
