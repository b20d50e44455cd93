import { lazy, Suspense, useId, useState, type ComponentProps, type ReactNode } from 'react';
import { useTranslation } from '../../../app/i18n';
import { InlineLoading } from '../../../ui/FullPageLoading';
import type { ChartRow, ChartSeries } from './ReportBarChart';
import { useMutation } from '@apollo/client/react';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { usePrinting } from '../../../ui/usePrinting';
import { REPORT_XLSX_MUTATION } from '../graphql/reports';
import { base64Bytes, csvFileName, downloadFile, toCsv, XLSX_TYPE } from '../utils/csv';

// The chart library is not in the app's code: the Reports page starts loading it with its own
// (loadReportChart), beside its data, and a chart whose code is here is drawn at once (a lazy component
// suspends on its first render even then, and React holds a suspended part back for 300 ms).
let chartModule: typeof import('./ReportBarChart') | null = null;
export const loadReportChart = () => import('./ReportBarChart').then((m) => (chartModule = m));
const LazyReportBarChart = lazy(loadReportChart);

function ReportBarChart(props: ComponentProps<typeof LazyReportBarChart>) {
  const Loaded = chartModule?.default;
  return Loaded ? (
    <Loaded {...props} />
  ) : (
    <Suspense fallback={<InlineLoading />}>
      <LazyReportBarChart {...props} />
    </Suspense>
  );
}

export interface WidgetChart {
  rows: readonly ChartRow[];
  series: readonly ChartSeries[];
  layout: 'rows' | 'columns';
  formatValue?: (value: number) => string;
}

interface ReportWidgetProps {
  title: string;
  /** One line that says what the chart shows, in words. */
  summary: string;
  /** Which money the figures are in, or other reading notes. */
  note?: string;
  /** A money widget's mode as a short label beside the title ("Per currency", "In EUR"). */
  mode?: string;
  /** Something the reader must know to trust the figures (values left out for want of an exchange rate). */
  warning?: string;
  chart?: WidgetChart;
  /** The same numbers as a table (each number a link to its cards). */
  table: ReactNode;
  /** Always shown above the chart or table. */
  children?: ReactNode;
  wide?: boolean;
  /** The widget's numbers as rows (a header row first), for the CSV export. */
  csv?: () => Array<Array<string | number | null>>;
  /** The period's days, for the file name. */
  period?: { fromDay: string; toDay: string };
}

/** One widget: title, summary, and a chart with a table view of the same numbers. */
export function ReportWidget({ title, summary, note, mode, warning, chart, table, children, wide, csv, period }: ReportWidgetProps) {
  const { t } = useTranslation();
  const id = useId();
  const [view, setView] = useState<'chart' | 'table'>(chart ? 'chart' : 'table');
  // Paper shows the table in place of the chart; the screen does not need it drawn.
  const printing = usePrinting();
  const [writeXlsx, { loading: writing }] = useMutation(REPORT_XLSX_MUTATION);
  const { error: xlsxError, run } = useMutationErrors();
  const exportXlsx = (rows: Array<Array<string | number | null>>, fromDay: string, toDay: string) =>
    run(async () => {
      const [header, ...body] = rows;
      const result = await writeXlsx({ variables: { input: { title, header: header.map((h) => String(h ?? '')), rows: body } } });
      if (result.data) downloadFile(csvFileName(title, fromDay, toDay, 'xlsx'), base64Bytes(result.data.reportXlsx), XLSX_TYPE);
      return result.data;
    });
  return (
    <section className={`panel report-widget${wide ? ' report-widget--wide' : ''}`} aria-labelledby={`${id}-title`}>
      <header className="report-widget__header">
        <h2 className="panel__title" id={`${id}-title`}>
          {title}
        </h2>
        {mode && <span className="report-widget__mode">{mode}</span>}
        <div className="report-widget__tools">
          {csv && period && (
            <button
              type="button"
              className="report-widget__export"
              aria-label={t('reports.exportCsv', { title })}
              onClick={() => downloadFile(csvFileName(title, period.fromDay, period.toDay), toCsv(csv()))}
            >
              CSV
            </button>
          )}
          {csv && period && (
            <button
              type="button"
              className="report-widget__export"
              aria-label={t('reports.exportXlsx', { title })}
              disabled={writing}
              onClick={() => void exportXlsx(csv(), period.fromDay, period.toDay)}
            >
              XLSX
            </button>
          )}
          {chart && (
            <div className="report-widget__views" role="group" aria-label={t('reports.view.label', { title })}>
              {(['chart', 'table'] as const).map((v) => (
                <button key={v} type="button" className="report-widget__view" aria-pressed={view === v} onClick={() => setView(v)}>
                  {t(`reports.view.${v}`)}
                </button>
              ))}
            </div>
          )}
        </div>
      </header>
      <ErrorAlert error={xlsxError} />
      <p className="report-widget__summary">{summary}</p>
      {note && <p className="report-widget__note">{note}</p>}
      {warning && (
        <p className="report-widget__warning" role="note">
          {warning}
        </p>
      )}
      {children}
      {chart && view === 'chart' ? (
        <>
          <ReportBarChart {...chart} summary={summary} />
          {printing && <div className="report-widget__print-table">{table}</div>}
        </>
      ) : (
        table
      )}
    </section>
  );
}
