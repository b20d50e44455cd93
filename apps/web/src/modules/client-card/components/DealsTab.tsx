import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import { formatAmount } from '@crm/shared';
import type { DealFieldsFragment, DealInput, DealState } from '../../../graphql/generated/graphql';
import type { AppError } from '../../../app/errors';
import { Dialog } from '../../../ui/Dialog';
import { EmptyState } from '../../../ui/EmptyState';
import { Field } from '../../../ui/Field';
import { amountInputText, readAmount } from '../../../ui/amount';
import { useDealMutations, useDeals } from '../hooks/useDeals';
import { currencyName, DEAL_CURRENCIES, PREFERRED_CURRENCY_COUNT } from '../utils/currencies';
import { formatDay, todayInput } from '../../../ui/datetime';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { TabState } from '../../../ui/TabState';

const STATES: readonly DealState[] = ['OPEN', 'PAID', 'LOST'];


/** Sums per currency and state: what is paid, what is open, what was lost. */
export function dealTotals(deals: readonly DealFieldsFragment[]) {
  const totals = new Map<string, Record<DealState, number>>();
  for (const deal of deals) {
    const row = totals.get(deal.currency) ?? { OPEN: 0, PAID: 0, LOST: 0 };
    row[deal.state] += deal.amount;
    totals.set(deal.currency, row);
  }
  return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function DealDialog({
  deal,
  onSubmit,
  onClose,
  busy,
  error,
}: {
  deal?: DealFieldsFragment;
  onSubmit: (input: Omit<DealInput, 'cardId'>) => void;
  onClose: () => void;
  busy: boolean;
  error: AppError | null;
}) {
  const { t, i18n } = useTranslation();
  const [title, setTitle] = useState(deal?.title ?? '');
  const [amount, setAmount] = useState(deal ? amountInputText(deal.amount, i18n.resolvedLanguage) : '');
  const [currency, setCurrency] = useState(deal?.currency ?? 'HUF');
  const [date, setDate] = useState(deal?.date ?? todayInput());
  const [state, setState] = useState<DealState>(deal?.state ?? 'OPEN');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    const reading = readAmount(amount, i18n.resolvedLanguage, t);
    if (!title.trim()) next.title = t('card.deals.validation.title');
    if (!reading.ok) next.amount = reading.error;
    else if (reading.value === null) next.amount = t('card.deals.validation.amount');
    const value = reading.ok ? (reading.value ?? 0) : 0;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) next.date = t('card.deals.validation.date');
    setErrors(next);
    if (Object.keys(next).length) return;
    onSubmit({ title: title.trim(), amount: value, currency, date, state });
  };
  const fieldError = (name: string) => errors[name] ?? error?.fields[name];
  return (
    <Dialog title={deal ? t('card.deals.editTitle') : t('card.deals.addTitle')} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <Field label={t('card.deals.title')} error={fieldError('title')}>
          <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <div className="form__row">
          <Field label={t('card.deals.amount')} error={fieldError('amount')}>
            <input className="input" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </Field>
          <Field label={t('card.deals.currency')} error={fieldError('currency')}>
            <select className="select" value={currency} onChange={(e) => setCurrency(e.target.value)}>
              <optgroup label={t('card.deals.commonCurrencies')}>
                {DEAL_CURRENCIES.slice(0, PREFERRED_CURRENCY_COUNT).map((code) => (
                  <option key={code} value={code}>
                    {code} · {currencyName(code, i18n.resolvedLanguage)}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('card.deals.otherCurrencies')}>
                {DEAL_CURRENCIES.slice(PREFERRED_CURRENCY_COUNT).map((code) => (
                  <option key={code} value={code}>
                    {code} · {currencyName(code, i18n.resolvedLanguage)}
                  </option>
                ))}
              </optgroup>
            </select>
          </Field>
        </div>
        <div className="form__row">
          <Field label={t('card.deals.date')} error={fieldError('date')}>
            <input className="input" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </Field>
          <Field label={t('card.deals.state')}>
            <select className="select" value={state} onChange={(e) => setState(e.target.value as DealState)}>
              {STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`card.deals.states.${s}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {error && Object.keys(error.fields).length === 0 && <ErrorAlert error={error} />}
        <div className="dialog__footer">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('card.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {deal ? t('card.common.save') : t('card.deals.addSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

type OpenDialog = { kind: 'add' } | { kind: 'edit' | 'delete'; deal: DealFieldsFragment } | null;

/** Deals and payments of the client: amount, currency, date, state; totals per currency. */
export function DealsTab({ clientId, cardId }: { clientId: string; cardId: string | null }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const { deals, loading, error, refetch } = useDeals(clientId);
  const mutations = useDealMutations(clientId);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const close = () => {
    mutations.clearError();
    setDialog(null);
  };
  const totals = dealTotals(deals);

  return (
    <section className="card-section" aria-labelledby="deals-heading">
      <div className="card-section__header">
        <h2 id="deals-heading" className="card-section__title">
          {t('card.deals.heading')}
          {deals.length > 0 && <span className="card-section__count">{deals.length}</span>}
        </h2>
        <button type="button" className="button button--primary button--small" onClick={() => setDialog({ kind: 'add' })}>
          {t('card.deals.add')}
        </button>
      </div>
      {!dialog && <ErrorAlert error={mutations.error} />}
      {totals.length > 0 && (
        <dl className="deal-totals" aria-label={t('card.deals.totals')}>
          {totals.map(([currency, sums]) => (
            <div key={currency} className="deal-totals__item">
              <dt>{currency}</dt>
              <dd>
                {(sums.PAID !== 0 || (sums.OPEN === 0 && sums.LOST === 0)) && (
                  <span className="deal-totals__paid">{t('card.deals.paidSum', { amount: formatAmount(sums.PAID, currency, language) })}</span>
                )}
                {sums.OPEN !== 0 && <span>{t('card.deals.openSum', { amount: formatAmount(sums.OPEN, currency, language) })}</span>}
                {sums.LOST !== 0 && <span className="table__muted">{t('card.deals.lostSum', { amount: formatAmount(sums.LOST, currency, language) })}</span>}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <TabState loading={loading} error={error} hasData={!loading && !error} onRetry={() => void refetch()} />
      {!loading && !error && deals.length === 0 && <EmptyState title={t('card.deals.empty')} body={t('card.deals.emptyBody')} />}
      {deals.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('card.deals.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('card.deals.title')}</th>
                <th scope="col">{t('card.deals.date')}</th>
                <th scope="col">{t('card.deals.state')}</th>
                <th scope="col" className="table__num">
                  {t('card.deals.amount')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('card.common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deals.map((deal) => (
                <tr key={deal.id}>
                  <th scope="row" className="table__primary">
                    {deal.title}
                  </th>
                  <td>{formatDay(deal.date, language)}</td>
                  <td>
                    <span className={`deal-state deal-state--${deal.state.toLowerCase()}`}>{t(`card.deals.states.${deal.state}`)}</span>
                  </td>
                  <td className="table__num">{formatAmount(deal.amount, deal.currency, language)}</td>
                  <td className="table__actions">
                    <button type="button" className="button button--ghost button--small" onClick={() => setDialog({ kind: 'edit', deal })} aria-label={t('card.deals.edit', { title: deal.title })}>
                      {t('card.common.edit')}
                    </button>
                    <button type="button" className="button button--ghost button--ghost-danger button--small" onClick={() => setDialog({ kind: 'delete', deal })} aria-label={t('card.deals.delete', { title: deal.title })}>
                      {t('card.common.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog?.kind === 'add' && (
        <DealDialog
          onClose={close}
          busy={mutations.loading}
          error={mutations.error}
          onSubmit={(input) => void mutations.createDeal({ ...input, cardId }).then((done) => done && close())}
        />
      )}
      {dialog?.kind === 'edit' && (
        <DealDialog
          deal={dialog.deal}
          onClose={close}
          busy={mutations.loading}
          error={mutations.error}
          onSubmit={(input) => void mutations.updateDeal(dialog.deal.id, { ...input, cardId: dialog.deal.cardId }).then((done) => done && close())}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={t('card.deals.deleteTitle', { title: dialog.deal.title })}
          body={t('card.common.toTrash')}
          confirmLabel={t('card.common.moveToTrash')}
          busy={mutations.loading}
          error={mutations.error}
          onClose={close}
          onConfirm={() => void mutations.deleteDeal(dialog.deal.id).then((done) => done && close())}
        />
      )}
    </section>
  );
}
