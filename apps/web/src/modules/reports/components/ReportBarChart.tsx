import { useNavigate } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

export interface ChartRow {
  label: string;
  /** Where a click on the row's bars goes (the card list behind the number). */
  href?: string | null;
  [series: string]: string | number | null | undefined;
}

interface ReportBarChartProps {
  rows: readonly ChartRow[];
  series: readonly ChartSeries[];
  /** Bars along the rows (funnel, statuses) or columns over time (weeks). */
  layout: 'rows' | 'columns';
  /** The one-line summary, read by screen readers in place of the drawing. */
  summary: string;
  formatValue?: (value: number) => string;
}

/** A bar chart from the lazily loaded chart library; the table view carries the same numbers. */
export default function ReportBarChart({ rows, series, layout, summary, formatValue = String }: ReportBarChartProps) {
  const navigate = useNavigate();
  const horizontal = layout === 'rows';
  const height = horizontal ? Math.max(160, rows.length * (series.length > 1 ? 44 : 34) + 48) : 240;
  const open = (row: ChartRow) => {
    if (row.href) navigate(row.href);
  };
  return (
    <div className="report-chart" role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows as ChartRow[]} layout={horizontal ? 'vertical' : 'horizontal'} margin={{ top: 4, right: 40, bottom: 4, left: 4 }} barGap={2}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" horizontal={!horizontal} vertical={horizontal} />
          {horizontal ? (
            <>
              <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} stroke="var(--gray-400)" />
              <YAxis type="category" dataKey="label" width={120} tick={{ fontSize: 12 }} stroke="var(--gray-400)" />
            </>
          ) : (
            <>
              <XAxis dataKey="label" tick={{ fontSize: 12 }} stroke="var(--gray-400)" />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} stroke="var(--gray-400)" width={36} />
            </>
          )}
          <Tooltip cursor={{ fill: 'var(--color-surface-hover)' }} formatter={(value) => formatValue(Number(value))} />
          {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={s.color}
              radius={horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0]}
              maxBarSize={28}
              isAnimationActive={false}
              cursor="pointer"
              onClick={(data) => open((data as { payload?: ChartRow }).payload ?? (data as unknown as ChartRow))}
            >
              {horizontal && <LabelList dataKey={s.key} position="right" fontSize={12} formatter={(value) => formatValue(Number(value))} />}
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
