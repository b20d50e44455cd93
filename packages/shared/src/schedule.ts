/** When an automation step is due: `delayDays` calendar days after the card entered, at a given hour
 * and on a given weekday if set, all in the organisation's time zone. Pure, so both sides agree. */
export interface StepTiming {
  delayDays: number;
  /** ISO weekday 1 (Monday) .. 7 (Sunday), or null for any day. */
  weekday: number | null;
  /** 0..23, or null to keep the time of day the card entered. */
  hour: number | null;
}

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

export function localParts(instant: Date, timeZone: string): LocalTime {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: +parts.year, month: +parts.month, day: +parts.day, hour: +parts.hour, minute: +parts.minute, second: +parts.second };
}

/** The instant at which the wall clock in `timeZone` shows this local time. A time in the spring gap
 * does not exist and is moved forward by the gap (02:30 -> 03:30); in the autumn overlap the first
 * of the two instants is taken. */
export function zonedTimeToInstant(t: LocalTime, timeZone: string): Date {
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const offsetAt = (ms: number) => {
    const p = localParts(new Date(ms), timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - ms;
  };
  // Try the offsets in force a day before and a day after; the earlier matching instant wins.
  const candidates = [...new Set([offsetAt(wall - 86_400_000), offsetAt(wall + 86_400_000)])].map((o) => wall - o).sort((a, b) => a - b);
  for (const c of candidates) if (offsetAt(c) === wall - c) return new Date(c);
  // In a spring-forward gap: read the wall time with the offset from before the change.
  return new Date(Math.max(...candidates));
}

/** ISO weekday (1 = Monday .. 7 = Sunday) of a local calendar date. */
function isoWeekday(year: number, month: number, day: number): number {
  const d = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return d === 0 ? 7 : d;
}

function addDays(t: LocalTime, days: number): LocalTime {
  const d = new Date(Date.UTC(t.year, t.month - 1, t.day + days));
  return { ...t, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The due instant of a step for a card that entered at `entered`. Days are counted on the local
 * calendar (a step "1 day later at 9:00" is at 9:00 local time whether or not the clocks changed
 * overnight); a step due at an hour already past on the day it would run moves to the next day.
 */
export function stepDueAt(entered: Date, timing: StepTiming, timeZone: string): Date {
  const start = localParts(entered, timeZone);
  let day = addDays(start, timing.delayDays);
  if (timing.hour !== null) {
    day = { ...day, hour: timing.hour, minute: 0, second: 0 };
    if (zonedTimeToInstant(day, timeZone) < entered) day = addDays(day, 1);
  }
  if (timing.weekday !== null) {
    for (let i = 0; i < 7 && isoWeekday(day.year, day.month, day.day) !== timing.weekday; i++) day = addDays(day, 1);
  }
  return zonedTimeToInstant(day, timeZone);
}

/** True for an IANA time zone name this runtime knows (Europe/Budapest). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
