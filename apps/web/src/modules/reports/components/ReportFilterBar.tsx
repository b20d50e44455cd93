import { useId } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { PipelineFieldsFragment, ReportPeriodPreset } from '../../../graphql/generated/graphql';
import { MultiSelect, type MultiSelectOption } from '../../../ui/MultiSelect';
import { DEFAULT_PERIOD, PERIOD_PRESETS, WIDGETS, type ReportFilter } from '../utils/filter';

interface ReportFilterBarProps {
  filter: ReportFilter;
  onChange: (filter: ReportFilter) => void;
  pipelines: readonly PipelineFieldsFragment[];
  users: readonly MultiSelectOption[];
  departments: readonly MultiSelectOption[];
  categories: readonly MultiSelectOption[];
  tags: readonly MultiSelectOption[];
  /** A Normal user reads their own numbers: no choice of salespeople. */
  chooseOwners: boolean;
  /** The organisation's base currency: money may be shown in it (no toggle without one). */
  baseCurrency?: string | null;
}

/** The one filter of the page; every widget reads it from the URL. */
export function ReportFilterBar({ filter, onChange, pipelines, users, departments, categories, tags, chooseOwners, baseCurrency }: ReportFilterBarProps) {
  const { t } = useTranslation();
  const id = useId();
  const set = (patch: Partial<ReportFilter>) => onChange({ ...filter, ...patch });
  const widgets = WIDGETS.map((w) => ({ id: w, name: t(`savedReports.widgets.${w}`) }));
  const narrowed = filter.widgets.length > 0 || filter.ownerIds.length + filter.departmentIds.length + filter.categoryIds.length + filter.tagIds.length > 0 || filter.period !== DEFAULT_PERIOD;

  return (
    <div className="filter-bar report-filter" role="search" aria-label={t('reports.filter.label')}>
      <div className="filter-field">
        <label className="filter-field__label" htmlFor={`${id}-pipeline`}>
          {t('pipelines.switcher')}
        </label>
        <select id={`${id}-pipeline`} className="select select--compact" value={filter.pipelineId} onChange={(e) => set({ pipelineId: e.target.value })}>
          {pipelines.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label className="filter-field__label" htmlFor={`${id}-period`}>
          {t('reports.filter.period')}
        </label>
        <select
          id={`${id}-period`}
          className="select select--compact"
          value={filter.period}
          onChange={(e) => set({ period: e.target.value as ReportPeriodPreset })}
        >
          {PERIOD_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {t(`reports.period.${preset}`)}
            </option>
          ))}
        </select>
      </div>
      {filter.period === 'CUSTOM' && (
        <div className="filter-bar__dates">
          <div className="filter-field">
            <label className="filter-field__label" htmlFor={`${id}-from`}>
              {t('reports.filter.from')}
            </label>
            <input id={`${id}-from`} className="input input--compact" type="date" value={filter.from} max={filter.to || undefined} onChange={(e) => set({ from: e.target.value })} />
          </div>
          <div className="filter-field">
            <label className="filter-field__label" htmlFor={`${id}-to`}>
              {t('reports.filter.to')}
            </label>
            <input id={`${id}-to`} className="input input--compact" type="date" value={filter.to} min={filter.from || undefined} onChange={(e) => set({ to: e.target.value })} />
          </div>
        </div>
      )}
      {baseCurrency && (
        <div className="report-widget__views report-filter__money" role="group" aria-label={t('reports.money.label')}>
          {(['PER_CURRENCY', 'BASE'] as const).map((mode) => (
            <button key={mode} type="button" className="report-widget__view" aria-pressed={filter.currencyMode === mode} onClick={() => set({ currencyMode: mode })}>
              {mode === 'BASE' ? t('reports.money.inBase', { currency: baseCurrency }) : t('reports.money.perCurrency')}
            </button>
          ))}
        </div>
      )}
      <label className="report-filter__compare">
        <input type="checkbox" checked={filter.compare} onChange={(e) => set({ compare: e.target.checked })} />
        {t('reports.filter.compare')}
      </label>
      {chooseOwners && (
        <MultiSelect label={t('reports.filter.owners')} options={users} selected={filter.ownerIds} anyLabel={t('reports.filter.everyone')} onChange={(ownerIds) => set({ ownerIds })} />
      )}
      <MultiSelect label={t('labels.kind.DEPARTMENT')} options={departments} selected={filter.departmentIds} anyLabel={t('cards.filters.any')} onChange={(departmentIds) => set({ departmentIds })} />
      <MultiSelect label={t('labels.kind.CATEGORY')} options={categories} selected={filter.categoryIds} anyLabel={t('cards.filters.any')} onChange={(categoryIds) => set({ categoryIds })} />
      <MultiSelect label={t('labels.kind.TAG')} options={tags} selected={filter.tagIds} anyLabel={t('cards.filters.any')} onChange={(tagIds) => set({ tagIds })} />
      <MultiSelect
        label={t('savedReports.widgetsLabel')}
        options={widgets}
        selected={filter.widgets}
        anyLabel={t('savedReports.allWidgets')}
        onChange={(ids) => set({ widgets: ids.length === WIDGETS.length ? [] : (ids as ReportFilter['widgets']) })}
      />
      {narrowed && (
        <button
          type="button"
          className="button button--ghost button--small filter-bar__clear"
          onClick={() => onChange({ ...filter, period: DEFAULT_PERIOD, from: '', to: '', ownerIds: [], departmentIds: [], categoryIds: [], tagIds: [], widgets: [] })}
        >
          {t('cards.filters.clear')}
        </button>
      )}
    </div>
  );
}
