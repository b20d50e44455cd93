import { useId } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { CardFilterInput, LabelKind, StatusKind } from '../../../graphql/generated/graphql';
import { SearchIcon } from '../../../ui/icons';
import { MultiSelect } from '../../../ui/MultiSelect';
import { customFilterOptions, fromCustomFilterValue, toCustomFilterValue, type ListCustomField } from '../utils/customFields';
import {
  customFilterValue,
  dayToInstant,
  firstOf,
  idsOrUndefined,
  instantToDay,
  ownerSelection,
  UNOWNED,
  withCustomFilter,
  withOwnerSelection,
} from '../utils/filter';

interface Option {
  id: string;
  name: string;
}

interface CardFilterBarProps {
  filter: CardFilterInput;
  onChange: (filter: CardFilterInput) => void;
  text: string;
  onTextChange: (text: string) => void;
  statuses: readonly Option[];
  users: readonly Option[];
  labels: Record<LabelKind, readonly Option[]>;
  /** Choice and yes/no custom fields to filter by (those whose column is shown, or already filtered). */
  customFields: readonly ListCustomField[];
}

const LABEL_FILTERS: { kind: LabelKind; key: 'categoryIds' | 'classificationIds' | 'tagIds' | 'departmentIds' }[] = [
  { kind: 'CATEGORY', key: 'categoryIds' },
  { kind: 'CLASSIFICATION', key: 'classificationIds' },
  { kind: 'TAG', key: 'tagIds' },
  { kind: 'DEPARTMENT', key: 'departmentIds' },
];

/** Every filter of the list; each change goes to the server. */
export function CardFilterBar(props: CardFilterBarProps) {
  const { filter, onChange, text, onTextChange, statuses, users, labels, customFields } = props;
  const { t } = useTranslation();
  const idBase = useId();
  const set = (patch: Partial<CardFilterInput>) => onChange({ ...filter, ...patch });
  const active = Object.keys(filter).length > 0 || text.trim() !== '';

  return (
    <div className="filter-bar" role="search" aria-label={t('cards.filters.label')}>
      <label className="search-input filter-bar__search">
        <SearchIcon />
        <input
          className="input input--compact"
          type="search"
          aria-label={t('cards.filters.text')}
          placeholder={t('cards.filters.textPlaceholder')}
          value={text}
          onChange={(event) => onTextChange(event.target.value)}
        />
      </label>
      <MultiSelect
        label={t('cards.filters.status')}
        selected={filter.statusIds ?? []}
        options={statuses}
        anyLabel={t('cards.filters.anyStatus')}
        onChange={(selected) => set({ statusIds: idsOrUndefined(selected) })}
      />
      <FilterSelect
        label={t('cards.filters.outcome')}
        value={firstOf(filter.outcomes)}
        options={(['OPEN', 'WON', 'LOST'] as StatusKind[]).map((kind) => ({ id: kind, name: t(`statusKind.${kind}`) }))}
        anyLabel={t('cards.filters.anyOutcome')}
        onChange={(value) => set({ outcomes: value ? [value as StatusKind] : undefined })}
      />
      <MultiSelect
        label={t('cards.filters.owner')}
        selected={ownerSelection(filter)}
        options={[{ id: UNOWNED, name: t('cards.filters.unowned') }, ...users]}
        anyLabel={t('cards.filters.anyOwner')}
        onChange={(selected) => onChange(withOwnerSelection(filter, selected))}
      />
      <FilterSelect
        label={t('cards.filters.todoOwner')}
        value={filter.todoAssigneeId ?? ''}
        options={users}
        anyLabel={t('cards.filters.everyone')}
        onChange={(value) => set({ todoAssigneeId: value || undefined })}
      />
      {LABEL_FILTERS.map(({ kind, key }) => (
        <MultiSelect
          key={kind}
          label={t(`labels.kind.${kind}`)}
          selected={filter[key] ?? []}
          options={labels[kind]}
          anyLabel={t('cards.filters.any')}
          onChange={(selected) => set({ [key]: idsOrUndefined(selected) })}
        />
      ))}
      {customFields.map((field) => (
        <FilterSelect
          key={field.id}
          label={field.label}
          value={fromCustomFilterValue(customFilterValue(filter, field.id))}
          options={customFilterOptions(field, t)}
          anyLabel={t('cards.filters.any')}
          onChange={(value) => onChange(withCustomFilter(filter, field.id, toCustomFilterValue(field.kind, value)))}
        />
      ))}
      <div className="filter-bar__dates">
        <div className="filter-field">
          <label className="filter-field__label" htmlFor={`${idBase}-from`}>
            {t('cards.filters.addedFrom')}
          </label>
          <input
            id={`${idBase}-from`}
            className="input input--compact"
            type="date"
            value={instantToDay(filter.createdFrom)}
            onChange={(event) => set({ createdFrom: dayToInstant(event.target.value) })}
          />
        </div>
        <div className="filter-field">
          <label className="filter-field__label" htmlFor={`${idBase}-to`}>
            {t('cards.filters.addedTo')}
          </label>
          <input
            id={`${idBase}-to`}
            className="input input--compact"
            type="date"
            value={instantToDay(filter.createdTo, true)}
            onChange={(event) => set({ createdTo: dayToInstant(event.target.value, true) })}
          />
        </div>
      </div>
      {active && (
        <button
          type="button"
          className="button button--ghost button--small filter-bar__clear"
          onClick={() => {
            onChange({});
            onTextChange('');
          }}
        >
          {t('cards.filters.clear')}
        </button>
      )}
    </div>
  );
}

interface FilterSelectProps {
  label: string;
  value: string;
  options: readonly Option[];
  anyLabel: string;
  onChange: (value: string) => void;
}

function FilterSelect({ label, value, options, anyLabel, onChange }: FilterSelectProps) {
  const id = useId();
  return (
    <div className={`filter-field${value ? ' filter-field--active' : ''}`}>
      <label className="filter-field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="select select--compact" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
}
