import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import { checkTaxId } from '@crm/shared';
import type { TFunction } from '../../../app/i18n';
import type { ClientType, UpdateClientInput } from '../../../graphql/generated/graphql';
import { Field } from '../../../ui/Field';
import { CloseIcon, PlusIcon } from '../../../ui/icons';
import { DuplicateWarning } from '../../duplicates';
import { useLabels } from '../../labels/hooks/useLabels';
import { useAssignableUsers } from '../../users/hooks/useAssignableUsers';
import { useUpdateClient } from '../hooks/useUpdateClient';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useDraft } from '../../../ui/useDraft';
import type { CardPageClient } from './types';

interface Draft {
  name: string;
  type: ClientType;
  emails: string[];
  phones: string[];
  address: string;
  taxId: string;
  website: string;
  domain: string;
  ownerId: string;
  departmentId: string;
}

function toDraft(client: CardPageClient): Draft {
  return {
    name: client.name,
    type: client.type,
    emails: client.emails.length ? [...client.emails] : [''],
    phones: client.phones.length ? [...client.phones] : [''],
    address: client.address ?? '',
    taxId: client.taxId ?? '',
    website: client.website ?? '',
    domain: client.domain ?? '',
    ownerId: client.owner?.id ?? '',
    departmentId: client.department?.id ?? '',
  };
}

const list = (values: string[]) => values.map((v) => v.trim()).filter(Boolean);
const text = (value: string) => value.trim() || null;
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Only what changed, in the API's shape (empty text clears a value). */
export function changedClientInput(client: CardPageClient, draft: Draft): UpdateClientInput {
  const input: UpdateClientInput = {};
  if (draft.name.trim() !== client.name) input.name = draft.name.trim();
  if (draft.type !== client.type) input.type = draft.type;
  if (!sameList(list(draft.emails), client.emails)) input.emails = list(draft.emails);
  if (!sameList(list(draft.phones), client.phones)) input.phones = list(draft.phones);
  if (text(draft.address) !== (client.address ?? null)) input.address = text(draft.address);
  if (text(draft.taxId) !== (client.taxId ?? null)) input.taxId = text(draft.taxId);
  if (text(draft.website) !== (client.website ?? null)) input.website = text(draft.website);
  if (text(draft.domain) !== (client.domain ?? null)) input.domain = text(draft.domain);
  if ((draft.ownerId || null) !== (client.owner?.id ?? null)) input.ownerId = draft.ownerId || null;
  if ((draft.departmentId || null) !== (client.department?.id ?? null)) input.departmentId = draft.departmentId || null;
  return input;
}

interface ValueListProps {
  label: string;
  /** "Email" / "Phone": names each row's input and its remove button. */
  itemLabel: string;
  addLabel: string;
  values: string[];
  onChange: (values: string[]) => void;
  inputMode: 'email' | 'tel';
  error?: string;
}

