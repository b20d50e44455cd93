import { BackgroundJobKind, BackgroundJobState, jobProgress, Role } from '@crm/shared';
import { BackgroundJob, User } from '../entities';
import { createTestDatabase, TestDatabase } from '../testing';
import { createBackgroundJob, JobFailure, requestCancel, runBackgroundJob, visibleBackgroundJob } from './background-jobs';

describe('background jobs', () => {
  let db: TestDatabase;
  let owner: User;
  let other: User;
  let admin: User;
  const viewer = (u: User) => ({ id: u.id, role: u.role, departmentIds: [] });

  beforeAll(async () => {
    db = await createTestDatabase();
    [owner, other, admin] = await db.dataSource.getRepository(User).save([
      { email: 'm1@example.com', name: 'M1', role: Role.Manager, passwordHash: 'x' },
      { email: 'm2@example.com', name: 'M2', role: Role.Manager, passwordHash: 'x' },
      { email: 'a@example.com', name: 'A', role: Role.Admin, passwordHash: 'x' },
    ]);
  });
  afterAll(() => db.drop());

  const newJob = () => createBackgroundJob(db.dataSource.manager, { kind: BackgroundJobKind.Import, createdById: owner.id, rowsTotal: 30 });

  it('commits batches with their checkpoint, and a second run resumes after the last committed batch', async () => {
    const job = await newJob();
    const written: number[] = [];
    // The first run dies after two batches (a crash between batches).
    await expect(
      runBackgroundJob<{ next: number }, { n: number }>(db.dataSource, job.id, async (run) => {
        for (let i = run.checkpoint.next ?? 0; i < 3; i++) {
          if (i === 2) throw new Error('killed');
          await run.commit(async () => {
            written.push(i);
            return { rows: 10, checkpoint: { next: i + 1 } };
          });
        }
        return { n: 0 };
      }),
    ).rejects.toThrow('killed');
    expect((await db.dataSource.getRepository(BackgroundJob).findOneByOrFail({ id: job.id })).state).toBe(BackgroundJobState.Running);

    const done = await runBackgroundJob<{ next: number }, { n: number }>(db.dataSource, job.id, async (run) => {
      for (let i = run.checkpoint.next ?? 0; i < 3; i++) {
        await run.commit(async () => {
          written.push(i);
          return { rows: 10, checkpoint: { next: i + 1 } };
        });
      }
      return { n: written.length };
    });
    expect(written).toEqual([0, 1, 2]);
    expect(done).toMatchObject({ state: BackgroundJobState.Done, rowsDone: 30, attempts: 2, result: { n: 3 } });
    expect(jobProgress(done!).secondsLeft).toBe(0);
  });

  it('a failed batch leaves neither its rows nor its checkpoint', async () => {
    const job = await newJob();
    await expect(
      runBackgroundJob<{ next: number }, { n: number }>(db.dataSource, job.id, async (run) => {
        await run.commit(async (em) => {
          await em.query(`UPDATE users SET name = 'changed' WHERE id = $1`, [owner.id]);
          throw new Error('half way');
        });
        return { n: 1 };
      }),
    ).rejects.toThrow('half way');
    const row = await db.dataSource.getRepository(BackgroundJob).findOneByOrFail({ id: job.id });
    expect(row).toMatchObject({ rowsDone: 0, checkpoint: {} });
    expect((await db.dataSource.getRepository(User).findOneByOrFail({ id: owner.id })).name).toBe('M1');
  });

  it('stops before the next batch once cancelled; a queued job is cancelled at once', async () => {
    const job = await newJob();
    let batches = 0;
    const finished = await runBackgroundJob<{ next: number }, { n: number }>(db.dataSource, job.id, async (run) => {
      for (let i = 0; i < 5; i++) {
        if (i === 2) await requestCancel(db.dataSource, viewer(owner), job.id);
        const r = await run.commit(async () => {
          batches++;
          return { rows: 1, checkpoint: { next: i + 1 } };
        });
        if (r === 'cancelled') return null;
      }
      return { n: batches };
    });
    expect(batches).toBe(2);
    expect(finished).toMatchObject({ state: BackgroundJobState.Cancelled, rowsDone: 2 });

    const queued = await newJob();
    expect(await requestCancel(db.dataSource, viewer(owner), queued.id)).toMatchObject({ state: BackgroundJobState.Cancelled });
    let ran = false;
    await runBackgroundJob(db.dataSource, queued.id, async () => {
      ran = true;
      return {};
    });
    expect(ran).toBe(false);
  });

  it('a JobFailure marks it failed with its code', async () => {
    const job = await newJob();
    const failed = await runBackgroundJob(db.dataSource, job.id, async () => {
      throw new JobFailure('IMPORT_EMPTY_FILE', { file: 'x.csv' });
    });
    expect(failed).toMatchObject({ state: BackgroundJobState.Failed, errorCode: 'IMPORT_EMPTY_FILE', errorParams: { file: 'x.csv' } });
  });

  it('only its creator and admins see or cancel a job', async () => {
    const job = await newJob();
    expect(await visibleBackgroundJob(db.dataSource.manager, viewer(owner), job.id)).not.toBeNull();
    expect(await visibleBackgroundJob(db.dataSource.manager, viewer(admin), job.id)).not.toBeNull();
    expect(await visibleBackgroundJob(db.dataSource.manager, viewer(other), job.id)).toBeNull();
    expect(await requestCancel(db.dataSource, viewer(other), job.id)).toBeNull();
    expect((await db.dataSource.getRepository(BackgroundJob).findOneByOrFail({ id: job.id })).state).toBe(BackgroundJobState.Queued);
  });
});

describe('two runs of one job', () => {
  let db: TestDatabase;
  let owner: User;
  beforeAll(async () => {
    db = await createTestDatabase();
    owner = await db.dataSource.getRepository(User).save({ email: 'm1@example.com', name: 'M1', role: Role.Manager, passwordHash: 'x' });
  });
  afterAll(() => db.drop());

  it('only the run that saw the last checkpoint writes the next batch', async () => {
    const job = await createBackgroundJob(db.dataSource.manager, { kind: BackgroundJobKind.Import, createdById: owner.id });
    const written: string[] = [];
    let releaseSlow!: () => void;
    const slowWaits = new Promise<void>((r) => (releaseSlow = r));
    const slow = runBackgroundJob<{ next: number }, { n: number }>(db.dataSource, job.id, async (run) => {
      await slowWaits;
      await run.commit(async () => {
        written.push('slow');
        return { rows: 1, checkpoint: { next: 1 } };
      });
      return { n: 1 };
    });
    const fast = await runBackgroundJob<{ next: number }, { n: number }>(db.dataSource, job.id, async (run) => {
      await run.commit(async () => {
        written.push('fast');
        return { rows: 1, checkpoint: { next: 1 } };
      });
      return { n: 1 };
    });
    releaseSlow();
    await slow;
    expect(written).toEqual(['fast']);
    expect(fast).toMatchObject({ state: BackgroundJobState.Done, rowsDone: 1 });
    expect(await db.dataSource.getRepository(BackgroundJob).findOneByOrFail({ id: job.id })).toMatchObject({ state: BackgroundJobState.Done, rowsDone: 1 });
  });
});
