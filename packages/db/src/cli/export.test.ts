import { Role } from '@crm/shared';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Card, Client, Department, Pipeline, Status, User } from '../entities';
import { createTestDatabase, TestDatabase } from '../testing';

const ROOT = path.resolve(__dirname, '../../../..');

describe('npm run export (the command line)', () => {
  let db: TestDatabase;
  let pipeline: Pipeline;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(path.join(os.tmpdir(), 'crm-export-'));
    const ds = db.dataSource;
    const [hu, pl] = await ds.getRepository(Department).save([{ name: 'Hungary' }, { name: 'Poland' }]);
    await ds.getRepository(User).save([
      { email: 'boss@example.com', name: 'Boss', role: Role.Admin, passwordHash: 'x' },
      { email: 'hu-manager@example.com', name: 'HU manager', role: Role.Manager, passwordHash: 'x', departments: [hu] },
      { email: 'sales@example.com', name: 'Sales', role: Role.Normal, passwordHash: 'x' },
    ]);
    pipeline = await ds.getRepository(Pipeline).save({ name: 'Sales' });
    const [status] = await ds.getRepository(Status).save([{ pipelineId: pipeline.id, name: 'Lead', position: 0 }]);
    const clients = await ds.getRepository(Client).save([
      { name: 'Győri Kft.', departmentId: hu.id },
      { name: 'Gdańsk Sp. z o.o.', departmentId: pl.id },
    ]);
    await ds.getRepository(Card).save(clients.map((c, i) => ({ clientId: c.id, pipelineId: pipeline.id, statusId: status.id, position: `a${i}` })));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  }, 30_000);

  const cli = (args: string[]) =>
    spawnSync(process.execPath, ['-r', '@swc-node/register', 'src/cli/export.ts', ...args], {
      cwd: path.join(ROOT, 'packages/db'),
      env: { ...process.env, DATABASE_URL: db.url, INIT_CWD: dir },
      encoding: 'utf8',
    });

  it('writes the file with the user’s visibility and ends with "exported N rows"', () => {
    const all = cli(['--pipeline', pipeline.id, '--out', 'all.csv']);
    expect(all.stderr).toContain('Exporting as boss@example.com');
    expect(all.stdout.trim()).toBe('exported 2 rows');
    expect(all.status).toBe(0);

    const hu = cli(['--pipeline', pipeline.id, '--format', 'csv-excel', '--as', 'hu-manager@example.com', '--out', 'hu.csv']);
    expect(hu.stdout.trim()).toBe('exported 1 rows');
    const text = readFileSync(path.join(dir, 'hu.csv')).toString('latin1');
    // "ő" is 0xF5 in Windows-1250.
    expect(readFileSync(path.join(dir, 'hu.csv')).includes(Buffer.from([0x47, 0x79, 0xf5, 0x72, 0x69]))).toBe(true);
    expect(text).not.toContain('Gda');
  }, 60_000);

  it('refuses a Normal user and a missing source, and leaves no file behind', () => {
    const normal = cli(['--clients', '--as', 'sales@example.com', '--out', 'no.csv']);
    expect(normal.status).toBe(1);
    expect(normal.stderr).toContain('Only admins and managers may export.');
    expect(existsSync(path.join(dir, 'no.csv'))).toBe(false);
    const none = cli(['--format', 'xlsx']);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('one of --view, --pipeline or --clients');
  }, 60_000);
});
