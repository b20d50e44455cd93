import { BackgroundJobKind, BackgroundJobState, FINISHED_JOB_STATES, Role, type JobDefinition } from '@crm/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../access/viewer';
import { BackgroundJob } from '../entities/background-job.entity';
import { enqueue, type Queues } from '../queues';

/**
 * The long-work framework shared by imports, exports and campaigns.
 *
 *   API:    const job = await createBackgroundJob(em, { kind, createdById, payload, rowsTotal });
 *           (after commit) await enqueueBackgroundJob(queues, JOBS.runImport, job.id);
 *   Worker: await runBackgroundJob(ds, jobId, async (run) => {
 *             for each batch after run.checkpoint:
 *               if ((await run.commit(async (em) => { ...write...; return { rows, checkpoint } })) === 'cancelled') return null;
 *             return { ...result };
 *           });
 *   Reads:  visibleBackgroundJob(em, viewer, id) (creator or admin), requestCancel(ds, viewer, id).
 */

/** Thrown by a job's work for a reason the user should read (a code translated in the web app). */
export class JobFailure extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

/** Another run of the same job committed a batch since this run's last look: this run stops and leaves the job to it. */
export class JobSuperseded extends Error {
  constructor() {
    super('another run of this job is ahead');
  }
}

const sameCheckpoint = (a: unknown, b: unknown) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sorted(x)]));
  return v;
}

export interface NewBackgroundJob {
  kind: BackgroundJobKind;
  /** Null for work nobody started (a shared mailbox's scheduled sync). */
  createdById: string | null;
  payload?: Record<string, unknown>;
  rowsTotal?: number | null;
}

export async function createBackgroundJob(em: EntityManager, input: NewBackgroundJob): Promise<BackgroundJob> {
  return em.getRepository(BackgroundJob).save({
    kind: input.kind,
    createdById: input.createdById,
    payload: input.payload ?? {},
    rowsTotal: input.rowsTotal ?? null,
    state: BackgroundJobState.Queued,
  });
}

/** Wakes a worker for the job; one Bull job per background job (its id is the Bull job id). */
export async function enqueueBackgroundJob(queues: Queues, def: JobDefinition<{ jobId: string }>, jobId: string): Promise<void> {
  await enqueue(queues, def, { jobId }, { jobId: `${def.name}:${jobId}` });
}

/** The job if the viewer may see it: its creator, or an admin. */
export async function visibleBackgroundJob(em: EntityManager, viewer: Viewer, id: string): Promise<BackgroundJob | null> {
  const job = await em.getRepository(BackgroundJob).findOneBy({ id });
  if (!job) return null;
  if (viewer.role !== Role.Admin && job.createdById !== viewer.id) return null;
  return job;
}

/**
 * Asks a job to stop: a queued job is cancelled at once, a running one stops before its next batch
 * (what it committed stays). A finished job is returned unchanged. Null when not visible.
 */
export async function requestCancel(ds: DataSource, viewer: Viewer, id: string): Promise<BackgroundJob | null> {
  return ds.transaction(async (em) => {
    const job = await visibleBackgroundJob(em, viewer, id);
    if (!job) return null;
    await em.query(
      `UPDATE background_jobs SET
         state = CASE state WHEN 'QUEUED' THEN 'CANCELLED' ELSE 'CANCELLING' END,
         finished_at = CASE state WHEN 'QUEUED' THEN now() ELSE finished_at END, updated_at = now()
       WHERE id = $1 AND state IN ('QUEUED', 'RUNNING')`,
      [id],
    );
    return em.getRepository(BackgroundJob).findOneByOrFail({ id });
  });
}

export interface JobRun<C> {
  job: BackgroundJob;
  /** Where the last committed batch ended ({} on a first run). */
  checkpoint: Partial<C>;
  /**
   * Runs one batch's writes in a transaction together with the new checkpoint and row count.
   * Returns 'cancelled' (and writes nothing) when the job was asked to stop.
   */
  commit(work: (em: EntityManager) => Promise<{ rows: number; checkpoint: C; rowsTotal?: number | null }>): Promise<'committed' | 'cancelled'>;
  /** Sets the total once known (e.g. after a counting pass). */
  setTotal(rowsTotal: number): Promise<void>;
}

/**
 * Runs (or resumes) a job's work. Claims the row (QUEUED or RUNNING -> RUNNING); a cancelled or
 * finished job is left alone. The work returns its result (DONE) or null when it saw a cancel
 * (CANCELLED). A JobFailure marks it FAILED with its code; any other error leaves it RUNNING and is
 * rethrown so Bull retries, and the retry resumes from the last checkpoint — call failBackgroundJob
 * when no attempts are left. Two runs at once are safe: a batch commits only on top of the
 * checkpoint its run last saw, so the slower run stops (JobSuperseded) without writing.
 */
