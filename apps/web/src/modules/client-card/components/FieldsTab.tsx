import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { CardCustomFieldsQuery, FieldValueInput } from '../../../graphql/generated/graphql';
import { EmptyState } from '../../../ui/EmptyState';
import { Field } from '../../../ui/Field';
import { useAssignableUsers } from '../../users/hooks/useAssignableUsers';
import { useCardFields, useSetCardFieldValues } from '../hooks/useCardFields';
import { DEAL_CURRENCIES } from '../utils/currencies';
import { ClientDataForm } from './ClientDataForm';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useDraft } from '../../../ui/useDraft';
import { TabState } from '../../../ui/TabState';
import type { CardPageClient } from './types';

type CustomField = CardCustomFieldsQuery['customFields'][number];
/** What a control holds while it is edited. */
type Draft = string | string[] | { amount: string; currency: string };

function toDraft(field: CustomField, value: unknown): Draft {
  switch (field.kind) {
    case 'MULTI_SELECT':
      return Array.isArray(value) ? value.map(String) : [];
    case 'BOOLEAN':
      return value === true ? 'yes' : value === false ? 'no' : '';
    case 'MONEY': {
      const money = (value ?? {}) as { amount?: number; currency?: string };
      return { amount: money.amount == null ? '' : String(money.amount), currency: money.currency ?? 'HUF' };
    }
    case 'NUMBER':
      return value == null ? '' : String(value);
    default:
      return typeof value === 'string' ? value : '';
  }
}

