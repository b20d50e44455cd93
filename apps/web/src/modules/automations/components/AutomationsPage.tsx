import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from '../../../app/i18n';
import { EmptyState } from '../../../ui/EmptyState';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { AutomationsIcon, PlusIcon } from '../../../ui/icons';
import { PageHeader } from '../../../ui/PageHeader';
import { rememberPipeline } from '../../pipelines/components/PipelineRedirect';
import { PipelineSwitcher } from '../../pipelines/components/PipelineSwitcher';
import { usePipelines } from '../../pipelines/hooks/usePipelines';
import { useAutomations, useEditorOptions } from '../hooks/useAutomations';
import { describeTrigger, stateTone } from '../utils/describe';
import { NewAutomationDialog } from './NewAutomationDialog';
import { LoadError } from '../../../ui/LoadError';

export const automationsPath = (pipelineId: string) => `/automations/${pipelineId}`;
export const editorPath = (pipelineId: string, automationId: string) => `/automations/${pipelineId}/${automationId}`;

/** /automations/:pipelineId: every automation of a pipeline with its trigger, state and counts. */
export function AutomationsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { pipelineId = '' } = useParams();
  const { pipelines } = usePipelines();
  const pipeline = pipelines.find((candidate) => candidate.id === pipelineId);
  const { automations, loading, error, refetch } = useAutomations(pipelineId);
  const { views } = useEditorOptions(pipelineId);
  const [creating, setCreating] = useState(false);
  const number = (n: number) => n.toLocaleString(i18n.resolvedLanguage);

  useEffect(() => rememberPipeline(pipelineId), [pipelineId]);

  let body;
  if (loading) body = <InlineLoading />;
  else if (error) {
    body = (
      <LoadError title={t('automations.list.loadError')} error={error} onRetry={() => void refetch()} />
    );
  } else if (automations.length === 0) {
    body = (
      <EmptyState
        icon={<AutomationsIcon />}
        title={t('automations.list.emptyTitle')}
        body={t('automations.list.emptyBody')}
        action={
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            <PlusIcon />
            {t('automations.list.new')}
          </button>
        }
      />
    );
  } else {
    body = (
      <div className="table-wrap">
        <table className="table automations-table" aria-label={t('automations.list.tableLabel', { pipeline: pipeline?.name ?? '' })}>
          <thead>
            <tr>
              <th scope="col">{t('automations.list.name')}</th>
              <th scope="col">{t('automations.list.trigger')}</th>
              <th scope="col">{t('automations.list.mode')}</th>
              <th scope="col">{t('automations.list.state')}</th>
              <th scope="col" className="automations-table__number">{t('automations.list.enrolled')}</th>
              <th scope="col" className="automations-table__number">{t('automations.list.stepsDone')}</th>
              <th scope="col" className="automations-table__number">{t('automations.list.failures')}</th>
            </tr>
          </thead>
          <tbody>
            {automations.map((automation) => (
              <tr key={automation.id}>
                <td>
                  <Link className="automations-table__name" to={editorPath(pipelineId, automation.id)}>
                    {automation.name}
                  </Link>
                  <span className="automations-table__steps">{t('automations.list.stepCount', { count: automation.steps.length })}</span>
                </td>
                <td className="table__muted">{describeTrigger(automation, pipeline, views, t)}</td>
                <td className="table__muted">{t(`automations.mode.${automation.mode}`)}</td>
                <td>
                  <span className={`badge ${stateTone(automation.state)}`}>{t(`automations.state.${automation.state}`)}</span>
                  {automation.state === 'PAUSED' && automation.pausedReason && (
                    <span className="automations-table__sub">{t(`automations.pausedReason.${automation.pausedReason}`, { defaultValue: '' })}</span>
                  )}
                </td>
                <td className="automations-table__number">{number(automation.stats.enrolled)}</td>
                <td className="automations-table__number">
                  {number(automation.stats.stepsDone)}
                  {automation.stats.stepsPending > 0 && (
                    <span className="automations-table__sub">{t('automations.list.pending', { count: automation.stats.stepsPending })}</span>
                  )}
                </td>
                <td className="automations-table__number">
                  <span className={automation.stats.failures > 0 ? 'automations-table__failures' : undefined}>
                    {number(automation.stats.failures)}
                  </span>
                  {automation.stats.skipped > 0 && (
                    <span className="automations-table__sub">{t('automations.list.skipped', { count: automation.stats.skipped })}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <div className="page page--wide automations-page">
      <PageHeader
        title={t('automations.list.title')}
        description={t('automations.list.description')}
        actions={
          <>
            {pipelines.length > 0 && <PipelineSwitcher pipelines={pipelines} currentId={pipelineId} to={automationsPath} />}
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              <PlusIcon />
              {t('automations.list.new')}
            </button>
          </>
        }
      />
      {body}
      {creating && pipeline && (
        <NewAutomationDialog
          pipeline={pipeline}
          views={views}
          onClose={() => setCreating(false)}
          onCreated={(id) => navigate(editorPath(pipelineId, id))}
        />
      )}
    </div>
  );
}
