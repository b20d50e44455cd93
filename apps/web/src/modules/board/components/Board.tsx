import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from '../../../app/i18n';
import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { arrayMove } from '@dnd-kit/sortable';
import type { BoardCardFragment } from '../../../graphql/generated/graphql';
import { AlertIcon, CloseIcon } from '../../../ui/icons';
import type { useBoard } from '../hooks/useBoard';
import { withMessages } from '../../../app/i18n';
import { useMoveCard } from '../hooks/useCardMutations';
import { findContainer, moveTarget, shiftTotals, type BoardState, type Items } from '../utils/boardState';
import { boardKeyboardCoordinates } from '../utils/keyboardCoordinates';
import { BoardCardView } from './BoardCard';
import { BoardColumn } from './BoardColumn';

// The dialog, with its duplicate check, tax-id and company lookup, loads when it is first opened, not with the board.
const NewCardDialog = lazy(() => withMessages(import('./NewCardDialog')).then((m) => ({ default: m.NewCardDialog })));

type BoardData = ReturnType<typeof useBoard>;

const KEYBOARD_CODES = { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] };

interface BoardProps {
  data: BoardData;
  /** The column whose new card dialog is open (the + may have been pressed on the first paint). */
  addingTo: string | null;
  onAdd: (statusId: string | null) => void;
}

/**
 * The columns and the drag and drop between them (dnd-kit's MultipleContainers pattern): loaded
 * after the board's first paint (StaticBoard), which it replaces.
 */
