import { BackgroundJobKind, DuplicatePolicy, ImportOutcome, type ImportCounts } from '@crm/shared';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import type { DataSource, EntityManager } from 'typeorm';
import { loadViewer, type Viewer } from '../access/viewer';
import { cancelForTrash } from '../automation/engine';
import { ImportRun } from '../entities/import.entity';
import { BackgroundJob } from '../entities/background-job.entity';
import { createBackgroundJob, JobFailure, runBackgroundJob, type JobRun } from '../jobs/background-jobs';
import type { FileStorage } from '../storage/storage';
import { trashCards } from '../trash/trash-cards';
import { emptyBatch, loadImportContext, prepareRecord, processBatch, type ImportTarget, type PreparedBatch, type RowResult } from './engine';
import { DEFAULT_LIMITS, readRecords, type OpenFile, type ParseSettings, type SourceLimits, type SourceRecord } from './source';

/** Rows per transaction: each batch is all-or-nothing, and a restart resumes after the last one. */
export const IMPORT_BATCH = 2000;
export const UNDO_DAYS = 30;

export interface NewImport {
  fileName: string;
  fileKey: string;
  fileSize: number;
  settings: ParseSettings;
  mapping: Array<string | null>;
  target: ImportTarget;
}

/** The import's row and its background job, in the caller's transaction (enqueue after commit). */
export async function createImport(em: EntityManager, viewer: Viewer, input: NewImport): Promise<ImportRun> {
  const job = await createBackgroundJob(em, { kind: BackgroundJobKind.Import, createdById: viewer.id, payload: { fileName: input.fileName } });
  return em.getRepository(ImportRun).save({
    id: job.id,
    createdById: viewer.id,
    fileName: input.fileName,
    fileKey: input.fileKey,
    fileSize: String(input.fileSize),
    settings: input.settings as unknown as Record<string, unknown>,
    mapping: { columns: input.mapping },
    target: input.target as unknown as Record<string, unknown>,
    counts: { created: 0, updated: 0, skipped: 0, rejected: 0 },
  });
}

/** The header's cells, and the data records after it (from a row number on). */
async function* dataRecords(open: OpenFile, settings: ParseSettings, limits: SourceLimits, headers: string[], afterRow = 0): AsyncGenerator<SourceRecord> {
  for await (const rec of readRecords(open, settings, limits)) {
    if (rec.rowNo < settings.headerRow) continue;
    if (rec.rowNo === settings.headerRow) {
      if (rec.problem) throw new JobFailure(rec.problem.code === 'IMPORT_TOO_MANY_FIELDS' ? 'IMPORT_TOO_MANY_COLUMNS' : rec.problem.code, { ...rec.problem.params, row: rec.rowNo });
      headers.splice(0, headers.length, ...rec.fields);
      continue;
    }
    if (rec.rowNo <= afterRow) continue;
    yield rec;
  }
}

/**
 * Reads the whole file once without writing: counts the rows and finds rows that cannot be read
 * (a broken quote, invalid bytes, too many fields). Unless the user accepted skipping them, such
 * rows stop the import before anything is written.
 */
async function scan(open: OpenFile, settings: ParseSettings, limits: SourceLimits): Promise<{ total: number; headers: string[] }> {
  const headers: string[] = [];
  let total = 0;
  const broken: SourceRecord[] = [];
  for await (const rec of dataRecords(open, settings, limits, headers)) {
    total++;
    if (rec.problem && broken.length < 10) broken.push(rec);
  }
  if (total === 0) throw new JobFailure('IMPORT_NO_ROWS');
  if (broken.length && !settings.skipBrokenRows) {
    throw new JobFailure(broken[0].problem!.code, { ...broken[0].problem!.params, row: broken[0].rowNo, rows: broken.map((r) => r.rowNo) });
  }
  return { total, headers };
}

/** IMPORT_PROFILE=1: each batch's statements with their times, on stderr (BENCHMARKS.md "Imports"). */
function profiled(em: EntityManager) {
  const started = Date.now();
  const times: string[] = [];
  const query = em.query.bind(em);
  const wrapped = Object.create(em) as EntityManager;
  wrapped.query = async (sql: string, params?: unknown[]) => {
    const t = Date.now();
    try {
      return await query(sql, params);
    } finally {
      times.push(`${Date.now() - t} ms ${sql.replace(/\s+/g, ' ').slice(0, 70)}`);
    }
  };
  return { em: wrapped, report: () => console.error(`import batch ${Date.now() - started} ms\n  ${times.join('\n  ')}`) };
}

