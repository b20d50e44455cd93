import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../app/i18n';
import { RECIPIENT_STATES } from '@crm/shared';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { LoadError } from '../../../ui/LoadError';
import { PageHeader } from '../../../ui/PageHeader';
import { formatDateTime } from '../../../ui/datetime';
import { CAMPAIGN_QUERY, CAMPAIGN_REVIEW_QUERY } from '../graphql/campaigns';
import { useCampaignActions } from '../hooks/useCampaigns';
import { CampaignDialog } from './CampaignDialog';
import { CampaignStatus } from './CampaignStatus';
import { MailFrame } from '../../mail/components/MailFrame';

const MOVING = ['SCHEDULED', 'PREPARING', 'SENDING'];
const TOTALS = ['recipients', 'queued', 'sent', 'failed', 'bounced', 'unsubscribed', 'complained', 'replied', 'skipped'] as const;
/** Shown only for a campaign whose mails were tracked, and labelled approximate. */
const TRACKED_TOTALS = ['opened', 'clicked'] as const;

/** /campaigns/:campaignId: review and send a draft; follow a sending one; results per recipient. */
export function CampaignPage() {
  const { campaignId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const [state, setState] = useState('');
  const [offset, setOffset] = useState(0);
  const { data, previousData, loading, error, refetch, startPolling, stopPolling } = useQuery(CAMPAIGN_QUERY, { variables: { id: campaignId, state: state || null, page: { offset, limit: 50 } } });
  const shown = data ?? previousData;
  const campaign = shown?.campaign;
  const moving = !!campaign && MOVING.includes(campaign.status);
  // A campaign on its way updates itself (totals, states) until it stops moving.
  useEffect(() => {
    if (!moving) return undefined;
    startPolling(3000);
    return () => stopPolling();
  }, [moving, startPolling, stopPolling]);
  const actions = useCampaignActions();
  const [testSentTo, setTestSentTo] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'send' | 'cancel' | null>(null);
  const [editing, setEditing] = useState(false);

  if (loading && !shown) return <InlineLoading />;
  if (!campaign) return <LoadError title={t('campaigns.loadError')} error={error} onRetry={() => void refetch()} />;
  const recipients = shown.campaignRecipients;

  return (
    <div className="page page--wide">
      <nav className="breadcrumb" aria-label={t('campaigns.breadcrumb')}>
        <Link to="/campaigns">{t('campaigns.title')}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{campaign.name}</span>
      </nav>
      <PageHeader
        title={campaign.name}
        description={t('campaigns.summary', { list: campaign.listName, template: campaign.templateName, from: `${campaign.fromName} <${campaign.fromAddress}>` })}
        actions={
          <>
            <CampaignStatus status={campaign.status} />
            {MOVING.includes(campaign.status) && (
              <button type="button" className="button button--secondary" disabled={actions.loading} onClick={() => void actions.pause(campaign.id)}>
                {t('campaigns.actions.pause')}
              </button>
            )}
            {campaign.status === 'PAUSED' && (
              <button type="button" className="button button--primary" disabled={actions.loading} onClick={() => void actions.resume(campaign.id)}>
                {t('campaigns.actions.resume')}
              </button>
            )}
            {campaign.status === 'DRAFT' && (
              <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
                {t('campaigns.actions.edit')}
              </button>
            )}
            {[...MOVING, 'PAUSED', 'DRAFT'].includes(campaign.status) && (
              <button type="button" className="button button--secondary" onClick={() => setConfirm('cancel')}>
                {t('campaigns.actions.cancel')}
              </button>
            )}
          </>
        }
      />
      <ErrorAlert error={actions.error} />
      {campaign.scheduledAt && <p className="list-toolbar__hint">{t('campaigns.scheduledFor', { when: formatDateTime(campaign.scheduledAt, language) })}</p>}
      {campaign.status === 'DRAFT' ? (
        <Review
          campaignId={campaign.id}
          scheduled={!!campaign.scheduledAt}
          busy={actions.loading}
          testSentTo={testSentTo}
          onTest={async () => setTestSentTo((await actions.testSend(campaign.id)) ?? null)}
          onSend={() => setConfirm('send')}
          confirmOpen={confirm === 'send'}
          onCloseConfirm={() => setConfirm(null)}
          onConfirm={async (confirmMissing) => {
            if (await actions.send(campaign.id, confirmMissing)) setConfirm(null);
          }}
          error={actions.error}
        />
      ) : (
        <>
          <dl className="campaign-totals" aria-label={t('campaigns.totalsLabel')}>
            {[...TOTALS, ...(campaign.tracking ? TRACKED_TOTALS : [])].map((key) => (
              <div key={key} className={`campaign-totals__item${TRACKED_TOTALS.includes(key as (typeof TRACKED_TOTALS)[number]) ? ' campaign-totals__item--approximate' : ''}`}>
                <dt>{t(`campaigns.totals.${key}`)}</dt>
                <dd>{campaign.totals[key].toLocaleString(language)}</dd>
              </div>
            ))}
          </dl>
          {campaign.tracking && <p className="list-toolbar__hint">{t('campaigns.tracking.approximate')}</p>}
          <div className="list-toolbar">
            <div className="filter-field">
              <label className="filter-field__label" htmlFor="recipient-state">
                {t('campaigns.recipients.state')}
              </label>
              <select id="recipient-state" className="select select--compact" value={state} onChange={(event) => { setState(event.target.value); setOffset(0); }}>
                <option value="">{t('campaigns.recipients.anyState')}</option>
                {RECIPIENT_STATES.map((s) => (
                  <option key={s} value={s}>
                    {t(`campaigns.recipientState.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <p className="list-toolbar__total">{t('campaigns.recipients.total', { count: recipients.total })}</p>
          </div>
          <div className="table-wrap">
            <table className="table table--dense table--fixed">
              <caption className="visually-hidden">{t('campaigns.recipients.title')}</caption>
              <colgroup>
                <col className="recipients-col--email" />
                <col className="recipients-col--client" />
                <col className="recipients-col--contact" />
                <col className="recipients-col--state" />
                <col className="recipients-col--at" />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">{t('cards.columns.email')}</th>
                  <th scope="col">{t('clients.columns.name')}</th>
                  <th scope="col">{t('campaigns.recipients.contact')}</th>
                  <th scope="col">{t('campaigns.recipients.state')}</th>
                  <th scope="col">{t('campaigns.recipients.at')}</th>
                </tr>
              </thead>
              <tbody>
                {recipients.items.map((r) => (
                  <tr key={r.id}>
                    <th scope="row" className="table__primary" title={r.email}>
                      {r.email}
                    </th>
                    <td title={r.clientName}>
                      <Link className="table__link" to={`/clients/${r.clientId}`}>
                        {r.clientName}
                      </Link>
                    </td>
                    <td title={r.contactName ?? undefined}>{r.contactName ?? <span className="table__muted">—</span>}</td>
                    <td className="table__wrap">
                      {t(`campaigns.recipientState.${r.state}`)}
                      {r.skipReason && <span className="table__muted"> · {t(`campaigns.skipReason.${r.skipReason}`, { variables: (r.missing ?? []).map((v) => `{{${v}}}`).join(', ') })}</span>}
                    </td>
                    <td className="table__muted table__wrap">{r.at ? formatDateTime(r.at, language) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {recipients.total > 50 && (
            <nav className="pagination" aria-label={t('cards.pagination.label')}>
              <button type="button" className="button button--secondary button--small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - 50))}>
                {t('cards.pagination.previous')}
              </button>
              <button type="button" className="button button--secondary button--small" disabled={offset + 50 >= recipients.total} onClick={() => setOffset(offset + 50)}>
                {t('cards.pagination.next')}
              </button>
            </nav>
          )}
        </>
      )}
      {editing && <CampaignDialog campaign={campaign} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
      {confirm === 'cancel' && (
        <ConfirmDialog
          title={t('campaigns.cancelConfirm.title')}
          body={t('campaigns.cancelConfirm.body')}
          confirmLabel={t('campaigns.actions.cancel')}
          busy={actions.loading}
          error={actions.error}
          onClose={() => setConfirm(null)}
          onConfirm={async () => {
            if (await actions.cancel(campaign.id)) setConfirm(null);
          }}
        />
      )}
    </div>
  );
}

interface ReviewProps {
  campaignId: string;
  scheduled: boolean;
  busy: boolean;
  testSentTo: string | null;
  onTest: () => void;
  onSend: () => void;
  confirmOpen: boolean;
  onCloseConfirm: () => void;
  onConfirm: (confirmMissing: boolean) => void;
  error: ReturnType<typeof useCampaignActions>['error'];
}

/** Before sending: who gets it and who does not (and why), three real previews, a test to oneself. */
function Review({ campaignId, scheduled, busy, testSentTo, onTest, onSend, confirmOpen, onCloseConfirm, onConfirm, error }: ReviewProps) {
  const { t } = useTranslation();
  const { data, loading, error: loadError, refetch } = useQuery(CAMPAIGN_REVIEW_QUERY, { variables: { id: campaignId }, fetchPolicy: 'network-only' });
  if (loading && !data) return <InlineLoading />;
  const review = data?.campaignReview;
  if (!review) return <LoadError title={t('campaigns.review.loadError')} error={loadError} onRetry={() => void refetch()} />;
  const gaps = review.missingValues.length;
  return (
    <section className="campaign-review" aria-labelledby="campaign-review-title">
      <h2 id="campaign-review-title" className="section-title">
        {t('campaigns.review.title')}
      </h2>
      <p className="campaign-review__count">{t('campaigns.review.recipients', { count: review.recipients })}</p>
      <ul className="campaign-review__reasons">
        <li>{t('campaigns.review.clients', { count: review.clients })}</li>
        {review.noAddress > 0 && <li>{t('campaigns.review.noAddress', { count: review.noAddress })}</li>}
        {review.hidden > 0 && <li>{t('campaigns.review.hidden', { count: review.hidden })}</li>}
        {review.suppressed.map((s) => (
          <li key={s.reason}>{t(`campaigns.review.suppressed.${s.reason}`, { count: s.count })}</li>
        ))}
        {gaps > 0 && <li>{t('campaigns.review.missing', { count: gaps })}</li>}
      </ul>
      {gaps > 0 && (
        <div className="alert alert--warning" role="alert">
          <div>
            <p>{t('campaigns.review.missingWarning', { count: gaps })}</p>
            <ul className="campaign-review__gaps">
              {review.missingValues.slice(0, 20).map((g) => (
                <li key={g.email}>
                  {t('campaigns.review.gap', { client: g.clientName, email: g.email, variables: g.missing.map((v) => `{{${v}}}`).join(', ') })}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <h3 className="section-subtitle">{t('campaigns.review.previews')}</h3>
      <div className="campaign-previews">
        {review.previews.map((p) => (
          <figure key={p.email} className="campaign-preview">
            <figcaption>
              <strong>{p.subject}</strong>
              <span className="table__muted">{t('campaigns.review.to', { email: p.email, client: p.clientName })}</span>
            </figcaption>
            <div className="campaign-preview__frame">
              <MailFrame html={p.html} title={t('campaigns.review.previewFor', { email: p.email })} />
            </div>
          </figure>
        ))}
      </div>
      <div className="campaign-review__actions">
        <button type="button" className="button button--secondary" disabled={busy || review.recipients === 0} onClick={onTest}>
          {t('campaigns.actions.test')}
        </button>
        <button type="button" className="button button--primary" disabled={busy || review.recipients === 0} onClick={onSend}>
          {scheduled ? t('campaigns.actions.schedule') : t('campaigns.actions.send')}
        </button>
      </div>
      {testSentTo && (
        <p className="notice" role="status">
          {t('campaigns.review.testSent', { email: testSentTo })}
        </p>
      )}
      {confirmOpen && (
        <ConfirmDialog
          tone="primary"
          title={t('campaigns.sendConfirm.title', { count: review.recipients })}
          body={gaps ? t('campaigns.sendConfirm.withGaps', { count: gaps }) : t('campaigns.sendConfirm.body')}
          confirmLabel={gaps ? t('campaigns.sendConfirm.leaveOut', { count: gaps }) : scheduled ? t('campaigns.actions.schedule') : t('campaigns.actions.send')}
          busy={busy}
          error={error}
          onClose={onCloseConfirm}
          onConfirm={() => onConfirm(gaps > 0)}
        />
      )}
    </section>
  );
}
