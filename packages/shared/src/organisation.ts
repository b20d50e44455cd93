// The organisation's settings that the API and the web app both know the values of.

/** Languages whose alphabetical order sorts names (hu, pl, sk); en keeps the database's own order. */
export const ORG_LANGUAGES = ['hu', 'pl', 'sk', 'en'] as const;
export type OrgLanguage = (typeof ORG_LANGUAGES)[number];

/** Countries whose phones written without a country code are read as theirs (imports, new clients). */
export const ORG_COUNTRIES = ['HU', 'PL', 'SK', 'CZ'] as const;
export type OrgCountry = (typeof ORG_COUNTRIES)[number];

export const isOrgLanguage = (v: unknown): v is OrgLanguage => typeof v === 'string' && (ORG_LANGUAGES as readonly string[]).includes(v);
export const isOrgCountry = (v: unknown): v is OrgCountry => typeof v === 'string' && (ORG_COUNTRIES as readonly string[]).includes(v);

/** The language of a user's locale ("pl-PL" → pl), or en when it has no collation of its own. */
export function orgLanguageOf(locale: string | null | undefined): OrgLanguage {
  const l = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return isOrgLanguage(l) ? l : 'en';
}

/** The country a language's phones default to (English: Hungary, where the product started). */
export const COUNTRY_OF_LANGUAGE: Record<OrgLanguage, OrgCountry> = { hu: 'HU', pl: 'PL', sk: 'SK', en: 'HU' };