/** The tables an import writes, whose statistics it refreshes as they grow. */
const IMPORT_WRITES = ['clients', 'contacts', 'client_categories', 'client_tags', 'cards', 'card_status_changes'];

export interface ImportRunOptions {
  storage: FileStorage;
  limits?: SourceLimits;
  batchSize?: number;
  /** Told after each committed batch that made cards (automations are re-evaluated there). */
  onCardsChanged?: (pipelineId: string) => Promise<void>;
  /** Called after each committed batch (tests stop a worker here). */
  afterBatch?: (rowsDone: number) => Promise<void> | void;
}

/** Runs or resumes an import (the worker's job): batches after the last committed one. */
export async function runImport(ds: DataSource, importId: string, options: ImportRunOptions) {
  return runBackgroundJob<{ lastRow: number }, ImportCounts & Record<string, unknown>>(ds, importId, async (run: JobRun<{ lastRow: number }>) => {
    const imp = await ds.getRepository(ImportRun).findOneByOrFail({ id: importId });
    const viewer = imp.createdById ? await loadViewer(ds.manager, imp.createdById) : null;
    if (!viewer) throw new JobFailure('IMPORT_USER_GONE');
    const settings = imp.settings as unknown as ParseSettings;
    const limits = options.limits ?? DEFAULT_LIMITS;
    const open = () => options.storage.get(imp.fileKey);
    const { total, headers } = await scan(open, settings, limits);
    await run.setTotal(total);
    await ds.query(`UPDATE imports SET mapping = mapping || jsonb_build_object('headers', $2::jsonb) WHERE id = $1`, [importId, JSON.stringify(headers)]);
    const ctx = await loadImportContext(ds.manager, {
      importId,
      viewer,
      target: imp.target as unknown as ImportTarget,
      mapping: (imp.mapping as { columns: Array<string | null> }).columns,
      headers,
      format: settings.format,
    });
    const size = options.batchSize ?? IMPORT_BATCH;
    let batches = 0;
    const write = async (prepared: PreparedBatch) => {
      const { records } = prepared;
      let pipelines: string[] = [];
      const r = await run.commit(async (em) => {
        const profile = process.env.IMPORT_PROFILE ? profiled(em) : null;
        const result = await processBatch(profile?.em ?? em, ctx, prepared);
        profile?.report();
        pipelines = result.pipelineIds;
        return { rows: records.length, checkpoint: { lastRow: records[records.length - 1].rowNo } };
      });
      if (r === 'cancelled') return false;
      // An import may grow the tables from nearly empty: statistics refreshed at each doubling of the
      // batches keep the planner's row counts near the truth, for the duplicate lookups and for the
      // plans the label and totals triggers cached in each connection (an ANALYZE makes them plan
      // again). A plan made while the cards were few read every card per newly labelled client.
      batches++;
      if ((batches & (batches - 1)) === 0) await ds.query(`ANALYZE ${IMPORT_WRITES.join(', ')}`);
      for (const p of pipelines) await options.onCardsChanged?.(p);
      await options.afterBatch?.(records.length);
      return true;
    };
    // The file is read and the next batch prepared while the database writes the current one; the
    // batches still commit one after another, in the file's order.
    let writing: Promise<boolean> | null = null;
    const next = async (prepared: PreparedBatch | null) => {
      const ok = writing ? await writing : true;
      writing = ok && prepared ? write(prepared) : null;
      // Awaited at the next batch or the end; until then a failure must not count as unhandled.
      writing?.catch(() => undefined);
      return ok;
    };
    let batch = emptyBatch();
    try {
      for await (const rec of dataRecords(open, settings, limits, [], run.checkpoint.lastRow ?? 0)) {
        prepareRecord(ctx, batch, rec);
        const n = batch.records.length;
        // Short turns: the statements of the batch being written go out between them.
        if (n % 100 === 0) await new Promise(setImmediate);
        if (n < size) continue;
        const prepared = batch;
        batch = emptyBatch();
        if (!(await next(prepared))) return null;
      }
      if (!(await next(batch.records.length ? batch : null))) return null;
      if (!(await next(null))) return null;
    } finally {
      // A failed read must not leave a batch committing behind the job's back.
      await (writing as Promise<boolean> | null)?.catch(() => undefined);
    }
    const done = await ds.getRepository(ImportRun).findOneByOrFail({ id: importId });
    await ds.query(
      `INSERT INTO audit_log (actor_id, action, entity, entity_id, changes) VALUES ($1, 'import', 'import', $2, $3)`,
      [viewer.id, importId, { file: [null, imp.fileName], counts: [null, done.counts] }],
    );
    return { ...done.counts };
  });
}

