import { Link, useParams } from 'react-router-dom';
import { useTranslation } from '../../../app/i18n';
import { describeError } from '../../../app/errors';
import { EmptyState } from '../../../ui/EmptyState';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { AlertIcon } from '../../../ui/icons';
import { usePipelines } from '../../pipelines/hooks/usePipelines';
import { useAutomation, useEditorOptions } from '../hooks/useAutomations';
import { AutomationEditor } from './AutomationEditor';
import { automationsPath } from './AutomationsPage';

/** /automations/:pipelineId/:automationId: loads what the editor needs, then hands over. */
export function AutomationEditorPage() {
  const { t } = useTranslation();
  const { pipelineId = '', automationId = '' } = useParams();
  const { pipelines, loading: pipelinesLoading } = usePipelines();
  const { automation, loading, error, refetch } = useAutomation(automationId);
  const options = useEditorOptions(pipelineId);
  const pipeline = pipelines.find((candidate) => candidate.id === pipelineId);

  if (loading || options.loading || pipelinesLoading) return <div className="page"><InlineLoading /></div>;
  const failure = error ?? options.error;
  if (failure || !automation || !pipeline) {
    return (
      <div className="page">
        <EmptyState
          tone="danger"
          icon={<AlertIcon />}
          title={t('automations.editor.loadError')}
          body={failure ? describeError(failure, t).message : t('errors.NOT_FOUND')}
          action={
            <span className="automation-actions">
              <button type="button" className="button button--secondary" onClick={() => void Promise.all([refetch(), options.refetch()])}>
                {t('app.retry')}
              </button>
              <Link className="button button--ghost" to={automationsPath(pipelineId)}>
                {t('automations.editor.back')}
              </Link>
            </span>
          }
        />
      </div>
    );
  }
  return <AutomationEditor key={automation.id} automation={automation} pipeline={pipeline} options={options} />;
}
