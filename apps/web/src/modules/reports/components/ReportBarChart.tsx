import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { AxisBottom, AxisLeft, type TickRendererProps } from '@visx/axis';
import { GridColumns, GridRows } from '@visx/grid';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';

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

const FONT_SIZE = 12;
/** About the width of one character of the axis font, to fit labels without measuring text. */
const CHAR_WIDTH = 7;
/** The rows layout's column of names (statuses) on the left. */
const NAME_WIDTH = 120;
const MAX_BAR = 28;
const AXIS_COLOR = 'var(--gray-400)';
const GRID_COLOR = 'var(--color-border)';

/** The width the chart has, read before the first paint and again when it changes. */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(Math.floor(element.clientWidth));
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/** A name cut to about `width` pixels, with an ellipsis (the bar's title carries the whole name). */
function fit(text: string, width: number) {
  const chars = Math.max(3, Math.floor(width / CHAR_WIDTH));
  return text.length > chars ? `${text.slice(0, chars - 1)}…` : text;
}

/** An axis label as plain SVG text: the chart library's own label measures every word, which is slow. */
function tickLabel(anchor: 'end' | 'middle', maxWidth: number) {
  return function TickLabel({ x, y, formattedValue = '' }: TickRendererProps) {
    return (
      <text x={x} y={y} dx={anchor === 'end' ? -4 : 0} dy={anchor === 'end' ? '0.32em' : 0} textAnchor={anchor} fontSize={FONT_SIZE} fill="var(--color-text-muted)">
        {fit(formattedValue, maxWidth)}
      </text>
    );
  };
}

