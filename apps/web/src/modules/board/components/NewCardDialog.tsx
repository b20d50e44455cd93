import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { BoardCardFragment, ClientType } from '../../../graphql/generated/graphql';
import { Dialog } from '../../../ui/Dialog';
import { Field } from '../../../ui/Field';
import { readAmount } from '../../../ui/amount';
import { AlertIcon } from '../../../ui/icons';
import { CURRENCIES } from '../../cards/utils/format';
import { DuplicateWarning, usePossibleDuplicates } from '../../duplicates';
import { useAssignableUsers } from '../../users/hooks/useAssignableUsers';
import { useCreateCard } from '../hooks/useCardMutations';
import type { ColumnStatus } from '../utils/boardState';
import { usePipelines } from '../../pipelines/hooks/usePipelines';
import { preferredTaxCountry, RegistryFill } from '../../company-lookup';
import { useOrganisation } from '../../organisation/hooks/useOrganisation';
import { checkTaxId, type TaxCountry } from '@crm/shared';
import type { TFunction } from '../../../app/i18n';

/** What the check digits say of a tax number as typed: flagged on entry, never refused. */
function taxIdHint(text: string, country: TaxCountry | null, t: TFunction): string | undefined {
  if (!text.trim()) return undefined;
  const check = checkTaxId(text, country);
  if (check.ok) return t('taxId.valid', { country: t(`taxId.countries.${check.country}`), formatted: check.formatted });
  return t(`taxId.errors.${check.code}`, check.params ?? {});
}

/** The pipeline and status a new client starts in, when no board column decides it: the first of each by default. */
function useStatusChoice(active: boolean) {
  const { pipelines } = usePipelines();
  const [chosen, setChosen] = useState<{ pipelineId: string; statusId: string } | null>(null);
  const pipeline = pipelines.find((candidate) => candidate.id === chosen?.pipelineId) ?? pipelines[0];
  const statuses = pipeline?.statuses.filter((option) => !option.archivedAt) ?? [];
  const statusId = statuses.some((option) => option.id === chosen?.statusId) ? chosen!.statusId : (statuses[0]?.id ?? '');
  return {
    pipelines: active ? pipelines : [],
    statuses,
    pipelineId: pipeline?.id ?? '',
    statusId,
    choosePipeline: (pipelineId: string) => setChosen({ pipelineId, statusId: '' }),
    chooseStatus: (next: string) => setChosen({ pipelineId: pipeline?.id ?? '', statusId: next }),
  };
}

interface NewCardDialogProps {
  /** The board column's status; without it (the Clients page) the user picks a pipeline and status. */
  status?: ColumnStatus;
  onClose: () => void;
  onCreated: (card: BoardCardFragment) => void;
}

interface Values {
  name: string;
  type: ClientType;
  email: string;
  phone: string;
  taxId: string;
  address: string;
  value: string;
  currency: string;
  ownerId: string;
}

