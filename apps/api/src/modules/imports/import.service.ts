import {
  loadOrganisationSettings,
  BackgroundJob,
  createImport,
  DEFAULT_LIMITS,
  enqueueBackgroundJob,
  ImportMapping,
  ImportRun,
  inspectFile,
  JobFailure,
  previewImport,
  readRecords,
  rejectsFile,
  requestUndoImport,
  UNDO_DAYS,
  type FileStorage,
  type ImportTarget,
  type OpenFile,
  type ParseSettings,
  type Queues,
  type Viewer,
} from '@crm/db';
import { headerKey, importTargets, JOBS, Role, suggestMapping, isImportTarget } from '@crm/shared';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, In } from 'typeorm';
import { AppError, badFields, fieldProblem, fileTooLarge, megabytes, notFound, refused } from '../../graphql/errors';
import { toBackgroundJob } from '../jobs/job.service';
import type { ImportInput, ImportMappingType, ImportPreviewType, ImportRunType, ImportTargetInput } from './import.types';

/** A reason the import cannot go on, as a user error carrying its message code and parameters. */
function userError(err: unknown): never {
  if (err instanceof JobFailure) throw new AppError('BAD_USER_INPUT', describeImportProblem(err.code, err.params), { reason: err.code, params: err.params });
  throw err;
}

const TEXTS: Record<string, string> = {
  IMPORT_EMPTY_FILE: 'The file is empty.',
  IMPORT_BINARY_FILE: 'This is not a text file (CSV) or a spreadsheet we can read.',
  IMPORT_OLD_EXCEL: 'Save the file as .xlsx or CSV first (the old .xls format is not read).',
  IMPORT_UNKNOWN_FORMAT: 'The file is not a CSV, XLSX or vCard file.',
  IMPORT_BROKEN_XLSX: 'The spreadsheet cannot be read.',
  IMPORT_ZIP_TOO_LARGE: 'The spreadsheet unpacks to more than the limit.',
  IMPORT_NO_SUCH_SHEET: 'The sheet does not exist.',
  IMPORT_NO_ROWS: 'The file has no rows under its header.',
  IMPORT_TOO_MANY_COLUMNS: 'The file has too many columns.',
  IMPORT_TOO_MANY_FIELDS: 'The row has too many fields.',
  IMPORT_VCARD_VALUE_TOO_LARGE: 'A value of the card (a photo, usually) is too large.',
  IMPORT_ROW_TOO_LONG: 'The row is too long.',
  IMPORT_BROKEN_QUOTE: 'A quoted field is never closed.',
  IMPORT_INVALID_ENCODING: 'The row has characters that are not valid in the chosen encoding.',
  IMPORT_INVALID_EMAIL: 'Not an email address.',
  IMPORT_INVALID_PHONE: 'Not a phone number.',
  IMPORT_INVALID_DOMAIN: 'Not a domain.',
  IMPORT_INVALID_CURRENCY: 'Not a currency code.',
  IMPORT_NOT_A_NUMBER: 'Not a number.',
  IMPORT_NOT_A_DATE: 'Not a date.',
  IMPORT_NOT_YES_NO: 'Not yes or no.',
  IMPORT_UNKNOWN_OPTION: 'Not one of the field’s choices.',
  IMPORT_UNKNOWN_USER: 'No such user.',
  IMPORT_UNKNOWN_TYPE: 'Neither company nor person.',
  IMPORT_UNKNOWN_PIPELINE: 'No such pipeline.',
  IMPORT_UNKNOWN_STATUS: 'No such status in the pipeline.',
  IMPORT_STATUS_WITHOUT_PIPELINE: 'A status needs a pipeline.',
  IMPORT_UNKNOWN_OWNER: 'No such user.',
  IMPORT_FIELD_NOT_IN_PIPELINE: 'The field is not one of the pipeline’s.',
  IMPORT_OUTSIDE_DEPARTMENTS: 'A department you do not belong to.',
  IMPORT_TOO_LONG: 'Too long.',
  IMPORT_NO_NAME: 'No name.',
  IMPORT_DUPLICATE: 'Already a client.',
};

