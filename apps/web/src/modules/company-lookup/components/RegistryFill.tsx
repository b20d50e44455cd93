import { useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from '../../../app/i18n';
import { checkTaxId, type TaxCountry } from '@crm/shared';
import type { LookupCompanyQuery } from '../../../graphql/generated/graphql';
import { describeError } from '../../../app/errors';
import { useOrganisation } from '../../organisation/hooks/useOrganisation';
import { LOOKUP_COMPANY_QUERY } from '../graphql/company-lookup';

export type RegistryCompany = LookupCompanyQuery['lookupCompany'];

/** Ten digits are a Polish NIP or a Slovak DIČ: the organisation's country decides (else the check asks). */
export function preferredTaxCountry(orgCountry: string | null | undefined): TaxCountry | null {
  return orgCountry === 'PL' || orgCountry === 'SK' ? orgCountry : null;
}

interface RegistryFillProps {
  taxId: string;
  /** Called with what the registry found (name, address, the tax number in its usual form). */
  onFill: (company: RegistryCompany) => void;
}

/**
 * Under a tax number that passes its check digits: "Fill from registry" (VIES, GUS), or a clear
 * note that no registry is configured for that country. Ten digits read as the organisation's
 * country when they could be Polish or Slovak.
 */
export function RegistryFill({ taxId, onFill }: RegistryFillProps) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const { organisation } = useOrganisation();
  const [state, setState] = useState<{ for: string; loading?: boolean; message?: string; tone?: 'info' | 'danger' } | null>(null);
  const preferred = preferredTaxCountry(organisation?.defaultCountry);
  const check = taxId.trim() ? checkTaxId(taxId, preferred) : null;
  if (!check?.ok) return null;
  const country = t(`taxId.countries.${check.country}`);
  const configured = organisation?.companyLookupCountries.includes(check.country) ?? false;
  if (!configured) {
    return (
      <p className="registry-fill registry-fill--off" role="note">
        {t('companyLookup.notConfigured', { country })}
      </p>
    );
  }
  // The answer belongs to the number, however it is written (filling rewrites it in its usual form).
  const key = check.normalized;
  const current = state?.for === key ? state : null;

  const fill = async () => {
    setState({ for: key, loading: true });
    try {
      const { data } = await client.query({ query: LOOKUP_COMPANY_QUERY, variables: { taxId, country: check.country }, fetchPolicy: 'network-only' });
      const found = data?.lookupCompany;
      if (!found) throw new Error('no answer');
      if (found.code === 'FOUND') {
        onFill(found);
        const vat = found.vatStatus ? ` ${t(`companyLookup.vat.${found.vatStatus}`)}` : '';
        setState({ for: key, message: t('companyLookup.filled', { sources: found.sources.join(', ') }) + vat, tone: 'info' });
      } else if (found.code === 'INVALID_TAX_ID') {
        setState({ for: key, message: t(`taxId.errors.${found.taxIdError ?? 'TAX_ID_FORMAT'}`, { country }), tone: 'danger' });
      } else {
        const vat = found.code === 'NOT_FOUND' && found.vatStatus ? ` ${t(`companyLookup.vat.${found.vatStatus}`)}` : '';
        setState({ for: key, message: t(`companyLookup.codes.${found.code}`, { country }) + vat, tone: 'danger' });
      }
    } catch (error) {
      setState({ for: key, message: describeError(error, t).message, tone: 'danger' });
    }
  };

  return (
    <div className="registry-fill">
      <button type="button" className="button button--secondary button--small" onClick={() => void fill()} disabled={current?.loading} aria-busy={current?.loading}>
        {current?.loading ? t('companyLookup.filling') : t('companyLookup.fill')}
      </button>
      <span className={`registry-fill__status${current?.tone === 'danger' ? ' registry-fill__status--danger' : ''}`} role="status">
        {current?.message ?? ''}
      </span>
    </div>
  );
}
