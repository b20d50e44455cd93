import { BackgroundJob, createBackgroundJob, enqueueBackgroundJob, ExportError, prepareExport, type ExportJobPayload, type ExportJobResult, type ExportRequest, type FileStorage, type Queues, type Viewer } from '@crm/db';
import { BackgroundJobKind, JOBS, Role } from '@crm/shared';
import type { DataSource } from 'typeorm';
import { AppError } from '../../graphql/errors';
import { toBackgroundJob } from '../jobs/job.service';
import type { BackgroundJobType } from '../jobs/job.types';
import { requestSchema } from './export.routes';
import { ExportFormatEnum, ExportSourceKind, type ExportInput, type PastExportType } from './export.types';

/** A plain copy without nulls, dates as ISO strings (the shape the job's payload keeps as JSON). */
function plain(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) if (v !== null && v !== undefined) out[key] = plain(v);
    return out;
  }
  return value;
}

/** The typed GraphQL input as the export engine's request (then checked like the HTTP export's body). */
export function exportRequestOf(input: ExportInput): unknown {
  const source =
    input.kind === ExportSourceKind.VIEW
      ? { kind: 'view', viewId: input.viewId }
      : input.kind === ExportSourceKind.CARDS
        ? { kind: 'cards', pipelineId: input.pipelineId, filter: plain(input.cardFilter), sort: plain(input.cardSort), columns: input.columns }
        : { kind: 'clients', filter: plain(input.clientFilter), sort: plain(input.clientSort), columns: input.columns };
  return { format: input.format, source };
}

/** Exports prepared in the worker: the same request and checks as the HTTP export, written to a file. */
export class ExportJobService {
  constructor(
    private readonly ds: DataSource,
    readonly storage: FileStorage,
    private readonly queues: Queues,
    private readonly timeZone: string,
  ) {}

  async start(viewer: Viewer, input: unknown, language: string | undefined): Promise<BackgroundJobType> {
    const parsed = requestSchema.safeParse(input);
    if (!parsed.success) throw new AppError('BAD_USER_INPUT', 'The export request is not valid.', { reason: 'EXPORT_REQUEST_INVALID', issues: parsed.error.issues.map((i) => i.path.join('.')) });
    const request: ExportRequest = { ...(parsed.data as ExportRequest), timeZone: this.timeZone, language };
    try {
      // Refuses here what the HTTP export refuses (a view one may not see, a pipeline not one's own...).
      await prepareExport(this.ds, viewer, request);
    } catch (err) {
      if (err instanceof ExportError) throw new AppError(err.code, err.message);
      throw err;
    }
    const job = await createBackgroundJob(this.ds.manager, { kind: BackgroundJobKind.Export, createdById: viewer.id, payload: { request } });
    await enqueueBackgroundJob(this.queues, JOBS.runExport, job.id);
    return toBackgroundJob(job);
  }

  /** The viewer's latest exports prepared in the worker (an admin's: everyone's, as the download allows), newest first. */
  async list(viewer: Viewer, limit: number): Promise<PastExportType[]> {
    const jobs = await this.ds.getRepository(BackgroundJob).find({
      where: { kind: BackgroundJobKind.Export, ...(viewer.role === Role.Admin ? {} : { createdById: viewer.id }) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
    });
    const formats = new Map(Object.entries(ExportFormatEnum).map(([name, value]) => [value as string, name]));
    return jobs.map((job) => {
      const result = job.state === 'DONE' ? (job.result as ExportJobResult | null) : null;
      const format = (job.payload as unknown as ExportJobPayload | null)?.request?.format;
      return {
        id: job.id,
        state: job.state,
        format: (format && formats.get(format)) ?? null,
        fileName: result?.fileName ?? null,
        rows: result?.rows ?? job.rowsDone,
        bytes: result?.bytes ?? null,
        createdAt: job.createdAt,
        finishedAt: job.finishedAt,
      };
    });
  }
}
