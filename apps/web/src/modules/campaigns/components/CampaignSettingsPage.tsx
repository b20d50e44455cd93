import '../../organisation/organisation.css';
import { useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../app/i18n';
import type { CampaignSettingsFieldsFragment } from '../../../graphql/generated/graphql';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { LoadError } from '../../../ui/LoadError';
import { PageHeader } from '../../../ui/PageHeader';
import { CAMPAIGN_SETTINGS_QUERY } from '../graphql/campaigns';
import { useUpdateCampaignSettings } from '../hooks/useCampaigns';
import { useNotice } from '../../../ui/useNotice';

/** /settings/campaigns (admins): how fast campaign mail goes out, and whether opens and clicks are tracked. */
export function CampaignSettingsPage() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(CAMPAIGN_SETTINGS_QUERY);
  let body;
  if (loading && !data) body = <InlineLoading />;
  else if (!data) body = <LoadError title={t('campaigns.settings.loadError')} error={error} onRetry={() => void refetch()} />;
  else body = <CampaignSettingsForm settings={data.campaignSettings} />;
  return (
    <div className="page">
      <PageHeader title={t('campaigns.settings.title')} description={t('campaigns.settings.description')} />
      {body}
    </div>
  );
}

const whole = (s: string) => (/^\d{1,6}$/.test(s.trim()) ? Number(s.trim()) : null);

function CampaignSettingsForm({ settings }: { settings: CampaignSettingsFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const n = (x: number) => x.toLocaleString(i18n.resolvedLanguage);
  const { update, loading, error } = useUpdateCampaignSettings();
  const [perMinute, setPerMinute] = useState(String(settings.perMinute));
  const [perDomain, setPerDomain] = useState(String(settings.perDomainPerMinute));
  const [tracking, setTracking] = useState(settings.tracking);
  const [problems, setProblems] = useState<Record<string, string | undefined>>({});
  const [notice, setNotice] = useNotice();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    const total = whole(perMinute);
    const domain = whole(perDomain);
    const found = {
      perMinute: total === null || total < 1 || total > 100000 ? t('campaigns.settings.range', { min: n(1), max: n(100000) }) : undefined,
      perDomainPerMinute:
        domain === null || domain < 1 || domain > 100000
          ? t('campaigns.settings.range', { min: n(1), max: n(100000) })
          : total !== null && domain > total
            ? t('campaigns.settings.domainAboveTotal', { max: n(total) })
            : undefined,
    };
    setProblems(found);
    if (Object.values(found).some(Boolean)) return;
    const saved = await update({ perMinute: total!, perDomainPerMinute: domain!, tracking });
    if (saved) setNotice(t('campaigns.settings.saved'));
  };

  const serverFields = error?.fields ?? {};
  return (
    <section className="panel org-settings" aria-labelledby="campaign-settings">
      <h2 id="campaign-settings" className="panel__title">
        {t('campaigns.settings.throttleTitle')}
      </h2>
      <div className="notice-region" role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <form className="form" noValidate onSubmit={submit}>
        {error && Object.keys(serverFields).length === 0 && <ErrorAlert error={error} />}
        <Field label={t('campaigns.settings.perMinute')} error={problems.perMinute ?? serverFields.perMinute} hint={t('campaigns.settings.perMinuteHint', { fallback: n(settings.defaultPerMinute) })}>
          <input className="input" inputMode="numeric" value={perMinute} onChange={(event) => setPerMinute(event.target.value)} />
        </Field>
        <Field
          label={t('campaigns.settings.perDomain')}
          error={problems.perDomainPerMinute ?? serverFields.perDomainPerMinute}
          hint={t('campaigns.settings.perDomainHint', { fallback: n(settings.defaultPerDomainPerMinute) })}
        >
          <input className="input" inputMode="numeric" value={perDomain} onChange={(event) => setPerDomain(event.target.value)} />
        </Field>
        <h2 className="panel__title form__section-title">{t('campaigns.settings.trackingTitle')}</h2>
        <label className="check-label">
          <input type="checkbox" className="checkbox" checked={tracking} onChange={(event) => setTracking(event.target.checked)} />
          {t('campaigns.settings.tracking')}
        </label>
        <p className="field__hint">{t('campaigns.settings.trackingHint')}</p>
        <div className="org-settings__actions">
          <button type="submit" className="button button--primary" disabled={loading} aria-busy={loading}>
            {t('campaigns.settings.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
