import type { TFunction } from '../app/i18n';
import { decimalSeparatorOf, parseAmount } from '@crm/shared';

export type AmountReading = { ok: true; value: number | null } | { ok: false; error: string };

/**
 * Reads an amount field as the user typed it in their language ("1 250 000", "1.250.000,50"):
 * empty is null; anything ambiguous or too precise is an error message, never a guess or a rounding.
 */
export function readAmount(text: string, language: string | undefined, t: TFunction): AmountReading {
  if (!text.trim()) return { ok: true, value: null };
  const parsed = parseAmount(text, language);
  if (!parsed.ok) return { ok: false, error: t(`amount.errors.${parsed.code}`, { ...parsed.params, decimal: decimalSeparatorOf(language) }) };
  const value = Number(parsed.value);
  if (value < 0) return { ok: false, error: t('amount.errors.AMOUNT_NEGATIVE') };
  return { ok: true, value };
}

/** An amount as the user would type it back (grouped, decimals only when there are some), for editing. */
export function amountInputText(value: number | null | undefined, language: string | undefined): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2, minimumFractionDigits: Number.isInteger(value) ? 0 : 2 }).format(value);
}
