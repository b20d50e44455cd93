import { useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../app/i18n';
import type { HistoryKind } from '../../../graphql/generated/graphql';
import { EmptyState } from '../../../ui/EmptyState';
import { initials } from '../../../ui/initials';
import { InboundMailDialog, MailViewerDialog } from '../../mail';
import { usePipelines } from '../../pipelines/hooks/usePipelines';
import { useAssignableUsers } from '../../users/hooks/useAssignableUsers';
import { useAllLabels } from '../../labels/hooks/useLabels';
import { CARD_HISTORY_QUERY } from '../graphql/todos';
import { formatDateTime } from '../../../ui/datetime';
import { describeHistoryEntry, HISTORY_KINDS, type DescribedEntry, type HistoryLookups } from '../utils/history';
import { TabState } from '../../../ui/TabState';

/**
 * Today's status, user and label names, for History and audit entries written before entries
 * carried the names of their moment (newer entries read their own `names`).
 */
export function useHistoryLookups(): HistoryLookups {
  const { i18n } = useTranslation();
  const { pipelines } = usePipelines(true);
  const users = useAssignableUsers();
  const labels = useAllLabels();
  return useMemo(
    () => ({
      statuses: new Map(pipelines.flatMap((p) => p.statuses.map((s) => [s.id, s.name] as const))),
      pipelines: new Map(pipelines.map((p) => [p.id, p.name] as const)),
      users: new Map(users.map((u) => [u.id, u.name] as const)),
      labels: new Map(Object.values(labels).flatMap((list) => list.map((l) => [l.id, l.name] as const))),
      language: i18n.resolvedLanguage,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [pipelines, users, labels.CATEGORY, labels.CLASSIFICATION, labels.TAG, labels.DEPARTMENT, i18n.resolvedLanguage],
  );
}

/** The card's History: one timeline, newest first, filtered by kind. */
export function HistoryTimeline({ cardId }: { cardId: string }) {
  const { t, i18n } = useTranslation();
  const [kinds, setKinds] = useState<HistoryKind[]>([]);
  const [openMail, setOpenMail] = useState<DescribedEntry['mail'] | null>(null);
  const { data, loading, error, refetch } = useQuery(CARD_HISTORY_QUERY, {
    variables: { cardId, kinds: kinds.length ? kinds : null },
    // Changes made on other tabs (fields, documents, labels) land in History: read it again when shown.
    fetchPolicy: 'cache-and-network',
  });
  const lookups = useHistoryLookups();
  const entries = data?.cardHistory ?? [];
  const toggle = (kind: HistoryKind) =>
    setKinds((current) => (current.includes(kind) ? current.filter((k) => k !== kind) : [...current, kind]));

  return (
    <section className="card-section history" aria-labelledby="history-heading">
      <div className="card-section__header">
        <h2 id="history-heading" className="card-section__title">
          {t('card.history.heading')}
        </h2>
      </div>
      <div className="filter-chips" role="group" aria-label={t('card.history.filterLabel')}>
        <button type="button" className="filter-chip" aria-pressed={kinds.length === 0} onClick={() => setKinds([])}>
          {t('card.history.all')}
        </button>
        {HISTORY_KINDS.map((kind) => (
          <button key={kind} type="button" className="filter-chip" aria-pressed={kinds.includes(kind)} onClick={() => toggle(kind)}>
            {t(`card.history.kinds.${kind}`)}
          </button>
        ))}
      </div>
      <TabState loading={loading} error={error} hasData={Boolean(data)} onRetry={() => void refetch()} />
      {data && entries.length === 0 && <EmptyState title={t(kinds.length ? 'card.history.emptyFiltered' : 'card.history.empty')} />}
      {entries.length > 0 && (
        <ol className="timeline" aria-label={t('card.history.listLabel')}>
          {entries.map((entry) => {
            const described = describeHistoryEntry(entry, t, lookups);
            return (
              <li key={entry.id} className={`timeline__item timeline__item--${entry.kind.toLowerCase()}`}>
                <span className="timeline__avatar" aria-hidden="true">
                  {entry.actor ? initials(entry.actor.name) : '·'}
                </span>
                <div className="timeline__body">
                  <p className="timeline__line">
                    <span className="timeline__who">{entry.actor?.name ?? t('card.history.system')}</span>{' '}
                    <span className="timeline__what">{described.summary}</span>
                  </p>
                  {described.body && <p className="timeline__note">{described.body}</p>}
                  {described.changes.length > 0 && (
                    <ul className="timeline__changes">
                      {described.changes.map((change) => (
                        <li key={change.key}>
                          <span className="timeline__field">{change.label}:</span>{' '}
                          {change.from && (
                            <>
                              <span className="timeline__old">{change.from}</span>
                              <span className="timeline__arrow" aria-label={t('card.history.to')}>
                                {' → '}
                              </span>
                            </>
                          )}
                          <span className="timeline__new">{change.to}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                  <time className="timeline__when" dateTime={entry.at}>
                    {formatDateTime(entry.at, i18n.resolvedLanguage)}
                  </time>
                  {described.mail && (
                    <button
                      type="button"
                      className="button button--secondary button--small timeline__action"
                      aria-label={
                        described.mail.subject ? t('card.history.openEmailLabel', { subject: described.mail.subject }) : undefined
                      }
                      onClick={() => setOpenMail(described.mail)}
                    >
                      {t('card.history.openEmail')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {openMail?.kind === 'sent' && <MailViewerDialog mailId={openMail.id} onClose={() => setOpenMail(null)} />}
      {openMail?.kind === 'received' && <InboundMailDialog mailId={openMail.id} onClose={() => setOpenMail(null)} />}
    </section>
  );
}
