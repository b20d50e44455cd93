import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../app/i18n';
import { EmptyState } from '../../../ui/EmptyState';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { PlusIcon } from '../../../ui/icons';
import { MailIcon } from '../../mail/components/MailIcon';
import { LoadError } from '../../../ui/LoadError';
import { PageHeader } from '../../../ui/PageHeader';
import { formatDateTime } from '../../../ui/datetime';
import { CAMPAIGNS_QUERY } from '../graphql/campaigns';
import { CampaignDialog } from './CampaignDialog';
import { CampaignStatus } from './CampaignStatus';

/** /campaigns: every campaign with its state and totals. */
export function CampaignsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const { data, loading, error, refetch } = useQuery(CAMPAIGNS_QUERY);
  const campaigns = data?.campaigns ?? [];
  let body;
  if (loading && !data) body = <InlineLoading />;
  else if (error && !data) body = <LoadError title={t('campaigns.loadError')} error={error} onRetry={() => void refetch()} />;
  else if (!campaigns.length) body = <EmptyState icon={<MailIcon />} title={t('campaigns.emptyTitle')} body={t('campaigns.emptyBody')} />;
  else
    body = (
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('campaigns.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('campaigns.form.name')}</th>
              <th scope="col">{t('campaigns.form.list')}</th>
              <th scope="col">{t('campaigns.statusLabel')}</th>
              <th scope="col" className="table__num">{t('campaigns.totals.sent')}</th>
              <th scope="col" className="table__num">{t('campaigns.totals.recipients')}</th>
              <th scope="col">{t('campaigns.when')}</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.id}>
                <th scope="row" className="table__primary">
                  <Link className="table__link" to={`/campaigns/${c.id}`}>
                    {c.name}
                  </Link>
                </th>
                <td>{c.listName}</td>
                <td>
                  <CampaignStatus status={c.status} />
                </td>
                <td className="table__num">{c.totals.sent.toLocaleString(language)}</td>
                <td className="table__num">{c.totals.recipients.toLocaleString(language)}</td>
                <td className="table__muted">{c.scheduledAt ? formatDateTime(c.scheduledAt, language) : c.startedAt ? formatDateTime(c.startedAt, language) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  return (
    <div className="page page--wide">
      <PageHeader
        title={t('campaigns.title')}
        description={t('campaigns.description')}
        actions={
          <>
            <Link className="button button--secondary" to="/campaigns/suppressions">
              {t('campaigns.suppressions.nav')}
            </Link>
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              <PlusIcon />
              {t('campaigns.new')}
            </button>
          </>
        }
      />
      {body}
      {creating && <CampaignDialog onClose={() => setCreating(false)} onSaved={(id) => navigate(`/campaigns/${id}`)} />}
    </div>
  );
}
