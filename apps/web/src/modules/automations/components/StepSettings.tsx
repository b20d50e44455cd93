import { useState, useEffect, useRef } from 'react';
import { useTranslation } from '../../../app/i18n';
import { Field } from '../../../ui/Field';
import { CloseIcon } from '../../../ui/icons';
import { MAX_DELAY_DAYS, type EditorStep } from '../utils/editorState';
import { StepIcon } from './StepIcon';
import { TemplatePreviewDialog } from './TemplatePreviewDialog';

interface StepSettingsProps {
  step: EditorStep;
  position: number;
  pipelineId: string;
  emailTemplates: readonly { id: string; name: string; category?: string | null }[];
  todoTemplates: readonly { id: string; title: string }[];
  users: readonly { id: string; name: string }[];
  /** Problems of this step by field, already translated. */
  problems: Record<string, string>;
  readOnly: boolean;
  onChange: (patch: Partial<EditorStep>) => void;
  onClose: () => void;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** The selected step's delay, timing, template, recipient and sender. */
export function StepSettings({ step, position, pipelineId, emailTemplates, todoTemplates, users, problems, readOnly, onChange, onClose }: StepSettingsProps) {
  const { t } = useTranslation();
  const [previewing, setPreviewing] = useState(false);
  const [delayText, setDelayText] = useState(String(step.delayDays));
  const [delayKey, setDelayKey] = useState(step.key);
  if (delayKey !== step.key) {
    setDelayKey(step.key);
    setDelayText(String(step.delayDays));
  }
  const email = step.kind !== 'TODO_FOR_USER';
  const recipients = step.kind === 'EMAIL_TO_CONTACT' ? ['PRIMARY_CONTACT', 'ALL_CONTACTS'] : ['OWNER', 'USER'];
  const pad = (n: number) => String(n).padStart(2, '0');

  // A step dropped low in a long sequence opens its settings out of sight: bring them into view
  // (without taking focus from the sequence, where keyboard users go on moving steps).
  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    sectionRef.current?.scrollIntoView?.({ block: 'nearest', behavior: reduced ? 'auto' : 'smooth' });
  }, [step.key]);

  return (
    <section ref={sectionRef} className="panel step-settings" aria-labelledby="step-settings-title">
      <div className="panel__header">
        <h2 id="step-settings-title" className="panel__title step-settings__title">
          <StepIcon kind={step.kind} />
          {t('automations.settings.title', { position, kind: t(`automations.kind.${step.kind}`) })}
        </h2>
        <button type="button" className="icon-button icon-button--small" aria-label={t('automations.settings.close')} onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      <fieldset className="step-settings__form" disabled={readOnly}>
        <div className="form__row">
          <Field label={t('automations.settings.delay')} hint={t('automations.settings.delayHint')} error={problems.delayDays}>
            <input
              className="input"
              type="number"
              inputMode="numeric"
              min={0}
              max={MAX_DELAY_DAYS}
              value={delayText}
              onChange={(event) => {
                setDelayText(event.target.value);
                const value = event.target.value.trim() === '' ? Number.NaN : Number(event.target.value);
                onChange({ delayDays: value });
              }}
            />
          </Field>
        </div>
        <div className="form__row">
          <Field label={t('automations.settings.weekday')}>
            <select
              className="select"
              value={step.weekday ?? ''}
              onChange={(event) => onChange({ weekday: event.target.value ? Number(event.target.value) : null })}
            >
              <option value="">{t('automations.settings.anyDay')}</option>
              {WEEKDAYS.map((day) => (
                <option key={day} value={day}>
                  {t(`automations.weekday.${day}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('automations.settings.hour')}>
            <select
              className="select"
              value={step.hour ?? ''}
              onChange={(event) => onChange({ hour: event.target.value === '' ? null : Number(event.target.value) })}
            >
              <option value="">{t('automations.settings.sameTime')}</option>
              {HOURS.map((hour) => (
                <option key={hour} value={hour}>
                  {`${pad(hour)}:00`}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <p className="field__hint step-settings__timezone">{t('automations.settings.timingHint')}</p>
        {email ? (
          <Field label={t('automations.settings.emailTemplate')} error={problems.emailTemplateId} hint={emailTemplates.length === 0 ? t('automations.settings.noEmailTemplates') : undefined}>
            <select className="select" value={step.emailTemplateId ?? ''} onChange={(event) => onChange({ emailTemplateId: event.target.value || null })}>
              <option value="">{t('automations.settings.chooseTemplate')}</option>
              {emailTemplates.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.category ? `${template.category} · ${template.name}` : template.name}
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <Field label={t('automations.settings.todoTemplate')} error={problems.todoTemplateId} hint={todoTemplates.length === 0 ? t('automations.settings.noTodoTemplates') : undefined}>
            <select className="select" value={step.todoTemplateId ?? ''} onChange={(event) => onChange({ todoTemplateId: event.target.value || null })}>
              <option value="">{t('automations.settings.chooseTemplate')}</option>
              {todoTemplates.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.title}
                </option>
              ))}
            </select>
          </Field>
        )}
        {email && step.emailTemplateId && (
          <button type="button" className="link-button step-settings__preview" onClick={() => setPreviewing(true)}>
            {t('automations.settings.preview')}
          </button>
        )}
        <fieldset className="segmented step-settings__choice">
          <legend className="field__label">{t(step.kind === 'TODO_FOR_USER' ? 'automations.settings.assignee' : 'automations.settings.recipient')}</legend>
          {recipients.map((option) => (
            <label key={option} className="segmented__option">
              <input
                type="radio"
                name={`recipient-${step.key}`}
                checked={step.recipient === option}
                onChange={() => onChange({ recipient: option })}
              />
              {t(`automations.recipient.option.${option}`)}
            </label>
          ))}
          {problems.recipient && <p className="field__error">{problems.recipient}</p>}
        </fieldset>
        {step.recipient === 'USER' && (
          <Field label={t('automations.settings.recipientUser')} error={problems.recipientUserId}>
            <select className="select" value={step.recipientUserId ?? ''} onChange={(event) => onChange({ recipientUserId: event.target.value || null })}>
              <option value="">{t('automations.settings.chooseUser')}</option>
              {users.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        {email && (
          <>
            <fieldset className="segmented step-settings__choice">
              <legend className="field__label">{t('automations.settings.sender')}</legend>
              {['OWNER', 'USER'].map((option) => (
                <label key={option} className="segmented__option">
                  <input type="radio" name={`sender-${step.key}`} checked={step.sender === option} onChange={() => onChange({ sender: option })} />
                  {t(`automations.sender.${option}`)}
                </label>
              ))}
            </fieldset>
            {step.sender === 'USER' && (
              <Field label={t('automations.settings.senderUser')} error={problems.senderUserId}>
                <select className="select" value={step.senderUserId ?? ''} onChange={(event) => onChange({ senderUserId: event.target.value || null })}>
                  <option value="">{t('automations.settings.chooseUser')}</option>
                  {users.map((user) => (
                    <option key={user.id} value={user.id}>
                      {user.name}
                    </option>
                  ))}
                </select>
              </Field>
            )}
          </>
        )}
      </fieldset>
      {previewing && step.emailTemplateId && (
        <TemplatePreviewDialog
          pipelineId={pipelineId}
          templateId={step.emailTemplateId}
          templateName={emailTemplates.find((tpl) => tpl.id === step.emailTemplateId)?.name ?? ''}
          onClose={() => setPreviewing(false)}
        />
      )}
    </section>
  );
}
