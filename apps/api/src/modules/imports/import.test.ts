import { createQueues, closeQueues, Department, LocalDiskStorage, runImport, runImportUndo } from '@crm/db';
import { JOBS, Role } from '@crm/shared';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

const FIXTURES = path.resolve(__dirname, '../../../../../packages/db/src/imports/fixtures');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

const PREVIEW = `query($input: ImportInput!) { importPreview(input: $input) {
  settings { format encoding delimiter headerRow } headers mapping counts { created updated skipped rejected } rowsChecked more
  rows { rowNo outcome reason reasonParams problems { column code } } } }`;
const START = `mutation($input: ImportInput!) { startImport(input: $input) { id fileName job { id state } } }`;
const RUN = `query($id: ID!) { importRun(id: $id) { id counts { created updated skipped rejected } undoneAt rejectsPath job { state rowsDone rowsTotal errorCode } } }`;

describe('imports over the API', () => {
  let api: TestApi;
  let filesDir: string;
  let manager: string;
  let admin: string;
  let otherManager: string;
  let normal: string;
  const queuePrefix = `test-import-${randomBytes(4).toString('hex')}`;
  beforeAll(async () => {
    filesDir = mkdtempSync(path.join(os.tmpdir(), 'crm-imports-'));
    api = await startTestApi({ filesDir, importMaxBytes: 256 * 1024, queuePrefix });
    const [m, a, o, n] = await Promise.all([
      api.buildUser({ role: Role.Manager }),
      api.buildUser({ role: Role.Admin }),
      api.buildUser({ role: Role.Manager }),
      api.buildUser({ role: Role.Normal }),
    ]);
    [manager, admin, otherManager, normal] = await Promise.all([api.login(m.email, m.password), api.login(a.email, a.password), api.login(o.email, o.password), api.login(n.email, n.password)]);
  });
  afterAll(async () => {
    await api.close();
    rmSync(filesDir, { recursive: true, force: true });
  });

  async function upload(name: string, body: Buffer, who = manager) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(body)]), name);
    // A browser sends its origin with every POST (a request without one is refused as cross-origin).
    const res = await fetch(`${api.url}/imports/upload`, { method: 'POST', body: form, headers: { origin: api.url, cookie: who } });
    return { status: res.status, body: (await res.json()) as any };
  }

  it('uploads the Hungarian Excel CSV, previews it, imports it in the worker, serves the rejects file, and undoes it', async () => {
    const { pipeline, statuses } = await buildPipeline(api.db.dataSource, ['Lead', 'Contacted']);
    const up = await upload('ügyfelek.csv', fixture('hu-excel-1250.csv'));
    expect(up.status).toBe(201);
    const input = { fileKey: up.body.upload.key, fileName: 'ügyfelek.csv', target: { pipelineId: pipeline.id, statusId: statuses[0].id } };

    const preview = await api.gql(PREVIEW, { input }, manager);
    expect(preview.errors).toBeUndefined();
    const p = preview.data!.importPreview;
    expect(p.settings).toEqual({ format: 'CSV', encoding: 'windows-1250', delimiter: ';', headerRow: 1 });
    expect(p.headers[0]).toBe('Cégnév');
    expect(p.mapping.slice(0, 4)).toEqual(['client.name', 'client.taxId', 'client.email', 'client.phone']);
    expect(p.counts).toEqual({ created: 3, updated: 0, skipped: 1, rejected: 2 });
    expect(p.rows.find((r: any) => r.rowNo === 5)).toMatchObject({ outcome: 'REJECTED', reason: 'IMPORT_INVALID_EMAIL', problems: [{ column: 2, code: 'IMPORT_INVALID_EMAIL' }] });
    expect((await api.db.dataSource.query(`SELECT count(*)::int AS n FROM clients`))[0].n).toBe(0);

    const started = await api.gql(START, { input }, manager);
    expect(started.errors).toBeUndefined();
    const id = started.data!.startImport.id;
    expect(started.data!.startImport.job.state).toBe('QUEUED');
    // The API scheduled the worker's job.
    const queues = createQueues({ redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', prefix: queuePrefix });
    try {
      expect(await queues.imports.getJob(`${JOBS.runImport.name}:${id}`)).toMatchObject({ data: { jobId: id } });
    } finally {
      await closeQueues(queues, true);
    }
    await runImport(api.db.dataSource, id, { storage: new LocalDiskStorage(filesDir) });

    const run = await api.gql(RUN, { id }, manager);
    expect(run.data!.importRun).toMatchObject({ counts: { created: 3, updated: 0, skipped: 1, rejected: 2 }, undoneAt: null, job: { state: 'DONE', rowsDone: 6, rowsTotal: 6, errorCode: null } });
    const job = await api.gql(`query($id: ID!) { backgroundJob(id: $id) { state rowsDone secondsLeft } }`, { id }, manager);
    expect(job.data!.backgroundJob).toEqual({ state: 'DONE', rowsDone: 6, secondsLeft: 0 });
    // Only its creator and admins see it.
    expect((await api.gql(`query($id: ID!) { backgroundJob(id: $id) { state } }`, { id }, admin)).data!.backgroundJob.state).toBe('DONE');
    expect((await api.gql(`query($id: ID!) { backgroundJob(id: $id) { state } }`, { id }, otherManager)).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await api.gql(RUN, { id }, otherManager)).errors![0].extensions!.code).toBe('NOT_FOUND');

    const rejects = await fetch(`${api.url}${run.data!.importRun.rejectsPath}`, { headers: { cookie: manager } });
    expect(rejects.status).toBe(200);
    expect(rejects.headers.get('content-type')).toBe('text/csv; charset=windows-1250');
    const text = new TextDecoder('windows-1250').decode(await rejects.arrayBuffer());
    expect(text).toContain('Hibás Című Kft.;;nem-email-cím;06 30 999 8888;Nagy Béla;;;;12;HUF;Lead;5;Row 5, column E-mail: Not an email address. Value: nem-email-cím\r\n');
    expect((await fetch(`${api.url}${run.data!.importRun.rejectsPath}`, { headers: { cookie: otherManager } })).status).toBe(404);

    // Undo (here by an admin): a job for the worker, its progress on the run; asked twice while queued, the same job.
    const UNDO = `mutation($id: ID!) { undoImport(id: $id) { undoneAt undoJob { id kind state rowsDone rowsTotal } } }`;
    const undo = await api.gql(UNDO, { id }, admin);
    expect(undo.errors).toBeUndefined();
    const undoJob = undo.data!.undoImport.undoJob;
    expect(undo.data!.undoImport).toMatchObject({ undoneAt: null, undoJob: { kind: 'IMPORT_UNDO', state: 'QUEUED', rowsDone: 0, rowsTotal: 3 } });
    expect((await api.gql(UNDO, { id }, manager)).data!.undoImport.undoJob.id).toBe(undoJob.id);
    const undoQueues = createQueues({ redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', prefix: queuePrefix });
    try {
      expect(await undoQueues.imports.getJob(`${JOBS.undoImport.name}:${undoJob.id}`)).toMatchObject({ data: { jobId: undoJob.id } });
    } finally {
      await closeQueues(undoQueues, true);
    }
    // The import's owner follows the undo's progress too.
    expect((await api.gql(`query($id: ID!) { backgroundJob(id: $id) { state } }`, { id: undoJob.id }, manager)).data!.backgroundJob.state).toBe('QUEUED');
    expect((await api.gql(`query($id: ID!) { backgroundJob(id: $id) { state } }`, { id: undoJob.id }, otherManager)).errors![0].extensions!.code).toBe('NOT_FOUND');
    await runImportUndo(api.db.dataSource, undoJob.id);
    // History names who undid it.
    expect(await api.db.dataSource.query(`SELECT u.role FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE a.action = 'undo' AND a.entity_id = $1`, [id])).toEqual([{ role: 'ADMIN' }]);
    const undone = await api.gql(UNDO.replace('mutation', 'query').replace('undoImport', 'importRun'), { id }, manager);
    expect(undone.data!.importRun).toMatchObject({ undoJob: { id: undoJob.id, state: 'DONE', rowsDone: 3 } });
    expect(undone.data!.importRun.undoneAt).not.toBeNull();
    expect((await api.db.dataSource.query(`SELECT count(*)::int AS n FROM clients WHERE deleted_at IS NULL`))[0].n).toBe(0);
    const again = await api.gql(UNDO, { id }, manager);
    expect(again.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IMPORT_ALREADY_UNDONE' });
  });

  it('cancels a queued import: the worker then writes nothing; nobody else may cancel it', async () => {
    const up = await upload('cancel.csv', Buffer.from('Company;Email\nMégse Kft.;info@megse.hu\n'));
    const started = await api.gql(START, { input: { fileKey: up.body.upload.key, fileName: 'cancel.csv', target: {} } }, manager);
    const id = started.data!.startImport.id;
    const CANCEL = `mutation($id: ID!) { cancelBackgroundJob(id: $id) { state } }`;
    expect((await api.gql(CANCEL, { id }, otherManager)).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await api.gql(CANCEL, { id }, manager)).data!.cancelBackgroundJob.state).toBe('CANCELLED');
    await runImport(api.db.dataSource, id, { storage: new LocalDiskStorage(filesDir) });
    expect((await api.gql(RUN, { id }, manager)).data!.importRun.job.state).toBe('CANCELLED');
    expect((await api.db.dataSource.query(`SELECT count(*)::int AS n FROM clients WHERE name = 'Mégse Kft.'`))[0].n).toBe(0);
  });

  it('is for Admins and Managers only, and names its size limit to them', async () => {
    // 256 KB is 0.25 MB: named to a tenth, not rounded down to nothing.
    expect((await api.gql(`{ importMaxMegabytes }`, {}, manager)).data!.importMaxMegabytes).toBe(0.3);
    expect((await api.gql(`{ importMaxMegabytes }`, {}, normal)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await upload('x.csv', Buffer.from('Company\nA\n'), normal)).status).toBe(403);
    const res = await api.gql(PREVIEW, { input: { fileKey: `imports/${'0'.repeat(8)}-0000-0000-0000-000000000000/${'0'.repeat(8)}-0000-0000-0000-000000000000`, fileName: 'x.csv', target: {} } }, normal);
    expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('never reads another user’s upload', async () => {
    const up = await upload('mine.csv', Buffer.from('Company\nA Kft.\n'));
    const res = await api.gql(PREVIEW, { input: { fileKey: up.body.upload.key, fileName: 'mine.csv', target: {} } }, otherManager);
    expect(res.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('a department-limited manager imports only into their departments', async () => {
    const [mine, theirs] = await api.db.dataSource.getRepository(Department).save([{ name: `Hungary ${randomBytes(2).toString('hex')}` }, { name: `Poland ${randomBytes(2).toString('hex')}` }]);
    const limited = await api.buildUser({ role: Role.Manager, departments: [mine] });
    const cookie = await api.login(limited.email, limited.password);
    const up = await upload('dep.csv', Buffer.from(`Company;Department\nEgy Kft.;${mine.name}\nKettő Kft.;${theirs.name}\n`), cookie);
    const outside = await api.gql(PREVIEW, { input: { fileKey: up.body.upload.key, fileName: 'dep.csv', target: { departmentId: theirs.id } } }, cookie);
    expect(outside.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { departmentId: 'Choose one of your departments.' } });
    const inside = await api.gql(PREVIEW, { input: { fileKey: up.body.upload.key, fileName: 'dep.csv', target: {} } }, cookie);
    expect(inside.data!.importPreview.rows.map((r: any) => [r.outcome, r.reason])).toEqual([
      ['CREATED', null],
      ['REJECTED', 'IMPORT_OUTSIDE_DEPARTMENTS'],
    ]);
  });

  describe('bad input: a clear reason, nothing written', () => {
    const previewOf = async (name: string, body: Buffer) => {
      const up = await upload(name, body);
      if (up.status !== 201) return { status: up.status, error: up.body.error };
      const res = await api.gql(PREVIEW, { input: { fileKey: up.body.upload.key, fileName: name, target: {} } }, manager);
      return { status: 200, error: res.errors?.[0]?.extensions, data: res.data?.importPreview };
    };

    it.each([
      ['an empty file', 'empty.csv', Buffer.alloc(0), 'IMPORT_EMPTY_FILE'],
      ['a binary file named .csv', 'photo.csv', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(100)]), 'IMPORT_BINARY_FILE'],
      ['a file over the size limit', 'big.csv', Buffer.alloc(300 * 1024, 'a'), 'FILE_TOO_LARGE'],
      ['1,000 columns', 'wide.csv', Buffer.from(`${Array.from({ length: 1000 }, (_, i) => `c${i}`).join(',')}\n${Array.from({ length: 1000 }, () => 'x').join(',')}\n`), 'IMPORT_TOO_MANY_COLUMNS'],
    ])('%s', async (_what, name, body, reason) => {
      const count = async () => (await api.db.dataSource.query(`SELECT (SELECT count(*) FROM imports) + (SELECT count(*) FROM clients) AS n`))[0].n;
      const before = await count();
      const { error } = await previewOf(name, body);
      expect(error).toMatchObject({ reason });
      expect(await count()).toBe(before);
    });

    it('a row with 10,000 fields and an unclosed quote on row 7 are named by their rows', async () => {
      const wide = await previewOf('row.csv', Buffer.from(`Company,Email\nA Kft.,a@a-kft.hu\n${Array.from({ length: 10_000 }, () => 'x').join(',')}\n`));
      expect(wide.data.rows.map((r: any) => [r.rowNo, r.outcome, r.reason])).toEqual([
        [2, 'CREATED', null],
        [3, 'REJECTED', 'IMPORT_TOO_MANY_FIELDS'],
      ]);
      const broken = await previewOf('broken.csv', fixture('broken-quote.csv'));
      expect(broken.data.rows.find((r: any) => r.outcome === 'REJECTED')).toMatchObject({ rowNo: 7, reason: 'IMPORT_BROKEN_QUOTE' });
      expect(broken.data.counts).toEqual({ created: 8, updated: 0, skipped: 0, rejected: 1 });
    });
  });
});
