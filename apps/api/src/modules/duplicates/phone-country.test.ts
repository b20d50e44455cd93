import { Role } from '@crm/shared';
import { buildCards, buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

const SET = `mutation($input: OrganisationSettingsInput!) { updateOrganisationSettings(input: $input) { defaultCountry } }`;
const GROUPS = `{ duplicateGroups { reason value clients { name } } }`;
const POSSIBLE = `query($phone: String) { possibleDuplicates(input: { phone: $phone }) { name } }`;

// National numbers are read as the organisation's default phone country's, in duplicates and in the check while typing.
describe.each([
  { country: 'PL', language: 'pl', national: '601 234 567', international: '+48 601 234 567', key: '48601234567' },
  { country: 'SK', language: 'sk', national: '903 123 456', international: '+421 903 123 456', key: '421903123456' },
])('a $country organisation', ({ country, language, national, international, key }) => {
  let api: TestApi;
  let admin: string;
  beforeAll(async () => {
    api = await startTestApi();
    const user = await api.buildUser({ role: Role.Admin, locale: 'en' });
    admin = await api.login(user.email, user.password);
    const res = await api.gql(SET, { input: { timeZone: 'Europe/Warsaw', language, defaultCountry: country } }, admin);
    expect(res.errors).toBeUndefined();
    const { statuses } = await buildPipeline(api.db.dataSource);
    await buildCards(api.db.dataSource, [
      { status: statuses[0], name: 'National', phones: [national] },
      { status: statuses[0], name: 'International', phones: [international] },
    ]);
  });
  afterAll(() => api.close());

  it('matches its national numbers with their international form', async () => {
    const groups = (await api.gql(GROUPS, {}, admin)).data!.duplicateGroups;
    const phone = groups.find((g: { reason: string; value: string }) => g.reason === 'PHONE' && g.value === key);
    expect(phone.clients.map((c: { name: string }) => c.name).sort()).toEqual(['International', 'National']);
    const typed = await api.gql(POSSIBLE, { phone: national }, admin);
    expect(typed.errors).toBeUndefined();
    expect(typed.data!.possibleDuplicates.map((c: { name: string }) => c.name).sort()).toEqual(['International', 'National']);
  });

  it('in a Hungarian organisation the same national number is another one', async () => {
    await api.gql(SET, { input: { timeZone: 'Europe/Budapest', language: 'hu', defaultCountry: 'HU' } }, admin);
    const groups = (await api.gql(GROUPS, {}, admin)).data!.duplicateGroups;
    expect(groups.find((g: { reason: string; value: string }) => g.reason === 'PHONE' && g.value === key)).toBeUndefined();
  });
});
