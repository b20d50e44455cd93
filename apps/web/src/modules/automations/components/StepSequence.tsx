import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from '../../../app/i18n';
import {
  closestCenter,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  MouseSensor,
  pointerWithin,
  TouchSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy, type SortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { StepKind } from '../../../graphql/generated/graphql';
import { AlertIcon, CloseIcon, GripIcon, PlusIcon } from '../../../ui/icons';
import { newStep, STEP_KINDS, type EditorStep } from '../utils/editorState';
import {
  isPaletteId,
  keyboardMove,
  PALETTE_PREFIX,
  PLACEHOLDER,
  placeholderOrder,
  SEQUENCE,
  SEQUENCE_END,
  type KeyboardDirection,
} from '../utils/sequenceKeyboard';
import { FlagIcon, StepIcon } from './StepIcon';

const KEYBOARD_CODES = { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] };
const DIRECTIONS: Record<string, KeyboardDirection> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
/** While a keyboard drag reorders the list itself, the sortable items are not shifted as well. */
const noShift: SortingStrategy = () => null;

export interface StepView {
  step: EditorStep;
  timing: string;
  action: string;
  template: string | null;
  problems: { field: string; message: string }[];
}

interface StepSequenceProps {
  steps: readonly EditorStep[];
  views: Record<string, StepView>;
  triggerLabel: string;
  selectedKey: string | null;
  readOnly: boolean;
  onChange: (steps: EditorStep[], focusKey?: string) => void;
  onSelect: (key: string | null) => void;
  /** The selected step's settings, under the palette. */
  side: ReactNode;
}

const kindOf = (id: UniqueIdentifier) => String(id).slice(PALETTE_PREFIX.length) as StepKind;

/**
 * The sequence (left) and the palette (right) in one DndContext: palette kinds are draggable into
 * the sequence at any place (a placeholder shows where), steps are sortable; mouse, touch and
 * keyboard, with announcements. Follows dnd-kit's MultipleContainers story: the order is cloned on
 * drag start and restored on cancel.
 */
