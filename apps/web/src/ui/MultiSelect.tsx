import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../app/i18n';

export interface MultiSelectOption {
  id: string;
  name: string;
}

interface MultiSelectProps {
  /** What is chosen ("Status"); the button reads "Status: 2 selected". */
  label: string;
  options: readonly MultiSelectOption[];
  selected: readonly string[];
  /** The new selection, in the options' order. */
  onChange: (ids: string[]) => void;
  /** Shown when nothing is selected ("Any status"). */
  anyLabel: string;
}

/**
 * A compact choice of several values: a button summarising the selection that opens a list of
 * checkboxes. Escape or a click outside closes it; Escape puts focus back on the button.
 */
export function MultiSelect({ label, options, selected, onChange, anyLabel }: MultiSelectProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const chosen = new Set(selected);

  useEffect(() => {
    if (!open) return;
    rootRef.current?.querySelector<HTMLInputElement>('.multi-select__panel input')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const names = options.filter((option) => chosen.has(option.id)).map((option) => option.name);
  let summary = anyLabel;
  if (names.length === 1) summary = names[0];
  else if (names.length > 1) summary = t('ui.multiSelect.selected', { count: names.length });

  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange(options.filter((option) => next.has(option.id)).map((option) => option.id));
  };

  return (
    <div
      className="popover-anchor multi-select"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={`select select--compact multi-select__button${names.length > 0 ? ' multi-select__button--active' : ''}`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="multi-select__label">{label}:</span> <span className="multi-select__summary">{summary}</span>
      </button>
      {open && (
        <div id={panelId} className="popover multi-select__panel" role="group" aria-label={label}>
          {options.length === 0 && <p className="multi-select__empty">{t('ui.multiSelect.empty')}</p>}
          {options.map((option) => (
            <label key={option.id} className="check-label multi-select__option">
              <input type="checkbox" className="checkbox" checked={chosen.has(option.id)} onChange={() => toggle(option.id)} />
              {option.name}
            </label>
          ))}
        </div>
      )}
    </div>
  );
}
