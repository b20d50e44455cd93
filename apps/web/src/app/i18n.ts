import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from './domain';
import coreEn from '../i18n/en.json';
import cardEn from '../i18n/card.en.json';
import mailEn from '../i18n/mail.en.json';
import automationsEn from '../i18n/automations.en.json';
import fieldsEn from '../i18n/fields.en.json';
import exportsEn from '../i18n/exports.en.json';
import listsEn from '../i18n/lists.en.json';
import importsEn from '../i18n/imports.en.json';
import taxidEn from '../i18n/taxid.en.json';
import serverEn from '../i18n/server.en.json';
import campaignsEn from '../i18n/campaigns.en.json';
import coreHu from '../i18n/hu.json';
import cardHu from '../i18n/card.hu.json';
import mailHu from '../i18n/mail.hu.json';
import automationsHu from '../i18n/automations.hu.json';
import fieldsHu from '../i18n/fields.hu.json';
import exportsHu from '../i18n/exports.hu.json';
import listsHu from '../i18n/lists.hu.json';
import importsHu from '../i18n/imports.hu.json';
import taxidHu from '../i18n/taxid.hu.json';
import serverHu from '../i18n/server.hu.json';
import campaignsHu from '../i18n/campaigns.hu.json';
import corePl from '../i18n/pl.json';
import cardPl from '../i18n/card.pl.json';
import mailPl from '../i18n/mail.pl.json';
import automationsPl from '../i18n/automations.pl.json';
import fieldsPl from '../i18n/fields.pl.json';
import exportsPl from '../i18n/exports.pl.json';
import listsPl from '../i18n/lists.pl.json';
import importsPl from '../i18n/imports.pl.json';
import taxidPl from '../i18n/taxid.pl.json';
import serverPl from '../i18n/server.pl.json';
import campaignsPl from '../i18n/campaigns.pl.json';
import coreSk from '../i18n/sk.json';
import cardSk from '../i18n/card.sk.json';
import mailSk from '../i18n/mail.sk.json';
import automationsSk from '../i18n/automations.sk.json';
import fieldsSk from '../i18n/fields.sk.json';
import exportsSk from '../i18n/exports.sk.json';
import listsSk from '../i18n/lists.sk.json';
import importsSk from '../i18n/imports.sk.json';
import taxidSk from '../i18n/taxid.sk.json';
import serverSk from '../i18n/server.sk.json';
import campaignsSk from '../i18n/campaigns.sk.json';

/** Every area's messages per language (one file per area and language in src/i18n). */
export const RESOURCES = {
  en: { translation: { ...coreEn, ...cardEn, ...mailEn, ...automationsEn, ...fieldsEn, ...exportsEn, ...listsEn, ...importsEn, ...taxidEn, ...serverEn, ...campaignsEn } },
  hu: { translation: { ...coreHu, ...cardHu, ...mailHu, ...automationsHu, ...fieldsHu, ...exportsHu, ...listsHu, ...importsHu, ...taxidHu, ...serverHu, ...campaignsHu } },
  pl: { translation: { ...corePl, ...cardPl, ...mailPl, ...automationsPl, ...fieldsPl, ...exportsPl, ...listsPl, ...importsPl, ...taxidPl, ...serverPl, ...campaignsPl } },
  sk: { translation: { ...coreSk, ...cardSk, ...mailSk, ...automationsSk, ...fieldsSk, ...exportsSk, ...listsSk, ...importsSk, ...taxidSk, ...serverSk, ...campaignsSk } },
} satisfies Record<Locale, { translation: Record<string, unknown> }>;

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
      resources: RESOURCES,
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
