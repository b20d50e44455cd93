import { calendarDay, deadlineClass } from './deadline';

const TZ = 'Europe/Budapest';

describe('deadlineClass', () => {
  const now = new Date('2026-03-10T10:00:00Z'); // 11:00 in Budapest

  it('calls a deadline that has passed overdue, even earlier the same day', () => {
    expect(deadlineClass(new Date('2026-03-10T09:59:00Z'), now, TZ)).toBe('overdue');
    expect(deadlineClass(new Date('2026-03-01T12:00:00Z'), now, TZ)).toBe('overdue');
  });

  it('calls a deadline still ahead on the same local day today', () => {
    expect(deadlineClass(new Date('2026-03-10T22:30:00Z'), now, TZ)).toBe('today'); // 23:30 local
  });

  it('uses the time zone to decide where the day ends', () => {
    // 23:30 UTC is already the next day in Budapest, but still today in New York.
    expect(deadlineClass(new Date('2026-03-10T23:30:00Z'), now, TZ)).toBe('later');
    expect(deadlineClass(new Date('2026-03-10T23:30:00Z'), now, 'America/New_York')).toBe('today');
  });

  it('calls anything after today later', () => {
    expect(deadlineClass(new Date('2026-03-11T08:00:00Z'), now, TZ)).toBe('later');
  });

  it('handles the daylight-saving change (Budapest moves to CEST on 2026-03-29)', () => {
    const beforeChange = new Date('2026-03-28T23:30:00Z'); // 00:30 local on the 29th
    expect(calendarDay(beforeChange, TZ)).toBe('2026-03-29');
    expect(deadlineClass(new Date('2026-03-29T21:59:00Z'), beforeChange, TZ)).toBe('today'); // 23:59 CEST
    expect(deadlineClass(new Date('2026-03-29T22:00:00Z'), beforeChange, TZ)).toBe('later'); // 00:00 on the 30th
  });
});
