import { useTranslation } from '../../../app/i18n';

interface PipelineItem {
  id: string;
  name: string;
  archivedAt?: string | null;
}

/** The pipelines down the left of a settings page; the chosen one is marked current. */
export function PipelineSideList({ pipelines, selectedId, label, onSelect }: { pipelines: PipelineItem[]; selectedId: string; label: string; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="settings-split__list" aria-label={label}>
      <ul>
        {pipelines.map((pipeline) => (
          <li key={pipeline.id}>
            <button
              type="button"
              className={`list-button${pipeline.id === selectedId ? ' list-button--active' : ''}`}
              aria-current={pipeline.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(pipeline.id)}
            >
              <span>{pipeline.name}</span>
              {pipeline.archivedAt && <span className="badge badge--neutral">{t('settingsCommon.archived')}</span>}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
