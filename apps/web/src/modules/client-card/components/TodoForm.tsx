import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { TodoInput } from '../../../graphql/generated/graphql';
import { Field } from '../../../ui/Field';
import { fromDateTimeInputs, nextWorkingMorning, toDateTimeInputs } from '../../../ui/datetime';

interface TodoFormProps {
  /** Accessible name of the form, e.g. "Add todo" or "Next todo". */
  label: string;
  submitLabel: string;
  users: readonly { id: string; name: string }[];
  initial?: { title?: string; assigneeId?: string | null; deadline?: string };
  onSubmit: (input: TodoInput) => Promise<boolean>;
  onCancel?: () => void;
  busy?: boolean;
  /** Put the cursor in the title as soon as the form appears. */
  autoFocus?: boolean;
  fieldErrors?: Record<string, string>;
  /** Todo templates to start from (title, text and a deadline some days ahead at a set time). */
  templates?: readonly TodoTemplateChoice[];
}

export interface TodoTemplateChoice {
  id: string;
  title: string;
  text?: string | null;
  deadlineOffsetDays: number;
  /** HH:MM; none: 9:00, the working morning. */
  deadlineTime: string | null;
}

/** A template's deadline: so many days from today, at its time (local). */
export function templateDeadline(template: Pick<TodoTemplateChoice, 'deadlineOffsetDays' | 'deadlineTime'>, now = new Date()): { date: string; time: string } {
  const day = new Date(now);
  day.setDate(day.getDate() + template.deadlineOffsetDays);
  return { date: toDateTimeInputs(day.toISOString()).date, time: (template.deadlineTime ?? '09:00').slice(0, 5) };
}

/** Title, assignee, deadline date and time: used to add, edit and offer the next todo. */
export function TodoForm({ label, submitLabel, users, initial, onSubmit, onCancel, busy, autoFocus, fieldErrors = {}, templates = [] }: TodoFormProps) {
  const { t } = useTranslation();
  const start = toDateTimeInputs(initial?.deadline ?? nextWorkingMorning());
  const [title, setTitle] = useState(initial?.title ?? '');
  const [assigneeId, setAssigneeId] = useState(initial?.assigneeId ?? '');
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [templateId, setTemplateId] = useState('');
  const [text, setText] = useState<string | null>(null);

  const pickTemplate = (id: string) => {
    setTemplateId(id);
    const template = templates.find((x) => x.id === id);
    if (!template) return;
    setTitle(template.title);
    setText(template.text ?? null);
    const when = templateDeadline(template);
    setDate(when.date);
    setTime(when.time);
  };
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (autoFocus) titleRef.current?.focus();
  }, [autoFocus]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!title.trim()) next.title = t('card.todos.validation.title');
    const deadline = fromDateTimeInputs(date, time);
    if (!deadline) next.deadline = t('card.todos.validation.deadline');
    setErrors(next);
    if (Object.keys(next).length > 0 || !deadline) return;
    const input: TodoInput = { title: title.trim(), deadline };
    if (assigneeId) input.assigneeId = assigneeId;
    if (text) input.text = text;
    const ok = await onSubmit(input);
    if (ok && !initial?.title) {
      setTitle('');
      setText(null);
      setTemplateId('');
      titleRef.current?.focus();
    }
  };

  return (
    <form className="todo-form" aria-label={label} onSubmit={(event) => void submit(event)} noValidate>
      {templates.length > 0 && !initial?.title && (
        <div className="todo-form__template">
          <Field label={t('card.todos.template')} hint={t('card.todos.templateHint')}>
            <select className="select" value={templateId} onChange={(e) => pickTemplate(e.target.value)}>
              <option value="">{t('card.todos.noTemplate')}</option>
              {templates.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.title}
                </option>
              ))}
            </select>
          </Field>
        </div>
      )}
      <div className="todo-form__title">
        <Field label={t('card.todos.title')} error={errors.title ?? fieldErrors.title}>
          <input ref={titleRef} className="input" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />
        </Field>
      </div>
      <Field label={t('card.todos.assignee')} error={fieldErrors.assigneeId}>
        <select className="select" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
          <option value="">{t('card.todos.defaultAssignee')}</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('card.todos.date')} error={errors.deadline ?? fieldErrors.deadline}>
        <input className="input" type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
      </Field>
      <Field label={t('card.todos.time')}>
        <input className="input" type="time" value={time} onChange={(e) => setTime(e.target.value)} required />
      </Field>
      <div className="todo-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t('card.common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
