import { useMutation, useQuery } from '@apollo/client/react';
import { Fragment, useState } from 'react';
import { useTranslation } from '../../../app/i18n';
import { Link, useParams } from 'react-router-dom';
import { useMutationErrors } from '../../../app/useMutationErrors';
import type { WebhookDeliveryState } from '../../../graphql/generated/graphql';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { LoadError } from '../../../ui/LoadError';
import { PageHeader } from '../../../ui/PageHeader';
import { formatDateTime } from '../../../ui/datetime';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';
import { REDELIVER_WEBHOOK_MUTATION, WEBHOOK_DELIVERIES_QUERY, WEBHOOKS_QUERY } from '../graphql/webhooks';

const STATES: WebhookDeliveryState[] = ['PENDING', 'DELIVERED', 'FAILED', 'SKIPPED', 'CANCELLED'];
const BADGE: Record<WebhookDeliveryState, string> = {
  PENDING: 'badge badge--accent',
  DELIVERED: 'badge badge--success',
  FAILED: 'badge badge--failed',
  SKIPPED: 'badge badge--neutral',
  CANCELLED: 'badge badge--neutral',
};

/** Settings › Webhooks › log: each delivery (request, response code, time, attempts), searchable, sent again on demand. */
export function WebhookDeliveriesPage() {
  const { t, i18n } = useTranslation();
  const { webhookId = '' } = useParams();
  const [text, setText] = useState('');
  const [state, setState] = useState<WebhookDeliveryState | ''>('');
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const search = useDebouncedValue(text.trim(), 300);
  const filter = { text: search || null, state: state || null };
  const { data, loading, error, refetch } = useQuery(WEBHOOK_DELIVERIES_QUERY, { variables: { webhookId, filter } });
  const hooks = useQuery(WEBHOOKS_QUERY);
  const hookUrl = hooks.data?.webhooks.find((hook) => hook.id === webhookId)?.url;
  const [redeliver] = useMutation(REDELIVER_WEBHOOK_MUTATION);
  const resend = useMutationErrors();
  const rows = data?.webhookDeliveries ?? [];

  let body;
  if (loading && !data) body = <InlineLoading />;
  else if (error) body = <LoadError title={t('integrations.log.loadError')} error={error} onRetry={() => void refetch()} />;
  else if (rows.length === 0) body = <p className="table__muted">{search || state ? t('integrations.log.noMatch') : t('integrations.log.empty')}</p>;
  else
    body = (
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('integrations.log.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('integrations.log.columns.time')}</th>
              <th scope="col">{t('integrations.log.columns.event')}</th>
              <th scope="col">{t('integrations.log.columns.state')}</th>
              <th scope="col">{t('integrations.log.columns.response')}</th>
              <th scope="col">{t('integrations.log.columns.attempts')}</th>
              <th scope="col" className="table__actions-head">
                <span className="visually-hidden">{t('integrations.keys.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Fragment key={row.id}>
                <tr>
                  <th scope="row" className="table__primary">
                    <span className="table__name">{formatDateTime(row.lastAttemptAt ?? row.createdAt, i18n.resolvedLanguage)}</span>
                    <span className="table__secondary">#{row.id}</span>
                  </th>
                  <td>{t(`integrations.hooks.events.${row.event}`)}</td>
                  <td>
                    <span className={BADGE[row.state]}>{t(`integrations.log.state.${row.state}`)}</span>
                  </td>
                  <td className="table__muted">
                    {row.responseCode ?? '–'}
                    {row.durationMs !== null && row.durationMs !== undefined && ` · ${t('integrations.log.ms', { count: row.durationMs })}`}
                    {row.lastError && <span className="table__secondary">{row.lastError}</span>}
                  </td>
                  <td>{row.attempts}</td>
                  <td className="table__actions">
                    <button type="button" className="button button--ghost button--small" aria-expanded={open === row.id} onClick={() => setOpen(open === row.id ? null : row.id)}>
                      {t('integrations.log.request')}
                    </button>
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      aria-label={t('integrations.log.resendOne', { id: row.id })}
                      onClick={async () => {
                        const again = await resend.run(async () => (await redeliver({ variables: { deliveryId: row.id } })).data?.redeliverWebhook);
                        if (again) {
                          setNotice(t('integrations.log.resent', { id: again.id }));
                          void refetch();
                        }
                      }}
                    >
                      {t('integrations.log.resend')}
                    </button>
                  </td>
                </tr>
                {open === row.id && (
                  <tr>
                    <td colSpan={6}>
                      <pre className="integrations-code">{JSON.stringify(JSON.parse(row.requestBody), null, 2)}</pre>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    );

  return (
    <div className="page integrations-page">
      <PageHeader
        title={t('integrations.log.title')}
        description={hookUrl ? `${hookUrl} · ${t('integrations.log.description')}` : t('integrations.log.description')}
        actions={
          <Link className="button button--secondary" to="/settings/webhooks">
            {t('integrations.log.back')}
          </Link>
        }
      />
      <div className="integrations-toolbar">
        <input className="input" type="search" aria-label={t('integrations.log.search')} placeholder={t('integrations.log.search')} value={text} onChange={(event) => setText(event.target.value)} />
        <select className="input" aria-label={t('integrations.log.columns.state')} value={state} onChange={(event) => setState(event.target.value as WebhookDeliveryState | '')}>
          <option value="">{t('integrations.log.anyState')}</option>
          {STATES.map((value) => (
            <option key={value} value={value}>
              {t(`integrations.log.state.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="notice-region" role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <ErrorAlert error={resend.error} />
      {body}
    </div>
  );
}
