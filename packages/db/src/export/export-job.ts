import { BackgroundJobKind } from '@crm/shared';
import { PassThrough } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import { loadViewer } from '../access/viewer';
import type { Viewer } from '../access/viewer';
import type { BackgroundJob } from '../entities/background-job.entity';
import { JobFailure, runBackgroundJob, visibleBackgroundJob } from '../jobs/background-jobs';
import type { FileStorage } from '../storage/storage';
import { ExportError, prepareExport, type ExportRequest } from './engine';

/** What an EXPORT job keeps in its payload: the request as the HTTP export takes it. */
export interface ExportJobPayload {
  request: ExportRequest;
}

/** What a finished EXPORT job's result holds: where the file is and what to call it. */
export interface ExportJobResult extends Record<string, unknown> {
  key: string;
  fileName: string;
  contentType: string;
  rows: number;
  bytes: number;
}

/** Rows between two progress commits. */
const PROGRESS_EVERY = 500;

/**
 * Runs an EXPORT job into a file in storage (exports/<job id>-<attempt>), committing progress as it
 * goes. An export only reads, so a restarted run (a crash, a lost lock, the sweep) simply writes the
 * whole file again under a new key and drops the previous run's partial file: redoing it is safe.
 * A cancel stops the query and deletes the partial file.
 */
export async function runExportJob(ds: DataSource, jobId: string, storage: FileStorage): Promise<BackgroundJob | null> {
  return runBackgroundJob<{ rows: number; key: string }, ExportJobResult>(ds, jobId, async (run) => {
    const job = run.job;
    if (job.kind !== BackgroundJobKind.Export) throw new JobFailure('EXPORT_FAILED');
    const previous = run.checkpoint.key;
    if (previous) await storage.delete(previous).catch(() => undefined);
    // Start over: progress counts this run's file only.
    await ds.query(`UPDATE background_jobs SET rows_done = 0, rows_at_resume = 0, updated_at = now() WHERE id = $1`, [jobId]);
    const viewer = job.createdById ? await loadViewer(ds.manager, job.createdById) : null;
    if (!viewer) throw new JobFailure('EXPORT_FAILED');
    const { request } = job.payload as unknown as ExportJobPayload;
    let prepared;
    try {
      prepared = await prepareExport(ds, viewer, request);
    } catch (err) {
      if (err instanceof ExportError) throw new JobFailure('EXPORT_FAILED', { reason: err.code });
      throw err;
    }
    const key = `exports/${jobId}-${job.attempts}`;
    // Record the key first, so a later run can remove this run's partial file.
    if ((await run.commit(async () => ({ rows: 0, checkpoint: { rows: 0, key } }))) === 'cancelled') return null;

    const out = new PassThrough();
    const stored = storage.put(key, out);
    let committed = 0;
    let pending: Promise<unknown> = Promise.resolve();
    let busy = false;
    let cancelled = false;
    const commitUpTo = (rows: number) =>
      run.commit(async () => {
        const delta = rows - committed;
        committed = rows;
        return { rows: delta, checkpoint: { rows, key } };
      });
    let result;
    try {
      result = await prepared.run(out, (progress) => {
        if (busy || cancelled || progress.rows - committed < PROGRESS_EVERY) return;
        busy = true;
        pending = commitUpTo(progress.rows)
          .then((state) => {
            if (state === 'cancelled') {
              cancelled = true;
              out.destroy(new Error('export cancelled'));
            }
          })
          .finally(() => (busy = false));
      });
      out.end();
      await stored;
      await pending;
    } catch (err) {
      out.destroy();
      await stored.catch(() => undefined);
      await pending.catch(() => undefined);
      await storage.delete(key).catch(() => undefined);
      if (cancelled) return null;
      throw err;
    }
    if (cancelled || (await commitUpTo(result.rows)) === 'cancelled') {
      await storage.delete(key).catch(() => undefined);
      return null;
    }
    return { key, fileName: prepared.fileName, contentType: prepared.contentType, rows: result.rows, bytes: result.bytes };
  });
}

/** A finished export's file, when the viewer may have it (its creator or an admin); null otherwise. */
export async function exportJobFile(em: EntityManager, viewer: Viewer, jobId: string): Promise<ExportJobResult | null> {
  const job = await visibleBackgroundJob(em, viewer, jobId);
  if (!job || job.kind !== BackgroundJobKind.Export || job.state !== 'DONE' || !job.result) return null;
  return job.result as ExportJobResult;
}
