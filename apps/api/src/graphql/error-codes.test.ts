import { Role } from '@crm/shared';
import { startTestApi, TestApi } from '../testing/api';

// What a user reads from the server is a code with its values (the web app says it in the user's
// language); the English text stays for API clients.
describe('server messages as codes', () => {
  let api: TestApi;
  let admin: string;
  beforeAll(async () => {
    api = await startTestApi();
    const user = await api.buildUser({ role: Role.Admin });
    admin = await api.login(user.email, user.password);
  });
  afterAll(() => api.close());

  it('a field problem carries its code and the values of its placeholders', async () => {
    const res = await api.gql(`mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { id } }`, { input: { signature: `<p>${'x'.repeat(5_000)}</p>` } }, admin);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { signature: expect.stringMatching(/^Keep the signature under \d+ characters\.$/) },
      fieldReasons: { signature: 'SIGNATURE_TOO_LONG' },
      fieldParams: { signature: { max: expect.any(Number) } },
    });
  });

  it('a conflict on a field says which, by code', async () => {
    const create = `mutation($input: LabelInput!) { createLabel(input: $input) { id } }`;
    expect((await api.gql(create, { input: { kind: 'CATEGORY', name: 'Wholesale' } }, admin)).errors).toBeUndefined();
    const again = await api.gql(create, { input: { kind: 'CATEGORY', name: 'Wholesale' } }, admin);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', fieldReasons: { name: 'LABEL_NAME_TAKEN' }, fields: { name: 'A label with this name already exists.' } });
  });

  it('a decorator’s validation failure is a code per field with its limit (the English text stays for API clients)', async () => {
    const res = await api.gql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      { input: { email: 'not an email', name: 'Ödön', role: 'NORMAL', password: 'short', locale: 'xx' } },
      admin,
    );
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { email: 'Enter a valid email address.', password: expect.any(String) },
      fieldReasons: { email: 'NOT_EMAIL', password: 'TOO_SHORT', locale: 'NOT_ALLOWED' },
      fieldParams: { password: { min: expect.any(Number) } },
    });
    const long = await api.gql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      { input: { email: `${'a'.repeat(250)}@example.com`, name: 'Ödön', role: 'NORMAL', password: 'long enough password' } },
      admin,
    );
    expect(long.errors?.[0].extensions).toMatchObject({ fieldReasons: { email: 'TOO_LONG' }, fieldParams: { email: { max: 254 } } });
  });
});
