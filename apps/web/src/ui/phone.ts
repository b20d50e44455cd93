import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * A phone number as people read it: in the organisation's country's national format when it is that
 * country's ("06 20 123 4567" in Hungary, "601 234 567" in Poland), in international format otherwise
 * ("+421 903 123 456"). National numbers are read as the organisation's country's. What is not a
 * valid number there (a foreign number typed without its country code, say) is shown as it was
 * typed: reformatting it would only strip the typist's separators ("16-372-50-46" to "163725046").
 */
export function formatPhone(phone: string, country: string | null | undefined): string {
  const parsed = parsePhoneNumberFromString(phone, (country ?? undefined) as CountryCode | undefined);
  if (!parsed?.isValid()) return phone;
  return country && parsed.country === country ? parsed.formatNational() : parsed.formatInternational();
}

/** The tel: link of a phone (E.164 when it parses). */
export function phoneHref(phone: string, country: string | null | undefined): string {
  const parsed = parsePhoneNumberFromString(phone, (country ?? undefined) as CountryCode | undefined);
  return `tel:${parsed?.isPossible() ? parsed.number : phone.replace(/\s+/g, '')}`;
}
