import { useTranslation } from '../../../app/i18n';
import { useNavigate } from 'react-router-dom';
import type { PipelineFieldsFragment } from '../../../graphql/generated/graphql';

interface PipelineSwitcherProps {
  pipelines: readonly PipelineFieldsFragment[];
  currentId: string;
  /** Where a pipeline's page lives, e.g. (id) => `/board/${id}`. */
  to: (pipelineId: string) => string;
}

/** The page header's pipeline choice: switching keeps the view (board or list). */
export function PipelineSwitcher({ pipelines, currentId, to }: PipelineSwitcherProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <label className="inline-field">
      <span className="inline-field__label">{t('pipelines.switcher')}</span>
      <select className="select select--compact" value={currentId} onChange={(event) => navigate(to(event.target.value))}>
        {pipelines.map((pipeline) => (
          <option key={pipeline.id} value={pipeline.id}>
            {pipeline.name}
          </option>
        ))}
      </select>
    </label>
  );
}
