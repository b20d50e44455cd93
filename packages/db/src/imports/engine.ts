import { DuplicatePolicy, ImportOutcome, positionsBetween, Role, type ImportCounts } from '@crm/shared';
import type { CountryCode } from 'libphonenumber-js';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { clientVisibility } from '../access/scope';
import type { Viewer } from '../access/viewer';
import { MIN_PHONE_KEY, PHONE_COUNTRY_FOR_TRANSACTION_SQL, phoneKeySql, taxIdKeySql } from '../duplicates/keys';
import { SqlParams } from '../sql/card-filter';
import { customValue, draftRow, isFreeMail, type CellProblem, type ContactDraft, type DraftOptions, type RowDraft } from './rows';
import type { SourceRecord } from './source';

/** Where and how the rows go. */
export interface ImportTarget {
  /** With a pipeline, every row gets a card there (rows may name another pipeline); without, clients only. */
  pipelineId: string | null;
  statusId: string | null;
  /** Owner of new clients and cards (rows may name one); default: the importing user. */
  ownerId: string | null;
  /** Labels added to every imported client ("import into a category"). */
  categoryIds: string[];
  tagIds: string[];
  departmentId: string | null;
  duplicates: DuplicatePolicy;
  /** Cards created enter their status without starting its automations. */
  noAutomations: boolean;
  locale: string;
  country: string;
  /** Currency of values without one. */
  currency: string;
}

interface PipelineInfo {
  id: string;
  firstStatusId: string | null;
  statuses: Map<string, string>;
}

/** What a run needs besides the rows: the target, the mapping, and names resolved to ids. */
export interface ImportContext {
  importId: string;
  viewer: Viewer;
  target: ImportTarget;
  mapping: Array<string | null>;
  headers: string[];
  opts: DraftOptions;
  pipelinesByName: Map<string, PipelineInfo>;
  pipelinesById: Map<string, PipelineInfo>;
  users: Map<string, string>;
  fields: Map<string, { kind: string; options: string[]; pipelineId: string; label: string }>;
  categories: Map<string, string>;
  tags: Map<string, string>;
  classifications: Map<string, string>;
  departments: Map<string, string>;
}

const lower = (s: string) => s.trim().toLowerCase();

export async function loadImportContext(
  em: EntityManager,
  input: { importId: string; viewer: Viewer; target: ImportTarget; mapping: Array<string | null>; headers: string[]; format: DraftOptions['format'] },
): Promise<ImportContext> {
  const [pipelines, statuses, users, fields, categories, tags, classifications, departments] = await Promise.all([
    em.query(`SELECT id, name FROM pipelines WHERE archived_at IS NULL`),
    em.query(`SELECT id, pipeline_id, name FROM statuses WHERE archived_at IS NULL ORDER BY position`),
    em.query(`SELECT id, name, email FROM users WHERE active`),
    em.query(`SELECT id, kind, options, pipeline_id, label FROM custom_fields WHERE archived_at IS NULL`),
    em.query(`SELECT id, name FROM categories WHERE archived_at IS NULL`),
    em.query(`SELECT id, name_key AS name FROM tags WHERE archived_at IS NULL`),
    em.query(`SELECT id, name FROM classifications WHERE archived_at IS NULL`),
    em.query(`SELECT id, name FROM departments WHERE archived_at IS NULL`),
  ]);
  const byId = new Map<string, PipelineInfo>();
  const byName = new Map<string, PipelineInfo>();
  for (const p of pipelines) {
    const info: PipelineInfo = { id: p.id, firstStatusId: null, statuses: new Map() };
    byId.set(p.id, info);
    byName.set(lower(p.name), info);
  }
  for (const s of statuses) {
    const info = byId.get(s.pipeline_id);
    if (!info) continue;
    info.firstStatusId ??= s.id;
    if (!info.statuses.has(lower(s.name))) info.statuses.set(lower(s.name), s.id);
  }
  const userMap = new Map<string, string>();
  for (const u of users) {
    userMap.set(lower(u.email), u.id);
    if (!userMap.has(lower(u.name))) userMap.set(lower(u.name), u.id);
  }
  const named = (rows: Array<{ id: string; name: string }>) => new Map(rows.map((r) => [lower(r.name), r.id]));
  return {
    importId: input.importId,
    viewer: input.viewer,
    target: input.target,
    mapping: input.mapping,
    headers: input.headers,
    opts: { format: input.format, locale: input.target.locale, country: input.target.country as CountryCode },
    pipelinesByName: byName,
    pipelinesById: byId,
    users: userMap,
    fields: new Map(fields.map((f: any) => [f.id, { kind: f.kind, options: f.options, pipelineId: f.pipeline_id, label: f.label }])),
    categories: named(categories),
    tags: named(tags),
    classifications: named(classifications),
    departments: named(departments),
  };
}

