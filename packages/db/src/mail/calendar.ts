/** What a calendar invite (text/calendar, RFC 5545) says, for the mail viewer. */
export interface CalendarEvent {
  summary: string;
  start: string | null;
  end: string | null;
  location: string | null;
  organizer: string | null;
  method: string | null;
}

const unescape = (v: string) => v.replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1').trim();

/** 20261124T100000Z, 20261124T100000 (floating or with TZID) or 20261124 as ISO text. */
function isoDate(value: string | undefined): string | null {
  const m = value?.match(/^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/);
  if (!m) return null;
  return m[4] ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ? 'Z' : ''}` : `${m[1]}-${m[2]}-${m[3]}`;
}

/** The events of an iCalendar text (unfolded, first 20). */
export function parseCalendar(text: string): CalendarEvent[] {
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const method = lines.find((l) => /^METHOD:/i.test(l))?.slice(7).trim() || null;
  const events: CalendarEvent[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (/^BEGIN:VEVENT/i.test(line)) current = {};
    else if (/^END:VEVENT/i.test(line) && current) {
      events.push({
        summary: unescape(current.SUMMARY ?? ''),
        start: isoDate(current.DTSTART),
        end: isoDate(current.DTEND),
        location: current.LOCATION ? unescape(current.LOCATION) : null,
        organizer: current.ORGANIZER ? current.ORGANIZER.replace(/^mailto:/i, '') : null,
        method,
      });
      current = null;
      if (events.length >= 20) break;
    } else if (current) {
      const m = line.match(/^([A-Z-]+)(?:;[^:]*)?:(.*)$/i);
      if (m && !(m[1].toUpperCase() in current)) current[m[1].toUpperCase()] = m[2];
    }
  }
  return events;
}
