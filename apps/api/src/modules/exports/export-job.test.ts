import { runExportJob, type FileStorage } from '@crm/db';

import { Role } from '@crm/shared';
import { buildCards, buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

const START = `mutation ($input: ExportInput!) { startExport(input: $input) { id state } }`;

describe('startExport and GET /exports/jobs/:id/file', () => {
  let api: TestApi;
  let fixture: Awaited<ReturnType<typeof buildPipeline>>;
  let cookies: Record<'admin' | 'manager' | 'otherManager' | 'normal', string>;

  beforeAll(async () => {
    api = await startTestApi();
    const ds = api.db.dataSource;
    const users = {
      admin: await api.buildUser({ role: Role.Admin }),
      manager: await api.buildUser({ role: Role.Manager }),
      otherManager: await api.buildUser({ role: Role.Manager }),
      normal: await api.buildUser({ role: Role.Normal }),
    };
    cookies = Object.fromEntries(await Promise.all(Object.entries(users).map(async ([k, u]) => [k, await api.login(u.email, u.password)]))) as typeof cookies;
    fixture = await buildPipeline(ds, ['Lead']);
    await buildCards(ds, [{ status: fixture.statuses[0], name: 'Budapesti Fuvar Kft.' }, { status: fixture.statuses[0], name: 'Kuka Kft.' }, { status: fixture.statuses[0], name: 'Nagy Bt.' }]);
  }, 60_000);
  afterAll(() => api.close());

  const input = () => ({ format: 'CSV', kind: 'CARDS', pipelineId: fixture.pipeline.id, cardFilter: { text: 'kft' }, columns: ['status'] });
  const file = (id: string, cookie?: string) => fetch(`${api.url}/exports/jobs/${id}/file`, { headers: cookie ? { cookie } : {} });

  it('refuses a Normal user and a bad request', async () => {
    const normal = await api.gql(START, { input: input() }, cookies.normal);
    expect(normal.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await api.gql(START, { input: { format: 'PDF', kind: 'CARDS' } }, cookies.manager);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // Cards need their pipeline; a column list past 60 keys and a text past 200 characters are refused at the edge.
    for (const wrong of [
      { format: 'CSV', kind: 'CARDS' },
      { ...input(), columns: Array.from({ length: 61 }, () => 'status') },
      { ...input(), cardFilter: { text: 'x'.repeat(201) } },
      { format: 'XLSX', kind: 'VIEW', viewId: 'not-a-uuid' },
    ]) {
      const res = await api.gql(START, { input: wrong }, cookies.manager);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('prepares the file in a job; its creator and an admin download it, another manager gets 404', async () => {
    const started = await api.gql<{ startExport: { id: string; state: string } }>(START, { input: input() }, cookies.manager);
    expect(started.errors).toBeUndefined();
    const id = started.data!.startExport.id;
    expect(started.data!.startExport.state).toBe('QUEUED');
    expect((await file(id, cookies.manager)).status).toBe(404); // not finished yet

    const storage = api.server.services.exports.storage;
    const done = await runExportJob(api.db.dataSource, id, storage);
    expect(done?.state).toBe('DONE');
    expect(done?.rowsDone).toBe(2);

    const res = await file(id, cookies.manager);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="Pipeline-.*\.csv"/);
    const text = await res.text();
    expect(text).toContain('Budapesti Fuvar Kft.');
    expect(text).toContain('Kuka Kft.');
    expect(text).not.toContain('Nagy Bt.'); // the list's filter (text "kft") came along
    expect((await file(id, cookies.admin)).status).toBe(200);
    expect((await file(id, cookies.otherManager)).status).toBe(404);
    expect((await file(id)).status).toBe(401);
  });

  it('a cancel while the file is being written stops it and deletes the partial file', async () => {
    const started = await api.gql<{ startExport: { id: string } }>(START, { input: input() }, cookies.manager);
    const id = started.data!.startExport.id;
    const disk = api.server.services.exports.storage;
    const keys: string[] = [];
    // The real disk storage; the user presses Cancel just as the file starts being written.
    const storage: FileStorage = {
      get: (k) => disk.get(k),
      copy: (a, b) => disk.copy(a, b),
      delete: (k) => disk.delete(k),
      put: async (k, body) => {
        keys.push(k);
        await api.gql(`mutation ($id: ID!) { cancelBackgroundJob(id: $id) { state } }`, { id }, cookies.manager);
        return disk.put(k, body);
      },
    };
    const result = await runExportJob(api.db.dataSource, id, storage);
    expect(result?.state).toBe('CANCELLED');
    expect(keys).toHaveLength(1);
    await expect(disk.get(keys[0])).rejects.toThrow(/ENOENT/);
    expect((await file(id, cookies.manager)).status).toBe(404);
  });

  it('lists past exports with their files: one’s own (an admin: everyone’s), newest first; Normal users are refused', async () => {
    const PAST = `query { pastExports { id state format fileName rows bytes } }`;
    const started = await api.gql<{ startExport: { id: string } }>(START, { input: { ...input(), format: 'XLSX' } }, cookies.otherManager);
    const id = started.data!.startExport.id;
    const before = await api.gql<{ pastExports: Array<{ id: string; state: string; fileName: string | null }> }>(PAST, {}, cookies.otherManager);
    expect(before.data!.pastExports).toEqual([{ id, state: 'QUEUED', format: 'XLSX', fileName: null, rows: 0, bytes: null }]);
    await runExportJob(api.db.dataSource, id, api.server.services.exports.storage);

    type Past = { pastExports: Array<{ id: string; state: string; format: string; fileName: string | null; rows: number; bytes: number | null }> };
    const mine = (await api.gql<Past>(PAST, {}, cookies.otherManager)).data!.pastExports;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id, state: 'DONE', format: 'XLSX', rows: 2 });
    expect(mine[0].fileName).toMatch(/^Pipeline-.*\.xlsx$/);
    expect(mine[0].bytes).toBeGreaterThan(0);
    // The manager's own (from the tests above) do not include the other manager's; an admin sees all, newest first.
    const manager = (await api.gql<Past>(PAST, {}, cookies.manager)).data!.pastExports;
    expect(manager.length).toBeGreaterThan(0);
    expect(manager.map((e) => e.id)).not.toContain(id);
    const admin = (await api.gql<Past>(PAST, {}, cookies.admin)).data!.pastExports;
    expect(admin[0].id).toBe(id);
    expect(admin.map((e) => e.id)).toEqual(expect.arrayContaining(manager.map((e) => e.id)));
    expect((await api.gql(PAST, {}, cookies.normal)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