export function Board({ data, addingTo, onAdd }: BoardProps) {
  const { t } = useTranslation();
  const { board, boardRef, setBoard, setItems, putCard, loadMore, loadingMore, pause, resume, pendingRef } = data;
  const { moveCard, error: moveError, clearError } = useMoveCard();
  const [activeId, setActiveId] = useState<string | null>(null);
  /** The board as it was when the drag started: restored on cancel or failure. */
  const snapshot = useRef<{ items: Items; columns: BoardState['columns'] } | null>(null);
  /** Where the dragged card came from and the column counts then (kept after the drop, for its announcement). */
  const dragStart = useRef<{ cardId: string; origin: string | null; columns: BoardState['columns'] } | null>(null);

  const coordinateGetter = useMemo(() => boardKeyboardCoordinates(() => boardRef.current), [boardRef]);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter, keyboardCodes: KEYBOARD_CODES }),
  );

  const items = board.items;
  const nameOf = useCallback((id: UniqueIdentifier) => boardRef.current.cards[String(id)]?.client.name ?? '', [boardRef]);
  const placeOf = useCallback(
    (id: UniqueIdentifier) => {
      const current = boardRef.current;
      const statusId = findContainer(current.items, String(id));
      if (!statusId) return null;
      const position = current.items[statusId].indexOf(String(id)) + 1;
      // The column's real count (the server's), not the cards loaded so far, as it was when the drag
      // started; a card brought in from another column counts too (the header follows only on drop).
      const start = dragStart.current?.cardId === String(id) ? dragStart.current : { origin: statusId, columns: current.columns };
      const total = (start.columns[statusId]?.count ?? current.items[statusId].length) + (start.origin !== statusId ? 1 : 0);
      return {
        status: current.columns[statusId]?.status.name ?? '',
        position,
        count: Math.max(total, position),
      };
    },
    [boardRef],
  );

  const announcements: Announcements = useMemo(
    () => ({
      onDragStart: ({ active }) => {
        const place = placeOf(active.id);
        return t('board.dnd.pickedUp', { name: nameOf(active.id), ...place });
      },
      onDragOver: ({ active, over }) => {
        const place = over ? placeOf(active.id) : null;
        return place
          ? t('board.dnd.over', { name: nameOf(active.id), ...place })
          : t('board.dnd.outside', { name: nameOf(active.id) });
      },
      onDragEnd: ({ active, over }) => {
        const place = over ? placeOf(active.id) : null;
        return place
          ? t('board.dnd.dropped', { name: nameOf(active.id), ...place })
          : t('board.dnd.cancelled', { name: nameOf(active.id) });
      },
      onDragCancel: ({ active }) => t('board.dnd.cancelled', { name: nameOf(active.id) }),
    }),
    [t, nameOf, placeOf],
  );

  const finish = () => {
    setActiveId(null);
    resume();
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    clearError();
    setActiveId(String(active.id));
    pause();
    snapshot.current = { items: boardRef.current.items, columns: boardRef.current.columns };
    dragStart.current = { cardId: String(active.id), origin: findContainer(boardRef.current.items, String(active.id)) ?? null, columns: boardRef.current.columns };
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (!over) return;
    const activeKey = String(active.id);
    const overKey = String(over.id);
    setItems((current) => {
      const from = findContainer(current, activeKey);
      const to = findContainer(current, overKey);
      if (!from || !to || from === to) return current;
      const overItems = current[to];
      const overIndex = overItems.indexOf(overKey);
      let index: number;
      if (overKey in current) {
        index = overItems.length;
      } else {
        const translated = active.rect.current.translated;
        const below = translated && translated.top > over.rect.top + over.rect.height / 2;
        index = overIndex >= 0 ? overIndex + (below ? 1 : 0) : overItems.length;
      }
      return {
        ...current,
        [from]: current[from].filter((id) => id !== activeKey),
        [to]: [...overItems.slice(0, index), activeKey, ...overItems.slice(index)],
      };
    });
  };

  const onDragCancel = () => {
    if (snapshot.current) {
      const { items: saved } = snapshot.current;
      setItems(() => saved);
    }
    snapshot.current = null;
    finish();
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const cardId = String(active.id);
    const before = snapshot.current;
    snapshot.current = null;
    const current = boardRef.current;
    const container = findContainer(current.items, cardId);
    if (!over || !container || !before) {
      if (before) setItems(() => before.items);
      finish();
      return;
    }
    let nextItems = current.items;
    const overKey = String(over.id);
    const overContainer = findContainer(nextItems, overKey);
    if (overContainer === container && !(overKey in nextItems)) {
      const from = nextItems[container].indexOf(cardId);
      const to = nextItems[container].indexOf(overKey);
      if (from !== to) nextItems = { ...nextItems, [container]: arrayMove(nextItems[container], from, to) };
    }
    const originalStatus = findContainer(before.items, cardId);
    const unchanged =
      originalStatus === container && before.items[container].indexOf(cardId) === nextItems[container].indexOf(cardId);
    const card = current.cards[cardId];
    if (unchanged || !card || !originalStatus) {
      setItems(() => before.items);
      finish();
      return;
    }
    const target = moveTarget(nextItems, cardId)!;
    setBoard((state) => ({
      ...state,
      items: nextItems,
      columns: shiftTotals({ ...state, columns: before.columns }, card, originalStatus, target.statusId),
      cards: { ...state.cards, [cardId]: { ...card, statusId: target.statusId } },
    }));
    finish();
    void save(card, target, before);
  };

  const save = async (card: BoardCardFragment, target: ReturnType<typeof moveTarget> & object, before: NonNullable<typeof snapshot.current>) => {
    pendingRef.current.add(card.id);
    const saved = await moveCard({ cardId: card.id, ...target });
    pendingRef.current.delete(card.id);
    if (saved) {
      putCard(saved);
      return;
    }
    // The API refused or could not be reached: the card snaps back.
    setBoard((state) => ({
      ...state,
      items: before.items,
      columns: before.columns,
      cards: { ...state.cards, [card.id]: card },
    }));
  };

  const activeCard = activeId ? board.cards[activeId] : undefined;

  return (
    <>
      {moveError && (
        <div className="alert alert--danger board__alert" role="alert">
          <AlertIcon />
          <span>{t('board.moveFailed', { message: moveError.message })}</span>
          <button type="button" className="icon-button icon-button--small" aria-label={t('board.dismiss')} onClick={clearError}>
            <CloseIcon />
          </button>
        </div>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCorners}
        measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('board.dnd.instructions') } }}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={onDragCancel}
      >
        <div className="board__columns">
          {board.order.map((statusId, index) => (
            <BoardColumn
              key={statusId}
              index={index}
              column={board.columns[statusId]}
              ids={items[statusId] ?? []}
              cards={board.cards}
              activeId={activeId}
              loadingMore={loadingMore.has(statusId)}
              onLoadMore={loadMore}
              onAdd={onAdd}
            />
          ))}
        </div>
        {createPortal(
          <DragOverlay>{activeCard ? <BoardCardView card={activeCard} overlay /> : null}</DragOverlay>,
          document.body,
        )}
      </DndContext>
      {addingTo && board.columns[addingTo] && (
        <Suspense fallback={null}>
          <NewCardDialog
            status={board.columns[addingTo].status}
            onClose={() => onAdd(null)}
            onCreated={(card) => {
              onAdd(null);
              setBoard((state) => {
                if (state.cards[card.id]) return state;
                const column = state.columns[card.statusId];
                return {
                  ...state,
                  cards: { ...state.cards, [card.id]: card },
                  items: { ...state.items, [card.statusId]: [card.id, ...(state.items[card.statusId] ?? [])] },
                  columns: column ? shiftTotals(state, card, '', card.statusId) : state.columns,
                };
              });
            }}
          />
        </Suspense>
      )}
    </>
  );
}
