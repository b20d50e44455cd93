import { Card, User } from '@crm/db';
import { Role } from '@crm/shared';
import { startTestApi, TestApi } from '../../testing/api';
import { buildCards, buildLabels, buildPipeline } from '../../testing/factories';

const MONEY = 'currency amount missing { currency count }';
const REPORT = `query($filter: ReportFilterInput!) { report(filter: $filter) {
  currencyMode baseCurrency
  outcomes { currencyMode won { count currencyMode sums { currency amount } inBase { ${MONEY} } } lost { count currencyMode inBase { ${MONEY} } } }
  openPipeline { status { name } count currencyMode inBase { ${MONEY} } }
  forecast { month count currencyMode inBase { ${MONEY} } weightedInBase { ${MONEY} } }
} }`;

// Money converted into the base currency (EUR): won and lost at the rate of the day they were won
// or lost (in the organisation's zone), open cards and the forecast at today's; values in a
// currency without a rate left out and counted. Every figure below is computed by hand.
describe('report money in the base currency', () => {
  let api: TestApi;
  let pipelineId: string;
  const cookies: Record<string, string> = {};
  const MARCH = { period: 'CUSTOM', from: '2026-03-01', to: '2026-03-31' };

  beforeAll(async () => {
    api = await startTestApi({ timeZone: 'Europe/Budapest' });
    const ds = api.db.dataSource;
    const { pipeline, statuses } = await buildPipeline(ds);
    pipelineId = pipeline.id;
    const s = Object.fromEntries(statuses.map((st) => [st.name, st]));
    const hu = (await buildLabels(ds)).department;
    const admin = await api.buildUser({ role: Role.Admin, name: 'Admin' });
    const manager = await api.buildUser({ role: Role.Manager, name: 'Manager' });
    await ds.createQueryBuilder().relation(User, 'departments').of(manager).add(hu);
    for (const u of [admin, manager]) cookies[u.name] = await api.login(u.email, u.password);

    const card = (status: string, value: number | null, currency: string) => ({ status: s[status], value, currency, departmentId: hu.id, ownerId: admin.id });
    const cards = await buildCards(ds, [
      card('Won', 100000, 'HUF'), // 10 March: 0.0025 → 250
      card('Won', 200000, 'HUF'), // 20 March: 0.0026 → 520
      card('Won', 10000, 'HUF'), // 23:30Z on 14 March is 00:30 on the 15th in Budapest: 0.0026 → 26
      card('Won', 1000, 'EUR'), // the base: 1000
      card('Won', 1234.56, 'PLN'), // 2 March: 0.23 → 283.9488
      card('Won', 5000, 'CZK'), // no rate: left out, counted
      card('Won', null, 'HUF'), // no value: nothing to convert, nothing missing
      card('Lost', 3000, 'CZK'),
      card('Lost', 2000, 'CZK'),
      card('Lost', 50, 'EUR'),
      card('Lead', 1000, 'HUF'), // today: 0.0026 (the rate valid from next month does not count yet) → 2.6
      card('Lead', 10, 'EUR'),
      card('Proposal', 100, 'CZK'),
    ]);
    const at = ['2026-03-10T10:00:00Z', '2026-03-20T10:00:00Z', '2026-03-14T23:30:00Z', '2026-03-12T10:00:00Z', '2026-03-02T10:00:00Z', '2026-03-05T10:00:00Z', '2026-03-06T10:00:00Z', '2026-03-06T10:00:00Z', '2026-03-07T10:00:00Z', '2026-03-08T10:00:00Z'];
    await Promise.all(at.map((t, i) => ds.query(`UPDATE cards SET status_changed_at = $1 WHERE id = $2`, [t, (cards[i] as Card).id])));
    // Forecast: the HUF lead closes in March (Lead weighs 10 %); the CZK proposal too (no probability).
    await ds.query(`UPDATE statuses SET probability = 10 WHERE id = $1`, [s.Lead.id]);
    await ds.query(`UPDATE cards SET expected_close_date = '2026-03-20' WHERE id = ANY($1)`, [[cards[10].id, cards[12].id]]);

    const admin_ = cookies.Admin;
    const gql = async (q: string, v: Record<string, unknown>) => {
      const res = await api.gql(q, v, admin_);
      expect(res.errors).toBeUndefined();
      return res.data;
    };
    await gql(`mutation { setBaseCurrency(currency: "EUR") { baseCurrency } }`, {});
    const rate = (currency: string, validFrom: string, r: string) =>
      gql(`mutation($input: ExchangeRateInput!) { createExchangeRate(input: $input) { id } }`, { input: { currency, validFrom, rate: r } });
    await rate('HUF', '2026-02-01', '0.0025');
    await rate('HUF', '2026-03-15', '0.0026');
    await rate('PLN', '2026-01-01', '0.23');
    // Valid from a month ahead of today: not today's rate.
    const ahead = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await rate('HUF', ahead, '0.01');
  }, 60_000);
  afterAll(() => api.close());

  const report = async (who: string, currencyMode?: string) => {
    const res = await api.gql(REPORT, { filter: { pipelineId, ...MARCH, ...(currencyMode ? { currencyMode } : {}) } }, cookies[who]);
    expect(res.errors).toBeUndefined();
    return res.data!.report;
  };

  it('converts won and lost at the rate of their day, open cards and the forecast at today’s, and counts what had no rate', async () => {
    const r = await report('Admin', 'BASE');
    expect(r).toMatchObject({ currencyMode: 'BASE', baseCurrency: 'EUR' });
    expect(r.outcomes.currencyMode).toBe('BASE');
    expect(r.outcomes.won).toMatchObject({ count: 7, currencyMode: 'BASE', inBase: { currency: 'EUR', amount: '2079.9488', missing: [{ currency: 'CZK', count: 1 }] } });
    // Per currency still beside it.
    expect(r.outcomes.won.sums).toEqual([
      { currency: 'CZK', amount: 5000 },
      { currency: 'EUR', amount: 1000 },
      { currency: 'HUF', amount: 310000 },
      { currency: 'PLN', amount: 1234.56 },
    ]);
    expect(r.outcomes.lost).toMatchObject({ count: 3, inBase: { currency: 'EUR', amount: '50', missing: [{ currency: 'CZK', count: 2 }] } });
    expect(r.openPipeline.map((o: any) => [o.status.name, o.count, o.currencyMode, o.inBase])).toEqual([
      ['Lead', 2, 'BASE', { currency: 'EUR', amount: '12.6', missing: [] }],
      ['Contacted', 0, 'BASE', { currency: 'EUR', amount: '0', missing: [] }],
      ['Proposal', 1, 'BASE', { currency: 'EUR', amount: '0', missing: [{ currency: 'CZK', count: 1 }] }],
    ]);
    // 1000 HUF × 0.0026 = 2.6 EUR, weighted 10 % = 0.26; the CZK proposal is left out of both.
    expect(r.forecast).toEqual([
      {
        month: '2026-03', count: 2, currencyMode: 'BASE',
        inBase: { currency: 'EUR', amount: '2.6', missing: [{ currency: 'CZK', count: 1 }] },
        weightedInBase: { currency: 'EUR', amount: '0.26', missing: [] },
      },
    ]);
  });

  it('gives a department-limited Manager (figures from the cards, not the totals) the same conversion', async () => {
    expect(await report('Manager', 'BASE')).toEqual(await report('Admin', 'BASE'));
  });

  it('stays per currency by default, and says so; BASE without a base currency is per currency too', async () => {
    const r = await report('Manager');
    expect(r).toMatchObject({ currencyMode: 'PER_CURRENCY', baseCurrency: null });
    expect(r.outcomes.won).toMatchObject({ currencyMode: 'PER_CURRENCY', inBase: null });
    expect(r.openPipeline[0]).toMatchObject({ currencyMode: 'PER_CURRENCY', inBase: null });
    await api.gql(`mutation { setBaseCurrency(currency: null) { baseCurrency } }`, {}, cookies.Admin);
    try {
      const unset = await report('Manager', 'BASE');
      expect(unset.currencyMode).toBe('PER_CURRENCY');
      expect(unset.outcomes.won.inBase).toBeNull();
    } finally {
      await api.gql(`mutation { setBaseCurrency(currency: "EUR") { baseCurrency } }`, {}, cookies.Admin);
    }
  });
});
