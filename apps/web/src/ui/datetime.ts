import { DEFAULT_TIME_ZONE } from '@crm/shared';

const pad = (n: number) => String(n).padStart(2, '0');

// The organisation's time zone (ORG_TIME_ZONE on the server): every date the web shows or takes
// is wall-clock time there, whatever zone the browser runs in. Set once from the API.
let orgZone = DEFAULT_TIME_ZONE;
export function setOrgTimeZone(zone: string): void {
  orgZone = zone;
}
export function orgTimeZone(): string {
  return orgZone;
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();
/** The wall-clock fields of an instant in a zone. */
function wallClock(instant: Date, zone: string) {
  let f = partFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    partFormatters.set(zone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

/** The zone's offset from UTC (ms) at an instant. */
function offsetAt(instant: number, zone: string): number {
  const w = wallClock(new Date(instant), zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (instant - (instant % 1000 + 1000) % 1000);
}

/**
 * The instant of a wall-clock date and time in a zone. Iterates on the zone's offset, so DST days
 * work: a time skipped by the spring change moves forward by the gap, an ambiguous autumn time takes
 * the earlier (summer-time) instant.
 */
export function zonedToInstant(y: number, mo: number, d: number, h: number, mi: number, zone = orgZone): Date {
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let guess = wall - offsetAt(wall, zone);
  const second = wall - offsetAt(guess, zone);
  if (second !== guess) {
    // Offsets differ on either side of a change: prefer the one that reproduces the wall time.
    const a = guess;
    const b = second;
    const fits = (t: number) => wall - offsetAt(t, zone) === t;
    guess = fits(a) && fits(b) ? Math.min(a, b) : fits(b) ? b : fits(a) ? a : Math.max(a, b);
  } else {
    // Ambiguous autumn hour: an hour earlier may also show the same wall time.
    const earlier = guess - 3600_000;
    if (wall - offsetAt(earlier, zone) === earlier) guess = earlier;
  }
  return new Date(guess);
}

/** The date and time inputs' values (organisation time) for an ISO instant. */
export function toDateTimeInputs(iso: string, zone = orgZone): { date: string; time: string } {
  const w = wallClock(new Date(iso), zone);
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** The ISO instant for a date input and a time input (organisation time); null when incomplete. */
export function fromDateTimeInputs(date: string, time: string, zone = orgZone): string | null {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const tm = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dm || !tm) return null;
  const [y, mo, d, h, mi] = [dm[1], dm[2], dm[3], tm[1], tm[2]].map(Number);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null;
  return zonedToInstant(y, mo, d, h, mi, zone).toISOString();
}

/** A sensible default deadline: the next working morning at 9:00, organisation time. */
export function nextWorkingMorning(now = new Date(), zone = orgZone): string {
  const w = wallClock(now, zone);
  const day = new Date(Date.UTC(w.year, w.month - 1, w.day));
  day.setUTCDate(day.getUTCDate() + 1);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return zonedToInstant(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), 9, 0, zone).toISOString();
}

/** Today as YYYY-MM-DD (organisation time). */
export function todayInput(now = new Date(), zone = orgZone): string {
  return toDateTimeInputs(now.toISOString(), zone).date;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date format, made once per language and options: making one is slow, and a page may show hundreds of dates. */
export function dateFormat(language: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, options);
    dateFormats.set(key, format);
  }
  return format;
}

export function formatDateTime(value: string, language: string | undefined, zone = orgZone): string {
  return dateFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(new Date(value));
}

/**
 * A calendar day (YYYY-MM-DD) as the UI language writes it: the day itself, whatever the zone (days the
 * API sends are already cut in the organisation's). `short` leaves out the year ("Mar 4"). Anything
 * that is not such a day is shown as it is.
 */
export function formatDay(day: string, language: string | undefined, style: 'medium' | 'short' = 'medium'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const options: Intl.DateTimeFormatOptions = style === 'medium' ? { dateStyle: 'medium', timeZone: 'UTC' } : { month: 'short', day: 'numeric', timeZone: 'UTC' };
  return dateFormat(language, options).format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

export function formatBytes(bytes: number, language: string | undefined): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
