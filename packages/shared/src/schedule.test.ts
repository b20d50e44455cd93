import { stepDueAt, zonedTimeToInstant } from './schedule';

const TZ = 'Europe/Budapest';
const at = (iso: string) => new Date(iso);

describe('step timing', () => {
  it('adds calendar days, keeping the time of day when no hour is set', () => {
    expect(stepDueAt(at('2026-11-24T14:30:00Z'), { delayDays: 0, weekday: null, hour: null }, TZ)).toEqual(at('2026-11-24T14:30:00Z'));
    expect(stepDueAt(at('2026-11-24T14:30:00Z'), { delayDays: 3, weekday: null, hour: null }, TZ)).toEqual(at('2026-11-27T14:30:00Z'));
  });

  it('runs at the hour in local time, the next day when that hour has passed', () => {
    // Entered at 15:30 Budapest (14:30Z): 9:00 today has passed.
    expect(stepDueAt(at('2026-11-24T14:30:00Z'), { delayDays: 0, weekday: null, hour: 9 }, TZ)).toEqual(at('2026-11-25T08:00:00Z'));
    expect(stepDueAt(at('2026-11-24T06:00:00Z'), { delayDays: 0, weekday: null, hour: 9 }, TZ)).toEqual(at('2026-11-24T08:00:00Z'));
    expect(stepDueAt(at('2026-11-24T14:30:00Z'), { delayDays: 2, weekday: null, hour: 9 }, TZ)).toEqual(at('2026-11-26T08:00:00Z'));
  });

  it('waits for the weekday', () => {
    // 2026-11-24 is a Tuesday; the next Monday is the 30th.
    expect(stepDueAt(at('2026-11-24T10:00:00Z'), { delayDays: 0, weekday: 1, hour: 8 }, TZ)).toEqual(at('2026-11-30T07:00:00Z'));
    expect(stepDueAt(at('2026-11-24T05:00:00Z'), { delayDays: 0, weekday: 2, hour: 8 }, TZ)).toEqual(at('2026-11-24T07:00:00Z'));
  });

  it('keeps the local hour across the spring and autumn clock changes, never skipping or doubling', () => {
    // Clocks go forward on 2026-03-29 (02:00 -> 03:00) and back on 2026-10-25 (03:00 -> 02:00).
    expect(stepDueAt(at('2026-03-28T08:00:00Z'), { delayDays: 1, weekday: null, hour: 9 }, TZ)).toEqual(at('2026-03-29T07:00:00Z'));
    expect(stepDueAt(at('2026-10-24T07:00:00Z'), { delayDays: 1, weekday: null, hour: 9 }, TZ)).toEqual(at('2026-10-25T08:00:00Z'));
    // "1 day later" at the same wall time, across the change: 23 and 25 hours.
    expect(stepDueAt(at('2026-03-28T09:00:00Z'), { delayDays: 1, weekday: null, hour: null }, TZ)).toEqual(at('2026-03-29T08:00:00Z'));
    expect(stepDueAt(at('2026-10-24T09:00:00Z'), { delayDays: 1, weekday: null, hour: null }, TZ)).toEqual(at('2026-10-25T10:00:00Z'));
  });

  it('moves times in the spring gap forward by the gap and takes the first of the autumn overlap', () => {
    // 02:30 does not exist on 2026-03-29: it becomes 03:30 CEST.
    expect(zonedTimeToInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 }, TZ)).toEqual(at('2026-03-29T01:30:00Z'));
    expect(zonedTimeToInstant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 }, TZ)).toEqual(at('2026-10-25T00:30:00Z'));
    expect(stepDueAt(at('2026-03-28T12:00:00Z'), { delayDays: 1, weekday: null, hour: 2 }, TZ)).toEqual(at('2026-03-29T01:00:00Z'));
  });
});
