// Jest global setup: PostgreSQL (TEST_DATABASE_URL, else an embedded server for this run), Redis
// (REDIS_URL, a local one, or a redis-server we start), the compiled server (scripts/build-server.mjs),
// and a template database with every migration applied, which each test file clones
// (packages/db/src/testing.ts).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ensureRedis, ROOT, startEmbeddedPostgres } from '../lib/services.mjs';
import { BUILD_CONDITION, buildServer } from '../build-server.mjs';

const NEEDS_SERVICES = new Set(['db', 'api', 'worker', 'e2e']);

export default async function globalSetup(globalConfig) {
  const selected = globalConfig.selectProjects;
  if (selected && !selected.some((p) => NEEDS_SERVICES.has(p))) return;

  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dataDir = path.join(ROOT, '.data', `test-pg-${process.pid}`);
    const embedded = await startEmbeddedPostgres(dataDir);
    globalThis.__crmServices = { ...globalThis.__crmServices, pg: embedded, pgDir: dataDir };
    serverUrl = embedded.url;
  }
  const redis = await ensureRedis();
  globalThis.__crmServices = { ...globalThis.__crmServices, redis };

  const template = `crm_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: withDb(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();
  // The API and worker as production runs them (compiled; the worker tests start it), and the
  // template's migrations applied by that compiled code.
  buildServer();
  execFileSync(process.execPath, [`--conditions=${BUILD_CONDITION}`, 'dist/cli/migrate.js'], {
    cwd: path.join(ROOT, 'packages/db'),
    env: { ...process.env, DATABASE_URL: withDb(serverUrl, template) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });

  process.env.TEST_PG_URL = serverUrl;
  process.env.TEST_REDIS_URL = redis.url;
  process.env.TEST_TEMPLATE_DB = template;
  globalThis.__crmServices.template = template;
}

export function withDb(url, db) {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

export async function dropTemplate() {
  const s = globalThis.__crmServices;
  if (!s?.template) return;
  const admin = new pg.Client({ connectionString: withDb(process.env.TEST_PG_URL, 'postgres') });
  await admin.connect();
  // Drop what this run made (test files drop their own; a crashed file may leave one behind).
  const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'crm\\_test\\_%' OR datname = $1`, [s.template]);
  if (s.pg) for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  else await admin.query(`DROP DATABASE IF EXISTS "${s.template}" WITH (FORCE)`);
  await admin.end();
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}
