import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../../../app/i18n';
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ArrowDownIcon, ArrowUpIcon, ColumnsIcon, GripIcon } from '../../../ui/icons';
import { CARD_COLUMNS, customColumnKey, shiftColumn } from '../utils/columns';
import type { ListCustomField } from '../utils/customFields';

interface ColumnMenuProps {
  columns: readonly string[];
  onChange: (columns: string[]) => void;
  /** The pipeline's custom fields, offered as extra columns after the built-in ones. */
  customFields: readonly ListCustomField[];
}

/** Choose, hide and reorder the list's columns (drag, or the up and down buttons). */
export function ColumnMenu({ columns, onChange, customFields }: ColumnMenuProps) {
  const { t } = useTranslation();
  const customLabels = new Map(customFields.map((field) => [customColumnKey(field.id), field.label]));
  const labelOf = (key: string) => customLabels.get(key) ?? t(`cards.columns.${key}`);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const hidden = CARD_COLUMNS.filter((column) => !column.fixed && !columns.includes(column.key)).map((column) => column.key);
  const hiddenCustom = [...customLabels.keys()].filter((key) => !columns.includes(key));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onChange(arrayMove([...columns], columns.indexOf(String(active.id)), columns.indexOf(String(over.id))));
  };

  return (
    <div
      className="popover-anchor"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open && !event.defaultPrevented) {
          setOpen(false);
          rootRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
        }
      }}
    >
      <button
        type="button"
        className="button button--secondary button--small"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <ColumnsIcon />
        {t('cards.columnMenu.button')}
      </button>
      {open && (
        <div id={panelId} className="popover column-menu" role="group" aria-label={t('cards.columnMenu.title')}>
          <p className="popover__heading">{t('cards.columnMenu.shown')}</p>
          <DndContext
            sensors={sensors}
            collisionDetection={closestCenter}
            onDragEnd={onDragEnd}
            accessibility={{
              screenReaderInstructions: { draggable: t('cards.columnMenu.dragInstructions') },
              announcements: {
                onDragStart: ({ active }) => t('cards.columnMenu.pickedUp', { column: labelOf(String(active.id)) }),
                onDragOver: ({ active, over }) =>
                  over
                    ? t('cards.columnMenu.over', {
                        column: labelOf(String(active.id)),
                        position: columns.indexOf(String(over.id)) + 1,
                      })
                    : undefined,
                onDragEnd: ({ active }) => t('cards.columnMenu.dropped', { column: labelOf(String(active.id)) }),
                onDragCancel: ({ active }) => t('cards.columnMenu.cancelled', { column: labelOf(String(active.id)) }),
              },
            }}
          >
            <SortableContext items={[...columns]} strategy={verticalListSortingStrategy}>
              <ul className="column-menu__list">
                {columns.map((key, index) => (
                  <ColumnRow
                    key={key}
                    id={key}
                    label={labelOf(key)}
                    first={index === 0}
                    last={index === columns.length - 1}
                    onHide={() => onChange(columns.filter((other) => other !== key))}
                    onMove={(delta) => onChange(shiftColumn(columns, key, delta))}
                  />
                ))}
              </ul>
            </SortableContext>
          </DndContext>
          {hidden.length > 0 && (
            <HiddenColumns heading={t('cards.columnMenu.hidden')} keys={hidden} labelOf={labelOf} onShow={(key) => onChange([...columns, key])} />
          )}
          {hiddenCustom.length > 0 && (
            <HiddenColumns
              heading={t('cards.columnMenu.customFields')}
              keys={hiddenCustom}
              labelOf={labelOf}
              onShow={(key) => onChange([...columns, key])}
            />
          )}
        </div>
      )}
    </div>
  );
}

interface HiddenColumnsProps {
  heading: string;
  keys: readonly string[];
  labelOf: (key: string) => string;
  onShow: (key: string) => void;
}

function HiddenColumns({ heading, keys, labelOf, onShow }: HiddenColumnsProps) {
  return (
    <>
      <p className="popover__heading">{heading}</p>
      <ul className="column-menu__list">
        {keys.map((key) => (
          <li key={key} className="column-menu__row">
            <label className="check-label">
              <input type="checkbox" className="checkbox" checked={false} onChange={() => onShow(key)} />
              {labelOf(key)}
            </label>
          </li>
        ))}
      </ul>
    </>
  );
}

interface ColumnRowProps {
  id: string;
  label: string;
  first: boolean;
  last: boolean;
  onHide: () => void;
  onMove: (delta: -1 | 1) => void;
}

function ColumnRow({ id, label, first, last, onHide, onMove }: ColumnRowProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  return (
    <li
      ref={setNodeRef}
      className={`column-menu__row${isDragging ? ' column-menu__row--dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className="drag-handle"
        {...attributes}
        {...listeners}
        aria-label={t('cards.columnMenu.drag', { column: label })}
      >
        <GripIcon />
      </button>
      <label className="check-label">
        <input type="checkbox" className="checkbox" checked onChange={onHide} />
        {label}
      </label>
      <span className="column-menu__moves">
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label={t('cards.columnMenu.moveUp', { column: label })}
          disabled={first}
          onClick={() => onMove(-1)}
        >
          <ArrowUpIcon />
        </button>
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label={t('cards.columnMenu.moveDown', { column: label })}
          disabled={last}
          onClick={() => onMove(1)}
        >
          <ArrowDownIcon />
        </button>
      </span>
    </li>
  );
}
