// `npm run restore`: a backup archive (backup.ts) back into a database and the files folder.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { PoolClient } from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import { extract as tarExtract } from 'tar-stream';
import { MigrationExecutor, type DataSource, type QueryRunner } from 'typeorm';
import { createDataSource } from '../data-source';
import { MIGRATIONS } from '../migrations';
import { BackupError, codeMigrationNames, migrationsToRun, parseManifest, quoteIdent, type BackupManifest, type BackupTrailer } from './manifest';

export interface RestoreOptions {
  databaseUrl: string;
  /** The files folder to replace (FILES_DIR). */
  filesDir: string;
  /** Wipe a database or files folder that holds data (else the restore refuses it). */
  force?: boolean;
}

type Entry = AsyncIterable<Buffer> & { header: { name: string; size?: number; type?: string | null } };

const MAX_JSON_BYTES = 256 * 1024 * 1024;

/** The archive's entries one by one; any failure to read them (gzip, tar, cut short) is BACKUP_CORRUPT. */
class ArchiveReader {
  private readonly source;
  private readonly gunzip = createGunzip();
  private readonly extract = tarExtract();
  private readonly entries: AsyncIterator<Entry>;

  constructor(file: string) {
    this.source = createReadStream(file);
    this.source.on('error', (err) => this.extract.destroy(err));
    this.gunzip.on('error', (err) => this.extract.destroy(err));
    this.source.pipe(this.gunzip).pipe(this.extract as unknown as NodeJS.WritableStream);
    this.entries = (this.extract as unknown as AsyncIterable<Entry>)[Symbol.asyncIterator]();
  }

  static corrupt(err: unknown): BackupError {
    if (err instanceof BackupError) return err;
    return new BackupError('BACKUP_CORRUPT', `the archive is damaged or not a backup (${(err as Error).message})`);
  }

  async next(): Promise<Entry | null> {
    try {
      const { value, done } = await this.entries.next();
      return done ? null : value;
    } catch (err) {
      throw ArchiveReader.corrupt(err);
    }
  }

  /** Each chunk of an entry's body, read errors as BACKUP_CORRUPT. */
  async *chunks(entry: Entry): AsyncGenerator<Buffer> {
    const it = entry[Symbol.asyncIterator]();
    for (;;) {
      let r: IteratorResult<Buffer>;
      try {
        r = await it.next();
      } catch (err) {
        throw ArchiveReader.corrupt(err);
      }
      if (r.done) return;
      yield r.value;
    }
  }

  async json(entry: Entry): Promise<string> {
    const parts: Buffer[] = [];
    let size = 0;
    for await (const chunk of this.chunks(entry)) {
      size += chunk.length;
      if (size > MAX_JSON_BYTES) throw new BackupError('BACKUP_CORRUPT', `${entry.header.name} is too large`);
      parts.push(chunk);
    }
    return Buffer.concat(parts).toString('utf8');
  }

  close(): void {
    this.source.destroy();
    this.gunzip.destroy();
    this.extract.destroy();
  }
}

/** One COPY ... FROM STDIN with backpressure; its errors are kept, never left unhandled. */
class CopyIn {
  private readonly stream: CopyStreamQuery;
  private error: Error | null = null;
  readonly hash = createHash('sha256');

  constructor(client: PoolClient, readonly table: string, sql: string) {
    this.stream = client.query(copyFrom(sql));
    this.stream.on('error', (err) => (this.error ??= err));
  }

