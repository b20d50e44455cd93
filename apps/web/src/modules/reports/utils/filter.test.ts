import { cardListHref, isComplete, readReportFilter, savedReportFilter, savedReportInput, shows, toReportInput, writeReportFilter, type ReportFilter } from './filter';

const P = '11111111-1111-1111-1111-111111111111';
const U1 = '22222222-2222-2222-2222-222222222222';
const U2 = '33333333-3333-3333-3333-333333333333';
const D = '44444444-4444-4444-4444-444444444444';

const base: ReportFilter = { pipelineId: P, period: 'THIS_MONTH', from: '', to: '', compare: false, ownerIds: [], departmentIds: [], categoryIds: [], tagIds: [], widgets: [], savedId: '', currencyMode: 'PER_CURRENCY' };

describe('report filter in the URL', () => {
  it('round-trips every part of the filter', () => {
    const filter: ReportFilter = { ...base, period: 'CUSTOM', from: '2026-03-01', to: '2026-03-31', compare: true, ownerIds: [U1, U2], departmentIds: [D], tagIds: [U1] };
    const params = writeReportFilter(filter);
    expect(params.toString()).toBe(`pipeline=${P}&period=CUSTOM&from=2026-03-01&to=2026-03-31&compare=1&owner=${U1}&owner=${U2}&department=${D}&tag=${U1}`);
    expect(readReportFilter(new URLSearchParams(params.toString()))).toEqual(filter);
  });

  it('leaves out the defaults, and drops malformed values instead of sending them', () => {
    expect(writeReportFilter(base).toString()).toBe(`pipeline=${P}`);
    const read = readReportFilter(new URLSearchParams('period=NEXT_DECADE&from=yesterday&owner=%3Cscript%3E&owner=' + U1), P);
    expect(read).toEqual({ ...base, ownerIds: [U1] });
  });

  it('keeps the chosen widgets and the saved report opened, and a saved report gives back its filter', () => {
    const filter: ReportFilter = { ...base, widgets: ['FUNNEL', 'ACTIVITY'], savedId: U2, tagIds: [D] };
    const params = writeReportFilter(filter);
    expect(params.toString()).toBe(`pipeline=${P}&tag=${D}&widget=FUNNEL&widget=ACTIVITY&saved=${U2}`);
    expect(readReportFilter(new URLSearchParams(params.toString() + '&widget=BOGUS'))).toEqual(filter);
    expect([shows(filter, 'FUNNEL'), shows(filter, 'OUTCOMES'), shows(base, 'OUTCOMES')]).toEqual([true, false, true]);
    const input = savedReportInput(filter, 'Funnel and people', true);
    expect(input).toEqual({ name: 'Funnel and people', shared: true, compare: false, widgets: ['FUNNEL', 'ACTIVITY'], filter: { pipelineId: P, period: 'THIS_MONTH', tagIds: [D] } });
    const saved = {
      __typename: 'SavedReport' as const, id: U2, name: 'Funnel and people', ownerId: U1, shared: true, editable: true, subscribed: false, compare: false,
      widgets: ['ACTIVITY', 'FUNNEL'] as const, filter: { pipelineId: P, period: 'THIS_MONTH' as const, from: null, to: null, ownerIds: [], departmentIds: [], categoryIds: [], tagIds: [D] },
    };
    expect(savedReportFilter({ ...saved, widgets: [...saved.widgets] })).toEqual(filter);
  });

  it('keeps money in the base currency in the URL and asks the API for it; per currency is the default, left out', () => {
    const filter: ReportFilter = { ...base, currencyMode: 'BASE' };
    expect(writeReportFilter(filter).toString()).toBe(`pipeline=${P}&money=base`);
    expect(readReportFilter(new URLSearchParams(`pipeline=${P}&money=base`))).toEqual(filter);
    expect(readReportFilter(new URLSearchParams(`pipeline=${P}&money=bitcoin`)).currencyMode).toBe('PER_CURRENCY');
    expect(toReportInput(filter)).toEqual({ pipelineId: P, period: 'THIS_MONTH', currencyMode: 'BASE' });
    expect(toReportInput(base)).toEqual({ pipelineId: P, period: 'THIS_MONTH' });
  });

  it('asks the API only for a complete filter', () => {
    expect(isComplete(base)).toBe(true);
    expect(isComplete({ ...base, pipelineId: '' })).toBe(false);
    expect(isComplete({ ...base, period: 'CUSTOM', from: '2026-03-02', to: '2026-03-01' })).toBe(false);
    expect(toReportInput({ ...base, period: 'CUSTOM', from: '2026-03-01', to: '2026-03-02', ownerIds: [U1] })).toEqual({
      pipelineId: P, period: 'CUSTOM', from: '2026-03-01', to: '2026-03-02', ownerIds: [U1],
    });
  });

  it('links a figure to the card list with its filter as search parameters', () => {
    const href = cardListHref(P, {
      statusIds: null, ownerIds: [U1, U2], unowned: null, departmentIds: null, categoryIds: null, tagIds: null, outcomes: ['WON'],
      createdFrom: null, createdTo: null, enteredStatusIds: null, enteredFrom: null, enteredTo: null,
      statusChangedFrom: '2026-02-28T23:00:00.000Z', statusChangedTo: '2026-03-31T22:00:00.000Z',
    });
    expect(href).toBe(`/list/${P}?ownerIds=${U1}&ownerIds=${U2}&outcomes=WON&statusChangedFrom=2026-02-28T23%3A00%3A00.000Z&statusChangedTo=2026-03-31T22%3A00%3A00.000Z`);
  });
});
