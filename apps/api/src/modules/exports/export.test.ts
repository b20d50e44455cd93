import { Department, View } from '@crm/db';
import { Role } from '@crm/shared';
import ExcelJS from 'exceljs';
import { buildCards, buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

describe('GET and POST /exports', () => {
  let api: TestApi;
  let fixture: Awaited<ReturnType<typeof buildPipeline>>;
  let cookies: Record<'admin' | 'manager' | 'huManager' | 'normal' | 'restricted', string>;
  let hungary: Department;

  beforeAll(async () => {
    api = await startTestApi();
    const ds = api.db.dataSource;
    [hungary] = await ds.getRepository(Department).save([{ name: 'Hungary' }, { name: 'Poland' }]);
    const [poland] = await ds.getRepository(Department).find({ where: { name: 'Poland' } });
    const users = {
      admin: await api.buildUser({ role: Role.Admin }),
      manager: await api.buildUser({ role: Role.Manager }),
      huManager: await api.buildUser({ role: Role.Manager, departments: [hungary] }),
      normal: await api.buildUser({ role: Role.Normal }),
      restricted: await api.buildUser({ role: Role.Restricted }),
    };
    cookies = Object.fromEntries(await Promise.all(Object.entries(users).map(async ([k, u]) => [k, await api.login(u.email, u.password)]))) as typeof cookies;
    fixture = await buildPipeline(ds, ['Lead', 'Won']);
    const [lead, won] = fixture.statuses;
    const cards = await buildCards(ds, [
      { status: lead, name: 'Budapesti Fuvar Kft.', departmentId: hungary.id, value: 1500, currency: 'HUF', createdAt: new Date('2026-11-01T08:00:00Z') },
      { status: won, name: 'Warszawa Trans Sp. z o.o.', departmentId: poland.id, createdAt: new Date('2026-11-02T08:00:00Z') },
      { status: lead, name: 'Kuka Kft.', departmentId: hungary.id, createdAt: new Date('2026-11-03T08:00:00Z') },
    ]);
    // Trashed: never exported.
    await ds.query(`UPDATE cards SET deleted_at = now() WHERE id = $1`, [cards[2].id]);
    // Five users sign in (password hashing) on a shared machine.
  }, 60_000);
  afterAll(() => api.close());

  const get = (query: Record<string, string>, cookie?: string) => fetch(`${api.url}/exports?${new URLSearchParams(query)}`, { headers: cookie ? { cookie } : {} });
  const post = (body: unknown, cookie: string, origin: string | null = api.url) =>
    fetch(`${api.url}/exports`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, ...(origin ? { origin } : {}) }, body: JSON.stringify(body) });
  const cardsQuery = () => ({ source: 'cards', pipelineId: fixture.pipeline.id, format: 'csv', columns: 'status,value' });

  it('needs a session, and refuses Normal and Restricted users', async () => {
    const anonymous = await get(cardsQuery());
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as any).error.code).toBe('UNAUTHENTICATED');
    for (const who of ['normal', 'restricted'] as const) {
      const res = await get(cardsQuery(), cookies[who]);
      expect(res.status).toBe(403);
      expect(((await res.json()) as any).error.code).toBe('FORBIDDEN');
    }
  });

  it('streams a manager’s CSV as an attachment named with the date, without trashed cards', async () => {
    const res = await get(cardsQuery(), cookies.manager);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="Pipeline-\\d+-\\d{4}-\\d{2}-\\d{2}\\.csv"`));
    const text = await res.text();
    expect(text.replace(/^\ufeff/, '').split('\r\n')).toEqual(['Client,Status,Value,Currency', 'Warszawa Trans Sp. z o.o.,Won,,', 'Budapesti Fuvar Kft.,Lead,1500,HUF', '']);
  });

  it('a department-limited manager exports only their departments', async () => {
    const text = await (await get(cardsQuery(), cookies.huManager)).text();
    expect(text).toContain('Budapesti Fuvar Kft.');
    expect(text).not.toContain('Warszawa');
    const clients = await (await get({ source: 'clients', format: 'csv' }, cookies.huManager)).text();
    expect(clients).toContain('Budapesti Fuvar Kft.');
    expect(clients).not.toContain('Warszawa');
  });

  it('applies a filter given as JSON, and exports a saved view', async () => {
    const [, won] = fixture.statuses;
    const filtered = await (await get({ ...cardsQuery(), filter: JSON.stringify({ statusIds: [won.id] }) }, cookies.admin)).text();
    expect(filtered).not.toContain('Budapesti');
    expect(filtered).toContain('Warszawa');
    const admin = (await api.db.dataSource.query(`SELECT id FROM users WHERE role = 'ADMIN' LIMIT 1`))[0];
    const view = await api.db.dataSource.getRepository(View).save({ name: 'Hungarian leads', kind: 'CARDS', pipelineId: fixture.pipeline.id, ownerId: admin.id, shared: true, filter: { departmentIds: [hungary.id] }, columns: ['client', 'owner'] });
    const res = await get({ source: 'view', viewId: view.id, format: 'csv' }, cookies.manager);
    expect(res.headers.get('content-disposition')).toContain('filename="Hungarian-leads-');
    expect((await res.text()).replace(/^\ufeff/, '').split('\r\n')).toEqual(['Client,Owner', 'Budapesti Fuvar Kft.,', '']);
  });

  it('POST needs this site’s Origin', async () => {
    const body = { format: 'xlsx', source: { kind: 'cards', pipelineId: fixture.pipeline.id, columns: ['value'] } };
    expect((await post(body, cookies.manager, null)).status).toBe(403);
    expect((await post(body, cookies.manager, 'https://evil.example')).status).toBe(403);
    const res = await post(body, cookies.manager);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(3).values).toEqual([undefined, 'Budapesti Fuvar Kft.', 1500, 'HUF']);
  });

  it('answers a bad request or an unknown pipeline as JSON before any byte of a file', async () => {
    const bad = await get({ source: 'cards', pipelineId: 'nope', format: 'csv' }, cookies.admin);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error.code).toBe('BAD_USER_INPUT');
    const format = await get({ ...cardsQuery(), format: 'pdf' }, cookies.admin);
    expect(format.status).toBe(400);
    const missing = await get({ ...cardsQuery(), pipelineId: '00000000-0000-4000-8000-000000000000' }, cookies.admin);
    expect(missing.status).toBe(404);
  });
});
