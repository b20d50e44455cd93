import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from './domain';

/** One chunk per language: the app downloads only the one it shows. */
const LOADERS: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('../i18n/locale.en'),
  hu: () => import('../i18n/locale.hu'),
  pl: () => import('../i18n/locale.pl'),
  sk: () => import('../i18n/locale.sk'),
};

export const LOCALE_STORAGE_KEY = 'crm.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The first of the browser's languages we speak ("hu-HU" counts as "hu"), else English. */
export function browserLocale(languages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]): Locale {
  for (const language of languages) {
    const base = language?.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

/** The language chosen on this device before, else the browser's (the login page speaks it too). */
function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : browserLocale();
  } catch {
    return browserLocale();
  }
}

/** Initialises i18next once, synchronously, with the given messages (tests pass every language). */
export function initI18n(lng: Locale = storedLocale(), resources: Partial<Record<Locale, { translation: Record<string, unknown> }>> = {}) {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources,
      partialBundledLanguages: true,
      lng,
      fallbackLng: 'en',
      supportedLngs: [...LOCALES],
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    });
    document.documentElement.lang = i18n.language;
    i18n.on('languageChanged', (language) => {
      document.documentElement.lang = language;
    });
  }
  return i18n;
}

/** Downloads a language's messages once. */
export async function loadLocale(locale: Locale) {
  if (i18n.hasResourceBundle(locale, 'translation')) return;
  const { default: messages } = await LOADERS[locale]();
  i18n.addResourceBundle(locale, 'translation', messages, true, true);
}

/** Starts the app's i18n in the language chosen before (or the browser's), once its messages are here. */
export async function startI18n() {
  const locale = storedLocale();
  initI18n(locale);
  await loadLocale(locale);
  // Trigger a re-render of anything that rendered before the messages arrived.
  await i18n.changeLanguage(locale);
}

/** Switches the UI language and remembers it on this device. */
export async function applyLocale(locale: string) {
  if (!isLocale(locale)) return;
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  await loadLocale(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export { i18n };
