import { Session } from '@crm/db';
import { Role } from '@crm/shared';
import { startTestApi, TestApi } from '../../testing/api';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { id email role } }`;
const ME = `{ me { id email name role } }`;

describe('sign-in and sessions', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ loginLimits: { perAccount: 3, perIp: 6, accountCap: 100, windowSeconds: 60 } });
  });
  afterAll(() => api.close());

  it('signs in with the right password and sets an httpOnly SameSite session cookie', async () => {
    const user = await api.buildUser({ role: Role.Manager });
    const res = await api.gql(LOGIN, { input: { email: user.email.toUpperCase(), password: user.password } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.login).toEqual({ id: user.id, email: user.email, role: 'MANAGER' });
    expect(res.setCookie).toMatch(/^crm_session=[\w-]{20,};/);
    expect(res.setCookie).toMatch(/HttpOnly/);
    expect(res.setCookie).toMatch(/SameSite=Lax/);

    const cookie = res.setCookie!.split(';')[0];
    const me = await api.gql(ME, {}, cookie);
    expect(me.data!.me).toMatchObject({ id: user.id, role: 'MANAGER' });
    // The database keeps only a hash of the token.
    const sessions = await api.db.dataSource.getRepository(Session).findBy({ userId: user.id });
    expect(sessions).toHaveLength(1);
    expect(cookie).not.toContain(sessions[0].tokenHash);
  });

  it('says nobody is signed in without a cookie or with a forged one', async () => {
    expect((await api.gql(ME)).data!.me).toBeNull();
    expect((await api.gql(ME, {}, 'crm_session=forged-token')).data!.me).toBeNull();
  });

  it('rejects a wrong password and an unknown user with the same message and no cookie', async () => {
    const user = await api.buildUser();
    const wrong = await api.gql(LOGIN, { input: { email: user.email, password: 'not-the-password' } });
    const unknown = await api.gql(LOGIN, { input: { email: 'nobody@example.com', password: 'whatever1' } });
    for (const res of [wrong, unknown]) {
      expect(res.data).toBeNull();
      expect(res.errors![0]).toMatchObject({ message: 'Wrong email or password.', extensions: { code: 'UNAUTHENTICATED' } });
      expect(res.setCookie).toBeNull();
    }
  });

  it('validates the input at the edge', async () => {
    const res = await api.gql(LOGIN, { input: { email: 'not-an-email', password: '' } });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { email: expect.any(String), password: expect.any(String) } });
  });

  it('refuses a deactivated user', async () => {
    const user = await api.buildUser({ active: false });
    const res = await api.gql(LOGIN, { input: { email: user.email, password: user.password } });
    expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('logs out by revoking the session, not just the cookie', async () => {
    const user = await api.buildUser();
    const cookie = await api.login(user.email, user.password);
    const out = await api.gql(`mutation { logout }`, {}, cookie);
    expect(out.data!.logout).toBe(true);
    expect(out.setCookie).toMatch(/crm_session=;/);
    // The old cookie, replayed, no longer signs anyone in.
    expect((await api.gql(ME, {}, cookie)).data!.me).toBeNull();
    expect(await api.db.dataSource.getRepository(Session).countBy({ userId: user.id })).toBe(0);
  });

  it('rate-limits failed sign-ins per account, even when the right password comes next', async () => {
    const user = await api.buildUser();
    for (let i = 0; i < 3; i++) {
      const res = await api.gql(LOGIN, { input: { email: user.email, password: `wrong-${i}` } });
      expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
    const blocked = await api.gql(LOGIN, { input: { email: user.email, password: user.password } });
    expect(blocked.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) });
    expect(blocked.setCookie).toBeNull();
  });

  it('rate-limits failed sign-ins per address across accounts', async () => {
    // The earlier tests used some of this address's budget; spend the rest on distinct accounts.
    let res;
    for (let i = 0; i < 8; i++) {
      res = await api.gql(LOGIN, { input: { email: `spray${i}@example.com`, password: 'wrong-pass' } });
      if (res.errors![0].extensions!.code === 'TOO_MANY_REQUESTS') break;
    }
    expect(res!.errors![0].extensions!.code).toBe('TOO_MANY_REQUESTS');
    const user = await api.buildUser();
    const blocked = await api.gql(LOGIN, { input: { email: user.email, password: user.password } });
    expect(blocked.errors![0].extensions!.code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('sign-in limits under parallel guessing', () => {
  let api: TestApi;
  const PER_PAIR = 10;
  beforeAll(async () => {
    api = await startTestApi({ trustProxy: true, loginLimits: { perAccount: PER_PAIR, perIp: 1000, accountCap: 25, windowSeconds: 900 } });
  });
  afterAll(() => api.close());

  const login = async (email: string, password: string, ip: string) => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ query: LOGIN, variables: { input: { email, password } } }),
    });
    const body = (await res.json()) as { data?: any; errors?: Array<{ extensions: Record<string, any> }> };
    return { ok: !!body.data?.login, code: body.errors?.[0].extensions.code as string | undefined, retryAfter: body.errors?.[0].extensions.retryAfterSeconds as number | undefined };
  };

  it('counts all of 80 parallel wrong passwords and checks at most the limit', async () => {
    const user = await api.buildUser();
    const results = await Promise.all(Array.from({ length: 80 }, (_, i) => login(user.email, `wrong-${i}`, '10.0.0.1')));
    const checked = results.filter((r) => r.code === 'UNAUTHENTICATED').length;
    const refused = results.filter((r) => r.code === 'TOO_MANY_REQUESTS').length;
    expect({ checked, refused }).toEqual({ checked: PER_PAIR, refused: 80 - PER_PAIR });
    // The right password from that address waits too ...
    expect((await login(user.email, user.password, '10.0.0.1')).code).toBe('TOO_MANY_REQUESTS');
    // ... but the real user, from their own address, is not locked out by the stranger.
    expect((await login(user.email, user.password, '10.0.0.2')).ok).toBe(true);
  });

  it('doubles the wait of an address that keeps guessing', async () => {
    const user = await api.buildUser();
    for (let i = 0; i < PER_PAIR; i++) expect((await login(user.email, 'wrong-pass', '10.0.1.1')).code).toBe('UNAUTHENTICATED');
    const first = (await login(user.email, 'wrong-pass', '10.0.1.1')).retryAfter!;
    expect(first).toBeGreaterThan(0);
    // The wait runs out (here: its key is dropped), one more guess fails: the next wait is twice as long.
    const redis = (api.server.services.auth as any).limiter.redis;
    await redis.del(`${api.server.services.config.redisPrefix}login:pair-wait:${user.email}|10.0.1.1`);
    expect((await login(user.email, 'wrong-pass', '10.0.1.1')).code).toBe('UNAUTHENTICATED');
    const second = (await login(user.email, 'wrong-pass', '10.0.1.1')).retryAfter!;
    expect(second).toBeGreaterThan(first * 1.5);
  });

  it('closes an account only at the volume of a distributed attack', async () => {
    const user = await api.buildUser();
    // 25 failures from three addresses reach the account cap ...
    for (const [ip, n] of [['10.0.2.1', 10], ['10.0.2.2', 10], ['10.0.2.3', 5]] as const) {
      for (let i = 0; i < n; i++) expect((await login(user.email, 'wrong-pass', ip)).code).toBe('UNAUTHENTICATED');
    }
    // ... then even a fresh address waits.
    expect((await login(user.email, user.password, '10.0.2.9')).code).toBe('TOO_MANY_REQUESTS');
  });
});
