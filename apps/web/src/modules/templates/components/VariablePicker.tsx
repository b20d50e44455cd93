import { useMemo, useState } from 'react';
import { useTranslation } from '../../../app/i18n';
import { SearchIcon } from '../../../ui/icons';
import { HELPER_SNIPPETS, type PickerGroup } from '../utils/variables';

interface VariablePickerProps {
  groups: readonly PickerGroup[];
  /** The field the next insert goes into ("Subject", "Body"). */
  targetLabel: string;
  onInsert: (text: string) => void;
}

/**
 * The variables and helpers a template may use, grouped. Clicking one (or pressing Enter on it)
 * inserts it at the cursor of the subject or body, whichever was focused last; a mouse press does
 * not take the focus away from that field.
 */
export function VariablePicker({ groups, targetLabel, onInsert }: VariablePickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const label = (v: PickerGroup['variables'][number]) => v.label ?? t(v.labelKey ?? v.path);
  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return groups;
    return groups
      .map((group) => ({ ...group, variables: group.variables.filter((v) => `${label(v)} ${v.path}`.toLowerCase().includes(q)) }))
      .filter((group) => group.variables.length > 0);
    // `label` only depends on t.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [groups, query, t]);
  const keepFocus = (event: React.MouseEvent) => event.preventDefault();

  return (
    <aside className="variable-picker panel" aria-labelledby="variable-picker-title">
      <h2 id="variable-picker-title" className="panel__title">
        {t('templates.picker.title')}
      </h2>
      <p className="variable-picker__target">{t('templates.picker.target', { field: targetLabel })}</p>
      <label className="search-input variable-picker__search">
        <SearchIcon />
        <span className="visually-hidden">{t('templates.picker.search')}</span>
        <input
          className="input input--compact"
          type="search"
          placeholder={t('templates.picker.search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </label>
      <div className="variable-picker__groups">
        {filtered.map((group) => (
          <section key={group.id} aria-labelledby={`picker-group-${group.id}`}>
            <h3 id={`picker-group-${group.id}`} className="variable-picker__heading">
              {t(`templates.groups.${group.id}`)}
            </h3>
            <ul>
              {group.variables.map((variable) => (
                <li key={variable.path}>
                  <button
                    type="button"
                    className="variable-picker__item"
                    onMouseDown={keepFocus}
                    onClick={() => onInsert(`{{${variable.path}}}`)}
                  >
                    <span>{label(variable)}</span>
                    <code>{`{{${variable.path}}}`}</code>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
        {filtered.length === 0 && <p className="field__hint">{t('templates.picker.noMatch')}</p>}
        {!query.trim() && (
          <section aria-labelledby="picker-group-helpers">
            <h3 id="picker-group-helpers" className="variable-picker__heading">
              {t('templates.groups.helpers')}
            </h3>
            <ul>
              {HELPER_SNIPPETS.map((helper) => (
                <li key={helper.id}>
                  <button type="button" className="variable-picker__item" onMouseDown={keepFocus} onClick={() => onInsert(helper.snippet)}>
                    <span>{t(`templates.helpers.${helper.id}`)}</span>
                    <code>{helper.snippet}</code>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </aside>
  );
}