  async write(chunk: Buffer): Promise<void> {
    if (this.error) throw this.error;
    this.hash.update(chunk);
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Ends the COPY; resolves with the rows PostgreSQL took. */
  async end(): Promise<number> {
    if (this.error) throw this.error;
    this.stream.end();
    await finished(this.stream);
    return this.stream.rowCount;
  }

  abort(): void {
    if (!this.stream.destroyed) this.stream.destroy();
  }
}

/** A path inside the files folder from a tar entry name, or a refusal (no absolute paths, no `..`). */
function safeRelative(name: string): string {
  const rel = name.slice('files/'.length);
  const parts = rel.split('/');
  if (!rel || rel.startsWith('/') || rel.includes('\\') || parts.some((p) => p === '' || p === '.' || p === '..') || rel.includes('\0')) {
    throw new BackupError('BACKUP_CORRUPT', `the archive holds a file with an unsafe name: ${JSON.stringify(name)}`);
  }
  return rel;
}

/** The folder's own entries: names starting with a dot are never the app's (storage keys start with a letter or digit). */
async function appEntries(dir: string): Promise<string[]> {
  return existsSync(dir) ? (await readdir(dir)).filter((n) => !n.startsWith('.')) : [];
}

/**
 * Puts the files of `staging` (a folder inside filesDir) in place of filesDir's own entries, by
 * renames inside filesDir: FILES_DIR may be a mount point (a Docker volume) that cannot itself be
 * renamed, and a folder beside it may be on another file system. On a failure the old entries are
 * moved back.
 */
async function swapFiles(filesDir: string, staging: string): Promise<void> {
  const old = path.join(filesDir, `.before-restore-${randomBytes(4).toString('hex')}`);
  await mkdir(old);
  const moved: string[] = [];
  const placed: string[] = [];
  try {
    for (const name of await appEntries(filesDir)) {
      await rename(path.join(filesDir, name), path.join(old, name));
      moved.push(name);
    }
    for (const name of await readdir(staging)) {
      await rename(path.join(staging, name), path.join(filesDir, name));
      placed.push(name);
    }
  } catch (err) {
    for (const name of placed) await rename(path.join(filesDir, name), path.join(staging, name)).catch(() => {});
    for (const name of moved) await rename(path.join(old, name), path.join(filesDir, name)).catch(() => {});
    throw err;
  } finally {
    await rm(old, { recursive: true, force: true });
  }
}

/** Reads just the manifest of an archive (and refuses one this code cannot restore). */
export async function readManifest(archive: string): Promise<BackupManifest> {
  const reader = new ArchiveReader(archive);
  try {
    const first = await reader.next();
    if (!first || first.header.name !== 'manifest.json') throw new BackupError('BACKUP_CORRUPT', 'the archive does not start with a manifest: it is not a backup');
    return parseManifest(await reader.json(first));
  } finally {
    reader.close();
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Replaces the database and the files folder with a backup's, all or nothing.
 *
 * In ONE database transaction: the target is checked (an empty database, or --force to wipe the
 * application schema), the migrations the backup had are applied (never newer ones: the API applies
 * those on its next start), triggers and foreign-key checks are switched off for this transaction
 * (session_replication_role = replica), every table is emptied and filled with COPY FROM, the
 * sequences are set, and everything is checked against the archive's row counts and checksums. The
 * files are written to a hidden folder inside FILES_DIR meanwhile. Only when all of that succeeded
 * is the transaction committed and the new files renamed into place; any failure rolls the database
 * back and removes the hidden folder, leaving the target as it was.
 */
export async function restore(options: RestoreOptions, archive: string): Promise<BackupManifest> {
  if (!existsSync(archive)) throw new BackupError('BACKUP_CORRUPT', `${archive} does not exist`);
  const reader = new ArchiveReader(archive);
  let ds: DataSource | undefined;
  let qr: QueryRunner | undefined;
  // The COPY in progress (an object, so the closures below and the catch see the same one).
  const state: { copy: CopyIn | null } = { copy: null };
  const incoming = path.join(options.filesDir, `.restore-${randomBytes(4).toString('hex')}`);
  const createdFilesDir = !existsSync(options.filesDir);
  let committed = false;
  try {
    const first = await reader.next();
    if (!first || first.header.name !== 'manifest.json') throw new BackupError('BACKUP_CORRUPT', 'the archive does not start with a manifest: it is not a backup');
    const manifest = parseManifest(await reader.json(first));
    const names = migrationsToRun(manifest, codeMigrationNames());
    const byName = new Map(codeMigrationNames().map((n, i) => [n, MIGRATIONS[i]]));

    if (!options.force && (await appEntries(options.filesDir)).length) {
      throw new BackupError('RESTORE_TARGET_NOT_EMPTY', `the files folder ${options.filesDir} is not empty: restore into an empty one, or give --force to replace it`, { filesDir: options.filesDir });
    }

    ds = await createDataSource(options.databaseUrl, { poolSize: 2, applicationName: 'crm-restore', migrations: names.map((n) => byName.get(n)!) }).initialize();
    qr = ds.createQueryRunner();
    const client = (await qr.connect()) as PoolClient;
    await qr.startTransaction();
    const schema: string = (await client.query('SELECT current_schema() AS s')).rows[0].s;
    const schemaTables = async (): Promise<string[]> =>
      (await client.query(`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`, [schema])).rows.map(
        (r) => r.name,
      );
    const existing = await schemaTables();
    if (existing.length) {
      if (!options.force) {
        throw new BackupError('RESTORE_TARGET_NOT_EMPTY', `the database has ${existing.length} tables: restore into an empty database, or give --force to replace its contents`, { tables: existing.length });
      }
      await client.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
      await client.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
    }

    const executor = new MigrationExecutor(ds, qr);
    executor.transaction = 'none';
    const applied = (await executor.executePendingMigrations()).map((m) => m.name);
    if (applied.join() !== names.join()) throw new BackupError('RESTORE_FAILED', `the migrations applied (${applied.join(', ')}) are not the backup's`);

    const tables = await schemaTables();
    const missing = manifest.tables.filter((t) => !tables.includes(t.name)).map((t) => t.name);
    if (missing.length) throw new BackupError('RESTORE_FAILED', `the backup has tables its migrations do not make: ${missing.join(', ')}`, { tables: missing });
    try {
      await client.query(`SET LOCAL session_replication_role = replica`);
    } catch (err) {
      throw new BackupError(
        'RESTORE_NOT_PERMITTED',
        `the database user may not set session_replication_role (${errorText(err)}): restore as a superuser, or GRANT SET ON PARAMETER session_replication_role to this user`,
      );
    }
    if (tables.length) await client.query(`TRUNCATE ${tables.map(quoteIdent).join(', ')}`);

    const expected = new Map(manifest.tables.map((t) => [t.name, t]));
    const loaded = new Map<string, { rows: number; sha256: string }>();
    const files = new Map<string, { sha256: string; bytes: number }>();
    const endCopy = async () => {
      const done = state.copy;
      if (!done) return;
      state.copy = null;
      const rows = await done.end();
      loaded.set(done.table, { rows, sha256: done.hash.digest('hex') });
    };
    let trailer: BackupTrailer | null = null;
    await mkdir(incoming, { recursive: true });

    for (let entry = await reader.next(); entry; entry = await reader.next()) {
      const name = entry.header.name;
      if (trailer) throw new BackupError('BACKUP_CORRUPT', `the archive goes on after its end (${name})`);
      const part = /^db\/([^/]+)\/\d+\.copy$/.exec(name);
      if (part) {
        const table = expected.get(part[1]);
        if (!table) throw new BackupError('BACKUP_CORRUPT', `the archive holds rows of a table its manifest does not list: ${part[1]}`);
        if (state.copy?.table !== table.name) {
          await endCopy();
          if (loaded.has(table.name)) throw new BackupError('BACKUP_CORRUPT', `the rows of ${table.name} are not in one piece`);
          state.copy = new CopyIn(client, table.name, `COPY ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')}) FROM STDIN`);
        }
        for await (const chunk of reader.chunks(entry)) await state.copy!.write(chunk);
      } else if (name.startsWith('files/') && (entry.header.type ?? 'file') === 'file') {
        await endCopy();
        const rel = safeRelative(name);
        const target = path.join(incoming, ...rel.split('/'));
        await mkdir(path.dirname(target), { recursive: true });
        const out = createWriteStream(target, { flags: 'wx' });
        const hash = createHash('sha256');
        let bytes = 0;
        try {
          for await (const chunk of reader.chunks(entry)) {
            hash.update(chunk);
            bytes += chunk.length;
            if (!out.write(chunk)) await once(out, 'drain');
          }
        } finally {
          out.end();
          await finished(out);
        }
        files.set(rel, { sha256: hash.digest('hex'), bytes });
      } else if (name === 'end.json') {
        await endCopy();
        try {
          trailer = JSON.parse(await reader.json(entry)) as BackupTrailer;
        } catch (err) {
          throw ArchiveReader.corrupt(err);
        }
        if (!trailer || typeof trailer.tables !== 'object' || typeof trailer.files !== 'object') throw new BackupError('BACKUP_CORRUPT', 'the archive ends with an incomplete list of checksums');
      } else {
        throw new BackupError('BACKUP_CORRUPT', `the archive holds an unexpected entry: ${name}`);
      }
    }
    if (!trailer) throw new BackupError('BACKUP_CORRUPT', 'the archive is cut short (its list of checksums is missing)');

    const emptyHash = createHash('sha256').digest('hex');
    for (const t of manifest.tables) {
      const got = loaded.get(t.name) ?? { rows: 0, sha256: emptyHash };
      if (got.rows !== t.rows || got.sha256 !== trailer.tables[t.name]) {
        throw new BackupError('BACKUP_CORRUPT', `the rows of ${t.name} do not match the backup's (${got.rows} of ${t.rows} rows, or a different checksum)`, { table: t.name });
      }
    }
    const wantFiles = Object.entries(trailer.files);
    const bytes = [...files.values()].reduce((s, f) => s + f.bytes, 0);
    if (wantFiles.length !== files.size || files.size !== manifest.files.count || bytes !== manifest.files.bytes || wantFiles.some(([rel, sha]) => files.get(rel)?.sha256 !== sha)) {
      throw new BackupError('BACKUP_CORRUPT', `the files do not match the backup's (${files.size} of ${manifest.files.count} files)`);
    }

    for (const s of manifest.sequences) {
      await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [`${quoteIdent(schema)}.${quoteIdent(s.name)}`, s.lastValue, s.isCalled]);
    }
    await qr.commitTransaction();
    committed = true;

    // The database is in; now the files, by renames (the old ones are removed last).
    await swapFiles(options.filesDir, incoming);
    return manifest;
  } catch (err) {
    state.copy?.abort();
    if (qr?.isTransactionActive) await qr.rollbackTransaction().catch(() => {});
    if (err instanceof BackupError) throw err;
    if (committed) {
      throw new BackupError('RESTORE_FAILED', `the database was restored, but the files could not be put in place (${errorText(err)}): the old files were kept; run the restore again with --force`);
    }
    throw new BackupError('RESTORE_FAILED', `the restore failed and changed nothing: ${errorText(err)}`);
  } finally {
    reader.close();
    await rm(incoming, { recursive: true, force: true }).catch(() => {});
    if (createdFilesDir && !committed) await rm(options.filesDir, { recursive: true, force: true }).catch(() => {});
    await qr?.release().catch(() => {});
    await ds?.destroy().catch(() => {});
  }
}
