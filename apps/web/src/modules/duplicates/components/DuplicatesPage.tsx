import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../app/i18n';
import type { DuplicateGroupsQuery } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { EmptyState } from '../../../ui/EmptyState';
import { PageHeader } from '../../../ui/PageHeader';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { TabState } from '../../../ui/TabState';
import { formatDateTime } from '../../../ui/datetime';
import { DUPLICATE_GROUPS_QUERY, MERGE_CLIENTS_MUTATION } from '../graphql/duplicates';
import { usePhoneFormat } from '../../organisation/hooks/usePhoneFormat';

type Group = DuplicateGroupsQuery['duplicateGroups'][number];
/** Groups shown at first and added by each "Show more" (the API gives at most 500, the largest first). */
export const GROUPS_PAGE = 50;
const MAX_GROUPS = 500;
const groupKey = (group: Group) => `${group.reason}:${group.value}`;

export function useMergeClients() {
  const [mutate, { loading }] = useMutation(MERGE_CLIENTS_MUTATION, {
    // The merged clients are gone from every group: read the groups again.
    refetchQueries: ['DuplicateGroups'],
  });
  const { error, run, clearError } = useMutationErrors();
  const merge = (primaryId: string, otherIds: string[]) =>
    run(async () => (await mutate({ variables: { input: { primaryId, otherIds } } })).data?.mergeClients);
  return { merge, loading, error, clearError };
}

function GroupCard({ group, onMerge }: { group: Group; onMerge: (group: Group, primaryId: string) => void }) {
  const { t, i18n } = useTranslation();
  const phone = usePhoneFormat();
  const [primaryId, setPrimaryId] = useState(group.clients[0]?.id ?? '');
  const name = `dup-${groupKey(group)}`;
  return (
    <li className="dup-group">
      <fieldset className="dup-group__fieldset">
        <legend className="dup-group__legend">
          {/* Every value the group's clients share, each once (an email and a domain are one group). */}
          {group.matches.map((match) => (
            <span key={`${match.reason}:${match.value}`} className="dup-group__match">
              <span className="badge badge--accent">{t(`card.duplicates.reasons.${match.reason}`)}</span>
              <span className="dup-group__value">{match.value}</span>
            </span>
          ))}
          <span className="table__muted">{t('card.duplicates.count', { count: group.clients.length })}</span>
        </legend>
        <p className="dup-group__hint">{t('card.duplicates.pickPrimary')}</p>
        <ul className="dup-group__clients">
          {group.clients.map((client) => (
            <li key={client.id}>
              <label className={`dup-client${client.id === primaryId ? ' dup-client--primary' : ''}`}>
                <input type="radio" name={name} value={client.id} checked={client.id === primaryId} onChange={() => setPrimaryId(client.id)} />
                <span className="dup-client__main">
                  <span className="dup-client__name">
                    {client.name}
                    {client.id === primaryId && <span className="badge badge--success">{t('card.duplicates.keeps')}</span>}
                  </span>
                  <span className="dup-client__meta">
                    {[...client.emails, ...client.phones.map(phone.format), client.taxId, client.domain].filter(Boolean).join(' · ') || '—'}
                  </span>
                  <span className="dup-client__meta">
                    {t('card.duplicates.created', { date: formatDateTime(client.createdAt, i18n.resolvedLanguage) })}
                    {client.owner && ` · ${client.owner.name}`}
                  </span>
                </span>
              </label>
              <Link className="dup-client__open" to={`/clients/${client.id}`} aria-label={t('card.duplicates.open', { name: client.name })}>
                {t('card.duplicates.openShort')}
              </Link>
            </li>
          ))}
        </ul>
        <div className="dup-group__actions">
          <button type="button" className="button button--primary button--small" onClick={() => onMerge(group, primaryId)}>
            {t('card.duplicates.merge', { count: group.clients.length })}
          </button>
        </div>
      </fieldset>
    </li>
  );
}

/** /duplicates: clients sharing an email, phone, tax id or domain; merge a group into the chosen one. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const [limit, setLimit] = useState(GROUPS_PAGE);
  const { data, previousData, loading, error, refetch } = useQuery(DUPLICATE_GROUPS_QUERY, { variables: { limit } });
  // While more groups load, the ones shown stay (the query with the larger limit returns them again first).
  const shown = data ?? previousData;
  const merger = useMergeClients();
  const [pending, setPending] = useState<{ group: Group; primaryId: string } | null>(null);
  const [merged, setMerged] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState('');
  const groups = (shown?.duplicateGroups ?? []).filter((g) => !merged.has(groupKey(g)));
  // A full page means there may be more: the API cut the list at the limit.
  const more = Boolean(data) && data!.duplicateGroups.length >= limit && limit < MAX_GROUPS;
  const primary = pending?.group.clients.find((c) => c.id === pending.primaryId);
  const others = pending?.group.clients.filter((c) => c.id !== pending.primaryId) ?? [];

  const confirm = async () => {
    if (!pending || !primary) return;
    const result = await merger.merge(primary.id, others.map((c) => c.id));
    if (!result) return;
    setMerged((set) => new Set(set).add(groupKey(pending.group)));
    setNotice(t('card.duplicates.merged', { name: primary.name, count: others.length }));
    setPending(null);
  };

  return (
    <div className="page admin-page">
      <PageHeader title={t('card.duplicates.title')} description={t('card.duplicates.description')} />
      <div className="notice-region" role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      {!pending && <ErrorAlert error={merger.error} />}
      <TabState loading={loading && !shown} error={error} hasData={Boolean(shown)} onRetry={() => void refetch()} />
      {data && groups.length === 0 && <EmptyState title={t('card.duplicates.empty')} body={t('card.duplicates.emptyBody')} />}
      {groups.length > 0 && (
        <>
          <p className="table__muted">{t(more ? 'card.duplicates.shownLargest' : 'card.duplicates.shownAll', { count: groups.length })}</p>
          <ul className="dup-groups" aria-label={t('card.duplicates.listLabel')}>
            {groups.map((group) => (
              <GroupCard key={groupKey(group)} group={group} onMerge={(g, primaryId) => setPending({ group: g, primaryId })} />
            ))}
          </ul>
          {(more || (loading && limit > GROUPS_PAGE)) && (
            <div className="load-more">
              <button type="button" className="button button--secondary" disabled={loading} onClick={() => setLimit((n) => Math.min(n + GROUPS_PAGE, MAX_GROUPS))}>
                {loading ? t('card.duplicates.loadingMore') : t('card.duplicates.showMore')}
              </button>
            </div>
          )}
        </>
      )}
      {pending && primary && (
        <ConfirmDialog
          tone="primary"
          title={t('card.duplicates.confirmTitle', { name: primary.name, count: others.length })}
          body={t('card.duplicates.confirmBody', { count: others.length })}
          confirmLabel={t('card.duplicates.confirm')}
          busy={merger.loading}
          error={merger.error}
          onClose={() => {
            merger.clearError();
            setPending(null);
          }}
          onConfirm={() => void confirm()}
        />
      )}
    </div>
  );
}
