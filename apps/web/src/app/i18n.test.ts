import { LOCALES } from './domain';
import { browserLocale } from './i18n';
import { RESOURCES } from '../i18n/resources';

describe('the language before sign-in', () => {
  it('follows the browser: its first language we speak, by its base ("hu-HU" is Hungarian)', () => {
    expect(browserLocale(['hu-HU', 'en-US'])).toBe('hu');
    expect(browserLocale(['de-DE', 'HU'])).toBe('hu');
    expect(browserLocale(['en-GB', 'hu'])).toBe('en');
    expect(browserLocale(['pl-PL', 'en'])).toBe('pl');
    expect(browserLocale(['de-AT', 'sk-SK'])).toBe('sk');
  });
  it('falls back to English for a browser in none of our languages', () => {
    expect(browserLocale(['de-DE', 'fr'])).toBe('en');
    expect(browserLocale([])).toBe('en');
  });
});

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Flattens nested messages to "a.b.c" keys. */
function flatten(tree: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const [k, v] of flatten(value as Record<string, unknown>, path)) out.set(k, v);
    else out.set(path, String(value));
  }
  return out;
}

/** The keys a language must have: plural keys of English become that language's plural forms. */
function expectedKeys(english: Map<string, string>, locale: string): Set<string> {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of english.keys()) {
    if (PLURAL.test(key)) for (const category of categories) keys.add(key.replace(PLURAL, `_${category}`));
    else keys.add(key);
  }
  return keys;
}

const variables = (text: string) => [...new Set([...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]))].sort();

describe('every language speaks every message', () => {
  const english = flatten(RESOURCES.en.translation);
  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s has every key of English, in its own plural forms, and no other', (locale) => {
    const own = flatten(RESOURCES[locale].translation);
    const expected = expectedKeys(english, locale);
    expect([...expected].filter((key) => !own.has(key))).toEqual([]);
    // Extra keys are allowed only as plural forms of an English plural key.
    const extra = [...own.keys()].filter((key) => !expected.has(key) && !(PLURAL.test(key) && english.has(key.replace(PLURAL, '_other'))));
    expect(extra).toEqual([]);
  });
  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s uses the same interpolation variables as English', (locale) => {
    const own = flatten(RESOURCES[locale].translation);
    const mismatched: string[] = [];
    for (const [key, text] of own) {
      const source = english.get(key) ?? english.get(key.replace(PLURAL, '_other'));
      if (source === undefined) continue;
      const want = variables(source).filter((v) => v !== 'count' || !PLURAL.test(key));
      const have = variables(text).filter((v) => v !== 'count' || !PLURAL.test(key));
      if (JSON.stringify(want) !== JSON.stringify(have)) mismatched.push(`${key}: ${have.join(',')} vs ${want.join(',')}`);
    }
    expect(mismatched).toEqual([]);
  });
  it('Polish and Slovak have the few and many forms that i18next picks for 2 and 5', () => {
    const pl = flatten(RESOURCES.pl.translation);
    const plural = [...pl.keys()].find((key) => key.endsWith('_few'));
    expect(plural).toBeDefined();
    expect(new Intl.PluralRules('pl').select(2)).toBe('few');
    expect(new Intl.PluralRules('pl').select(5)).toBe('many');
    expect(new Intl.PluralRules('sk').select(3)).toBe('few');
  });
});
