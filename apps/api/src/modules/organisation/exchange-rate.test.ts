import { addDays, Role, todayIn } from '@crm/shared';
import { startTestApi, TestApi } from '../../testing/api';

const RATES = `{ exchangeRates { id currency baseCurrency validFrom rate } }`;
const SET_BASE = `mutation($c: String) { setBaseCurrency(currency: $c) { baseCurrency } }`;
const CREATE = `mutation($input: ExchangeRateInput!) { createExchangeRate(input: $input) { id currency baseCurrency validFrom rate } }`;
const UPDATE = `mutation($id: ID!, $input: ExchangeRateInput!) { updateExchangeRate(id: $id, input: $input) { id currency validFrom rate } }`;
const DELETE = `mutation($id: ID!) { deleteExchangeRate(id: $id) }`;

describe('base currency and exchange rates', () => {
  let api: TestApi;
  let admin: string;
  let manager: string;
  beforeAll(async () => {
    api = await startTestApi({ timeZone: 'Europe/Budapest' });
    const a = await api.buildUser({ role: Role.Admin });
    admin = await api.login(a.email, a.password);
    const m = await api.buildUser({ role: Role.Manager });
    manager = await api.login(m.email, m.password);
  });
  afterAll(() => api.close());

  it('only an Admin reads and changes them; everyone reads the base currency on the organisation', async () => {
    expect((await api.gql(`{ organisation { baseCurrency } }`, {}, manager)).data!.organisation.baseCurrency).toBeNull();
    for (const [query, vars] of [
      [RATES, {}],
      [SET_BASE, { c: 'EUR' }],
      [CREATE, { input: { currency: 'HUF', validFrom: '2026-03-01', rate: '0.0025' } }],
      [DELETE, { id: '00000000-0000-0000-0000-000000000000' }],
    ] as const) {
      expect((await api.gql(query, vars, manager)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    // No rate before a base currency is chosen.
    const early = await api.gql(CREATE, { input: { currency: 'HUF', validFrom: '2026-03-01', rate: '0.0025' } }, admin);
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BASE_CURRENCY_NOT_SET' });
    expect((await api.gql(SET_BASE, { c: 'XYZ' }, admin)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldReasons: { currency: 'CURRENCY_UNKNOWN' } });
    expect((await api.gql(SET_BASE, { c: 'eur' }, admin)).data!.setBaseCurrency.baseCurrency).toBe('EUR');
    expect((await api.gql(`{ organisation { baseCurrency } }`, {}, manager)).data!.organisation.baseCurrency).toBe('EUR');
  });

  it('refuses a currency it does not know, the base itself, a rate not above 0 or too precise, an impossible or far-future day, each by code', async () => {
    const far = addDays(todayIn('Europe/Budapest'), 400);
    for (const [input, reasons] of [
      [{ currency: 'ABC', validFrom: '2026-02-30', rate: '0' }, { currency: 'CURRENCY_UNKNOWN', validFrom: 'DATE_INVALID', rate: 'RATE_NOT_POSITIVE' }],
      [{ currency: 'eur', validFrom: far, rate: '1,5' }, { currency: 'RATE_OF_BASE_CURRENCY', validFrom: 'RATE_DATE_TOO_FAR', rate: 'RATE_INVALID' }],
      [{ currency: 'HUF', validFrom: '2026-03-01', rate: '-0.0025' }, { rate: 'RATE_NOT_POSITIVE' }],
      [{ currency: 'HUF', validFrom: '2026-03-01', rate: '0.00000000001' }, { rate: 'RATE_INVALID' }],
    ] as const) {
      const res = await api.gql(CREATE, { input }, admin);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.fieldReasons).toEqual(reasons);
    }
    // A year ahead is fine (a rate announced in advance).
    const ahead = await api.gql(CREATE, { input: { currency: 'CHF', validFrom: addDays(todayIn('Europe/Budapest'), 300), rate: '1.07' } }, admin);
    expect(ahead.errors).toBeUndefined();
    await api.gql(DELETE, { id: ahead.data!.createExchangeRate.id }, admin);
    expect((await api.gql(RATES, {}, admin)).data!.exchangeRates).toEqual([]);
  });

  it('adds, edits and deletes rates exactly as typed (no float), one per currency per day, each change audited', async () => {
    await api.db.dataSource.query(`DELETE FROM audit_log`);
    const add = (currency: string, validFrom: string, rate: string) => api.gql(CREATE, { input: { currency, validFrom, rate } }, admin);
    const a = await add('huf', '2026-03-01', '0.0025125');
    expect(a.data!.createExchangeRate).toMatchObject({ currency: 'HUF', baseCurrency: 'EUR', validFrom: '2026-03-01', rate: '0.0025125' });
    const b = await add('HUF', '2026-03-15', '0.0026');
    const c = await add('PLN', '2026-01-01', '0.2312345678');
    expect(c.data!.createExchangeRate.rate).toBe('0.2312345678');
    // Another rate for the same currency and day is a conflict on the day.
    const twice = await add('HUF', '2026-03-15', '0.0027');
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', fieldReasons: { validFrom: 'RATE_DAY_TAKEN' } });
    expect((await api.gql(UPDATE, { id: a.data!.createExchangeRate.id, input: { currency: 'HUF', validFrom: '2026-03-15', rate: '1' } }, admin)).errors?.[0].extensions?.code).toBe('CONFLICT');
    const edited = await api.gql(UPDATE, { id: a.data!.createExchangeRate.id, input: { currency: 'HUF', validFrom: '2026-02-01', rate: '0.00251' } }, admin);
    expect(edited.data!.updateExchangeRate).toMatchObject({ validFrom: '2026-02-01', rate: '0.00251' });
    expect((await api.gql(DELETE, { id: b.data!.createExchangeRate.id }, admin)).data!.deleteExchangeRate).toBe(true);
    expect((await api.gql(DELETE, { id: b.data!.createExchangeRate.id }, admin)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // By currency, newest first.
    expect((await api.gql(RATES, {}, admin)).data!.exchangeRates.map((r: any) => [r.currency, r.validFrom, r.rate])).toEqual([
      ['HUF', '2026-02-01', '0.00251'],
      ['PLN', '2026-01-01', '0.2312345678'],
    ]);
    const audit = await api.db.dataSource.query(`SELECT action, changes FROM audit_log WHERE entity = 'exchange_rate' ORDER BY at, action`);
    expect(audit).toEqual([
      { action: 'create', changes: { baseCurrency: [null, 'EUR'], currency: [null, 'HUF'], validFrom: [null, '2026-03-01'], rate: [null, '0.0025125'] } },
      { action: 'create', changes: { baseCurrency: [null, 'EUR'], currency: [null, 'HUF'], validFrom: [null, '2026-03-15'], rate: [null, '0.0026'] } },
      { action: 'create', changes: { baseCurrency: [null, 'EUR'], currency: [null, 'PLN'], validFrom: [null, '2026-01-01'], rate: [null, '0.2312345678'] } },
      { action: 'update', changes: { validFrom: ['2026-03-01', '2026-02-01'], rate: ['0.0025125', '0.00251'] } },
      { action: 'delete', changes: { baseCurrency: ['EUR', null], currency: ['HUF', null], validFrom: ['2026-03-15', null], rate: ['0.0026', null] } },
    ]);
  });

  it('keeps rates per base currency: another base shows its own (none yet), and the change is audited', async () => {
    await api.db.dataSource.query(`DELETE FROM audit_log WHERE entity = 'organisation'`);
    expect((await api.gql(SET_BASE, { c: 'PLN' }, admin)).data!.setBaseCurrency.baseCurrency).toBe('PLN');
    expect((await api.gql(RATES, {}, admin)).data!.exchangeRates).toEqual([]);
    await api.gql(SET_BASE, { c: 'EUR' }, admin);
    expect((await api.gql(RATES, {}, admin)).data!.exchangeRates).toHaveLength(2);
    await api.gql(SET_BASE, { c: null }, admin);
    expect((await api.gql(RATES, {}, admin)).data!.exchangeRates).toEqual([]);
    const audit = await api.db.dataSource.query(`SELECT changes FROM audit_log WHERE entity = 'organisation' ORDER BY at`);
    expect(audit.map((r: any) => r.changes)).toEqual([{ baseCurrency: ['EUR', 'PLN'] }, { baseCurrency: ['PLN', 'EUR'] }, { baseCurrency: ['EUR', null] }]);
  });
});