export async function runBackgroundJob<C extends object, R extends Record<string, unknown>>(
  ds: DataSource,
  id: string,
  work: (run: JobRun<C>) => Promise<R | null>,
): Promise<BackgroundJob | null> {
  const [claimed]: [Array<{ id: string }>] = await ds.query(
    `UPDATE background_jobs SET state = 'RUNNING', started_at = coalesce(started_at, now()), resumed_at = now(),
       rows_at_resume = rows_done, attempts = attempts + 1, updated_at = now()
     WHERE id = $1 AND state IN ('QUEUED', 'RUNNING') RETURNING id`,
    [id],
  );
  const repo = ds.getRepository(BackgroundJob);
  if (!claimed.length) {
    // Asked to stop while nobody ran it (or between a crash and this retry).
    await ds.query(`UPDATE background_jobs SET state = 'CANCELLED', finished_at = now(), updated_at = now() WHERE id = $1 AND state = 'CANCELLING'`, [id]);
    return repo.findOneBy({ id });
  }
  const job = await repo.findOneByOrFail({ id });
  let cancelled = false;
  const run: JobRun<C> = {
    job,
    checkpoint: job.checkpoint as Partial<C>,
    async commit(batch) {
      return ds.transaction(async (em) => {
        const [row] = await em.query(`SELECT state, checkpoint FROM background_jobs WHERE id = $1 FOR UPDATE`, [id]);
        if (row?.state === BackgroundJobState.Cancelling || row?.state === BackgroundJobState.Cancelled) {
          cancelled = true;
          return 'cancelled' as const;
        }
        if (row?.state !== BackgroundJobState.Running) throw new JobSuperseded();
        // Two runs of one job (a stalled one Bull gave to another worker, a sweep's re-enqueue):
        // only the one that saw the last checkpoint may write the next batch.
        if (!sameCheckpoint(row.checkpoint, run.checkpoint)) throw new JobSuperseded();
        const { rows, checkpoint, rowsTotal } = await batch(em);
        await em.query(
          `UPDATE background_jobs SET rows_done = rows_done + $2, checkpoint = $3, rows_total = coalesce($4, rows_total), updated_at = now() WHERE id = $1`,
          [id, rows, checkpoint, rowsTotal ?? null],
        );
        run.checkpoint = checkpoint;
        return 'committed' as const;
      });
    },
    async setTotal(rowsTotal) {
      await ds.query(`UPDATE background_jobs SET rows_total = $2, updated_at = now() WHERE id = $1`, [id, rowsTotal]);
    },
  };
  try {
    const result = await work(run);
    if (result === null || cancelled) {
      await ds.query(`UPDATE background_jobs SET state = 'CANCELLED', finished_at = now(), updated_at = now() WHERE id = $1 AND state IN ('RUNNING', 'CANCELLING')`, [id]);
    } else {
      await ds.query(`UPDATE background_jobs SET state = 'DONE', result = $2, finished_at = now(), updated_at = now() WHERE id = $1 AND state IN ('RUNNING', 'CANCELLING')`, [id, result]);
    }
  } catch (err) {
    if (err instanceof JobFailure) {
      await failBackgroundJob(ds, id, err.code, err.params);
    } else if (err instanceof JobSuperseded) {
      return repo.findOneBy({ id });
    } else {
      throw err;
    }
  }
  return repo.findOneBy({ id });
}

/** Marks a job FAILED with a message code (the last attempt failed, or the input cannot be used). */
export async function failBackgroundJob(ds: DataSource | EntityManager, id: string, code: string, params: Record<string, unknown> = {}): Promise<void> {
  await ds.query(
    `UPDATE background_jobs SET state = 'FAILED', error_code = $2, error_params = $3, finished_at = now(), updated_at = now()
     WHERE id = $1 AND state NOT IN ('DONE', 'CANCELLED', 'FAILED')`,
    [id, code, params],
  );
}

/** Jobs that should be running but whose wake-up Redis may have lost (for a sweep to re-enqueue). */
export async function unfinishedBackgroundJobs(ds: DataSource, kind: BackgroundJobKind, idleSeconds: number): Promise<string[]> {
  const rows: Array<{ id: string }> = await ds.query(
    `SELECT id FROM background_jobs WHERE kind = $1 AND state IN ('QUEUED', 'RUNNING', 'CANCELLING') AND updated_at < now() - make_interval(secs => $2)`,
    [kind, idleSeconds],
  );
  return rows.map((r) => r.id);
}

export function isFinished(state: BackgroundJobState): boolean {
  return FINISHED_JOB_STATES.includes(state);
}