/** An English sentence for a code (the web app shows its own translations; files carry this). */
export function describeImportProblem(code: string, params: Record<string, unknown> = {}): string {
  const text = TEXTS[code] ?? code;
  const where = [params.row ? `row ${params.row}` : null, params.column ? `column ${params.column}` : null].filter(Boolean).join(', ');
  const value = params.value !== undefined ? ` Value: ${params.value}` : '';
  return `${where ? `${where[0].toUpperCase()}${where.slice(1)}: ` : ''}${text}${value}`;
}

export interface UploadedImportFile {
  key: string;
  fileName: string;
  size: number;
}

/** Imports: upload, preview, start, progress, result, rejects file, undo; saved mappings. */
export class ImportService {
  constructor(
    private readonly ds: DataSource,
    private readonly storage: FileStorage,
    private readonly queues: Queues,
    private readonly maxBytes: number,
  ) {}

  /** The largest file an import takes, in MB (IMPORT_MAX_MB): the upload page names it. */
  get maxMegabytes(): number {
    return megabytes(this.maxBytes);
  }

  /** Streams an upload into storage under the user's import folder. */
  async upload(viewer: Viewer, fileName: string, stream: Readable): Promise<UploadedImportFile> {
    const key = `imports/${viewer.id}/${randomUUID()}`;
    let size = 0;
    let tooBig = false;
    stream.on('limit', () => (tooBig = true));
    stream.on('data', (c: Buffer) => (size += c.length));
    await this.storage.put(key, stream);
    if (tooBig || size > this.maxBytes) {
      await this.storage.delete(key);
      throw fileTooLarge(this.maxBytes);
    }
    if (size === 0) {
      await this.storage.delete(key);
      throw new AppError('BAD_USER_INPUT', TEXTS.IMPORT_EMPTY_FILE, { reason: 'IMPORT_EMPTY_FILE', params: {} });
    }
    return { key, fileName: fileName.slice(0, 255) || 'import.csv', size };
  }

  private opener(viewer: Viewer, key: string): OpenFile {
    // The key names its uploader: nobody reads another user's upload.
    if (!key.startsWith(`imports/${viewer.id}/`)) throw notFound('Upload');
    return () => this.storage.get(key);
  }

  /** Checks the target against what exists and what the user may do; fills defaults. */
  private async target(viewer: Viewer, input: ImportTargetInput): Promise<ImportTarget> {
    const em = this.ds.manager;
    let statusId = input.statusId ?? null;
    if (input.pipelineId) {
      const statuses: Array<{ id: string }> = await em.query(`SELECT id FROM statuses WHERE pipeline_id = $1 AND archived_at IS NULL ORDER BY position`, [input.pipelineId]);
      if (!statuses.length) throw badFields('Choose a pipeline with statuses.', { pipelineId: fieldProblem('PIPELINE_WITH_STATUSES', 'Choose a pipeline with statuses.') });
      if (statusId && !statuses.some((s) => s.id === statusId)) throw badFields('Choose a status of the pipeline.', { statusId: fieldProblem('STATUS_OF_PIPELINE', 'Choose a status of the pipeline.') });
      statusId ??= statuses[0].id;
    } else statusId = null;
    if (input.ownerId && !(await em.query(`SELECT 1 FROM users WHERE id = $1 AND active`, [input.ownerId])).length) throw badFields('Choose an active user as owner.', { ownerId: fieldProblem('ACTIVE_USER', 'Choose an active user.') });
    let departmentId = input.departmentId ?? null;
    if (viewer.departmentIds.length) {
      // A department-limited user imports only into their departments.
      if (!departmentId && viewer.departmentIds.length === 1) departmentId = viewer.departmentIds[0];
      if (!departmentId || !viewer.departmentIds.includes(departmentId)) throw badFields('Choose one of your departments.', { departmentId: fieldProblem('OWN_DEPARTMENT', 'Choose one of your departments.') });
    }
    return {
      pipelineId: input.pipelineId ?? null,
      statusId,
      ownerId: input.ownerId ?? null,
      categoryIds: input.categoryIds ?? [],
      tagIds: input.tagIds ?? [],
      departmentId,
      duplicates: input.duplicates,
      noAutomations: input.noAutomations,
      locale: input.locale,
      country: input.country ?? (await loadOrganisationSettings(em)).defaultCountry,
      currency: input.currency,
    };
  }

