import type { EntityManager } from 'typeorm';
import type { SqlParams } from '../sql/card-filter';

/** The organisation's base currency (ISO 4217), or null: reports show money per currency only. */
export async function loadBaseCurrency(em: EntityManager): Promise<string | null> {
  const [row] = await em.query(`SELECT base_currency FROM organisation_settings WHERE id = 1`);
  return row?.base_currency ?? null;
}

/** Saves the base currency (null: none); the caller has validated it. */
export async function saveBaseCurrency(em: EntityManager, currency: string | null, actorId: string | null): Promise<void> {
  await em.query(
    `INSERT INTO organisation_settings (id, base_currency, updated_by_id, updated_at) VALUES (1, $1, $2, now())
     ON CONFLICT (id) DO UPDATE SET base_currency = $1, updated_by_id = $2, updated_at = now()`,
    [currency, actorId],
  );
}

/**
 * SQL for a LATERAL join giving `rate`: units of `base` per unit of the currency in `currencyExpr`
 * on the day `dayExpr` (a date): 1 for the base itself, else the latest rate valid on or before the
 * day (one probe of exchange_rates_lookup_idx), else null (no rate: the value cannot be converted).
 * Use as `LEFT JOIN LATERAL (${rateAt(...)}) r ON true`; multiply numerics, never floats.
 */
export function rateAt(base: string, currencyExpr: string, dayExpr: string, p: SqlParams): string {
  const b = p.param(base);
  return `SELECT CASE WHEN ${currencyExpr} = ${b}::bpchar THEN 1::numeric ELSE (
      SELECT x.rate FROM exchange_rates x WHERE x.base_currency = ${b}::bpchar AND x.currency = ${currencyExpr} AND x.valid_from <= ${dayExpr}
      ORDER BY x.valid_from DESC LIMIT 1) END AS rate`;
}