export interface PreviewResult {
  headers: string[];
  rows: RowResult[];
  counts: ImportCounts;
  /** Rows the counts cover (the whole file when it is shorter than the preview limit). */
  rowsChecked: number;
  /** Whether the file has rows beyond those checked. */
  more: boolean;
}

/**
 * What the import would do with the first rows, without writing anything: the same batch code runs
 * in a transaction that is rolled back.
 */
export async function previewImport(ds: DataSource, viewer: Viewer, input: NewImport, open: OpenFile, limit = 2000, limits = DEFAULT_LIMITS): Promise<PreviewResult> {
  const headers: string[] = [];
  const records: SourceRecord[] = [];
  let more = false;
  for await (const rec of dataRecords(open, input.settings, limits, headers)) {
    if (records.length >= limit) {
      more = true;
      break;
    }
    records.push(rec);
  }
  const rollback = new Error('preview');
  let result: PreviewResult | null = null;
  await ds
    .transaction(async (em) => {
      const imp = await createImport(em, viewer, input);
      const ctx = await loadImportContext(em, { importId: imp.id, viewer, target: input.target, mapping: input.mapping, headers, format: input.settings.format });
      const batch = await processBatch(em, ctx, records);
      result = { headers, rows: batch.rows, counts: batch.counts, rowsChecked: records.length, more };
      throw rollback;
    })
    .catch((err) => {
      if (err !== rollback) throw err;
    });
  return result!;
}

/** The rejected rows as a file to fix and import again: the header, the original cells, and a reason column (CSV in the file's own encoding and delimiter). */
export async function rejectsFile(em: EntityManager, imp: ImportRun, reasonText: (code: string, params: Record<string, unknown>) => string): Promise<{ body: Buffer; fileName: string; mimeType: string }> {
  const settings = imp.settings as unknown as ParseSettings;
  const rows: Array<{ row_no: number; fields: string[]; reason: string; reason_params: Record<string, unknown> }> = await em.query(
    `SELECT row_no, fields, reason, reason_params FROM import_rows WHERE import_id = $1 AND outcome = 'REJECTED' ORDER BY row_no`,
    [imp.id],
  );
  const header: string[] = ((imp.mapping as { headers?: string[] }).headers ?? []).slice();
  const width = Math.max(header.length, ...rows.map((r) => r.fields.length));
  const pad = (f: string[]) => [...f, ...Array(Math.max(0, width - f.length)).fill('')];
  const csv = settings.format === 'CSV';
  const delimiter = csv ? settings.delimiter : ',';
  const text = stringify([[...pad(header), 'Row', 'Reason'], ...rows.map((r) => [...pad(r.fields), String(r.row_no), reasonText(r.reason, r.reason_params ?? {})])], { delimiter, record_delimiter: csv && settings.encoding !== 'utf-8' ? 'windows' : 'unix' });
  const encoding = csv ? settings.encoding : 'utf-8';
  const bom = encoding === 'utf-8' || encoding.startsWith('utf-16');
  const body = iconv.encode(text, encoding, { addBOM: bom });
  const base = imp.fileName.replace(/\.[^.]+$/, '');
  return { body, fileName: `${base}-rejected.csv`, mimeType: `text/csv; charset=${encoding}` };
}

/** Import rows that left something to undo: a client created or updated, a card or contacts added. */
const UNDO_ROWS = `(outcome IN ('CREATED', 'UPDATED') OR card_id IS NOT NULL OR contact_ids IS NOT NULL)`;

/** Where an undo's last committed batch ended, and what it did so far. */
interface UndoCheckpoint {
  rowNo: number;
  trashed: number;
  restored: number;
  /** The import is marked undone (the last commit). */
  done?: boolean;
}