/** A bar chart drawn with visx primitives (scales, axes, grid, bars); the table view carries the same numbers. */
export default function ReportBarChart({ rows, series, layout, summary, formatValue = String }: ReportBarChartProps) {
  const navigate = useNavigate();
  const [ref, width] = useWidth();
  const horizontal = layout === 'rows';
  const height = horizontal ? Math.max(160, rows.length * (series.length > 1 ? 44 : 34) + 48) : 240;
  return (
    <div className="report-chart" role="img" aria-label={summary} ref={ref}>
      {width > 0 && (
        <svg className="report-chart__svg" width={width} height={height}>
          {horizontal ? (
            <RowBars rows={rows} series={series} width={width} height={height} formatValue={formatValue} onOpen={navigate} />
          ) : (
            <ColumnBars rows={rows} series={series} width={width} height={height} formatValue={formatValue} onOpen={navigate} />
          )}
        </svg>
      )}
      {series.length > 1 && (
        <ul className="report-chart__legend" aria-hidden="true">
          {series.map((s) => (
            <li key={s.key}>
              <span className="report-chart__swatch" style={{ background: s.color }} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface BarsProps {
  rows: readonly ChartRow[];
  series: readonly ChartSeries[];
  width: number;
  height: number;
  formatValue: (value: number) => string;
  onOpen: (href: string) => void;
}

const valueOf = (row: ChartRow, key: string) => {
  const v = row[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

/** The largest value in the chart, at least 1 so an empty chart still has an axis. */
const maxValue = (rows: readonly ChartRow[], series: readonly ChartSeries[]) =>
  Math.max(1, ...rows.flatMap((row) => series.map((s) => valueOf(row, s.key) ?? 0)));

/** Whole-number ticks only when every value is whole (counts), as a count of 2.5 cards means nothing. */
const ticksFor = (values: number[], whole: boolean) => (whole ? values.filter(Number.isInteger) : values);

/** One bar, with its number as a tooltip and a click that opens the list behind it. */
function ChartBar({ row, s, x, y, width, height, formatValue, onOpen }: { row: ChartRow; s: ChartSeries; x: number; y: number; width: number; height: number } & Pick<BarsProps, 'formatValue' | 'onOpen'>) {
  const value = valueOf(row, s.key);
  if (value === null) return null;
  const href = row.href;
  return (
    <Bar
      className={href ? 'report-chart__bar report-chart__bar--link' : 'report-chart__bar'}
      x={x}
      y={y}
      width={Math.max(0, width)}
      height={Math.max(0, height)}
      rx={Math.min(3, width / 2, height / 2)}
      fill={s.color}
      onClick={href ? () => onOpen(href) : undefined}
    >
      <title>{`${row.label} · ${s.label}: ${formatValue(value)}`}</title>
    </Bar>
  );
}

/** Bars along the rows: a name per row on the left, the value at each bar's end. */
function RowBars({ rows, series, width, height, formatValue, onOpen }: BarsProps) {
  const margin = { top: 4, right: 48, bottom: 24, left: NAME_WIDTH };
  const innerWidth = Math.max(10, width - margin.left - margin.right);
  const innerHeight = height - margin.top - margin.bottom;
  const band = scaleBand<number>({ domain: rows.map((_, i) => i), range: [0, innerHeight], paddingInner: 0.2, paddingOuter: 0.1 });
  const inner = scaleBand<string>({ domain: series.map((s) => s.key), range: [0, band.bandwidth()], padding: 0.08 });
  const value = scaleLinear<number>({ domain: [0, maxValue(rows, series)], range: [0, innerWidth], nice: true });
  const whole = rows.every((row) => series.every((s) => Number.isInteger(valueOf(row, s.key) ?? 0)));
  const ticks = ticksFor(value.ticks(Math.max(2, Math.floor(innerWidth / 80))), whole);
  const thickness = Math.min(inner.bandwidth(), MAX_BAR);
  const bars: ReactNode[] = [];
  rows.forEach((row, i) => {
    for (const s of series) {
      const v = valueOf(row, s.key);
      if (v === null) continue;
      const y = (band(i) ?? 0) + (inner(s.key) ?? 0) + (inner.bandwidth() - thickness) / 2;
      bars.push(<ChartBar key={`${i}-${s.key}`} row={row} s={s} x={0} y={y} width={value(v)} height={thickness} formatValue={formatValue} onOpen={onOpen} />);
      bars.push(
        <text key={`${i}-${s.key}-value`} x={value(v) + 4} y={y + thickness / 2} dy="0.32em" fontSize={FONT_SIZE} fill="var(--color-text)">
          {formatValue(v)}
        </text>,
      );
    }
  });
  return (
    <Group left={margin.left} top={margin.top}>
      <GridColumns scale={value} height={innerHeight} tickValues={ticks} stroke={GRID_COLOR} strokeDasharray="3 3" />
      {bars}
      <AxisLeft
        scale={band}
        tickFormat={(i) => rows[i as number]?.label ?? ''}
        stroke={AXIS_COLOR}
        tickStroke={AXIS_COLOR}
        tickComponent={tickLabel('end', NAME_WIDTH - 12)}
      />
      <AxisBottom top={innerHeight} scale={value} tickValues={ticks} tickFormat={(v) => formatValue(Number(v))} stroke={AXIS_COLOR} tickStroke={AXIS_COLOR} tickComponent={tickLabel('middle', 80)} />
    </Group>
  );
}

/** Columns over time: a label under each column (every few when they would overlap). */
function ColumnBars({ rows, series, width, height, formatValue, onOpen }: BarsProps) {
  const margin = { top: 8, right: 8, bottom: 24, left: 40 };
  const innerWidth = Math.max(10, width - margin.left - margin.right);
  const innerHeight = height - margin.top - margin.bottom;
  const band = scaleBand<number>({ domain: rows.map((_, i) => i), range: [0, innerWidth], paddingInner: 0.2, paddingOuter: 0.1 });
  const inner = scaleBand<string>({ domain: series.map((s) => s.key), range: [0, band.bandwidth()], padding: 0.08 });
  const value = scaleLinear<number>({ domain: [0, maxValue(rows, series)], range: [innerHeight, 0], nice: true });
  const whole = rows.every((row) => series.every((s) => Number.isInteger(valueOf(row, s.key) ?? 0)));
  const ticks = ticksFor(value.ticks(5), whole);
  const thickness = Math.min(inner.bandwidth(), MAX_BAR);
  // Every label is as wide as the longest one; show every n-th so they do not overlap.
  const labelWidth = Math.max(...rows.map((r) => r.label.length), 1) * CHAR_WIDTH + 8;
  const every = Math.max(1, Math.ceil(labelWidth / Math.max(1, band.step())));
  return (
    <Group left={margin.left} top={margin.top}>
      <GridRows scale={value} width={innerWidth} tickValues={ticks} stroke={GRID_COLOR} strokeDasharray="3 3" />
      {rows.map((row, i) =>
        series.map((s) => {
          const v = valueOf(row, s.key);
          if (v === null) return null;
          const x = (band(i) ?? 0) + (inner(s.key) ?? 0) + (inner.bandwidth() - thickness) / 2;
          return <ChartBar key={`${i}-${s.key}`} row={row} s={s} x={x} y={value(v)} width={thickness} height={innerHeight - value(v)} formatValue={formatValue} onOpen={onOpen} />;
        }),
      )}
      <AxisLeft scale={value} tickValues={ticks} tickFormat={(v) => formatValue(Number(v))} stroke={AXIS_COLOR} tickStroke={AXIS_COLOR} tickComponent={tickLabel('end', margin.left - 4)} />
      <AxisBottom
        top={innerHeight}
        scale={band}
        tickValues={rows.map((_, i) => i).filter((i) => i % every === 0)}
        tickFormat={(i) => rows[i as number]?.label ?? ''}
        stroke={AXIS_COLOR}
        tickStroke={AXIS_COLOR}
        tickComponent={tickLabel('middle', labelWidth)}
      />
    </Group>
  );
}
