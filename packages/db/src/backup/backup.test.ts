// Backup and restore round trip: real pg_dump/pg_restore against a test database and a files folder.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../testing';
import { backup, checkBackup, restore } from './backup';

/** Every table's rows as one digest per table (order-independent), to compare a database with itself later. */
async function snapshot(db: TestDatabase): Promise<Record<string, string>> {
  const tables: Array<{ t: string }> = await db.dataSource.query(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const [row] = await db.dataSource.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t}" x`);
    out[t] = `${row.n}:${row.h}`;
  }
  return out;
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

describe('backup and restore', () => {
  let db: TestDatabase;
  let work: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    work = mkdtempSync(path.join(os.tmpdir(), 'crm-backup-test-'));
  });
  afterAll(async () => {
    await db.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('backs up, wipes, restores and gets the same rows and files back', async () => {
    const filesDir = path.join(work, 'files');
    mkdirSync(path.join(filesDir, 'documents', 'ab'), { recursive: true });
    writeFileSync(path.join(filesDir, 'documents', 'ab', 'offer.pdf'), randomBytes(50_000));
    writeFileSync(path.join(filesDir, 'photo.webp'), randomBytes(3_000));
    const q = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params).then((rows: any[]) => rows[0]);
    const user = await q(`INSERT INTO users (email, name, password_hash, role) VALUES ('anna@example.com', 'Anna Kovács', 'x', 'ADMIN') RETURNING id`);
    const pipeline = await q(`INSERT INTO pipelines (name) VALUES ('Értékesítés') RETURNING id`);
    const status = await q(`INSERT INTO statuses (pipeline_id, name) VALUES ($1, 'Új') RETURNING id`, [pipeline.id]);
    const client = await q(`INSERT INTO clients (name, emails, owner_id) VALUES ('Łódź Sp. z o.o.', '{biuro@lodz.example}', $1) RETURNING id`, [user.id]);
    const card = await q(`INSERT INTO cards (client_id, pipeline_id, status_id, owner_id, position, value) VALUES ($1, $2, $3, $4, 'a', 1234.5) RETURNING id`, [client.id, pipeline.id, status.id, user.id]);
    // The audit trail's triggers fill the status history; the restore must bring that back as well.
    await q(`INSERT INTO audit_log (actor_id, action, entity, entity_id, card_id, client_id, changes) VALUES ($1, 'create', 'card', $2, $2, $3, $4) RETURNING id`, [user.id, card.id, client.id, { statusId: [null, status.id] }]);
    const before = await snapshot(db);
    expect(before.card_status_changes).toMatch(/^1:/);
    const files = filesOf(filesDir);

    const out = path.join(work, 'backup');
    const manifest = await backup({ databaseUrl: db.url, filesDir }, out, 'Integrations1796061500000');
    expect(manifest.files).toEqual({ count: 2, bytes: 53_000 });
    expect(await checkBackup(out)).toEqual(manifest);

    // Wipe: the schema and the files are gone.
    await db.dataSource.query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public`);
    rmSync(filesDir, { recursive: true });
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).toEqual([{ n: 0 }]);

    await restore({ databaseUrl: db.url, filesDir }, out);
    expect(await snapshot(db)).toEqual(before);
    expect(filesOf(filesDir)).toEqual(files);
    // The triggers came back too: a new audit row still feeds the status history.
    await q(`INSERT INTO audit_log (actor_id, action, entity, entity_id, card_id, client_id, changes) VALUES ($1, 'move', 'card', $2, $2, $3, $4) RETURNING id`, [user.id, card.id, client.id, { statusId: [status.id, status.id] }]);
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM card_status_changes`)).toEqual([{ n: 2 }]);
  });

  it('refuses a damaged backup before touching anything, and a folder that is not empty', async () => {
    const filesDir = path.join(work, 'files2');
    mkdirSync(filesDir);
    writeFileSync(path.join(filesDir, 'a.txt'), 'a');
    const out = path.join(work, 'backup2');
    await backup({ databaseUrl: db.url, filesDir }, out, null);
    await expect(backup({ databaseUrl: db.url, filesDir }, out, null)).rejects.toThrow(/not empty/);
    const dump = path.join(out, 'database.dump');
    const bytes = readFileSync(dump);
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(dump, bytes);
    const tablesBefore = await db.dataSource.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    await expect(restore({ databaseUrl: db.url, filesDir }, out)).rejects.toThrow(/checksum/);
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).toEqual(tablesBefore);
    expect(readFileSync(path.join(filesDir, 'a.txt'), 'utf8')).toBe('a');
  });
});
