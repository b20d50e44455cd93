import { useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../app/i18n';
import type { CustomFieldKind, ListCustomConditionInput, ListCustomFieldsQuery } from '../../../graphql/generated/graphql';
import { CloseIcon, PlusIcon } from '../../../ui/icons';
import { customFilterOptions, fromCustomFilterValue } from '../../cards/utils/customFields';
import { usePipelines } from '../../pipelines/hooks/usePipelines';
import { LIST_CUSTOM_FIELDS_QUERY } from '../graphql/campaigns';

type ListField = ListCustomFieldsQuery['customFields'][number];

/** A condition as the editor holds it: the inputs' text. */
export interface CustomConditionDraft {
  fieldId: string;
  value: string;
  min: string;
  max: string;
}

/** Field kinds a list can filter on: by value, or (numbers and dates) from–to. */
const KINDS: ReadonlySet<CustomFieldKind> = new Set<CustomFieldKind>(['TEXT', 'SELECT', 'MULTI_SELECT', 'BOOLEAN', 'NUMBER', 'DATE']);
const ranged = (kind: CustomFieldKind | undefined) => kind === 'NUMBER' || kind === 'DATE';

/** Saved conditions as drafts. */
export function toDrafts(conditions: ReadonlyArray<{ fieldId: string; value?: unknown; min?: unknown; max?: unknown }> | null | undefined): CustomConditionDraft[] {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  return (conditions ?? []).map((c) => ({ fieldId: c.fieldId, value: fromCustomFilterValue(c.value), min: text(c.min), max: text(c.max) }));
}

/** Drafts as the API's conditions (those without a field left out; numbers as numbers, yes/no as booleans). */
export function fromDrafts(drafts: CustomConditionDraft[], fields: readonly ListField[]): ListCustomConditionInput[] {
  return drafts.flatMap((d): ListCustomConditionInput[] => {
    const kind = fields.find((f) => f.id === d.fieldId)?.kind;
    if (!kind) return [];
    const num = (s: string) => (s.trim() === '' ? null : kind === 'NUMBER' ? Number(s.replace(',', '.')) : s.trim());
    if (ranged(kind)) return [{ fieldId: d.fieldId, min: num(d.min), max: num(d.max) }];
    return [{ fieldId: d.fieldId, value: kind === 'BOOLEAN' ? (d.value === '' ? null : d.value === 'true') : d.value.trim() || null }];
  });
}

/** The custom fields a list can filter on (every pipeline's), for the editor and fromDrafts. */
export function useListCustomFields(): readonly ListField[] {
  const { data } = useQuery(LIST_CUSTOM_FIELDS_QUERY);
  return (data?.customFields ?? []).filter((f) => KINDS.has(f.kind));
}

interface Props {
  fields: readonly ListField[];
  conditions: CustomConditionDraft[];
  onChange: (conditions: CustomConditionDraft[]) => void;
}

/** A dynamic list's conditions on card custom fields: a field (by pipeline), then a value or a from–to range. */
export function CustomConditionsEditor({ fields, conditions, onChange }: Props) {
  const { t } = useTranslation();
  const { pipelines } = usePipelines();
  if (!fields.length) return null;
  const set = (i: number, patch: Partial<CustomConditionDraft>) => onChange(conditions.map((c, k) => (k === i ? { ...c, ...patch } : c)));
  return (
    <div className="custom-conditions">
      {conditions.map((condition, i) => {
        const field = fields.find((f) => f.id === condition.fieldId);
        const n = i + 1;
        return (
          <div key={i} className="custom-condition" role="group" aria-label={t('campaigns.lists.form.customCondition', { n })}>
            <select className="select select--compact" aria-label={t('campaigns.lists.form.customField', { n })} value={condition.fieldId} onChange={(event) => set(i, { fieldId: event.target.value, value: '', min: '', max: '' })}>
              <option value="">{t('campaigns.lists.form.customFieldPick')}</option>
              {pipelines.map((pipeline) => {
                const own = fields.filter((f) => f.pipelineId === pipeline.id);
                return own.length ? (
                  <optgroup key={pipeline.id} label={pipeline.name}>
                    {own.map((f) => (
                      <option key={f.id} value={f.id}>
                        {f.label}
                      </option>
                    ))}
                  </optgroup>
                ) : null;
              })}
            </select>
            {field && ranged(field.kind) && (
              <>
                <input className="input input--compact" type={field.kind === 'DATE' ? 'date' : 'number'} aria-label={t('campaigns.lists.form.customFrom', { field: field.label })} value={condition.min} onChange={(event) => set(i, { min: event.target.value })} />
                <span aria-hidden="true">–</span>
                <input className="input input--compact" type={field.kind === 'DATE' ? 'date' : 'number'} aria-label={t('campaigns.lists.form.customTo', { field: field.label })} value={condition.max} onChange={(event) => set(i, { max: event.target.value })} />
              </>
            )}
            {field && field.kind === 'TEXT' && (
              <input className="input input--compact" aria-label={t('campaigns.lists.form.customEquals', { field: field.label })} value={condition.value} maxLength={500} onChange={(event) => set(i, { value: event.target.value })} />
            )}
            {field && !ranged(field.kind) && field.kind !== 'TEXT' && (
              <select className="select select--compact" aria-label={t('campaigns.lists.form.customEquals', { field: field.label })} value={condition.value} onChange={(event) => set(i, { value: event.target.value })}>
                <option value="" />
                {customFilterOptions(field, t).map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
            <button type="button" className="icon-button icon-button--small" aria-label={t('campaigns.lists.form.customRemove', { n })} onClick={() => onChange(conditions.filter((_, k) => k !== i))}>
              <CloseIcon aria-hidden="true" />
            </button>
          </div>
        );
      })}
      <button type="button" className="button button--ghost button--small" onClick={() => onChange([...conditions, { fieldId: '', value: '', min: '', max: '' }])}>
        <PlusIcon aria-hidden="true" /> {t('campaigns.lists.form.customAdd')}
      </button>
    </div>
  );
}
