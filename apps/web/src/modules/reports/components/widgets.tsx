import type { ReactNode } from 'react';
import { useTranslation } from '../../../app/i18n';
import { Link } from 'react-router-dom';
import type { ReportBaseMoneyFragment, ReportMoneyFragment, ReportOutcomeFragment, ReportQuery } from '../../../graphql/generated/graphql';
import { dateFormat } from '../../../ui/datetime';
import { cardListHref } from '../utils/filter';
import { CHART_COLORS, type ReportFormat } from '../utils/format';
import type { ChartRow } from './ReportBarChart';
import { ReportWidget } from './ReportWidget';

type Report = ReportQuery['report'];

interface WidgetProps {
  report: Report;
  format: ReportFormat;
  compare?: boolean;
}

/** A number that opens the card list behind it. */
function FigureLink({ href, label, children }: { href: string | null; label: string; children: ReactNode }) {
  if (!href) return <>{children}</>;
  return (
    <Link className="report-link" to={href} aria-label={label}>
      {children}
    </Link>
  );
}

/** A table of a widget: its header cells and rows, scrolling sideways when wide. */
function ReportTable({ head, scroll, children }: { head: ReactNode; scroll?: boolean; children: ReactNode }) {
  return (
    <div className={scroll ? 'table-wrap report-table--scroll' : 'table-wrap'}>
      <table className="table report-table">
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A status as a row header, with its colour. */
function StatusCell({ status }: { status: { name: string; color: string } }) {
  return (
    <th scope="row">
      <span className="report-swatch" style={{ background: status.color }} aria-hidden="true" />
      {status.name}
    </th>
  );
}

/** A figure's money: one amount in the base currency (BASE mode), or its sums per currency. */
function Money({ sums, inBase, format }: { sums: readonly ReportMoneyFragment[]; inBase?: ReportBaseMoneyFragment | null; format: ReportFormat }) {
  if (inBase) return <span className="report-sums">{format.exactMoney(inBase.amount, inBase.currency)}</span>;
  return <Sums sums={sums} format={format} />;
}

/**
 * The money reading of a widget: its mode as a label ("Per currency" / "In EUR"), and a warning line
 * when values had no exchange rate ("3 cards in CZK have no rate to EUR: left out.").
 */
function useMoneyReading(report: Report, figures: ReadonlyArray<ReportBaseMoneyFragment | null | undefined>) {
  const { t } = useTranslation();
  const base = report.currencyMode === 'BASE' ? report.baseCurrency : null;
  const missing = new Map<string, number>();
  for (const f of figures) for (const m of f?.missing ?? []) missing.set(m.currency, (missing.get(m.currency) ?? 0) + m.count);
  const warning = [...missing.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, count]) => t('reports.money.missing', { count, currency, base: base ?? '' }))
    .join(' ');
  return { base, mode: base ? t('reports.money.inBase', { currency: base }) : t('reports.money.perCurrency'), warning: base && warning ? warning : undefined };
}

/** Money cells of a CSV row: the base currency and its exact amount, or each currency's sum. */
function moneyRows<T>(prefix: T[], sums: readonly ReportMoneyFragment[], inBase: ReportBaseMoneyFragment | null | undefined, extra: (currency: string) => Array<string | number | null> = () => []) {
  if (inBase) return [[...prefix, inBase.currency, inBase.amount, ...extra(inBase.currency)]];
  return sums.length ? sums.map((m) => [...prefix, m.currency, m.amount, ...extra(m.currency)]) : [[...prefix, null, null, ...extra('').map(() => null)]];
}

function Sums({ sums, format }: { sums: readonly ReportMoneyFragment[]; format: ReportFormat }) {
  if (sums.length === 0) return <span className="table__muted">–</span>;
  return (
    <span className="report-sums">
      {sums.map((s) => (
        <span key={s.currency}>{format.money(s.amount, s.currency)}</span>
      ))}
    </span>
  );
}

