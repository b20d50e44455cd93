/**
 * An import's worker is killed (SIGKILL) mid-import and started again: the import resumes after its
 * last committed batch and ends with every row stored exactly once.
 */
import { closeQueues, createImport, createQueues, enqueueBackgroundJob, LocalDiskStorage, Pipeline, Status, User } from '@crm/db';
import { createTestDatabase, type TestDatabase } from '@crm/db/testing';
import { DuplicatePolicy, JOBS, Role } from '@crm/shared';
import type { ChildProcess } from 'node:child_process';
import { startWorkerProcess } from './test/helpers';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';

jest.setTimeout(300_000);

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
async function until(what: string, check: () => Promise<boolean>, ms = 240_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not met in time`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('an import whose worker is killed', () => {
  let db: TestDatabase;
  let worker: ChildProcess | null = null;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    if (worker && worker.exitCode === null) {
      worker.kill('SIGKILL');
      await exited(worker);
    }
  });
  afterAll(() => db.drop());

  it('resumes after the last committed batch, without duplicates or half-written rows', async () => {
    const ds = db.dataSource;
    const filesDir = mkdtempSync(path.join(tmpdir(), 'crm-import-crash-'));
    const storage = new LocalDiskStorage(filesDir);
    const user = await ds.getRepository(User).save({ email: 'importer@example.com', name: 'Importer', role: Role.Manager, passwordHash: 'x' });
    const pipeline = await ds.getRepository(Pipeline).save({ name: 'Sales' });
    const [status] = await ds.getRepository(Status).save([{ pipelineId: pipeline.id, name: 'Lead', position: 0 }]);
    const ROWS = 12_000;
    const lines = ['Company;Email;Contact;Contact email;Value'];
    for (let i = 1; i <= ROWS; i++) lines.push(`Cég ${i} Kft.;info@ceg${i}.hu;Person ${i};p${i}@ceg${i}.hu;${i},50`);
    const key = 'imports/crash/file';
    await storage.put(key, Readable.from([Buffer.from(lines.join('\n'), 'utf-8')]));
    const viewer = { id: user.id, role: user.role, departmentIds: [] };
    const imp = await ds.transaction((em) =>
      createImport(em, viewer, {
        fileName: 'big.csv',
        fileKey: key,
        fileSize: 1,
        settings: { format: 'CSV', encoding: 'utf-8', delimiter: ';', headerRow: 1, sheet: null, skipBrokenRows: false },
        mapping: ['client.name', 'client.email', 'contact1.name', 'contact1.email', 'card.value'],
        target: { pipelineId: pipeline.id, statusId: status.id, ownerId: null, categoryIds: [], tagIds: [], departmentId: null, duplicates: DuplicatePolicy.Skip, noAutomations: false, locale: 'hu', country: 'HU', currency: 'HUF' },
      }),
    );
    const prefix = `crash-import-${randomBytes(4).toString('hex')}`;
    const producer = createQueues({ redisUrl: process.env.TEST_REDIS_URL!, prefix });
    const env = { DATABASE_URL: db.url, REDIS_URL: process.env.TEST_REDIS_URL!, QUEUE_PREFIX: prefix, FILES_DIR: filesDir };
    const progress = async () => (await ds.query(`SELECT rows_done, state FROM background_jobs WHERE id = $1`, [imp.id]))[0] as { rows_done: number; state: string };
    try {
      await enqueueBackgroundJob(producer, JOBS.runImport, imp.id);
      worker = startWorkerProcess(env, 2, !!process.env.CRASH_DEBUG);
      await until("first batches", async () => (await progress()).rows_done >= 3000);
      worker.kill('SIGKILL');
      await exited(worker);
      const atKill = await progress();
      expect(atKill.state).toBe('RUNNING');
      expect(atKill.rows_done).toBeLessThan(ROWS);
      // Whole batches only: what was committed is exactly what the checkpoint says.
      const [{ clients }] = await ds.query(`SELECT count(*)::int AS clients FROM clients`);
      expect(clients).toBe(atKill.rows_done);

      // What the sweep does for an idle job: a fresh Bull job (the killed one's lock has not expired yet).
      await ds.query(`UPDATE background_jobs SET updated_at = now() - interval '1 hour' WHERE id = $1`, [imp.id]);
      await producer.maintenance.add(JOBS.sweepBackgroundJobs.name, {});
      worker = startWorkerProcess(env, 2, !!process.env.CRASH_DEBUG);
      if (process.env.CRASH_DEBUG) {
        const timer = setInterval(() => void progress().then((p) => console.log(new Date().toISOString(), p)), 2000);
        await until('done', async () => (await progress()).state === 'DONE').finally(() => clearInterval(timer));
      }
      await until('done', async () => (await progress()).state === 'DONE');

      const [counts] = await ds.query(
        `SELECT (SELECT count(*)::int FROM clients) AS clients, (SELECT count(DISTINCT name)::int FROM clients) AS names,
           (SELECT count(*)::int FROM contacts) AS contacts, (SELECT count(*)::int FROM cards) AS cards,
           (SELECT count(*)::int FROM import_rows WHERE import_id = $1) AS import_rows,
           (SELECT counts FROM imports WHERE id = $1) AS result`,
        [imp.id],
      );
      expect(counts).toEqual({ clients: ROWS, names: ROWS, contacts: ROWS, cards: ROWS, import_rows: ROWS, result: { created: ROWS, updated: 0, skipped: 0, rejected: 0 } });
      const job = await progress();
      expect(job.rows_done).toBe(ROWS);
    } finally {
      await closeQueues(producer, true);
    }
  });
});
