import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../app/i18n';
import type { TrashKind, TrashQuery } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { EmptyState } from '../../../ui/EmptyState';
import { TrashIcon } from '../../../ui/icons';
import { PageHeader } from '../../../ui/PageHeader';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { TabState } from '../../../ui/TabState';
import { formatDateTime } from '../../../ui/datetime';
import { PURGE_FROM_TRASH_MUTATION, RESTORE_FROM_TRASH_MUTATION, TRASH_QUERY } from '../graphql/trash';

const KINDS: readonly TrashKind[] = ['CLIENT', 'CARD', 'CONTACT', 'TODO', 'NOTE', 'DOCUMENT', 'DEAL'];
type Item = TrashQuery['trash'][number];

export function useTrashMutations() {
  const [restore, restoreState] = useMutation(RESTORE_FROM_TRASH_MUTATION, { refetchQueries: ['Trash'] });
  const [purge, purgeState] = useMutation(PURGE_FROM_TRASH_MUTATION, { refetchQueries: ['Trash'] });
  const { error, run, clearError } = useMutationErrors();
  return {
    restore: (item: Item) => run(async () => (await restore({ variables: { id: item.id, kind: item.kind } })).data?.restoreFromTrash),
    purge: (item: Item) => run(async () => (await purge({ variables: { id: item.id, kind: item.kind } })).data?.purgeFromTrash),
    loading: restoreState.loading || purgeState.loading,
    error,
    clearError,
  };
}

/** /settings/trash: deleted items, newest first; restore them (with what depended on them) or purge. */
export function TrashPage() {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<TrashKind | ''>('');
  const { data, loading, error, refetch } = useQuery(TRASH_QUERY, { variables: { kind: kind || null } });
  const mutations = useTrashMutations();
  const [purging, setPurging] = useState<Item | null>(null);
  const [notice, setNotice] = useState('');
  const items = data?.trash ?? [];

  return (
    <div className="page admin-page">
      <PageHeader title={t('card.trash.title')} description={t('card.trash.description')} />
      <div className="admin-toolbar">
        <label className="inline-field">
          <span className="inline-field__label">{t('card.trash.kind')}</span>
          <select className="select select--compact" value={kind} onChange={(e) => setKind(e.target.value as TrashKind | '')}>
            <option value="">{t('card.trash.allKinds')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`card.trash.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="notice-region" role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      {!purging && <ErrorAlert error={mutations.error} />}
      <TabState loading={loading} error={error} hasData={Boolean(data)} onRetry={() => void refetch()} />
      {data && items.length === 0 && <EmptyState icon={<TrashIcon />} title={t('card.trash.empty')} body={t('card.trash.emptyBody')} />}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('card.trash.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('card.trash.name')}</th>
                <th scope="col">{t('card.trash.kind')}</th>
                <th scope="col">{t('card.trash.client')}</th>
                <th scope="col">{t('card.trash.deletedBy')}</th>
                <th scope="col">{t('card.trash.deletedAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('card.common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={`${item.kind}-${item.id}`}>
                  <th scope="row" className="table__primary">
                    {item.name}
                  </th>
                  <td>
                    <span className="badge badge--neutral">{t(`card.trash.kinds.${item.kind}`)}</span>
                  </td>
                  <td>{item.clientName ?? '—'}</td>
                  <td>{item.deletedBy?.name ?? '—'}</td>
                  <td>{formatDateTime(item.deletedAt, i18n.resolvedLanguage)}</td>
                  <td className="table__actions">
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      disabled={mutations.loading}
                      aria-label={t('card.trash.restore', { name: item.name })}
                      onClick={() => void mutations.restore(item).then((done) => done && setNotice(t('card.trash.restored', { name: item.name })))}
                    >
                      {t('card.trash.restoreShort')}
                    </button>
                    <button
                      type="button"
                      className="button button--ghost button--ghost-danger button--small"
                      aria-label={t('card.trash.purge', { name: item.name })}
                      onClick={() => setPurging(item)}
                    >
                      {t('card.trash.purgeShort')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {purging && (
        <ConfirmDialog
          title={t('card.trash.purgeTitle', { name: purging.name })}
          body={t('card.trash.purgeBody')}
          confirmLabel={t('card.trash.purgeConfirm')}
          busy={mutations.loading}
          error={mutations.error}
          onClose={() => {
            mutations.clearError();
            setPurging(null);
          }}
          onConfirm={() =>
            void mutations.purge(purging).then((done) => {
              if (!done) return;
              setNotice(t('card.trash.purged', { name: purging.name }));
              setPurging(null);
            })
          }
        />
      )}
    </div>
  );
}
