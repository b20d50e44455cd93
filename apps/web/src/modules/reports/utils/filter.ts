import type { ReportCardFilterFragment, ReportCurrencyMode, ReportFilterInput, ReportPeriodPreset, ReportWidget, SavedReportFieldsFragment, SavedReportInput } from '../../../graphql/generated/graphql';

/** The page filter as the URL holds it (and as every widget reads it). */
export interface ReportFilter {
  pipelineId: string;
  period: ReportPeriodPreset;
  /** Custom period: first and last day, YYYY-MM-DD. */
  from: string;
  to: string;
  /** Show the previous period beside the figures. */
  compare: boolean;
  ownerIds: string[];
  departmentIds: string[];
  categoryIds: string[];
  tagIds: string[];
  /** The widgets shown, in the page's order; empty for every widget. */
  widgets: ReportWidget[];
  /** The saved report opened (its name shows; saving again offers to rename it). */
  savedId: string;
  /** Money per currency, or converted into the organisation's base currency. */
  currencyMode: ReportCurrencyMode;
}

/** Every widget, in the page's order. */
export const WIDGETS: readonly ReportWidget[] = ['FUNNEL', 'OUTCOMES', 'OPEN_PIPELINE', 'FORECAST', 'WEEKLY', 'ACTIVITY', 'TIME_IN_STATUS', 'AUTOMATIONS'];

/** Whether the page shows a widget. */
export const shows = (filter: Pick<ReportFilter, 'widgets'>, widget: ReportWidget) => filter.widgets.length === 0 || filter.widgets.includes(widget);

export const PERIOD_PRESETS: readonly ReportPeriodPreset[] = [
  'THIS_WEEK',
  'LAST_WEEK',
  'THIS_MONTH',
  'LAST_MONTH',
  'THIS_QUARTER',
  'LAST_QUARTER',
  'THIS_YEAR',
  'LAST_YEAR',
  'CUSTOM',
];

export const DEFAULT_PERIOD: ReportPeriodPreset = 'THIS_MONTH';

/** URL parameter of each list in the filter (repeated for several values). */
const LIST_PARAMS = { ownerIds: 'owner', departmentIds: 'department', categoryIds: 'category', tagIds: 'tag' } as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
// Ids are UUIDs from the API; anything that could not be one (or a script) is dropped.
const UUIDISH = /^[\w-]{1,64}$/;

/** Reads the filter from the URL; anything malformed is dropped, not trusted. */
export function readReportFilter(params: URLSearchParams, fallbackPipelineId = ''): ReportFilter {
  const period = params.get('period') as ReportPeriodPreset | null;
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const list = (name: string) => params.getAll(name).filter((id) => UUIDISH.test(id));
  const pipeline = params.get('pipeline');
  return {
    pipelineId: pipeline && UUIDISH.test(pipeline) ? pipeline : fallbackPipelineId,
    period: period && PERIOD_PRESETS.includes(period) ? period : DEFAULT_PERIOD,
    from: DAY.test(from) ? from : '',
    to: DAY.test(to) ? to : '',
    compare: params.get('compare') === '1',
    ownerIds: list(LIST_PARAMS.ownerIds),
    departmentIds: list(LIST_PARAMS.departmentIds),
    categoryIds: list(LIST_PARAMS.categoryIds),
    tagIds: list(LIST_PARAMS.tagIds),
    widgets: WIDGETS.filter((w) => params.getAll('widget').includes(w)),
    savedId: UUIDISH.test(params.get('saved') ?? '') ? params.get('saved')! : '',
    currencyMode: params.get('money') === 'base' ? 'BASE' : 'PER_CURRENCY',
  };
}

/** The URL parameters of a filter, holding only what is set (so a shared link stays short). */
export function writeReportFilter(filter: ReportFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.pipelineId) params.set('pipeline', filter.pipelineId);
  if (filter.period !== DEFAULT_PERIOD) params.set('period', filter.period);
  if (filter.period === 'CUSTOM') {
    if (filter.from) params.set('from', filter.from);
    if (filter.to) params.set('to', filter.to);
  }
  if (filter.compare) params.set('compare', '1');
  for (const [key, name] of Object.entries(LIST_PARAMS) as Array<[keyof typeof LIST_PARAMS, string]>) {
    for (const id of filter[key]) params.append(name, id);
  }
  if (filter.widgets.length < WIDGETS.length) for (const w of filter.widgets) params.append('widget', w);
  if (filter.savedId) params.set('saved', filter.savedId);
  if (filter.currencyMode === 'BASE') params.set('money', 'base');
  return params;
}

/** The page filter of a saved report. */
export function savedReportFilter(saved: SavedReportFieldsFragment): ReportFilter {
  const f = saved.filter;
  return {
    pipelineId: f.pipelineId,
    period: f.period,
    from: f.from ?? '',
    to: f.to ?? '',
    compare: saved.compare,
    ownerIds: [...f.ownerIds],
    departmentIds: [...f.departmentIds],
    categoryIds: [...f.categoryIds],
    tagIds: [...f.tagIds],
    widgets: WIDGETS.filter((w) => saved.widgets.includes(w)),
    savedId: saved.id,
    currencyMode: 'PER_CURRENCY',
  };
}

/** What a saved report holds of the page filter (name and sharing come from the form). */
export function savedReportInput(filter: ReportFilter, name: string, shared: boolean): SavedReportInput {
  return { name, shared, filter: toReportInput(filter), compare: filter.compare, widgets: filter.widgets.length < WIDGETS.length ? filter.widgets : [] };
}

/** Whether the filter can be asked for: a pipeline, and both days of a custom period in order. */
export function isComplete(filter: ReportFilter): boolean {
  if (!filter.pipelineId) return false;
  return filter.period !== 'CUSTOM' || (filter.from !== '' && filter.to !== '' && filter.from <= filter.to);
}

/** The API's input for the filter (a Normal user's owners are decided by the server). */
export function toReportInput(filter: ReportFilter): ReportFilterInput {
  const input: ReportFilterInput = { pipelineId: filter.pipelineId, period: filter.period };
  if (filter.period === 'CUSTOM') Object.assign(input, { from: filter.from, to: filter.to });
  for (const key of ['ownerIds', 'departmentIds', 'categoryIds', 'tagIds'] as const) if (filter[key].length > 0) input[key] = filter[key];
  if (filter.currencyMode === 'BASE') input.currencyMode = 'BASE';
  return input;
}

/**
 * The card list behind a figure: /list/:pipelineId with the figure's card filter as search
 * parameters named as CardFilterInput's fields (lists repeated: ownerIds=a&ownerIds=b; instants ISO).
 */
export function cardListHref(pipelineId: string, cards: ReportCardFilterFragment): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(cards)) {
    if (key === '__typename' || value === null || value === undefined || value === false) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.set(key, String(value));
  }
  const query = params.toString();
  return `/list/${pipelineId}${query ? `?${query}` : ''}`;
}