  private async headersOf(open: OpenFile, settings: ParseSettings): Promise<string[]> {
    for await (const rec of readRecords(open, settings, DEFAULT_LIMITS)) if (rec.rowNo >= settings.headerRow) return rec.fields;
    throw new JobFailure('IMPORT_NO_ROWS');
  }

  /** Settings (detected, then overridden), headers and mapping (suggested unless given). */
  private async read(viewer: Viewer, input: ImportInput, target: ImportTarget) {
    const open = this.opener(viewer, input.fileKey);
    const given = Object.fromEntries(Object.entries(input.settings ?? {}).filter(([, v]) => v !== null && v !== undefined)) as Partial<ParseSettings>;
    const inspection = await inspectFile(open, input.fileName, given).catch(userError);
    const headers = await this.headersOf(open, inspection.settings).catch(userError);
    const fields: Array<{ id: string; label: string }> = target.pipelineId ? await this.ds.query(`SELECT id, label FROM custom_fields WHERE pipeline_id = $1 AND archived_at IS NULL`, [target.pipelineId]) : [];
    let mapping = input.mapping ?? null;
    if (mapping) {
      for (const t of mapping) if (t && !isImportTarget(t)) throw refused('IMPORT_UNKNOWN_FIELD', `Unknown field: ${t}`, { field: t });
      mapping = headers.map((_, i) => mapping![i] ?? null);
    } else {
      const saved = await this.savedColumns(viewer);
      mapping = suggestMapping(headers, fields, saved);
    }
    return { open, inspection, headers, mapping, targets: [...importTargets(), ...fields.map((f) => `custom.${f.id}`)] };
  }

  /** The most recent saved mapping's columns (header name -> target) for suggestions. */
  private async savedColumns(viewer: Viewer): Promise<Record<string, string>> {
    const [last] = await this.ds.getRepository(ImportMapping).find({ where: { createdById: viewer.id }, order: { createdAt: 'DESC' }, take: 1 });
    return last?.columns ?? {};
  }

  async preview(viewer: Viewer, input: ImportInput): Promise<ImportPreviewType> {
    const target = await this.target(viewer, input.target);
    const { open, inspection, headers, mapping, targets } = await this.read(viewer, input, target);
    const preview = await previewImport(this.ds, viewer, { fileName: input.fileName, fileKey: input.fileKey, fileSize: 0, settings: inspection.settings, mapping, target }, open).catch(userError);
    return {
      settings: inspection.settings,
      sheets: inspection.sheets,
      headers,
      mapping,
      targets,
      sample: inspection.rows.slice(0, 12),
      rows: preview.rows.slice(0, 50).map((r) => ({
        rowNo: r.rowNo,
        outcome: r.outcome,
        reason: r.outcome === 'UPDATED' ? null : r.reason,
        reasonParams: r.outcome === 'UPDATED' ? null : r.reasonParams,
        draft: r.draft ? { ...r.draft, problems: undefined } : null,
        problems: r.problems.map((p) => ({ column: p.column, code: p.code, params: p.params ?? null })),
      })),
      counts: preview.counts,
      rowsChecked: preview.rowsChecked,
      more: preview.more,
    };
  }

  async start(viewer: Viewer, input: ImportInput): Promise<ImportRunType> {
    const target = await this.target(viewer, input.target);
    const { inspection, mapping } = await this.read(viewer, input, target);
    const size = await this.storage.get(input.fileKey).then(async (s) => {
      let n = 0;
      for await (const c of s) n += (c as Buffer).length;
      return n;
    });
    const imp = await this.ds.transaction((em) => createImport(em, viewer, { fileName: input.fileName, fileKey: input.fileKey, fileSize: size, settings: inspection.settings, mapping, target }));
    await enqueueBackgroundJob(this.queues, JOBS.runImport, imp.id);
    return this.get(viewer, imp.id);
  }

