import type { TaxCountry } from '@crm/shared';
import { fetchWithin, ProviderUnavailable, type CompanyLookupProvider, type CompanyRecord } from './provider';

/** VIES answers "---" where a member state does not share a name or address. */
const shared = (v: unknown) => (typeof v === 'string' && v.trim() && v.trim() !== '---' ? v.trim() : null);

/**
 * The EU VIES VAT check (its REST API: GET <base>/ms/<country>/vat/<number>): whether a number is
 * registered for intra-EU VAT, and the name and address the member state shares.
 */
export class ViesProvider implements CompanyLookupProvider {
  readonly name = 'VIES';
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  supports(): boolean {
    return true;
  }

  async lookup(country: TaxCountry, digits: string): Promise<CompanyRecord | null> {
    // A Hungarian VAT number is the adószám's first eight digits.
    const number = country === 'HU' ? digits.slice(0, 8) : digits;
    const res = await fetchWithin(this.name, `${this.baseUrl.replace(/\/$/, '')}/ms/${country}/vat/${number}`, { headers: { Accept: 'application/json' } }, this.timeoutMs);
    if (!res.ok) throw new ProviderUnavailable(this.name, `HTTP ${res.status}`);
    let body: Record<string, unknown>;
    try {
      body = (await res.json()) as Record<string, unknown>;
    } catch {
      throw new ProviderUnavailable(this.name, 'not JSON');
    }
    const error = typeof body.userError === 'string' ? body.userError : 'VALID';
    // The member state's own service is down, busy or timed out: try again later.
    if (!['VALID', 'INVALID'].includes(error)) throw new ProviderUnavailable(this.name, error);
    if (body.isValid !== true) return { name: null, address: null, vatStatus: 'INACTIVE' };
    return { name: shared(body.name), address: shared(body.address)?.replace(/\s*\n\s*/g, ', ') ?? null, vatStatus: 'ACTIVE' };
  }
}
