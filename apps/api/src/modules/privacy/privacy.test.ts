import { Role } from '@crm/shared';
import { Readable } from 'node:stream';
import { Parse } from 'unzipper';
import { buildCards, buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

const ERASE = `mutation($id: ID!, $name: String!) { erasePersonalData(kind: CLIENT, id: $id, confirmName: $name) }`;

async function entries(bytes: Buffer): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Readable.from([bytes]).pipe(Parse({ forceStream: true }))) {
    names.push(entry.path);
    await entry.autodrain().promise();
  }
  return names;
}

describe('personal data (API)', () => {
  let api: TestApi;
  let adminId: string;
  let adminCookie: string;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    api = await startTestApi();
    const admin = await api.buildUser({ role: Role.Admin });
    adminId = admin.id;
    adminCookie = await api.login(admin.email, admin.password);
    for (const role of [Role.Manager, Role.Restricted]) {
      const u = await api.buildUser({ role });
      cookies[role] = await api.login(u.email, u.password);
    }
  });
  afterAll(() => api.close());

  const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
  const download = (id: string, cookie: string | null, kind = 'CLIENT') => fetch(`${api.url}/privacy/export?kind=${kind}&id=${id}`, { headers: cookie ? { cookie } : {} });

  it('lets an admin download a client’s archive; a manager or restricted user gets FORBIDDEN, nobody signed in UNAUTHENTICATED', async () => {
    const { statuses } = await buildPipeline(api.db.dataSource);
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0], name: 'Archive Me Kft.' }]);
    await api.gql(`mutation($c: ID!) { createContact(clientId: $c, input: { name: "Olga Archive", emails: ["olga@archive.test"] }) { id } }`, { c: card.clientId }, adminCookie);

    const res = await download(card.clientId, adminCookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(await entries(bytes)).toEqual(['personal-data.json']);

    for (const role of [Role.Manager, Role.Restricted]) {
      const refused = await download(card.clientId, cookies[role]);
      expect([role, refused.status, await errorCode(refused)]).toEqual([role, 403, 'FORBIDDEN']);
    }
    const anonymous = await download(card.clientId, null);
    expect(await errorCode(anonymous)).toBe('UNAUTHENTICATED');
    const missing = await download('00000000-0000-4000-8000-000000000000', adminCookie);
    expect([missing.status, await errorCode(missing)]).toEqual([404, 'NOT_FOUND']);
  });

  it('erases a client for an admin who types its name; refuses others with FORBIDDEN and a wrong name with NAME_MISMATCH', async () => {
    const { statuses } = await buildPipeline(api.db.dataSource);
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0], name: 'Erase Me Kft.' }]);
    for (const role of [Role.Manager, Role.Restricted]) {
      const r = await api.gql(ERASE, { id: card.clientId, name: 'Erase Me Kft.' }, cookies[role]);
      expect([role, r.errors![0].extensions!.code]).toEqual([role, 'FORBIDDEN']);
    }
    const wrong = await api.gql(ERASE, { id: card.clientId, name: 'Erase Me' }, adminCookie);
    expect(wrong.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NAME_MISMATCH' });
    expect(await api.db.dataSource.query(`SELECT id FROM clients WHERE id = $1`, [card.clientId])).toHaveLength(1);

    const done = await api.gql(ERASE, { id: card.clientId, name: 'erase me kft.' }, adminCookie);
    expect(done.data!.erasePersonalData).toBe(true);
    expect(await api.db.dataSource.query(`SELECT id FROM clients WHERE id = $1`, [card.clientId])).toEqual([]);
    expect(await api.db.dataSource.query(`SELECT actor_id, entity, entity_id, changes FROM audit_log WHERE action = 'erase'`)).toEqual([{ actor_id: adminId, entity: 'client', entity_id: card.clientId, changes: {} }]);
    const again = await api.gql(ERASE, { id: card.clientId, name: 'Erase Me Kft.' }, adminCookie);
    expect(again.errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});