/** "+" on a column: a new client and its card, at the top of that column; or "New client" with a pipeline and status to pick. */
export function NewCardDialog({ status, onClose, onCreated }: NewCardDialogProps) {
  const { t, i18n } = useTranslation();
  const { createCard, loading, error } = useCreateCard();
  const users = useAssignableUsers();
  const taxCountry = preferredTaxCountry(useOrganisation().organisation?.defaultCountry);
  const place = useStatusChoice(!status);
  const [values, setValues] = useState<Values>({ name: '', type: 'COMPANY', email: '', phone: '', taxId: '', address: '', value: '', currency: 'EUR', ownerId: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const duplicates = usePossibleDuplicates(values.email, values.phone);
  const duplicateMessage = t(
    duplicates.byEmail && duplicates.byPhone ? 'board.newCard.duplicateEither' : duplicates.byEmail ? 'board.newCard.duplicateEmail' : 'board.newCard.duplicatePhone',
    { count: duplicates.clients.length },
  );
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setErrors((previous) => ({ ...previous, [key]: undefined }));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!values.name.trim()) found.name = t('board.newCard.nameRequired');
    const statusId = status?.id ?? place.statusId;
    if (!statusId) return;
    const reading = readAmount(values.value, i18n.resolvedLanguage, t);
    if (!reading.ok) found.value = reading.error;
    const amount = reading.ok ? reading.value : null;
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    const card = await createCard({
      statusId,
      client: {
        name: values.name.trim(),
        type: values.type,
        email: values.email.trim() || undefined,
        phone: values.phone.trim() || undefined,
        taxId: values.taxId.trim() || undefined,
        address: values.address.trim() || undefined,
      },
      value: amount,
      currency: values.currency,
      ownerId: values.ownerId || undefined,
    });
    if (card) onCreated(card);
  };

  const serverFields = error?.fields ?? {};
  return (
    <Dialog title={status ? t('board.newCard.title', { status: status.name }) : t('clientsList.newClient.title')} onClose={onClose} size="small">
      <form className="form" noValidate onSubmit={onSubmit}>
        {error && Object.keys(serverFields).length === 0 && (
          <div className="alert alert--danger" role="alert">
            <AlertIcon />
            <span>{error.message}</span>
          </div>
        )}
        {!status && (
          <div className="form__row">
            <Field label={t('clientsList.newClient.pipeline')}>
              <select className="select" value={place.pipelineId} onChange={(e) => place.choosePipeline(e.target.value)}>
                {place.pipelines.map((pipeline) => (
                  <option key={pipeline.id} value={pipeline.id}>
                    {pipeline.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('clientsList.newClient.status')} error={serverFields.statusId}>
              <select className="select" value={place.statusId} onChange={(e) => place.chooseStatus(e.target.value)}>
                {place.statuses.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        )}
        <Field label={t('board.newCard.name')} error={errors.name ?? serverFields.name}>
          <input className="input" autoComplete="off" value={values.name} onChange={(e) => set('name', e.target.value)} />
        </Field>
        <fieldset className="segmented">
          <legend className="field__label">{t('board.newCard.type')}</legend>
          {(['COMPANY', 'PERSON'] as const).map((type) => (
            <label key={type} className="segmented__option">
              <input type="radio" name="type" value={type} checked={values.type === type} onChange={() => set('type', type)} />
              <span>{t(`clients.type.${type}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="form__row">
          <Field label={t('board.newCard.email')} error={errors.email ?? serverFields['client.email'] ?? serverFields.email}>
            <input className="input" type="email" autoComplete="off" value={values.email} onChange={(e) => set('email', e.target.value)} />
          </Field>
          <Field label={t('board.newCard.phone')} error={serverFields['client.phone'] ?? serverFields.phone}>
            <input className="input" type="tel" autoComplete="off" value={values.phone} onChange={(e) => set('phone', e.target.value)} />
          </Field>
        </div>
        <DuplicateWarning message={duplicateMessage} clients={duplicates.clients} />
        <Field label={t('clients.fields.taxId')} error={serverFields['client.taxId']} hint={taxIdHint(values.taxId, taxCountry, t)}>
          <input className="input" autoComplete="off" value={values.taxId} onChange={(e) => set('taxId', e.target.value)} />
        </Field>
        <RegistryFill
          taxId={values.taxId}
          onFill={(company) =>
            setValues((previous) => ({
              ...previous,
              name: company.name ?? previous.name,
              address: company.address ?? previous.address,
              taxId: company.taxId ?? previous.taxId,
            }))
          }
        />
        <Field label={t('clients.fields.address')} error={serverFields['client.address']}>
          <input className="input" autoComplete="off" value={values.address} onChange={(e) => set('address', e.target.value)} />
        </Field>
        <div className="form__row">
          <Field label={t('board.newCard.value')} error={errors.value ?? serverFields.value}>
            <input className="input" inputMode="decimal" value={values.value} onChange={(e) => set('value', e.target.value)} />
          </Field>
          <Field label={t('board.newCard.currency')}>
            <select className="select" value={values.currency} onChange={(e) => set('currency', e.target.value)}>
              {CURRENCIES.map((currency) => (
                <option key={currency} value={currency}>
                  {currency}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field label={t('board.newCard.owner')}>
          <select className="select" value={values.ownerId} onChange={(e) => set('ownerId', e.target.value)}>
            <option value="">{t('board.newCard.ownerMe')}</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        </Field>
        <div className="dialog__footer">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={loading} aria-busy={loading}>
            {loading ? t('board.newCard.creating') : t('board.newCard.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
