import { useTranslation } from '../../../app/i18n';
import type { PipelineFieldsFragment } from '../../../graphql/generated/graphql';
import { Field } from '../../../ui/Field';
import type { EditorState } from '../utils/editorState';

interface TriggerPanelProps {
  state: EditorState;
  pipeline: PipelineFieldsFragment;
  views: readonly { id: string; name: string }[];
  /** Trigger and mode are fixed once the automation has run (the API refuses a change). */
  locked: boolean;
  readOnly: boolean;
  problems: Record<string, string>;
  onChange: (patch: Partial<EditorState>) => void;
}

/** Which cards enter (trigger and mode) and the options: only new cards, re-enrolment, stop on reply. */
export function TriggerPanel({ state, pipeline, views, locked, readOnly, problems, onChange }: TriggerPanelProps) {
  const { t } = useTranslation();
  const statuses = pipeline.statuses.filter((status) => !status.archivedAt || status.id === state.triggerStatusId);
  return (
    <section className="panel trigger-panel" aria-labelledby="trigger-title">
      <h2 id="trigger-title" className="automation-section-title">
        {t('automations.triggerPanel.title')}
      </h2>
      <fieldset className="trigger-panel__grid" disabled={readOnly}>
        <Field label={t('automations.triggerPanel.kind')} hint={locked ? t('automations.triggerPanel.locked') : undefined}>
          <select
            className="select"
            value={state.triggerKind}
            disabled={locked}
            onChange={(event) => onChange({ triggerKind: event.target.value as EditorState['triggerKind'] })}
          >
            <option value="STATUS">{t('automations.triggerKind.STATUS')}</option>
            <option value="VIEW">{t('automations.triggerKind.VIEW')}</option>
          </select>
        </Field>
        {state.triggerKind === 'STATUS' ? (
          <Field label={t('automations.create.status')} error={problems.triggerStatusId}>
            <select className="select" value={state.triggerStatusId ?? ''} disabled={locked} onChange={(event) => onChange({ triggerStatusId: event.target.value || null })}>
              <option value="">{t('automations.triggerPanel.chooseStatus')}</option>
              {statuses.map((status) => (
                <option key={status.id} value={status.id}>
                  {status.name}
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <Field label={t('automations.create.view')} error={problems.triggerViewId}>
            <select className="select" value={state.triggerViewId ?? ''} disabled={locked} onChange={(event) => onChange({ triggerViewId: event.target.value || null })}>
              <option value="">{t('automations.triggerPanel.chooseView')}</option>
              {views.map((view) => (
                <option key={view.id} value={view.id}>
                  {view.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label={t('automations.create.mode')} hint={t(`automations.modeHint.${state.mode}`)}>
          <select className="select" value={state.mode} disabled={locked} onChange={(event) => onChange({ mode: event.target.value as EditorState['mode'] })}>
            <option value="CONTINUOUS">{t('automations.mode.CONTINUOUS')}</option>
            <option value="ONE_TIME">{t('automations.mode.ONE_TIME')}</option>
          </select>
        </Field>
      </fieldset>
      <fieldset className="trigger-panel__options" disabled={readOnly}>
        <legend className="visually-hidden">{t('automations.options.legend')}</legend>
        <label className="option-toggle">
          <input type="checkbox" className="checkbox" checked={state.onlyNew} disabled={locked} onChange={(event) => onChange({ onlyNew: event.target.checked })} />
          <span>
            <span className="option-toggle__label">{t('automations.options.onlyNew')}</span>
            <span className="option-toggle__hint">{t('automations.options.onlyNewHint')}</span>
          </span>
        </label>
        <label className="option-toggle">
          <input type="checkbox" className="checkbox" checked={state.reEnrol} onChange={(event) => onChange({ reEnrol: event.target.checked })} />
          <span>
            <span className="option-toggle__label">{t('automations.options.reEnrol')}</span>
            <span className="option-toggle__hint">{t('automations.options.reEnrolHint')}</span>
          </span>
        </label>
        <label className="option-toggle">
          <input type="checkbox" className="checkbox" checked={state.stopOnReply} onChange={(event) => onChange({ stopOnReply: event.target.checked })} />
          <span>
            <span className="option-toggle__label">{t('automations.options.stopOnReply')}</span>
            <span className="option-toggle__hint">{t('automations.options.stopOnReplyHint')}</span>
          </span>
        </label>
      </fieldset>
      {problems.steps && <p className="field__error">{problems.steps}</p>}
    </section>
  );
}
