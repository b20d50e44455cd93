/** How a todo's deadline reads at a glance: overdue in red, today in bold, later in normal type. */
export type DeadlineClass = 'overdue' | 'today' | 'later';

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function calendarDay(instant: Date, timeZone: string): string {
  let fmt = dayFormatters.get(timeZone);
  if (!fmt) {
    // en-CA formats dates as YYYY-MM-DD.
    fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, fmt);
  }
  return fmt.format(instant);
}

/**
 * A deadline that has passed is overdue; one still ahead on the same calendar day (in the
 * organisation's time zone) is today; anything after that is later.
 */
export function deadlineClass(deadline: Date, now: Date, timeZone: string): DeadlineClass {
  if (deadline.getTime() < now.getTime()) return 'overdue';
  return calendarDay(deadline, timeZone) === calendarDay(now, timeZone) ? 'today' : 'later';
}