/** Cards that entered each status, with the conversion from each status to the next. */
export function FunnelWidget({ report, format, compare }: WidgetProps) {
  const { t } = useTranslation();
  const steps = report.funnel;
  const href = (i: number) => cardListHref(report.pipelineId, steps[i].cards);
  const first = steps[0];
  const won = steps.find((s) => s.status.kind === 'WON');
  const summary = first
    ? t('reports.funnel.summary', { count: first.entered, first: first.status.name, won: won?.entered ?? 0, last: won?.status.name ?? '' })
    : t('reports.noStatuses');
  const rows: ChartRow[] = steps.map((s, i) => ({ label: s.status.name, entered: s.entered, previous: s.previousEntered, href: href(i) }));
  return (
    <ReportWidget
      title={t('reports.funnel.title')}
      summary={summary}
      period={report.period}
      csv={() => [
        [t('reports.funnel.status'), t('reports.funnel.entered'), t('reports.previousPeriod'), t('reports.funnel.convertedCount'), t('reports.funnel.conversion')],
        ...steps.map((s) => [s.status.name, s.entered, s.previousEntered, s.convertedToNext, s.conversion === null ? null : +s.conversion.toFixed(4)]),
      ]}
      chart={{
        rows,
        layout: 'rows',
        series: [
          { key: 'entered', label: t('reports.thisPeriod'), color: CHART_COLORS.current },
          ...(compare ? [{ key: 'previous', label: t('reports.previousPeriod'), color: CHART_COLORS.previous }] : []),
        ],
        formatValue: format.number,
      }}
      table={
        <ReportTable
          head={
            <>
              <th scope="col">{t('reports.funnel.status')}</th>
              <th scope="col" className="num">{t('reports.funnel.entered')}</th>
              {compare && <th scope="col" className="num">{t('reports.previousPeriod')}</th>}
              <th scope="col" className="num">{t('reports.funnel.conversion')}</th>
            </>
          }
        >
          {steps.map((s, i) => (
            <tr key={s.status.id}>
              <StatusCell status={s.status} />
              <td className="num">
                <FigureLink href={href(i)} label={t('reports.funnel.open', { count: s.entered, status: s.status.name })}>
                  {format.number(s.entered)}
                </FigureLink>
              </td>
              {compare && <td className="num table__muted">{format.number(s.previousEntered)}</td>}
              <td className="num">
                {s.conversion === null ? (
                  <span className="table__muted">–</span>
                ) : (
                  <span title={t('reports.funnel.convertedOf', { converted: s.convertedToNext, entered: s.entered })}>{format.percent(s.conversion)}</span>
                )}
              </td>
            </tr>
          ))}
        </ReportTable>
      }
    />
  );
}

/** Won and lost in the period: counts, values per currency, win rate. */
export function OutcomesWidget({ report, format, compare }: WidgetProps) {
  const { t } = useTranslation();
  const { won, lost, winRate, previousWinRate } = report.outcomes;
  const tile = (kind: 'won' | 'lost', figure: ReportOutcomeFragment) => (
    <div className={`report-tile report-tile--${kind}`}>
      <dt>{t(`reports.outcomes.${kind}`)}</dt>
      <dd>
        <FigureLink href={cardListHref(report.pipelineId, figure.cards)} label={t(`reports.outcomes.open.${kind}`, { count: figure.count })}>
          {format.number(figure.count)}
        </FigureLink>
        {compare && <span className="report-tile__previous">{t('reports.previousValue', { value: format.number(figure.previousCount) })}</span>}
      </dd>
      <dd className="report-tile__sums">
        <Money sums={figure.sums} inBase={figure.inBase} format={format} />
      </dd>
    </div>
  );
  const summary = t('reports.outcomes.summary', { won: won.count, lost: lost.count, rate: format.percent(winRate) });
  const money = useMoneyReading(report, [won.inBase, lost.inBase]);
  return (
    <ReportWidget
      title={t('reports.outcomes.title')}
      summary={summary}
      mode={money.mode}
      warning={money.warning}
      period={report.period}
      csv={() => [
        [t('reports.outcomes.outcome'), t('reports.outcomes.count'), t('reports.previousPeriod'), t('reports.currency'), t('reports.open.value')],
        ...(['won', 'lost'] as const).flatMap((kind) => {
          const f = report.outcomes[kind];
          const name = t(`reports.outcomes.${kind}`);
          return moneyRows<string | number | null>([name, f.count, f.previousCount], f.sums, f.inBase);
        }),
        [t('reports.outcomes.winRate'), winRate === null ? null : +winRate.toFixed(4), previousWinRate === null ? null : +previousWinRate.toFixed(4), null, null],
      ]}
      note={money.base ? t('reports.money.outcomesNote', { currency: money.base }) : t('reports.perCurrency')}
      table={
        <dl className="report-tiles">
          {tile('won', won)}
          {tile('lost', lost)}
          <div className="report-tile">
            <dt>{t('reports.outcomes.winRate')}</dt>
            <dd>
              {format.percent(winRate)}
              {compare && <span className="report-tile__previous">{t('reports.previousValue', { value: format.percent(previousWinRate) })}</span>}
            </dd>
          </div>
        </dl>
      }
    />
  );
}