/** The value sent to the API (null clears it), or an error the user can fix before sending. */
function fromDraft(field: CustomField, draft: Draft): { value: unknown } | { error: 'number' } {
  switch (field.kind) {
    case 'MULTI_SELECT':
      return { value: (draft as string[]).length ? draft : null };
    case 'BOOLEAN':
      return { value: draft === 'yes' ? true : draft === 'no' ? false : null };
    case 'MONEY': {
      const money = draft as { amount: string; currency: string };
      if (!money.amount.trim()) return { value: null };
      const amount = Number(money.amount.replace(',', '.'));
      return Number.isFinite(amount) ? { value: { amount, currency: money.currency } } : { error: 'number' };
    }
    case 'NUMBER': {
      const text = (draft as string).trim();
      if (!text) return { value: null };
      const number = Number(text.replace(',', '.'));
      return Number.isFinite(number) ? { value: number } : { error: 'number' };
    }
    default: {
      const text = (draft as string).trim();
      return { value: text ? text : null };
    }
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

interface ControlProps {
  field: CustomField;
  draft: Draft;
  onChange: (d: Draft) => void;
  users: readonly { id: string; name: string }[];
  /** Set by <Field>: the label's target and the error's description go to the main control. */
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

function FieldControl({ field, draft, onChange, users, ...a11y }: ControlProps) {
  const { t } = useTranslation();
  switch (field.kind) {
    case 'LONG_TEXT':
      return <textarea {...a11y} className="input textarea" rows={3} value={draft as string} onChange={(e) => onChange(e.target.value)} />;
    case 'NUMBER':
      return <input {...a11y} className="input" inputMode="decimal" value={draft as string} onChange={(e) => onChange(e.target.value)} />;
    case 'DATE':
      return <input {...a11y} className="input" type="date" value={draft as string} onChange={(e) => onChange(e.target.value)} />;
    case 'SELECT':
    case 'USER': {
      const options = field.kind === 'USER' ? users.map((u) => ({ value: u.id, label: u.name })) : field.options.map((o) => ({ value: o, label: o }));
      return (
        <select {...a11y} className="select" value={draft as string} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('card.fields.none')}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      );
    }
    case 'MULTI_SELECT': {
      const chosen = draft as string[];
      return (
        <div {...a11y} className="check-group" role="group" aria-label={field.label}>
          {field.options.map((option) => (
            <label key={option} className="check-label">
              <input
                type="checkbox"
                className="checkbox"
                checked={chosen.includes(option)}
                onChange={(e) => onChange(e.target.checked ? [...chosen, option] : chosen.filter((o) => o !== option))}
              />
              {option}
            </label>
          ))}
        </div>
      );
    }
    case 'BOOLEAN':
      return (
        <select {...a11y} className="select" value={draft as string} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('card.fields.none')}</option>
          <option value="no">{t('card.common.no')}</option>
          <option value="yes">{t('card.common.yes')}</option>
        </select>
      );
    case 'MONEY': {
      const money = draft as { amount: string; currency: string };
      return (
        <div className="money-input" role="group" aria-label={field.label}>
          <input {...a11y} className="input" inputMode="decimal" aria-label={t('card.fields.amountOf', { label: field.label })} value={money.amount} onChange={(e) => onChange({ ...money, amount: e.target.value })} />
          <select
            className="select"
            aria-label={t('card.fields.currencyOf', { label: field.label })}
            value={money.currency}
            onChange={(e) => onChange({ ...money, currency: e.target.value })}
          >
            {DEAL_CURRENCIES.map((code) => (
              <option key={code}>{code}</option>
            ))}
          </select>
        </div>
      );
    }
    default:
      return <input {...a11y} className="input" value={draft as string} onChange={(e) => onChange(e.target.value)} />;
  }
}

interface FieldsTabProps {
  client: CardPageClient;
  /** The card shown; without one (no card in a visible pipeline) only the client's data is shown. */
  card: { id: string; pipelineId: string } | null;
}

/** The client's own data, then the pipeline's custom fields on this card, each edited in place. */
export function FieldsTab({ client, card }: FieldsTabProps) {
  return (
    <div className="fields-tab">
      <ClientDataForm client={client} />
      {card && <CustomFieldsForm key={card.id} cardId={card.id} pipelineId={card.pipelineId} />}
    </div>
  );
}

/** The pipeline's custom fields on this card, edited in place; per-field errors from the API. */
function CustomFieldsForm({ cardId, pipelineId }: { cardId: string; pipelineId: string }) {
  const { t } = useTranslation();
  const users = useAssignableUsers();
  const { fields, values, loading, error, refetch } = useCardFields(cardId, pipelineId);
  const saver = useSetCardFieldValues(cardId);
  const initial = useMemo(() => Object.fromEntries(fields.map((f) => [f.id, toDraft(f, values[f.id])])), [fields, values]);
  const [drafts, setDrafts] = useDraft<Record<string, Draft>>(initial);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  const changed: FieldValueInput[] = [];
  const problems: Record<string, string> = {};
  for (const field of fields) {
    const result = fromDraft(field, drafts[field.id] ?? toDraft(field, undefined));
    if ('error' in result) problems[field.id] = t('card.fields.validation.number');
    else if (!same(result.value, values[field.id])) {
      if (field.required && result.value === null) problems[field.id] = t('card.fields.validation.required');
      changed.push({ fieldId: field.id, value: result.value });
    }
  }
  const dirty = changed.length > 0 || Object.keys(problems).length > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0 || changed.length === 0) return;
    const result = await saver.save(changed);
    if (result) setSaved(true);
  };

  if (loading || error) return <TabState loading={loading} error={error} hasData={false} onRetry={() => void refetch()} />;
  if (fields.length === 0)
    return (
      <section className="card-section" aria-labelledby="fields-heading">
        <h2 id="fields-heading" className="card-section__title">
          {t('card.fields.heading')}
        </h2>
        <EmptyState title={t('card.fields.empty')} body={t('card.fields.emptyBody')} />
      </section>
    );

  return (
    <section className="card-section" aria-labelledby="fields-heading">
      <div className="card-section__header">
        <h2 id="fields-heading" className="card-section__title">
          {t('card.fields.heading')}
        </h2>
      </div>
      <form className="fields-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="fields-heading">
        <div className="fields-grid">
          {fields.map((field) => (
            <div key={field.id} className={field.kind === 'LONG_TEXT' || field.kind === 'MULTI_SELECT' ? 'fields-grid__wide' : undefined}>
              <Field
                label={field.required ? `${field.label} *` : field.label}
                error={localErrors[field.id] ?? saver.error?.fields[field.id]}
              >
                <FieldControl
                  field={field}
                  users={users}
                  draft={drafts[field.id] ?? toDraft(field, undefined)}
                  onChange={(draft) => {
                    setSaved(false);
                    setDrafts((current) => ({ ...current, [field.id]: draft }));
                  }}
                />
              </Field>
            </div>
          ))}
        </div>
        <ErrorAlert error={saver.error && Object.keys(saver.error.fields).length === 0 ? saver.error : null} />
        <div className="fields-form__actions">
          <button type="submit" className="button button--primary" disabled={!dirty || saver.loading}>
            {t('card.fields.save')}
          </button>
          <button
            type="button"
            className="button button--ghost"
            disabled={!dirty}
            onClick={() => {
              setDrafts(initial);
              setLocalErrors({});
              saver.clearError();
            }}
          >
            {t('card.fields.reset')}
          </button>
          <span className="fields-form__status" role="status">
            {saved && !dirty ? t('card.fields.saved') : dirty ? t('card.fields.unsaved') : ''}
          </span>
        </div>
      </form>
    </section>
  );
}
