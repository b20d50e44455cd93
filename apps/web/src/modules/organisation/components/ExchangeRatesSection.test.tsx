import { screen, waitFor, within } from '@testing-library/react';
import { buildMe, buildOrganisation, meMock, organisationMock, renderApp } from '../../../../test/render';
import { navViewsMock } from '../../../../test/factories';
import { CREATE_EXCHANGE_RATE_MUTATION, EXCHANGE_RATES_QUERY } from '../graphql/exchangeRates';

const rate = (id: string, currency: string, validFrom: string, value: string) => ({
  __typename: 'ExchangeRate' as const, id, currency, baseCurrency: 'EUR', validFrom, rate: value, updatedAt: '2026-11-30T10:00:00.000Z',
});

describe('Settings › Organisation › base currency and exchange rates', () => {
  it('shows and takes rates in the user’s locale (4,0123 in Hungarian), sent as exact decimals', async () => {
    const sent: unknown[] = [];
    const { user } = renderApp('/settings/organisation', [
      meMock(buildMe({ locale: 'hu' })),
      navViewsMock(),
      organisationMock(buildOrganisation({ baseCurrency: 'EUR' })),
      { request: { query: EXCHANGE_RATES_QUERY }, result: { data: { exchangeRates: [rate('r1', 'HUF', '2026-03-01', '0.0025125')] } } },
      {
        request: { query: CREATE_EXCHANGE_RATE_MUTATION, variables: (v: Record<string, unknown>) => (sent.push(v), true) },
        result: { data: { createExchangeRate: rate('r2', 'PLN', '2026-11-01', '4.0123') } },
      },
      { request: { query: EXCHANGE_RATES_QUERY }, result: { data: { exchangeRates: [rate('r1', 'HUF', '2026-03-01', '0.0025125'), rate('r2', 'PLN', '2026-11-01', '4.0123')] } } },
    ]);
    const section = await screen.findByRole('region', { name: 'Alap pénznem és árfolyamok' }, { timeout: 10_000 });
    expect(await within(section).findByRole('cell', { name: '0,0025125' })).toBeInTheDocument();
    await user.selectOptions(within(section).getByLabelText('Pénznem'), 'PLN');
    await user.type(within(section).getByLabelText('Érvényes ettől'), '2026-11-01');
    await user.type(within(section).getByLabelText('Árfolyam (egy egység EUR-ban)'), '4,0123');
    await user.click(within(section).getByRole('button', { name: 'Árfolyam hozzáadása' }));
    await waitFor(() => expect(sent).toEqual([{ input: { currency: 'PLN', validFrom: '2026-11-01', rate: '4.0123' } }]));
    expect(await within(section).findByRole('cell', { name: '4,0123' })).toBeInTheDocument();
  });
});
