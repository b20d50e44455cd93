// `npm run bench`: seeds a large pipeline and measures the board, a column's next page, the list and
// moves over HTTP against the real API (and, when the web app is built, the board page in Chromium).
// Prints a table and writes bench/results/<date>.json. `--size 1000000` for a million cards.
import '../node-env';
import { createDataSource, runMigrations, type ExportFormat } from '@crm/db';
import { ReportPeriodPreset } from '@crm/shared';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Client as PgClient } from 'pg';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { createServer } from '../server';
import { automationAndMailBench, type ThroughputResult } from './automation-bench';
import { massUpdateBench, type FloorResult } from './mass-bench';
import { measureBesideFloor, ratio, withinFloor, type SideBySide } from './floor';
import { httpClock, postJson } from './http-client';
import { exportBench, type ExportBenchResult } from './export-bench';
import { reportBench, seedReportHistory, type ReportBenchResult } from './report-bench';
import { inboundBench } from './inbound-bench';
import { loadBench, printLoad } from './load-bench';
import { campaignBench, printCampaign } from './campaign-bench';
import { BENCH_PASSWORD, loadLargeFixture, seedLarge } from './seed-large';

const ROOT = path.resolve(__dirname, '../../../..');
const ITERATIONS = 200;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** PostgreSQL's buffer cache, which decides whether a large seed's reads come from memory: said beside every figure. */
let sharedBuffers = '?';

async function readSharedBuffers(pgUrl: string): Promise<void> {
  const client = new PgClient({ connectionString: pgUrl });
  await client.connect();
  sharedBuffers = (await client.query('SHOW shared_buffers')).rows[0].shared_buffers;
  await client.end();
}

async function services(): Promise<{ pgUrl: string; redisUrl: string; stop: () => Promise<void> }> {
  const lib = await import(path.join(ROOT, 'scripts/lib/services.mjs'));
  const redis = await lib.ensureRedis();
  if (process.env.DATABASE_URL) {
    await readSharedBuffers(process.env.DATABASE_URL);
    return { pgUrl: process.env.DATABASE_URL, redisUrl: redis.url, stop: redis.stop };
  }
  const pg = await lib.startEmbeddedPostgres(path.join(ROOT, '.data/bench-postgres'));
  await readSharedBuffers(pg.url);
  return {
    pgUrl: pg.url,
    redisUrl: redis.url,
    stop: async () => {
      await pg.stop();
      await redis.stop();
    },
  };
}

function printExports(results: ExportBenchResult[]) {
  console.log('\n| export (card list, default columns) | rows/s | time | size | RSS before → peak | target | ok |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) {
    const ok = r.target === null ? '–' : r.rowsPerSecond >= r.target ? 'yes' : 'NO';
    console.log(`| ${r.name} | ${r.rowsPerSecond.toLocaleString('en')} | ${r.seconds} s | ${r.megabytes === null ? '–' : `${r.megabytes} MB`} | ${r.rssBeforeMb ?? '–'} → ${r.rssPeakMb ?? '–'} MB | ${r.target === null ? '–' : `≥ ${r.target.toLocaleString('en')} rows/s`} | ${ok} |`);
  }
}

/** A report measure's row; a floor-only measure (no HTTP figure) shows '–' where it has none. */
function reportRow(r: ReportBenchResult): string {
  const ms = (v: number) => (Number.isNaN(v) ? '–' : `${v} ms`);
  const floor = Number.isNaN(r.floorP50) ? '–' : `${r.floorP50} / ${r.floorP95} ms`;
  const ok = Number.isNaN(r.p95) ? '–' : r.p95 <= r.target ? 'yes' : 'NO';
  return `| ${r.name} | ${ms(r.p50)} | ${ms(r.p95)} | ${floor} | ≤ ${r.target} ms | ${ok} |`;
}

