import { cardFilterSql, cardVisibility, departmentKeyRules, loadBaseCurrency, ownerKeyRules, loadNameOrder, clientFilterSql, clientVisibility, rateAt, REACH_BUCKET, splitStayPeriod, SqlParams, stayBucketSql, stayBucketStartSql, type CardFilterValues, type Viewer } from '@crm/db';
import { addDays, dayStart, ReportCurrencyMode, ReportPeriodPreset, reportPeriod, Role, StatusKind, todayIn } from '@crm/shared';
import type { DataSource } from 'typeorm';
import { badFields, fieldProblem } from '../../graphql/errors';
import type { PipelineService } from '../pipelines/pipeline.service';
import type { CardFilter, MoneySum } from '../cards/card.types';
import type { StatusType } from '../pipelines/pipeline.types';
import type {
  AutomationFigures,
  BaseMoney,
  ForecastMonth,
  FunnelStep,
  TimeInStatus,
  OpenStatusValue,
  OutcomeFigure,
  ReportFilterInput,
  ReportOutcomes,
  ReportPeriodType,
  ReportType,
  SalespersonActivity,
  WeekCount,
} from './report.types';

/** What every widget of one report reads. */
export interface ReportScope {
  viewer: Viewer;
  pipelineId: string;
  statuses: StatusType[];
  period: ReportPeriodType;
  /**
   * The cards the figures count: the page's filter (owners, departments, categories, tags; a Normal
   * user's is their own cards), or with categories and tags together, the clients that carry one of
   * each instead of the labels (labelIntersection).
   */
  cards: CardFilterValues;
  /** The page's filter, for the card lists behind the numbers. */
  links: CardFilterValues;
  /** The people in the activity table: the chosen owners, a Normal user alone, or everyone (null). */
  people: string[] | null;
  /** The base currency money is converted into (BASE mode asked and a base set), or null: per currency. */
  base: string | null;
  /** Today in the organisation's zone: open cards and the forecast convert with today's rates. */
  today: string;
  /**
   * With a filter of several labels of one kind: the clients that carry more than one of them, by
   * how many more (see totalsLabels); empty otherwise; null when they are more than
   * OVERLAP_CLIENTS (the widgets then read the cards).
   */
  overlap: LabelOverlap[] | null;
}

/** Clients that carry `extra` more of a filter's labels than one. */
export interface LabelOverlap {
  extra: number;
  clientIds: string[];
}

/** The mode a widget's money is in (BASE only when there is a base currency to convert into). */
export const currencyModeOf = (scope: ReportScope) => (scope.base ? ReportCurrencyMode.Base : ReportCurrencyMode.PerCurrency);

/**
 * The conversion columns of a money statement over grouped rows `g` (one per key, currency and, for
 * won and lost, day): per amount column, the sum converted into the base currency with the rate valid
 * on `day()` (numeric, exact; as text) and how many values had no rate (left out). In per-currency
 * mode the columns are null, and no rate is looked up.
 */
function conversion(scope: ReportScope, p: SqlParams, day: () => string, columns: Array<{ name: string; amount: string; valued: string }>): { join: string; select: string } {
  if (!scope.base) return { join: '', select: columns.map((c) => `NULL::text AS ${c.name}, 0 AS ${c.name}_unrated`).join(', ') };
  return {
    join: `LEFT JOIN LATERAL (${rateAt(scope.base, 'g.currency', day(), p)}) r ON true`,
    select: columns
      .map((c) => `trim_scale(coalesce(sum(${c.amount} * r.rate), 0))::text AS ${c.name}, coalesce(sum(${c.valued}) FILTER (WHERE r.rate IS NULL), 0)::int AS ${c.name}_unrated`)
      .join(', '),
  };
}

/**
 * A figure's money in the base currency from its rows (GROUPING SETS: the key's row holds the
 * converted total, each currency's row its values without a rate), or null in per-currency mode.
 */
