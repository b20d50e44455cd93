import { checkTaxId, type TaxCountry } from '@crm/shared';
import type { Logger } from '../../logger';
import { GusProvider } from './gus';
import { ProviderUnavailable, type CompanyLookupProvider, type CompanyRecord } from './provider';
import { ViesProvider } from './vies';

export type CompanyLookupCode = 'FOUND' | 'NOT_CONFIGURED' | 'NOT_FOUND' | 'INVALID_TAX_ID' | 'PROVIDER_UNAVAILABLE';

export interface CompanyLookupResult {
  code: CompanyLookupCode;
  /** Why the tax number is not valid (taxId.errors.<code> in the web app), with INVALID_TAX_ID. */
  taxIdError?: string | null;
  country?: TaxCountry | null;
  taxId?: string | null;
  name?: string | null;
  address?: string | null;
  vatStatus?: 'ACTIVE' | 'INACTIVE' | null;
  regon?: string | null;
  /** The registries that answered. */
  sources: string[];
}

export interface CompanyLookupConfig {
  viesUrl: string | null;
  gusUrl: string | null;
  gusKey: string | null;
  timeoutMs: number;
}

/** The providers the environment configures (none: the look-up is off). */
export function providersFrom(c: CompanyLookupConfig): CompanyLookupProvider[] {
  const providers: CompanyLookupProvider[] = [];
  // The national registry first: its name and address win over what VIES shares.
  if (c.gusUrl && c.gusKey) providers.push(new GusProvider(c.gusUrl, c.gusKey, c.timeoutMs));
  if (c.viesUrl) providers.push(new ViesProvider(c.viesUrl, c.timeoutMs));
  return providers;
}

/**
 * Fills a new client from the registries by its tax number: every configured registry that knows
 * the number's country is asked at once; the first name and address found win, VIES says the VAT
 * status. Registries that fail are logged (never shown) and make the answer PROVIDER_UNAVAILABLE
 * only when no other one found the company.
 */
export class CompanyLookupService {
  constructor(
    private readonly providers: CompanyLookupProvider[],
    private readonly logger: Logger,
  ) {}

  /** Names of the configured registries and the countries each knows. */
  configured(): Array<{ name: string; countries: TaxCountry[] }> {
    return this.providers.map((p) => ({ name: p.name, countries: (['HU', 'PL', 'SK', 'CZ'] as const).filter((c) => p.supports(c)) }));
  }

  async lookup(taxId: string, country: TaxCountry | null): Promise<CompanyLookupResult> {
    const check = checkTaxId(taxId, country);
    if (!check.ok) return { code: 'INVALID_TAX_ID', taxIdError: check.code, sources: [] };
    const base = { country: check.country, taxId: check.formatted };
    const providers = this.providers.filter((p) => p.supports(check.country));
    if (!providers.length) return { code: 'NOT_CONFIGURED', ...base, sources: [] };
    const digits = check.normalized.replace(/^[A-Z]{2}/, '');
    const answers = await Promise.allSettled(providers.map((p) => p.lookup(check.country, digits)));
    const found: Array<{ provider: string; record: CompanyRecord }> = [];
    let failed = false;
    answers.forEach((a, i) => {
      if (a.status === 'fulfilled') {
        if (a.value) found.push({ provider: providers[i].name, record: a.value });
        return;
      }
      failed = true;
      const err = a.reason;
      if (err instanceof ProviderUnavailable) this.logger.warn({ provider: providers[i].name, problem: err.message }, 'company registry unavailable');
      else this.logger.error({ err, provider: providers[i].name }, 'company registry look-up failed');
    });
    const named = found.find((f) => f.record.name);
    const vat = found.find((f) => f.record.vatStatus)?.record.vatStatus ?? null;
    const result = {
      ...base,
      name: named?.record.name ?? null,
      address: found.find((f) => f.record.address)?.record.address ?? null,
      vatStatus: vat,
      regon: found.find((f) => f.record.registryIds?.REGON)?.record.registryIds?.REGON ?? null,
      sources: found.map((f) => f.provider),
    };
    // Found: a name, or a number registered for VAT (some states share no name).
    if (named || vat === 'ACTIVE') return { code: 'FOUND', ...result };
    return { code: failed ? 'PROVIDER_UNAVAILABLE' : 'NOT_FOUND', ...result };
  }
}