function machineText(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL shared_buffers ${sharedBuffers}`;
}

/** `npm run bench -- --only export [--export-rows N] [--export-formats csv,xlsx]`: the export measures alone. */
async function exportsOnly() {
  const rows = arg('export-rows', 500_000);
  const formatsAt = process.argv.indexOf('--export-formats');
  const formats = formatsAt >= 0 ? (process.argv[formatsAt + 1].split(',') as ExportFormat[]) : undefined;
  const svc = await services();
  const load = os.loadavg()[0];
  const exports = await exportBench(svc.pgUrl, rows, formats);
  await svc.stop();
  // The machine's other work shows in the figures: say how busy it was.
  console.log(`\nExport benchmark: ${rows.toLocaleString('en')} cards; ${machineText()}; load average ${load.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end`);
  printExports(exports);
  const dir = path.join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().slice(0, 10)}-export-${rows}.json`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), rows, machine: machineText(), loadAverage: [load, os.loadavg()[0]], exports }, null, 2) + '\n');
  console.log(`\nWrote ${path.relative(ROOT, file)}`);
}

/** `npm run bench -- --only campaign`: the campaign measures alone (`--campaign-size N`). */
async function campaignOnly() {
  const size = arg('campaign-size', 100_000);
  const svc = await services();
  const load = os.loadavg()[0];
  const campaign = await campaignBench(svc.pgUrl, size);
  await svc.stop();
  console.log(`\nCampaign benchmark: ${size.toLocaleString('en')} recipients, 30% suppressed; ${machineText()}; load average ${load.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end`);
  printCampaign(campaign);
  const dir = path.join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().slice(0, 10)}-campaign-${size}.json`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), size, machine: machineText(), loadAverage: [load, os.loadavg()[0]], campaign }, null, 2) + '\n');
  console.log(`\nWrote ${path.relative(ROOT, file)}`);
}

async function main() {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
  if (only === 'campaign') return campaignOnly();
  if (only === 'export') return exportsOnly();
  const size = arg('size', 100_000);
  const svc = await services();
  // BENCH_DATABASE names the database when several benchmarks share one PostgreSQL.
  const dbName = process.env.BENCH_DATABASE ?? `crm_bench_${size}${only ? `_${only}` : ''}`;
  const adminUrl = new URL(svc.pgUrl);
  adminUrl.pathname = '/postgres';
  const admin = new PgClient({ connectionString: adminUrl.toString() });
  await admin.connect();
  // `--reuse`: measure again on the database an earlier run of the same measure seeded (a seed of
  // 1,000,000 cards takes many minutes), if it is there.
  const reuse = process.argv.includes('--reuse') && (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [dbName])).rowCount === 1;
  if (!reuse) {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${dbName}`);
  }
  await admin.end();
  const dbUrl = new URL(svc.pgUrl);
  dbUrl.pathname = `/${dbName}`;

  console.log(reuse ? `Reusing ${dbName}` : `Seeding ${size.toLocaleString('en')} clients and cards...`);
  const seedStart = Date.now();
  const ds = await createDataSource(dbUrl.toString()).initialize();
  await runMigrations(ds);
  const fixture = reuse ? await loadLargeFixture(ds) : await seedLarge(ds, size);
  const historyRows =
    only === 'mail' || only === 'browser' ? 0 : reuse ? (await ds.query(`SELECT count(*)::int AS n FROM card_status_changes`))[0].n : await seedReportHistory(ds);
  const [{ id: adminId }] = await ds.query(`SELECT id FROM users WHERE email = 'admin@bench.test'`);
  await ds.destroy();
  const seedSeconds = (Date.now() - seedStart) / 1000;
  console.log(`Seeded in ${seedSeconds.toFixed(1)} s`);
  if (process.argv.includes('--seed-only')) {
    // Seed now (`--seed-only`), measure later with `--reuse` on a quiet machine.
    await svc.stop();
    return;
  }

  if (only === 'mail') {
    // `npm run bench -- --only mail [--size N]`: the automation and mail measures alone, on a fresh seed.
    const load = os.loadavg()[0];
    const throughput = await automationAndMailBench(dbUrl.toString(), fixture.pipelineId);
    await svc.stop();
    console.log(`\nAutomations and mail: ${size.toLocaleString('en')} cards; ${machineText()}; load average ${load.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end\n`);
    printThroughput(throughput);
    const dir = path.join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${new Date().toISOString().slice(0, 10)}-${size}-mail.json`);
    writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), size, machine: machineText(), loadAverage: [load, os.loadavg()[0]], throughput }, null, 2) + '\n');
    console.log(`\nWrote ${path.relative(ROOT, file)}`);
    return;
  }

  if (only === 'load') {
    // `npm run bench -- --only load [--size N] [--users 100] [--seconds 120] [--think-ms 2500] [--no-subscriptions]`.
    const load = os.loadavg()[0];
    const emails = ['admin@bench.test', ...Array.from({ length: 49 }, (_, i) => `user${i + 2}@bench.test`)];
    const result = await loadBench(dbUrl.toString(), svc.redisUrl, fixture, emails, BENCH_PASSWORD, { users: arg('users', 100), seconds: arg('seconds', 120), thinkMs: arg('think-ms', 2500), subscriptions: !process.argv.includes('--no-subscriptions') });
    await svc.stop();
    printLoad(result, machineText(), [load, os.loadavg()[0]]);
    const dir = path.join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${new Date().toISOString().slice(0, 10)}-${size}-load.json`);
    writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), size, machine: machineText(), loadAverage: [load, os.loadavg()[0]], ...result }, null, 2) + '\n');
    console.log(`\nWrote ${path.relative(ROOT, file)}`);
    return;
  }

  // WEB_DIST serves another build of the web app (to compare two builds on one machine).
  const webDist = process.env.WEB_DIST ? path.resolve(process.env.WEB_DIST) : path.join(ROOT, 'apps/web/dist');
  const config = {
    ...loadConfig({ DATABASE_URL: dbUrl.toString(), REDIS_URL: svc.redisUrl, LOG_LEVEL: 'silent', NODE_ENV: 'production', SEED_DEMO: 'false' }),
    port: 0,
    host: '127.0.0.1',
    webDist: existsSync(path.join(webDist, 'index.html')) ? webDist : null,
    loginLimits: { perAccount: 1000, perIp: 1000, accountCap: 1000, windowSeconds: 60 },
  };
  const server = await createServer(config, createLogger(process.env.BENCH_LOG ?? 'silent'));
  const gql = async (cookie: string, query: string, variables: object) => {
    const { body } = await postJson(`${server.url}/graphql`, { query, variables }, { cookie });
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const loginRes = await postJson(`${server.url}/graphql`, {
    query: 'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { id } }',
    variables: { e: 'admin@bench.test', p: BENCH_PASSWORD },
  });
  const cookie = loginRes.headers['set-cookie']![0].split(';')[0];

  const BOARD = `query($p: ID!) { board(pipelineId: $p) { status { id } count sums { currency amount } endCursor hasMore cards { id position client { id name } owner { id name } value currency nextTodo { title deadline } } } }`;
  const COLUMN = `query($s: ID!, $after: String) { columnCards(statusId: $s, after: $after, first: 50) { endCursor hasMore cards { id position client { id name } owner { id name } value currency nextTodo { title deadline } } } }`;
  const LIST = `query($p: ID!, $f: CardFilterInput) { cards(pipelineId: $p, filter: $f, sort: { field: CLIENT_NAME, direction: ASC }, page: { offset: 0, limit: 50 }) { total items { id client { name tags { name } } owner { name } value } } }`;
  const MOVE = `mutation($i: MoveCardInput!) { moveCard(input: $i) { id } }`;

  if (process.argv.includes('--only') && process.argv[process.argv.indexOf('--only') + 1] === 'reports') {
    // `npm run bench -- --only reports [--size N]`: the Reports measures alone, on a fresh seed.
    // `--report-period LAST_MONTH` for the widgets over a whole month (this month is short at its start).
    const preset = process.argv.includes('--report-period') ? (process.argv[process.argv.indexOf('--report-period') + 1] as ReportPeriodPreset) : ReportPeriodPreset.ThisMonth;
    const load = os.loadavg()[0];
    const reports = await reportBench(dbUrl.toString(), (q, v) => gql(cookie, q, v), fixture.pipelineId, adminId, preset);
    const browserReports = config.webDist
      ? await browserReportsPage(server.url, fixture.pipelineId, cookie).catch((err) => {
          console.error('The Reports page in Chromium failed:', err);
          return null;
        })
      : null;
    if (!config.webDist) console.log('(the web app is not built: no Reports page in Chromium)');
    await server.close();
    await svc.stop();
    console.log(`\nReports: ${size.toLocaleString('en')} cards, ${historyRows.toLocaleString('en')} status history rows; ${machineText()}; load average ${load.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end\n`);
    console.log('| report measure | p50 | p95 | SQL floor p50 / p95 | target (p95) | ok |');
    console.log('|---|---|---|---|---|---|');
    for (const r of reports) console.log(reportRow(r));
    if (browserReports !== null) console.log(`| Reports page, this year, every widget drawn (Chromium) | ${browserReports} ms | | | ≤ 1500 ms | ${browserReports <= 1500 ? 'yes' : 'NO'} |`);
    const dir = path.join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${new Date().toISOString().slice(0, 10)}-${size}-reports.json`);
    writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), size, machine: machineText(), loadAverage: [load, os.loadavg()[0]], seedSeconds, historyRows, period: preset, reports, browserReportsMs: browserReports }, null, 2) + '\n');
    console.log(`\nWrote ${path.relative(ROOT, file)}`);
    return;
  }

  if (only === 'browser') {
    // `npm run bench -- --only browser`: the board page in Chromium and the JavaScript it loads first, alone.
    if (!config.webDist) throw new Error('build the web app first: pnpm --filter @crm/web build');
    const load = os.loadavg()[0];
    const browser = await browserBoard(server.url, fixture.pipelineId, cookie, config.webDist);
    if (!browser) throw new Error('no Chromium: set CHROMIUM_PATH');
    await server.close();
    await svc.stop();
    console.log(`\nBoard page: ${size.toLocaleString('en')} cards; ${machineText()}; load average ${load.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end\n`);
    printBrowserBoard(browser);
    return;
  }

  const board = (await gql(cookie, BOARD, { p: fixture.pipelineId })).board;
  if (only === 'mass') {
    // `npm run bench -- --only mass [--size N] [--reuse]`: the mass update and the card page under it, alone.
    const first = board[0].cards[0];
    const mass = await massUpdateBench({ ds: server.dataSource, gql, cookie, pgUrl: dbUrl.toString(), pipelineId: fixture.pipelineId, userIds: fixture.userIds, cardId: first.id, clientId: first.client.id });
    await server.close();
    await svc.stop();
    console.log(`\nMass updates: ${size.toLocaleString('en')} cards; ${machineText()}; load average ${os.loadavg()[0].toFixed(1)}\n`);
    printMass(mass);
    return;
  }
  // Each request beside its SQL floor: the statements it sent, replayed straight on PostgreSQL.
  const floorClient = new PgClient({ connectionString: dbUrl.toString() });
  await floorClient.connect();
  const side = (name: string, target: number | null, request: (i: number) => Promise<unknown>) => measureBesideFloor(server.dataSource, floorClient, name, target, ITERATIONS, request, httpClock);
  const results: SideBySide[] = [];
  // What every request pays: the session read, Express and Apollo, nothing else (no target of its own).
  results.push(await side('the session alone: { me { id } }', null, () => gql(cookie, `{ me { id } }`, {})));
  results.push(await side('board: first 50 cards of every column, counts and sums', size >= 1_000_000 ? 25 : null, () => gql(cookie, BOARD, { p: fixture.pipelineId })));
  // Walk down one column: each call reads the page after the previous one.
  let cursor = board[0].endCursor as string;
  results.push(
    await side('next page of one column', null, async () => {
      const page = await gql(cookie, COLUMN, { s: fixture.statusIds[0], after: cursor });
      cursor = page.columnCards.hasMore ? page.columnCards.endCursor : board[0].endCursor;
    }),
  );
  results.push(
    await side('list: status + owner + tag + text, sort, 50 rows, total', null, (i) =>
      gql(cookie, LIST, { p: fixture.pipelineId, f: { statusIds: [fixture.statusIds[i % 6]], ownerIds: [fixture.userIds[i % 50]], tagIds: [fixture.tagIds[i % 20]], text: ['alfa', 'trans', 'győr', 'tech'][i % 4] } }),
    ),
  );
  const cardIds: string[] = board.flatMap((col: any) => col.cards.map((c: any) => c.id));
  const anchors: string[] = board.map((col: any) => col.cards[25].id);
  results.push(
    await side('move a card', null, (i) =>
      gql(cookie, MOVE, { i: { cardId: cardIds[(i * 7) % cardIds.length], statusId: fixture.statusIds[(i + 1) % 8], afterCardId: anchors[(i + 1) % 8] } }).catch(() =>
        gql(cookie, MOVE, { i: { cardId: cardIds[(i * 7) % cardIds.length], statusId: fixture.statusIds[(i + 1) % 8] } }),
      ),
    ),
  );
  await floorClient.end();

  if (only === 'requests') {
    // `npm run bench -- --only requests`: the board, next page, list and move beside their floors.
    await server.close();
    await svc.stop();
    console.log(`\nRequests: ${size.toLocaleString('en')} cards; ${machineText()}; load average ${os.loadavg()[0].toFixed(1)}\n`);
    printSideBySide(results);
    return;
  }
  console.log('Measuring mass updates and the card page under them...');
  const firstCard = board[0].cards[0];
  const mass: FloorResult[] = await massUpdateBench({ ds: server.dataSource, gql, cookie, pgUrl: dbUrl.toString(), pipelineId: fixture.pipelineId, userIds: fixture.userIds, cardId: firstCard.id, clientId: firstCard.client.id });

  console.log('Measuring the Reports page...');
  const reports: ReportBenchResult[] = await reportBench(dbUrl.toString(), (q, v) => gql(cookie, q, v), fixture.pipelineId, adminId);

  const browser = config.webDist
    ? await browserBoard(server.url, fixture.pipelineId, cookie, config.webDist).catch((err) => {
        console.error(`The browser measurement failed: ${err.message}`);
        return null;
      })
    : null;
  const browserReports = config.webDist
    ? await browserReportsPage(server.url, fixture.pipelineId, cookie).catch((err) => {
        console.error(`The browser measurement of the Reports page failed: ${err.message}`);
        return null;
      })
    : null;
  await server.close();
  console.log('Measuring automations and mail...');
  const throughput: ThroughputResult[] = await automationAndMailBench(dbUrl.toString(), fixture.pipelineId);
  const exports = await exportBench(svc.pgUrl, arg('export-rows', 500_000));
  const campaign = await campaignBench(svc.pgUrl, arg('campaign-size', 100_000));
  console.log('Measuring inbound mail...');
  throughput.push(...(await inboundBench(dbUrl.toString())));
  await svc.stop();

  const machine = machineText();
  console.log(`\nBenchmark: ${size.toLocaleString('en')} cards in 8 columns, 50 users; ${ITERATIONS} sequential requests each; ${machine}\n`);
  printSideBySide(results);
  console.log('| measure | value | | | target | ok |');
  console.log('|---|---|---|---|---|---|');
  if (browser !== null) printBrowserBoard(browser, false);
  if (browserReports !== null) console.log(`| Reports page, this year, every widget drawn (Chromium) | ${browserReports} ms | | | ≤ 1500 ms | ${browserReports <= 1500 ? 'yes' : 'NO'} |`);
  if (!config.webDist) console.log('(the web app is not built: no browser measurement)');
  console.log('');
  printMass(mass);
  console.log(`\nReports: ${historyRows.toLocaleString('en')} status history rows; 30 sequential requests each, beside the same SQL sent straight to PostgreSQL\n`);
  console.log('| report measure | p50 | p95 | SQL floor p50 / p95 | target (p95) | ok |');
  console.log('|---|---|---|---|---|---|');
  for (const r of reports) console.log(reportRow(r));
  printThroughput(throughput);
  printExports(exports);
  printCampaign(campaign);

  const dir = path.join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().slice(0, 10)}-${size}.json`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), size, machine, seedSeconds, iterations: ITERATIONS, results, mass, reports, historyRows, throughput, exports, campaign, browserBoardMs: browser?.ms ?? null, browserReportsMs: browserReports, initialJsKbGzip: browser?.initialJsKb ?? null }, null, 2) + '\n');
  console.log(`\nWrote ${path.relative(ROOT, file)}`);
}

