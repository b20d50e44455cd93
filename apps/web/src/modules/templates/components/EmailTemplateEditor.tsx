import { useId, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from '../../../app/i18n';
import type { EmailTemplateFieldsFragment } from '../../../graphql/generated/graphql';
import { Field } from '../../../ui/Field';
import { AlertIcon } from '../../../ui/icons';
import { PageHeader } from '../../../ui/PageHeader';
import { useEmailTemplateMutations, useTemplateCustomFields } from '../hooks/useTemplates';
import { insertAt, pickerGroups } from '../utils/variables';
import { TemplatePreview } from './TemplatePreview';
import { VariablePicker } from './VariablePicker';

type Target = 'subject' | 'body';

interface EmailTemplateEditorProps {
  pipelineId: string;
  pipelineName: string;
  /** Undefined for a new template. */
  template?: EmailTemplateFieldsFragment;
  categories: readonly string[];
  onSaved: (name: string) => void;
  onCancel: () => void;
}

/** Name, category, subject and body with the variable picker and a live preview for a card. */
export function EmailTemplateEditor({ pipelineId, pipelineName, template, categories, onSaved, onCancel }: EmailTemplateEditorProps) {
  const { t } = useTranslation();
  const formId = useId();
  const [name, setName] = useState(template?.name ?? '');
  const [category, setCategory] = useState(template?.category ?? '');
  const [subject, setSubject] = useState(template?.subject ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const [nameMissing, setNameMissing] = useState(false);
  const [target, setTarget] = useState<Target>('body');
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<{ target: Target; at: number } | null>(null);
  const customFields = useTemplateCustomFields(pipelineId);
  const groups = useMemo(() => pickerGroups(customFields), [customFields]);
  const mutations = useEmailTemplateMutations();
  const fieldErrors = mutations.error?.fields ?? {};
  const general = mutations.error && !fieldErrors.name && !fieldErrors.subject && !fieldErrors.body ? mutations.error.message : null;

  // After an insert, the caret goes right after the inserted text in the field it went into.
  useLayoutEffect(() => {
    const pending = caret.current;
    if (!pending) return;
    caret.current = null;
    const element = pending.target === 'subject' ? subjectRef.current : bodyRef.current;
    element?.focus();
    element?.setSelectionRange(pending.at, pending.at);
  }, [subject, body]);

  const insert = (text: string) => {
    const element = target === 'subject' ? subjectRef.current : bodyRef.current;
    const value = target === 'subject' ? subject : body;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? start;
    const next = insertAt(value, start, end, text);
    caret.current = { target, at: next.caret };
    if (target === 'subject') setSubject(next.value);
    else setBody(next.value);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameMissing(true);
      return;
    }
    const saved = await mutations.save(template?.id ?? null, { pipelineId, name: name.trim(), category: category.trim() || null, subject, body });
    if (saved) onSaved(saved.name);
  };

  const title = template ? t('templates.email.editTitle', { name: template.name }) : t('templates.email.newTitle');
  return (
    <div className="page page--wide template-editor">
      <nav className="breadcrumb" aria-label={t('templates.breadcrumb')}>
        <Link to={`/settings/templates?pipeline=${pipelineId}`} onClick={onCancel}>
          {t('templates.title')}
        </Link>
        <span aria-hidden="true">/</span>
        <span>{pipelineName}</span>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{template?.name ?? t('templates.email.newTitle')}</span>
      </nav>
      <PageHeader
        title={title}
        description={t('templates.email.editorDescription')}
        actions={
          <>
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
            <button type="submit" form={formId} className="button button--primary" disabled={mutations.loading} aria-busy={mutations.loading}>
              {t('settingsCommon.save')}
            </button>
          </>
        }
      />
      {general && (
        <div className="alert alert--danger list-alert" role="alert">
          <AlertIcon />
          <span>{general}</span>
        </div>
      )}
      <div className="template-editor__grid">
        <form id={formId} className="form panel template-editor__form" noValidate onSubmit={submit}>
          <div className="form__row">
            <Field label={t('templates.fields.name')} error={nameMissing ? t('settingsCommon.nameRequired') : fieldErrors.name}>
              <input
                className="input"
                autoComplete="off"
                value={name}
                onChange={(event) => {
                  setName(event.target.value);
                  setNameMissing(false);
                }}
              />
            </Field>
            <Field label={t('templates.fields.category')} hint={t('templates.email.categoryHint')}>
              <input className="input" autoComplete="off" list={`${formId}-categories`} value={category} onChange={(event) => setCategory(event.target.value)} />
            </Field>
            <datalist id={`${formId}-categories`}>
              {categories.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
          </div>
          <Field label={t('templates.fields.subject')} error={fieldErrors.subject}>
            <input
              ref={subjectRef}
              className="input template-editor__code"
              autoComplete="off"
              value={subject}
              onFocus={() => setTarget('subject')}
              onChange={(event) => setSubject(event.target.value)}
            />
          </Field>
          <Field label={t('templates.fields.body')} error={fieldErrors.body} hint={t('templates.email.bodyHint')}>
            <textarea
              ref={bodyRef}
              className="input textarea template-editor__code template-editor__body"
              rows={14}
              value={body}
              onFocus={() => setTarget('body')}
              onChange={(event) => setBody(event.target.value)}
            />
          </Field>
        </form>
        <VariablePicker groups={groups} targetLabel={t(`templates.fields.${target}`)} onInsert={insert} />
      </div>
      <TemplatePreview pipelineId={pipelineId} subject={subject} body={body} />
    </div>
  );
}
