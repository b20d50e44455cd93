import { BackgroundJobKind, JOBS } from '@crm/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { createBackgroundJob, enqueueBackgroundJob, JobFailure, runBackgroundJob } from '../jobs/background-jobs';
import type { Queues } from '../queues';
import type { FileStorage } from '../storage/storage';
import { ImapSyncError, syncMailAccount, type SyncResult } from './imap-sync';

/**
 * A mailbox's sync as a background job (progress = messages read of those found). Returns the job
 * already queued or running for the account, if any, so two syncs of one mailbox never overlap.
 */
export async function startMailSync(em: EntityManager, accountId: string, createdById: string | null): Promise<{ jobId: string; created: boolean }> {
  const [account] = await em.query(`SELECT id, job_id FROM mail_accounts WHERE id = $1 FOR UPDATE`, [accountId]);
  if (!account) throw new Error('mail account gone');
  if (account.job_id) {
    const [open] = await em.query(`SELECT id FROM background_jobs WHERE id = $1 AND state IN ('QUEUED', 'RUNNING', 'CANCELLING')`, [account.job_id]);
    if (open) return { jobId: open.id, created: false };
  }
  const job = await createBackgroundJob(em, { kind: BackgroundJobKind.MailSync, createdById, payload: { accountId } });
  await em.query(`UPDATE mail_accounts SET job_id = $2, updated_at = now() WHERE id = $1`, [accountId, job.id]);
  return { jobId: job.id, created: true };
}

/** Starts (and enqueues) a sync of every enabled mailbox that has none open; the number started. */
export async function scheduleMailSyncs(ds: DataSource, queues: Queues): Promise<number> {
  // A user's mailbox while the user is active; a shared mailbox (no user) always.
  const accounts: Array<{ id: string; user_id: string | null }> = await ds.query(
    `SELECT a.id, a.user_id FROM mail_accounts a LEFT JOIN users u ON u.id = a.user_id
      WHERE a.enabled AND (a.kind = 'SHARED' OR u.active)
        AND NOT EXISTS (SELECT 1 FROM background_jobs j WHERE j.id = a.job_id AND j.state IN ('QUEUED', 'RUNNING', 'CANCELLING'))`,
  );
  let started = 0;
  for (const a of accounts) {
    const { jobId, created } = await ds.transaction((em) => startMailSync(em, a.id, a.user_id));
    if (created) {
      await enqueueBackgroundJob(queues, JOBS.syncMailbox, jobId);
      started++;
    }
  }
  return started;
}

/**
 * Starts a sync of one mailbox now (new mail announced over IDLE): 'started', 'open' when a sync is
 * already queued or running (the caller tries again when it ends), or 'gone' (deleted or disabled).
 */
export async function triggerMailSync(ds: DataSource, queues: Queues, accountId: string): Promise<'started' | 'open' | 'gone'> {
  const [a]: Array<{ id: string; user_id: string | null }> = await ds.query(`SELECT id, user_id FROM mail_accounts WHERE id = $1 AND enabled`, [accountId]);
  if (!a) return 'gone';
  const { jobId, created } = await ds.transaction((em) => startMailSync(em, a.id, a.user_id));
  if (!created) return 'open';
  await enqueueBackgroundJob(queues, JOBS.syncMailbox, jobId);
  return 'started';
}

/** Runs a mailbox's sync job: an IMAP error fails the job with its code (shown on the mailbox page). */
export function runMailSyncJob(ds: DataSource, jobId: string, storage: FileStorage, key: Buffer | null, maxBytes: number) {
  return runBackgroundJob<Record<string, unknown>, SyncResult>(ds, jobId, async (run) => {
    const accountId = String(run.job.payload.accountId ?? '');
    try {
      const result = await syncMailAccount(ds, storage, accountId, key, { maxBytes, commit: run.commit, onTotal: (n) => run.setTotal(run.job.rowsDone + n) });
      return result.cancelled ? null : result;
    } catch (err) {
      if (err instanceof ImapSyncError) throw new JobFailure(err.code);
      throw err;
    }
  });
}
