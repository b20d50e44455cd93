import { loadBaseCurrency, loadOrganisationTimeZone, saveBaseCurrency } from '@crm/db';
import { addDays, todayIn } from '@crm/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { badFields, fieldProblem, notFound, refused, type FieldProblem } from '../../graphql/errors';
import { diff, withAudit } from '../audit/audit';
import { CURRENCIES } from '../cards/card.types';
import type { ExchangeRateInput, ExchangeRateType } from './exchange-rate.types';
import { ORGANISATION_AUDIT_ID } from './organisation.service';

/** How far ahead a rate may start: a year (a later day is a typo, and would sit unused). */
export const RATE_MAX_DAYS_AHEAD = 366;
const RATE = /^\d{1,12}(\.\d{1,10})?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const COLUMNS = `id, base_currency AS "baseCurrency", currency, to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", trim_scale(rate)::text AS rate, updated_at AS "updatedAt"`;

/** A currency code as typed ("huf ") in its ISO 4217 spelling, or null when Intl does not know it. */
export function knownCurrency(code: string): string | null {
  const upper = code.trim().toUpperCase();
  return CURRENCIES.includes(upper) ? upper : null;
}

/**
 * The organisation's base currency and the exchange rates Admins enter into it (dated, one per
 * currency per day). Rates are kept per base currency: choosing another base shows (and reports
 * use) the rates entered for that one. Every change is audited.
 */
export class ExchangeRateService {
  constructor(
    private readonly ds: DataSource,
    /** ORG_TIME_ZONE: the zone until an admin saves one (a rate's day is a day in the organisation's zone). */
    private readonly fallbackTimeZone: string,
  ) {}

  baseCurrency(): Promise<string | null> {
    return loadBaseCurrency(this.ds.manager);
  }

  /** Sets (or with null clears) the base currency. */
  async setBaseCurrency(actorId: string, code: string | null): Promise<string | null> {
    const currency = code === null || code.trim() === '' ? null : knownCurrency(code);
    if (code !== null && code.trim() !== '' && !currency) throw badFields('Unknown currency.', { currency: currencyProblem() });
    await withAudit(this.ds, actorId, 'organisation', 'update', async (em) => {
      const before = await loadBaseCurrency(em);
      await saveBaseCurrency(em, currency, actorId);
      return { id: ORGANISATION_AUDIT_ID, changes: diff({ baseCurrency: before }, { baseCurrency: currency }, ['baseCurrency']), result: undefined };
    });
    return currency;
  }

  /** The rates into the current base currency, by currency then newest first (none without a base). */
  async list(): Promise<ExchangeRateType[]> {
    const base = await this.baseCurrency();
    if (!base) return [];
    return this.ds.query(`SELECT ${COLUMNS} FROM exchange_rates WHERE base_currency = $1 ORDER BY currency, valid_from DESC`, [base]);
  }

  async create(actorId: string, input: ExchangeRateInput): Promise<ExchangeRateType> {
    return withAudit(this.ds, actorId, 'exchange_rate', 'create', async (em) => {
      const v = await this.validate(em, input);
      const [row] = await this.unique(() =>
        em.query(`INSERT INTO exchange_rates (base_currency, currency, valid_from, rate, updated_by_id) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`, [v.base, v.currency, v.validFrom, v.rate, actorId]),
      );
      return { id: row.id, changes: diff(null, audited(row), ['baseCurrency', 'currency', 'validFrom', 'rate']), result: row };
    });
  }

  async update(actorId: string, id: string, input: ExchangeRateInput): Promise<ExchangeRateType> {
    return withAudit(this.ds, actorId, 'exchange_rate', 'update', async (em) => {
      const before = await this.get(em, id);
      const v = await this.validate(em, input);
      const [[row]] = await this.unique(() =>
        em.query(`UPDATE exchange_rates SET base_currency = $2, currency = $3, valid_from = $4, rate = $5, updated_by_id = $6, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`, [
          id, v.base, v.currency, v.validFrom, v.rate, actorId,
        ]),
      );
      return { id, changes: diff(audited(before), audited(row), ['baseCurrency', 'currency', 'validFrom', 'rate']), result: row };
    });
  }

  async delete(actorId: string, id: string): Promise<boolean> {
    return withAudit(this.ds, actorId, 'exchange_rate', 'delete', async (em) => {
      const before = await this.get(em, id);
      await em.query(`DELETE FROM exchange_rates WHERE id = $1`, [id]);
      return { id, changes: diff<Audited>(audited(before), { baseCurrency: null, currency: null, validFrom: null, rate: null }, ['baseCurrency', 'currency', 'validFrom', 'rate']), result: true };
    });
  }

  private async get(em: EntityManager, id: string): Promise<ExchangeRateType> {
    const [row] = await em.query(`SELECT ${COLUMNS} FROM exchange_rates WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw notFound('Exchange rate');
    return row;
  }

  /** Every problem of the input at once, each a field code; the base currency must be set first. */
  private async validate(em: EntityManager, input: ExchangeRateInput) {
    const base = await loadBaseCurrency(em);
    if (!base) throw refused('BASE_CURRENCY_NOT_SET', 'Choose the base currency before entering rates.');
    const problems: Record<string, FieldProblem> = {};
    const currency = knownCurrency(input.currency);
    if (!currency) problems.currency = currencyProblem();
    else if (currency === base) problems.currency = fieldProblem('RATE_OF_BASE_CURRENCY', `${base} is the base currency: its rate is always 1.`, { currency: base });
    const rate = input.rate.trim();
    if (/^-/.test(rate) || (RATE.test(rate) && !/[1-9]/.test(rate))) problems.rate = fieldProblem('RATE_NOT_POSITIVE', 'Enter a rate greater than 0.');
    else if (!RATE.test(rate)) problems.rate = fieldProblem('RATE_INVALID', 'Enter the rate as a number with at most 12 digits before and 10 after the decimal point.', { max: 10 });
    const validFrom = input.validFrom.trim();
    const latest = addDays(todayIn(await loadOrganisationTimeZone(em, this.fallbackTimeZone)), RATE_MAX_DAYS_AHEAD);
    if (!realDay(validFrom)) problems.validFrom = fieldProblem('DATE_INVALID', 'Enter a day as YYYY-MM-DD.');
    else if (validFrom > latest) problems.validFrom = fieldProblem('RATE_DATE_TOO_FAR', `Choose a day on or before ${latest}.`, { max: latest });
    if (Object.keys(problems).length) throw badFields('Some fields are not valid.', problems);
    return { base, currency: currency!, validFrom, rate };
  }

  /** The one-rate-per-currency-per-day index as a field conflict. */
  private async unique<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (e) {
      if ((e as { driverError?: { constraint?: string } }).driverError?.constraint === 'exchange_rates_lookup_idx') {
        throw badFields('This currency already has a rate from that day.', { validFrom: fieldProblem('RATE_DAY_TAKEN', 'This currency already has a rate from that day.') }, 'CONFLICT');
      }
      throw e;
    }
  }
}

const currencyProblem = () => fieldProblem('CURRENCY_UNKNOWN', 'Use an ISO 4217 currency code such as HUF, EUR or PLN.');

function realDay(day: string): boolean {
  if (!DAY.test(day) || day < '1900-01-01') return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

type Audited = Record<'baseCurrency' | 'currency' | 'validFrom' | 'rate', string | null>;
const audited = (r: ExchangeRateType): Audited => ({ baseCurrency: r.baseCurrency, currency: r.currency, validFrom: r.validFrom, rate: r.rate });