export function StepSequence({ steps, views, triggerLabel, selectedKey, readOnly, onChange, onSelect, side }: StepSequenceProps) {
  const { t } = useTranslation();
  const [dragOrder, setDragOrder] = useState<string[] | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [keyboardDrag, setKeyboardDrag] = useState(false);
  const [liveMessage, setLiveMessage] = useState('');
  const savedOrder = useMemo(() => steps.map((step) => step.key), [steps]);
  const order = dragOrder ?? savedOrder;
  const orderRef = useRef(order);
  orderRef.current = order;
  const stepsRef = useRef(steps);
  stepsRef.current = steps;

  const kindLabel = useCallback((kind: StepKind) => t(`automations.kind.${kind}`), [t]);
  const nameOf = useCallback(
    (id: UniqueIdentifier) => {
      if (isPaletteId(id)) return kindLabel(kindOf(id));
      const index = stepsRef.current.findIndex((step) => step.key === String(id));
      const view = views[String(id)];
      return view ? t('automations.sequence.stepName', { position: index + 1, action: view.action }) : '';
    },
    [kindLabel, t, views],
  );
  const placeOf = (id: UniqueIdentifier) => {
    const current = orderRef.current;
    const at = current.indexOf(isPaletteId(id) ? PLACEHOLDER : String(id));
    return at === -1 ? null : { position: at + 1, count: current.length };
  };

  const coordinateGetter: KeyboardCoordinateGetter = useCallback((event, { context: { active, droppableRects, collisionRect } }) => {
    const direction = DIRECTIONS[event.code];
    if (!direction) return undefined;
    event.preventDefault();
    if (!active) return undefined;
    const move = keyboardMove(orderRef.current, String(active.id), direction);
    if (!move) return undefined;
    orderRef.current = move.order;
    setDragOrder(move.order);
    const place = move.order.indexOf(isPaletteId(active.id) ? PLACEHOLDER : String(active.id));
    setLiveMessage(
      place === -1
        ? t('automations.dnd.outside', { name: nameOf(active.id) })
        : t('automations.dnd.over', { name: nameOf(active.id), position: place + 1, count: move.order.length }),
    );
    const rect = move.target ? droppableRects.get(move.target) : undefined;
    if (rect) return { x: rect.left, y: rect.top };
    return { x: collisionRect?.left ?? 0, y: (collisionRect?.top ?? 0) + (direction === 'up' ? -1 : 1) };
  }, [nameOf, t]);

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter, keyboardCodes: KEYBOARD_CODES }),
  );

  /** Palette items land by pointer position (nothing while over the palette); steps sort by their centres. */
  const collisionDetection: CollisionDetection = useCallback((args) => {
    if (isPaletteId(args.active.id)) {
      const hits = pointerWithin(args);
      const specific = hits.filter((hit) => hit.id !== SEQUENCE);
      return specific.length > 0 ? specific : hits;
    }
    const keys = new Set(stepsRef.current.map((step) => step.key));
    return closestCenter({ ...args, droppableContainers: args.droppableContainers.filter((c) => keys.has(String(c.id))) });
  }, []);

  const announcements: Announcements = useMemo(
    () => ({
      onDragStart: ({ active }) => {
        const place = placeOf(active.id);
        return place
          ? t('automations.dnd.pickedUp', { name: nameOf(active.id), ...place })
          : t('automations.dnd.pickedUpPalette', { name: nameOf(active.id) });
      },
      onDragOver: ({ active, over }) => {
        if (keyboardDrag) return undefined;
        const place = over ? placeOf(active.id) : null;
        return place ? t('automations.dnd.over', { name: nameOf(active.id), ...place }) : t('automations.dnd.outside', { name: nameOf(active.id) });
      },
      onDragEnd: ({ active }) => {
        const place = placeOf(active.id);
        return place ? t('automations.dnd.dropped', { name: nameOf(active.id), ...place }) : t('automations.dnd.cancelled', { name: nameOf(active.id) });
      },
      onDragCancel: ({ active }) => t('automations.dnd.cancelled', { name: nameOf(active.id) }),
    }),
    // placeOf reads refs only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, nameOf, keyboardDrag],
  );

  const finish = () => {
    setDragOrder(null);
    setActiveId(null);
    setKeyboardDrag(false);
  };

  const onDragStart = ({ active, activatorEvent }: DragStartEvent) => {
    const keyboard = activatorEvent instanceof KeyboardEvent;
    setActiveId(String(active.id));
    setKeyboardDrag(keyboard);
    setLiveMessage('');
    const start = stepsRef.current.map((step) => step.key);
    // From the keyboard, a palette item enters at the end at once, so the arrows move a visible placeholder.
    const initial = keyboard && isPaletteId(active.id) ? [...start, PLACEHOLDER] : start;
    orderRef.current = initial;
    setDragOrder(initial);
  };

  const onDragOver = ({ active, over, activatorEvent }: DragOverEvent) => {
    if (activatorEvent instanceof KeyboardEvent || !isPaletteId(active.id)) return;
    const current = orderRef.current;
    if (!over) {
      if (current.includes(PLACEHOLDER)) setDragOrder(current.filter((id) => id !== PLACEHOLDER));
      return;
    }
    const translated = active.rect.current.translated;
    const below = !!translated && translated.top + translated.height / 2 > over.rect.top + over.rect.height / 2;
    const next = placeholderOrder(current, String(over.id), below);
    if (next.join() !== current.join()) {
      orderRef.current = next;
      setDragOrder(next);
    }
  };

  const onDragEnd = ({ active, over, activatorEvent }: DragEndEvent) => {
    const current = orderRef.current;
    const stepsByKey = new Map(stepsRef.current.map((step) => [step.key, step]));
    if (isPaletteId(active.id)) {
      const at = current.indexOf(PLACEHOLDER);
      finish();
      if (at === -1) return;
      const previous = at > 0 ? stepsByKey.get(current[at - 1]) : undefined;
      const step = newStep(kindOf(active.id), previous);
      const next = current.map((id) => (id === PLACEHOLDER ? step : stepsByKey.get(id)!));
      onChange(next, step.key);
      return;
    }
    let next = current;
    if (!(activatorEvent instanceof KeyboardEvent) && over && over.id !== active.id && stepsByKey.has(String(over.id))) {
      const from = current.indexOf(String(active.id));
      const to = current.indexOf(String(over.id));
      next = [...current];
      next.splice(to, 0, ...next.splice(from, 1));
    }
    finish();
    if (next.join() !== savedOrder.join()) onChange(next.map((id) => stepsByKey.get(id)!), String(active.id));
  };

  const append = (kind: StepKind) => {
    const step = newStep(kind, steps[steps.length - 1]);
    onChange([...steps, step], step.key);
    setLiveMessage(t('automations.dnd.added', { name: kindLabel(kind), position: steps.length + 1 }));
  };

  const remove = (key: string) => {
    const index = steps.findIndex((step) => step.key === key);
    const next = steps.filter((step) => step.key !== key);
    onChange(next, next[Math.min(index, next.length - 1)]?.key);
    setLiveMessage(t('automations.sequence.removed', { name: nameOf(key) }));
  };

  const activeView = activeId && !isPaletteId(activeId) ? views[activeId] : undefined;
  const stepKeys = order.filter((id) => id !== PLACEHOLDER);

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('automations.dnd.instructions') } }}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={finish}
    >
      <div className="automation-builder">
        <section className="automation-sequence" aria-labelledby="sequence-title">
          <h2 id="sequence-title" className="automation-section-title">
            {t('automations.sequence.title')}
          </h2>
          <div className="timeline-trigger">
            <span className="timeline-trigger__icon" aria-hidden="true">
              <FlagIcon />
            </span>
            <span>{triggerLabel}</span>
          </div>
          <SequenceList>
            <SortableContext items={stepKeys} strategy={keyboardDrag ? noShift : verticalListSortingStrategy}>
              <ol className="timeline" aria-label={t('automations.sequence.listLabel')}>
                {order.map((id) => {
                  if (id === PLACEHOLDER) {
                    return <Placeholder key={id} label={activeId && isPaletteId(activeId) ? kindLabel(kindOf(activeId)) : ''} />;
                  }
                  const view = views[id];
                  if (!view) return null;
                  return (
                    <SortableStep
                      key={id}
                      view={view}
                      position={order.indexOf(id) + 1}
                      selected={selectedKey === id}
                      readOnly={readOnly}
                      onSelect={() => onSelect(selectedKey === id ? null : id)}
                      onRemove={() => remove(id)}
                    />
                  );
                })}
              </ol>
            </SortableContext>
            <EndZone empty={order.length === 0} active={!!activeId && isPaletteId(activeId)} />
          </SequenceList>
        </section>
        <aside className="automation-side">
          <section className="palette" aria-labelledby="palette-title">
            <h2 id="palette-title" className="automation-section-title">
              {t('automations.palette.title')}
            </h2>
            <p className="palette__hint">{t('automations.palette.hint')}</p>
            <ul className="palette__list">
              {STEP_KINDS.map((kind) => (
                <PaletteItem key={kind} kind={kind} disabled={readOnly} onAdd={() => append(kind)} />
              ))}
            </ul>
          </section>
          {side}
        </aside>
      </div>
      <div className="visually-hidden" role="status" aria-live="assertive">
        {liveMessage}
      </div>
      {createPortal(
        <DragOverlay dropAnimation={null}>
          {activeId && isPaletteId(activeId) ? (
            <div className="palette-item__chip palette-item__chip--overlay">
              <StepIcon kind={kindOf(activeId)} />
              {kindLabel(kindOf(activeId))}
            </div>
          ) : activeView ? (
            <div className="timeline-step timeline-step--overlay">
              <StepCardBody view={activeView} />
            </div>
          ) : null}
        </DragOverlay>,
        document.body,
      )}
    </DndContext>
  );
}