/** Open cards by expected close month: value and value weighted by each status's probability. */
export function ForecastWidget({ report, format }: WidgetProps) {
  const { t, i18n } = useTranslation();
  const rows = report.forecast;
  const monthName = (month: string) =>
    dateFormat(i18n.language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  const total = rows.reduce((n, r) => n + r.count, 0);
  const unweighted = rows.reduce((n, r) => n + r.withoutProbability, 0);
  const summary = total > 0 ? t('reports.forecast.summary', { count: total, months: t('reports.forecast.span', { count: rows.length }), first: monthName(rows[0].month) }) : t('reports.forecast.none');
  const money = useMoneyReading(report, rows.map((r) => r.inBase));
  const note = money.base ? t('reports.money.forecastNote', { currency: money.base }) : t('reports.forecast.note');
  return (
    <ReportWidget
      title={t('reports.forecast.title')}
      summary={summary}
      mode={money.mode}
      warning={money.warning}
      period={report.period}
      csv={() => [
        [t('reports.forecast.month'), t('reports.open.cards'), t('reports.currency'), t('reports.open.value'), t('reports.forecast.weighted')],
        ...rows.flatMap((r) =>
          moneyRows<string | number | null>([r.month, r.count], r.sums, r.inBase, (currency) => [
            r.weightedInBase ? r.weightedInBase.amount : (r.weighted.find((w) => w.currency === currency)?.amount ?? null),
          ]),
        ),
      ]}
      note={unweighted > 0 ? `${note} ${t('reports.forecast.withoutProbability', { count: unweighted })}` : note}
      chart={{
        rows: rows.map((r) => ({ label: monthName(r.month), count: r.count, href: null })),
        series: [{ key: 'count', label: t('reports.open.cards'), color: CHART_COLORS.current }],
        layout: 'columns',
        formatValue: format.number,
      }}
      table={
        <ReportTable
          head={
            <>
              <th scope="col">{t('reports.forecast.month')}</th>
              <th scope="col" className="num">{t('reports.open.cards')}</th>
              <th scope="col" className="num">{t('reports.open.value')}</th>
              <th scope="col" className="num">{t('reports.forecast.weighted')}</th>
            </>
          }
        >
          {rows.map((r) => (
            <tr key={r.month}>
              <th scope="row">{monthName(r.month)}</th>
              <td className="num">{format.number(r.count)}</td>
              <td className="num">
                <Money sums={r.sums} inBase={r.inBase} format={format} />
              </td>
              <td className="num">
                <Money sums={r.weighted} inBase={r.weightedInBase} format={format} />
              </td>
            </tr>
          ))}
        </ReportTable>
      }
    />
  );
}

/** Open cards per status now, and their value per currency. */
export function OpenPipelineWidget({ report, format }: WidgetProps) {
  const { t } = useTranslation();
  const rows = report.openPipeline;
  const total = rows.reduce((n, r) => n + r.count, 0);
  const largest = [...rows].sort((a, b) => b.count - a.count)[0];
  const summary = largest && total > 0 ? t('reports.open.summary', { count: total, status: largest.status.name, inStatus: largest.count }) : t('reports.open.none');
  const money = useMoneyReading(report, rows.map((r) => r.inBase));
  return (
    <ReportWidget
      title={t('reports.open.title')}
      summary={summary}
      mode={money.mode}
      warning={money.warning}
      period={report.period}
      csv={() => [
        [t('reports.funnel.status'), t('reports.open.cards'), t('reports.currency'), t('reports.open.value')],
        ...rows.flatMap((r) => moneyRows<string | number | null>([r.status.name, r.count], r.sums, r.inBase)),
      ]}
      note={money.base ? t('reports.money.openNote', { currency: money.base }) : t('reports.openNote')}
      chart={{
        rows: rows.map((r) => ({ label: r.status.name, count: r.count, href: cardListHref(report.pipelineId, r.cards) })),
        series: [{ key: 'count', label: t('reports.open.cards'), color: CHART_COLORS.current }],
        layout: 'rows',
        formatValue: format.number,
      }}
      table={
        <ReportTable
          head={
            <>
              <th scope="col">{t('reports.funnel.status')}</th>
              <th scope="col" className="num">{t('reports.open.cards')}</th>
              <th scope="col" className="num">{t('reports.open.value')}</th>
            </>
          }
        >
          {rows.map((r) => (
            <tr key={r.status.id}>
              <StatusCell status={r.status} />
              <td className="num">
                <FigureLink href={cardListHref(report.pipelineId, r.cards)} label={t('reports.open.open', { count: r.count, status: r.status.name })}>
                  {format.number(r.count)}
                </FigureLink>
              </td>
              <td className="num">
                <Money sums={r.sums} inBase={r.inBase} format={format} />
              </td>
            </tr>
          ))}
        </ReportTable>
      }
    />
  );
}

/** New cards and new clients per week (Monday to Sunday). */
export function WeeklyWidget({ report, format }: WidgetProps) {
  const { t } = useTranslation();
  const weeks = report.weekly;
  const cards = weeks.reduce((n, w) => n + w.newCards, 0);
  const clients = weeks.reduce((n, w) => n + w.newClients, 0);
  return (
    // (The whole row: a year is 53 pairs of columns.)
    <ReportWidget
      wide
      title={t('reports.weekly.title')}
      summary={t('reports.weekly.summary', { cards, clients, weeks: weeks.length })}
      period={report.period}
      csv={() => [[t('reports.weekly.week'), t('reports.weekly.cards'), t('reports.weekly.clients')], ...weeks.map((w) => [w.week, w.newCards, w.newClients])]}
      chart={{
        rows: weeks.map((w) => ({ label: format.day(w.week), cards: w.newCards, clients: w.newClients, href: cardListHref(report.pipelineId, w.cards) })),
        series: [
          { key: 'cards', label: t('reports.weekly.cards'), color: CHART_COLORS.current },
          { key: 'clients', label: t('reports.weekly.clients'), color: CHART_COLORS.clients },
        ],
        layout: 'columns',
        formatValue: format.number,
      }}
      table={
        <ReportTable scroll
          head={
            <>
              <th scope="col">{t('reports.weekly.week')}</th>
              <th scope="col" className="num">{t('reports.weekly.cards')}</th>
              <th scope="col" className="num">{t('reports.weekly.clients')}</th>
            </>
          }
        >
          {weeks.map((w) => (
            <tr key={w.week}>
              <th scope="row">{t('reports.weekly.weekOf', { day: format.day(w.week) })}</th>
              <td className="num">
                <FigureLink href={cardListHref(report.pipelineId, w.cards)} label={t('reports.weekly.open', { count: w.newCards, day: format.day(w.week) })}>
                  {format.number(w.newCards)}
                </FigureLink>
              </td>
              <td className="num">{format.number(w.newClients)}</td>
            </tr>
          ))}
        </ReportTable>
      }
    />
  );
}

const ACTIVITY_COLUMNS = ['todosDone', 'overdueTodos', 'mailsSent', 'repliesReceived', 'notes', 'cardsMoved', 'cardsWon'] as const;

/** The leaderboard: every salesperson's activity side by side. */
export function ActivityWidget({ report, format }: WidgetProps) {
  const { t } = useTranslation();
  const rows = report.activity;
  const top = rows[0];
  const summary = top && top.cardsWon > 0 ? t('reports.activity.summary', { name: top.user.name, count: top.cardsWon, people: rows.length }) : t('reports.activity.summaryNone', { people: rows.length });
  return (
    <ReportWidget
      wide
      title={t('reports.activity.title')}
      summary={summary}
      period={report.period}
      csv={() => [[t('reports.activity.person'), ...ACTIVITY_COLUMNS.map((c) => t(`reports.activity.${c}`))], ...rows.map((r) => [r.user.name, ...ACTIVITY_COLUMNS.map((c) => r[c])])]}
      table={
        rows.length === 0 ? (
          <p className="report-hint">{t('reports.activity.empty')}</p>
        ) : (
          <ReportTable
            head={
              <>
                <th scope="col">{t('reports.activity.person')}</th>
                {ACTIVITY_COLUMNS.map((c) => (
                <th key={c} scope="col" className="num">
                {t(`reports.activity.${c}`)}
                </th>
                ))}
              </>
            }
          >
            {rows.map((r) => (
              <tr key={r.user.id}>
                <th scope="row">{r.user.name}</th>
                {ACTIVITY_COLUMNS.map((c) => (
                  <td key={c} className={`num${c === 'overdueTodos' && r[c] > 0 ? ' report-overdue' : ''}`}>
                    {c === 'cardsWon' ? (
                      <FigureLink href={cardListHref(report.pipelineId, r.wonCards)} label={t('reports.activity.openWon', { count: r.cardsWon, name: r.user.name })}>
                        {format.number(r.cardsWon)}
                      </FigureLink>
                    ) : (
                      format.number(r[c])
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </ReportTable>
        )
      }
    />
  );
}

/** Average and median days in each status, from the stays that ended in the period. */
export function TimeInStatusWidget({ report, format }: WidgetProps) {
  const { t } = useTranslation();
  const rows = report.timeInStatus;
  const longest = [...rows].filter((r) => r.medianDays !== null).sort((a, b) => b.medianDays! - a.medianDays!)[0];
  const days = (n: number | null) => (n === null ? '–' : t('reports.time.days', { value: format.decimal(n) }));
  return (
    <ReportWidget
      title={t('reports.time.title')}
      period={report.period}
      csv={() => [
        [t('reports.funnel.status'), t('reports.time.stays'), t('reports.time.medianDays'), t('reports.time.averageDays')],
        ...rows.map((r) => [r.status.name, r.stays, r.medianDays === null ? null : +r.medianDays.toFixed(2), r.averageDays === null ? null : +r.averageDays.toFixed(2)]),
      ]}
      summary={longest ? t('reports.time.summary', { status: longest.status.name, days: days(longest.medianDays) }) : t('reports.time.none')}
      note={t('reports.time.note')}
      chart={{
        rows: rows.map((r) => ({ label: r.status.name, median: r.medianDays === null ? null : +r.medianDays.toFixed(1), average: r.averageDays === null ? null : +r.averageDays.toFixed(1) })),
        series: [
          { key: 'median', label: t('reports.time.median'), color: CHART_COLORS.current },
          { key: 'average', label: t('reports.time.average'), color: CHART_COLORS.previous },
        ],
        layout: 'rows',
        formatValue: format.decimal,
      }}
      table={
        <ReportTable
          head={
            <>
              <th scope="col">{t('reports.funnel.status')}</th>
              <th scope="col" className="num">{t('reports.time.stays')}</th>
              <th scope="col" className="num">{t('reports.time.median')}</th>
              <th scope="col" className="num">{t('reports.time.average')}</th>
            </>
          }
        >
          {rows.map((r) => (
            <tr key={r.status.id}>
              <StatusCell status={r.status} />
              <td className="num">{format.number(r.stays)}</td>
              <td className="num">{days(r.medianDays)}</td>
              <td className="num">{days(r.averageDays)}</td>
            </tr>
          ))}
        </ReportTable>
      }
    />
  );
}

const AUTOMATION_COLUMNS = ['enrolled', 'stepsDone', 'mailSteps', 'failures'] as const;

/** The pipeline's automations in the period: cards enrolled, steps run, mails, failures. */
export function AutomationsWidget({ report, format }: WidgetProps) {
  const { t } = useTranslation();
  const rows = report.automations;
  const total = (key: (typeof AUTOMATION_COLUMNS)[number]) => rows.reduce((n, r) => n + r[key], 0);
  return (
    <ReportWidget
      title={t('reports.automations.title')}
      period={report.period}
      csv={rows.length === 0 ? undefined : () => [
        [t('reports.automations.name'), t('reports.automations.stateLabel'), ...AUTOMATION_COLUMNS.map((c) => t(`reports.automations.${c}`))],
        ...rows.map((r) => [r.name, t(`reports.automations.state.${r.state}`), ...AUTOMATION_COLUMNS.map((c) => r[c])]),
      ]}
      summary={rows.length ? t('reports.automations.summary', { steps: total('stepsDone'), mails: total('mailSteps'), failures: total('failures'), count: rows.length }) : t('reports.automations.none')}
      table={
        rows.length === 0 ? null : (
          <ReportTable
            head={
              <>
                <th scope="col">{t('reports.automations.name')}</th>
                {AUTOMATION_COLUMNS.map((c) => (
                <th key={c} scope="col" className="num">
                {t(`reports.automations.${c}`)}
                </th>
                ))}
              </>
            }
          >
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row" className="report-table__name">
                  <Link className="report-link" to={`/automations/${report.pipelineId}/${r.id}`}>
                    {r.name}
                  </Link>
                  <span className="table__muted report-table__sub">{t(`reports.automations.state.${r.state}`)}</span>
                </th>
                {AUTOMATION_COLUMNS.map((c) => (
                  <td key={c} className={`num${c === 'failures' && r[c] > 0 ? ' report-overdue' : ''}`}>
                    {format.number(r[c])}
                  </td>
                ))}
              </tr>
            ))}
          </ReportTable>
        )
      }
    />
  );
}
