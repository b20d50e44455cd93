import { useTranslation } from '../app/i18n';
import { describeError } from '../app/errors';
import { EmptyState } from './EmptyState';
import { AlertIcon } from './icons';

/** "We couldn't load …" with the reason and a Retry button: every page's failed query. */
export function LoadError({ title, error, onRetry }: { title: string; error?: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      tone="danger"
      icon={<AlertIcon />}
      title={title}
      body={error ? describeError(error, t).message : undefined}
      action={
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      }
    />
  );
}
