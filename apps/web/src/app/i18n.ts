import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from './domain';

type Messages = { default: Record<string, unknown> };

/** One chunk per language: the app downloads only the one it shows. */
const LOADERS: Record<Locale, () => Promise<Messages>> = {
  en: () => import('../i18n/locale.en'),
  hu: () => import('../i18n/locale.hu'),
  pl: () => import('../i18n/locale.pl'),
  sk: () => import('../i18n/locale.sk'),
};

/** The first screen's messages of each language (i18n/first.ts): all the app waits for before it renders. */
const FIRST_SCREEN_LOADERS: Record<Locale, () => Promise<Messages>> = {
  en: () => import('../i18n/first.en'),
  hu: () => import('../i18n/first.hu'),
  pl: () => import('../i18n/first.pl'),
  sk: () => import('../i18n/first.sk'),
};

/** Each language whose every message is here or on its way. */
const complete = new Map<string, Promise<void>>();

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

/** The language on screen. */
function shownLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}

/** Initialises i18next once, synchronously, with the given messages (tests pass every language). */
export function initI18n(lng: Locale = storedLocale(), resources: Partial<Record<Locale, { translation: Record<string, unknown> }>> = {}) {
  if (!i18n.isInitialized) {
    for (const locale of Object.keys(resources)) complete.set(locale, Promise.resolve());
    void i18n.use(initReactI18next).init({
      resources,
      partialBundledLanguages: true,
      lng,
      fallbackLng: 'en',
      supportedLngs: [...LOCALES],
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
      // A message the first screen's selection lacks: fetch the whole language; the screen renders again when it is here.
      saveMissing: true,
      missingKeyHandler: () => void loadLocale(shownLocale()),
      react: { bindI18nStore: 'added' },
    });
    document.documentElement.lang = i18n.language;
    i18n.on('languageChanged', (language) => {
      document.documentElement.lang = language;
    });
  }
  return i18n;
}

/** Downloads all of a language's messages, once. */
export function loadLocale(locale: Locale): Promise<void> {
  let loading = complete.get(locale);
  if (!loading) {
    loading = LOADERS[locale]().then(({ default: messages }) => {
      i18n.addResourceBundle(locale, 'translation', messages, true, true);
    });
    loading.catch(() => complete.delete(locale));
    complete.set(locale, loading);
  }
  return loading;
}

/** A lazily loaded page or dialog, with the rest of the shown language's messages beside it (the first screen has only its own). */
export function withMessages<T>(chunk: Promise<T>): Promise<T> {
  return Promise.all([chunk, loadLocale(shownLocale())]).then(([module]) => module);
}

/** Starts the app's i18n in the language chosen before (or the browser's), once its first screen's messages are here. */
export async function startI18n() {
  const locale = storedLocale();
  initI18n(locale);
  if (complete.has(locale)) await complete.get(locale);
  else {
    const { default: messages } = await FIRST_SCREEN_LOADERS[locale]();
    i18n.addResourceBundle(locale, 'translation', messages, true, false);
  }
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
  // The language on screen has what the screen shows already (pages bring the rest); another one comes whole.
  if (i18n.language === locale) return;
  await loadLocale(locale);
  await i18n.changeLanguage(locale);
}

export { i18n };
