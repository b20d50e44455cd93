import { act, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router-dom';
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { MockLink } from '@apollo/client/testing';
import { AppRoutes, preloadFirstPage } from '../../../app/routes';
import { buildMe, buildOrganisation, meMock, organisationMock, renderApp } from '../../../../test/render';
import { assignableUsersMock, buildPipeline, labelsMock, navViewsMock, pipelinesMock } from '../../../../test/factories';
import { REPORT_QUERY, REPORT_XLSX_MUTATION } from '../graphql/reports';
import { CREATE_SAVED_REPORT_MUTATION, SAVED_REPORTS_QUERY } from '../graphql/saved-reports';

function LocationDisplay() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

const cardFilter = (over: Record<string, unknown> = {}) => ({
  __typename: 'CardFilter' as const,
  statusIds: null, ownerIds: null, unowned: null, departmentIds: null, categoryIds: null, tagIds: null, outcomes: null,
  createdFrom: null, createdTo: null, enteredStatusIds: null, enteredFrom: null, enteredTo: null, statusChangedFrom: null, statusChangedTo: null,
  ...over,
});

const status = (id: string, name: string, kind = 'OPEN') => ({ __typename: 'Status' as const, id, name, kind, color: '#64748b' });
const outcome = (count: number, sums: Array<[string, number]> = []) => ({
  __typename: 'OutcomeFigure' as const,
  count,
  previousCount: 1,
  sums: sums.map(([currency, amount]) => ({ __typename: 'MoneySum' as const, currency, amount })),
  currencyMode: 'PER_CURRENCY' as string,
  inBase: null as ReturnType<typeof baseMoney> | null,
  cards: cardFilter({ outcomes: ['WON'] }),
});
const baseMoney = (amount: string, missing: Array<[string, number]> = []) => ({
  __typename: 'BaseMoney' as const,
  currency: 'EUR',
  amount,
  missing: missing.map(([currency, count]) => ({ __typename: 'MissingRate' as const, currency, count })),
});

function report(leadCount: number, fromDay: string) {
  return {
    __typename: 'Report' as const,
    pipelineId: 'p1',
    currencyMode: 'PER_CURRENCY' as string,
    baseCurrency: null as string | null,
    period: { __typename: 'ReportPeriod' as const, fromDay, toDay: '2026-03-31', previousFromDay: '2026-02-01', previousToDay: '2026-02-28', timeZone: 'Europe/Budapest' },
    funnel: [
      { __typename: 'FunnelStep' as const, status: status('s1', 'New lead'), entered: leadCount, previousEntered: 3, convertedToNext: 2, conversion: 2 / leadCount, cards: cardFilter({ enteredStatusIds: ['s1'], enteredFrom: '2026-02-28T23:00:00.000Z', enteredTo: '2026-03-31T22:00:00.000Z' }) },
      { __typename: 'FunnelStep' as const, status: status('s3', 'Won', 'WON'), entered: 2, previousEntered: 1, convertedToNext: null, conversion: null, cards: cardFilter({ enteredStatusIds: ['s3'] }) },
    ],
    outcomes: { __typename: 'ReportOutcomes' as const, currencyMode: 'PER_CURRENCY' as string, winRate: 0.5, previousWinRate: null, won: outcome(2, [['EUR', 1000], ['HUF', 150000]]), lost: outcome(2) },
    openPipeline: [{ __typename: 'OpenStatusValue' as const, status: { __typename: 'Status' as const, id: 's1', name: 'New lead', color: '#64748b' }, count: 4, sums: [] as Array<{ __typename: 'MoneySum'; currency: string; amount: number }>, currencyMode: 'PER_CURRENCY' as string, inBase: null as ReturnType<typeof baseMoney> | null, cards: cardFilter({ statusIds: ['s1'] }) }],
    forecast: [
      {
        __typename: 'ForecastMonth' as const,
        month: '2026-04',
        count: 3,
        withoutProbability: 1,
        sums: [{ __typename: 'MoneySum' as const, currency: 'EUR', amount: 3000 }],
        weighted: [{ __typename: 'MoneySum' as const, currency: 'EUR', amount: 1100 }],
        currencyMode: 'PER_CURRENCY' as string,
        inBase: null as ReturnType<typeof baseMoney> | null,
        weightedInBase: null as ReturnType<typeof baseMoney> | null,
      },
    ],
    activity: [
      {
        __typename: 'SalespersonActivity' as const,
        user: { __typename: 'UserRef' as const, id: 'u-1', name: 'Béla Nagy' },
        todosDone: 5, overdueTodos: 1, mailsSent: 3, repliesReceived: 2, notes: 4, cardsMoved: 6, cardsWon: 2,
        wonCards: cardFilter({ ownerIds: ['u-1'], outcomes: ['WON'] }),
      },
    ],
    timeInStatus: [
      { __typename: 'TimeInStatus' as const, status: { __typename: 'Status' as const, id: 's1', name: 'New lead', color: '#64748b' }, stays: 4, averageDays: 5.24, medianDays: 3.5 },
    ],
    automations: [{ __typename: 'AutomationFigures' as const, id: 'a1', name: 'Welcome', state: 'ACTIVE', enrolled: 3, stepsDone: 2, mailSteps: 2, failures: 1 }],
    weekly: [{ __typename: 'WeekCount' as const, week: '2026-03-02', newCards: 3, newClients: 2, cards: cardFilter({ createdFrom: '2026-03-01T23:00:00.000Z' }) }],
  };
}

const reportMock = (filter: Record<string, unknown>, data: ReturnType<typeof report>) => ({
  request: { query: REPORT_QUERY, variables: { filter } },
  result: { data: { report: data } },
});

const common = () => [navViewsMock(), pipelinesMock([buildPipeline()]), assignableUsersMock(), labelsMock('DEPARTMENT'), labelsMock('CATEGORY'), labelsMock('TAG')];

// The first render loads the route and the chart library lazily; the machine may be busy.
jest.setTimeout(30_000);

describe('ReportsPage', () => {
  it('reads the filter from the URL, and a change of period goes into the URL and to every widget', async () => {
    const xlsxSent: unknown[] = [];
    const { user } = renderApp(
      '/reports?period=LAST_MONTH&owner=u-1',
      [
        meMock(buildMe({ role: 'MANAGER' })),
        ...common(),
        reportMock({ pipelineId: 'p1', period: 'LAST_MONTH', ownerIds: ['u-1'] }, report(7, '2026-03-01')),
        reportMock({ pipelineId: 'p1', period: 'THIS_WEEK', ownerIds: ['u-1'] }, report(11, '2026-03-23')),
        {
          request: {
            query: REPORT_XLSX_MUTATION,
            variables: (variables: Record<string, unknown>) => {
              xlsxSent.push(variables);
              return true;
            },
          },
          // "PK" and a byte: the start of a zip, as base64.
          result: { data: { reportXlsx: 'UEsD' } },
        },
      ],
      <>
        <AppRoutes />
        <LocationDisplay />
      </>,
    );
    const funnel = await screen.findByRole('region', { name: 'Funnel' }, { timeout: 10_000 });
    await user.click(within(funnel).getByRole('button', { name: 'Table' }));
    const lead = within(funnel).getByRole('link', { name: '7 cards entered New lead: open the list' });
    // The number opens the card list with the figure's filter.
    expect(lead.getAttribute('href')).toBe('/list/p1?enteredStatusIds=s1&enteredFrom=2026-02-28T23%3A00%3A00.000Z&enteredTo=2026-03-31T22%3A00%3A00.000Z');
    expect(within(funnel).getByText('7 cards entered New lead; 2 entered Won.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Salespeople: Béla Nagy' })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Period'), 'THIS_WEEK');
    expect(screen.getByTestId('location').textContent).toBe('/reports?pipeline=p1&period=THIS_WEEK&owner=u-1');
    expect(await within(funnel).findByRole('link', { name: '11 cards entered New lead: open the list' })).toBeInTheDocument();

    const outcomes = screen.getByRole('region', { name: 'Won and lost' });
    expect(within(outcomes).getByText('2 won and 2 lost: a win rate of 50%.')).toBeInTheDocument();
    expect(within(outcomes).getByText('€1,000')).toBeInTheDocument();
    const board = screen.getByRole('region', { name: 'Activity per salesperson' });
    expect(within(board).getByRole('link', { name: 'Béla Nagy won 2: open the list' }).getAttribute('href')).toBe('/list/p1?ownerIds=u-1&outcomes=WON');
    // The leaderboard as a CSV file: the numbers, not their formatting.
    const files: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => (files.push(blob), 'blob:report'));
    URL.revokeObjectURL = jest.fn();
    await user.click(within(board).getByRole('button', { name: 'Export Activity per salesperson as CSV' }));
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(files[0]);
    });
    // (FileReader drops the byte order mark the file starts with.)
    expect(text).toBe('Salesperson,Todos done,Overdue todos,Mails sent,Replies,Notes,Cards moved,Cards won\r\nBéla Nagy,5,1,3,2,4,6,2\r\n');
    // The same rows as an XLSX file written by the server.
    await user.click(within(board).getByRole('button', { name: 'Export Activity per salesperson as XLSX' }));
    await waitFor(() => expect(files).toHaveLength(2));
    expect(xlsxSent).toEqual([
      {
        input: {
          title: 'Activity per salesperson',
          header: ['Salesperson', 'Todos done', 'Overdue todos', 'Mails sent', 'Replies', 'Notes', 'Cards moved', 'Cards won'],
          rows: [['Béla Nagy', 5, 1, 3, 2, 4, 6, 2]],
        },
      },
    ]);
    expect(files[1].type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(files[1].size).toBe(3);
    const time = screen.getByRole('region', { name: 'Time in status' });
    expect(within(time).getByText('Cards stay longest in New lead: 3.5 d (median).')).toBeInTheDocument();
    const forecast = screen.getByRole('region', { name: 'Forecast by expected close month' });
    expect(within(forecast).getByText('3 open cards expected to close over 1 month from April 2026.')).toBeInTheDocument();
    await user.click(within(forecast).getByRole('button', { name: 'Table' }));
    expect(within(forecast).getByRole('row', { name: 'April 2026 3 €3,000 €1,100' })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Automations' })).getByText('1 automation: 2 steps done, 2 mails sent, 1 failures.')).toBeInTheDocument();
  });

  it('keeps comparison and custom days in the URL, and asks only once both days are chosen', async () => {
    const { user } = renderApp(
      '/reports?period=CUSTOM&from=2026-03-01',
      [
        meMock(buildMe({ role: 'ADMIN' })),
        ...common(),
        reportMock({ pipelineId: 'p1', period: 'CUSTOM', from: '2026-03-01', to: '2026-03-31' }, report(9, '2026-03-01')),
      ],
      <>
        <AppRoutes />
        <LocationDisplay />
      </>,
    );
    expect(await screen.findByText('Choose the first and last day of the period.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('To'), '2026-03-31');
    await user.click(screen.getByRole('checkbox', { name: 'Compare with the previous period' }));
    expect(screen.getByTestId('location').textContent).toBe('/reports?pipeline=p1&period=CUSTOM&from=2026-03-01&to=2026-03-31&compare=1');
    const funnel = await screen.findByRole('region', { name: 'Funnel' }, { timeout: 10_000 });
    await user.click(within(funnel).getByRole('button', { name: 'Table' }));
    expect(within(funnel).getByRole('columnheader', { name: 'Previous period' })).toBeInTheDocument();
    expect(within(funnel).getByRole('link', { name: '9 cards entered New lead: open the list' })).toBeInTheDocument();
  });

  it('shows a Normal user their own numbers without a choice of salespeople, and refuses a Restricted user', async () => {
    renderApp('/reports', [meMock(buildMe({ role: 'NORMAL' })), ...common(), reportMock({ pipelineId: 'p1', period: 'THIS_MONTH' }, report(1, '2026-03-01'))]);
    expect(await screen.findByRole('region', { name: 'Funnel' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Salespeople/ })).not.toBeInTheDocument();
    expect(screen.getByText('You see your own numbers: your cards and your activity.')).toBeInTheDocument();
  });

  it('opens a saved report (its filter and widgets into the URL) and saves the current page as a shared report', async () => {
    const saved = (id: string, name: string, widgets: string[], shared = false) => ({
      __typename: 'SavedReport' as const, id, name, ownerId: 'me', shared, editable: true, subscribed: false, compare: false, widgets,
      filter: { __typename: 'SavedReportFilter' as const, pipelineId: 'p1', period: 'LAST_MONTH', from: null, to: null, ownerIds: [], departmentIds: [], categoryIds: [], tagIds: [] },
    });
    const sent: unknown[] = [];
    const { user } = renderApp(
      '/reports',
      [
        meMock(buildMe({ role: 'MANAGER' })),
        ...common(),
        { request: { query: SAVED_REPORTS_QUERY }, result: { data: { savedReports: [saved('r1', 'Funnel only', ['FUNNEL'])] } } },
        { request: { query: SAVED_REPORTS_QUERY }, result: { data: { savedReports: [saved('r1', 'Funnel only', ['FUNNEL']), saved('r2', 'Team month', ['FUNNEL'], true)] } } },
        reportMock({ pipelineId: 'p1', period: 'THIS_MONTH' }, report(3, '2026-03-01')),
        reportMock({ pipelineId: 'p1', period: 'LAST_MONTH' }, report(5, '2026-02-01')),
        {
          request: { query: CREATE_SAVED_REPORT_MUTATION, variables: (v: Record<string, unknown>) => (sent.push(v), true) },
          result: { data: { createSavedReport: saved('r2', 'Team month', ['FUNNEL'], true) } },
        },
      ],
      <>
        <AppRoutes />
        <LocationDisplay />
      </>,
    );
    expect(await screen.findByRole('region', { name: 'Won and lost' }, { timeout: 10_000 })).toBeInTheDocument();
    await user.selectOptions(await screen.findByLabelText('Saved report'), 'r1');
    expect(screen.getByTestId('location').textContent).toBe('/reports?pipeline=p1&period=LAST_MONTH&widget=FUNNEL&saved=r1');
    const funnel = await screen.findByRole('region', { name: 'Funnel' });
    await user.click(within(funnel).getByRole('button', { name: 'Table' }));
    expect(await within(funnel).findByRole('link', { name: '5 cards entered New lead: open the list' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Won and lost' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save report' }));
    await user.type(screen.getByLabelText('Name'), 'Team month');
    await user.click(screen.getByRole('checkbox', { name: 'Share with the team' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/reports?pipeline=p1&period=LAST_MONTH&widget=FUNNEL&saved=r2'));
    expect(sent).toEqual([{ input: { name: 'Team month', shared: true, compare: false, widgets: ['FUNNEL'], filter: { pipelineId: 'p1', period: 'LAST_MONTH' } } }]);
    expect(await screen.findByRole('checkbox', { name: 'Weekly summary by mail (Monday 07:00)' })).toBeInTheDocument();
  });

  it('switches money into the base currency from the filter bar (kept in the URL), labels each money widget and warns of values without a rate', async () => {
    const inEur = report(7, '2026-03-01');
    Object.assign(inEur, { currencyMode: 'BASE', baseCurrency: 'EUR' });
    inEur.outcomes = { ...inEur.outcomes, currencyMode: 'BASE' };
    inEur.outcomes.won = { ...inEur.outcomes.won, currencyMode: 'BASE', inBase: baseMoney('2079.9488', [['CZK', 1]]) };
    inEur.outcomes.lost = { ...inEur.outcomes.lost, currencyMode: 'BASE', inBase: baseMoney('50', [['CZK', 2]]) };
    inEur.openPipeline = inEur.openPipeline.map((o) => ({ ...o, currencyMode: 'BASE', inBase: baseMoney('12.6') }));
    inEur.forecast = inEur.forecast.map((f) => ({ ...f, currencyMode: 'BASE', inBase: baseMoney('2.6'), weightedInBase: baseMoney('0.26') }));
    const { user } = renderApp(
      '/reports',
      [
        meMock(buildMe({ role: 'MANAGER' })),
        organisationMock(buildOrganisation({ baseCurrency: 'EUR' })),
        ...common(),
        reportMock({ pipelineId: 'p1', period: 'THIS_MONTH' }, report(7, '2026-03-01')),
        reportMock({ pipelineId: 'p1', period: 'THIS_MONTH', currencyMode: 'BASE' }, inEur),
      ],
      <>
        <AppRoutes />
        <LocationDisplay />
      </>,
    );
    const outcomes = await screen.findByRole('region', { name: 'Won and lost' }, { timeout: 10_000 });
    expect(within(outcomes).getByText('Per currency')).toBeInTheDocument();
    expect(within(outcomes).getByText('€1,000')).toBeInTheDocument();
    expect(within(outcomes).queryByRole('note')).not.toBeInTheDocument();
    const money = screen.getByRole('group', { name: 'Money' });
    expect(within(money).getByRole('button', { name: 'Per currency' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(within(money).getByRole('button', { name: 'In EUR' }));
    expect(screen.getByTestId('location').textContent).toBe('/reports?pipeline=p1&money=base');
    // One amount in the base currency, cents kept; the mode says so; the values without a rate are counted.
    expect(await within(outcomes).findByText('€2,079.95')).toBeInTheDocument();
    expect(within(outcomes).getByText('In EUR')).toBeInTheDocument();
    expect(within(outcomes).getByText('Card values in EUR, each converted at the rate of the day it was won or lost.')).toBeInTheDocument();
    expect(within(outcomes).getByRole('note')).toHaveTextContent('3 cards in CZK have no exchange rate to EUR: left out.');
    const open = screen.getByRole('region', { name: 'Open pipeline' });
    expect(within(open).getByText('In EUR')).toBeInTheDocument();
    expect(within(open).queryByRole('note')).not.toBeInTheDocument();
    const forecast = screen.getByRole('region', { name: 'Forecast by expected close month' });
    await user.click(within(forecast).getByRole('button', { name: 'Table' }));
    expect(within(forecast).getByRole('row', { name: 'April 2026 3 €2.60 €0.26' })).toBeInTheDocument();
    // The funnel has no money: no mode.
    expect(within(screen.getByRole('region', { name: 'Funnel' })).queryByText('In EUR')).not.toBeInTheDocument();
    await user.click(within(money).getByRole('button', { name: 'Per currency' }));
    expect(await within(outcomes).findByText('€1,000')).toBeInTheDocument();
    expect(screen.getByTestId('location').textContent).toBe('/reports?pipeline=p1');
  });

  it('offers no money toggle while the organisation has no base currency', async () => {
    renderApp('/reports', [meMock(buildMe({ role: 'MANAGER' })), ...common(), reportMock({ pipelineId: 'p1', period: 'THIS_MONTH' }, report(1, '2026-03-01'))]);
    expect(await screen.findByRole('region', { name: 'Won and lost' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Money' })).not.toBeInTheDocument();
  });

  it('draws the tables behind the charts for paper only while the page is printed', async () => {
    renderApp('/reports', [meMock(buildMe({ role: 'MANAGER' })), ...common(), reportMock({ pipelineId: 'p1', period: 'THIS_MONTH' }, report(1, '2026-03-01'))]);
    const funnel = await screen.findByRole('region', { name: 'Funnel' }, { timeout: 10_000 });
    // On screen the chart is shown: its table is not in the page at all.
    expect(within(funnel).queryByRole('table')).not.toBeInTheDocument();
    act(() => void window.dispatchEvent(new Event('beforeprint')));
    expect(within(funnel).getByRole('link', { name: '1 card entered New lead: open the list' }).closest('.report-widget__print-table')).not.toBeNull();
    act(() => void window.dispatchEvent(new Event('afterprint')));
    expect(within(funnel).queryByRole('table')).not.toBeInTheDocument();
  });

  it('asks for a bookmarked report as soon as the session is known, into the cache the page reads first', async () => {
    window.history.pushState({}, '', '/reports?pipeline=p1&period=LAST_MONTH');
    const filter = { pipelineId: 'p1', period: 'LAST_MONTH' as const };
    const asked: string[] = [];
    const record = new ApolloLink((operation, forward) => {
      asked.push(operation.operationName ?? '');
      return forward(operation);
    });
    const client = new ApolloClient({
      cache: new InMemoryCache(),
      link: ApolloLink.from([record, new MockLink([meMock(buildMe({ role: 'MANAGER' })), reportMock(filter, report(7, '2026-03-01'))])]),
    });
    preloadFirstPage('/reports', client);
    await waitFor(() => expect(client.readQuery({ query: REPORT_QUERY, variables: { filter } })?.report.funnel[0].entered).toBe(7), { timeout: 10_000 });
    expect(asked).toEqual(['Me', 'Report']);
    window.history.pushState({}, '', '/');
  });

  it('refuses a Restricted user', async () => {
    renderApp('/reports', [meMock(buildMe({ role: 'RESTRICTED' })), navViewsMock()]);
    expect(await screen.findByRole('heading', { name: "You don't have access" })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Funnel' })).not.toBeInTheDocument());
  });
});
