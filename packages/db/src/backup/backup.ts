import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What a backup folder holds besides the database dump and the files: checked before a restore. */
export interface BackupManifest {
  format: 1;
  createdAt: string;
  /** The last migration applied when the dump was taken (a restore needs code that knows it). */
  lastMigration: string | null;
  dump: { file: 'database.dump'; sha256: string; bytes: number };
  files: { count: number; bytes: number };
}

export interface BackupOptions {
  databaseUrl: string;
  /** The uploaded documents, photos and import/export files (FILES_DIR). */
  filesDir: string;
  /** Where pg_dump and pg_restore are (PG_BIN); default: PATH. */
  pgBin?: string;
}

function tool(name: string, pgBin?: string): string {
  return pgBin ? path.join(pgBin, name) : name;
}

function exec(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', (err) => reject(new Error(`${path.basename(cmd)} could not start (${err.message}); install the PostgreSQL client tools or set PG_BIN`)));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} failed (exit ${code}): ${stderr.trim().slice(0, 2000)}`))));
  });
}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file).on('data', (c) => hash.update(c)).on('error', reject).on('end', () => resolve(hash.digest('hex')));
  });
}

async function tally(dir: string): Promise<{ count: number; bytes: number }> {
  if (!existsSync(dir)) return { count: 0, bytes: 0 };
  let count = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    count++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { count, bytes };
}

/**
 * Writes a backup into `out` (a new or empty folder): the database as one pg_dump snapshot
 * (custom format), then the files folder, then manifest.json. The files are copied after the
 * snapshot, so every file the database refers to is in the backup (files are only ever added while
 * the app runs; a purge that deletes one also deletes its row first).
 */
export async function backup(options: BackupOptions, out: string, lastMigration: string | null): Promise<BackupManifest> {
  if (existsSync(out) && (await readdir(out)).length) throw new Error(`${out} is not empty: choose a new folder for the backup`);
  await mkdir(out, { recursive: true });
  const dump = path.join(out, 'database.dump');
  await exec(tool('pg_dump', options.pgBin), ['--format=custom', '--no-owner', '--no-privileges', '--file', dump, '--dbname', options.databaseUrl]);
  if (existsSync(options.filesDir)) await cp(options.filesDir, path.join(out, 'files'), { recursive: true, preserveTimestamps: true });
  else await mkdir(path.join(out, 'files'));
  const manifest: BackupManifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    lastMigration,
    dump: { file: 'database.dump', sha256: await sha256(dump), bytes: (await stat(dump)).size },
    files: await tally(path.join(out, 'files')),
  };
  await writeFile(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Reads and checks a backup folder: its manifest, the dump's checksum and the files' count. */
export async function checkBackup(from: string): Promise<BackupManifest> {
  const manifest = JSON.parse(await readFile(path.join(from, 'manifest.json'), 'utf8')) as BackupManifest;
  if (manifest.format !== 1) throw new Error(`unknown backup format ${manifest.format}`);
  if ((await sha256(path.join(from, manifest.dump.file))) !== manifest.dump.sha256) throw new Error('the database dump does not match its checksum: the backup is damaged');
  const files = await tally(path.join(from, 'files'));
  if (files.count !== manifest.files.count || files.bytes !== manifest.files.bytes) throw new Error('the files folder does not match the manifest: the backup is incomplete');
  return manifest;
}

/**
 * Replaces the database and the files folder with a backup's. The database is restored in one
 * transaction (all or nothing); the files folder is swapped in only after that succeeded, and the
 * old one removed last.
 */
export async function restore(options: BackupOptions, from: string): Promise<BackupManifest> {
  const manifest = await checkBackup(from);
  await exec(tool('pg_restore', options.pgBin), [
    '--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', '--dbname', options.databaseUrl, path.join(from, manifest.dump.file),
  ]);
  const incoming = `${options.filesDir}.restoring`;
  const old = `${options.filesDir}.before-restore`;
  await rm(incoming, { recursive: true, force: true });
  await cp(path.join(from, 'files'), incoming, { recursive: true, preserveTimestamps: true });
  await rm(old, { recursive: true, force: true });
  if (existsSync(options.filesDir)) await rename(options.filesDir, old);
  await rename(incoming, options.filesDir);
  await rm(old, { recursive: true, force: true });
  return manifest;
}
