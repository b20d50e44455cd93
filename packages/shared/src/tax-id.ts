// Tax and VAT numbers of Hungary, Poland, Slovakia and Czechia: recognised, checked by their check
// digits and written in their usual form. Pure logic, shared by the API (validation) and the web app.

export type TaxCountry = 'HU' | 'PL' | 'SK' | 'CZ';

/** Why a text is not a valid tax number; the web app translates the code (taxId.errors.<code>). */
export type TaxIdErrorCode = 'TAX_ID_FORMAT' | 'TAX_ID_CHECKSUM' | 'TAX_ID_COUNTRY' | 'TAX_ID_AMBIGUOUS';

export type TaxIdCheck =
  | { ok: true; country: TaxCountry; /** digits only, with the EU prefix when the VAT form was given */ normalized: string; formatted: string; vat: boolean }
  | { ok: false; code: TaxIdErrorCode; params?: Record<string, string> };

const digits = (s: string) => [...s].map(Number);

/** HU adószám: 8-digit base (weights 9 7 3 1 9 7 3, check = (10 - sum mod 10) mod 10), VAT code 1–5, county code. */
function hungarian(d: string): boolean {
  const n = digits(d.slice(0, 8));
  const sum = [9, 7, 3, 1, 9, 7, 3].reduce((acc, w, i) => acc + w * n[i], 0);
  if ((10 - (sum % 10)) % 10 !== n[7]) return false;
  return d.length === 8 || (/^[1-5]$/.test(d[8]) && /^(0[1-9]|1\d|20|22|41|42|44|51)$/.test(d.slice(9, 11)));
}

/** PL NIP: weights 6 5 7 2 3 4 5 6 7, the sum mod 11 is the tenth digit (10 never is). */
function polish(d: string): boolean {
  const n = digits(d);
  const sum = [6, 5, 7, 2, 3, 4, 5, 6, 7].reduce((acc, w, i) => acc + w * n[i], 0) % 11;
  return sum !== 10 && sum === n[9];
}

/** SK DIČ and IČ DPH: ten digits divisible by 11, not starting with 0. */
const slovak = (d: string) => d[0] !== '0' && BigInt(d) % 11n === 0n;

/** CZ DIČ of a company: its IČO (weights 8…2, check = (11 - sum mod 11) mod 10); of a person: a birth number. */
function czech(d: string): boolean {
  if (d.length === 8) {
    const n = digits(d);
    const sum = [8, 7, 6, 5, 4, 3, 2].reduce((acc, w, i) => acc + w * n[i], 0);
    return (11 - (sum % 11)) % 10 === n[7];
  }
  if (d.length === 10) return BigInt(d) % 11n === 0n;
  return d.length === 9;
}

function check(country: TaxCountry, d: string, vat: boolean): TaxIdCheck {
  const fail = (code: TaxIdErrorCode): TaxIdCheck => ({ ok: false, code, params: { country } });
  switch (country) {
    case 'HU':
      if (!(vat ? /^\d{8}$/ : /^\d{8}(\d{3})?$/).test(d)) return fail('TAX_ID_FORMAT');
      if (!hungarian(d)) return fail('TAX_ID_CHECKSUM');
      return { ok: true, country, vat, normalized: vat ? `HU${d}` : d, formatted: vat ? `HU${d}` : d.length === 11 ? `${d.slice(0, 8)}-${d[8]}-${d.slice(9)}` : d };
    case 'PL':
      if (!/^\d{10}$/.test(d)) return fail('TAX_ID_FORMAT');
      if (!polish(d)) return fail('TAX_ID_CHECKSUM');
      return { ok: true, country, vat, normalized: vat ? `PL${d}` : d, formatted: vat ? `PL${d}` : `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}` };
    case 'SK':
      if (!/^\d{10}$/.test(d)) return fail('TAX_ID_FORMAT');
      if (!slovak(d)) return fail('TAX_ID_CHECKSUM');
      return { ok: true, country, vat, normalized: vat ? `SK${d}` : d, formatted: vat ? `SK${d}` : d };
    case 'CZ':
      if (!/^\d{8,10}$/.test(d)) return fail('TAX_ID_FORMAT');
      if (!czech(d)) return fail('TAX_ID_CHECKSUM');
      return { ok: true, country, vat: true, normalized: `CZ${d}`, formatted: `CZ${d}` };
  }
}

/**
 * Checks a tax number as typed: "12345676-2-41" or "HU12345676" (Hungary), "526-104-08-28" or
 * "PL5261040828" (Poland), "2020317068" or "SK2020317068" (Slovakia), "CZ25596641" (Czechia).
 * Without an EU prefix the country is read from the form, or taken from `country` when the form
 * fits several (ten digits are Polish or Slovak).
 */
export function checkTaxId(text: string, country?: TaxCountry | null): TaxIdCheck {
  const compact = text.toUpperCase().replace(/[\s\-./]/g, '');
  const prefixed = /^([A-Z]{2})(\d+)$/.exec(compact);
  if (prefixed) {
    const code = prefixed[1] === 'EL' ? 'GR' : prefixed[1];
    if (!['HU', 'PL', 'SK', 'CZ'].includes(code)) return { ok: false, code: 'TAX_ID_COUNTRY', params: { country: code } };
    return check(code as TaxCountry, prefixed[2], true);
  }
  if (!/^\d+$/.test(compact)) return { ok: false, code: 'TAX_ID_FORMAT', params: { country: country ?? '' } };
  if (country) return check(country, compact, false);
  if (compact.length === 11) return check('HU', compact, false);
  if (compact.length === 10) {
    const pl = check('PL', compact, false);
    const sk = check('SK', compact, false);
    if (pl.ok && sk.ok) return { ok: false, code: 'TAX_ID_AMBIGUOUS' };
    return pl.ok ? pl : sk.ok ? sk : { ok: false, code: 'TAX_ID_CHECKSUM', params: { country: '' } };
  }
  return { ok: false, code: 'TAX_ID_FORMAT', params: { country: '' } };
}

/** A tax number in its usual written form when its check digits are right; as typed otherwise. */
export function formatTaxId(text: string): string {
  const check = checkTaxId(text);
  return check.ok ? check.formatted : text;
}