/**
 * Asks for an import to be undone within 30 days (JOBS.undoImport runs it in the worker): returns
 * the undo's background job, the one already queued or running if there is one. An undo cancelled or failed
 * before goes on from where it stopped.
 */
export async function requestUndoImport(em: EntityManager, viewer: Viewer, importId: string): Promise<string> {
  const [imp] = await em.query(`SELECT i.*, j.state FROM imports i JOIN background_jobs j ON j.id = i.id WHERE i.id = $1 FOR UPDATE OF i`, [importId]);
  if (!imp) throw new JobFailure('IMPORT_NOT_FOUND');
  if (imp.undone_at) throw new JobFailure('IMPORT_ALREADY_UNDONE');
  if (['QUEUED', 'RUNNING', 'CANCELLING'].includes(imp.state)) throw new JobFailure('IMPORT_STILL_RUNNING');
  if (Date.now() - new Date(imp.created_at).getTime() > UNDO_DAYS * 86_400_000) throw new JobFailure('IMPORT_UNDO_EXPIRED', { days: UNDO_DAYS });
  const [previous] = imp.undo_job_id ? await em.query(`SELECT id, state, checkpoint, rows_done FROM background_jobs WHERE id = $1`, [imp.undo_job_id]) : [];
  // (One still stopping is returned too: a second would redo the batch it is committing.)
  if (previous && ['QUEUED', 'RUNNING', 'CANCELLING'].includes(previous.state)) return previous.id;
  const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM import_rows WHERE import_id = $1 AND ${UNDO_ROWS}`, [importId]);
  // The job is the import's owner's (who sees the import sees its undo, as admins do); History names who asked.
  const job = await createBackgroundJob(em, { kind: BackgroundJobKind.ImportUndo, createdById: imp.created_by_id, payload: { importId, actorId: viewer.id }, rowsTotal: n });
  if (previous) await em.query(`UPDATE background_jobs SET checkpoint = $2, rows_done = $3 WHERE id = $1`, [job.id, previous.checkpoint, previous.rows_done]);
  await em.query(`UPDATE imports SET undo_job_id = $2 WHERE id = $1`, [importId, job.id]);
  return job.id;
}

/**
 * Undoes an import (its undo job, from requestUndoImport), IMPORT_BATCH rows a transaction in the
 * file's order: what the rows created goes to the trash (clients with their cards, cards added to
 * existing clients, contacts added), with History entries, and a client they updated gets back what
 * it had before its first update; their automations stop and mail queued to them is not sent. The
 * last commit marks the import undone. Resumes after the last committed batch; a cancel leaves the
 * batches done undone (asking again goes on).
 */
export async function runImportUndo(ds: DataSource, jobId: string, batchSize = IMPORT_BATCH): Promise<BackgroundJob | null> {
  return runBackgroundJob<UndoCheckpoint, { trashed: number; restored: number }>(ds, jobId, async (run) => {
    const { importId, actorId } = run.job.payload as { importId: string; actorId: string | null };
    const at: UndoCheckpoint = { rowNo: 0, trashed: 0, restored: 0, ...run.checkpoint };
    while (!at.done) {
      const outcome = await run.commit(async (em) => {
        const rows: Array<{ row_no: number; outcome: string; client_id: string | null; card_id: string | null; contact_ids: string[] | null }> = await em.query(
          `SELECT row_no, outcome, client_id, card_id, contact_ids FROM import_rows WHERE import_id = $1 AND row_no > $2 AND ${UNDO_ROWS} ORDER BY row_no LIMIT $3`,
          [importId, at.rowNo, batchSize],
        );
        if (!rows.length) {
          await em.query(`UPDATE imports SET undone_at = now() WHERE id = $1`, [importId]);
          await recordUndo(em, actorId, [{ action: 'undo', entity: 'import', entity_id: importId, client_id: null, card_id: null, changes: { trashed: [null, at.trashed], restored: [null, at.restored] } }]);
          return { rows: 0, checkpoint: { ...at, done: true } };
        }
        const { trashed, restored } = await undoRows(em, actorId, importId, rows);
        return { rows: rows.length, checkpoint: { rowNo: rows[rows.length - 1].row_no, trashed: at.trashed + trashed, restored: at.restored + restored } };
      });
      if (outcome === 'cancelled') return null;
      Object.assign(at, run.checkpoint);
    }
    return { trashed: at.trashed, restored: at.restored };
  });
}

/** One batch of an undo (see runImportUndo): returns the clients trashed and restored. */
async function undoRows(
  em: EntityManager,
  actorId: string | null,
  importId: string,
  rows: Array<{ row_no: number; outcome: string; client_id: string | null; card_id: string | null; contact_ids: string[] | null }>,
): Promise<{ trashed: number; restored: number }> {
  const [{ now }] = await em.query('SELECT now() AS now');
  const created = rows.filter((r) => r.outcome === 'CREATED' && r.client_id).map((r) => r.client_id!);
  const live: Array<{ id: string }> = await em.query(`SELECT id FROM cards WHERE deleted_at IS NULL AND (client_id = ANY($1::uuid[]) OR id = ANY($2::uuid[]))`, [
    created,
    rows.filter((r) => r.card_id).map((r) => r.card_id),
  ]);
  const cards = await trashCards(em, live.map((c) => c.id), now);
  const [clients]: [Array<{ id: string }>] = await em.query(`UPDATE clients SET deleted_at = $2 WHERE deleted_at IS NULL AND id = ANY($1::uuid[]) RETURNING id`, [created, now]);
  await em.query(`UPDATE contacts SET deleted_at = $2 WHERE deleted_at IS NULL AND id = ANY($1::uuid[])`, [rows.flatMap((r) => r.contact_ids ?? []), now]);
  // A client updated by several rows gets back what it had before the first of them.
  const restored: Array<{ client_id: string; previous: Record<string, any> }> = await em.query(
    `SELECT r.client_id, r.previous FROM import_rows r WHERE r.import_id = $1 AND r.row_no = ANY($2::int[]) AND r.outcome = 'UPDATED' AND r.previous IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM import_rows o WHERE o.import_id = r.import_id AND o.client_id = r.client_id AND o.outcome = 'UPDATED' AND o.row_no < r.row_no AND o.previous IS NOT NULL)`,
    [importId, rows.filter((r) => r.outcome === 'UPDATED').map((r) => r.row_no)],
  );
  for (const { client_id: id, previous: p } of restored) {
    await em.query(
      `UPDATE clients SET name = $2, type = $3, address = $4, tax_id = $5, website = $6, domain = $7, owner_id = $8, department_id = $9, classification_id = $10, emails = $11, phones = $12, updated_at = now() WHERE id = $1`,
      [id, p.name, p.type, p.address, p.tax_id, p.website, p.domain, p.owner_id, p.department_id, p.classification_id, p.emails, p.phones],
    );
    await em.query(`DELETE FROM client_categories WHERE client_id = $1 AND NOT (category_id = ANY($2::uuid[]))`, [id, p.category_ids ?? []]);
    await em.query(`DELETE FROM client_tags WHERE client_id = $1 AND NOT (tag_id = ANY($2::uuid[]))`, [id, p.tag_ids ?? []]);
  }
  // Nothing the import started goes on: its cards' automations and the mail queued to its clients.
  await cancelForTrash(em, cards.map((c) => c.id), clients.map((c) => c.id), now);
  const changes = { undoneImportId: [importId, null] };
  await recordUndo(em, actorId, [
    ...clients.map((c) => ({ action: 'delete', entity: 'client', entity_id: c.id, client_id: c.id, card_id: null, changes })),
    ...cards.map((c) => ({ action: 'delete', entity: 'card', entity_id: c.id, client_id: c.client_id, card_id: c.id, changes })),
    ...restored.map((r) => ({ action: 'update', entity: 'client', entity_id: r.client_id, client_id: r.client_id, card_id: null, changes })),
  ]);
  return { trashed: clients.length, restored: restored.length };
}

/** History entries of an undo, in one statement. */
async function recordUndo(em: EntityManager, actorId: string | null, audit: Array<Record<string, unknown>>): Promise<void> {
  if (!audit.length) return;
  await em.query(
    `INSERT INTO audit_log (actor_id, action, entity, entity_id, client_id, card_id, changes)
     SELECT $1, action, entity, entity_id, client_id, card_id, changes FROM jsonb_to_recordset($2::jsonb) AS x(action text, entity text, entity_id uuid, client_id uuid, card_id uuid, changes jsonb)`,
    [actorId, JSON.stringify(audit)],
  );
}