function printThroughput(throughput: ThroughputResult[]) {
  console.log('\n| throughput | value | target | ok |');
  console.log('|---|---|---|---|');
  for (const r of throughput) console.log(`| ${r.name} | ${r.value.toLocaleString('en')} ${r.unit} | ${r.target} | ${r.ok === null ? '–' : r.ok ? 'yes' : 'NO'} |`);
}

function printSideBySide(results: SideBySide[]) {
  console.log('| measure | API p50 / p95 | SQL floor p50 / p95 | ratio p50 / p95 | Node CPU per request: API / floor | target | ok |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) {
    const target = `≤ 1.5× / 2×${r.target === null ? '' : `, p95 ≤ ${r.target} ms`}`;
    console.log(
      `| ${r.name} | ${r.api.p50} / ${r.api.p95} ms | ${r.floor.p50} / ${r.floor.p95} ms | ${ratio(r.api.p50, r.floor.p50)} / ${ratio(r.api.p95, r.floor.p95)} | ${r.cpu.api} / ${r.cpu.floor} ms | ${target} | ${withinFloor(r) ? 'yes' : 'NO'} |`,
    );
  }
}

function printMass(mass: FloorResult[]) {
  console.log('| measure | API p50 / p95 | SQL floor p50 / p95 | runs |');
  console.log('|---|---|---|---|');
  for (const r of mass) console.log(`| ${r.name} | ${r.api.p50} / ${r.api.p95} ms | ${r.floor.p50} / ${r.floor.p95} ms | ${r.note} |`);
}

