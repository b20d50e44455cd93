import { Role } from '@crm/shared';
import { startTestApi, TestApi } from '../../testing/api';
import { startFakeGus, startFakeVies, type Fake } from './fakes';

const LOOKUP = `query($taxId: String!, $country: String) { lookupCompany(taxId: $taxId, country: $country) { code taxIdError country taxId name address vatStatus regon sources } }`;
const COUNTRIES = `{ organisation { companyLookupCountries } }`;
const KEY = 'abcde12345abcde12345';

describe('company look-up without a configured registry', () => {
  let api: TestApi;
  let cookie: string;
  beforeAll(async () => {
    api = await startTestApi();
    const user = await api.buildUser({ role: Role.Restricted });
    cookie = await api.login(user.email, user.password);
  });
  afterAll(() => api.close());

  it('says NOT_CONFIGURED for a valid number, and the web app can tell in advance', async () => {
    const res = await api.gql(LOOKUP, { taxId: '526-104-08-28' }, cookie);
    expect(res.errors).toBeUndefined();
    expect(res.data!.lookupCompany).toMatchObject({ code: 'NOT_CONFIGURED', country: 'PL', taxId: '526-104-08-28', name: null, sources: [] });
    expect((await api.gql(COUNTRIES, {}, cookie)).data!.organisation.companyLookupCountries).toEqual([]);
  });

  it('needs a signed-in user', async () => {
    expect((await api.gql(LOOKUP, { taxId: '5261040828' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('company look-up through VIES and GUS (local fakes answering as the services do)', () => {
  let api: TestApi;
  let vies: Fake;
  let gus: Fake & { expireSessions(): void };
  let cookie: string;
  const lookup = async (taxId: string, country?: string) => {
    const res = await api.gql(LOOKUP, { taxId, country }, cookie);
    expect(res.errors).toBeUndefined();
    return res.data!.lookupCompany;
  };
  beforeAll(async () => {
    vies = await startFakeVies();
    gus = await startFakeGus(KEY);
    api = await startTestApi({ companyLookup: { viesUrl: vies.url, gusUrl: gus.url, gusKey: KEY, timeoutMs: 5000 } });
    const user = await api.buildUser({ role: Role.Normal });
    cookie = await api.login(user.email, user.password);
  });
  afterAll(async () => {
    await api.close();
    await gus.close();
    await vies.close();
  });

  it('lists the countries it can look up', async () => {
    expect((await api.gql(COUNTRIES, {}, cookie)).data!.organisation.companyLookupCountries.sort()).toEqual(['CZ', 'HU', 'PL', 'SK']);
  });

  it('fills a Polish company from GUS (name, address, REGON) with its VAT status from VIES', async () => {
    expect(await lookup('PL 526-104-08-28')).toEqual({
      code: 'FOUND',
      taxIdError: null,
      country: 'PL',
      taxId: 'PL5261040828',
      name: 'GŁÓWNY URZĄD STATYSTYCZNY',
      address: 'ul. Test-Krucza 208, 00-925 Warszawa',
      vatStatus: 'ACTIVE',
      regon: '000331501',
      sources: ['GUS', 'VIES'],
    });
    expect(gus.requests).toEqual(['Zaloguj', 'DaneSzukajPodmioty']);
  });

  it('fills a Hungarian company from VIES (the adószám’s first eight digits)', async () => {
    expect(await lookup('12345676-2-41')).toMatchObject({
      code: 'FOUND',
      country: 'HU',
      name: 'PÉLDA KERESKEDELMI KORLÁTOLT FELELŐSSÉGŰ TÁRSASÁG',
      address: '1051 BUDAPEST, NÁDOR UTCA 7.',
      vatStatus: 'ACTIVE',
      sources: ['VIES'],
    });
    expect(vies.requests.at(-1)).toMatch(/\/ms\/HU\/vat\/12345676$/);
  });

  it('says NOT_FOUND for a valid number no registry knows (and that it is not VAT-registered)', async () => {
    expect(await lookup('774-000-14-54')).toMatchObject({ code: 'NOT_FOUND', name: null, vatStatus: 'INACTIVE', sources: ['VIES'] });
  });

  it('says INVALID_TAX_ID with the reason, and asks no registry', async () => {
    const before = vies.requests.length + gus.requests.length;
    expect(await lookup('PL 526-104-08-27')).toMatchObject({ code: 'INVALID_TAX_ID', taxIdError: 'TAX_ID_CHECKSUM', name: null });
    expect(await lookup('DE123456789')).toMatchObject({ code: 'INVALID_TAX_ID', taxIdError: 'TAX_ID_COUNTRY' });
    expect(vies.requests.length + gus.requests.length).toBe(before);
  });

  it('says PROVIDER_UNAVAILABLE when the member state’s service is down', async () => {
    expect(await lookup('SK2020317068')).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', name: null, sources: [] });
  });

  it('signs in to GUS again when its session has expired', async () => {
    gus.requests.length = 0;
    gus.expireSessions();
    expect(await lookup('5261040828', 'PL')).toMatchObject({ code: 'FOUND', name: 'GŁÓWNY URZĄD STATYSTYCZNY' });
    expect(gus.requests).toEqual(['DaneSzukajPodmioty', 'Zaloguj', 'DaneSzukajPodmioty']);
  });

  it('still fills from GUS when VIES is unreachable, and says PROVIDER_UNAVAILABLE where GUS alone cannot answer', async () => {
    await vies.close();
    expect(await lookup('5261040828')).toMatchObject({ code: 'FOUND', name: 'GŁÓWNY URZĄD STATYSTYCZNY', vatStatus: null, sources: ['GUS'] });
    expect(await lookup('12345676-2-41')).toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
  });
});
