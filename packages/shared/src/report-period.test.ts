import { dayStart, ReportPeriodPreset as P, reportPeriod, todayIn, weekStart } from './report-period';

describe('report periods', () => {
  // 2026-03-25 is a Wednesday.
  const today = '2026-03-25';

  it('starts weeks on Monday and compares with the week before', () => {
    expect(weekStart('2026-03-29')).toBe('2026-03-23'); // a Sunday belongs to the week of the Monday before
    expect(weekStart('2026-03-23')).toBe('2026-03-23');
    expect(reportPeriod(P.ThisWeek, today)).toEqual({ current: { from: '2026-03-23', to: '2026-03-30' }, previous: { from: '2026-03-16', to: '2026-03-23' } });
    expect(reportPeriod(P.LastWeek, today).current).toEqual({ from: '2026-03-16', to: '2026-03-23' });
  });

  it('cuts months, quarters and years across year ends', () => {
    expect(reportPeriod(P.ThisMonth, today)).toEqual({ current: { from: '2026-03-01', to: '2026-04-01' }, previous: { from: '2026-02-01', to: '2026-03-01' } });
    expect(reportPeriod(P.LastMonth, '2026-01-10')).toEqual({ current: { from: '2025-12-01', to: '2026-01-01' }, previous: { from: '2025-11-01', to: '2025-12-01' } });
    expect(reportPeriod(P.ThisQuarter, '2026-05-31')).toEqual({ current: { from: '2026-04-01', to: '2026-07-01' }, previous: { from: '2026-01-01', to: '2026-04-01' } });
    expect(reportPeriod(P.LastQuarter, '2026-02-01').current).toEqual({ from: '2025-10-01', to: '2026-01-01' });
    expect(reportPeriod(P.ThisYear, today)).toEqual({ current: { from: '2026-01-01', to: '2027-01-01' }, previous: { from: '2025-01-01', to: '2026-01-01' } });
    expect(reportPeriod(P.LastYear, today).current).toEqual({ from: '2025-01-01', to: '2026-01-01' });
  });

  it('compares a custom range (to inclusive) with as many days just before', () => {
    expect(reportPeriod(P.Custom, today, { from: '2026-03-10', to: '2026-03-19' })).toEqual({ current: { from: '2026-03-10', to: '2026-03-20' }, previous: { from: '2026-02-28', to: '2026-03-10' } });
    expect(() => reportPeriod(P.Custom, today, { from: '2026-03-10', to: '2026-03-01' })).toThrow();
    expect(() => reportPeriod(P.Custom, today, null)).toThrow();
  });

  it('starts days at local midnight, 23 hours long on the spring DST change', () => {
    expect(dayStart('2026-03-29', 'Europe/Budapest').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(dayStart('2026-03-30', 'Europe/Budapest').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(todayIn('Europe/Budapest', new Date('2026-03-29T22:30:00Z'))).toBe('2026-03-30');
    expect(todayIn('UTC', new Date('2026-03-29T22:30:00Z'))).toBe('2026-03-29');
  });
});
