import type { TaxCountry } from '@crm/shared';

/** A company as a registry describes it. */
export interface CompanyRecord {
  name: string | null;
  address: string | null;
  /** ACTIVE: registered for EU VAT (VIES says valid); INACTIVE: not; null: this registry does not say. */
  vatStatus: 'ACTIVE' | 'INACTIVE' | null;
  /** The registry's own ids (REGON...), for the record. */
  registryIds?: Record<string, string>;
}

/** The registry could not answer (down, timed out, refused our key, answered nonsense). */
export class ProviderUnavailable extends Error {
  constructor(
    readonly provider: string,
    detail: string,
  ) {
    super(`${provider}: ${detail}`);
  }
}

/** One registry: which countries it knows, and a look-up by a checked tax number. */
export interface CompanyLookupProvider {
  readonly name: string;
  supports(country: TaxCountry): boolean;
  /** `digits`: the tax number's digits without the country prefix (checked already). Null: not found. */
  lookup(country: TaxCountry, digits: string): Promise<CompanyRecord | null>;
}

/** fetch with a deadline; network failures and timeouts become ProviderUnavailable. */
export async function fetchWithin(provider: string, url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new ProviderUnavailable(provider, (err as Error).name === 'TimeoutError' ? 'timed out' : 'unreachable');
  }
}