  private async visible(viewer: Viewer, id: string): Promise<ImportRun> {
    const imp = await this.ds.getRepository(ImportRun).findOneBy({ id });
    if (!imp || (viewer.role !== Role.Admin && imp.createdById !== viewer.id)) throw notFound('Import');
    return imp;
  }

  /** The run as the API shows it, its job and undo job found in `jobs`. */
  private toRun(imp: ImportRun, jobs: BackgroundJob[]): ImportRunType {
    const job = jobs.find((j) => j.id === imp.id)!;
    const undoJob = imp.undoJobId ? jobs.find((j) => j.id === imp.undoJobId) : undefined;
    return {
      id: imp.id,
      fileName: imp.fileName,
      createdAt: imp.createdAt,
      counts: imp.counts,
      undoneAt: imp.undoneAt,
      undoUntil: new Date(imp.createdAt.getTime() + UNDO_DAYS * 86_400_000),
      job: toBackgroundJob(job),
      undoJob: undoJob ? toBackgroundJob(undoJob) : null,
      rejectsPath: `/imports/${imp.id}/rejects`,
    };
  }

  async get(viewer: Viewer, id: string): Promise<ImportRunType> {
    const imp = await this.visible(viewer, id);
    const jobs = await this.ds.getRepository(BackgroundJob).findBy({ id: In([id, imp.undoJobId ?? id]) });
    return this.toRun(imp, jobs);
  }

  /** The viewer's recent imports (an admin's: everyone's). */
  async list(viewer: Viewer, limit: number): Promise<ImportRunType[]> {
    const imports = await this.ds.getRepository(ImportRun).find({ where: viewer.role === Role.Admin ? {} : { createdById: viewer.id }, order: { createdAt: 'DESC' }, take: limit });
    const jobs = await this.ds.getRepository(BackgroundJob).findBy({ id: In(imports.flatMap((i) => (i.undoJobId ? [i.id, i.undoJobId] : [i.id]))) });
    return imports.map((i) => this.toRun(i, jobs));
  }

  /** Asks the worker to undo the import (JOBS.undoImport); the run's undoJob shows its progress. */
  async undo(viewer: Viewer, id: string): Promise<ImportRunType> {
    await this.visible(viewer, id);
    const jobId = await this.ds.transaction((em) => requestUndoImport(em, viewer, id)).catch(userError);
    await enqueueBackgroundJob(this.queues, JOBS.undoImport, jobId);
    return this.get(viewer, id);
  }

  async rejects(viewer: Viewer, id: string) {
    const imp = await this.visible(viewer, id);
    return rejectsFile(this.ds.manager, imp, describeImportProblem);
  }

  async mappings(viewer: Viewer): Promise<ImportMappingType[]> {
    const rows = await this.ds.getRepository(ImportMapping).find({ where: { createdById: viewer.id }, order: { createdAt: 'DESC' }, take: 50 });
    return rows.map((m) => ({ id: m.id, name: m.name, columns: m.columns }));
  }

  async saveMapping(viewer: Viewer, name: string, headers: string[], mapping: Array<string | null>): Promise<ImportMappingType> {
    if (!name.trim() || name.length > 120) throw badFields('Give the mapping a name of at most 120 characters.', { name: fieldProblem('NAME_LENGTH', 'Give it a name of at most 120 characters.', { max: 120 }) });
    const columns: Record<string, string> = {};
    headers.forEach((h, i) => {
      const t = mapping[i];
      if (t && isImportTarget(t)) columns[headerKey(h)] = t;
    });
    const m = await this.ds.getRepository(ImportMapping).save({ name: name.trim(), createdById: viewer.id, columns });
    return { id: m.id, name: m.name, columns: m.columns };
  }
}
