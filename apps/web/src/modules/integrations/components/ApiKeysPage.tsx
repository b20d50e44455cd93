import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from '../../../app/i18n';
import { useMutationErrors } from '../../../app/useMutationErrors';
import type { ApiKeyRowFragment } from '../../../graphql/generated/graphql';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { EmptyState } from '../../../ui/EmptyState';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { LockIcon, PlusIcon } from '../../../ui/icons';
import { LoadError } from '../../../ui/LoadError';
import { PageHeader } from '../../../ui/PageHeader';
import { formatDateTime, orgTimeZone } from '../../../ui/datetime';
import { API_KEYS_QUERY, REVOKE_API_KEY_MUTATION } from '../graphql/apiKeys';
import { CreateApiKeyDialog } from './CreateApiKeyDialog';

type KeyState = 'active' | 'revoked' | 'expired';
const stateOf = (key: ApiKeyRowFragment): KeyState => (key.revokedAt ? 'revoked' : key.expiresAt && new Date(key.expiresAt).getTime() <= Date.now() ? 'expired' : 'active');
const BADGE: Record<KeyState, string> = { active: 'badge badge--success', revoked: 'badge badge--neutral', expired: 'badge badge--neutral' };

/** Settings › API keys: create (the secret shown once), see and revoke the keys integrations use. */
export function ApiKeysPage() {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(API_KEYS_QUERY);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeyRowFragment | null>(null);
  const [revoke, { loading: revokeBusy }] = useMutation(REVOKE_API_KEY_MUTATION);
  const revokeErrors = useMutationErrors();
  const keys = data?.apiKeys ?? [];
  const when = (value: string | null | undefined, none: string) => (value ? formatDateTime(value, i18n.resolvedLanguage) : none);
  // The expiry is a day (the key works until its end).
  const day = (value: string | null | undefined, none: string) =>
    value ? new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeZone: orgTimeZone() }).format(new Date(value)) : none;

  const newButton = (
    <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
      <PlusIcon />
      {t('integrations.keys.new')}
    </button>
  );

  let body;
  if (loading && !data) body = <InlineLoading />;
  else if (error) body = <LoadError title={t('integrations.keys.loadError')} error={error} onRetry={() => void refetch()} />;
  else if (keys.length === 0) body = <EmptyState icon={<LockIcon />} title={t('integrations.keys.emptyTitle')} body={t('integrations.keys.emptyBody')} action={newButton} />;
  else
    body = (
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('integrations.keys.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('integrations.keys.columns.name')}</th>
              <th scope="col">{t('integrations.keys.columns.access')}</th>
              <th scope="col">{t('integrations.keys.columns.expires')}</th>
              <th scope="col">{t('integrations.keys.columns.lastUsed')}</th>
              <th scope="col">{t('integrations.keys.columns.state')}</th>
              <th scope="col" className="table__actions-head">
                <span className="visually-hidden">{t('integrations.keys.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => {
              const state = stateOf(key);
              return (
                <tr key={key.id} className={state === 'active' ? undefined : 'table__row--muted'}>
                  <th scope="row" className="table__primary">
                    <span className="table__name">{key.name}</span>
                    <span className="table__secondary">
                      <code>{key.prefix}…</code>
                    </span>
                  </th>
                  <td>
                    <span className="chip-list">
                      <span className="chip">{key.canWrite ? t('integrations.keys.write') : t('integrations.keys.read')}</span>
                      {key.modules.map((module) => (
                        <span key={module} className="chip">
                          {t(`integrations.keys.modules.${module}`)}
                        </span>
                      ))}
                    </span>
                  </td>
                  <td className="table__muted">{day(key.expiresAt, t('integrations.keys.never'))}</td>
                  <td className="table__muted">{when(key.lastUsedAt, t('integrations.keys.notUsed'))}</td>
                  <td>
                    <span className={BADGE[state]}>{t(`integrations.keys.state.${state}`)}</span>
                  </td>
                  <td className="table__actions">
                    {state !== 'revoked' && (
                      <button
                        type="button"
                        className="button button--ghost button--small button--ghost-danger"
                        aria-label={t('integrations.keys.revokeKey', { name: key.name })}
                        onClick={() => setRevoking(key)}
                      >
                        {t('integrations.keys.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    );

  return (
    <div className="page integrations-page">
      <PageHeader title={t('integrations.keys.title')} description={t('integrations.keys.description')} actions={keys.length > 0 ? newButton : undefined} />
      {body}
      {creating && <CreateApiKeyDialog onClose={() => setCreating(false)} />}
      {revoking && (
        <ConfirmDialog
          title={t('integrations.keys.revokeTitle', { name: revoking.name })}
          body={t('integrations.keys.revokeBody')}
          confirmLabel={t('integrations.keys.revoke')}
          busy={revokeBusy}
          error={revokeErrors.error}
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            const done = await revokeErrors.run(async () => (await revoke({ variables: { id: revoking.id } })).data?.revokeApiKey);
            if (done) setRevoking(null);
          }}
        />
      )}
    </div>
  );
}
