import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { TodoTemplateFieldsFragment } from '../../../graphql/generated/graphql';
import { Dialog } from '../../../ui/Dialog';
import { Field } from '../../../ui/Field';
import { AlertIcon } from '../../../ui/icons';
import { useTodoTemplateMutations } from '../hooks/useTemplates';

interface TodoTemplateDialogProps {
  pipelineId: string;
  template?: TodoTemplateFieldsFragment;
  onClose: () => void;
  onSaved: (title: string) => void;
}

/** Title, text, deadline offset in days and time of a todo template. */
export function TodoTemplateDialog({ pipelineId, template, onClose, onSaved }: TodoTemplateDialogProps) {
  const { t } = useTranslation();
  const mutations = useTodoTemplateMutations();
  const [title, setTitle] = useState(template?.title ?? '');
  const [text, setText] = useState(template?.text ?? '');
  const [days, setDays] = useState(String(template?.deadlineOffsetDays ?? 1));
  const [time, setTime] = useState(template?.deadlineTime ?? '');
  const [allPipelines, setAllPipelines] = useState(template ? template.pipelineId === null : false);
  const [problems, setProblems] = useState<{ title?: string; days?: string }>({});
  const fields = mutations.error?.fields ?? {};

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const offset = Number(days);
    const local = {
      title: title.trim() ? undefined : t('templates.todo.titleRequired'),
      days: days.trim() !== '' && Number.isInteger(offset) && offset >= 0 ? undefined : t('templates.todo.daysInvalid'),
    };
    setProblems(local);
    if (local.title || local.days) return;
    const saved = await mutations.save(template?.id ?? null, {
      pipelineId: allPipelines ? null : pipelineId,
      title: title.trim(),
      text: text.trim() || null,
      deadlineOffsetDays: offset,
      deadlineTime: time || null,
    });
    if (saved) onSaved(saved.title);
  };

  return (
    <Dialog title={template ? t('templates.todo.editTitle', { name: template.title }) : t('templates.todo.newTitle')} onClose={onClose}>
      <form className="form" noValidate onSubmit={submit}>
        {mutations.error && Object.keys(fields).length === 0 && (
          <div className="alert alert--danger" role="alert">
            <AlertIcon />
            <span>{mutations.error.message}</span>
          </div>
        )}
        <Field label={t('templates.todo.fields.title')} error={problems.title ?? fields.title}>
          <input className="input" autoComplete="off" value={title} onChange={(event) => setTitle(event.target.value)} />
        </Field>
        <Field label={t('templates.todo.fields.text')} error={fields.text}>
          <textarea className="input textarea" rows={4} value={text} onChange={(event) => setText(event.target.value)} />
        </Field>
        <div className="form__row">
          <Field label={t('templates.todo.fields.days')} hint={t('templates.todo.daysHint')} error={problems.days ?? fields.deadlineOffsetDays}>
            <input className="input" type="number" min={0} step={1} inputMode="numeric" value={days} onChange={(event) => setDays(event.target.value)} />
          </Field>
          <Field label={t('templates.todo.fields.time')} hint={t('templates.todo.timeHint')} error={fields.deadlineTime}>
            <input className="input" type="time" value={time} onChange={(event) => setTime(event.target.value)} />
          </Field>
        </div>
        <label className="check-label">
          <input type="checkbox" className="checkbox" checked={allPipelines} onChange={(event) => setAllPipelines(event.target.checked)} />
          {t('templates.todo.allPipelines')}
        </label>
        <div className="dialog__footer">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={mutations.loading} aria-busy={mutations.loading}>
            {template ? t('settingsCommon.save') : t('settingsCommon.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
