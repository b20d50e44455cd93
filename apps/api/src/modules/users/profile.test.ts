import { AuditEntry, User } from '@crm/db';
import { Role } from '@crm/shared';
import { startTestApi, TestApi } from '../../testing/api';

const ME = `{ me { id photoUrl } }`;
const PROFILE = `mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { id name signature } }`;
const PASSWORD = `mutation($input: ChangePasswordInput!) { changeMyPassword(input: $input) }`;
const PHOTO = `mutation($image: String!) { setMyPhoto(image: $image) { id photoUrl } }`;

// The smallest valid PNG (1x1), as the browser's canvas would send a cropped square.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('the profile', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const signIn = async (role = Role.Normal) => {
    const user = await api.buildUser({ role });
    return { user, cookie: await api.login(user.email, user.password) };
  };

  it('keeps only bold, italic, links and line breaks of a signature', async () => {
    const { cookie } = await signIn(Role.Restricted);
    const signature =
      '<p><b>Kovács Anna</b><script>alert(1)</script></p><div><i>Sales</i> · <a href="https://example.com" onclick="x()" style="color:red">example.com</a></div>' +
      '<a href="javascript:alert(1)">bad</a><img src=x onerror=alert(1)>';
    const res = await api.gql(PROFILE, { input: { signature } }, cookie);
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateMyProfile.signature).toBe('<b>Kovács Anna</b><br /><i>Sales</i> · <a href="https://example.com">example.com</a><a>bad</a>');

    const cleared = await api.gql(PROFILE, { input: { signature: '<p><br></p>' } }, cookie);
    expect(cleared.data!.updateMyProfile.signature).toBeNull();
  });

  it('changes the password only with the current one, and ends the other sessions but not this one', async () => {
    const { user, cookie } = await signIn();
    const otherDevice = await api.login(user.email, user.password);

    const wrong = await api.gql(PASSWORD, { input: { currentPassword: 'not-it', newPassword: 'a-new-password' } }, cookie);
    expect(wrong.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { currentPassword: expect.any(String) } });
    await api.login(user.email, user.password); // unchanged

    const short = await api.gql(PASSWORD, { input: { currentPassword: user.password, newPassword: 'short' } }, cookie);
    expect(short.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { newPassword: expect.any(String) } });

    const ok = await api.gql(PASSWORD, { input: { currentPassword: user.password, newPassword: 'a-new-password' } }, cookie);
    expect(ok.data!.changeMyPassword).toBe(true);
    expect((await api.gql(ME, {}, cookie)).data!.me.id).toBe(user.id);
    expect((await api.gql(ME, {}, otherDevice)).data!.me).toBeNull();
    await expect(api.login(user.email, user.password)).rejects.toThrow();
    await api.login(user.email, 'a-new-password');
    const audit = await api.db.dataSource.getRepository(AuditEntry).findBy({ action: 'password_change', entityId: user.id });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0].changes)).not.toContain('a-new-password');
  });

  it('stores a photo in the file storage and serves it to signed-in users only', async () => {
    const { user, cookie } = await signIn(Role.Restricted);
    const res = await api.gql(PHOTO, { image: `data:image/png;base64,${PNG}` }, cookie);
    expect(res.errors).toBeUndefined();
    const url: string = res.data!.setMyPhoto.photoUrl;
    expect(url).toMatch(new RegExp(`^/files/avatars/${user.id}\\?v=`));

    const { cookie: colleague } = await signIn();
    const photo = await fetch(`${api.url}${url}`, { headers: { cookie: colleague } });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await photo.arrayBuffer()).equals(Buffer.from(PNG, 'base64'))).toBe(true);
    expect((await fetch(`${api.url}${url}`)).status).toBe(401);

    // The photo comes with the sign-in answer too (the header shows it at once).
    const login = await api.gql(`mutation($input: LoginInput!) { login(input: $input) { id photoUrl } }`, { input: { email: user.email, password: user.password } });
    expect(login.errors).toBeUndefined();
    expect(login.data!.login.photoUrl).toBe(url);

    const removed = await api.gql(`mutation { removeMyPhoto { photoUrl } }`, {}, cookie);
    expect(removed.data!.removeMyPhoto.photoUrl).toBeNull();
    expect((await fetch(`${api.url}${url}`, { headers: { cookie: colleague } })).status).toBe(404);
  });

  it('refuses a photo that is not a PNG, JPEG or WebP image, or too large, whatever it claims to be', async () => {
    const { user, cookie } = await signIn();
    const html = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');
    const fake = await api.gql(PHOTO, { image: `data:image/png;base64,${html}` }, cookie);
    expect(fake.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { image: expect.any(String) } });

    const big = Buffer.concat([Buffer.from(PNG, 'base64'), Buffer.alloc(600 * 1024)]).toString('base64');
    const large = await api.gql(PHOTO, { image: big }, cookie);
    expect(large.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { image: expect.any(String) } });
    const row = await api.db.dataSource.getRepository(User).findOneByOrFail({ id: user.id });
    expect(row.photoKey).toBeNull();
  });
});
