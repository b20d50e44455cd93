import { ApiKey, AuditEntry, User } from '@crm/db';
import { Role } from '@crm/shared';
import { buildCards, buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';
import { hashApiKey } from './api-key.service';

const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret key { id name prefix canWrite modules expiresAt serviceUserId } } }`;
const LIST = `{ apiKeys { id name prefix revokedAt lastUsedAt } }`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`;

/** A request with a bearer key, as an integration sends it. */
async function keyed(api: TestApi, key: string, query: string, variables?: Record<string, unknown>) {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: Array<{ message: string; extensions?: any }> };
  return { status: res.status, headers: res.headers, ...body };
}

describe('API keys', () => {
  let api: TestApi;
  let admin: User & { password: string };
  let cookie: string;
  beforeAll(async () => {
    api = await startTestApi({ apiKeyLimits: { requests: 5, windowSeconds: 60 } });
    admin = await api.buildUser({ role: Role.Admin });
    cookie = await api.login(admin.email, admin.password);
  });
  afterAll(() => api.close());

  const create = async (input: Record<string, unknown>) => {
    const res = await api.gql(CREATE, { input }, cookie);
    expect(res.errors).toBeUndefined();
    return res.data!.createApiKey as { secret: string; key: { id: string; prefix: string; serviceUserId: string } };
  };

  it('shows the secret once, keeps only its SHA-256, and lists keys without it', async () => {
    const { secret, key } = await create({ name: 'Accounting', canWrite: false, modules: ['CARDS'] });
    expect(secret).toMatch(/^crm_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(key.prefix)).toBe(true);
    const row = await api.db.dataSource.getRepository(ApiKey).findOneOrFail({ where: { id: key.id }, select: { id: true, tokenHash: true } });
    expect(row.tokenHash).toBe(hashApiKey(secret));
    const stored = JSON.stringify(await api.db.dataSource.query(`SELECT * FROM api_keys`));
    expect(stored).not.toContain(secret);
    const list = await api.gql(LIST, {}, cookie);
    expect(JSON.stringify(list.data)).not.toContain(secret);
    expect(list.data!.apiKeys.map((k: any) => k.id)).toContain(key.id);
    // The service user is nobody's to pick and cannot sign in.
    const users = await api.gql(`{ users { id } assignableUsers { id } }`, {}, cookie);
    expect(JSON.stringify(users.data)).not.toContain(key.serviceUserId);
    const login = await api.gql(`mutation { login(input: { email: "x@service.invalid", password: "!" }) { id } }`);
    expect(login.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('a read key reads its modules only and runs no mutation; a write key acts as its service user in the audit log', async () => {
    const { statuses } = await buildPipeline(api.db.dataSource);
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0] }]);
    const read = await create({ name: 'Reader', canWrite: false, modules: ['CARDS'] });
    const ok = await keyed(api, read.secret, `query($id: ID!) { card(id: $id) { id } me { name } }`, { id: card.id });
    expect(ok.errors).toBeUndefined();
    expect(ok.data).toEqual({ card: { id: card.id }, me: { name: 'API key: Reader' } });

    const mutation = await keyed(api, read.secret, `mutation($id: ID!, $statusId: ID!) { moveCard(input: { cardId: $id, statusId: $statusId }) { id } }`, { id: card.id, statusId: statuses[1].id });
    expect(mutation.status).toBe(403);
    expect(mutation.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'API_KEY_READ_ONLY' });
    for (const query of [`{ clients { total } }`, `{ users { id } }`, `{ apiKeys { id } }`]) {
      const outside = await keyed(api, read.secret, query);
      expect(outside.status).toBe(403);
      expect(outside.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'API_KEY_MODULE' });
    }

    const write = await create({ name: 'Web form', canWrite: true, modules: ['CARDS', 'TODOS'] });
    const moved = await keyed(api, write.secret, `mutation($id: ID!, $statusId: ID!) { moveCard(input: { cardId: $id, statusId: $statusId }) { id statusId } }`, { id: card.id, statusId: statuses[1].id });
    expect(moved.errors).toBeUndefined();
    expect(moved.data.moveCard.statusId).toBe(statuses[1].id);
    const audit = await api.db.dataSource.getRepository(AuditEntry).findOneByOrFail({ cardId: card.id, action: 'move' });
    expect(audit.actorId).toBe(write.key.serviceUserId);
    const history = await api.gql(`query($id: ID!) { cardHistory(cardId: $id) { action actor { name } } }`, { id: card.id }, cookie);
    expect(history.data!.cardHistory).toContainEqual({ action: 'move', actor: { name: 'API key: Web form' } });
  });

  it('refuses a revoked, an expired and an unknown key', async () => {
    const revoked = await create({ name: 'Old', canWrite: false, modules: ['REPORTS'] });
    expect((await keyed(api, revoked.secret, `{ me { id } }`)).status).toBe(200);
    const res = await api.gql(REVOKE, { id: revoked.key.id }, cookie);
    expect(res.data!.revokeApiKey.revokedAt).not.toBeNull();
    const after = await keyed(api, revoked.secret, `{ me { id } }`);
    expect(after.status).toBe(401);
    expect(after.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'API_KEY_INVALID' });

    const expired = await create({ name: 'Short', canWrite: false, modules: ['REPORTS'], expiresAt: new Date(Date.now() + 60_000).toISOString() });
    await api.db.dataSource.query(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [expired.key.id]);
    expect((await keyed(api, expired.secret, `{ me { id } }`)).status).toBe(401);
    expect((await keyed(api, 'crm_' + 'x'.repeat(43), `{ me { id } }`)).status).toBe(401);

    const past = await api.gql(CREATE, { input: { name: 'Past', modules: ['CARDS'], expiresAt: '2020-01-01T00:00:00Z' } }, cookie);
    expect(past.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldReasons: { expiresAt: 'FUTURE_DATE' } });
    const none = await api.gql(CREATE, { input: { name: 'No modules', modules: [] } }, cookie);
    expect(none.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { modules: expect.any(String) } });
  });

  it('limits each key in Redis with RateLimit headers and a 429 with a code', async () => {
    const one = await create({ name: 'Busy', canWrite: false, modules: ['CARDS'] });
    const other = await create({ name: 'Quiet', canWrite: false, modules: ['CARDS'] });
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await keyed(api, one.secret, `{ me { id } }`);
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-policy')).toBe('"per-key";q=5;w=60');
      remaining.push(res.headers.get('ratelimit')!.split(';')[1]);
    }
    expect(remaining).toEqual(['r=4', 'r=3', 'r=2', 'r=1', 'r=0']);
    const limited = await keyed(api, one.secret, `{ me { id } }`);
    expect(limited.status).toBe(429);
    expect(limited.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'API_KEY_RATE_LIMITED' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another key has its own window.
    expect((await keyed(api, other.secret, `{ me { id } }`)).status).toBe(200);
  });
});
