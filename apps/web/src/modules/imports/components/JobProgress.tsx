import type { TFunction } from '../../../app/i18n';
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { BackgroundJobFieldsFragment } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { BACKGROUND_JOB_QUERY, CANCEL_BACKGROUND_JOB_MUTATION } from '../graphql/imports';

const FINISHED = ['DONE', 'FAILED', 'CANCELLED'];

export function isFinishedJob(state: string | undefined): boolean {
  return !!state && FINISHED.includes(state);
}

function duration(seconds: number, t: TFunction): string {
  if (seconds < 60) return t('jobs.seconds', { count: Math.max(1, Math.round(seconds)) });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t('jobs.minutes', { count: minutes });
  return t('jobs.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/**
 * Progress of any long work (imports, exports, campaigns): rows done, rows per second and time
 * left, read from the job's row every second until it finishes; works after leaving the page or
 * reloading (it needs only the job's id). Calls onFinished once with the finished job.
 */
export function JobProgress({ jobId, onFinished, label }: { jobId: string; onFinished?: (job: BackgroundJobFieldsFragment) => void; label?: string }) {
  const { t, i18n } = useTranslation();
  const { data, startPolling, stopPolling } = useQuery(BACKGROUND_JOB_QUERY, { variables: { id: jobId }, fetchPolicy: 'network-only' });
  const current = data?.backgroundJob as BackgroundJobFieldsFragment | undefined;
  const [cancel, cancelState] = useMutation(CANCEL_BACKGROUND_JOB_MUTATION);
  const { error, run } = useMutationErrors();
  const finished = isFinishedJob(current?.state);

  useEffect(() => {
    if (finished) {
      stopPolling();
      if (current) onFinished?.(current);
    } else startPolling(1000);
    return () => stopPolling();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [finished]);

  if (!current) return <p className="table__muted">{t('jobs.waiting')}</p>;
  const number = new Intl.NumberFormat(i18n.language);
  const percent = current.rowsTotal ? Math.min(100, Math.round((current.rowsDone / current.rowsTotal) * 100)) : null;
  return (
    <section className="job-progress" aria-label={label ?? t('jobs.progress')}>
      {finished && !current.rowsTotal ? (
        // A finished job without a known total (an export) shows full when done, empty otherwise; never the busy animation.
        <progress className="job-progress__bar" max={1} value={current.state === 'DONE' ? 1 : 0} aria-label={label ?? t('jobs.progress')} />
      ) : (
        <progress className="job-progress__bar" max={current.rowsTotal ?? undefined} value={current.rowsTotal ? current.rowsDone : undefined} aria-label={label ?? t('jobs.progress')} />
      )}
      <p className="job-progress__text" role="status" aria-live="polite">
        {t(`jobs.states.${current.state}`)}
        {' · '}
        {current.rowsTotal !== null && current.rowsTotal !== undefined
          ? t('jobs.rowsOf', { done: number.format(current.rowsDone), total: number.format(current.rowsTotal), percent: percent ?? 0 })
          : t('jobs.rows', { done: number.format(current.rowsDone) })}
        {current.rowsPerSecond ? ` · ${t('jobs.rate', { rate: number.format(Math.round(current.rowsPerSecond)) })}` : ''}
        {!finished && current.secondsLeft ? ` · ${t('jobs.left', { time: duration(current.secondsLeft, t) })}` : ''}
      </p>
      {!finished && (
        <button type="button" className="button button--secondary button--small" disabled={cancelState.loading || current.state === 'CANCELLING'} onClick={() => void run(() => cancel({ variables: { id: jobId } }))}>
          {t('jobs.cancel')}
        </button>
      )}
      <ErrorAlert error={error} />
    </section>
  );
}
