import { useState } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { AutomationFieldsFragment } from '../../../graphql/generated/graphql';
import { EmptyState } from '../../../ui/EmptyState';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { AutomationsIcon } from '../../../ui/icons';
import { useAutomationRuns } from '../hooks/useAutomations';
import { LoadError } from '../../../ui/LoadError';

const STATUSES = ['PENDING', 'RUNNING', 'DONE', 'FAILED', 'SKIPPED', 'CANCELLED'] as const;
const TONES: Record<string, string> = {
  DONE: 'badge--success',
  FAILED: 'badge--danger',
  SKIPPED: 'badge--warning',
  PENDING: 'badge--accent-dot',
  RUNNING: 'badge--accent-dot',
  CANCELLED: 'badge--neutral',
};

/** The numbers from `stats`, then every run per card and step with a status filter. */
export function RunsPanel({ automation }: { automation: AutomationFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState('');
  const { runs, loading, error, refetch } = useAutomationRuns(automation.id, status || null);
  const language = i18n.resolvedLanguage;
  const when = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
  const stats = [
    ['enrolled', automation.stats.enrolled],
    ['stepsDone', automation.stats.stepsDone],
    ['stepsPending', automation.stats.stepsPending],
    ['failures', automation.stats.failures],
    ['skipped', automation.stats.skipped],
  ] as const;

  const outcome = (run: (typeof runs)[number]) => {
    const result = (run.result ?? {}) as Record<string, unknown>;
    if (run.status === 'FAILED' || run.status === 'SKIPPED' || run.status === 'CANCELLED') {
      // Why, as a code with parameters (RunReason); a technical error stays in the logs.
      const params = (result.params ?? {}) as { missing?: string[] };
      if (typeof result.code === 'string') {
        return t(`automations.runs.reasons.${result.code}`, {
          missing: (params.missing ?? []).join(', '),
          defaultValue: t(run.status === 'FAILED' ? 'automations.runs.failedUnknown' : 'automations.runs.skippedUnknown'),
        });
      }
      if (run.status === 'FAILED') return t('automations.runs.failedUnknown');
      if (run.status === 'SKIPPED') return t('automations.runs.skippedUnknown');
      return '';
    }
    if (run.status === 'DONE') {
      if (typeof result.todoId === 'string') return t('automations.runs.todoCreated');
      if (Array.isArray(result.mailIds)) return t('automations.runs.mailsQueued', { count: result.mailIds.length });
    }
    return '';
  };

  let body;
  if (loading) body = <InlineLoading />;
  else if (error) {
    body = (
      <LoadError title={t('automations.runs.loadError')} error={error} onRetry={() => void refetch()} />
    );
  } else if (runs.length === 0) {
    body = (
      <EmptyState
        icon={<AutomationsIcon />}
        title={status ? t('automations.runs.noneWithStatus') : t('automations.runs.emptyTitle')}
        body={t('automations.runs.emptyBody')}
      />
    );
  } else {
    body = (
      <div className="table-wrap">
        <table className="table runs-table" aria-label={t('automations.runs.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('automations.runs.client')}</th>
              <th scope="col">{t('automations.runs.step')}</th>
              <th scope="col">{t('automations.runs.due')}</th>
              <th scope="col">{t('automations.runs.status')}</th>
              <th scope="col">{t('automations.runs.finished')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <td>{run.clientName}</td>
                <td className="table__muted">
                  {t('automations.runs.stepValue', { position: run.step, kind: t(`automations.kind.${run.stepKind}`) })}
                </td>
                <td className="table__muted">{when(run.dueAt)}</td>
                <td className="runs-table__status">
                  <span className={`badge ${TONES[run.status] ?? 'badge--neutral'}`}>{t(`automations.runStatus.${run.status}`, { defaultValue: run.status })}</span>
                  {outcome(run) && <span className="runs-table__outcome">{outcome(run)}</span>}
                </td>
                <td className="table__muted">{when(run.finishedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <section className="runs" aria-labelledby="runs-title">
      <h2 id="runs-title" className="visually-hidden">
        {t('automations.editor.runsTab')}
      </h2>
      <dl className="stat-tiles">
        {stats.map(([key, value]) => (
          <div key={key} className={`stat-tile stat-tile--${key}`}>
            <dt>{t(`automations.stats.${key}`)}</dt>
            <dd>{value.toLocaleString(language)}</dd>
          </div>
        ))}
      </dl>
      <div className="list-toolbar runs__toolbar">
        <label className="inline-field">
          <span className="inline-field__label">{t('automations.runs.filter')}</span>
          <select className="select select--compact" value={status} onChange={(event) => setStatus(event.target.value)}>
            <option value="">{t('automations.runs.all')}</option>
            {STATUSES.map((option) => (
              <option key={option} value={option}>
                {t(`automations.runStatus.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--ghost button--small" onClick={() => void refetch()}>
          {t('automations.runs.refresh')}
        </button>
      </div>
      {body}
    </section>
  );
}