/** The whole list is a droppable too, so a palette item over a gap between steps keeps its place. */
function SequenceList({ children }: { children: ReactNode }) {
  const { setNodeRef } = useDroppable({ id: SEQUENCE });
  return (
    <div ref={setNodeRef} className="timeline-wrap">
      {children}
    </div>
  );
}

function Placeholder({ label }: { label: string }) {
  const { t } = useTranslation();
  const { setNodeRef } = useDroppable({ id: PLACEHOLDER });
  return (
    <li ref={setNodeRef} className="timeline-placeholder" data-testid="drop-indicator">
      <span className="timeline-placeholder__label">{t('automations.sequence.dropHere', { name: label })}</span>
    </li>
  );
}

function EndZone({ empty, active }: { empty: boolean; active: boolean }) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: SEQUENCE_END });
  return (
    <div
      ref={setNodeRef}
      className={`timeline-end${empty ? ' timeline-end--empty' : ''}${active ? ' timeline-end--active' : ''}${isOver ? ' timeline-end--over' : ''}`}
    >
      {empty ? (
        <>
          <strong>{t('automations.sequence.emptyTitle')}</strong>
          <span>{t('automations.sequence.emptyBody')}</span>
        </>
      ) : (
        <span>{t('automations.sequence.end')}</span>
      )}
    </div>
  );
}

