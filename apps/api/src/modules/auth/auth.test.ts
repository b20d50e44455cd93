import { Session } from '@crm/db';
import { Role } from '@crm/shared';
import { startTestApi, TestApi } from '../../testing/api';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { id email role } }`;
const ME = `{ me { id email name role } }`;

describe('sign-in and sessions', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ loginLimits: { perAccount: 3, perIp: 6, windowSeconds: 60 } });
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
