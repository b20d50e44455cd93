/**
 * Long work (imports, exports, campaigns, large mass actions): a row in background_jobs plus a Bull
 * job. Progress is read from the row; a restart resumes from the last committed batch; cancelling
 * is a state the job checks between batches.
 */
export enum BackgroundJobKind {
  Import = 'IMPORT',
  /** An import undone: what it created to the trash, what it overwrote restored, in batches. */
  ImportUndo = 'IMPORT_UNDO',
  Export = 'EXPORT',
  Campaign = 'CAMPAIGN',
  /** Reading a connected IMAP mailbox into the inbound pipeline. */
  MailSync = 'MAIL_SYNC',
}

export enum BackgroundJobState {
  /** Waiting for a worker. */
  Queued = 'QUEUED',
  Running = 'RUNNING',
  /** Asked to stop; the job stops before its next batch. */
  Cancelling = 'CANCELLING',
  Cancelled = 'CANCELLED',
  Done = 'DONE',
  Failed = 'FAILED',
}

export const FINISHED_JOB_STATES: readonly BackgroundJobState[] = [BackgroundJobState.Cancelled, BackgroundJobState.Done, BackgroundJobState.Failed];

export interface JobProgress {
  rowsDone: number;
  rowsTotal: number | null;
  /** Over the current run (since the last start or resume); null before the first batch. */
  rowsPerSecond: number | null;
  /** Estimated from the rate and what is left; null when either is unknown. */
  secondsLeft: number | null;
}

/** Rate and time left from the counters a job row keeps. */
export function jobProgress(job: { rowsDone: number; rowsTotal: number | null; rowsAtResume: number; resumedAt: Date | null; finishedAt?: Date | null }, now = new Date()): JobProgress {
  const end = job.finishedAt ?? now;
  const seconds = job.resumedAt ? (end.getTime() - job.resumedAt.getTime()) / 1000 : 0;
  const done = job.rowsDone - job.rowsAtResume;
  const rowsPerSecond = seconds > 0 && done > 0 ? done / seconds : null;
  const left = job.rowsTotal === null ? null : Math.max(0, job.rowsTotal - job.rowsDone);
  const secondsLeft = rowsPerSecond && left !== null ? Math.ceil(left / rowsPerSecond) : left === 0 ? 0 : null;
  return { rowsDone: job.rowsDone, rowsTotal: job.rowsTotal, rowsPerSecond, secondsLeft };
}
