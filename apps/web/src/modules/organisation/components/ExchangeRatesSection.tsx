import { useMutation, useQuery } from '@apollo/client/react';
import { decimalSeparatorOf, parseAmount } from '@crm/shared';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import { useMutationErrors } from '../../../app/useMutationErrors';
import type { ExchangeRateFieldsFragment } from '../../../graphql/generated/graphql';
import { formatDay } from '../../../ui/datetime';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { ORGANISATION_QUERY } from '../graphql/organisation';
import {
  CREATE_EXCHANGE_RATE_MUTATION,
  DELETE_EXCHANGE_RATE_MUTATION,
  EXCHANGE_RATES_QUERY,
  SET_BASE_CURRENCY_MUTATION,
  UPDATE_EXCHANGE_RATE_MUTATION,
} from '../graphql/exchangeRates';

const CURRENCIES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : ['CZK', 'EUR', 'HUF', 'PLN', 'USD'];
// Up to 10 decimals and 12 digits before them, as the database keeps a rate (numeric(22, 10)).
const RATE_DIGITS = { maxFractionDigits: 10, maxIntegerDigits: 12 };

/** A rate (exact decimal "4.0123") in the user's locale: "4,0123" in hu/pl/sk, never rounded. */
export function formatRate(rate: string, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 10 }).format(rate as Intl.StringNumericLiteral);
}

/** Settings › Organisation: the base currency reports may convert into, and the dated rates into it (Admins). */
export function ExchangeRatesSection({ baseCurrency }: { baseCurrency: string | null }) {
  const { t, i18n } = useTranslation();
  const [base, setBase] = useState(baseCurrency ?? '');
  const [saveBase, { loading: savingBase }] = useMutation(SET_BASE_CURRENCY_MUTATION, { refetchQueries: [ORGANISATION_QUERY], awaitRefetchQueries: true });
  const baseErrors = useMutationErrors();
  const submitBase = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void baseErrors.run(() => saveBase({ variables: { currency: base || null } }));
  };
  return (
    <section className="panel org-settings" aria-labelledby="org-money">
      <h2 id="org-money" className="panel__title">
        {t('orgSettings.money.title')}
      </h2>
      <p className="org-rates__intro">{t('orgSettings.money.description')}</p>
      <form className="form" noValidate onSubmit={submitBase}>
        {baseErrors.error && Object.keys(baseErrors.error.fields).length === 0 && <ErrorAlert error={baseErrors.error} />}
        <Field label={t('orgSettings.money.base')} error={baseErrors.error?.fields.currency} hint={t('orgSettings.money.baseHint')}>
          <select className="select" value={base} onChange={(e) => setBase(e.target.value)}>
            <option value="">{t('orgSettings.money.none')}</option>
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
        <div className="org-settings__actions">
          <button type="submit" className="button button--primary" disabled={savingBase || base === (baseCurrency ?? '')} aria-busy={savingBase}>
            {t('orgSettings.money.saveBase')}
          </button>
        </div>
      </form>
      {baseCurrency && <RateTable base={baseCurrency} language={i18n.language} />}
    </section>
  );
}

interface Draft {
  id: string | null;
  currency: string;
  validFrom: string;
  rate: string;
}

