import { deadlineClass, DEFAULT_TIME_ZONE, type DeadlineClass } from '@crm/shared';

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** A money amount in its currency, in the UI language (no decimals: cards carry whole amounts). */
export function formatMoney(amount: number, currency: string, language: string | undefined, compact = false): string {
  const key = `${language}|${currency}|${compact}`;
  let format = moneyFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(language, {
        style: 'currency',
        currency,
        maximumFractionDigits: compact ? 1 : 0,
        notation: compact ? 'compact' : 'standard',
      });
    } catch {
      // An unknown currency code: show the number with the code after it.
      const plain = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
      return `${plain.format(amount)} ${currency}`;
    }
    moneyFormats.set(key, format);
  }
  return format.format(amount);
}

export interface DeadlineDisplay {
  tone: DeadlineClass;
  /** Time for today, date (and time) otherwise. */
  text: string;
}

/** How a todo deadline reads: its class (overdue, today, later) and a short date or time. */
export function describeDeadline(deadline: string, language: string | undefined, now = new Date()): DeadlineDisplay {
  const date = new Date(deadline);
  const tone = deadlineClass(date, now, DEFAULT_TIME_ZONE);
  const sameYear = date.getFullYear() === now.getFullYear();
  const text =
    tone === 'today'
      ? new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone: DEFAULT_TIME_ZONE }).format(date)
      : new Intl.DateTimeFormat(language, {
          month: 'short',
          day: 'numeric',
          year: sameYear ? undefined : 'numeric',
          timeZone: DEFAULT_TIME_ZONE,
        }).format(date);
  return { tone, text };
}

export function formatDate(value: string, language: string | undefined): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: DEFAULT_TIME_ZONE }).format(new Date(value));
}

/** The currencies offered when entering a value (Central European teams first). */
export const CURRENCIES = ['EUR', 'HUF', 'PLN', 'CZK', 'RON', 'USD', 'GBP', 'CHF'] as const;
