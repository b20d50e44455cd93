// The import benchmark (part of `npm run bench`): a generated CSV (client, two contacts, a card with
// a value, two labels, a custom field; 500,000 rows by default, `--rows N`) imported end to end by a
// real worker process from its Bull job. Prints rows per second and the worker's peak RSS.
import 'reflect-metadata';
import { closeQueues, createDataSource, createImport, IMPORT_BATCH, createQueues, CustomField, enqueueBackgroundJob, LocalDiskStorage, Pipeline, runMigrations, requestUndoImport, Status, User, writeXlsx } from '@crm/db';
import { DuplicatePolicy, JOBS, Role } from '@crm/shared';
import { spawn, spawnSync } from 'node:child_process';
import type { DataSource } from 'typeorm';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const WORKER_DIR = path.resolve(__dirname, '../..');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Peak and current resident memory of a process, from /proc (Linux). */
function memory(pid: number): { peak: number; rss: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { peak: kb('VmHWM') * 1024, rss: kb('VmRSS') * 1024 };
  } catch {
    return null;
  }
}

/** The same rows as an XLSX (typed cells: the value a number), written by the export's streaming writer. */
async function writeXlsxFile(n: number, file: string): Promise<void> {
  const headers = 'Cégnév;Adószám;E-mail;Telefon;Kapcsolattartó;Kapcsolattartó e-mail;Kapcsolattartó 2;Kapcsolattartó 2 e-mail;Állapot;Érték;Kategória;Címke;Forrás'.split(';');
  const fields = headers.map((header, i) => ({ header, type: (i === 9 ? 'number' : 'text') as 'number' | 'text', get: (row: Record<string, unknown>) => row[i] as string | number }));
  async function* batches() {
    let batch: Array<Record<number, string | number>> = [];
    const lines = rows(n);
    lines.next(); // the header line
    for (const line of lines) {
      const cells: Array<string | number> = line.trimEnd().split(';');
      cells[9] = Number(String(cells[9]).replace(',', '.'));
      batch.push({ ...cells });
      if (batch.length === 5000) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }
  const out = createWriteStream(file);
  await Promise.all([writeXlsx(fields, batches(), out, 'Ügyfelek'), new Promise<void>((resolve, reject) => out.on('close', () => resolve()).on('error', reject))]);
}

function* rows(n: number): Generator<string> {
  yield 'Cégnév;Adószám;E-mail;Telefon;Kapcsolattartó;Kapcsolattartó e-mail;Kapcsolattartó 2;Kapcsolattartó 2 e-mail;Állapot;Érték;Kategória;Címke;Forrás\n';
  const statuses = ['Lead', 'Contacted', 'Proposal'];
  for (let i = 1; i <= n; i++) {
    yield `Bench Cég ${i} Kft.;${String(10000000 + i)}-2-41;info@bench${i}.hu;+36 1 ${String(1000000 + i).slice(-7)};Kovács Ödön ${i};odon${i}@bench${i}.hu;Szűcs Ágnes ${i};agnes${i}@bench${i}.hu;${statuses[i % 3]};${(i % 1000) * 1000},50;Viszonteladó ${i % 5};címke ${i % 7};Kiállítás\n`;
  }
}

/**
 * What PostgreSQL alone takes for the rows an import writes (the machine is shared, so the import's
 * rate is read against this): per batch, in one transaction, the clients (with the search-text
 * trigger and the key indexes), two contacts, a card (column-totals trigger), two labels, the
 * History rows and the import's own rows, each one multi-row INSERT ... SELECT from generate_series.
 */
async function sqlFloor(ds: DataSource, o: { total: number; rowOffset: number; userId: string; pipelineId: string; importId: string; fieldId: string }): Promise<number> {
  const [{ status_id: statusId }] = await ds.query(`SELECT id AS status_id FROM statuses WHERE pipeline_id = $1 LIMIT 1`, [o.pipelineId]);
  const [{ id: categoryId }] = await ds.query(`SELECT id FROM categories LIMIT 1`);
  const [{ id: tagId }] = await ds.query(`SELECT id FROM tags LIMIT 1`);
  const started = Date.now();
  for (let from = 1; from <= o.total; from += IMPORT_BATCH) {
    const to = Math.min(o.total, from + IMPORT_BATCH - 1);
    await ds.transaction(async (em) => {
      const p = [from, to, o.userId, o.pipelineId, statusId, categoryId, tagId, o.importId, o.total, o.fieldId];
      await em.query(
        `CREATE TEMP TABLE floor_ids ON COMMIT DROP AS SELECT i, gen_random_uuid() AS client_id, gen_random_uuid() AS card_id FROM generate_series($1::int, $2::int) i`,
        p.slice(0, 2),
      );
      await em.query(
        `INSERT INTO clients (id, name, emails, phones, tax_id, domain, owner_id)
         SELECT client_id, 'Floor Cég ' || i || ' Kft.', ARRAY['info@floor' || i || '.hu'], ARRAY['+36 1 ' || (1000000 + i)], (20000000 + i) || '-2-41', 'floor' || i || '.hu', $1 FROM floor_ids`,
        [o.userId],
      );
      await em.query(
        `INSERT INTO contacts (client_id, name, emails, phones, is_primary)
         SELECT client_id, 'Kovács Ödön ' || i, ARRAY['odon' || i || '@floor' || i || '.hu'], '{}'::text[], true FROM floor_ids
         UNION ALL SELECT client_id, 'Szűcs Ágnes ' || i, ARRAY['agnes' || i || '@floor' || i || '.hu'], '{}'::text[], false FROM floor_ids`,
      );
      await em.query(`INSERT INTO client_categories (client_id, category_id) SELECT client_id, $1 FROM floor_ids`, [categoryId]);
      await em.query(`INSERT INTO client_tags (client_id, tag_id) SELECT client_id, $1 FROM floor_ids`, [tagId]);
      await em.query(
        `INSERT INTO cards (id, client_id, pipeline_id, status_id, owner_id, position, value, currency, custom_values)
         SELECT card_id, client_id, $1, $2, $3, 'z' || lpad(i::text, 9, '0'), (i % 1000) * 1000.5, 'HUF', jsonb_build_object($4::text, 'Kiállítás') FROM floor_ids`,
        [o.pipelineId, statusId, o.userId, o.fieldId],
      );
      await em.query(
        `INSERT INTO audit_log (actor_id, action, entity, entity_id, client_id, card_id, changes)
         SELECT $1::uuid, 'create', 'client', client_id, client_id, null::uuid, jsonb_build_object('importId', jsonb_build_array(null, $2::text)) FROM floor_ids
         UNION ALL SELECT $1::uuid, 'create', 'card', card_id, client_id, card_id, jsonb_build_object('importId', jsonb_build_array(null, $2::text)) FROM floor_ids`,
        [o.userId, o.importId],
      );
      await em.query(
        `INSERT INTO import_rows (import_id, row_no, outcome, client_id, card_id) SELECT $1, $2 + 1 + i, 'CREATED', client_id, card_id FROM floor_ids`,
        [o.importId, o.rowOffset],
      );
    });
  }
  return Math.round(o.total / ((Date.now() - started) / 1000));
}

async function main() {
  const total = arg('rows', 500_000);
  const xlsx = process.argv.includes('--xlsx');
  // The floor's rate hardly depends on its size; a smaller one saves time on a busy machine.
  const floorRows = arg('floor-rows', total);
  const serverUrl = new URL(process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const dbName = `crm_bench_import_${randomBytes(4).toString('hex')}`;
  const admin = await createDataSource(serverUrl.toString(), { poolSize: 1 }).initialize();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const dbUrl = new URL(serverUrl.toString());
  dbUrl.pathname = `/${dbName}`;
  const filesDir = mkdtempSync(path.join(tmpdir(), 'crm-bench-import-'));
  const prefix = `bench-import-${randomBytes(4).toString('hex')}`;
  const ds = await createDataSource(dbUrl.toString()).initialize();
  const queues = createQueues({ redisUrl, prefix });
  let worker: ReturnType<typeof spawn> | null = null;
  try {
    await runMigrations(ds);
    const user = await ds.getRepository(User).save({ email: 'bench@example.com', name: 'Bench', role: Role.Admin, passwordHash: 'x' });
    const sales = await ds.getRepository(Pipeline).save({ name: 'Sales' });
    await ds.getRepository(Status).save(['Lead', 'Contacted', 'Proposal'].map((name, position) => ({ pipelineId: sales.id, name, position })));
    const field = await ds.getRepository(CustomField).save({ pipelineId: sales.id, label: 'Forrás', kind: 'TEXT' });
    const storage = new LocalDiskStorage(filesDir);
    const file = path.join(filesDir, xlsx ? 'bench.xlsx' : 'bench.csv');
    let t = Date.now();
    if (xlsx) await writeXlsxFile(total, file);
    else await pipeline(Readable.from(rows(total)), createWriteStream(file));
    const size = statSync(file).size;
    const key = `imports/${user.id}/${randomBytes(16).toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5')}`;
    await storage.put(key, createReadStream(file));
    console.log(`import bench: ${total.toLocaleString('en')} rows, ${(size / 1024 / 1024).toFixed(0)} MB ${xlsx ? 'XLSX' : 'CSV'} generated in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const mapping = ['client.name', 'client.taxId', 'client.email', 'client.phone', 'contact1.name', 'contact1.email', 'contact2.name', 'contact2.email', 'card.status', 'card.value', 'label.category', 'label.tag', `custom.${field.id}`];
    const imp = await ds.transaction((em) =>
      createImport(em, { id: user.id, role: user.role, departmentIds: [] }, {
        fileName: xlsx ? 'bench.xlsx' : 'bench.csv',
        fileKey: key,
        fileSize: size,
        settings: xlsx
          ? { format: 'XLSX', encoding: 'utf-8', delimiter: ',', headerRow: 1, sheet: 'Ügyfelek', skipBrokenRows: false }
          : { format: 'CSV', encoding: 'utf-8', delimiter: ';', headerRow: 1, sheet: null, skipBrokenRows: false },
        mapping,
        target: { pipelineId: sales.id, statusId: null, ownerId: null, categoryIds: [], tagIds: [], departmentId: null, duplicates: DuplicatePolicy.Skip, noAutomations: false, locale: 'hu', country: 'HU', currency: 'HUF' },
      }),
    );
    // Started as docker-compose.yml starts it: compiled (scripts/build-server.mjs), the same heap bound.
    // BENCH_WORKER_FLAGS: more node flags for the worker (e.g. --cpu-prof).
    const flags = (process.env.BENCH_WORKER_FLAGS ?? '').split(' ').filter(Boolean);
    const build = spawnSync(process.execPath, [path.join(WORKER_DIR, '../../scripts/build-server.mjs')], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the server build failed');
    worker = spawn(process.execPath, ['--max-old-space-size=160', '--conditions=crm-build', ...flags, 'dist/main.js'], {
      cwd: WORKER_DIR,
      env: { ...process.env, DATABASE_URL: dbUrl.toString(), REDIS_URL: redisUrl, QUEUE_PREFIX: prefix, FILES_DIR: filesDir, LOG_LEVEL: 'warn', WORKER_CONCURRENCY: '1' },
      stdio: 'inherit',
    });
    t = Date.now();
    await enqueueBackgroundJob(queues, JOBS.runImport, imp.id);
    let peak = 0;
    let last = '';
    for (;;) {
      await new Promise((r) => setTimeout(r, 1000));
      const m = worker.pid ? memory(worker.pid) : null;
      if (m) peak = Math.max(peak, m.peak, m.rss);
      const [job] = await ds.query(`SELECT state, rows_done, error_code FROM background_jobs WHERE id = $1`, [imp.id]);
      const line = `  ${job.state.toLowerCase()} ${job.rows_done.toLocaleString('en')} rows, ${Math.round(job.rows_done / ((Date.now() - t) / 1000))} rows/s, worker RSS ${Math.round((m?.rss ?? 0) / 1024 / 1024)} MB`;
      if (process.stdout.isTTY) process.stdout.write(`\r${line}   `);
      else if (line !== last && Math.round((Date.now() - t) / 1000) % 10 === 0) console.log(line);
      last = line;
      if (['DONE', 'FAILED', 'CANCELLED'].includes(job.state)) {
        if (job.state !== 'DONE') throw new Error(`import ${job.state}: ${job.error_code}`);
        break;
      }
    }
    // Timed from the job's start: the worker process loading its code (seconds on a busy machine) is
    // not part of an import, where the worker is already running.
    const [times] = await ds.query(`SELECT extract(epoch FROM finished_at - started_at) AS seconds, extract(epoch FROM started_at) * 1000 AS started FROM background_jobs WHERE id = $1`, [imp.id]);
    const seconds = Number(times.seconds);
    console.log(`  worker start to the job's start: ${((Number(times.started) - t) / 1000).toFixed(1)} s`);
    const [counts] = await ds.query(`SELECT counts FROM imports WHERE id = $1`, [imp.id]);
    const rate = Math.round(total / seconds);
    const peakMb = Math.round(peak / 1024 / 1024);
    console.log(`\n| import ${total.toLocaleString('en')} rows of ${xlsx ? 'XLSX' : 'CSV'} (client, 2 contacts, card, 2 labels, custom field) | ${rate.toLocaleString('en')} rows/s | target ≥ 20,000 | ${rate >= 20_000 ? 'yes' : 'NO'} |`);
    console.log(`| worker peak RSS during the import | ${peakMb} MB | target < 300 MB | ${peakMb < 300 ? 'yes' : 'NO'} |`);
    console.log(`  ${JSON.stringify(counts.counts)} in ${seconds.toFixed(1)} s`);
    // Undone, as a manager does it from the import's page: a job for the same worker, timed from its start.
    const undoId = await ds.transaction((em) => requestUndoImport(em, { id: user.id, role: user.role, departmentIds: [] }, imp.id));
    await enqueueBackgroundJob(queues, JOBS.undoImport, undoId);
    for (;;) {
      await new Promise((r) => setTimeout(r, 1000));
      const [undo] = await ds.query(`SELECT state, error_code, result, extract(epoch FROM finished_at - started_at) AS seconds FROM background_jobs WHERE id = $1`, [undoId]);
      if (!['DONE', 'FAILED', 'CANCELLED'].includes(undo.state)) continue;
      if (undo.state !== 'DONE') throw new Error(`undo ${undo.state}: ${undo.error_code}`);
      const undoSeconds = Number(undo.seconds);
      console.log(`| undo of the import in the worker: ${undo.result.trashed.toLocaleString('en')} clients and their cards to the trash | ${undoSeconds.toFixed(1)} s, ${Math.round(total / undoSeconds).toLocaleString('en')} rows/s | | |`);
      break;
    }
    const floor = await sqlFloor(ds, { total: floorRows, rowOffset: total, userId: user.id, pipelineId: sales.id, importId: imp.id, fieldId: field.id });
    console.log(`| SQL floor: ${floorRows.toLocaleString('en')} rows written straight on PostgreSQL after the import, ${IMPORT_BATCH.toLocaleString('en')} a transaction | ${floor.toLocaleString('en')} rows/s | | |`);
  } finally {
    worker?.kill('SIGTERM');
    await closeQueues(queues, true);
    await ds.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.destroy();
    rmSync(filesDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error('import bench failed:', err);
  process.exit(1);
});