function StepCardBody({ view }: { view: StepView }) {
  const { t } = useTranslation();
  return (
    <span className="timeline-step__body">
      <span className="timeline-step__timing">{view.timing}</span>
      <span className="timeline-step__action">
        <StepIcon kind={view.step.kind} className="timeline-step__icon" />
        <span>
          {view.action}
          {': '}
          {view.template ? (
            <strong className="timeline-step__template">{view.template}</strong>
          ) : (
            <em className="timeline-step__template timeline-step__template--none">{t('automations.sequence.noTemplate')}</em>
          )}
        </span>
      </span>
    </span>
  );
}

interface SortableStepProps {
  view: StepView;
  position: number;
  selected: boolean;
  readOnly: boolean;
  onSelect: () => void;
  onRemove: () => void;
}

function SortableStep({ view, position, selected, readOnly, onSelect, onRemove }: SortableStepProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: view.step.key,
    disabled: readOnly,
  });
  const name = t('automations.sequence.stepName', { position, action: view.action });
  const invalid = view.problems.length > 0;
  const summary = `${view.timing} · ${view.action}: ${view.template ?? t('automations.sequence.noTemplate')}`;
  return (
    <li
      ref={setNodeRef}
      className={`timeline-step${selected ? ' timeline-step--selected' : ''}${invalid ? ' timeline-step--invalid' : ''}${isDragging ? ' timeline-step--dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-step-key={view.step.key}
    >
      <span className="timeline-step__dot" aria-hidden="true">
        {position}
      </span>
      <div className="timeline-step__card">
        {!readOnly && (
          <button
            type="button"
            ref={setActivatorNodeRef}
            className="drag-handle timeline-step__handle"
            {...attributes}
            {...listeners}
            aria-label={t('automations.sequence.drag', { name })}
          >
            <GripIcon />
          </button>
        )}
        <button
          type="button"
          className="timeline-step__main"
          aria-pressed={selected}
          aria-label={`${t('automations.sequence.stepLabel', { position })}: ${summary}`}
          onClick={onSelect}
        >
          <StepCardBody view={view} />
          {invalid && (
            <span className="timeline-step__problem-count">
              <AlertIcon />
              {t('automations.sequence.problemCount', { count: view.problems.length })}
            </span>
          )}
        </button>
        {!readOnly && (
          <button
            type="button"
            className="icon-button icon-button--small timeline-step__remove"
            aria-label={t('automations.sequence.remove', { name })}
            title={t('automations.sequence.removeShort')}
            onClick={onRemove}
          >
            <CloseIcon />
          </button>
        )}
      </div>
      {invalid && (
        <ul className="timeline-step__problems" aria-label={t('automations.sequence.problemsOf', { name })}>
          {view.problems.map((problem) => (
            <li key={problem.field}>{problem.message}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

function PaletteItem({ kind, disabled, onAdd }: { kind: StepKind; disabled: boolean; onAdd: () => void }) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: `${PALETTE_PREFIX}${kind}`, disabled });
  const label = t(`automations.kind.${kind}`);
  return (
    <li className={`palette-item palette-item--${kind.toLowerCase()}${isDragging ? ' palette-item--dragging' : ''}`}>
      <button
        type="button"
        ref={setNodeRef}
        className="palette-item__chip"
        {...attributes}
        {...listeners}
        disabled={disabled}
        aria-label={t('automations.palette.drag', { name: label })}
      >
        <GripIcon className="palette-item__grip" />
        <StepIcon kind={kind} />
        <span className="palette-item__text">
          <span className="palette-item__label">{label}</span>
          <span className="palette-item__description">{t(`automations.kindHint.${kind}`)}</span>
        </span>
      </button>
      <button
        type="button"
        className="button button--secondary button--small palette-item__add"
        aria-label={t('automations.palette.add', { name: label })}
        disabled={disabled}
        onClick={onAdd}
      >
        <PlusIcon />
        {t('automations.palette.addShort')}
      </button>
    </li>
  );
}
