// Report periods: named ranges of calendar days in the organisation's time zone, weeks from Monday.
// Pure, so the API (which cuts the figures) and the web app (which names the period) agree.
import { localParts, zonedTimeToInstant } from './schedule';

export enum ReportPeriodPreset {
  ThisWeek = 'THIS_WEEK',
  LastWeek = 'LAST_WEEK',
  ThisMonth = 'THIS_MONTH',
  LastMonth = 'LAST_MONTH',
  ThisQuarter = 'THIS_QUARTER',
  LastQuarter = 'LAST_QUARTER',
  ThisYear = 'THIS_YEAR',
  LastYear = 'LAST_YEAR',
  Custom = 'CUSTOM',
}

/** Calendar days YYYY-MM-DD; `to` is exclusive. */
export interface DayRange {
  from: string;
  to: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDay(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function parts(day: string): [number, number, number] {
  const m = DAY.exec(day);
  if (!m) throw new Error(`not a day: ${day}`);
  return [+m[1], +m[2], +m[3]];
}

function dayOf(year: number, month: number, date: number): string {
  const d = new Date(Date.UTC(year, month - 1, date));
  return d.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = parts(day);
  return dayOf(y, m, d + n);
}

export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** Today's date on the wall calendar of a time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const p = localParts(now, timeZone);
  return dayOf(p.year, p.month, p.day);
}

/** The instant a local day starts in a time zone (midnight; 23 or 25 hours apart across DST). */
export function dayStart(day: string, timeZone: string): Date {
  const [year, month, date] = parts(day);
  return zonedTimeToInstant({ year, month, day: date, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** The Monday on or before a day. */
export function weekStart(day: string): string {
  const [y, m, d] = parts(day);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return dayOf(y, m, d - weekday);
}

/**
 * The days of a period and of the period before it (the comparison): the previous week, month,
 * quarter or year for the presets; for a custom range (`custom.to` inclusive) the same number of
 * days just before.
 */
export function reportPeriod(preset: ReportPeriodPreset, today: string, custom?: { from: string; to: string } | null): { current: DayRange; previous: DayRange } {
  const [y, m] = parts(today);
  const months = (startMonth: number, count: number, shift: number): [DayRange, DayRange] => {
    const from = dayOf(y, startMonth + shift * count, 1);
    const to = dayOf(y, startMonth + (shift + 1) * count, 1);
    const prevFrom = dayOf(y, startMonth + (shift - 1) * count, 1);
    return [{ from, to }, { from: prevFrom, to: from }];
  };
  const quarterStart = m - ((m - 1) % 3);
  let current: DayRange;
  let previous: DayRange;
  switch (preset) {
    case ReportPeriodPreset.ThisWeek:
    case ReportPeriodPreset.LastWeek: {
      const from = addDays(weekStart(today), preset === ReportPeriodPreset.LastWeek ? -7 : 0);
      current = { from, to: addDays(from, 7) };
      previous = { from: addDays(from, -7), to: from };
      break;
    }
    case ReportPeriodPreset.ThisMonth:
      [current, previous] = months(m, 1, 0);
      break;
    case ReportPeriodPreset.LastMonth:
      [current, previous] = months(m, 1, -1);
      break;
    case ReportPeriodPreset.ThisQuarter:
      [current, previous] = months(quarterStart, 3, 0);
      break;
    case ReportPeriodPreset.LastQuarter:
      [current, previous] = months(quarterStart, 3, -1);
      break;
    case ReportPeriodPreset.ThisYear:
      [current, previous] = months(1, 12, 0);
      break;
    case ReportPeriodPreset.LastYear:
      [current, previous] = months(1, 12, -1);
      break;
    case ReportPeriodPreset.Custom: {
      if (!custom || !isDay(custom.from) || !isDay(custom.to) || custom.to < custom.from) throw new Error('custom period needs from <= to');
      const to = addDays(custom.to, 1);
      const length = daysBetween(custom.from, to);
      current = { from: custom.from, to };
      previous = { from: addDays(custom.from, -length), to: custom.from };
      break;
    }
  }
  return { current, previous };
}

/** How the Reports page shows money: each currency apart, or converted to the organisation's base currency. */
export enum ReportCurrencyMode {
  PerCurrency = 'PER_CURRENCY',
  Base = 'BASE',
}