/** Prints the board page's time and the JavaScript it fetched before showing; with the chunks one by one unless `header` is false. */
function printBrowserBoard(browser: BrowserBoard, header = true) {
  if (header) {
    console.log('| measure | value | | | target | ok |');
    console.log('|---|---|---|---|---|---|');
  }
  console.log(`| board page shows 8 filled columns (Chromium) | ${browser.ms} ms | | | ≤ 600 ms | ${browser.ms <= 600 ? 'yes' : 'NO'} |`);
  console.log(`| initial JavaScript: every script fetched before the board shows, gzipped | ${browser.initialJsKb} KB | | | ≤ 150 KB | ${browser.initialJsKb <= 150 ? 'yes' : 'NO'} |`);
  if (!header) return;
  console.log('\n| script fetched before the board shows | gzipped |');
  console.log('|---|---|');
  for (const s of browser.scripts) console.log(`| ${s.file} | ${(s.gzipBytes / 1024).toFixed(1)} KB |`);
}

interface BrowserBoard {
  /** Median milliseconds from navigation to 8 columns with cards. */
  ms: number;
  /** Every script the first load fetched before the board showed (entry, its imports, the board's chunks, the language), gzipped. */
  initialJsKb: number;
  scripts: { file: string; gzipBytes: number }[];
}

