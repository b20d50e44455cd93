// Amounts as people type them in Hungary, Poland, Slovakia and elsewhere, parsed without ever
// changing their value: "1 250 000", "1.250.000,50", "1250000,50", "1,250,000.50" (English).
// The result is a plain decimal string ("1250000.50"), never a float, so nothing is rounded.

/** Why a text is not an amount; the web app translates the code (amount.errors.<code>). */
export type AmountErrorCode = 'AMOUNT_INVALID' | 'AMOUNT_AMBIGUOUS' | 'AMOUNT_TOO_PRECISE' | 'AMOUNT_TOO_LARGE';

export type AmountParse =
  | { ok: true; value: string }
  | { ok: false; code: AmountErrorCode; params?: Record<string, string | number> };

export interface AmountOptions {
  /** Decimal places allowed (2 for money: the database keeps numeric(14, 2)). */
  maxFractionDigits?: number;
  /** Digits allowed before the decimal separator (12 for numeric(14, 2)). */
  maxIntegerDigits?: number;
}

/** Languages that write a decimal comma (and group with spaces or dots). */
const COMMA_DECIMAL = new Set(['hu', 'pl', 'sk', 'cs', 'de', 'fr', 'it', 'es', 'pt', 'nl', 'ro', 'hr', 'sl', 'sr', 'bg', 'ru', 'uk', 'lt', 'lv', 'et', 'fi', 'sv', 'da', 'nb', 'no', 'tr']);

/** The decimal separator the locale writes: "," or ".". */
export function decimalSeparatorOf(locale: string | undefined): ',' | '.' {
  const language = (locale ?? 'en').toLowerCase().split(/[-_]/)[0];
  return COMMA_DECIMAL.has(language) ? ',' : '.';
}

// Spaces of every kind and the apostrophe group digits; they never mean a decimal point.
const GROUP_SPACES = /[\s\u00a0\u202f\u2009\u2007']/g;

/**
 * Parses an amount typed in the user's locale. Spaces, non-breaking spaces and (in comma locales)
 * dots group thousands; the decimal separator is the last "," or "." that cannot be a group
 * separator. Input that two readings could give different values to (e.g. "1,250" typed where a
 * comma is the decimal separator: 1.25 or 1250?) is refused as ambiguous rather than guessed.
 */
export function parseAmount(text: string, locale: string | undefined, options: AmountOptions = {}): AmountParse {
  const maxFraction = options.maxFractionDigits ?? 2;
  const maxInteger = options.maxIntegerDigits ?? 12;
  let s = text.trim();
  if (!s) return { ok: false, code: 'AMOUNT_INVALID' };
  let sign = '';
  if (s[0] === '-' || s[0] === '+' || s[0] === '\u2212') {
    sign = s[0] === '+' ? '' : '-';
    s = s.slice(1).trim();
  }
  const spaced = GROUP_SPACES.test(s);
  GROUP_SPACES.lastIndex = 0;
  if (spaced && !/^\d{1,3}([\s\u00a0\u202f\u2009\u2007']\d{3})*([.,]\d+)?$/.test(s)) return { ok: false, code: 'AMOUNT_INVALID' };
  s = s.replace(GROUP_SPACES, '');
  if (!/^(\d+|\d*[.,]\d+|\d+[.,]\d*)$/.test(s) && !/^\d{1,3}([.,]\d{3})+([.,]\d+)?$/.test(s)) return { ok: false, code: 'AMOUNT_INVALID' };

  const localeDecimal = decimalSeparatorOf(locale);
  let integer: string;
  let fraction = '';
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  if (dots && commas) {
    // Both: the last one is the decimal separator; the other groups thousands.
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const [whole, frac] = s.split(decimal);
    if (s.split(decimal).length > 2 || !/^\d{1,3}(\d{3})*$/.test(whole.split(group).join('')) || !validGroups(whole, group)) return { ok: false, code: 'AMOUNT_INVALID' };
    integer = whole.split(group).join('');
    fraction = frac;
  } else if (dots + commas === 0) {
    integer = s;
  } else {
    const sep = dots ? '.' : ',';
    const parts = s.split(sep);
    if (parts.length > 2) {
      // Several of one kind: they group thousands ("1.250.000").
      if (!validGroups(s, sep) || spaced) return { ok: false, code: 'AMOUNT_INVALID' };
      integer = parts.join('');
    } else {
      const [whole, frac] = parts;
      const couldGroup = !spaced && frac.length === 3 && /^\d{1,3}$/.test(whole) && !/^0$/.test(whole);
      if (!couldGroup) {
        integer = whole;
        fraction = frac;
      } else if (sep === localeDecimal) {
        // "1,250" in Budapest or "1.250" in London: a decimal by the locale, a thousand by habit.
        return { ok: false, code: 'AMOUNT_AMBIGUOUS', params: { text: text.trim() } };
      } else {
        integer = whole + frac;
      }
    }
  }
  integer = integer.replace(/^0+(?=\d)/, '') || '0';
  if (fraction.length > maxFraction) {
    if (/^0*$/.test(fraction.slice(maxFraction))) fraction = fraction.slice(0, maxFraction);
    else return { ok: false, code: 'AMOUNT_TOO_PRECISE', params: { max: maxFraction } };
  }
  if (integer.length > maxInteger) return { ok: false, code: 'AMOUNT_TOO_LARGE', params: { max: maxInteger } };
  const value = fraction ? `${integer}.${fraction}` : integer;
  return { ok: true, value: sign && /[1-9]/.test(value) ? `-${value}` : value };
}

function validGroups(whole: string, sep: string): boolean {
  const groups = whole.split(sep);
  return /^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

/** Fraction digits a currency is shown with (HUF without decimals, as Hungarians write it). */
export function currencyFractionDigits(currency: string, amount?: string | number): number {
  if (currency === 'HUF' || currency === 'JPY' || currency === 'KRW' || currency === 'ISK') {
    // A value that has fillér keeps them: showing fewer digits than stored would hide money.
    const text = amount === undefined ? '' : String(amount);
    const frac = text.includes('.') ? text.split('.')[1].replace(/0+$/, '') : '';
    return frac.length ? 2 : 0;
  }
  return 2;
}

/** An amount (decimal string or number) with its currency in the user's locale: "1 234,50 zł", "1 250 000 Ft". */
export function formatAmount(amount: string | number, currency: string, locale: string | undefined): string {
  const digits = currencyFractionDigits(currency, amount);
  const value = typeof amount === 'number' ? amount : Number(amount);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: Math.max(digits, 2) }).format(value);
  } catch {
    return `${new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: Math.max(digits, 2) }).format(value)} ${currency}`;
  }
}