/** Several values of one kind (emails, phones): one input per value, add and remove rows. */
function ValueList({ label, itemLabel, addLabel, values, onChange, inputMode, error }: ValueListProps) {
  const { t } = useTranslation();
  const errorId = useId();
  const add = () => {
    onChange([...values, '']);
    // Focus the new row once it is rendered.
    requestAnimationFrame(() => document.getElementById(`${errorId}-${values.length}`)?.focus());
  };
  return (
    <fieldset className={`field value-list${error ? ' field--invalid' : ''}`}>
      <legend className="field__label">{label}</legend>
      {values.map((value, index) => (
        <div key={index} className="value-list__row">
          <input
            id={`${errorId}-${index}`}
            className="input"
            type={inputMode === 'email' ? 'email' : 'tel'}
            inputMode={inputMode}
            aria-label={t('card.client.itemN', { item: itemLabel, n: index + 1 })}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            value={value}
            onChange={(e) => onChange(values.map((v, i) => (i === index ? e.target.value : v)))}
          />
          <button
            type="button"
            className="icon-button"
            aria-label={t('card.client.removeN', { item: itemLabel, n: index + 1 })}
            onClick={() => onChange(values.length === 1 ? [''] : values.filter((_, i) => i !== index))}
          >
            <CloseIcon />
          </button>
        </div>
      ))}
      <button type="button" className="button button--ghost button--small value-list__add" onClick={add} disabled={values.length >= 10}>
        <PlusIcon aria-hidden="true" />
        {addLabel}
      </button>
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The client's own data (name, type, emails, phones, address, ids, owner, department), edited in place. */
export function ClientDataForm({ client }: { client: CardPageClient }) {
  const { t } = useTranslation();
  const users = useAssignableUsers();
  const departments = useLabels('DEPARTMENT').labels;
  const saver = useUpdateClient(client.id);
  const initial = useMemo(() => toDraft(client), [client]);
  const [draft, setDraft] = useDraft<Draft>(initial);
  const [nameError, setNameError] = useState('');
  const [saved, setSaved] = useState(false);
  const [duplicates, setDuplicates] = useState<readonly { id: string; name: string }[]>([]);

  const input = changedClientInput(client, draft);
  const dirty = Object.keys(input).length > 0;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setSaved(false);
    setDraft((current) => ({ ...current, [key]: value }));
  };
  const fieldError = (key: string) => saver.error?.fields[key];

  // A user or department that is no longer offered (deactivated, archived) stays visible.
  const ownerOptions = client.owner && !users.some((u) => u.id === client.owner!.id) ? [client.owner, ...users] : users;
  const departmentOptions =
    client.department && !departments.some((d) => d.id === client.department!.id) ? [client.department, ...departments] : departments;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!draft.name.trim()) {
      setNameError(t('card.client.nameRequired'));
      return;
    }
    setNameError('');
    if (!dirty) return;
    const result = await saver.save(input);
    if (result) {
      setSaved(true);
      setDuplicates(result.possibleDuplicates);
    }
  };

  return (
    <section className="card-section" aria-labelledby="client-data-heading">
      <div className="card-section__header">
        <h2 id="client-data-heading" className="card-section__title">
          {t('card.client.heading')}
        </h2>
      </div>
      <form className="fields-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="client-data-heading">
        <div className="fields-grid">
          <Field label={`${t('card.client.name')} *`} error={nameError || fieldError('name')}>
            <input className="input" value={draft.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" />
          </Field>
          <Field label={t('clients.fields.type')} error={fieldError('type')}>
            <select className="select" value={draft.type} onChange={(e) => set('type', e.target.value as ClientType)}>
              <option value="COMPANY">{t('clients.type.COMPANY')}</option>
              <option value="PERSON">{t('clients.type.PERSON')}</option>
            </select>
          </Field>
          <ValueList
            label={t('clients.fields.emails')}
            itemLabel={t('card.client.email')}
            addLabel={t('card.client.addEmail')}
            values={draft.emails}
            onChange={(emails) => set('emails', emails)}
            inputMode="email"
            error={fieldError('emails')}
          />
          <ValueList
            label={t('clients.fields.phones')}
            itemLabel={t('card.client.phone')}
            addLabel={t('card.client.addPhone')}
            values={draft.phones}
            onChange={(phones) => set('phones', phones)}
            inputMode="tel"
            error={fieldError('phones')}
          />
          <div className="fields-grid__wide">
            <Field label={t('clients.fields.address')} error={fieldError('address')}>
              <textarea className="input textarea" rows={2} value={draft.address} onChange={(e) => set('address', e.target.value)} />
            </Field>
          </div>
          <Field label={t('clients.fields.taxId')} error={fieldError('taxId')} hint={taxIdHint(draft.taxId, t)}>
            <input className="input" value={draft.taxId} onChange={(e) => set('taxId', e.target.value)} autoComplete="off" />
          </Field>
          <Field label={t('clients.fields.website')} error={fieldError('website')}>
            <input className="input" inputMode="url" value={draft.website} onChange={(e) => set('website', e.target.value)} />
          </Field>
          <Field label={t('card.client.domain')} hint={t('card.client.domainHint')} error={fieldError('domain')}>
            <input className="input" value={draft.domain} onChange={(e) => set('domain', e.target.value)} autoComplete="off" />
          </Field>
          <Field label={t('clients.fields.owner')} error={fieldError('ownerId')}>
            <select className="select" value={draft.ownerId} onChange={(e) => set('ownerId', e.target.value)}>
              <option value="">{t('card.client.noOwner')}</option>
              {ownerOptions.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('labels.kind.DEPARTMENT')} error={fieldError('departmentId')}>
            <select className="select" value={draft.departmentId} onChange={(e) => set('departmentId', e.target.value)}>
              <option value="">{t('card.client.noDepartment')}</option>
              {departmentOptions.map((department) => (
                <option key={department.id} value={department.id}>
                  {department.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <ErrorAlert error={saver.error && Object.keys(saver.error.fields).length === 0 ? saver.error : null} />
        <DuplicateWarning message={t('card.client.duplicates', { count: duplicates.length })} clients={duplicates} />
        <div className="fields-form__actions">
          <button type="submit" className="button button--primary" disabled={!dirty || saver.loading}>
            {saver.loading ? t('card.client.saving') : t('card.fields.save')}
          </button>
          <button
            type="button"
            className="button button--ghost"
            disabled={!dirty}
            onClick={() => {
              setDraft(initial);
              setNameError('');
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

/** What the check digits say of a tax number as typed: flagged on entry, never refused (the number is kept as typed). */
function taxIdHint(text: string, t: TFunction): string | undefined {
  if (!text.trim()) return undefined;
  const check = checkTaxId(text);
  if (check.ok) return t('taxId.valid', { country: t(`taxId.countries.${check.country}`), formatted: check.formatted });
  return t(`taxId.errors.${check.code}`, check.params ?? {});
}
