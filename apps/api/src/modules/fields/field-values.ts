import { CustomFieldKind } from './field.types';

export interface FieldDefinition {
  kind: CustomFieldKind;
  options: string[];
  required: boolean;
}

/** Why a value does not fit its field: English for API clients, a code (serverFields.<code>) for the web app. */
export interface FieldValueError {
  error: string;
  code: string;
  params?: Record<string, number>;
}

/**
 * Checks a custom field value against its field's kind. Returns the value to store, or an error
 * message for the user. `null` clears the value (not allowed when the field is required).
 */
export function checkFieldValue(field: FieldDefinition, value: unknown, isUser: (id: string) => boolean): { value: unknown } | FieldValueError {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return field.required ? { error: 'This field is required.', code: 'FIELD_REQUIRED' } : { value: null };
  }
  switch (field.kind) {
    case CustomFieldKind.TEXT:
      return typeof value === 'string' && value.length <= 500 ? { value: value.trim() } : { error: 'Enter text of at most 500 characters.', code: 'TEXT_TOO_LONG', params: { max: 500 } };
    case CustomFieldKind.LONG_TEXT:
      return typeof value === 'string' && value.length <= 10_000 ? { value } : { error: 'Enter text of at most 10,000 characters.', code: 'TEXT_TOO_LONG', params: { max: 10_000 } };
    case CustomFieldKind.NUMBER:
      return typeof value === 'number' && Number.isFinite(value) ? { value } : { error: 'Enter a number.', code: 'NUMBER_EXPECTED' };
    case CustomFieldKind.MONEY: {
      const m = value as { amount?: unknown; currency?: unknown };
      const ok = typeof m === 'object' && typeof m.amount === 'number' && Number.isFinite(m.amount) && typeof m.currency === 'string' && /^[A-Z]{3}$/.test(m.currency);
      return ok ? { value: { amount: m.amount, currency: m.currency } } : { error: 'Enter an amount and a currency such as HUF.', code: 'MONEY_EXPECTED' };
    }
    case CustomFieldKind.DATE:
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? { value } : { error: 'Enter a date as YYYY-MM-DD.', code: 'DATE_EXPECTED' };
    case CustomFieldKind.SELECT:
      return typeof value === 'string' && field.options.includes(value) ? { value } : { error: 'Pick one of the choices.', code: 'CHOICE_EXPECTED' };
    case CustomFieldKind.MULTI_SELECT:
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && field.options.includes(v)) ? { value: [...new Set(value)] } : { error: 'Pick from the choices.', code: 'CHOICES_EXPECTED' };
    case CustomFieldKind.BOOLEAN:
      return typeof value === 'boolean' ? { value } : { error: 'Choose yes or no.', code: 'YES_NO_EXPECTED' };
    case CustomFieldKind.USER:
      return typeof value === 'string' && isUser(value) ? { value } : { error: 'Choose an active user.', code: 'ACTIVE_USER' };
  }
}