function inBase(scope: ReportScope, rows: Array<Record<string, any>>, column: string): BaseMoney | null {
  if (!scope.base) return null;
  const total = rows.find((r) => r.currency === null);
  return {
    currency: scope.base,
    amount: total?.[column] ?? '0',
    missing: rows
      .filter((r) => r.currency !== null && r[`${column}_unrated`] > 0)
      .map((r) => ({ currency: r.currency as string, count: r[`${column}_unrated`] as number }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

/** Cards of the scope with the page's filter and the viewer's visibility (aliases c, cl, s). */
function scopedCards(scope: ReportScope, p: SqlParams, filter: CardFilterValues = scope.cards): string {
  return [`c.pipeline_id = ${p.param(scope.pipelineId)}`, cardVisibility(scope.viewer, p), ...cardFilterSql(filter, p)].join(' AND ');
}

/** The client and status joins that a card condition needs (aliases cl, s): a join not needed costs a scan. */
function joinsFor(where: string): string {
  return [/\bcl\./.test(where) ? 'JOIN clients cl ON cl.id = c.client_id' : '', /\bs\./.test(where) ? 'JOIN statuses s ON s.id = c.status_id' : ''].join(' ');
}

/** The cards (alias c) matching `where`, with the joins it needs. */
const cardsWhere = (where: string) => `cards c ${joinsFor(where)} WHERE ${where}`;

/**
 * The status history of the scope's cards (alias h): when neither the visibility rule nor the filter
 * needs the card but for its owner, department and labels of one kind, the history alone (its card_current
 * mark says the card is live and still in the row's pipeline, and it carries the card's owner,
 * department and client, whose labels are looked up per row; read by owner when there is an owner
 * rule); otherwise joined to the cards (aliases c, cl, s).
 * Every reader also names the row's pipeline as the card's, so the mark holds in both cases, and the
 * index of live rows serves both.
 */
function historyOfCards(scope: ReportScope, p: SqlParams, filter: CardFilterValues = scope.cards): { from: string; where: string } {
  const keys = keyRules(scope.viewer, withoutTotalsLabels(filter), p, 'h.');
  if (keys !== null) return { from: 'card_status_changes h', where: `h.card_current${keys}${clientLabelled(p, 'h.client_id', filter)}` };
  const cards = scopedCards(scope, p, filter);
  return { from: `card_status_changes h JOIN cards c ON c.id = h.card_id ${joinsFor(cards)}`, where: `h.card_current AND ${cards}` };
}

interface MoneyRow {
  currency: string | null;
  count: number;
  amount: number | null;
}

/** Rows of GROUPING SETS ((key), (key, currency)): the count is the key's row, sums the currency rows. */
function countAndSums(rows: MoneyRow[]): { count: number; sums: MoneySum[] } {
  return {
    count: rows.find((r) => r.currency === null)?.count ?? 0,
    sums: rows
      .filter((r) => r.currency !== null && r.amount !== null)
      .map((r) => ({ currency: r.currency!, amount: r.amount! }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

/** The conditions of the viewer's department limit and the filter's departments on a department column (departmentKeyRules). */
const departmentRule = (viewer: Viewer, filter: CardFilterValues, p: SqlParams, column: string) => departmentKeyRules(viewer, filter.departmentIds, p, column);

/**
 * The visibility rule and the filter as conditions on the owner_id and department_id that a table
 * keeps for each card (the totals kept per owner and department, the status history), over the
 * column prefix `at` ('h.' or bare): possible when the filter is owners and departments alone.
 * Returns the conditions, each after an AND ('' for everyone), or null when the cards must be read.
 */
function keyRules(viewer: Viewer, filter: CardFilterValues, p: SqlParams, at = ''): string | null {
  if (Object.keys(withoutKeys(filter)).length) return null;
  return ownerKeyRules(viewer, filter.ownerIds, p, `${at}owner_id`) + departmentRule(viewer, filter, p, `${at}department_id`);
}

/**
 * Whether a figure over current card states may come from the totals kept by triggers
 * (card_column_totals, card_outcome_totals, card_forecast_totals, or their copies per label): the
 * page filter is owners, departments and labels of one kind (totalsLabels, with at most
 * OVERLAP_CLIENTS clients carrying two). Returns the conditions on the totals' owner_id,
 * department_id and label_id (see keyRules), or null when the cards must be read; labelled() names
 * the table, and lessOverlap the rows that follow the totals'.
 */
function cardTotalsRule(scope: ReportScope, p: SqlParams): string | null {
  if (scope.overlap === null) return null;
  const keys = keyRules(scope.viewer, withoutTotalsLabels(scope.cards), p);
  return keys === null ? null : keys + labelRule(scope, p, 'label_id');
}

/**
 * The labels of a filter that the totals kept per label (migration LabelTotals) serve, with the
 * join table they are in: its categories, or its tags, when it names one of the two kinds only (a
 * card counts when its client carries any of them); null without labels or with both kinds (a
 * category and a tag: the cards are read). The totals count a card once per label of its client, so
 * for several labels they are summed over the labels, and the cards of the clients that carry more
 * than one (scope.overlap) are taken away again, as many times as the client has labels beyond one
 * (lessOverlap).
 */
function totalsLabels(filter: CardFilterValues): { ids: string[]; table: string; column: string } | null {
  const categories = filter.categoryIds ?? [];
  const tags = filter.tagIds ?? [];
  if (categories.length && tags.length) return null;
  if (categories.length) return { ids: [...new Set(categories)], table: 'client_categories', column: 'category_id' };
  return tags.length ? { ids: [...new Set(tags)], table: 'client_tags', column: 'tag_id' } : null;
}

/** The filter without its categories and tags. */
function withoutLabels({ categoryIds: _c, tagIds: _t, ...unlabelled }: CardFilterValues): CardFilterValues {
  return unlabelled;
}

/** The filter without the labels the totals per label have as a key. */
const withoutTotalsLabels = (filter: CardFilterValues): CardFilterValues => (totalsLabels(filter) ? withoutLabels(filter) : filter);

/**
 * For a figure summed from the totals per label over several labels: the same rows read from the
 * sources (`fromSources`, over a scope) for the cards of the clients that carry more than one of the
 * labels, negated as many times as such a client carries labels beyond one, to follow the totals'
 * rows with UNION ALL; their sums then count each card once. `keys` are copied, `sums` negated; the
 * columns in the totals' order. Empty when no client carries two of the labels.
 */
function lessOverlap(scope: ReportScope, keys: string[], sums: string[], fromSources: (overlap: ReportScope) => string): string {
  return overlapScopes(scope)
    .map(({ extra, scope: overlap }) => `
         UNION ALL SELECT ${[...keys.map((k) => `o.${k}`), ...sums.map((c) => `-${extra} * o.${c}`)].join(', ')} FROM (${fromSources(overlap)}) o`)
    .join('');
}

/** The scopes of the clients carrying several of the filter's labels: their cards, the labels aside, with how many labels beyond one they carry. */
const overlapScopes = (scope: ReportScope) =>
  (scope.overlap ?? []).map(({ extra, clientIds }) => ({ extra, scope: { ...scope, cards: { ...withoutTotalsLabels(scope.cards), clientIds }, overlap: [] } as ReportScope }));

/** A totals table, or its copy per label when the filter's labels are served by it (totalsLabels). */
type LabelledTable = 'card_column_totals' | 'card_outcome_totals' | 'card_forecast_totals' | 'report_activity_totals' | 'report_funnel_totals' | 'report_stay_totals' | 'report_new_totals';
const labelled = (scope: ReportScope, table: LabelledTable) =>
  totalsLabels(scope.cards) ? table.replace(/^(card|report_activity|report_funnel|report_stay|report_new)_/, (_, head: string) => `${head}_label_`) : table;

/** The condition on a label column of the totals per label when they serve the filter's labels ('' otherwise). */
const labelRule = (scope: ReportScope, p: SqlParams, column: string) => {
  const labels = totalsLabels(scope.cards);
  if (!labels) return '';
  return labels.ids.length === 1 ? ` AND ${column} = ${p.param(labels.ids[0])}` : ` AND ${column} = ANY(${p.param(labels.ids)}::uuid[])`;
};

const HOUR = 3_600_000;

const withoutOwners = ({ ownerIds: _o, ...rest }: CardFilterValues): CardFilterValues => rest;

/** The filter without the conditions the totals and the history have keys for (owners, departments). */
const withoutKeys = ({ ownerIds: _o, departmentIds: _d, ...rest }: CardFilterValues): CardFilterValues => rest;

/** The filter without its departments (the totals kept per pipeline and department serve it when nothing is left). */
const withoutDepartments = ({ departmentIds: _d, ...rest }: CardFilterValues): CardFilterValues => rest;

/** Whether the period starts and ends on whole hours (UTC), so hourly totals can serve it. */
const hourly = (period: ReportPeriodType) => [period.from, period.to, period.previousFrom, period.previousTo].every((d) => d.getTime() % HOUR === 0);

/**
 * Whether the activity may come from report_activity_totals (or its copy per label): its keys are
 * the pipeline, the person, the department (and the label), so the cards in scope must be the
 * pipeline's live cards of some departments (no owner rule of a Restricted user, no filter but
 * owners, which choose the people, departments and labels of one kind) and the period must fall on whole hours.
 */
function activityTotalsServe(scope: ReportScope): boolean {
  return scope.overlap !== null && totalsRead(scope, withoutKeys(withoutTotalsLabels(scope.cards)));
}

/**
 * Whether the activity of a few clients' cards (scope.cards.clientIds: a category and a tag together,
 * or the clients lessOverlap corrects for) may come from report_activity_client_totals: as
 * activityTotalsServe, the clients aside (the totals' own key).
 */
function clientTotalsServe(scope: ReportScope): boolean {
  const { clientIds: _c, ...cards } = scope.cards;
  return totalsRead(scope, withoutKeys(cards));
}

/**
 * Whether a figure over the pipeline's live cards may come from totals kept per pipeline and
 * department (the funnel's, the stays', the new cards and clients'): no owner rule of a Restricted
 * user, no filter but departments, and a period on whole hours.
 */
function totalsServe(scope: ReportScope): boolean {
  return totalsRead(scope, withoutDepartments(scope.cards));
}

/** Totals may be read for the scope when no owner rule of a Restricted user applies, `rest` (the filter less what the totals are keyed by) is empty and the period falls on whole hours. */
function totalsRead(scope: ReportScope, rest: CardFilterValues): boolean {
  return scope.viewer.role !== Role.Restricted && !Object.keys(rest).length && hourly(scope.period);
}

/**
 * Which rows of the activity's totals (alias t) count for a period: the widget's kinds within it;
 * the open todos overdue now, as the hours before the current one ('overdue'), then the exact
 * deadlines of the current hour before now ('due', counted as overdue).
 */
function activityRanges(p: SqlParams, period: ReportPeriodType, now: Date): { inPeriod: string; overdue: string; due: string } {
  const hour = p.param(new Date(Math.floor(now.getTime() / HOUR) * HOUR));
  return {
    inPeriod: `t.kind IN ('todo_done', 'mail', 'note', 'moved', 'reply') AND t.hour >= ${p.param(period.from)} AND t.hour < ${p.param(period.to)}`,
    overdue: `t.kind = 'overdue' AND t.hour < ${hour}`,
    due: `t.kind = 'due' AND t.hour >= ${hour} AND t.hour < ${p.param(now)}`,
  };
}

/** Whether the funnel, time in status or the weekly widget may come from its totals: as totalsServe, with the labels of totalsLabels too (their totals per label). */
const labelTotalsServe = (scope: ReportScope) => scope.overlap !== null && totalsServe({ ...scope, cards: withoutTotalsLabels(scope.cards) });

/**
 * The condition that the client in `column` carries one of the filter's labels of totalsLabels ('' without
 * them): a primary-key probe per row and label, for the few history rows that the funnel's and time in
 * status's totals per label leave to the history.
 */
function clientLabelled(p: SqlParams, column: string, filter: CardFilterValues): string {
  const labels = totalsLabels(filter);
  return labels ? ` AND EXISTS (SELECT 1 FROM ${labels.table} x WHERE x.client_id = ${column} AND x.${labels.column} = ANY(${p.param(labels.ids)}::uuid[]))` : '';
}

/**
 * How many of the filter's labels of totalsLabels the client in `column` carries (1 without them):
 * the times the totals per label count its card, which the few history rows read beside them must
 * match (the correction of lessOverlap then applies to both alike).
 */
function labelTimes(p: SqlParams, column: string, filter: CardFilterValues): string {
  const labels = totalsLabels(filter);
  if (!labels || labels.ids.length === 1) return '1';
  return `(SELECT count(*) FROM ${labels.table} x WHERE x.client_id = ${column} AND x.${labels.column} = ANY(${p.param(labels.ids)}::uuid[]))::int`;
}

/** The conditions of the scope's department limit and filter on a department column (see departmentRule). */
const scopeDepartments = (scope: ReportScope, p: SqlParams, column: string) => departmentRule(scope.viewer, scope.cards, p, column);

/**
 * At most this many history rows in the window around the period's end that the funnel's totals leave
 * to the history (between the end and the edge of its reach bucket): each of their cards' history
 * since the period's start is read (past that, grouping the period's history per card costs less).
 */
const WINDOW_ROWS = 20_000;

/**
 * At most this many clients carrying several of a filter's labels are read for the correction of the
 * totals summed per label (lessOverlap; each statement names them); past that the cards are read.
 */
const OVERLAP_CLIENTS = 50_000;

/** Up to this many stays in a period, time in status is read from the history: the median is exact. */
const EXACT_STAYS = 10_000;

interface StayFigures {
  status_id: string;
  stays: number;
  average: number | null;
  median: number | null;
}

interface FunnelCounts {
  entered: number;
  previous: number;
  converted: number;
}

/**
 * The settings of every report statement (in its own transaction): no JIT (compiling costs more than
 * it saves, over a second at 100,000 cards), sorts for distinct counts and medians in memory, and
 * index probes priced as the cached reads they are, so a few thousand todos or mails look their
 * cards up by key instead of hashing every card of the pipeline.
 */
export const REPORT_SETTINGS = `SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true), set_config('random_page_cost', '1.1', true), set_config('max_parallel_workers_per_gather', '0', true)`;

/**
 * REPORT_SETTINGS for a join of two lists already in client order (one category's and one tag's
 * clients, from the indexes on (label, client)): merged, never hashed. The planner hashes the larger
 * list instead, four times slower (56-75 ms against 13-30 for 100,000 and 50,000 clients). Lookups
 * stay allowed: for a label of a few clients they beat reading the other label's whole list.
 */
export const MERGE_SETTINGS = `${REPORT_SETTINGS}, set_config('enable_hashjoin', 'off', true)`;

/**
 * The manager dashboards. Every figure is one aggregate query over the cards the viewer may see
 * (the lists' visibility rule and filter), so each count equals the card list's total for the
 * filter returned beside it. Periods are cut in the organisation's time zone.
 */
export class ReportService {
  constructor(
    private readonly ds: DataSource,
    private readonly pipelines: PipelineService,
    /** The organisation's time zone (its setting, ORG_TIME_ZONE until saved): periods are cut in it. */
    private readonly zone: () => Promise<string>,
  ) {}

  /**
   * Runs one report statement. These aggregate many rows: JIT compilation would cost more than it
   * saves (over a second at 100,000 cards), and sorts for distinct counts should stay in memory.
   */
  protected sql<T = any>(text: string, params: unknown[], settings = REPORT_SETTINGS): Promise<T> {
    return this.ds.transaction(async (em) => {
      await em.query(settings);
      return em.query(text, params);
    });
  }

  /** Resolves the filter into a scope: the period's instants, the pipeline's statuses, the card filter. */
  async report(viewer: Viewer, input: ReportFilterInput, now: Date = new Date()): Promise<ReportType> {
    const pipeline = await this.pipelines.get(input.pipelineId);
    const custom = input.period === ReportPeriodPreset.Custom ? { from: input.from ?? '', to: input.to ?? '' } : null;
    if (custom && (!custom.from || !custom.to || custom.to < custom.from)) {
      throw badFields('Choose the first and last day of the period.', { from: fieldProblem('PERIOD_ORDER', 'Choose a first day on or before the last.') });
    }
    const timeZone = await this.zone();
    const { current, previous } = reportPeriod(input.period, todayIn(timeZone, now), custom);
    const period: ReportPeriodType = {
      fromDay: current.from,
      toDay: addDays(current.to, -1),
      from: dayStart(current.from, timeZone),
      to: dayStart(current.to, timeZone),
      previousFromDay: previous.from,
      previousToDay: addDays(previous.to, -1),
      previousFrom: dayStart(previous.from, timeZone),
      previousTo: dayStart(previous.to, timeZone),
      timeZone,
    };
    // Normal users see their own numbers only.
    const own = viewer.role === Role.Normal;
    const labels = { departmentIds: input.departmentIds, categoryIds: input.categoryIds, tagIds: input.tagIds };
    const ownerIds = own ? [viewer.id] : input.ownerIds?.length ? input.ownerIds : undefined;
    const cards = compact({ ...labels, ownerIds });
    // Money in the base currency when asked and there is one; per currency otherwise (and the widgets say so).
    const base = input.currencyMode === ReportCurrencyMode.Base ? await loadBaseCurrency(this.ds.manager) : null;
    const both = await this.labelIntersection(cards);
    const scope: ReportScope = {
      viewer,
      pipelineId: pipeline.id,
      statuses: pipeline.statuses.filter((s) => !s.archivedAt).sort((a, b) => a.position - b.position),
      period,
      cards: both ? { ...withoutLabels(cards), clientIds: both } : cards,
      links: cards,
      people: ownerIds ?? null,
      base,
      today: todayIn(timeZone, now),
      overlap: await this.labelOverlap(cards),
    };
    return { period, pipelineId: pipeline.id, currencyMode: currencyModeOf(scope), baseCurrency: base, scope };
  }

  /**
   * With categories and tags together (a card counts when its client carries one of the categories
   * and one of the tags): those clients, so the widgets read their cards by client, not every card of
   * the pipeline with a look at its client's labels; null otherwise, or past OVERLAP_CLIENTS.
   */
  private async labelIntersection(filter: CardFilterValues): Promise<string[] | null> {
    if (!filter.categoryIds?.length || !filter.tagIds?.length || !this.fromTotals) return null;
    // One category and one tag: both lists come in client order from their indexes, and are merged.
    const single = filter.categoryIds.length === 1 && filter.tagIds.length === 1;
    // The ids as one comma-separated text: a uuid[] of 5,000 took PostgreSQL 20 ms more to write out
    // (and the driver more to parse).
    const [{ list }]: Array<{ list: string }> = await this.sql(
      single
        ? `SELECT coalesce(string_agg(c.client_id::text, ','), '') AS list FROM client_categories c
           WHERE c.category_id = $1 AND EXISTS (SELECT 1 FROM client_tags t WHERE t.client_id = c.client_id AND t.tag_id = $2)`
        : `SELECT coalesce(string_agg(DISTINCT c.client_id::text, ','), '') AS list FROM client_categories c
           WHERE c.category_id = ANY($1::uuid[]) AND EXISTS (SELECT 1 FROM client_tags t WHERE t.client_id = c.client_id AND t.tag_id = ANY($2::uuid[]))`,
      single ? [filter.categoryIds[0], filter.tagIds[0]] : [filter.categoryIds, filter.tagIds],
      single ? MERGE_SETTINGS : REPORT_SETTINGS,
    );
    const clients = list ? list.split(',') : [];
    return clients.length > this.overlapClients ? null : clients;
  }

  /**
   * The clients that carry more than one of a filter's labels (see totalsLabels), by how many more:
   * how many of its labels after the first (in the filter's order) have an earlier one beside them.
   * Each is a semi-join of the label's clients with the earlier labels' clients, which for the second
   * label merges the two lists in client order from the index on (label, client): no hash of every
   * client of the labels.
   */
  private async labelOverlap(filter: CardFilterValues): Promise<LabelOverlap[] | null> {
    const labels = totalsLabels(filter);
    if (!labels || labels.ids.length < 2 || !this.fromTotals) return [];
    const p = new SqlParams();
    const { table, column, ids } = labels;
    const later = ids.slice(1).map((id, i) => {
      const earlier = i === 0 ? `= ${p.param(ids[0])}` : `= ANY(${p.param(ids.slice(0, i + 1))}::uuid[])`;
      return `SELECT b.client_id FROM ${table} b WHERE b.${column} = ${p.param(id)} AND EXISTS (SELECT 1 FROM ${table} a WHERE a.client_id = b.client_id AND a.${column} ${earlier})`;
    });
    // The ids as one text each, as in labelIntersection.
    const rows: Array<{ extra: number; list: string }> = await this.sql(
      `SELECT o.extra, string_agg(o.client_id::text, ',') AS list
       FROM (SELECT u.client_id, count(*)::int AS extra FROM (${later.join(' UNION ALL ')}) u GROUP BY 1) o GROUP BY 1`,
      p.values,
    );
    const overlap: LabelOverlap[] = rows.map(({ extra, list }) => ({ extra, clientIds: list.split(',') }));
    return overlap.reduce((n, o) => n + o.clientIds.length, 0) > this.overlapClients ? null : overlap;
  }

  /**
   * Cards that entered each status in the period (each card once), and in the previous period; and
   * of those that entered an open status in the period, how many went on to the next status (the
   * next open one, or the won status after the last open one) by the end of the period.
   */
  async funnel(scope: ReportScope): Promise<FunnelStep[]> {
    const { period } = scope;
    const next = nextStatuses(scope.statuses);
    const counts = (this.fromTotals && labelTotalsServe(scope) && (await this.funnelLessOverlap(scope))) || (await this.funnelFromHistory(scope));
    return scope.statuses.map((status) => {
      const { entered, previous, converted } = counts.get(status.id) ?? { entered: 0, previous: 0, converted: 0 };
      return {
        status,
        entered,
        previousEntered: previous,
        convertedToNext: next.has(status.id) ? converted : null,
        conversion: next.has(status.id) && entered > 0 ? converted / entered : null,
        cards: { ...scope.links, enteredStatusIds: [status.id], enteredFrom: period.from, enteredTo: period.to } as CardFilter,
      };
    });
  }

  /** The funnel from the totals (funnelFromTotals), less the cards counted more than once over several labels (see lessOverlap); null as funnelFromTotals. */
  private async funnelLessOverlap(scope: ReportScope): Promise<Map<string, FunnelCounts> | null> {
    const counts = await this.funnelFromTotals(scope);
    if (!counts) return null;
    for (const { extra, scope: overlap } of overlapScopes(scope)) {
      for (const [status, less] of await this.funnelFromHistory(overlap)) {
        const figure = counts.get(status)!;
        counts.set(status, { entered: figure.entered - extra * less.entered, previous: figure.previous - extra * less.previous, converted: figure.converted - extra * less.converted });
      }
    }
    return counts;
  }

  /**
   * The funnel from report_funnel_totals (or its copy per label, with the filter's labels): per
   * status, the rows entered in the period whose previous entry into the status is before it (each
   * card's first entry), in each period; and of those of the current period, the ones whose card
   * reached the next status by the period's end. The totals know that moment by its reach bucket
   * (REACH_BUCKET); the bucket holding the end is split at the end by the history of the cards with
   * a row between the end and the nearer edge of that bucket: the conversions of the buckets before,
   * plus those made between the bucket's start and the end; or those of the buckets through the
   * end's, less those made between the end and the bucket's end (none when the period ends in the
   * future). Null when that window holds too many rows to read (counted with or without the label:
   * the rows are read from the index of live rows, the label would need each row's client).
   */
  private async funnelFromTotals(scope: ReportScope): Promise<Map<string, FunnelCounts> | null> {
    const { period } = scope;
    const next = nextStatuses(scope.statuses);
    const p = new SqlParams();
    const pipeline = p.param(scope.pipelineId);
    const from = `${p.param(period.from)}::timestamptz`;
    const to = `${p.param(period.to)}::timestamptz`;
    const prevFrom = `${p.param(period.previousFrom)}::timestamptz`;
    const prevTo = `${p.param(period.previousTo)}::timestamptz`;
    const pairs = scope.statuses.flatMap((st) => [[st.id, st.id], ...(next.has(st.id) ? [[st.id, next.get(st.id)!]] : [])]);
    if (!pairs.length) return new Map();
    const departments = (column: string) => scopeDepartments(scope, p, column);
    const windowRows = (lo: string, hi: string) =>
      `(SELECT count(*) FROM (SELECT 1 FROM card_status_changes h WHERE h.pipeline_id = ${pipeline} AND h.at >= ${lo} AND h.at < ${hi} AND h.card_current${departments('h.department_id')} LIMIT ${WINDOW_ROWS + 1}) x)::int`;
    const rows: Array<{ status_id: string; reached_id: string; current: number; previous: number; before: number; through: number; before_rows: number; after_rows: number; start: Date; end: Date }> =
      await this.sql(
        `WITH b AS MATERIALIZED (SELECT ${REACH_BUCKET(to)} AS start, least(date_trunc('week', ${to}, 'UTC') + interval '1 week', date_trunc('month', ${to}, 'UTC') + interval '1 month') AS "end")
       SELECT k.status_id, k.reached_id, b.start, b."end",
         coalesce(sum(t.n) FILTER (WHERE t.hour >= ${from} AND t.prev_hour < ${from}), 0)::int AS current,
         coalesce(sum(t.n) FILTER (WHERE t.hour >= ${prevFrom} AND t.hour < ${prevTo} AND t.prev_hour < ${prevFrom}), 0)::int AS previous,
         coalesce(sum(t.n) FILTER (WHERE t.hour >= ${from} AND t.prev_hour < ${from} AND t.reach_bucket < b.start), 0)::int AS before,
         coalesce(sum(t.n) FILTER (WHERE t.hour >= ${from} AND t.prev_hour < ${from} AND t.reach_bucket <= b.start), 0)::int AS through,
         ${windowRows('b.start', to)} AS before_rows, ${windowRows(to, 'b."end"')} AS after_rows
       FROM b CROSS JOIN (VALUES ${pairs.map(([a, c]) => `(${p.param(a)}::uuid, ${p.param(c)}::uuid)`).join(', ')}) k (status_id, reached_id)
       LEFT JOIN ${labelled(scope, 'report_funnel_totals')} t ON t.pipeline_id = ${pipeline} AND t.status_id = k.status_id AND t.reached_id = k.reached_id
         AND t.hour >= least(${prevFrom}, ${from}) AND t.hour < ${to}${departments('t.department_id')}${labelRule(scope, p, 't.label_id')}
       GROUP BY 1, 2, 3, 4`,
        p.values,
      );
    const { before_rows: beforeRows, after_rows: afterRows, start, end } = rows[0];
    // The nearer edge: a period cut at a local midnight ends within hours of a week's or a month's start.
    const side = beforeRows <= afterRows ? ({ rows: beforeRows, lo: start, hi: period.to, sign: 1, totals: 'before' } as const) : ({ rows: afterRows, lo: period.to, hi: end, sign: -1, totals: 'through' } as const);
    if (side.rows > WINDOW_ROWS) return null;
    const total = (a: string, b: string) => rows.find((r) => r.status_id === a && r.reached_id === b)!;
    const window = side.rows ? await this.reachedWithin(scope, side.lo, side.hi) : new Map<string, number>();
    return new Map(
      scope.statuses.map((st) => [
        st.id,
        {
          entered: total(st.id, st.id).current,
          previous: total(st.id, st.id).previous,
          converted: next.has(st.id) ? total(st.id, next.get(st.id)!)[side.totals] + side.sign * (window.get(st.id) ?? 0) : 0,
        },
      ]),
    );
  }

  /**
   * Per open status, the cards whose first entry in the period was followed by their first entry into
   * the next status within [lo, hi): read per card from the history of the cards with a row in it.
   */
  private async reachedWithin(scope: ReportScope, lo: Date, hi: Date): Promise<Map<string, number>> {
    const { period } = scope;
    const next = nextStatuses(scope.statuses);
    const p = new SqlParams();
    const pipeline = p.param(scope.pipelineId);
    const from = p.param(period.from);
    const to = p.param(period.to);
    const low = p.param(lo);
    const high = p.param(hi);
    // (Parameters for the statuses named only: every parameter must be used.)
    const ids = new Map<string, { i: number; id: string }>();
    const ref = (statusId: string) => ids.get(statusId) ?? ids.set(statusId, { i: scope.statuses.findIndex((st) => st.id === statusId), id: p.param(statusId) }).get(statusId)!;
    const steps = [...next.entries()].map(([a, b]) => [ref(a), ref(b)] as const);
    // Per card: the first entry in the period into each status; the last entry into each next status before the window and within it.
    const perCard = [
      ...steps.map(([a]) => `min(h.at) FILTER (WHERE h.status_id = ${a.id} AND h.at < ${to}) AS f${a.i}`),
      ...[...new Set(steps.map(([, b]) => b))].flatMap((b) => [
        `max(h.at) FILTER (WHERE h.status_id = ${b.id} AND h.at < ${low}) AS b${b.i}`,
        `max(h.at) FILTER (WHERE h.status_id = ${b.id} AND h.at >= ${low} AND h.at < ${high}) AS w${b.i}`,
      ]),
    ];
    const [row]: Array<Record<string, number>> = await this.sql(
      `WITH e AS (
         SELECT ${perCard.join(', ')}
           , k.times
         FROM (SELECT k.card_id, ${labelTimes(p, 'k.client_id', scope.cards)} AS times
               FROM (SELECT DISTINCT h.card_id, h.client_id FROM card_status_changes h
                     WHERE h.pipeline_id = ${pipeline} AND h.at >= ${low} AND h.at < ${high} AND h.card_current${scopeDepartments(scope, p, 'h.department_id')}${clientLabelled(p, 'h.client_id', scope.cards)}) k) k
         CROSS JOIN LATERAL (SELECT h.status_id, h.at, h.pipeline_id, h.card_current FROM card_status_changes h WHERE h.card_id = k.card_id AND h.at >= ${from} OFFSET 0) h
         WHERE h.pipeline_id = ${pipeline} AND h.card_current
         GROUP BY k.card_id, k.times)
       SELECT ${steps.map(([a, b]) => `coalesce(sum(times) FILTER (WHERE w${b.i} >= f${a.i} AND (b${b.i} < f${a.i} OR b${b.i} IS NULL)), 0)::int AS n${a.i}`).join(', ')} FROM e`,
      p.values,
    );
    return new Map(steps.map(([a]) => [scope.statuses[a.i].id, row[`n${a.i}`] ?? 0]));
  }

  /** The funnel from the history of the cards in scope, grouped per card. */
  private async funnelFromHistory(scope: ReportScope): Promise<Map<string, FunnelCounts>> {
    const { period } = scope;
    const next = nextStatuses(scope.statuses);
    const p = new SqlParams();
    const from = p.param(period.from);
    const to = p.param(period.to);
    const prevFrom = p.param(period.previousFrom);
    const prevTo = p.param(period.previousTo);
    const history = historyOfCards(scope, p);
    // One row per card (a hash aggregate, no sort): per status its first entry in the period, its last
    // entry in both periods and whether it entered in the previous one; then one pass counts.
    const ids = new Map(scope.statuses.map((st, i) => [st.id, { i, id: p.param(st.id) }]));
    const perCard = [...ids.values()].flatMap(({ i, id }) => [
      `min(h.at) FILTER (WHERE h.status_id = ${id} AND h.at >= ${from}) AS f${i}`,
      `max(h.at) FILTER (WHERE h.status_id = ${id}) AS l${i}`,
      `bool_or(h.status_id = ${id} AND h.at < ${prevTo}) AS p${i}`,
    ]);
    const counts = [...ids.entries()].flatMap(([statusId, { i }]) => {
      const n = next.get(statusId);
      return [
        `count(f${i})::int AS entered${i}`,
        `count(*) FILTER (WHERE p${i})::int AS previous${i}`,
        n ? `count(*) FILTER (WHERE l${ids.get(n)!.i} >= f${i})::int AS converted${i}` : `0 AS converted${i}`,
      ];
    });
    const [row]: Array<Record<string, number>> = await this.sql(
      `WITH e AS (
         SELECT ${perCard.join(', ')}
         FROM ${history.from}
         WHERE h.pipeline_id = ${p.param(scope.pipelineId)} AND h.at >= ${prevFrom} AND h.at < ${to} AND ${history.where}
         GROUP BY h.card_id)
       SELECT ${counts.join(', ')} FROM e`,
      p.values,
    );
    return new Map(
      scope.statuses.map((st, i) => [st.id, { entered: row[`entered${i}`] ?? 0, previous: row[`previous${i}`] ?? 0, converted: row[`converted${i}`] ?? 0 }]),
    );
  }

  /** Cards won and lost in the period: now in a won (lost) status entered in the period. */
  async outcomes(scope: ReportScope): Promise<ReportOutcomes> {
    const { period } = scope;
    const p = new SqlParams();
    const from = p.param(period.from);
    const to = p.param(period.to);
    const prevFrom = p.param(period.previousFrom);
    const closed = scope.statuses.filter((st) => st.kind === StatusKind.Won || st.kind === StatusKind.Lost);
    // (Asked only when the totals can serve: the owner rule's parameters must not go to the raw statement.)
    const owners = this.fromTotals && hourly(period) ? cardTotalsRule(scope, p) : null;
    type Row = { kind: StatusKind; currency: string | null; count: number; previous: number; amount: number | null; converted: string | null; converted_unrated: number };
    // Grouped by kind, currency and (for the conversion, which takes the rate of the won or lost day) local day.
    const tz = scope.base ? p.param(period.timeZone) : '';
    const day = (instant: string) => (scope.base ? `(${instant} AT TIME ZONE ${tz})::date` : 'NULL::date');
    // The hourly totals when the filter allows it (the period's ends fall on whole hours), the cards otherwise.
    const fromCards = (cards: ReportScope) => `SELECT s.kind::text AS kind, c.currency, ${day('c.status_changed_at')} AS day,
             count(*) FILTER (WHERE c.status_changed_at >= ${from}) AS count,
             count(*) FILTER (WHERE c.status_changed_at < ${p.param(period.previousTo)}) AS previous,
             count(c.value) FILTER (WHERE c.status_changed_at >= ${from}) AS valued,
             sum(c.value) FILTER (WHERE c.status_changed_at >= ${from}) AS amount
           FROM ${cardsWhere(`s.kind IN ('WON', 'LOST') AND c.status_changed_at >= ${prevFrom} AND c.status_changed_at < ${to} AND ${scopedCards(cards, p)}`)}
           GROUP BY 1, 2, 3`;
    const grouped =
      owners !== null
        ? `SELECT k.kind, t.currency, ${day('t.hour')} AS day,
             sum(t.count) FILTER (WHERE t.hour >= ${from}) AS count,
             sum(t.count) FILTER (WHERE t.hour < ${p.param(period.previousTo)}) AS previous,
             sum(t.valued) FILTER (WHERE t.hour >= ${from}) AS valued,
             sum(t.amount) FILTER (WHERE t.hour >= ${from}) AS amount
           FROM ${labelled(scope, 'card_outcome_totals')} t
           JOIN unnest(${p.param(closed.map((st) => st.id))}::uuid[], ${p.param(closed.map((st) => st.kind))}::text[]) AS k(status_id, kind) ON k.status_id = t.status_id
           WHERE t.hour >= ${prevFrom} AND t.hour < ${to} ${owners}
           GROUP BY 1, 2, 3${lessOverlap(scope, ['kind', 'currency', 'day'], ['count', 'previous', 'valued', 'amount'], fromCards)}`
        : fromCards(scope);
    const convert = conversion(scope, p, () => 'g.day', [{ name: 'converted', amount: 'g.amount', valued: 'g.valued' }]);
    const rows: Row[] = await this.sql(
      `WITH g AS (${grouped})
       SELECT g.kind, g.currency, coalesce(sum(g.count), 0)::int AS count, coalesce(sum(g.previous), 0)::int AS previous,
         CASE WHEN sum(g.valued) > 0 THEN sum(g.amount)::float8 END AS amount, ${convert.select}
       FROM g ${convert.join}
       GROUP BY GROUPING SETS ((g.kind), (g.kind, g.currency))
       HAVING coalesce(sum(g.count), 0) + coalesce(sum(g.previous), 0) > 0`,
      p.values,
    );
    const figure = (kind: StatusKind): OutcomeFigure => {
      const own = rows.filter((r) => r.kind === kind);
      const { count, sums } = countAndSums(own);
      return {
        count,
        previousCount: own.find((r) => r.currency === null)?.previous ?? 0,
        sums: sums.filter((s) => own.find((r) => r.currency === s.currency)!.count > 0),
        currencyMode: currencyModeOf(scope),
        inBase: inBase(scope, own, 'converted'),
        cards: { ...scope.links, outcomes: [kind], statusChangedFrom: period.from, statusChangedTo: period.to } as CardFilter,
      };
    };
    const won = figure(StatusKind.Won);
    const lost = figure(StatusKind.Lost);
    const rate = (w: number, l: number) => (w + l > 0 ? w / (w + l) : null);
    return { currencyMode: currencyModeOf(scope), won, lost, winRate: rate(won.count, lost.count), previousWinRate: rate(won.previousCount, lost.previousCount) };
  }

  /** Open cards per open status now, with their value per currency. */
  async openPipeline(scope: ReportScope): Promise<OpenStatusValue[]> {
    const p = new SqlParams();
    const open = scope.statuses.filter((st) => st.kind === StatusKind.Open).map((st) => st.id);
    const owners = this.fromTotals ? cardTotalsRule(scope, p) : null;
    // The board's column totals (kept by triggers) when the filter allows it, the cards otherwise.
    const fromCards = (cards: ReportScope) => `SELECT c.status_id, c.currency, count(*) AS count, count(c.value) AS valued, sum(c.value) AS amount
           FROM ${cardsWhere(`s.kind = 'OPEN' AND ${scopedCards(cards, p)}`)} GROUP BY 1, 2`;
    const grouped =
      owners !== null
        ? `SELECT status_id, currency, sum(count) AS count, sum(valued) AS valued, sum(amount) AS amount FROM ${labelled(scope, 'card_column_totals')}
           WHERE status_id = ANY(${p.param(open)}::uuid[]) ${owners} GROUP BY 1, 2${lessOverlap(scope, ['status_id', 'currency'], ['count', 'valued', 'amount'], fromCards)}`
        : fromCards(scope);
    // Open values convert with today's rates.
    const convert = conversion(scope, p, () => `${p.param(scope.today)}::date`, [{ name: 'converted', amount: 'g.amount', valued: 'g.valued' }]);
    const rows: Array<MoneyRow & { status_id: string; converted: string | null; converted_unrated: number }> = await this.sql(
      `WITH g AS (${grouped})
       SELECT g.status_id, g.currency, sum(g.count)::int AS count, CASE WHEN sum(g.valued) > 0 THEN sum(g.amount)::float8 END AS amount, ${convert.select}
       FROM g ${convert.join}
       GROUP BY GROUPING SETS ((g.status_id), (g.status_id, g.currency)) HAVING sum(g.count) > 0`,
      p.values,
    );
    return scope.statuses
      .filter((s) => s.kind === StatusKind.Open)
      .map((status) => ({
        status,
        ...countAndSums(rows.filter((r) => r.status_id === status.id)),
        currencyMode: currencyModeOf(scope),
        inBase: inBase(scope, rows.filter((r) => r.status_id === status.id), 'converted'),
        cards: { ...scope.links, statusIds: [status.id] } as CardFilter,
      }));
  }

  /**
   * Open cards by the month they are expected to close, from the period's first month for twelve
   * months: count, value per currency, and the value weighted by the probability of each card's
   * status (cards in a status without one are counted but not weighted).
   */
  async forecast(scope: ReportScope): Promise<ForecastMonth[]> {
    const first = `${scope.period.fromDay.slice(0, 7)}-01`;
    type Row = { month: string; currency: string | null; count: number; unweighted: number; amount: number | null; weighted: number | null } & Record<string, any>;
    const p = new SqlParams();
    const owners = this.fromTotals ? cardTotalsRule(scope, p) : null;
    const open = scope.statuses.filter((st) => st.kind === StatusKind.Open);
    const fromCards = (cards: ReportScope) => `SELECT x.month, x.currency, count(*) AS count, count(*) FILTER (WHERE x.probability IS NULL) AS unweighted,
             count(x.value) AS valued, sum(x.value) AS amount,
             count(x.value) FILTER (WHERE x.probability IS NOT NULL) AS wvalued, sum(x.value * x.probability / 100.0) AS weighted
           FROM (
             SELECT to_char(c.expected_close_date, 'YYYY-MM') AS month, c.currency, c.value, s.probability
             FROM ${cardsWhere(`s.kind = 'OPEN' AND c.expected_close_date >= ${p.param(first)}::date
               AND c.expected_close_date < ${p.param(first)}::date + interval '12 months' AND ${scopedCards(cards, p)}`)}) x
           GROUP BY 1, 2`;
    // The monthly totals kept by triggers when the filter allows it, the cards otherwise; grouped by month and currency.
    const grouped =
      owners !== null
        ? `SELECT to_char(t.month, 'YYYY-MM') AS month, t.currency, sum(t.count) AS count,
             coalesce(sum(t.count) FILTER (WHERE s.probability IS NULL), 0) AS unweighted,
             sum(t.valued) AS valued, sum(t.amount) AS amount,
             sum(t.valued) FILTER (WHERE s.probability IS NOT NULL) AS wvalued,
             sum(t.amount * s.probability / 100.0) FILTER (WHERE s.probability IS NOT NULL) AS weighted
           FROM ${labelled(scope, 'card_forecast_totals')} t JOIN statuses s ON s.id = t.status_id
           WHERE t.status_id = ANY(${p.param(open.map((st) => st.id))}::uuid[]) AND t.month >= ${p.param(first)}::date
             AND t.month < ${p.param(first)}::date + interval '12 months' ${owners.replace(/owner_id/g, 't.owner_id')}
           GROUP BY 1, 2${lessOverlap(scope, ['month', 'currency'], ['count', 'unweighted', 'valued', 'amount', 'wvalued', 'weighted'], fromCards)}`
        : fromCards(scope);
    // Expected values convert with today's rates.
    const convert = conversion(scope, p, () => `${p.param(scope.today)}::date`, [
      { name: 'converted', amount: 'g.amount', valued: 'g.valued' },
      { name: 'wconverted', amount: 'g.weighted', valued: 'g.wvalued' },
    ]);
    const rows: Row[] = await this.sql(
      `WITH g AS (${grouped})
       SELECT g.month, g.currency, sum(g.count)::int AS count, sum(g.unweighted)::int AS unweighted,
         CASE WHEN sum(g.valued) > 0 THEN sum(g.amount)::float8 END AS amount,
         CASE WHEN sum(g.wvalued) > 0 THEN sum(g.weighted)::float8 END AS weighted, ${convert.select}
       FROM g ${convert.join}
       GROUP BY GROUPING SETS ((g.month), (g.month, g.currency))
       HAVING sum(g.count) > 0
       ORDER BY 1`,
      p.values,
    );
    const months = [...new Set(rows.map((r) => r.month))];
    const money = (list: typeof rows, key: 'amount' | 'weighted') =>
      list
        .filter((r) => r.currency !== null && r[key] !== null)
        .map((r) => ({ currency: r.currency!, amount: Math.round(r[key]! * 100) / 100 }))
        .sort((a, b) => a.currency.localeCompare(b.currency));
    return months.map((month) => {
      const own = rows.filter((r) => r.month === month);
      const total = own.find((r) => r.currency === null)!;
      return {
        month,
        count: total.count,
        withoutProbability: total.unweighted,
        sums: money(own, 'amount'),
        weighted: money(own, 'weighted'),
        currencyMode: currencyModeOf(scope),
        inBase: inBase(scope, own, 'converted'),
        weightedInBase: inBase(scope, own, 'wconverted'),
      };
    });
  }

  /**
   * Per salesperson, on the cards of the scope (owners aside: they choose the people): todos done,
   * overdue open todos, mails sent, client replies, notes, status changes made, cards won.
   */
  async activity(scope: ReportScope, now: Date = new Date()): Promise<SalespersonActivity[]> {
    const { period } = scope;
    const p = new SqlParams();
    const people = scope.people ? `AND x.user_id = ANY(${p.param(scope.people)}::uuid[])` : '';
    const counted = this.fromTotals && activityTotalsServe(scope) ? this.activityFromTotals(scope, p, now) : this.activityFromSources(scope, p, now);
    const rows: Array<Record<string, any>> = await this.sql(
      `SELECT u.id, u.name,
         coalesce(sum(x.n) FILTER (WHERE x.kind = 'todo_done'), 0)::int AS todos_done,
         coalesce(sum(x.n) FILTER (WHERE x.kind = 'overdue'), 0)::int AS overdue_todos,
         coalesce(sum(x.n) FILTER (WHERE x.kind = 'mail'), 0)::int AS mails_sent,
         coalesce(sum(x.n) FILTER (WHERE x.kind = 'reply'), 0)::int AS replies,
         coalesce(sum(x.n) FILTER (WHERE x.kind = 'note'), 0)::int AS notes,
         coalesce(sum(x.n) FILTER (WHERE x.kind = 'moved'), 0)::int AS moved,
         coalesce(sum(x.n) FILTER (WHERE x.kind = 'won'), 0)::int AS won
       FROM (${counted}
       ) x JOIN users u ON u.id = x.user_id
       WHERE true ${people}
       GROUP BY u.id, u.name
       ORDER BY won DESC, todos_done DESC, ${(await loadNameOrder(this.ds.manager))('lower(u.name)')}`,
      p.values,
    );
    return rows.map((r) => ({
      user: { id: r.id, name: r.name },
      todosDone: r.todos_done,
      overdueTodos: r.overdue_todos,
      mailsSent: r.mails_sent,
      repliesReceived: r.replies,
      notes: r.notes,
      cardsMoved: r.moved,
      cardsWon: r.won,
      wonCards: { ...withoutOwners(scope.links), ownerIds: [r.id], outcomes: [StatusKind.Won], statusChangedFrom: period.from, statusChangedTo: period.to } as CardFilter,
    }));
  }

  /**
   * The activity counts per person and kind (user_id, kind, n) from the totals kept by triggers
   * (report_activity_totals; cards won from card_outcome_totals): overdue todos are the open ones
   * whose deadline hour has passed, and those due earlier in the current hour by their exact deadline
   * (kind 'due'), so no todo looks its card up however many fall due in one hour.
   */
  private activityFromTotals(scope: ReportScope, p: SqlParams, now: Date): string {
    return this.activityTotals(scope, p, now) + lessOverlap(scope, ['user_id', 'kind'], ['n'], (overlap) => this.activityFromSources(overlap, p, now));
  }

  /** The activity counts of activityFromTotals as the totals hold them (per label of a card's client, with the filter's labels). */
  private activityTotals(scope: ReportScope, p: SqlParams, now: Date): string {
    const { period } = scope;
    const pipeline = p.param(scope.pipelineId);
    const ranges = activityRanges(p, period, now);
    const departments = scopeDepartments(scope, p, 't.department_id') + labelRule(scope, p, 't.label_id');
    const activity = labelled(scope, 'report_activity_totals');
    return `
         SELECT t.user_id, t.kind, sum(t.n) AS n FROM ${activity} t
           WHERE t.pipeline_id = ${pipeline} AND ${ranges.inPeriod} AND t.n <> 0${departments}
           GROUP BY 1, 2
         UNION ALL
         SELECT t.user_id, 'overdue', sum(t.n) FROM ${activity} t
           WHERE t.pipeline_id = ${pipeline} AND ${ranges.overdue} AND t.n <> 0${departments}
           GROUP BY 1
         UNION ALL
         SELECT t.user_id, 'overdue', sum(t.n) FROM ${activity} t
           WHERE t.pipeline_id = ${pipeline} AND ${ranges.due} AND t.n <> 0${departments}
           GROUP BY 1
         UNION ALL
         SELECT t.owner_id, 'won', sum(t.count) FROM ${labelled(scope, 'card_outcome_totals')} t JOIN statuses s ON s.id = t.status_id
           WHERE s.pipeline_id = ${pipeline} AND s.kind = 'WON' AND t.hour >= ${p.param(period.from)} AND t.hour < ${p.param(period.to)} AND t.count <> 0${departments}
           GROUP BY 1`;
  }

  /** The activity counts per person and kind (user_id, kind, n) read from their sources. */
  private activityFromSources(scope: ReportScope, p: SqlParams, now: Date): string {
    if (scope.cards.clientIds) return this.activityOfClients(scope, p, now);
    const { period } = scope;
    const cards = scopedCards(scope, p, withoutOwners(scope.cards));
    const from = p.param(period.from);
    const to = p.param(period.to);
    const history = historyOfCards(scope, p, withoutOwners(scope.cards));
    const pipeline = p.param(scope.pipelineId);
    const inPeriod = (col: string) => `${col} >= ${from} AND ${col} < ${to}`;
    return `
         -- Each source counted per person where it is read (a few rows each), then added up.
         SELECT y.user_id, y.kind, count(*) AS n FROM (
           SELECT t.card_id, t.assignee_id AS user_id, CASE WHEN t.done_at IS NULL THEN 'overdue' ELSE 'todo_done' END AS kind FROM todos t
             WHERE t.deleted_at IS NULL AND ((${inPeriod('t.done_at')}) OR (t.done_at IS NULL AND t.deadline < ${p.param(now)}))
           UNION ALL
           SELECT m.card_id, m.created_by_id, 'mail' FROM outbox_mails m WHERE m.status = 'SENT' AND ${inPeriod('m.sent_at')}
           UNION ALL
           SELECT n.card_id, n.author_id, 'note' FROM notes n WHERE n.deleted_at IS NULL AND ${inPeriod('n.created_at')}
         ) y
         -- A lookup by key per row (far fewer rows than the pipeline's cards to hash), by the id alone
         -- so that no partial index of the pipeline's cards is scanned instead.
         WHERE coalesce((SELECT ${cards} FROM cards c ${joinsFor(cards)} WHERE c.id = y.card_id), false)
         GROUP BY 1, 2
         UNION ALL
         SELECT c.owner_id, 'reply', count(*) FROM inbound_mails i JOIN cards c ON c.client_id = i.client_id ${joinsFor(cards)}
           WHERE i.kind = 'CLIENT' AND ${inPeriod('i.received_at')} AND ${cards} GROUP BY 1
         UNION ALL
         SELECT h.actor_id, 'moved', count(*) FROM ${history.from}
           WHERE h.from_status_id IS NOT NULL AND h.pipeline_id = ${pipeline} AND ${inPeriod('h.at')} AND ${history.where} GROUP BY 1
         UNION ALL
         SELECT c.owner_id, 'won', count(*) FROM ${cardsWhere(`s.kind = 'WON' AND ${inPeriod('c.status_changed_at')} AND ${cards}`)} GROUP BY 1
`;
  }

  /**
   * activityFromSources for the cards of a few clients (scope.cards.clientIds: those carrying a
   * category and a tag of the filter, or the correction of lessOverlap): the cards are found once
   * (by client, materialised), and each source is read by them. Finding them in each source's part
   * took four bitmap scans of the clients' ids (about 65 of 172 ms for 4,961 clients at 1,000,000 cards).
   * How each source meets the cards is the planner's choice: for a year it hashes the period's notes
   * rather than look 5,000 cards up. With a small PostgreSQL cache (128 MB) that is the faster of the
   * two; with the data in its cache the lookups were (10 ms against 48; tried and not kept).
   */
  private activityOfClients(scope: ReportScope, p: SqlParams, now: Date): string {
    if (this.fromTotals && clientTotalsServe(scope)) return this.activityOfClientsFromTotals(scope, p, now);
    const { period } = scope;
    const cards = scopedCards(scope, p, withoutOwners(scope.cards));
    const from = p.param(period.from);
    const to = p.param(period.to);
    const inPeriod = (col: string) => `${col} >= ${from} AND ${col} < ${to}`;
    return `
         WITH k AS MATERIALIZED (SELECT c.id, c.client_id, c.owner_id, c.status_id, c.status_changed_at FROM ${cardsWhere(cards)})
         SELECT t.assignee_id AS user_id, CASE WHEN t.done_at IS NULL THEN 'overdue' ELSE 'todo_done' END AS kind, count(*) AS n FROM k JOIN todos t ON t.card_id = k.id
           WHERE t.deleted_at IS NULL AND ((${inPeriod('t.done_at')}) OR (t.done_at IS NULL AND t.deadline < ${p.param(now)})) GROUP BY 1, 2
         UNION ALL
         SELECT m.created_by_id, 'mail', count(*) FROM k JOIN outbox_mails m ON m.card_id = k.id WHERE m.status = 'SENT' AND ${inPeriod('m.sent_at')} GROUP BY 1
         UNION ALL
         SELECT n.author_id, 'note', count(*) FROM k JOIN notes n ON n.card_id = k.id WHERE n.deleted_at IS NULL AND ${inPeriod('n.created_at')} GROUP BY 1
         UNION ALL
         SELECT k.owner_id, 'reply', count(*) FROM k JOIN inbound_mails i ON i.client_id = k.client_id WHERE i.kind = 'CLIENT' AND ${inPeriod('i.received_at')} GROUP BY 1
         UNION ALL
         SELECT h.actor_id, 'moved', count(*) FROM k JOIN card_status_changes h ON h.card_id = k.id
           WHERE h.card_current AND h.from_status_id IS NOT NULL AND h.pipeline_id = ${p.param(scope.pipelineId)} AND ${inPeriod('h.at')} GROUP BY 1
         UNION ALL
         SELECT k.owner_id, 'won', count(*) FROM k JOIN statuses s ON s.id = k.status_id WHERE s.kind = 'WON' AND ${inPeriod('k.status_changed_at')} GROUP BY 1
`;
  }

  /**
   * activityOfClients from the totals per client (report_activity_client_totals, kept by triggers):
   * one range of the key per client, read from the key alone, instead of a probe per card into each
   * source; cards won from the clients' cards. Overdue todos as in activityTotals.
   */
  private activityOfClientsFromTotals(scope: ReportScope, p: SqlParams, now: Date): string {
    const { period } = scope;
    const from = p.param(period.from);
    const to = p.param(period.to);
    const ranges = activityRanges(p, period, now);
    const cards = scopedCards(scope, p, withoutOwners(scope.cards));
    return `
         SELECT t.user_id, CASE t.kind WHEN 'due' THEN 'overdue' ELSE t.kind END AS kind, sum(t.n) AS n FROM report_activity_client_totals t
           WHERE t.client_id = ANY(${p.param(scope.cards.clientIds)}::uuid[]) AND t.pipeline_id = ${p.param(scope.pipelineId)} AND t.n <> 0${scopeDepartments(scope, p, 't.department_id')}
             AND (${ranges.inPeriod} OR ${ranges.overdue} OR ${ranges.due})
           GROUP BY 1, 2
         UNION ALL
         SELECT c.owner_id, 'won', count(*) FROM ${cardsWhere(`s.kind = 'WON' AND c.status_changed_at >= ${from} AND c.status_changed_at < ${to} AND ${cards}`)} GROUP BY 1
`;
  }

  /**
   * Average and median days of the stays in each status that ended in the period: each status
   * change in the period closes a stay that began at its from_status_at. Unfiltered reports read the
   * totals (report_stay_totals); with up to EXACT_STAYS stays the exact statement runs after all (it
   * reads that few rows quickly), so the median is exact then, and within its duration bucket above.
   */
  async timeInStatus(scope: ReportScope): Promise<TimeInStatus[]> {
    let rows = this.fromTotals && labelTotalsServe(scope) ? await this.timeInStatusFromTotals(scope) : null;
    if (!rows || (await this.staysToRead(scope, rows)) <= this.exactStays) rows = await this.timeInStatusFromHistory(scope);
    const byStatus = new Map(rows.map((r) => [r.status_id, r]));
    return scope.statuses.map((status) => {
      const row = byStatus.get(status.id);
      return { status, stays: row?.stays ?? 0, averageDays: row?.average ?? null, medianDays: row?.median ?? null };
    });
  }

  /** At most this many clients carrying several of a filter's labels are corrected for (past that, the cards are read). */
  protected overlapClients = OVERLAP_CLIENTS;

  /** Up to this many stays in a period, time in status is read from the history (an exact median). */
  protected exactStays = EXACT_STAYS;

  /**
   * The stays the exact statement would read, from the totals: the scope's own, or with a filter of
   * labels every stay of the period (it reads them all, checking each row's client for the labels).
   */
  private async staysToRead(scope: ReportScope, rows: StayFigures[]): Promise<number> {
    const count = (figures: StayFigures[]) => figures.reduce((n, r) => n + r.stays, 0);
    const own = count(rows);
    if (own > this.exactStays || !totalsLabels(scope.cards)) return own;
    return count(await this.timeInStatusFromTotals({ ...scope, cards: withoutTotalsLabels(scope.cards) }));
  }

  /** Whether figures may come from the totals kept by triggers (false: every figure from its sources, as tests compare). */
  protected fromTotals = true;

  /** Time in status from the history: every stay of the period, the exact median. */
  private timeInStatusFromHistory(scope: ReportScope): Promise<StayFigures[]> {
    const { period } = scope;
    const p = new SqlParams();
    const history = historyOfCards(scope, p);
    return this.sql(
      `SELECT x.status_id, count(*)::int AS stays, avg(x.days)::float8 AS average,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY x.days)::float8 AS median
       FROM (
         SELECT h.from_status_id AS status_id, date_part('epoch', h.at - h.from_status_at) / 86400 AS days
         FROM ${history.from}
         WHERE h.from_status_at IS NOT NULL AND h.pipeline_id = ${p.param(scope.pipelineId)} AND h.from_status_id IS NOT NULL
           AND h.at >= ${p.param(period.from)} AND h.at < ${p.param(period.to)} AND ${history.where}) x
       GROUP BY x.status_id`,
      p.values,
    );
  }

  /**
   * Time in status from report_stay_totals (or its copy per label, with the filter's labels, less
   * the stays of clients carrying two: lessOverlap): the period's whole UTC months and days from the
   * totals, the hours at its ends from the history, per status and duration bucket; the average from
   * the exact sums, the median interpolated in the bucket that holds it.
   */
  private timeInStatusFromTotals(scope: ReportScope): Promise<StayFigures[]> {
    const p = new SqlParams();
    const pipeline = p.param(scope.pipelineId);
    const { months, days, hours } = splitStayPeriod(scope.period.from, scope.period.to);
    const range = (col: string, r: { from: Date; to: Date }) => `(${col} >= ${p.param(r.from)}::timestamptz AND ${col} < ${p.param(r.to)}::timestamptz)`;
    const departments = (column: string) => scopeDepartments(scope, p, column);
    return this.sql(
      `WITH b AS (
         SELECT x.status_id, x.bucket, sum(x.n) AS n, sum(x.seconds) AS seconds FROM (
           SELECT t.status_id, t.bucket, t.n, t.seconds FROM ${labelled(scope, 'report_stay_totals')} t
           WHERE t.pipeline_id = ${pipeline} AND ((t.grain = 'month' AND ${range('t.start', months)})
             OR (t.grain = 'day' AND (${range('t.start', days[0])} OR ${range('t.start', days[1])})))${departments('t.department_id')}${labelRule(scope, p, 't.label_id')}
           UNION ALL
           -- (Each stay as many times as the totals per label count it: once per filter label of its client.)
           SELECT s.status_id, ${stayBucketSql('s.seconds')}, s.times, s.seconds * s.times FROM (
             SELECT h.from_status_id AS status_id, extract(epoch FROM h.at - h.from_status_at) AS seconds, ${labelTimes(p, 'h.client_id', scope.cards)} AS times FROM card_status_changes h
             WHERE h.pipeline_id = ${pipeline} AND h.card_current AND h.from_status_id IS NOT NULL AND h.from_status_at IS NOT NULL
               AND (${range('h.at', hours[0])} OR ${range('h.at', hours[1])})${departments('h.department_id')}${clientLabelled(p, 'h.client_id', scope.cards)}) s${lessOverlap(scope, ['status_id', 'bucket'], ['n', 'seconds'], (overlap) => {
               const history = historyOfCards(overlap, p);
               return `SELECT s.status_id, ${stayBucketSql('s.seconds')} AS bucket, 1 AS n, s.seconds FROM (
                 SELECT h.from_status_id AS status_id, extract(epoch FROM h.at - h.from_status_at) AS seconds FROM ${history.from}
                 WHERE h.pipeline_id = ${pipeline} AND h.from_status_id IS NOT NULL AND h.from_status_at IS NOT NULL
                   AND h.at >= ${p.param(scope.period.from)} AND h.at < ${p.param(scope.period.to)} AND ${history.where}) s`;
             })}) x
         GROUP BY 1, 2 HAVING sum(x.n) > 0),
       c AS (
         SELECT b.*, sum(b.n) OVER (PARTITION BY b.status_id ORDER BY b.bucket) - b.n AS below,
           sum(b.n) OVER (PARTITION BY b.status_id) AS total, sum(b.seconds) OVER (PARTITION BY b.status_id) AS total_seconds
         FROM b)
       -- The median is the mean of the stays of ranks floor and ceil of (total + 1) / 2 (one stay for an odd total),
       -- each in the bucket with fewer stays below it and at least as many up to it, its stays taken as spread evenly.
       SELECT c.status_id, c.total::int AS stays, (c.total_seconds / c.total / 86400)::float8 AS average,
         (avg(${stayBucketStartSql('c.bucket')} + (${stayBucketStartSql('c.bucket + 1')} - ${stayBucketStartSql('c.bucket')})
           * ((k.rank - c.below - 0.5) / c.n)::float8) / 86400)::float8 AS median
       FROM c CROSS JOIN LATERAL (VALUES (floor((c.total + 1) / 2.0)), (ceil((c.total + 1) / 2.0))) k (rank)
       WHERE c.below < k.rank AND c.below + c.n >= k.rank
       GROUP BY c.status_id, c.total, c.total_seconds`,
      p.values,
    );
  }

  /** The pipeline's automations in the period, on the cards of the report: enrolled, steps run, mails, failures. */
  async automations(scope: ReportScope): Promise<AutomationFigures[]> {
    const { period } = scope;
    const p = new SqlParams();
    const from = p.param(period.from);
    const to = p.param(period.to);
    const cards = scopedCards(scope, p);
    const rows: Array<Record<string, any>> = await this.sql(
      `SELECT a.id, a.name, a.state, coalesce(en.n, 0) AS enrolled, coalesce(r.done, 0) AS steps_done, coalesce(r.mails, 0) AS mail_steps, coalesce(r.failed, 0) AS failures
       FROM automations a
       LEFT JOIN (
         SELECT e.automation_id, count(*)::int AS n FROM automation_enrolments e JOIN cards c ON c.id = e.card_id ${joinsFor(cards)}
         WHERE e.entered_at >= ${from} AND e.entered_at < ${to} AND ${cards} GROUP BY 1) en ON en.automation_id = a.id
       LEFT JOIN (
         SELECT r.automation_id,
           count(*) FILTER (WHERE r.status = 'DONE')::int AS done,
           count(*) FILTER (WHERE r.status = 'DONE' AND st.kind LIKE 'EMAIL%')::int AS mails,
           count(*) FILTER (WHERE r.status = 'FAILED')::int AS failed
         FROM automation_runs r JOIN automation_steps st ON st.id = r.step_id JOIN cards c ON c.id = r.card_id ${joinsFor(cards)}
         WHERE r.status IN ('DONE', 'FAILED') AND r.finished_at >= ${from} AND r.finished_at < ${to} AND ${cards} GROUP BY 1) r ON r.automation_id = a.id
       WHERE a.pipeline_id = ${p.param(scope.pipelineId)}
       ORDER BY a.state = 'ACTIVE' DESC, ${(await loadNameOrder(this.ds.manager))('lower(a.name)')}`,
      p.values,
    );
    return rows.map((r) => ({ id: r.id, name: r.name, state: r.state, enrolled: r.enrolled, stepsDone: r.steps_done, mailSteps: r.mail_steps, failures: r.failures }));
  }

  /** New cards and new clients per week (Monday to Sunday, local time) over the period. */
  async weekly(scope: ReportScope): Promise<WeekCount[]> {
    const { period } = scope;
    const p = new SqlParams();
    const tz = p.param(period.timeZone);
    const from = p.param(period.from);
    const to = p.param(period.to);
    const pipeline = p.param(scope.pipelineId);
    const bounds = { tz, from, to, pipeline };
    const newTotals = (kind: 'card' | 'client') =>
      `SELECT x.wk, sum(x.n)::int AS n FROM (
         SELECT date_trunc('week', t.hour AT TIME ZONE ${tz}) AS wk, sum(t.n) AS n FROM ${labelled(scope, 'report_new_totals')} t
         WHERE t.pipeline_id = ${pipeline} AND t.kind = '${kind}' AND t.hour >= ${from} AND t.hour < ${to}${scopeDepartments(scope, p, 't.department_id')}${labelRule(scope, p, 't.label_id')} GROUP BY 1${lessOverlap(scope, ['wk'], ['n'], (overlap) => this.newFromSources(overlap, p, kind, bounds))}) x GROUP BY 1`;
    const fromTotals = this.fromTotals && labelTotalsServe(scope);
    // New cards and clients per UTC hour (and label), kept by triggers (report_new_totals, its copy per label): exact for periods on whole hours.
    const counts = `nc AS (${fromTotals ? newTotals('card') : this.newFromSources(scope, p, 'card', bounds)}), ncl AS (${fromTotals ? newTotals('client') : this.newFromSources(scope, p, 'client', bounds)})`;
    const rows: Array<{ week: string; cards: number; clients: number }> = await this.sql(
      `WITH weeks AS (
         SELECT generate_series(date_trunc('week', ${from}::timestamptz AT TIME ZONE ${tz}), (${to}::timestamptz AT TIME ZONE ${tz}) - interval '1 second', interval '1 week') AS wk),
       ${counts}
       SELECT to_char(weeks.wk, 'YYYY-MM-DD') AS week, coalesce(nc.n, 0) AS cards, coalesce(ncl.n, 0) AS clients
       FROM weeks LEFT JOIN nc USING (wk) LEFT JOIN ncl USING (wk) ORDER BY weeks.wk`,
      p.values,
    );
    return rows.map((r) => {
      const start = dayStart(r.week, period.timeZone);
      const end = dayStart(addDays(r.week, 7), period.timeZone);
      const createdFrom = start < period.from ? period.from : start;
      const createdTo = end > period.to ? period.to : end;
      return { week: r.week, newCards: r.cards, newClients: r.clients, cards: { ...scope.links, createdFrom, createdTo } as CardFilter };
    });
  }

  /** The weekly widget's new cards or new clients per week (wk, n) read from the cards and clients. */
  private newFromSources(scope: ReportScope, p: SqlParams, kind: 'card' | 'client', { tz, from, to, pipeline }: { tz: string; from: string; to: string; pipeline: string }): string {
    if (kind === 'card') {
      return `SELECT date_trunc('week', c.created_at AT TIME ZONE ${tz}) AS wk, count(*)::int AS n
         FROM ${cardsWhere(`c.created_at >= ${from} AND c.created_at < ${to} AND ${scopedCards(scope, p)}`)} GROUP BY 1`;
    }
    const clients = [clientVisibility(scope.viewer, p), ...clientFilterSql(scope.cards, p)];
    if (scope.cards.ownerIds) clients.push(`cl.owner_id = ANY(${p.param(scope.cards.ownerIds)}::uuid[])`);
    return `SELECT date_trunc('week', cl.created_at AT TIME ZONE ${tz}) AS wk, count(*)::int AS n FROM clients cl
         WHERE cl.created_at >= ${from} AND cl.created_at < ${to} AND ${clients.join(' AND ')}
           AND EXISTS (SELECT 1 FROM cards pc WHERE pc.client_id = cl.id AND pc.pipeline_id = ${pipeline} AND pc.deleted_at IS NULL)
         GROUP BY 1`;
  }
}

/** Each open status's next step: the following open status, or the (first) won status after the last. */
function nextStatuses(statuses: StatusType[]): Map<string, string> {
  const open = statuses.filter((s) => s.kind === StatusKind.Open);
  const won = statuses.find((s) => s.kind === StatusKind.Won);
  const next = new Map<string, string>();
  open.forEach((s, i) => {
    const to = open[i + 1] ?? won;
    if (to) next.set(s.id, to.id);
  });
  return next;
}

function compact(filter: CardFilterValues): CardFilterValues {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as CardFilterValues;
}