/** A row ready to write: its draft with names resolved. */
interface Resolved {
  rowNo: number;
  draft: RowDraft;
  pipelineId: string | null;
  statusId: string | null;
  ownerId: string;
  value: string | null;
  currency: string;
  custom: Record<string, unknown>;
  departmentId: string | null;
  /** Names of labels to find or create. */
  categories: string[];
  tags: string[];
  classification: string | null;
}

export interface RowResult {
  rowNo: number;
  outcome: ImportOutcome;
  clientId: string | null;
  reason: string | null;
  reasonParams: Record<string, unknown> | null;
  draft: RowDraft | null;
  problems: CellProblem[];
}

export interface BatchResult {
  counts: ImportCounts;
  rows: RowResult[];
  /** Pipelines that got cards (their automations are re-evaluated). */
  pipelineIds: string[];
}

interface ExistingClient {
  id: string;
  name: string;
  type: string;
  emails: string[];
  phones: string[];
  address: string | null;
  tax_id: string | null;
  website: string | null;
  domain: string | null;
  owner_id: string | null;
  department_id: string | null;
  classification_id: string | null;
  category_ids: string[];
  tag_ids: string[];
  phone_keys: string[];
  tax_key: string | null;
  contact_emails: string[];
  pipeline_ids: string[];
}

/** A client to insert or update, as this batch builds it. */
interface Working {
  id: string;
  isNew: boolean;
  name: string;
  type: string;
  emails: string[];
  phones: string[];
  address: string | null;
  taxId: string | null;
  website: string | null;
  domain: string | null;
  ownerId: string | null;
  departmentId: string | null;
  classificationId: string | null;
  categoryIds: Set<string>;
  tagIds: Set<string>;
  knownEmails: Set<string>;
  pipelineIds: Set<string>;
  /** The values before this import touched it (existing clients; set on first touch in this batch). */
  previous: Record<string, unknown> | null;
  changed: boolean;
}

const SCALARS: Array<[keyof Working, keyof ExistingClient]> = [
  ['name', 'name'],
  ['type', 'type'],
  ['address', 'address'],
  ['taxId', 'tax_id'],
  ['website', 'website'],
  ['domain', 'domain'],
  ['ownerId', 'owner_id'],
  ['departmentId', 'department_id'],
  ['classificationId', 'classification_id'],
];

function rowProblem(ctx: ImportContext, problems: CellProblem[], rowNo: number) {
  const p = problems[0];
  return { code: p.code, params: { ...(p.params ?? {}), row: rowNo, ...(p.column !== null ? { column: ctx.headers[p.column] ?? `#${p.column + 1}` } : {}) } };
}

