import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from '../../../app/i18n';
import { Link } from 'react-router-dom';
import { useMutationErrors } from '../../../app/useMutationErrors';
import type { WebhookRowFragment } from '../../../graphql/generated/graphql';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { AlertIcon, PlusIcon, WebhookIcon } from '../../../ui/icons';
import { LoadError } from '../../../ui/LoadError';
import { PageHeader } from '../../../ui/PageHeader';
import { formatDateTime } from '../../../ui/datetime';
import { DELETE_WEBHOOK_MUTATION, SET_WEBHOOK_ACTIVE_MUTATION, SET_WEBHOOK_SETTINGS_MUTATION, WEBHOOKS_QUERY } from '../graphql/webhooks';
import { CreateWebhookDialog } from './CreateWebhookDialog';

/** Settings › Webhooks: the hooks, which events each gets, turned off ones with why; the SSRF setting. */
export function WebhooksPage() {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(WEBHOOKS_QUERY);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<WebhookRowFragment | null>(null);
  const [setActive] = useMutation(SET_WEBHOOK_ACTIVE_MUTATION);
  const [remove, { loading: removing }] = useMutation(DELETE_WEBHOOK_MUTATION, { refetchQueries: [{ query: WEBHOOKS_QUERY }] });
  const [saveSettings] = useMutation(SET_WEBHOOK_SETTINGS_MUTATION, { refetchQueries: [{ query: WEBHOOKS_QUERY }] });
  const actions = useMutationErrors();
  const hooks = data?.webhooks ?? [];
  const turnedOff = hooks.filter((hook) => !hook.active && hook.disabledReason);

  const newButton = (
    <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
      <PlusIcon />
      {t('integrations.hooks.new')}
    </button>
  );

  let body;
  if (loading && !data) body = <InlineLoading />;
  else if (error) body = <LoadError title={t('integrations.hooks.loadError')} error={error} onRetry={() => void refetch()} />;
  else if (hooks.length === 0) body = <EmptyState icon={<WebhookIcon />} title={t('integrations.hooks.emptyTitle')} body={t('integrations.hooks.emptyBody')} action={newButton} />;
  else
    body = (
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('integrations.hooks.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('integrations.hooks.columns.url')}</th>
              <th scope="col">{t('integrations.hooks.columns.events')}</th>
              <th scope="col">{t('integrations.hooks.columns.state')}</th>
              <th scope="col" className="table__actions-head">
                <span className="visually-hidden">{t('integrations.keys.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {hooks.map((hook) => (
              <tr key={hook.id} className={hook.active ? undefined : 'table__row--muted'}>
                <th scope="row" className="table__primary">
                  <span className="table__name">{hook.url}</span>
                  {hook.disabledReason && hook.disabledAt && (
                    <span className="table__secondary">{t('integrations.hooks.turnedOffAt', { when: formatDateTime(hook.disabledAt, i18n.resolvedLanguage) })}</span>
                  )}
                </th>
                <td>
                  <span className="chip-list">
                    {hook.events.map((event) => (
                      <span key={event} className="chip">
                        {t(`integrations.hooks.events.${event}`)}
                      </span>
                    ))}
                  </span>
                </td>
                <td>
                  <span className={hook.active ? 'badge badge--success' : hook.disabledReason ? 'badge badge--failed' : 'badge badge--neutral'}>
                    {hook.active ? t('integrations.hooks.state.on') : hook.disabledReason ? t('integrations.hooks.state.failed') : t('integrations.hooks.state.off')}
                  </span>
                </td>
                <td className="table__actions">
                  <Link className="button button--ghost button--small" to={`/settings/webhooks/${hook.id}`} aria-label={t('integrations.hooks.logFor', { url: hook.url })}>
                    {t('integrations.hooks.log')}
                  </Link>
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    aria-label={t(hook.active ? 'integrations.hooks.turnOffHook' : 'integrations.hooks.turnOnHook', { url: hook.url })}
                    onClick={() => void actions.run(() => setActive({ variables: { id: hook.id, active: !hook.active } }))}
                  >
                    {hook.active ? t('integrations.hooks.turnOff') : t('integrations.hooks.turnOn')}
                  </button>
                  <button
                    type="button"
                    className="button button--ghost button--small button--ghost-danger"
                    aria-label={t('integrations.hooks.deleteHook', { url: hook.url })}
                    onClick={() => setDeleting(hook)}
                  >
                    {t('integrations.hooks.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );

  return (
    <div className="page integrations-page">
      <PageHeader title={t('integrations.hooks.title')} description={t('integrations.hooks.description')} actions={hooks.length > 0 ? newButton : undefined} />
      {turnedOff.map((hook) => (
        <div key={hook.id} className="alert alert--danger" role="alert">
          <AlertIcon />
          <span>{t('integrations.hooks.turnedOffNotice', { url: hook.url, reason: hook.disabledReason })}</span>
        </div>
      ))}
      <ErrorAlert error={actions.error} />
      {body}
      {data && (
        <label className="check-label integrations-setting">
          <input
            type="checkbox"
            className="checkbox"
            checked={data.webhookSettings.allowPrivateTargets}
            onChange={(event) => void actions.run(() => saveSettings({ variables: { allowPrivateTargets: event.target.checked } }))}
          />
          {t('integrations.hooks.allowPrivate')}
        </label>
      )}
      {data && <p className="field__hint">{t('integrations.hooks.allowPrivateHint')}</p>}
      {creating && <CreateWebhookDialog onClose={() => setCreating(false)} />}
      {deleting && (
        <ConfirmDialog
          title={t('integrations.hooks.deleteTitle')}
          body={t('integrations.hooks.deleteBody', { url: deleting.url })}
          confirmLabel={t('integrations.hooks.delete')}
          busy={removing}
          error={actions.error}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            const done = await actions.run(() => remove({ variables: { id: deleting.id } }));
            if (done) setDeleting(null);
          }}
        />
      )}
    </div>
  );
}
