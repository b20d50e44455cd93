import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { AutomationMode, PipelineFieldsFragment, TriggerKind } from '../../../graphql/generated/graphql';
import { Dialog } from '../../../ui/Dialog';
import { Field } from '../../../ui/Field';
import { AlertIcon } from '../../../ui/icons';
import { useCreateAutomation } from '../hooks/useAutomations';

interface NewAutomationDialogProps {
  pipeline: PipelineFieldsFragment;
  views: readonly { id: string; name: string }[];
  onClose: () => void;
  onCreated: (id: string) => void;
}

/** Name, trigger, mode and "only new cards": creates a draft with no steps and opens the editor. */
export function NewAutomationDialog({ pipeline, views, onClose, onCreated }: NewAutomationDialogProps) {
  const { t } = useTranslation();
  const statuses = pipeline.statuses.filter((status) => !status.archivedAt);
  const [name, setName] = useState('');
  const [triggerKind, setTriggerKind] = useState<TriggerKind>('STATUS');
  const [statusId, setStatusId] = useState(statuses[0]?.id ?? '');
  const [viewId, setViewId] = useState(views[0]?.id ?? '');
  const [mode, setMode] = useState<AutomationMode>('CONTINUOUS');
  const [onlyNew, setOnlyNew] = useState(false);
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const { create, loading, error } = useCreateAutomation();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = {
      name: !name.trim(),
      trigger: triggerKind === 'STATUS' ? !statusId : !viewId,
    };
    setMissing(problems);
    if (problems.name || problems.trigger) return;
    const created = await create({
      pipelineId: pipeline.id,
      name: name.trim(),
      triggerKind,
      triggerStatusId: triggerKind === 'STATUS' ? statusId : null,
      triggerViewId: triggerKind === 'VIEW' ? viewId : null,
      mode,
      onlyNew,
      reEnrol: false,
      stopOnReply: false,
      steps: [],
    });
    if (created) onCreated(created.id);
  };

  return (
    <Dialog title={t('automations.create.title')} description={t('automations.create.description', { pipeline: pipeline.name })} onClose={onClose}>
      <form className="form" noValidate onSubmit={submit}>
        {error && !error.fields.name && (
          <div className="alert alert--danger" role="alert">
            <AlertIcon />
            <span>{error.message}</span>
          </div>
        )}
        <Field label={t('automations.create.name')} error={missing.name ? t('automations.problems.name') : error?.fields.name}>
          <input
            className="input"
            autoComplete="off"
            placeholder={t('automations.create.namePlaceholder')}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </Field>
        <fieldset className="segmented">
          <legend className="field__label">{t('automations.create.trigger')}</legend>
          <label className="segmented__option">
            <input type="radio" name="trigger" checked={triggerKind === 'STATUS'} onChange={() => setTriggerKind('STATUS')} />
            {t('automations.triggerKind.STATUS')}
          </label>
          <label className="segmented__option">
            <input type="radio" name="trigger" checked={triggerKind === 'VIEW'} onChange={() => setTriggerKind('VIEW')} />
            {t('automations.triggerKind.VIEW')}
          </label>
        </fieldset>
        {triggerKind === 'STATUS' ? (
          <Field label={t('automations.create.status')} error={missing.trigger ? t('automations.problems.triggerStatusId') : undefined}>
            <select className="select" value={statusId} onChange={(event) => setStatusId(event.target.value)}>
              {statuses.map((status) => (
                <option key={status.id} value={status.id}>
                  {status.name}
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <Field
            label={t('automations.create.view')}
            error={missing.trigger ? t('automations.problems.triggerViewId') : undefined}
            hint={views.length === 0 ? t('automations.create.noViews') : undefined}
          >
            <select className="select" value={viewId} onChange={(event) => setViewId(event.target.value)}>
              {views.length === 0 && <option value="">{t('automations.create.noViewOption')}</option>}
              {views.map((view) => (
                <option key={view.id} value={view.id}>
                  {view.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <fieldset className="segmented">
          <legend className="field__label">{t('automations.create.mode')}</legend>
          {(['CONTINUOUS', 'ONE_TIME'] as const).map((option) => (
            <label key={option} className="segmented__option">
              <input type="radio" name="mode" checked={mode === option} onChange={() => setMode(option)} />
              {t(`automations.mode.${option}`)}
            </label>
          ))}
        </fieldset>
        <p className="field__hint">{t(`automations.modeHint.${mode}`)}</p>
        <label className="check-label">
          <input type="checkbox" className="checkbox" checked={onlyNew} onChange={(event) => setOnlyNew(event.target.checked)} />
          {t('automations.options.onlyNew')}
        </label>
        <div className="dialog__footer">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={loading} aria-busy={loading}>
            {t('automations.create.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
