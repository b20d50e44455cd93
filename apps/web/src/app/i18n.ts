import { useMemo, useSyncExternalStore } from 'react';
import { LOCALES, type Locale } from './domain';

type Tree = { [key: string]: unknown };
/** What a message may take: `count` picks its plural form (`_one`, `_few`, `_many`, `_other`), the rest fill `{{name}}`s. */
export type TOptions = { count?: number; defaultValue?: string } & Record<string, unknown>;
export type TFunction = (key: string, options?: TOptions) => string;
type Listener = (...args: never[]) => void;
type Event = 'languageChanged' | 'added' | 'missingKey';

const FALLBACK: Locale = 'en';
const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

function merge(into: Tree, from: Tree, overwrite: boolean) {
  for (const [key, value] of Object.entries(from)) {
    const current = into[key];
    if (value && typeof value === 'object' && current && typeof current === 'object') merge(current as Tree, value as Tree, overwrite);
    else if (overwrite || current === undefined) into[key] = value && typeof value === 'object' ? merge({}, value as Tree, true) : value;
  }
  return into;
}

/**
 * The app's messages and the language on screen: messages by dotted key with `{{name}}` placeholders
 * and plural forms chosen by Intl.PluralRules (i18next's JSON format, which the message files keep).
 * A message missing in the language on screen reads in English, else as its key (or `defaultValue`).
 */
class Translations {
  language: string = FALLBACK;
  isInitialized = false;
  /** Counts every change of language or messages: what `t` returns may have changed. */
  version = 0;
  private bundles = new Map<string, Tree>();
  private listeners = new Map<Event, Set<Listener>>();
  private plurals = new Map<string, Intl.PluralRules>();
  private counts = new Map<string, Intl.NumberFormat>();

  get resolvedLanguage() {
    return this.language;
  }

  t: TFunction = (key, options) => this.translate(this.language, key, options);

  getFixedT(language: string): TFunction {
    return (key, options) => this.translate(language, key, options);
  }

  exists(key: string) {
    return this.lookup(this.language, key) !== undefined;
  }

  hasResourceBundle(language: string, _namespace = 'translation') {
    return this.bundles.has(language);
  }

  addResourceBundle(language: string, _namespace: string, messages: Tree, _deep = true, overwrite = false) {
    this.bundles.set(language, merge(this.bundles.get(language) ?? {}, messages, overwrite));
    this.changed('added', language);
  }

  removeResourceBundle(language: string, _namespace = 'translation') {
    this.bundles.delete(language);
    this.changed('added', language);
  }

  async changeLanguage(language: string) {
    this.language = language;
    this.changed('languageChanged', language);
  }

  on(event: Event, listener: Listener) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
  }

  off(event: Event, listener: Listener) {
    this.listeners.get(event)?.delete(listener);
  }

  /** For useSyncExternalStore: called on every change. */
  subscribe = (listener: () => void) => {
    const all = (['languageChanged', 'added'] as const).map((event) => {
      this.on(event, listener);
      return () => this.off(event, listener);
    });
    return () => all.forEach((stop) => stop());
  };

  private emit(event: Event, ...args: unknown[]) {
    for (const listener of [...(this.listeners.get(event) ?? [])]) (listener as (...a: unknown[]) => void)(...args);
  }

  private changed(event: Event, language: string) {
    this.version += 1;
    this.emit(event, language);
  }

  private plural(language: string, count: number) {
    let rules = this.plurals.get(language);
    if (!rules) {
      rules = new Intl.PluralRules(language);
      this.plurals.set(language, rules);
    }
    return rules.select(count);
  }

  private countFormat(language: string) {
    let format = this.counts.get(language);
    if (!format) {
      format = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
      this.counts.set(language, format);
    }
    return format;
  }

  private lookup(language: string, key: string, count?: number): string | undefined {
    for (const candidate of language === FALLBACK ? [language] : [language, FALLBACK]) {
      let node: unknown = this.bundles.get(candidate);
      const path = key.split('.');
      const last = path.pop()!;
      for (const part of path) node = node && typeof node === 'object' ? (node as Tree)[part] : undefined;
      if (!node || typeof node !== 'object') continue;
      const group = node as Tree;
      const text = (typeof count === 'number' ? group[`${last}_${this.plural(candidate, count)}`] : undefined) ?? group[last];
      if (typeof text === 'string') return text;
    }
    return undefined;
  }

  private translate(language: string, key: string, options?: TOptions): string {
    let text = this.lookup(language, key, options?.count);
    if (text === undefined) {
      this.emit('missingKey', [language], 'translation', key);
      text = options?.defaultValue ?? key;
    }
    if (!options || !text.includes('{{')) return text;
    return text.replace(PLACEHOLDER, (placeholder, name: string) => {
      const value = options[name];
      if (value == null) return name in options ? '' : placeholder;
      // `count` is a quantity: grouped the language's way ("1,773 cards", "1773 adatlap").
      if (name === 'count' && typeof value === 'number') return this.countFormat(language).format(value);
      return String(value);
    });
  }
}

const i18n = new Translations();

/** The messages in the language on screen; renders again when the language or its messages change. */
export function useTranslation() {
  const version = useSyncExternalStore(i18n.subscribe, () => i18n.version);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => ({ t: ((key, options) => i18n.t(key, options)) as TFunction, i18n }), [version]);
}

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

/** The language chosen on this device before, or null (none, or no storage). */
function chosenLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

/** The language chosen on this device before, else the browser's (the login page speaks it too). */
const storedLocale = (): Locale => chosenLocale() ?? browserLocale();

/** Whether a language was chosen on this device (it outranks the profile's until the next sign-in). */
export const hasStoredLocale = (): boolean => chosenLocale() !== null;

/** The language on screen. */
function shownLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}

/** Sets the language up once, synchronously, with the given messages (tests pass every language). */
export function initI18n(lng: Locale = storedLocale(), resources: Partial<Record<Locale, { translation: Record<string, unknown> }>> = {}) {
  if (!i18n.isInitialized) {
    i18n.isInitialized = true;
    for (const [locale, bundle] of Object.entries(resources)) {
      complete.set(locale, Promise.resolve());
      i18n.addResourceBundle(locale, 'translation', bundle.translation, true, true);
    }
    i18n.language = lng;
    // A message the first screen's selection lacks: fetch the whole language; the screen renders again when it is here.
    i18n.on('missingKey', () => void loadLocale(shownLocale()));
    document.documentElement.lang = i18n.language;
    i18n.on('languageChanged', (language: string) => {
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
