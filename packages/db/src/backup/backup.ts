// `npm run backup`: the database and the files folder into one .tar.gz, in-process (no pg_dump, so
// any PostgreSQL server version the app runs on is served, the embedded 18 of `npm start` included).
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { lstat, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { pack as tarPack, type Pack } from 'tar-stream';
import { BACKUP_FORMAT, BackupError, quoteIdent, type BackupManifest, type BackupTrailer, type SequenceManifest, type TableManifest } from './manifest';

export interface BackupOptions {
  databaseUrl: string;
  /** The uploaded documents, photos and import/export files (FILES_DIR). */
  filesDir: string;
  /** The largest tar entry a table's rows are cut into (memory use is about twice this). */
  partBytes?: number;
}

const DEFAULT_PART_BYTES = 4 * 1024 * 1024;

/** Adds one entry with its whole body; resolves when the pack has taken it (its backpressure). */
function addEntry(pack: Pack, name: string, body: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    pack.entry({ name, size: body.length, mtime: new Date(0) }, body, (err) => (err ? reject(err) : resolve()));
  });
}

/** Adds a file's bytes as an entry of a known size, streaming; returns its SHA-256. */
function addFile(pack: Pack, name: string, file: string, size: number, mtime: Date): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const sink = pack.entry({ name, size, mtime }, (err) => (err ? reject(err) : resolve(hash.digest('hex'))));
    const source = createReadStream(file);
    source.on('error', (err) => {
      sink.destroy(err);
      reject(err);
    });
    source.on('data', (chunk) => {
      hash.update(chunk);
      if (!sink.write(chunk)) {
        source.pause();
        sink.once('drain', () => source.resume());
      }
    });
    source.on('end', () => {
      (sink as NodeJS.WritableStream).end();
    });
  });
}

interface FileEntry {
  rel: string;
  full: string;
  size: number;
  mtime: Date;
}

/** Every regular file under dir (sorted, '/'-separated relative paths); symlinks are not followed. */
async function listFiles(dir: string): Promise<FileEntry[]> {
  if (!existsSync(dir)) return [];
  const out: FileEntry[] = [];
  const walk = async (sub: string) => {
    for (const entry of (await readdir(path.join(dir, sub), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      // A restore's hidden work folders (storage keys never start with a dot).
      if (!sub && entry.name.startsWith('.')) continue;
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(rel);
      else if (entry.isFile()) {
        const full = path.join(dir, rel);
        const st = await lstat(full);
        out.push({ rel, full, size: st.size, mtime: st.mtime });
      }
    }
  };
  await walk('');
  return out;
}

/**
 * Writes the database and the files folder into `outFile` (a new file; written as `.partial` and
 * renamed at the end, so a failed run leaves no archive that looks whole).
 *
 * Consistency: every table is read in one REPEATABLE READ snapshot, and the files folder is listed
 * after that snapshot was taken. The app only ever adds files (a purge deletes the row first), so
 * every file a backed-up row refers to is in the archive.
 */
export async function backup(options: BackupOptions, outFile: string): Promise<BackupManifest> {
  if (existsSync(outFile)) throw new BackupError('BACKUP_EXISTS', `${outFile} exists already: choose a new file name`);
  const partBytes = options.partBytes ?? DEFAULT_PART_BYTES;
  const partial = `${outFile}.partial`;
  const client = new Client({ connectionString: options.databaseUrl, application_name: 'crm-backup' });
  await client.connect();
  const pack = tarPack();
  // The archive is written while the entries are produced; the pack's backpressure keeps memory flat.
  const written = pipeline(Readable.from(pack), createGzip(), createWriteStream(partial));
  written.catch(() => {}); // awaited below; a failure there also surfaces through the producer
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables: Array<{ name: string; kind: string }> = (
      await client.query(
        `SELECT c.relname AS name, c.relkind AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
      )
    ).rows;
    const migrations: string[] = tables.some((t) => t.name === 'migrations')
      ? (await client.query('SELECT name FROM migrations ORDER BY timestamp, id')).rows.map((r) => r.name)
      : [];
    const tableManifests: TableManifest[] = [];
    for (const t of tables) {
      const columns: string[] = (
        await client.query(
          `SELECT attname FROM pg_attribute WHERE attrelid = (quote_ident(current_schema()) || '.' || quote_ident($1))::regclass
              AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
          [t.name],
        )
      ).rows.map((r) => r.attname);
      const { rows } = await client.query(`SELECT count(*)::bigint AS n FROM ${quoteIdent(t.name)}`);
      tableManifests.push({ name: t.name, columns, rows: Number(rows[0].n) });
    }
    const sequences: SequenceManifest[] = [];
    for (const { name } of (await client.query(`SELECT sequencename AS name FROM pg_sequences WHERE schemaname = current_schema() ORDER BY 1`)).rows) {
      const { rows } = await client.query(`SELECT last_value::text AS v, is_called AS c FROM ${quoteIdent(name)}`);
      sequences.push({ name, lastValue: rows[0].v, isCalled: rows[0].c });
    }
    // Listed after the snapshot was taken (the first query above took it).
    const files = await listFiles(options.filesDir);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      migrations,
      tables: tableManifests,
      sequences,
      files: { count: files.length, bytes: files.reduce((s, f) => s + f.size, 0) },
    };
    await addEntry(pack, 'manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));

    const trailer: BackupTrailer = { tables: {}, files: {} };
    for (const [i, t] of tables.entries()) {
      const m = tableManifests[i];
      const cols = m.columns.map(quoteIdent).join(', ');
      const sql = t.kind === 'p' ? `COPY (SELECT ${cols} FROM ${quoteIdent(t.name)}) TO STDOUT` : `COPY ${quoteIdent(t.name)} (${cols}) TO STDOUT`;
      const hash = createHash('sha256');
      const stream = client.query(copyTo(sql));
      let parts: Buffer[] = [];
      let size = 0;
      let n = 0;
      const flush = async () => {
        if (!size) return;
        const body = parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
        parts = [];
        size = 0;
        await addEntry(pack, `db/${t.name}/${String(++n).padStart(6, '0')}.copy`, body);
      };
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        hash.update(chunk);
        parts.push(chunk);
        size += chunk.length;
        if (size >= partBytes) await flush();
      }
      await flush();
      if (stream.rowCount !== m.rows) throw new Error(`table ${t.name}: ${stream.rowCount} rows copied, ${m.rows} counted in the same snapshot`);
      trailer.tables[t.name] = hash.digest('hex');
    }
    // The snapshot is done with (the files were listed inside it): do not hold back vacuum longer.
    await client.query('COMMIT');
    for (const f of files) trailer.files[f.rel] = await addFile(pack, `files/${f.rel}`, f.full, f.size, f.mtime);
    await addEntry(pack, 'end.json', Buffer.from(`${JSON.stringify(trailer)}\n`));
    pack.finalize();
    await written;
    await rename(partial, outFile);
    return manifest;
  } catch (err) {
    pack.destroy(err as Error);
    await written.catch(() => {});
    await rm(partial, { force: true });
    throw err;
  } finally {
    await client.end().catch(() => {});
  }
}
