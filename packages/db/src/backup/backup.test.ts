// Backup and restore on the PostgreSQL the tests use (the embedded 18 unless TEST_DATABASE_URL says
// otherwise): a seeded database with files is backed up, restored into a fresh database and over a
// wiped one, and compared table by table and byte by byte; damaged and too-new archives are refused
// with the target left as it was.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { createDataSource, runMigrations } from '../data-source';
import { MIGRATIONS } from '../migrations';
import { seedDemoData } from '../seed/demo';
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from '../testing';
import { backup } from './backup';
import { BackupError, codeMigrationNames } from './manifest';
import { readManifest, restore } from './restore';

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Every table's row count and the md5 of its rows in order, and every sequence's state. */
function snapshot(url: string): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    const out: Record<string, string> = {};
    const tables = (await c.query(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows;
    for (const { t } of tables) {
      const { rows } = await c.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS h FROM "${t}" x`);
      out[t] = `${rows[0].n}:${rows[0].h}`;
    }
    for (const { s } of (await c.query(`SELECT sequencename AS s FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`)).rows) {
      const { rows } = await c.query(`SELECT last_value::text || '/' || is_called AS v FROM "${s}"`);
      out[`sequence ${s}`] = rows[0].v;
    }
    return out;
  });
}

function filesOf(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return out;
}

async function refusal(promise: Promise<unknown>): Promise<BackupError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof BackupError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('backup and restore', () => {
  let source: TestDatabase;
  let work: string;
  let filesDir: string;
  let archive: string;
  let before: Record<string, string>;
  let files: Record<string, string>;

  beforeAll(async () => {
    source = await createTestDatabase();
    work = mkdtempSync(path.join(os.tmpdir(), 'crm-backup-test-'));
    filesDir = path.join(work, 'files');
    expect(await seedDemoData(source.dataSource, { clients: 40, now: new Date('2026-11-30T10:00:00Z') })).toBe(true);
    // Rows only a COPY round trip keeps exactly: text with every escape COPY has, NULLs, and a row
    // written through the audit trigger (card_status_changes is filled by it, not by the app).
    await source.dataSource.query(`UPDATE clients SET address = $1 WHERE id = (SELECT id FROM clients ORDER BY id LIMIT 1)`, ['tab\there\nnew line \\N back\\slash "quoted" Łódź ő']);
    mkdirSync(path.join(filesDir, 'documents', 'ab'), { recursive: true });
    writeFileSync(path.join(filesDir, 'documents', 'ab', 'offer'), randomBytes(300_000));
    writeFileSync(path.join(filesDir, 'photo'), randomBytes(3_000));
    writeFileSync(path.join(filesDir, 'empty'), '');
    // A path longer than a plain tar header holds (100 bytes).
    const deep = path.join(filesDir, 'imports', 'x'.repeat(60), 'y'.repeat(60));
    mkdirSync(deep, { recursive: true });
    writeFileSync(path.join(deep, 'z'.repeat(80)), 'deep');
    before = await snapshot(source.url);
    files = filesOf(filesDir);
    archive = path.join(work, 'crm.tar.gz');
    // Small parts, so the big tables are cut into many entries as a large database would be.
    const manifest = await backup({ databaseUrl: source.url, filesDir, partBytes: 16 * 1024 }, archive);
    expect(manifest.migrations).toEqual(codeMigrationNames());
    expect(manifest.files).toEqual({ count: 4, bytes: 303_004 });
    expect(manifest.tables.find((t) => t.name === 'clients')?.rows).toBe(40);
  });

  afterAll(async () => {
    await source.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('restores into a fresh database and an empty files folder: every table and every file the same', async () => {
    expect(Number(before.card_status_changes.split(':')[0])).toBeGreaterThan(0);
    const target = await createEmptyDatabase();
    // A folder that does not exist yet: the restore makes it.
    const targetFiles = path.join(work, 'fresh-files');
    try {
      const manifest = await restore({ databaseUrl: target.url, filesDir: targetFiles }, archive);
      expect(manifest.tables.length).toBe(Object.keys(before).filter((k) => !k.startsWith('sequence ')).length);
      expect(await snapshot(target.url)).toEqual(before);
      expect(filesOf(targetFiles)).toEqual(files);
      expect(readdirSync(targetFiles).filter((f) => f.startsWith('.'))).toEqual([]);
      // The triggers came back and work again: a new status change is recorded by the audit trigger.
      await withClient(target.url, async (c) => {
        const n = async () => (await c.query(`SELECT count(*)::int AS n FROM card_status_changes`)).rows[0].n;
        const was = await n();
        const { rows } = await c.query(`SELECT a.card_id, a.client_id, a.actor_id FROM audit_log a WHERE a.card_id IS NOT NULL LIMIT 1`);
        const status = (await c.query(`SELECT status_id FROM cards WHERE id = $1`, [rows[0].card_id])).rows[0].status_id;
        await c.query(`INSERT INTO audit_log (actor_id, action, entity, entity_id, card_id, client_id, changes) VALUES ($1, 'move', 'card', $2, $2, $3, $4)`, [
          rows[0].actor_id,
          rows[0].card_id,
          rows[0].client_id,
          { statusId: [status, status] },
        ]);
        expect(await n()).toBe(was + 1);
      });
    } finally {
      await target.drop();
    }
  });

  it('refuses a database and a files folder that hold data without --force, and with it wipes and restores them', async () => {
    const target = await createTestDatabase();
    const targetFiles = path.join(work, 'used-files');
    mkdirSync(targetFiles);
    writeFileSync(path.join(targetFiles, 'stale'), 'from before');
    try {
      await target.dataSource.query(`INSERT INTO pipelines (name) VALUES ('Left over')`);
      const left = await snapshot(target.url);
      const err = await refusal(restore({ databaseUrl: target.url, filesDir: targetFiles }, archive));
      expect(err.code).toBe('RESTORE_TARGET_NOT_EMPTY');
      expect(await snapshot(target.url)).toEqual(left);
      // An empty files folder alone is no licence either: the database still holds data.
      const emptyFiles = path.join(work, 'empty-files');
      mkdirSync(emptyFiles);
      expect((await refusal(restore({ databaseUrl: target.url, filesDir: emptyFiles }, archive))).code).toBe('RESTORE_TARGET_NOT_EMPTY');

      await target.dataSource.destroy();
      await restore({ databaseUrl: target.url, filesDir: targetFiles, force: true }, archive);
      expect(await snapshot(target.url)).toEqual(before);
      expect(filesOf(targetFiles)).toEqual(files);
      expect(readdirSync(targetFiles).filter((f) => f.startsWith('.'))).toEqual([]);
    } finally {
      await target.drop();
    }
  });

  it('restores a backup of an older version at its own migration level; the newer migrations apply after it', async () => {
    const older = await createEmptyDatabase();
    const target = await createEmptyDatabase();
    try {
      const ds = await createDataSource(older.url, { migrations: MIGRATIONS.slice(0, -1) }).initialize();
      await runMigrations(ds);
      await ds.query(`INSERT INTO pipelines (name) VALUES ('Older')`);
      await ds.destroy();
      const file = path.join(work, 'older.tar.gz');
      const manifest = await backup({ databaseUrl: older.url, filesDir: path.join(work, 'no-files') }, file);
      expect(manifest.migrations).toEqual(codeMigrationNames().slice(0, -1));

      await restore({ databaseUrl: target.url, filesDir: path.join(work, 'older-files') }, file);
      expect(await snapshot(target.url)).toEqual(await snapshot(older.url));
      const restored = await createDataSource(target.url).initialize();
      try {
        expect(await runMigrations(restored)).toEqual(codeMigrationNames().slice(-1));
      } finally {
        await restored.destroy();
      }
    } finally {
      await older.drop();
      await target.drop();
    }
  });

  describe('refusals leave the target as it was', () => {
    let target: TestDatabase;
    let targetFiles: string;
    let state: Record<string, string>;
    beforeAll(async () => {
      target = await createTestDatabase();
      await target.dataSource.query(`INSERT INTO pipelines (name) VALUES ('Ours')`);
      await target.dataSource.destroy();
      targetFiles = path.join(work, 'kept-files');
      mkdirSync(targetFiles);
      writeFileSync(path.join(targetFiles, 'ours'), 'ours');
      state = await snapshot(target.url);
    });
    afterAll(() => target.drop());
    afterEach(async () => {
      expect(await snapshot(target.url)).toEqual(state);
      expect(filesOf(targetFiles)).toEqual({ ours: createHash('sha256').update('ours').digest('hex') });
      expect(readdirSync(targetFiles)).toEqual(['ours']);
    });
    const restoreOver = (file: string) => refusal(restore({ databaseUrl: target.url, filesDir: targetFiles, force: true }, file));

    it('an archive from a newer version (a migration this code does not have)', async () => {
      const newer = await createTestDatabase();
      try {
        await newer.dataSource.query(`INSERT INTO migrations (timestamp, name) VALUES (1999999999999, 'FromTheFuture1999999999999')`);
        const file = path.join(work, 'newer.tar.gz');
        await backup({ databaseUrl: newer.url, filesDir: path.join(work, 'no-such-folder') }, file);
        expect((await readManifest(file)).migrations.at(-1)).toBe('FromTheFuture1999999999999');
        const err = await restoreOver(file);
        expect(err.code).toBe('BACKUP_NEWER_THAN_CODE');
        expect(err.params).toEqual({ migrations: ['FromTheFuture1999999999999'] });
      } finally {
        await newer.drop();
      }
    });

    it('a damaged archive: bytes changed in the middle', async () => {
      const bytes = readFileSync(archive);
      for (let i = 0; i < 64; i++) bytes[Math.floor(bytes.length / 2) + i] ^= 0x5a;
      const file = path.join(work, 'damaged.tar.gz');
      writeFileSync(file, bytes);
      expect((await restoreOver(file)).code).toBe('BACKUP_CORRUPT');
    });

    it('an archive cut short', async () => {
      const bytes = readFileSync(archive);
      const file = path.join(work, 'short.tar.gz');
      writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
      expect((await restoreOver(file)).code).toBe('BACKUP_CORRUPT');
    });

    it('an archive whose rows were changed (the gzip is whole, the checksum is not)', async () => {
      const tar = gunzipSync(readFileSync(archive));
      // A client's address changed inside its COPY data: same length, so the tar stays valid.
      const at = tar.indexOf(Buffer.from('tab\\there'));
      expect(at).toBeGreaterThan(0);
      tar.write('TAB', at);
      const file = path.join(work, 'tampered.tar.gz');
      writeFileSync(file, gzipSync(tar));
      const err = await restoreOver(file);
      expect(err.code).toBe('BACKUP_CORRUPT');
      expect(err.message).toMatch(/clients/);
    });

    it('a file that is not a backup', async () => {
      const file = path.join(work, 'not-a-backup.tar.gz');
      writeFileSync(file, gzipSync(Buffer.from('hello')));
      expect((await restoreOver(file)).code).toBe('BACKUP_CORRUPT');
    });
  });
});