/** Milliseconds from navigation to the board page showing 8 columns with cards, in headless Chromium. */
async function browserBoard(url: string, pipelineId: string, cookie: string, dist: string): Promise<BrowserBoard | null> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) return null;
  const { chromium: pw } = await import('playwright-core');
  const browser = await pw.launch({
    executablePath: chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, url }]);
    const page = await context.newPage();
    // The moment the board shows (a DOM change that completes 8 columns with cards), in the page's
    // epoch milliseconds: scripts requested after it do not count, however soon the bench notices.
    await page.addInitScript(() => {
      const w = globalThis as unknown as { __boardShown?: number; document: { querySelectorAll(s: string): ArrayLike<{ querySelector(s: string): unknown }> }; MutationObserver: new (cb: () => void) => { observe(n: object, o: object): void; disconnect(): void } };
      const observer = new w.MutationObserver(() => {
        const lists = Array.from(w.document.querySelectorAll('[role="list"][aria-label]'));
        if (lists.length >= 8 && lists.every((l) => l.querySelector('[role="listitem"]'))) {
          w.__boardShown = Date.now();
          observer.disconnect();
        }
      });
      observer.observe(w.document, { childList: true, subtree: true });
    });
    if (process.argv.includes('--timeline')) {
      // Long tasks (50 ms or more) of each load, in epoch milliseconds.
      await page.addInitScript(() => {
        const w = globalThis as unknown as { __longTasks: number[][]; performance: { timeOrigin: number }; PerformanceObserver: new (cb: (list: { getEntries(): { startTime: number; duration: number }[] }) => void) => { observe(o: object): void } };
        w.__longTasks = [];
        new w.PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longTasks.push([w.performance.timeOrigin + e.startTime, e.duration]);
        }).observe({ type: 'longtask', buffered: true });
      });
    }
    const times: number[] = [];
    let scripts: string[] | null = null;
    for (let i = 0; i < 5; i++) {
      const fetched: { url(): string; timing(): { startTime: number } }[] = [];
      const onRequest = (request: { url(): string; timing(): { startTime: number } }) => {
        if (new URL(request.url()).pathname.endsWith('.js')) fetched.push(request);
      };
      if (!scripts) page.on('request', onRequest);
      let t = Date.now();
      // `--timeline`: each load's requests (a GraphQL operation or a file), from navigation to the end of their responses.
      const timeline: string[] = [];
      const onFinished = (request: { url(): string; postDataJSON(): { operationName?: string } | null; timing(): { startTime: number; responseEnd: number } }) => {
        const { startTime, responseEnd } = request.timing();
        const name = request.url().endsWith('/graphql') ? request.postDataJSON()?.operationName : new URL(request.url()).pathname;
        timeline.push(`${Math.round(startTime - t)}-${Math.round(startTime - t + responseEnd)} ms ${name}`);
      };
      if (process.argv.includes('--timeline')) page.on('requestfinished', onFinished);
      // BENCH_PROFILE=<file>: the third load's CPU profile (Chrome DevTools format), up to the board showing.
      const stopProfile = i === 2 ? await startProfile(page, process.env.BENCH_PROFILE) : null;
      t = Date.now();
      await page.goto(`${url}/board/${pipelineId}`);
      const shown = (await (
        await page.waitForFunction(() => (globalThis as unknown as { __boardShown?: number }).__boardShown, undefined, { timeout: 15_000 })
      ).jsonValue()) as number;
      times.push(shown - t);
      await stopProfile?.();
      if (process.argv.includes('--timeline')) {
        page.off('requestfinished', onFinished);
        const longTasks = (await page.evaluate(() => (globalThis as unknown as { __longTasks: number[][] }).__longTasks)).map(([at, ms]) => `${Math.round(at - t)}+${Math.round(ms)} ms long task`);
        console.log(`load ${i + 1}: board shown at ${shown - t} ms\n  ${[...timeline, ...longTasks].join('\n  ')}`);
      }
      if (!scripts) {
        page.off('request', onRequest);
        // Request start times are known once the responses are in.
        await page.waitForLoadState('networkidle');
        scripts = [...new Set(fetched.filter((r) => r.timing().startTime <= shown).map((r) => new URL(r.url()).pathname))];
      }
    }
    times.sort((a, b) => a - b);
    const sized = scripts!.map((src) => ({ file: src.replace(/^\/assets\//, ''), gzipBytes: gzipSync(readFileSync(path.join(dist, src.replace(/^\//, '')))).length }));
    sized.sort((a, b) => b.gzipBytes - a.gzipBytes);
    return { ms: times[Math.floor(times.length / 2)], initialJsKb: Math.round(sized.reduce((n, s) => n + s.gzipBytes, 0) / 1024), scripts: sized };
  } finally {
    await browser.close();
  }
}

/** Milliseconds from navigation to the Reports page (this year, compared) with every widget drawn. */
async function browserReportsPage(url: string, pipelineId: string, cookie: string): Promise<number | null> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) return null;
  const { chromium: pw } = await import('playwright-core');
  const browser = await pw.launch({
    executablePath: chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, url }]);
    const page = await context.newPage();
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      // BENCH_PROFILE_REPORTS=<file>: the third load's CPU profile, up to every widget drawn.
      const stopProfile = i === 2 ? await startProfile(page, process.env.BENCH_PROFILE_REPORTS) : null;
      const t = Date.now();
      await page.goto(`${url}/reports?pipeline=${pipelineId}&period=THIS_YEAR&compare=1`);
      // Three charts drawn, the won and lost tiles and the leaderboard's rows.
      await page.waitForFunction(
        () => {
          const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<unknown> } }).document;
          return doc.querySelectorAll('.report-chart .report-chart__bar').length > 0 && doc.querySelectorAll('.report-chart svg').length >= 3
            && doc.querySelectorAll('.report-tile').length >= 3 && doc.querySelectorAll('.report-widget--wide tbody tr').length > 0;
        },
        undefined,
        { timeout: 30_000 },
      );
      times.push(Date.now() - t);
      await stopProfile?.();
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  } finally {
    await browser.close();
  }
}

/** Starts a CPU profile of the page when `file` is set; the function returned stops it and writes it there. */
async function startProfile(page: import('playwright-core').Page, file: string | undefined): Promise<(() => Promise<void>) | null> {
  if (!file) return null;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => writeFileSync(file, JSON.stringify((await cdp.send('Profiler.stop')).profile));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
