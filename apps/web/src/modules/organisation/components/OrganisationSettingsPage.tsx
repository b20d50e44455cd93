import '../organisation.css';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { OrganisationSettingsFragment } from '../../../graphql/generated/graphql';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { LoadError } from '../../../ui/LoadError';
import { PageHeader } from '../../../ui/PageHeader';
import { ExchangeRatesSection } from './ExchangeRatesSection';
import { browserTimeZone, knownTimeZones, useOrganisation, useUpdateOrganisation } from '../hooks/useOrganisation';
import { useNotice } from '../../../ui/useNotice';

const LANGUAGES = ['hu', 'pl', 'sk', 'en'] as const;
const COUNTRIES = ['HU', 'PL', 'SK', 'CZ'] as const;

/** /settings/organisation: the organisation's time zone, sorting language and phone country (admins). */
export function OrganisationSettingsPage() {
  const { t } = useTranslation();
  const { organisation, loading, error, refetch } = useOrganisation();
  let body;
  if (loading) body = <InlineLoading />;
  else if (!organisation) body = <LoadError title={t('orgSettings.loadError')} error={error} onRetry={() => void refetch()} />;
  else
    body = (
      <>
        <OrganisationForm organisation={organisation} />
        <ExchangeRatesSection key={organisation.baseCurrency ?? ''} baseCurrency={organisation.baseCurrency ?? null} />
      </>
    );
  return (
    <div className="page">
      <PageHeader title={t('orgSettings.title')} description={t('orgSettings.description')} />
      {body}
    </div>
  );
}

function OrganisationForm({ organisation }: { organisation: OrganisationSettingsFragment }) {
  const { t } = useTranslation();
  const { update, loading, error } = useUpdateOrganisation();
  const [timeZone, setTimeZone] = useState(organisation.timeZone);
  const [language, setLanguage] = useState(organisation.language);
  const [defaultCountry, setDefaultCountry] = useState(organisation.defaultCountry);
  const [notice, setNotice] = useNotice();
  const zones = useMemo(() => knownTimeZones(timeZone), [timeZone]);
  const browserZone = browserTimeZone();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    const saved = await update({ timeZone, language, defaultCountry });
    if (saved) setNotice(t('orgSettings.saved'));
  };

  return (
    <section className="panel org-settings" aria-labelledby="org-settings">
      <h2 id="org-settings" className="panel__title">
        {t('orgSettings.formTitle')}
      </h2>
      <div className="notice-region" role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <form className="form" noValidate onSubmit={submit}>
        {error && Object.keys(error.fields).length === 0 && <ErrorAlert error={error} />}
        <Field
          label={t('orgSettings.timeZone')}
          error={error?.fields.timeZone}
          hint={
            browserZone && browserZone !== timeZone
              ? t('orgSettings.timeZoneHintBrowser', { browser: browserZone, fallback: organisation.defaultTimeZone })
              : t('orgSettings.timeZoneHint', { fallback: organisation.defaultTimeZone })
          }
        >
          <select className="select" value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('orgSettings.language')} error={error?.fields.language} hint={t('orgSettings.languageHint')}>
          <select className="select" value={language} onChange={(e) => setLanguage(e.target.value)}>
            {LANGUAGES.map((option) => (
              <option key={option} value={option}>
                {t(`language.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('orgSettings.defaultCountry')} error={error?.fields.defaultCountry} hint={t('orgSettings.defaultCountryHint')}>
          <select className="select" value={defaultCountry} onChange={(e) => setDefaultCountry(e.target.value)}>
            {COUNTRIES.map((option) => (
              <option key={option} value={option}>
                {t(`orgSettings.countries.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="org-settings__actions">
          <button type="submit" className="button button--primary" disabled={loading} aria-busy={loading}>
            {t('orgSettings.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
