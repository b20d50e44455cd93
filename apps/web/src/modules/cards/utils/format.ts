import { deadlineClass, type DeadlineClass } from '@crm/shared';
import { dateFormat, orgTimeZone } from '../../../ui/datetime';

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * A money amount in its currency, in the UI language: whole amounts without decimals, cents when
 * there are any (1 250 000,50 is never shown as 1 250 001). `compact` is for column headers (1,3 M).
 * A decimal string ("2079.9488") is formatted as the exact decimal it is (no float on the way).
 */
export function formatMoney(amount: number | string, currency: string, language: string | undefined, compact = false): string {
  const cents = !compact && (typeof amount === 'string' ? /\.\d*[1-9]/.test(amount) : !Number.isInteger(amount));
  const key = `${language}|${currency}|${compact}|${cents}`;
  let format = moneyFormats.get(key);
  if (!format) {
    const digits = compact ? { maximumFractionDigits: 1 } : { minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: cents ? 2 : 0 };
    try {
      format = new Intl.NumberFormat(language, { style: 'currency', currency, notation: compact ? 'compact' : 'standard', ...digits });
    } catch {
      // An unknown currency code: show the number with the code after it.
      return `${new Intl.NumberFormat(language, digits).format(amount as Intl.StringNumericLiteral)} ${currency}`;
    }
    moneyFormats.set(key, format);
  }
  return format.format(amount as Intl.StringNumericLiteral);
}

export interface DeadlineDisplay {
  tone: DeadlineClass;
  /** Time for today, date (and time) otherwise. */
  text: string;
}

/** How a todo deadline reads: its class (overdue, today, later) and a short date or time. */
export function describeDeadline(deadline: string, language: string | undefined, now = new Date()): DeadlineDisplay {
  const date = new Date(deadline);
  const tone = deadlineClass(date, now, orgTimeZone());
  const sameYear = date.getFullYear() === now.getFullYear();
  const text =
    tone === 'today'
      ? dateFormat(language, { timeStyle: 'short', timeZone: orgTimeZone() }).format(date)
      : dateFormat(language, {
          month: 'short',
          day: 'numeric',
          year: sameYear ? undefined : 'numeric',
          timeZone: orgTimeZone(),
        }).format(date);
  return { tone, text };
}

export function formatDate(value: string, language: string | undefined): string {
  return dateFormat(language, { dateStyle: 'medium', timeZone: orgTimeZone() }).format(new Date(value));
}

/** The currencies offered when entering a value (Central European teams first). */
export const CURRENCIES = ['EUR', 'HUF', 'PLN', 'CZK', 'RON', 'USD', 'GBP', 'CHF'] as const;
