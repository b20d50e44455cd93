import { formatDateTime, formatDay, fromDateTimeInputs, nextWorkingMorning, setOrgTimeZone, toDateTimeInputs, todayInput } from './datetime';

// The browser's own zone must not matter: these run with TZ set far from the organisation's.
process.env.TZ = 'America/New_York';
const ZONE = 'Europe/Budapest';

describe('organisation-zone date inputs', () => {
  it('converts wall-clock time in the organisation zone to instants, whatever the browser zone', () => {
    expect(fromDateTimeInputs('2026-01-15', '09:00', ZONE)).toBe('2026-01-15T08:00:00.000Z');
    expect(fromDateTimeInputs('2026-07-15', '09:00', ZONE)).toBe('2026-07-15T07:00:00.000Z');
    expect(toDateTimeInputs('2026-07-15T07:00:00.000Z', ZONE)).toEqual({ date: '2026-07-15', time: '09:00' });
    expect(toDateTimeInputs('2026-01-15T22:30:00.000Z', ZONE)).toEqual({ date: '2026-01-15', time: '23:30' });
  });

  it('handles the March change: before and after, and a skipped time moves forward', () => {
    expect(fromDateTimeInputs('2026-03-29', '01:30', ZONE)).toBe('2026-03-29T00:30:00.000Z');
    expect(fromDateTimeInputs('2026-03-29', '03:30', ZONE)).toBe('2026-03-29T01:30:00.000Z');
    expect(fromDateTimeInputs('2026-03-29', '02:30', ZONE)).toBe('2026-03-29T01:30:00.000Z');
  });

  it('handles the October change: the repeated hour takes the earlier instant', () => {
    expect(fromDateTimeInputs('2026-10-25', '01:30', ZONE)).toBe('2026-10-24T23:30:00.000Z');
    expect(fromDateTimeInputs('2026-10-25', '02:30', ZONE)).toBe('2026-10-25T00:30:00.000Z');
    expect(fromDateTimeInputs('2026-10-25', '03:30', ZONE)).toBe('2026-10-25T02:30:00.000Z');
    expect(toDateTimeInputs('2026-10-25T01:30:00.000Z', ZONE)).toEqual({ date: '2026-10-25', time: '02:30' });
  });

  it('rejects incomplete or impossible input', () => {
    expect(fromDateTimeInputs('2026-02-30', '09:00', ZONE)).toBeNull();
    expect(fromDateTimeInputs('2026-02-10', '', ZONE)).toBeNull();
  });

  it('defaults to the next working morning at 9:00 organisation time, across a DST change', () => {
    // Friday 27 March 2026, 23:30 in Budapest: the next working morning is Monday 30 March, after the change to CEST.
    expect(nextWorkingMorning(new Date('2026-03-27T22:30:00Z'), ZONE)).toBe('2026-03-30T07:00:00.000Z');
    // 23:30 in Budapest on Tuesday is still Tuesday there (Wednesday morning is next), though New York says Tuesday afternoon.
    expect(nextWorkingMorning(new Date('2026-01-13T22:30:00Z'), ZONE)).toBe('2026-01-14T08:00:00.000Z');
    // 00:30 Wednesday in Budapest is Tuesday evening in New York: tomorrow means Thursday.
    expect(nextWorkingMorning(new Date('2026-01-13T23:30:00Z'), ZONE)).toBe('2026-01-15T08:00:00.000Z');
    expect(todayInput(new Date('2026-01-13T23:30:00Z'), ZONE)).toBe('2026-01-14');
  });

  it('formats in the organisation zone', () => {
    expect(formatDateTime('2026-01-13T23:30:00Z', 'en-GB', ZONE)).toBe('14 Jan 2026, 00:30');
  });
});

describe('shown dates', () => {
  it('shows a calendar day as the day itself, in the UI language, whatever the zones', () => {
    expect(formatDay('2026-03-29', 'en')).toBe('Mar 29, 2026');
    expect(formatDay('2026-03-29', 'hu')).toBe('2026. márc. 29.');
    expect(formatDay('2026-03-29', 'en', 'short')).toBe('Mar 29');
    // Not a day: shown as it is rather than as "Invalid Date".
    expect(formatDay('soon', 'en')).toBe('soon');
  });

  it('shows an instant in the organisation zone (a mail sent at 23:30 UTC is the next day in Budapest)', () => {
    setOrgTimeZone(ZONE);
    expect(formatDateTime('2026-03-20T23:30:00Z', 'en')).toBe('Mar 21, 2026, 12:30 AM');
  });
});
