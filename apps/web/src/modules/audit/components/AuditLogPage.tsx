import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../app/i18n';
import type { AuditFilterInput } from '../../../graphql/generated/graphql';
import { EmptyState } from '../../../ui/EmptyState';
import { PageHeader } from '../../../ui/PageHeader';
import { MassUpdatesPanel } from '../../cards/components/MassUpdatesPanel';
import { useHistoryLookups } from '../../client-card/components/HistoryTimeline';
import { TabState } from '../../../ui/TabState';
import { formatDateTime } from '../../../ui/datetime';
import { describeHistoryEntry } from '../../client-card/utils/history';
import { useAssignableUsers } from '../../users/hooks/useAssignableUsers';
import { AUDIT_LOG_QUERY } from '../graphql/audit';

const PAGE = 50;
// The entity and action names the API writes (audit rows store them as they are).
const ENTITIES = ['client', 'card', 'todo', 'note', 'contact', 'deal', 'document', 'email', 'category', 'classification', 'tag', 'department', 'pipeline', 'status', 'custom_field', 'user', 'view', 'email_template', 'todo_template', 'automation', 'organisation', 'shared_mailbox'];
const ACTIONS = ['create', 'update', 'delete', 'move', 'mass_update', 'mass_undo', 'merge', 'restore', 'purge', 'erase', 'todo_done', 'todo_reopened', 'copy', 'share', 'unshare', 'activate', 'pause', 'resume'];

/** The day after a YYYY-MM-DD date (the filter's upper bound is exclusive). */
function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00`);
  d.setDate(d.getDate() + 1);
  return d.toISOString();
}

/** /settings/audit: every change (who, when, what), filtered, newest first, paged by id. */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const users = useAssignableUsers();
  const lookups = useHistoryLookups();
  const [entity, setEntity] = useState('');
  const [action, setAction] = useState('');
  const [actorId, setActorId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filter: AuditFilterInput = {};
  if (entity) filter.entity = entity;
  if (action) filter.action = action;
  if (actorId) filter.actorId = actorId;
  if (from) filter.from = new Date(`${from}T00:00:00`).toISOString();
  if (to) filter.to = dayAfter(to);
  const { data, loading, error, refetch, fetchMore } = useQuery(AUDIT_LOG_QUERY, { variables: { filter, limit: PAGE } });
  const [loadingMore, setLoadingMore] = useState(false);
  const [exhausted, setExhausted] = useState<string | null>(null);
  const entries = data?.auditLog ?? [];
  const filterKey = JSON.stringify(filter);
  const hasMore = entries.length >= PAGE && exhausted !== filterKey + entries.length;

  const loadMore = async () => {
    const last = entries[entries.length - 1];
    if (!last) return;
    setLoadingMore(true);
    try {
      const more = await fetchMore({
        variables: { before: last.id },
        updateQuery: (previous, { fetchMoreResult }) => ({ auditLog: [...previous.auditLog, ...fetchMoreResult.auditLog] }),
      });
      if ((more.data?.auditLog.length ?? 0) < PAGE) setExhausted(filterKey + (entries.length + (more.data?.auditLog.length ?? 0)));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <div className="page admin-page">
      <PageHeader title={t('card.audit.title')} description={t('card.audit.description')} />
      <MassUpdatesPanel />
      <form className="admin-toolbar audit-filters" aria-label={t('card.audit.filters')} onSubmit={(e) => e.preventDefault()}>
        <label className="inline-field">
          <span className="inline-field__label">{t('card.audit.entity')}</span>
          <select className="select select--compact" value={entity} onChange={(e) => setEntity(e.target.value)}>
            <option value="">{t('card.audit.any')}</option>
            {ENTITIES.map((e) => (
              <option key={e} value={e}>
                {t(`card.history.entities.${e}`, { defaultValue: e })}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span className="inline-field__label">{t('card.audit.action')}</span>
          <select className="select select--compact" value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">{t('card.audit.any')}</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`card.history.actions.${a}`, { defaultValue: a })}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span className="inline-field__label">{t('card.audit.user')}</span>
          <select className="select select--compact" value={actorId} onChange={(e) => setActorId(e.target.value)}>
            <option value="">{t('card.audit.anyone')}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span className="inline-field__label">{t('card.audit.from')}</span>
          <input className="input input--compact" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="inline-field">
          <span className="inline-field__label">{t('card.audit.to')}</span>
          <input className="input input--compact" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </form>
      <TabState loading={loading} error={error} hasData={Boolean(data)} onRetry={() => void refetch()} />
      {data && entries.length === 0 && <EmptyState title={t('card.audit.empty')} />}
      {entries.length > 0 && (
        <div className="table-wrap">
          <table className="table audit-table">
            <caption className="visually-hidden">{t('card.audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('card.audit.when')}</th>
                <th scope="col">{t('card.audit.user')}</th>
                <th scope="col">{t('card.audit.entity')}</th>
                <th scope="col">{t('card.audit.action')}</th>
                <th scope="col">{t('card.audit.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => {
                const described = describeHistoryEntry(entry, t, lookups);
                return (
                  <tr key={entry.id}>
                    <td>
                      <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.resolvedLanguage)}</time>
                    </td>
                    <td>{entry.actor?.name ?? t('card.history.system')}</td>
                    <td>{t(`card.history.entities.${entry.entity}`, { defaultValue: entry.entity })}</td>
                    <td>{t(`card.history.actions.${entry.action}`, { defaultValue: entry.action })}</td>
                    <td className="audit-table__changes">
                      <span className="audit-change audit-change--summary">{described.summary}</span>
                      {described.changes.map((c) => (
                        <span key={c.key} className="audit-change">
                          <strong>{c.label}</strong>: {c.from ? `${c.from} → ` : ''}
                          {c.to}
                        </span>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {hasMore && (
        <div className="load-more">
          <button type="button" className="button button--secondary" onClick={() => void loadMore()} disabled={loadingMore}>
            {loadingMore ? t('app.loading') : t('card.audit.loadMore')}
          </button>
        </div>
      )}
    </div>
  );
}
