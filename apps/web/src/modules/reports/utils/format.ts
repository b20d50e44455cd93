import { useMemo } from 'react';
import { useTranslation } from '../../../app/i18n';
import { formatDay } from '../../../ui/datetime';
import { formatMoney } from '../../cards/utils/format';

export interface ReportFormat {
  number: (n: number) => string;
  /** One decimal: days in a status. */
  decimal: (n: number) => string;
  percent: (n: number | null) => string;
  money: (amount: number, currency: string) => string;
  /** An exact decimal ("2079.9488") in its currency: rounded to cents only here, for display. */
  exactMoney: (amount: string, currency: string) => string;
  day: (day: string) => string;
}

/** The report's formats in the UI language: one object per language, so widgets drawn with it are not drawn again for nothing. */
export function useReportFormat(): ReportFormat {
  const { i18n } = useTranslation();
  return useMemo(() => reportFormat(i18n.language), [i18n.language]);
}

function reportFormat(language: string): ReportFormat {
  const number = new Intl.NumberFormat(language);
  const decimal = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  return {
    number: (n) => number.format(n),
    decimal: (n) => decimal.format(n),
    percent: (n) => (n === null ? '–' : percent.format(n)),
    money: (amount, currency) => formatMoney(amount, currency, language),
    exactMoney: (amount, currency) => formatMoney(amount, currency, language),
    day: (day) => formatDay(day, language, 'short'),
  };
}

/** Okabe–Ito colours: told apart with every common colour-vision deficiency. */
export const CHART_COLORS = {
  current: '#0072B2',
  previous: '#E69F00',
  won: '#009E73',
  lost: '#D55E00',
  clients: '#CC79A7',
} as const;
