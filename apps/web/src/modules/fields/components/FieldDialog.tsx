import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { CustomFieldInput, CustomFieldKind, CustomFieldSettingsFragment } from '../../../graphql/generated/graphql';
import type { AppError } from '../../../app/errors';
import { Dialog } from '../../../ui/Dialog';
import { Field } from '../../../ui/Field';
import { AlertIcon, ArrowDownIcon, ArrowUpIcon, CloseIcon, PlusIcon } from '../../../ui/icons';
import { cleanChoices, FIELD_KINDS, hasChoices, includesChoice, moveItem, type ChoicesProblem } from '../utils/kinds';

/** Errors this dialog shows next to a control; anything else goes in the alert at the top. */
const SHOWN_FIELDS = ['label', 'kind', 'options'];

interface FieldDialogProps {
  /** The field being edited; a new field when absent. */
  field?: CustomFieldSettingsFragment;
  busy: boolean;
  error: AppError | null;
  onClose: () => void;
  onSubmit: (input: CustomFieldInput) => void;
}

/** Creates or edits a custom field: label, kind (fixed once created), choices and whether it is required. */
export function FieldDialog({ field, busy, error, onClose, onSubmit }: FieldDialogProps) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(field?.label ?? '');
  const [kind, setKind] = useState<CustomFieldKind>(field?.kind ?? 'TEXT');
  const [choices, setChoices] = useState<string[]>(field?.options ?? []);
  const [draft, setDraft] = useState('');
  const [required, setRequired] = useState(field?.required ?? false);
  const [labelMissing, setLabelMissing] = useState(false);
  const [choicesProblem, setChoicesProblem] = useState<ChoicesProblem | null>(null);
  const withChoices = hasChoices(kind);
  const generalError = error && !SHOWN_FIELDS.some((key) => error.fields[key]) ? error.message : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // A choice typed but not yet added counts: that is what the admin meant.
    const pending = draft.trim() && !includesChoice(choices, draft) ? [...choices, draft] : choices;
    const cleaned = withChoices ? cleanChoices(pending) : { choices: [] };
    setLabelMissing(!label.trim());
    setChoicesProblem(cleaned.problem ?? null);
    if (!label.trim() || cleaned.problem) return;
    if (pending !== choices) {
      setChoices(pending);
      setDraft('');
    }
    onSubmit({ label: label.trim(), kind, options: cleaned.choices, required });
  };

  return (
    <Dialog title={field ? t('fields.editTitle', { name: field.label }) : t('fields.new')} onClose={onClose}>
      <form className="form" noValidate onSubmit={submit}>
        {generalError && (
          <div className="alert alert--danger" role="alert">
            <AlertIcon />
            <span>{generalError}</span>
          </div>
        )}
        <Field label={t('fields.label')} error={labelMissing ? t('fields.labelRequired') : error?.fields.label}>
          <input
            className="input"
            autoComplete="off"
            maxLength={120}
            value={label}
            onChange={(event) => {
              setLabel(event.target.value);
              setLabelMissing(false);
            }}
          />
        </Field>
        {field ? (
          <Field label={t('fields.kind')} hint={t('fields.kindFixed')} error={error?.fields.kind}>
            <input className="input" readOnly value={t(`fields.kinds.${kind}`)} />
          </Field>
        ) : (
          <Field label={t('fields.kind')} hint={t(`fields.kindHints.${kind}`)} error={error?.fields.kind}>
            <select
              className="select"
              value={kind}
              onChange={(event) => {
                setKind(event.target.value as CustomFieldKind);
                setChoicesProblem(null);
              }}
            >
              {FIELD_KINDS.map((option) => (
                <option key={option} value={option}>
                  {t(`fields.kinds.${option}`)}
                </option>
              ))}
            </select>
          </Field>
        )}
        {withChoices && (
          <ChoicesEditor
            kind={kind}
            choices={choices}
            draft={draft}
            error={choicesProblem ? t(`fields.choicesProblem.${choicesProblem}`) : error?.fields.options}
            onChoices={(next) => {
              setChoices(next);
              setChoicesProblem(null);
            }}
            onDraft={setDraft}
          />
        )}
        <label className="check-label field-dialog__required">
          <input type="checkbox" className="checkbox" checked={required} onChange={(event) => setRequired(event.target.checked)} />
          <span>
            {t('fields.required')}
            <span className="field-dialog__required-hint">{t('fields.requiredHint')}</span>
          </span>
        </label>
        <div className="dialog__footer">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
            {field ? t('settingsCommon.save') : t('settingsCommon.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface ChoicesEditorProps {
  kind: CustomFieldKind;
  choices: string[];
  draft: string;
  error?: string;
  onChoices: (choices: string[]) => void;
  onDraft: (draft: string) => void;
}

/** The choices of a SELECT / MULTI_SELECT field: rename in place, add, remove and move up or down. */
function ChoicesEditor({ kind, choices, draft, error, onChoices, onDraft }: ChoicesEditorProps) {
  const { t } = useTranslation();
  const errorId = useId();
  const hintId = useId();
  const [duplicate, setDuplicate] = useState(false);

  const add = () => {
    if (!draft.trim()) return;
    if (includesChoice(choices, draft)) {
      setDuplicate(true);
      return;
    }
    onChoices([...choices, draft.trim()]);
    onDraft('');
  };
  const onDraftKey = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter adds the choice instead of submitting the whole dialog.
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  };
  const shownError = duplicate ? t('fields.choicesProblem.duplicate') : error;
  const nameOf = (choice: string, index: number) => choice.trim() || t('fields.choiceNumber', { number: index + 1 });

  return (
    <fieldset
      className={`choices${shownError ? ' choices--invalid' : ''}`}
      aria-describedby={shownError ? errorId : hintId}
      aria-invalid={shownError ? true : undefined}
    >
      <legend className="field__label">{t('fields.choices')}</legend>
      <p id={hintId} className="field__hint choices__hint">
        {t(kind === 'MULTI_SELECT' ? 'fields.choicesHintMulti' : 'fields.choicesHint')}
      </p>
      {choices.length > 0 && (
        <ol className="choices__list" aria-label={t('fields.choicesListLabel')}>
          {choices.map((choice, index) => (
            <li key={index} className="choices__row">
              <span className="choices__number" aria-hidden="true">
                {index + 1}
              </span>
              <input
                className="input choices__input"
                aria-label={t('fields.choiceNumber', { number: index + 1 })}
                value={choice}
                maxLength={120}
                onChange={(event) => onChoices(choices.map((existing, i) => (i === index ? event.target.value : existing)))}
              />
              <button
                type="button"
                className="icon-button icon-button--small"
                aria-label={t('fields.moveChoiceUp', { name: nameOf(choice, index) })}
                disabled={index === 0}
                onClick={() => onChoices(moveItem(choices, index, -1))}
              >
                <ArrowUpIcon />
              </button>
              <button
                type="button"
                className="icon-button icon-button--small"
                aria-label={t('fields.moveChoiceDown', { name: nameOf(choice, index) })}
                disabled={index === choices.length - 1}
                onClick={() => onChoices(moveItem(choices, index, 1))}
              >
                <ArrowDownIcon />
              </button>
              <button
                type="button"
                className="icon-button icon-button--small"
                aria-label={t('fields.removeChoice', { name: nameOf(choice, index) })}
                onClick={() => onChoices(choices.filter((_, i) => i !== index))}
              >
                <CloseIcon />
              </button>
            </li>
          ))}
        </ol>
      )}
      <div className="choices__add">
        <input
          className="input choices__input"
          aria-label={t('fields.newChoice')}
          placeholder={t('fields.newChoicePlaceholder')}
          value={draft}
          maxLength={120}
          onChange={(event) => {
            onDraft(event.target.value);
            setDuplicate(false);
          }}
          onKeyDown={onDraftKey}
        />
        <button type="button" className="button button--secondary button--small" onClick={add} disabled={!draft.trim()}>
          <PlusIcon />
          {t('fields.addChoice')}
        </button>
      </div>
      {shownError && (
        <p id={errorId} className="field__error">
          {shownError}
        </p>
      )}
    </fieldset>
  );
}
