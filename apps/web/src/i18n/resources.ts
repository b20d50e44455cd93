// Every language at once, for tests (the app loads one language at a time: app/i18n.ts).
import type { Locale } from '../app/domain';
import en from './locale.en';
import hu from './locale.hu';
import pl from './locale.pl';
import sk from './locale.sk';

export const RESOURCES = {
  en: { translation: en },
  hu: { translation: hu },
  pl: { translation: pl },
  sk: { translation: sk },
} satisfies Record<Locale, { translation: Record<string, unknown> }>;