function RateTable({ base, language }: { base: string; language: string }) {
  const { t } = useTranslation();
  const { data, loading } = useQuery(EXCHANGE_RATES_QUERY);
  const rates = data?.exchangeRates ?? [];
  const empty: Draft = { id: null, currency: '', validFrom: '', rate: '' };
  const [draft, setDraft] = useState<Draft>(empty);
  const [rateProblem, setRateProblem] = useState<string | null>(null);
  const [create, { loading: creating }] = useMutation(CREATE_EXCHANGE_RATE_MUTATION, { refetchQueries: [EXCHANGE_RATES_QUERY] });
  const [update, { loading: updating }] = useMutation(UPDATE_EXCHANGE_RATE_MUTATION, { refetchQueries: [EXCHANGE_RATES_QUERY] });
  const [remove] = useMutation(DELETE_EXCHANGE_RATE_MUTATION, { refetchQueries: [EXCHANGE_RATES_QUERY] });
  const { error, run, clearError } = useMutationErrors();
  const others = useMemo(() => CURRENCIES.filter((c) => c !== base), [base]);
  const decimal = decimalSeparatorOf(language);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setRateProblem(null);
    const parsed = parseAmount(draft.rate, language, RATE_DIGITS);
    if (!parsed.ok) {
      setRateProblem(t(`amount.errors.${parsed.code}`, { ...parsed.params, decimal }));
      return;
    }
    const input = { currency: draft.currency, validFrom: draft.validFrom, rate: parsed.value };
    const saved = await run(async () => (draft.id ? (await update({ variables: { id: draft.id, input } })).data?.updateExchangeRate : (await create({ variables: { input } })).data?.createExchangeRate));
    if (saved) setDraft(empty);
  };
  const edit = (r: ExchangeRateFieldsFragment) => {
    clearError();
    setRateProblem(null);
    setDraft({ id: r.id, currency: r.currency, validFrom: r.validFrom, rate: formatRate(r.rate, language) });
  };

  return (
    <div className="org-rates">
      <h3 className="org-rates__title">{t('orgSettings.money.ratesTitle', { base })}</h3>
      {loading && !data ? (
        <InlineLoading />
      ) : rates.length === 0 ? (
        <p className="field__hint">{t('orgSettings.money.noRates', { base })}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('orgSettings.money.currency')}</th>
                <th scope="col">{t('orgSettings.money.validFrom')}</th>
                <th scope="col" className="num">
                  {t('orgSettings.money.rate', { base })}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('orgSettings.money.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rates.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.currency}</th>
                  <td>{formatDay(r.validFrom, language)}</td>
                  <td className="num">{t('orgSettings.money.rateValue', { rate: formatRate(r.rate, language), currency: r.currency, base })}</td>
                  <td className="org-rates__actions">
                    <button type="button" className="button button--ghost button--small" onClick={() => edit(r)} aria-label={t('orgSettings.money.edit', { currency: r.currency, day: formatDay(r.validFrom, language) })}>
                      {t('orgSettings.money.editShort')}
                    </button>
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      aria-label={t('orgSettings.money.delete', { currency: r.currency, day: formatDay(r.validFrom, language) })}
                      onClick={() => {
                        if (window.confirm(t('orgSettings.money.confirmDelete', { currency: r.currency, day: formatDay(r.validFrom, language) }))) void run(() => remove({ variables: { id: r.id } }));
                      }}
                    >
                      {t('orgSettings.money.deleteShort')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="form org-rates__form" noValidate onSubmit={submit} aria-label={draft.id ? t('orgSettings.money.editTitle') : t('orgSettings.money.addTitle')}>
        {error && Object.keys(error.fields).length === 0 && <ErrorAlert error={error} />}
        <Field label={t('orgSettings.money.currency')} error={error?.fields.currency}>
          <select className="select" value={draft.currency} onChange={(e) => setDraft({ ...draft, currency: e.target.value })}>
            <option value="">{t('orgSettings.money.chooseCurrency')}</option>
            {others.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('orgSettings.money.validFrom')} error={error?.fields.validFrom} hint={t('orgSettings.money.validFromHint')}>
          <input className="input" type="date" value={draft.validFrom} onChange={(e) => setDraft({ ...draft, validFrom: e.target.value })} />
        </Field>
        <Field label={t('orgSettings.money.rate', { base })} error={rateProblem ?? error?.fields.rate} hint={t('orgSettings.money.rateHint', { example: formatRate('4.0123', language), base })}>
          <input className="input" inputMode="decimal" value={draft.rate} onChange={(e) => setDraft({ ...draft, rate: e.target.value })} />
        </Field>
        <div className="org-settings__actions">
          {draft.id && (
            <button type="button" className="button button--secondary" onClick={() => (setDraft(empty), clearError(), setRateProblem(null))}>
              {t('orgSettings.money.cancel')}
            </button>
          )}
          <button type="submit" className="button button--primary" disabled={creating || updating} aria-busy={creating || updating}>
            {draft.id ? t('orgSettings.money.saveRate') : t('orgSettings.money.addRate')}
          </button>
        </div>
      </form>
    </div>
  );
}
