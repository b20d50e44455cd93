import { CUSTOM_FIELD_PREFIX, TEMPLATE_VARIABLES, type TemplateVariableGroup } from '@crm/shared';

/**
 * The key of a custom field in templates, as the API computes it: the label lower-cased, accents
 * removed, anything else than letters and digits as `_` ("Flotta méret" → `flotta_meret`).
 */
export function fieldKey(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

export interface PickerVariable {
  /** What goes between the braces: `contact.firstName`, `card.fields.flotta_meret`. */
  path: string;
  /** Translation key for the label, or the custom field's own label. */
  labelKey?: string;
  label?: string;
}

export interface PickerGroup {
  id: TemplateVariableGroup | 'fields' | 'helpers';
  variables: PickerVariable[];
}

/** The picker's groups: the shared catalogue, then the pipeline's custom fields. */
export function pickerGroups(customFields: readonly { label: string }[]): PickerGroup[] {
  const groups: PickerGroup[] = (Object.keys(TEMPLATE_VARIABLES) as TemplateVariableGroup[]).map((id) => ({
    id,
    variables: TEMPLATE_VARIABLES[id].map((path) => ({ path, labelKey: `templates.variables.${path}` })),
  }));
  if (customFields.length) {
    groups.push({
      id: 'fields',
      variables: customFields.map((field) => ({ path: CUSTOM_FIELD_PREFIX + fieldKey(field.label), label: field.label })),
    });
  }
  return groups;
}

/** Ready-made helper calls (PRODUCT.md 4: dates, money and a fallback value). */
export const HELPER_SNIPPETS = [
  { id: 'date', snippet: '{{date todo.deadline}}' },
  { id: 'datetime', snippet: '{{datetime todo.deadline}}' },
  { id: 'money', snippet: '{{money card.value card.currency}}' },
  { id: 'fallback', snippet: '{{fallback contact.firstName "Partner"}}' },
] as const;

export interface InsertResult {
  value: string;
  /** Where the caret goes: right after the inserted text. */
  caret: number;
}

/** Replaces the selection [start, end) of `value` with `text`. */
export function insertAt(value: string, start: number, end: number, text: string): InsertResult {
  const from = Math.max(0, Math.min(start, value.length));
  const to = Math.max(from, Math.min(end, value.length));
  return { value: value.slice(0, from) + text + value.slice(to), caret: from + text.length };
}
