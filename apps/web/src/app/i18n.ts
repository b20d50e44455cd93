import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from './domain';
import en from '../i18n/en.json';
import hu from '../i18n/hu.json';
import cardEn from '../i18n/card.en.json';
import cardHu from '../i18n/card.hu.json';
import mailEn from '../i18n/mail.en.json';
import mailHu from '../i18n/mail.hu.json';
import automationsEn from '../i18n/automations.en.json';
import automationsHu from '../i18n/automations.hu.json';
import fieldsEn from '../i18n/fields.en.json';
import fieldsHu from '../i18n/fields.hu.json';
import exportsEn from '../i18n/exports.en.json';
import exportsHu from '../i18n/exports.hu.json';
import listsEn from '../i18n/lists.en.json';
import listsHu from '../i18n/lists.hu.json';
import importsEn from '../i18n/imports.en.json';
import importsHu from '../i18n/imports.hu.json';

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

/** Initialises i18next once, synchronously (the resources are bundled). */
export function initI18n(lng: Locale = storedLocale()) {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: { en: { translation: { ...en, ...cardEn, ...mailEn, ...automationsEn, ...fieldsEn, ...exportsEn, ...listsEn, ...importsEn } }, hu: { translation: { ...hu, ...cardHu, ...mailHu, ...automationsHu, ...fieldsHu, ...exportsHu, ...listsHu, ...importsHu } } },
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

/** Switches the UI language and remembers it on this device. */
export async function applyLocale(locale: string) {
  if (!isLocale(locale)) return;
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export { i18n };
