import { Navigate } from 'react-router-dom';
import { useTranslation } from '../../../app/i18n';
import { EmptyState } from '../../../ui/EmptyState';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { BoardIcon } from '../../../ui/icons';
import { usePipelines } from '../hooks/usePipelines';
import { LoadError } from '../../../ui/LoadError';

const LAST_PIPELINE_KEY = 'crm.pipeline';

export function rememberPipeline(id: string) {
  try {
    window.localStorage.setItem(LAST_PIPELINE_KEY, id);
  } catch {
    // Storage disabled: the first pipeline is used next time.
  }
}

function lastPipeline(): string | null {
  try {
    return window.localStorage.getItem(LAST_PIPELINE_KEY);
  } catch {
    return null;
  }
}

/** /board and /list: open the pipeline used last (or the first one). */
export function PipelineRedirect({ to }: { to: (pipelineId: string) => string }) {
  const { t } = useTranslation();
  const { pipelines, loading, error, refetch } = usePipelines();
  if (loading) return <div className="page"><InlineLoading /></div>;
  if (error) {
    return (
      <div className="page">
        <LoadError title={t('pipelines.loadError')} error={error} onRetry={() => void refetch()} />
      </div>
    );
  }
  if (pipelines.length === 0) {
    return (
      <div className="page">
        <EmptyState icon={<BoardIcon />} title={t('pages.board.emptyTitle')} body={t('pages.board.emptyBody')} />
      </div>
    );
  }
  const last = lastPipeline();
  const target = pipelines.find((pipeline) => pipeline.id === last) ?? pipelines[0];
  return <Navigate to={to(target.id)} replace />;
}
