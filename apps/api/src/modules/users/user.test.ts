import { AuditEntry, User } from '@crm/db';
import { Role } from '@crm/shared';
import { startTestApi, TestApi } from '../../testing/api';

const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email name role active locale } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id email name role locale } }`;
const SET_ACTIVE = `mutation($id: ID!, $active: Boolean!) { setUserActive(id: $id, active: $active) { id active } }`;
const RESET = `mutation($id: ID!, $password: String!) { resetUserPassword(id: $id, password: $password) }`;
const USERS = `{ users { id email role active } }`;
const ME = `{ me { id } }`;

describe('user management', () => {
  let api: TestApi;
  let admin: User & { password: string };
  let adminCookie: string;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.buildUser({ role: Role.Admin });
    adminCookie = await api.login(admin.email, admin.password);
  });
  afterAll(() => api.close());

  const userCount = () => api.db.dataSource.getRepository(User).count();

  it('lets an admin create a user who can then sign in', async () => {
    const res = await api.gql(CREATE, { input: { email: 'New.Person@Example.com', name: 'Nová Osoba', role: 'NORMAL', password: 'long-enough', locale: 'hu' } }, adminCookie);
    expect(res.errors).toBeUndefined();
    expect(res.data!.createUser).toMatchObject({ email: 'new.person@example.com', name: 'Nová Osoba', role: 'NORMAL', active: true, locale: 'hu' });
    const cookie = await api.login('new.person@example.com', 'long-enough');
    expect((await api.gql(ME, {}, cookie)).data!.me.id).toBe(res.data!.createUser.id);
  });

  it('refuses a second user with the same email (any case) with CONFLICT on the email field', async () => {
    const existing = await api.buildUser();
    const before = await userCount();
    const res = await api.gql(CREATE, { input: { email: existing.email.toUpperCase(), name: 'Dup', role: 'NORMAL', password: 'long-enough' } }, adminCookie);
    expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT', fields: { email: expect.any(String) } });
    expect(await userCount()).toBe(before);
  });

  it('reports every invalid field at once', async () => {
    const res = await api.gql(CREATE, { input: { email: 'nope', name: '', role: 'NORMAL', password: 'short', locale: 'xx' } }, adminCookie);
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(res.errors![0].extensions!.fields).sort()).toEqual(['email', 'locale', 'name', 'password']);
  });

  it.each([Role.Restricted, Role.Normal, Role.Manager])('forbids a %s user every admin operation, changing nothing', async (role) => {
    const caller = await api.buildUser({ role });
    const target = await api.buildUser();
    const cookie = await api.login(caller.email, caller.password);
    const before = await userCount();

    const results = [
      await api.gql(USERS, {}, cookie),
      await api.gql(CREATE, { input: { email: `x-${role}@example.com`, name: 'X', role: 'ADMIN', password: 'long-enough' } }, cookie),
      await api.gql(UPDATE, { id: caller.id, input: { role: 'ADMIN' } }, cookie),
      await api.gql(SET_ACTIVE, { id: target.id, active: false }, cookie),
      await api.gql(RESET, { id: target.id, password: 'hijacked-pass' }, cookie),
    ];
    for (const res of results) {
      expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
      expect(res.data).toBeNull();
    }
    expect(await userCount()).toBe(before);
    const [me, other] = await Promise.all([api.db.dataSource.getRepository(User).findOneByOrFail({ id: caller.id }), api.db.dataSource.getRepository(User).findOneByOrFail({ id: target.id })]);
    expect(me.role).toBe(role);
    expect(other.active).toBe(true);
    await api.login(target.email, target.password); // password unchanged
  });

  it('asks for sign-in before anything else', async () => {
    const res = await api.gql(USERS);
    expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('edits name, email, role and language', async () => {
    const user = await api.buildUser();
    const res = await api.gql(UPDATE, { id: user.id, input: { name: 'Renamed', email: 'renamed@example.com', role: 'MANAGER', locale: 'hu' } }, adminCookie);
    expect(res.data!.updateUser).toEqual({ id: user.id, email: 'renamed@example.com', name: 'Renamed', role: 'MANAGER', locale: 'hu' });
  });

  it('answers NOT_FOUND for a user that does not exist', async () => {
    const res = await api.gql(UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: { name: 'Ghost' } }, adminCookie);
    expect(res.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('deactivating a user ends their sessions and stops sign-in; activating lets them back', async () => {
    const user = await api.buildUser();
    const cookie = await api.login(user.email, user.password);
    expect((await api.gql(SET_ACTIVE, { id: user.id, active: false }, adminCookie)).data!.setUserActive.active).toBe(false);
    expect((await api.gql(ME, {}, cookie)).data!.me).toBeNull();
    await expect(api.login(user.email, user.password)).rejects.toThrow(/Wrong email or password/);
    await api.gql(SET_ACTIVE, { id: user.id, active: true }, adminCookie);
    await api.login(user.email, user.password);
  });

  it('resetting a password ends the sessions; the new password works and the old does not', async () => {
    const user = await api.buildUser();
    const cookie = await api.login(user.email, user.password);
    expect((await api.gql(RESET, { id: user.id, password: 'brand-new-pass' }, adminCookie)).data!.resetUserPassword).toBe(true);
    expect((await api.gql(ME, {}, cookie)).data!.me).toBeNull();
    await expect(api.login(user.email, user.password)).rejects.toThrow();
    await api.login(user.email, 'brand-new-pass');
  });

  it('does not let an admin lock themselves out', async () => {
    const deactivate = await api.gql(SET_ACTIVE, { id: admin.id, active: false }, adminCookie);
    // A code the web app translates, and the English text for API clients.
    expect(deactivate.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SELF_DEACTIVATE' });
    expect(deactivate.errors![0].message).toBe('You cannot deactivate yourself.');
    const demote = await api.gql(UPDATE, { id: admin.id, input: { role: 'NORMAL' } }, adminCookie);
    expect(demote.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { role: expect.any(String) }, fieldReasons: { role: 'SELF_DEMOTE' } });
    const fresh = await api.db.dataSource.getRepository(User).findOneByOrFail({ id: admin.id });
    expect(fresh).toMatchObject({ role: Role.Admin, active: true });
  });

  it('lets any signed-in user edit their own profile, and nobody else’s', async () => {
    const user = await api.buildUser({ role: Role.Restricted });
    const cookie = await api.login(user.email, user.password);
    const res = await api.gql(`mutation { updateMyProfile(input: { name: "Új Név", locale: "hu", signature: "Üdvözlettel" }) { id name locale signature role } }`, {}, cookie);
    expect(res.data!.updateMyProfile).toEqual({ id: user.id, name: 'Új Név', locale: 'hu', signature: 'Üdvözlettel', role: 'RESTRICTED' });
  });

  it('keeps Polish and Slovak as a user’s language, and refuses a language the UI does not speak', async () => {
    const user = await api.buildUser({ role: Role.Normal });
    const cookie = await api.login(user.email, user.password);
    for (const locale of ['pl', 'sk']) {
      const res = await api.gql(`mutation($locale: String!) { updateMyProfile(input: { locale: $locale }) { locale } }`, { locale }, cookie);
      expect(res.data!.updateMyProfile).toEqual({ locale });
    }
    const refused = await api.gql(`mutation { updateMyProfile(input: { locale: "de" }) { locale } }`, {}, cookie);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { locale: expect.any(String) } });
    expect((await api.db.dataSource.getRepository(User).findOneByOrFail({ id: user.id })).locale).toBe('sk');
  });
});

describe('the audit trail of settings', () => {
  it('records who created and changed users, pipelines, labels and views — and nothing for a refused change', async () => {
    const api = await startTestApi();
    try {
      const admin = await api.buildUser({ role: Role.Admin });
      const cookie = await api.login(admin.email, admin.password);
      const audit = () => api.db.dataSource.getRepository(AuditEntry).find({ order: { id: 'ASC' } });

      const created = await api.gql(CREATE, { input: { email: 'audited@example.com', name: 'Audited', role: 'NORMAL', password: 'long-enough' } }, cookie);
      const userId = created.data!.createUser.id;
      await api.gql(UPDATE, { id: userId, input: { role: 'MANAGER' } }, cookie);
      await api.gql(RESET, { id: userId, password: 'another-pass' }, cookie);
      const pipeline = await api.gql(`mutation { createPipeline(name: "Audit") { id } }`, {}, cookie);
      await api.gql(`mutation($id: ID!) { renamePipeline(id: $id, name: "Audited pipeline") { id } }`, { id: pipeline.data!.createPipeline.id }, cookie);
      await api.gql(`mutation { createLabel(input: { kind: CATEGORY, name: "Fleet" }) { id } }`, {}, cookie);
      await api.gql(`mutation($input: ViewInput!) { createView(input: $input) { id } }`, { input: { name: 'Mine' } }, cookie);
      const rows = await audit();
      expect(rows.map((r) => [r.entity, r.action, r.actorId])).toEqual([
        ['user', 'create', admin.id],
        ['user', 'update', admin.id],
        ['user', 'password_reset', admin.id],
        ['pipeline', 'create', admin.id],
        ['pipeline', 'update', admin.id],
        ['category', 'create', admin.id],
        ['view', 'create', admin.id],
      ]);
      expect(rows[1].changes).toEqual({ role: ['NORMAL', 'MANAGER'] });
      expect(JSON.stringify(rows[2].changes)).not.toContain('another-pass');

      // Refused: a duplicate email, a duplicate label, an invalid status colour.
      await api.gql(CREATE, { input: { email: 'audited@example.com', name: 'Again', role: 'NORMAL', password: 'long-enough' } }, cookie);
      await api.gql(`mutation { createLabel(input: { kind: CATEGORY, name: "Fleet" }) { id } }`, {}, cookie);
      expect(await audit()).toHaveLength(rows.length);
    } finally {
      await api.close();
    }
  });
});