/** Names in the row resolved to ids, with the problems that makes (unknown status, a department outside the user's). */
function resolve(ctx: ImportContext, rowNo: number, draft: RowDraft): Resolved {
  const { target, viewer } = ctx;
  const problems = draft.problems;
  const col = (t: string) => {
    const i = ctx.mapping.indexOf(t);
    return i < 0 ? null : i;
  };
  let pipeline: PipelineInfo | null = target.pipelineId ? (ctx.pipelinesById.get(target.pipelineId) ?? null) : null;
  if (draft.card.pipeline) {
    pipeline = ctx.pipelinesByName.get(lower(draft.card.pipeline)) ?? null;
    if (!pipeline) problems.push({ column: col('card.pipeline'), code: 'IMPORT_UNKNOWN_PIPELINE', params: { value: draft.card.pipeline } });
  }
  let statusId: string | null = null;
  if (pipeline) {
    if (draft.card.status) {
      statusId = pipeline.statuses.get(lower(draft.card.status)) ?? null;
      if (!statusId) problems.push({ column: col('card.status'), code: 'IMPORT_UNKNOWN_STATUS', params: { value: draft.card.status } });
    } else statusId = pipeline.id === target.pipelineId && target.statusId ? target.statusId : pipeline.firstStatusId;
  } else if (draft.card.status && !draft.card.pipeline) {
    problems.push({ column: col('card.status'), code: 'IMPORT_STATUS_WITHOUT_PIPELINE', params: { value: draft.card.status } });
  }
  let ownerId = target.ownerId ?? viewer.id;
  if (draft.card.owner) {
    const id = ctx.users.get(lower(draft.card.owner));
    if (id) ownerId = id;
    else problems.push({ column: col('card.owner'), code: 'IMPORT_UNKNOWN_OWNER', params: { value: draft.card.owner } });
  }
  // A Restricted user's cards are their own (they could not see them otherwise); only Admins and Managers import, though.
  if (viewer.role === Role.Restricted) ownerId = viewer.id;
  const currency = draft.card.currency ?? target.currency;
  const custom: Record<string, unknown> = {};
  for (const [fieldId, text] of Object.entries(draft.card.custom)) {
    const field = ctx.fields.get(fieldId);
    const column = col(`custom.${fieldId}`);
    if (!field || !pipeline || field.pipelineId !== pipeline.id) {
      problems.push({ column, code: 'IMPORT_FIELD_NOT_IN_PIPELINE', params: { field: field?.label ?? fieldId } });
      continue;
    }
    const v = customValue(field, text, { ...ctx.opts, currency, userId: (s) => ctx.users.get(lower(s)) ?? null });
    if ('code' in v) problems.push({ column, code: v.code, params: { value: text, field: field.label } });
    else custom[fieldId] = v.value;
  }
  let departmentId = target.departmentId;
  if (draft.department) {
    const id = ctx.departments.get(lower(draft.department)) ?? null;
    if (viewer.departmentIds.length && (!id || !viewer.departmentIds.includes(id))) {
      problems.push({ column: col('label.department'), code: 'IMPORT_OUTSIDE_DEPARTMENTS', params: { value: draft.department } });
    }
    departmentId = id;
  }
  return {
    rowNo,
    draft,
    pipelineId: pipeline?.id ?? null,
    statusId,
    ownerId,
    value: draft.card.value,
    currency,
    custom,
    departmentId,
    categories: draft.categories,
    tags: draft.tags,
    classification: draft.classification,
  };
}

