import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { EmptyState } from '../../../ui/EmptyState';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { AlertIcon } from '../../../ui/icons';

interface TabStateProps {
  loading: boolean;
  error: unknown;
  hasData: boolean;
  onRetry: () => void;
}

/** Loading and load-error states shared by the tabs; renders nothing once there is data. */
export function TabState({ loading, error, hasData, onRetry }: TabStateProps) {
  const { t } = useTranslation();
  if (hasData) return null;
  if (loading) return <InlineLoading />;
  if (error) {
    return (
      <EmptyState
        tone="danger"
        icon={<AlertIcon />}
        title={t('card.common.loadError')}
        body={describeError(error, t).message}
        action={
          <button type="button" className="button button--secondary" onClick={onRetry}>
            {t('app.retry')}
          </button>
        }
      />
    );
  }
  return null;
}
