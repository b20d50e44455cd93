import { useContext, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import { amountInputText, readAmount } from '../../../ui/amount';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { CurrentUserContext } from '../../auth/hooks/useCurrentUser';
import { usePipelines } from '../../pipelines/hooks/usePipelines';
import { useAssignableUsers } from '../../users/hooks/useAssignableUsers';
import { useDeleteRecord, useUpdateCard } from '../hooks/useCardActions';
import { currencyName, DEAL_CURRENCIES, PREFERRED_CURRENCY_COUNT } from '../utils/currencies';
import type { CardPageCard } from './types';

/**
 * The card's own status, owner, value and expected close day, set where the card is read (the basic step of the
 * manuals). Status and owner save as soon as they are picked; the value saves with its currency.
 * Every change lands in History with who and when.
 */
export function CardControls({ card, clientName }: { card: CardPageCard; clientName: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const id = useId();
  const { pipelines } = usePipelines();
  const me = useContext(CurrentUserContext);
  const everyone = useAssignableUsers();
  // A Restricted user works only their own and unowned cards: they can take one or leave it.
  const users = me?.role === 'RESTRICTED' ? everyone.filter((u) => u.id === me.id) : everyone;
  const { update, loading, error, clearError } = useUpdateCard(card.id);
  const remover = useDeleteRecord();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const statuses = (pipelines.find((p) => p.id === card.pipelineId)?.statuses ?? []).filter((s) => !s.archivedAt || s.id === card.statusId);
  const [value, setValue] = useState(() => amountInputText(card.value, language));
  const [currency, setCurrency] = useState(card.currency);
  const [valueError, setValueError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');

  // Another card (or a refetch after saving) resets the value field to what is stored.
  useEffect(() => {
    setValue(amountInputText(card.value, language));
    setCurrency(card.currency);
    setValueError(null);
  }, [card.id, card.value, card.currency, language]);

  const storedText = amountInputText(card.value, language);
  const dirty = value.trim() !== storedText || currency !== card.currency;
  const currencies = DEAL_CURRENCIES.includes(card.currency) ? DEAL_CURRENCIES : [card.currency, ...DEAL_CURRENCIES];

  const save = async (input: Parameters<typeof update>[0], what: string) => {
    setSaved('');
    const done = await update(input);
    if (done) setSaved(t('card.controls.saved', { what }));
  };

  const saveValue = (event: FormEvent) => {
    event.preventDefault();
    const reading = readAmount(value, language, t);
    if (!reading.ok) {
      setValueError(reading.error);
      return;
    }
    setValueError(null);
    void save({ value: reading.value, currency }, t('card.controls.value'));
  };

  const deleteCard = async () => {
    if (await remover.deleteCard(card.id)) setConfirmDelete(false);
  };

  return (
    <section className="card-controls" aria-label={t('card.controls.region', { pipeline: card.pipelineName })}>
      <div className="card-controls__row">
        <label className="card-controls__field">
          <span className="card-controls__label">{t('card.controls.status')}</span>
          <select
            className="select select--compact"
            value={card.statusId}
            disabled={loading || statuses.length === 0}
            onChange={(e) => void save({ statusId: e.target.value }, t('card.controls.status'))}
          >
            {statuses.length === 0 && <option value={card.statusId}>{card.statusName}</option>}
            {statuses.map((status) => (
              <option key={status.id} value={status.id}>
                {status.name}
              </option>
            ))}
          </select>
        </label>
        <label className="card-controls__field">
          <span className="card-controls__label">{t('card.controls.owner')}</span>
          <select
            className="select select--compact"
            value={card.owner?.id ?? ''}
            disabled={loading}
            onChange={(e) => void save({ ownerId: e.target.value || null }, t('card.controls.owner'))}
          >
            <option value="">{t('card.controls.noOwner')}</option>
            {card.owner && !users.some((u) => u.id === card.owner!.id) && <option value={card.owner.id}>{card.owner.name}</option>}
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        </label>
        <form className="card-controls__field card-controls__value" onSubmit={saveValue} aria-label={t('card.controls.valueForm')} noValidate>
          <label htmlFor={`${id}-value`} className="card-controls__label">
            {t('card.controls.value')}
          </label>
          <input
            id={`${id}-value`}
            className="input input--compact card-controls__amount"
            inputMode="decimal"
            autoComplete="off"
            value={value}
            placeholder={t('card.controls.noValue')}
            aria-invalid={valueError ? true : undefined}
            aria-describedby={valueError ? `${id}-value-error` : undefined}
            onChange={(e) => {
              setValue(e.target.value);
              setValueError(null);
              clearError();
            }}
          />
          <select
            className="select select--compact"
            aria-label={t('card.controls.currency')}
            value={currency}
            onChange={(e) => setCurrency(e.target.value)}
          >
            <optgroup label={t('card.deals.commonCurrencies')}>
              {currencies.slice(0, PREFERRED_CURRENCY_COUNT).map((code) => (
                <option key={code} value={code} title={currencyName(code, language)}>
                  {code}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('card.deals.otherCurrencies')}>
              {currencies.slice(PREFERRED_CURRENCY_COUNT).map((code) => (
                <option key={code} value={code} title={currencyName(code, language)}>
                  {code}
                </option>
              ))}
            </optgroup>
          </select>
          {dirty && (
            <button type="submit" className="button button--primary button--small" disabled={loading}>
              {t('card.controls.saveValue')}
            </button>
          )}
        </form>
        <label className="card-controls__field">
          <span className="card-controls__label">{t('card.controls.expectedClose')}</span>
          <input
            type="date"
            className="input input--compact"
            value={card.expectedCloseDate ?? ''}
            disabled={loading}
            onChange={(e) => void save({ expectedCloseDate: e.target.value || null }, t('card.controls.expectedClose'))}
          />
        </label>
        <button type="button" className="button button--ghost button--ghost-danger button--small card-controls__delete" onClick={() => setConfirmDelete(true)}>
          {t('card.controls.deleteCard')}
        </button>
      </div>
      {valueError && (
        <p id={`${id}-value-error`} className="field__error">
          {valueError}
        </p>
      )}
      <ErrorAlert error={error} />
      <p className="visually-hidden" role="status">
        {saved}
      </p>
      {confirmDelete && (
        <ConfirmDialog
          title={t('card.controls.deleteCardTitle', { pipeline: card.pipelineName })}
          body={t('card.controls.deleteCardBody', { name: clientName, pipeline: card.pipelineName })}
          confirmLabel={t('card.common.moveToTrash')}
          busy={remover.loading}
          error={remover.error}
          onClose={() => {
            remover.clearError();
            setConfirmDelete(false);
          }}
          onConfirm={() => void deleteCard()}
        />
      )}
    </section>
  );
}
