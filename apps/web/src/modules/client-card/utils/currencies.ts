/** ISO 4217 codes offered for deals: the Central European ones first, then the rest A–Z. */
const FIRST = ['HUF', 'EUR', 'PLN', 'CZK'];
const OTHERS = [
  'AED', 'AUD', 'BAM', 'BGN', 'BRL', 'CAD', 'CHF', 'CNY', 'DKK', 'GBP', 'HKD', 'HRK', 'ILS', 'INR', 'ISK',
  'JPY', 'KRW', 'MDL', 'MKD', 'MXN', 'NOK', 'NZD', 'RON', 'RSD', 'RUB', 'SAR', 'SEK', 'SGD', 'THB', 'TRY',
  'UAH', 'USD', 'ZAR',
];

export const DEAL_CURRENCIES: readonly string[] = [...FIRST, ...OTHERS];
export const PREFERRED_CURRENCY_COUNT = FIRST.length;

/** The currency's name in the UI language, when the browser knows it. */
export function currencyName(code: string, language: string | undefined): string {
  try {
    return new Intl.DisplayNames(language, { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}
