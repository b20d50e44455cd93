import { useTranslation } from '../app/i18n';
import { InlineLoading } from './FullPageLoading';
import { LoadError } from './LoadError';

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
      <LoadError title={t('card.common.loadError')} error={error} onRetry={onRetry} />
    );
  }
  return null;
}
