/**
 * The worker's export job (JOBS.runExport) on real PostgreSQL and Redis: a saved view exported by a
 * department-limited manager holds exactly the rows that manager sees in the list (no other
 * department, nothing trashed, the view's own filter); a job whose creator is now Restricted writes
 * nothing; a cancel mid-file leaves no file; progress is committed while the file is written.
 */
import { createBackgroundJob, Department, enqueueBackgroundJob, LocalDiskStorage, Pipeline, requestCancel, Status, User, View, type FileStorage, type Viewer } from '@crm/db';
import { createTestDatabase, type TestDatabase } from '@crm/db/testing';
import { BackgroundJobKind, JOBS, Role, StatusKind } from '@crm/shared';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { startWorker, type Worker } from '../worker';
import { deletePrefix, silentLogger, testRedisUrl, uniquePrefix } from '../test/helpers';

jest.setTimeout(120_000);

const redisUrl = testRedisUrl();
const prefix = uniquePrefix('export');

/**
 * Disk storage that lets the test look at each chunk as the worker writes it (the next chunk waits
 * for the look, so the export is held back as a slow disk would hold it).
 */
class WatchedStorage implements FileStorage {
  onChunk: ((key: string, bytes: number) => Promise<void>) | null = null;
  constructor(readonly disk: LocalDiskStorage) {}
  get(key: string) {
    return this.disk.get(key);
  }
  copy(from: string, to: string) {
    return this.disk.copy(from, to);
  }
  delete(key: string) {
    return this.disk.delete(key);
  }
  put(key: string, body: Readable) {
    const watch = this.onChunk;
    if (!watch) return this.disk.put(key, body);
    let bytes = 0;
    async function* watched() {
      for await (const chunk of body) {
        bytes += (chunk as Buffer).length;
        await watch!(key, bytes);
        yield chunk as Buffer;
      }
    }
    return this.disk.put(key, Readable.from(watched()));
  }
}

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('the export job in the worker', () => {
  let db: TestDatabase;
  let worker: Worker;
  let dir: string;
  let storage: WatchedStorage;
  let view: View;
  let huManager: User;
  let restricted: User;
  const ds = () => db.dataSource;

  /** Names the department-limited manager may export through the view, in the view's order. */
  const visible: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'crm-export-job-'));
    storage = new WatchedStorage(new LocalDiskStorage(dir));
    worker = await startWorker({ redisUrl, dataSource: ds(), logger: silentLogger, prefix, schedules: [], storage });

    const [hu, pl] = await ds().getRepository(Department).save([{ name: 'Hungary' }, { name: 'Poland' }]);
    const users = ds().getRepository(User);
    const admin = await users.save({ email: 'admin@example.com', name: 'Admin', role: Role.Admin, passwordHash: 'x' });
    huManager = await users.save({ email: 'hu@example.com', name: 'HU Manager', role: Role.Manager, passwordHash: 'x', departments: [hu] });
    restricted = await users.save({ email: 'restricted@example.com', name: 'Restricted', role: Role.Restricted, passwordHash: 'x' });
    const pipeline = await ds().getRepository(Pipeline).save({ name: 'Sales' });
    const [lead, won] = await ds().getRepository(Status).save([
      { pipelineId: pipeline.id, name: 'Lead', position: 0 },
      { pipelineId: pipeline.id, name: 'Won', position: 1, kind: StatusKind.Won },
    ]);
    // The admin's shared view: the Lead cards, by client name.
    view = await ds().getRepository(View).save({
      name: 'Leads',
      kind: 'CARDS',
      pipelineId: pipeline.id,
      ownerId: admin.id,
      shared: true,
      filter: { statusIds: [lead.id] },
      columns: ['status'],
      sort: { field: 'CLIENT_NAME', direction: 'ASC' },
    });

    // [name prefix, rows, department, status, card trashed, client trashed, visible to the HU manager]
    // (a client in the trash has its cards in the trash too, as trashing a client does). The export
    // reads 5,000 rows at a time, so 17,000 visible rows come in four batches with progress between.
    const groups: Array<[string, number, string | null, string, boolean, boolean, boolean]> = [
      ['HU', 15_000, hu.id, lead.id, false, false, true],
      ['NODEPT', 2_000, null, lead.id, false, false, true],
      ['PL', 300, pl.id, lead.id, false, false, false],
      ['HUWON', 100, hu.id, won.id, false, false, false],
      ['HUTRASHCARD', 50, hu.id, lead.id, true, false, false],
      ['HUTRASHCLIENT', 50, hu.id, lead.id, true, true, false],
    ];
    for (const [name, rows, departmentId, statusId, cardTrashed, clientTrashed, seen] of groups) {
      await ds().query(
        `WITH c AS (
           INSERT INTO clients (name, department_id, deleted_at)
           SELECT $1 || '-' || lpad(i::text, 5, '0') || ' Kft.', $3::uuid, CASE WHEN $6 THEN now() END FROM generate_series(1, $2::int) i
           RETURNING id, name)
         INSERT INTO cards (client_id, pipeline_id, status_id, position, deleted_at)
         SELECT c.id, $4::uuid, $5::uuid, 'a' || c.name, CASE WHEN $7 THEN now() END FROM c`,
        [name, rows, departmentId, pipeline.id, statusId, clientTrashed, cardTrashed],
      );
      if (seen) for (let i = 1; i <= rows; i++) visible.push(`${name}-${String(i).padStart(5, '0')} Kft.`);
    }
    visible.sort();
  });

  afterAll(async () => {
    await worker?.close();
    await db?.drop();
    await deletePrefix(redisUrl, prefix);
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    storage.onChunk = null;
  });

  const viewerOf = (u: User): Viewer => ({ id: u.id, role: u.role, departmentIds: u.departments?.map((d) => d.id) ?? [] });
  const jobRow = async (id: string) =>
    (await ds().query(`SELECT state, rows_done, error_code, error_params, result FROM background_jobs WHERE id = $1`, [id]))[0] as {
      state: string;
      rows_done: number;
      error_code: string | null;
      error_params: Record<string, unknown> | null;
      result: { key: string; fileName: string; rows: number } | null;
    };
  const start = async (creator: User) => {
    const job = await createBackgroundJob(ds().manager, {
      kind: BackgroundJobKind.Export,
      createdById: creator.id,
      payload: { request: { format: 'csv', source: { kind: 'view', viewId: view.id }, timeZone: 'Europe/Budapest', language: 'en' } },
    });
    await enqueueBackgroundJob(worker.queues, JOBS.runExport, job.id);
    return job.id;
  };
  /** Resolves when the worker has run this export's Bull job (its handler returned). */
  const ran = async (jobId: string) => {
    const bull = await worker.queues[JOBS.runExport.queue].getJob(`${JOBS.runExport.name}:${jobId}`);
    await bull!.finished();
  };

  it("exports exactly the view's visible, non-trashed rows for a department-limited manager, committing progress as it writes", async () => {
    const seen: number[] = [];
    let jobId = '';
    let held = false;
    storage.onChunk = async (_key, bytes) => {
      let done = (await jobRow(jobId)).rows_done;
      // Progress commits run beside the writing. Once 64 KB (thousands of rows, past the first
      // commit's 500) have passed the writer, hold the file until that commit is visible: the
      // export cannot finish meanwhile, so what is seen is a count from the middle of the file.
      if (!held && bytes >= 64 * 1024) {
        held = true;
        while (done === 0) done = (await jobRow(jobId)).rows_done;
      }
      seen.push(done);
    };
    jobId = await start(huManager);
    await ran(jobId);

    const row = await jobRow(jobId);
    expect(row.state).toBe('DONE');
    expect(row.rows_done).toBe(visible.length);
    expect(row.result?.rows).toBe(visible.length);
    const csv = (await text(await storage.get(row.result!.key))).replace(/^\ufeff/, '');
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('Client,Status');
    expect(lines.slice(1)).toEqual(visible.map((name) => `${name},Lead`));
    // Progress moved while the file was written, never backwards.
    expect(seen.some((n) => n > 0 && n < visible.length)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(readdirSync(path.join(dir, 'exports'))).toEqual([path.basename(row.result!.key)]);
  });

  it('writes nothing for a creator who is Restricted now', async () => {
    const jobId = await start(restricted);
    await ran(jobId);
    const row = await jobRow(jobId);
    expect(row.state).toBe('FAILED');
    expect(row.error_code).toBe('EXPORT_FAILED');
    expect(row.error_params).toMatchObject({ reason: 'FORBIDDEN' });
    expect(row.result).toBeNull();
    expect(readdirSync(path.join(dir, 'exports'))).toHaveLength(1); // only the first test's file
  });

  it('a cancel while the file is written stops the job and leaves no file', async () => {
    const before = readdirSync(path.join(dir, 'exports'));
    let jobId = '';
    let cancelled = false;
    storage.onChunk = async () => {
      // The user presses Cancel while the file is being written (the job notices it at its next
      // progress commit, or at the last one: either way it ends cancelled, without a file).
      if (!cancelled) {
        cancelled = true;
        await requestCancel(ds(), viewerOf(await ds().getRepository(User).findOneOrFail({ where: { id: huManager.id }, relations: { departments: true } })), jobId);
      }
    };
    jobId = await start(huManager);
    await ran(jobId);
    const row = await jobRow(jobId);
    expect(cancelled).toBe(true);
    expect(row.state).toBe('CANCELLED');
    expect(row.result).toBeNull();
    expect(row.rows_done).toBeLessThan(visible.length);
    expect(readdirSync(path.join(dir, 'exports'))).toEqual(before);
  });
});