/** Finds or creates labels by name (case-insensitive); fills the context's maps. */
async function ensureLabels(em: EntityManager, ctx: ImportContext, rows: Resolved[]) {
  const missing = (names: string[], map: Map<string, string>) => [...new Map(names.filter((n) => !map.has(lower(n))).map((n) => [lower(n), n.trim().slice(0, 80)])).values()];
  const cats = missing(rows.flatMap((r) => r.categories), ctx.categories);
  if (cats.length) {
    await em.query(`INSERT INTO categories (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [cats]);
    for (const r of await em.query(`SELECT id, name FROM categories WHERE lower(name) = ANY($1::text[])`, [cats.map(lower)])) ctx.categories.set(lower(r.name), r.id);
  }
  const tags = missing(rows.flatMap((r) => r.tags), ctx.tags);
  if (tags.length) {
    await em.query(`INSERT INTO tags (name, name_key) SELECT n, lower(n) FROM unnest($1::text[]) n ON CONFLICT DO NOTHING`, [tags]);
    for (const r of await em.query(`SELECT id, name_key FROM tags WHERE name_key = ANY($1::text[])`, [tags.map(lower)])) ctx.tags.set(r.name_key, r.id);
  }
  const cls = missing(rows.flatMap((r) => (r.classification ? [r.classification] : [])), ctx.classifications);
  if (cls.length) {
    await em.query(`INSERT INTO classifications (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [cls]);
    for (const r of await em.query(`SELECT id, name FROM classifications WHERE lower(name) = ANY($1::text[])`, [cls.map(lower)])) ctx.classifications.set(lower(r.name), r.id);
  }
  // Departments limit what people see: only a user in no department (or an Admin) creates one.
  const deps = ctx.viewer.departmentIds.length ? [] : missing(rows.flatMap((r) => (r.draft.department && !r.departmentId ? [r.draft.department] : [])), ctx.departments);
  if (deps.length) {
    await em.query(`INSERT INTO departments (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [deps]);
    for (const r of await em.query(`SELECT id, name FROM departments WHERE lower(name) = ANY($1::text[])`, [deps.map(lower)])) ctx.departments.set(lower(r.name), r.id);
  }
  for (const r of rows) if (r.draft.department && !r.departmentId) r.departmentId = ctx.departments.get(lower(r.draft.department)) ?? null;
}

/**
 * The batch's duplicate keys and the visible clients that share one, in one statement: the rows'
 * raw values are normalised in SQL (the same keys the duplicates page and the LookupIndexes use) and
 * matched there against the key indexes; the matching clients come back locked for the update.
 */
async function keysAndMatches(em: EntityManager, viewer: Viewer, rows: Resolved[]): Promise<{ keys: Map<number, string[]>; existing: ExistingClient[] }> {
  const idx: number[] = [];
  const kinds: string[] = [];
  const values: string[] = [];
  rows.forEach((r, i) => {
    const c = r.draft.client;
    for (const e of [...c.emails, ...r.draft.contacts.flatMap((x) => x.emails)]) idx.push(i), kinds.push('EMAIL'), values.push(e);
    for (const p of c.phones) idx.push(i), kinds.push('PHONE'), values.push(p);
    if (c.taxId) idx.push(i), kinds.push('TAX_ID'), values.push(c.taxId);
    if (c.domain && !isFreeMail(c.domain)) idx.push(i), kinds.push('DOMAIN'), values.push(c.domain);
  });
  const keys = new Map<number, string[]>();
  if (!idx.length) return { keys, existing: [] };
  const p = new SqlParams();
  const [i, k, v] = [p.param(idx), p.param(kinds), p.param(values)];
  // With a thousand keys the planner prices these index scans as reading every client, which they
  // do not: each GIN or expression index answers all keys in one scan. The price that forbidding
  // sequential scans puts on the plan made PostgreSQL compile it (JIT) on every batch, and every
  // SQL function inside it on every call (minutes a batch): compiling is off for it.
  await em.query(`SET LOCAL enable_seqscan = off; SET LOCAL jit = off`);
  const [result]: Array<{ keys: Array<[number, string]> | null; existing: ExistingClient[] | null }> = await em.query(
    `WITH keyed AS MATERIALIZED (
       SELECT i, n, kind, CASE kind WHEN 'PHONE' THEN ${phoneKeySql('v')} WHEN 'TAX_ID' THEN ${taxIdKeySql('v')} ELSE lower(trim(v)) END AS key
       FROM unnest(${i}::int[], ${k}::text[], ${v}::text[]) WITH ORDINALITY AS k(i, kind, v, n)),
     usable AS MATERIALIZED (SELECT * FROM keyed WHERE key <> '' AND (kind <> 'PHONE' OR length(key) >= ${MIN_PHONE_KEY})),
     -- Ids first, then the rows by id (a join would read the whole clients index).
     ids AS (
       SELECT id FROM clients WHERE normalize_emails(emails) && (SELECT array_agg(key) FROM usable WHERE kind = 'EMAIL') AND deleted_at IS NULL
       UNION SELECT client_id FROM contacts WHERE normalize_emails(emails) && (SELECT array_agg(key) FROM usable WHERE kind = 'EMAIL') AND deleted_at IS NULL
       UNION SELECT id FROM clients WHERE phone_keys && (SELECT array_agg(key) FROM usable WHERE kind = 'PHONE') AND deleted_at IS NULL
       UNION SELECT id FROM clients WHERE tax_id IS NOT NULL AND ${taxIdKeySql('tax_id')} = ANY((SELECT array_agg(key) FROM usable WHERE kind = 'TAX_ID')::text[]) AND deleted_at IS NULL
       UNION SELECT id FROM clients WHERE lower(domain) = ANY((SELECT array_agg(key) FROM usable WHERE kind = 'DOMAIN')::text[]) AND domain IS NOT NULL AND deleted_at IS NULL),
     matched AS (
       SELECT cl.id, cl.name, cl.type, cl.emails, cl.phones, cl.address, cl.tax_id, cl.website, cl.domain, cl.owner_id, cl.department_id, cl.classification_id,
         cl.phone_keys, ${taxIdKeySql('cl.tax_id')} AS tax_key,
         ARRAY(SELECT lower(x) FROM contacts ct, unnest(ct.emails) x WHERE ct.client_id = cl.id AND ct.deleted_at IS NULL) AS contact_emails,
         ARRAY(SELECT category_id FROM client_categories WHERE client_id = cl.id) AS category_ids,
         ARRAY(SELECT tag_id FROM client_tags WHERE client_id = cl.id) AS tag_ids,
         ARRAY(SELECT pipeline_id FROM cards WHERE client_id = cl.id AND deleted_at IS NULL) AS pipeline_ids,
         cl.created_at
       FROM clients cl
       WHERE cl.id = ANY(ARRAY(SELECT id FROM ids)) AND ${clientVisibility(viewer, p)}
       FOR UPDATE OF cl)
     SELECT (SELECT json_agg(json_build_array(i, kind || ':' || key) ORDER BY n) FROM usable) AS keys,
       (SELECT json_agg(m ORDER BY m.created_at, m.id) FROM matched m) AS existing`,
    p.values,
  );
  await em.query(`SET LOCAL enable_seqscan TO DEFAULT; SET LOCAL jit TO DEFAULT`);
  for (const [row, key] of result.keys ?? []) keys.set(row, [...(keys.get(row) ?? []), key]);
  return { keys, existing: result.existing ?? [] };
}

function keysOfExisting(c: ExistingClient): string[] {
  return [
    ...c.emails.map((e) => `EMAIL:${e.trim().toLowerCase()}`),
    ...c.contact_emails.map((e) => `EMAIL:${e.trim()}`),
    ...c.phone_keys.filter((k) => k.length >= MIN_PHONE_KEY).map((k) => `PHONE:${k}`),
    ...(c.tax_key ? [`TAX_ID:${c.tax_key}`] : []),
    ...(c.domain && !isFreeMail(c.domain.toLowerCase()) ? [`DOMAIN:${c.domain.toLowerCase()}`] : []),
  ];
}

function workingOf(c: ExistingClient): Working {
  const previous: Record<string, unknown> = {};
  for (const [, col] of SCALARS) previous[col] = c[col];
  previous.emails = c.emails;
  previous.phones = c.phones;
  previous.category_ids = c.category_ids;
  previous.tag_ids = c.tag_ids;
  return {
    id: c.id,
    isNew: false,
    name: c.name,
    type: c.type,
    emails: [...c.emails],
    phones: [...c.phones],
    address: c.address,
    taxId: c.tax_id,
    website: c.website,
    domain: c.domain,
    ownerId: c.owner_id,
    departmentId: c.department_id,
    classificationId: c.classification_id,
    categoryIds: new Set(c.category_ids),
    tagIds: new Set(c.tag_ids),
    knownEmails: new Set([...c.emails, ...c.contact_emails].map((x) => x.toLowerCase())),
    pipelineIds: new Set(c.pipeline_ids),
    previous,
    changed: false,
  };
}

/** A batch read and checked, before anything of it is looked up or written. */
export interface PreparedBatch {
  records: SourceRecord[];
  /** The rows rejected so far (unreadable, or a cell that cannot be stored). */
  results: RowResult[];
  accepted: Resolved[];
}

/**
 * The JavaScript half of a batch, without the database: each row's cells read and its names
 * resolved against the context, rejecting what cannot be stored. The worker prepares the next batch
 * row by row while the database writes the current one (nothing here depends on an earlier batch's
 * writes).
 */
export function prepareRecord(ctx: ImportContext, batch: PreparedBatch, rec: SourceRecord): void {
  batch.records.push(rec);
  if (rec.problem) {
    batch.results.push({ rowNo: rec.rowNo, outcome: ImportOutcome.Rejected, clientId: null, reason: rec.problem.code, reasonParams: { ...(rec.problem.params ?? {}), row: rec.rowNo }, draft: null, problems: [{ column: null, ...rec.problem }] });
    return;
  }
  const draft = draftRow(rec.fields, ctx.mapping, ctx.opts);
  const resolved = resolve(ctx, rec.rowNo, draft);
  if (draft.problems.length) {
    const p = rowProblem(ctx, draft.problems, rec.rowNo);
    batch.results.push({ rowNo: rec.rowNo, outcome: ImportOutcome.Rejected, clientId: null, reason: p.code, reasonParams: p.params, draft, problems: draft.problems });
  } else batch.accepted.push(resolved);
}

export const emptyBatch = (): PreparedBatch => ({ records: [], results: [], accepted: [] });

export function prepareBatch(ctx: ImportContext, records: SourceRecord[]): PreparedBatch {
  const batch = emptyBatch();
  for (const rec of records) prepareRecord(ctx, batch, rec);
  return batch;
}

/**
 * Processes one batch of records in the caller's transaction: rejects what cannot be stored,
 * matches duplicates (in the database, within the viewer's scope, and within the file), and writes
 * clients, contacts, labels, cards, History and the import's rows with multi-row statements.
 */
export async function processBatch(em: EntityManager, ctx: ImportContext, batch: SourceRecord[] | PreparedBatch): Promise<BatchResult> {
  const { target, viewer } = ctx;
  const prepared = Array.isArray(batch) ? prepareBatch(ctx, batch) : batch;
  const { records, accepted } = prepared;
  const results = [...prepared.results];
  await ensureLabels(em, ctx, accepted);
  const { keys, existing } = target.duplicates === DuplicatePolicy.CreateAnyway ? { keys: new Map<number, string[]>(), existing: [] } : await keysAndMatches(em, viewer, accepted);
  const byKey = new Map<string, Working>();
  const existingById = new Map<string, ExistingClient>();
  for (const c of existing) {
    existingById.set(c.id, c);
  }
  const workingById = new Map<string, Working>();
  const existingKey = new Map<string, string>();
  for (const c of existing) for (const k of keysOfExisting(c)) if (!existingKey.has(k)) existingKey.set(k, c.id);

  const newContacts: Array<ContactDraft & { clientId: string; id: string; isPrimary: boolean }> = [];
  const newCards: Array<{ id: string; clientId: string; pipelineId: string; statusId: string; ownerId: string; value: string | null; currency: string; custom: Record<string, unknown>; rowNo: number }> = [];
  const rowContacts = new Map<number, string[]>();
  const rowCards = new Map<number, string>();

  accepted.forEach((r, i) => {
    const rowKeyList = keys.get(i) ?? [];
    let match: Working | undefined;
    for (const k of rowKeyList) {
      match = byKey.get(k);
      if (match) break;
      const id = existingKey.get(k);
      if (id) {
        match = workingById.get(id) ?? workingOf(existingById.get(id)!);
        workingById.set(id, match);
        break;
      }
    }
    const labels = {
      categoryIds: [...target.categoryIds, ...r.categories.map((n) => ctx.categories.get(lower(n))!).filter(Boolean)],
      tagIds: [...target.tagIds, ...r.tags.map((n) => ctx.tags.get(lower(n))!).filter(Boolean)],
      classificationId: r.classification ? (ctx.classifications.get(lower(r.classification)) ?? null) : null,
    };
    const c = r.draft.client;
    let w: Working;
    let outcome: ImportOutcome;
    if (match && target.duplicates === DuplicatePolicy.Skip) {
      results.push({ rowNo: r.rowNo, outcome: ImportOutcome.Skipped, clientId: match.id, reason: 'IMPORT_DUPLICATE', reasonParams: { name: match.name, row: r.rowNo }, draft: r.draft, problems: [] });
      return;
    }
    if (match) {
      w = match;
      outcome = ImportOutcome.Updated;
      const overwrite = target.duplicates === DuplicatePolicy.Overwrite;
      const set = <K extends keyof Working>(key: K, value: Working[K] | null) => {
        if (value === null || value === undefined || value === '') return;
        if (w[key] === value) return;
        if (!overwrite && w[key] !== null && w[key] !== '') return;
        w[key] = value as Working[K];
        w.changed = true;
      };
      if (overwrite) set('name', c.name);
      set('address', c.address);
      set('taxId', c.taxId);
      set('website', c.website);
      set('domain', c.domain);
      set('classificationId', labels.classificationId);
      if (r.draft.card.owner) set('ownerId', r.ownerId);
      if (r.draft.department) set('departmentId', r.departmentId);
      for (const e of c.emails) if (!w.emails.includes(e)) (w.emails.push(e), (w.changed = true));
      for (const p of c.phones) if (!w.phones.includes(p)) (w.phones.push(p), (w.changed = true));
      for (const id of labels.categoryIds) if (!w.categoryIds.has(id)) (w.categoryIds.add(id), (w.changed = true));
      for (const id of labels.tagIds) if (!w.tagIds.has(id)) (w.tagIds.add(id), (w.changed = true));
    } else {
      outcome = ImportOutcome.Created;
      w = {
        id: randomUUID(),
        isNew: true,
        name: c.name,
        type: c.type,
        emails: c.emails,
        phones: c.phones,
        address: c.address,
        taxId: c.taxId,
        website: c.website,
        domain: c.domain,
        ownerId: r.ownerId,
        departmentId: r.departmentId,
        classificationId: labels.classificationId,
        categoryIds: new Set(labels.categoryIds),
        tagIds: new Set(labels.tagIds),
        knownEmails: new Set(c.emails),
        pipelineIds: new Set(),
        previous: null,
        changed: true,
      };
      workingById.set(w.id, w);
    }
    for (const k of rowKeyList) if (!byKey.has(k)) byKey.set(k, w);
    // Contacts: a known address is the same person.
    const added: string[] = [];
    r.draft.contacts.forEach((ct) => {
      if (ct.emails.some((e) => w.knownEmails.has(e))) return;
      if (!w.isNew && !ct.emails.length) return;
      const id = randomUUID();
      newContacts.push({ ...ct, clientId: w.id, id, isPrimary: w.isNew && outcome === ImportOutcome.Created && added.length === 0 });
      for (const e of ct.emails) w.knownEmails.add(e);
      added.push(id);
    });
    if (added.length) rowContacts.set(r.rowNo, added);
    if (r.pipelineId && r.statusId && !w.pipelineIds.has(r.pipelineId)) {
      const id = randomUUID();
      newCards.push({ id, clientId: w.id, pipelineId: r.pipelineId, statusId: r.statusId, ownerId: r.ownerId, value: r.value, currency: r.currency, custom: r.custom, rowNo: r.rowNo });
      w.pipelineIds.add(r.pipelineId);
      rowCards.set(r.rowNo, id);
    }
    const previous = outcome === ImportOutcome.Updated && w.previous ? w.previous : null;
    // The first row that touches an existing client keeps its previous values; later rows restore nothing more.
    if (previous) w.previous = null;
    results.push({ rowNo: r.rowNo, outcome, clientId: w.id, reason: null, reasonParams: previous, draft: r.draft, problems: [] });
  });

  const all = [...workingById.values()];
  const created = all.filter((w) => w.isNew);
  const updated = all.filter((w) => !w.isNew && w.changed);
  if (created.length || updated.length) await em.query(PHONE_COUNTRY_FOR_TRANSACTION_SQL);
  if (created.length) {
    await em.query(
      `INSERT INTO clients (id, name, type, emails, phones, address, tax_id, website, domain, owner_id, department_id, classification_id)
       SELECT id, name, type::client_type, emails, phones, address, tax_id, website, domain, owner_id, department_id, classification_id
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, name text, type text, emails text[], phones text[], address text, tax_id text, website text, domain text, owner_id uuid, department_id uuid, classification_id uuid)`,
      [JSON.stringify(created.map((w) => ({ id: w.id, name: w.name, type: w.type, emails: w.emails, phones: w.phones, address: w.address, tax_id: w.taxId, website: w.website, domain: w.domain, owner_id: w.ownerId, department_id: w.departmentId, classification_id: w.classificationId })))],
    );
  }
  if (updated.length) {
    await em.query(
      `UPDATE clients cl SET name = x.name, emails = x.emails, phones = x.phones, address = x.address, tax_id = x.tax_id, website = x.website, domain = x.domain,
         owner_id = x.owner_id, department_id = x.department_id, classification_id = x.classification_id, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, name text, emails text[], phones text[], address text, tax_id text, website text, domain text, owner_id uuid, department_id uuid, classification_id uuid)
       WHERE cl.id = x.id`,
      [JSON.stringify(updated.map((w) => ({ id: w.id, name: w.name, emails: w.emails, phones: w.phones, address: w.address, tax_id: w.taxId, website: w.website, domain: w.domain, owner_id: w.ownerId, department_id: w.departmentId, classification_id: w.classificationId })))],
    );
    await em.query(`UPDATE cards SET updated_at = now() WHERE client_id = ANY($1::uuid[]) AND deleted_at IS NULL`, [updated.map((w) => w.id)]);
  }
  const labelled = [...created, ...updated];
  for (const [table, column, get] of [
    ['client_categories', 'category_id', (w: Working) => w.categoryIds],
    ['client_tags', 'tag_id', (w: Working) => w.tagIds],
  ] as const) {
    const pairs = labelled.flatMap((w) => [...get(w)].map((id) => [w.id, id]));
    if (pairs.length) await em.query(`INSERT INTO ${table} (client_id, ${column}) SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING`, [pairs.map((p) => p[0]), pairs.map((p) => p[1])]);
  }
  if (newContacts.length) {
    await em.query(
      `INSERT INTO contacts (id, client_id, name, title, emails, phones, is_primary)
       SELECT id, client_id, name, title, emails, phones, is_primary FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, client_id uuid, name text, title text, emails text[], phones text[], is_primary boolean)`,
      [JSON.stringify(newContacts.map((c) => ({ id: c.id, client_id: c.clientId, name: c.name.slice(0, 200), title: c.title, emails: c.emails, phones: c.phones, is_primary: c.isPrimary })))],
    );
  }
  if (newCards.length) {
    const statusIds = [...new Set(newCards.map((c) => c.statusId))];
    // The last position of each status from the end of its position index (max() over the status read
    // every card in it: 1.5 s a batch at 270,000 cards).
    const last: Array<{ status_id: string; p: string | null }> = await em.query(
      `SELECT s AS status_id, (SELECT position FROM cards WHERE status_id = s AND deleted_at IS NULL ORDER BY position DESC LIMIT 1) AS p FROM unnest($1::uuid[]) s`,
      [statusIds],
    );
    const positions = new Map<string, string[]>();
    for (const s of statusIds) {
      const n = newCards.filter((c) => c.statusId === s).length;
      positions.set(s, positionsBetween(last.find((l) => l.status_id === s)?.p ?? null, null, n));
    }
    await em.query(
      `INSERT INTO cards (id, client_id, pipeline_id, status_id, owner_id, position, value, currency, custom_values)
       SELECT id, client_id, pipeline_id, status_id, owner_id, position, value, currency, custom_values
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, client_id uuid, pipeline_id uuid, status_id uuid, owner_id uuid, position text, value numeric, currency text, custom_values jsonb)`,
      [JSON.stringify(newCards.map((c) => ({ id: c.id, client_id: c.clientId, pipeline_id: c.pipelineId, status_id: c.statusId, owner_id: c.ownerId, position: positions.get(c.statusId)!.shift(), value: c.value, currency: c.currency, custom_values: c.custom })))],
    );
    if (target.noAutomations) {
      // Remembered as excluded, the cards are not enrolled where they stand now (a later move still is).
      await em.query(
        `INSERT INTO automation_enrolments (automation_id, card_id, cycle, state, matching, entered_at)
         SELECT a.id, c.id, 0, 'EXCLUDED', true, now() FROM unnest($1::uuid[], $2::uuid[]) AS c(id, pipeline_id)
         JOIN automations a ON a.pipeline_id = c.pipeline_id AND a.state = 'ACTIVE' AND a.mode = 'CONTINUOUS'
         ON CONFLICT DO NOTHING`,
        [newCards.map((c) => c.id), newCards.map((c) => c.pipelineId)],
      );
    }
  }
  // History: each created client and card, and each updated client, names the import.
  const audit = [
    ...created.map((w) => ({ action: 'create', entity: 'client', entity_id: w.id, client_id: w.id, card_id: null, changes: { name: [null, w.name], importId: [null, ctx.importId] } })),
    ...newCards.map((c) => ({ action: 'create', entity: 'card', entity_id: c.id, client_id: c.clientId, card_id: c.id, changes: { statusId: [null, c.statusId], importId: [null, ctx.importId] } })),
    ...updated.map((w) => ({ action: 'update', entity: 'client', entity_id: w.id, client_id: w.id, card_id: null, changes: { importId: [null, ctx.importId] } })),
  ];
  if (audit.length) {
    await em.query(
      `INSERT INTO audit_log (actor_id, action, entity, entity_id, client_id, card_id, changes)
       SELECT $1, action, entity, entity_id, client_id, card_id, changes FROM jsonb_to_recordset($2::jsonb) AS x(action text, entity text, entity_id uuid, client_id uuid, card_id uuid, changes jsonb)`,
      [viewer.id, JSON.stringify(audit)],
    );
  }
  const fieldsByRow = new Map(records.map((r) => [r.rowNo, r.fields]));
  await em.query(
    `INSERT INTO import_rows (import_id, row_no, outcome, client_id, card_id, contact_ids, previous, reason, reason_params, fields)
     SELECT $1, row_no, outcome, client_id, card_id, contact_ids, previous, reason, reason_params, fields
     FROM jsonb_to_recordset($2::jsonb) AS x(row_no int, outcome text, client_id uuid, card_id uuid, contact_ids uuid[], previous jsonb, reason text, reason_params jsonb, fields text[])`,
    [
      ctx.importId,
      JSON.stringify(
        results.map((r) => ({
          row_no: r.rowNo,
          outcome: r.outcome,
          client_id: r.clientId,
          card_id: rowCards.get(r.rowNo) ?? null,
          contact_ids: rowContacts.get(r.rowNo) ?? null,
          previous: r.outcome === ImportOutcome.Updated ? r.reasonParams : null,
          reason: r.outcome === ImportOutcome.Updated ? null : r.reason,
          reason_params: r.outcome === ImportOutcome.Updated ? null : r.reasonParams,
          fields: r.outcome === ImportOutcome.Rejected ? (fieldsByRow.get(r.rowNo) ?? []) : null,
        })),
      ),
    ],
  );
  const counts: ImportCounts = { created: 0, updated: 0, skipped: 0, rejected: 0 };
  for (const r of results) counts[r.outcome.toLowerCase() as keyof ImportCounts]++;
  await em.query(
    `UPDATE imports SET counts = jsonb_build_object('created', (counts->>'created')::int + $2, 'updated', (counts->>'updated')::int + $3, 'skipped', (counts->>'skipped')::int + $4, 'rejected', (counts->>'rejected')::int + $5) WHERE id = $1`,
    [ctx.importId, counts.created, counts.updated, counts.skipped, counts.rejected],
  );
  results.sort((a, b) => a.rowNo - b.rowNo);
  return { counts, rows: results, pipelineIds: [...new Set(newCards.map((c) => c.pipelineId))] };
}
