import type { TFunction } from '../../../app/i18n';
import type { CardListCustomFieldsQuery, CustomFieldKind } from '../../../graphql/generated/graphql';
import { formatMoney } from './format';
import { formatDay } from '../../../ui/datetime';

export type ListCustomField = CardListCustomFieldsQuery['customFields'][number];

interface FormatContext {
  t: TFunction;
  language: string | undefined;
  /** User id → name, for USER fields. */
  users: ReadonlyMap<string, string>;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function cachedFormat(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let format = numberFormats.get(key);
  if (!format) {
    format = make();
    numberFormats.set(key, format);
  }
  return format;
}

function formatAmount(amount: number, currency: string, language: string | undefined): string {
  // Whole amounts read like the card's own value; cents only when there are some.
  if (Number.isInteger(amount)) return formatMoney(amount, currency, language);
  try {
    return cachedFormat(`${language}|${currency}|exact`, () =>
      new Intl.NumberFormat(language, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    ).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/**
 * A card's custom value as the list shows it, by the field's kind; null when the card has none.
 * Values of the wrong shape (the field's kind changed since) are shown as text rather than dropped.
 */
export function formatCustomValue(kind: CustomFieldKind, value: unknown, { t, language, users }: FormatContext): string | null {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  switch (kind) {
    case 'TEXT':
    case 'LONG_TEXT':
    case 'SELECT':
      return String(value);
    case 'NUMBER':
      return typeof value === 'number'
        ? cachedFormat(`${language}|number`, () => new Intl.NumberFormat(language)).format(value)
        : String(value);
    case 'MONEY': {
      const money = value as { amount?: unknown; currency?: unknown };
      return typeof money.amount === 'number' && typeof money.currency === 'string'
        ? formatAmount(money.amount, money.currency, language)
        : JSON.stringify(value);
    }
    case 'DATE':
      return typeof value === 'string' ? formatDay(value, language) : String(value);
    case 'MULTI_SELECT':
      return Array.isArray(value) ? value.map(String).join(', ') : String(value);
    case 'BOOLEAN':
      return value === true ? t('cards.custom.yes') : value === false ? t('cards.custom.no') : String(value);
    case 'USER':
      return typeof value === 'string' ? (users.get(value) ?? t('cards.custom.formerUser')) : String(value);
  }
}

/** Kinds the filter bar offers a choice for. */
export function isFilterable(kind: CustomFieldKind): boolean {
  return kind === 'SELECT' || kind === 'MULTI_SELECT' || kind === 'BOOLEAN';
}

/** The choices of a custom field's filter select (ids are what the select's value holds). */
export function customFilterOptions(field: ListCustomField, t: TFunction): { id: string; name: string }[] {
  if (field.kind === 'BOOLEAN') {
    return [
      { id: 'true', name: t('cards.custom.yes') },
      { id: 'false', name: t('cards.custom.no') },
    ];
  }
  return field.options.map((option) => ({ id: option, name: option }));
}

/** The select's choice as the `filter.custom` value the API expects (undefined: no condition). */
export function toCustomFilterValue(kind: CustomFieldKind, choice: string): unknown {
  if (!choice) return undefined;
  if (kind === 'BOOLEAN') return choice === 'true';
  // A multi-select matches cards that hold all of the given choices: one choice, as a list.
  if (kind === 'MULTI_SELECT') return [choice];
  return choice;
}

/** The inverse of toCustomFilterValue, for the select's value. */
export function fromCustomFilterValue(value: unknown): string {
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : '';
  return typeof value === 'string' ? value : '';
}
