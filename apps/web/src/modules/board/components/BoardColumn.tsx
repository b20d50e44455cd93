import { memo, useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import { useNavigate } from 'react-router-dom';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { BoardCardFragment } from '../../../graphql/generated/graphql';
import type { ColumnMeta } from '../utils/boardState';
import { BoardCardView, cardLabel, cardPath } from './BoardCard';
import { CARD_ESTIMATE, CARD_GAP, ColumnFrame, LIST_MIN_HEIGHT, LIST_PADDING } from './ColumnFrame';

/** Load the next page when the last rendered card is this close to the end. */
const LOAD_AHEAD = 10;

interface SortableCardProps {
  card: BoardCardFragment;
  index: number;
  setSize: number;
  start: number;
  measure: (node: Element | null) => void;
}

const SortableCard = memo(function SortableCard({ card, index, setSize, start, measure }: SortableCardProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: card.id,
    data: { type: 'card' },
    attributes: { role: 'listitem', roleDescription: t('board.dnd.roleDescription') },
  });
  const ref = useCallback(
    (node: HTMLDivElement | null) => {
      setNodeRef(node);
      measure(node);
    },
    [setNodeRef, measure],
  );
  const open = () => navigate(cardPath(card));
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && !isDragging) {
      event.preventDefault();
      open();
      return;
    }
    listeners?.onKeyDown?.(event);
  };
  return (
    <BoardCardView
      ref={ref}
      card={card}
      dragging={isDragging}
      data-index={index}
      data-card-id={card.id}
      {...attributes}
      {...listeners}
      onKeyDown={onKeyDown}
      onClick={open}
      aria-label={cardLabel(card, t, i18n.resolvedLanguage)}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      style={{
        position: 'absolute',
        top: start,
        left: 0,
        right: 0,
        transform: CSS.Translate.toString(transform),
        transition,
      }}
    />
  );
});

interface BoardColumnProps {
  column: ColumnMeta;
  index: number;
  ids: string[];
  cards: Record<string, BoardCardFragment>;
  activeId: string | null;
  loadingMore: boolean;
  onLoadMore: (statusId: string) => void;
  onAdd: (statusId: string) => void;
}

/** A column whose cards can be dragged, rendered as they scroll into view. */
export function BoardColumn({ column, index, ids, cards, activeId, loadingMore, onLoadMore, onAdd }: BoardColumnProps) {
  const { status } = column;
  const scrollRef = useRef<HTMLDivElement>(null);
  const { setNodeRef, isOver } = useDroppable({ id: status.id, data: { type: 'column' } });
  const activeIndex = activeId ? ids.indexOf(activeId) : -1;

  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_ESTIMATE,
    gap: CARD_GAP,
    overscan: 6,
    getItemKey: (i) => ids[i] ?? i,
    paddingStart: LIST_PADDING,
    paddingEnd: LIST_PADDING,
    // The dragged card stays mounted even when scrolled out of sight, so dnd-kit keeps its node.
    rangeExtractor: useCallback(
      (range: Range) => {
        const indexes = defaultRangeExtractor(range);
        if (activeIndex >= 0 && !indexes.includes(activeIndex)) indexes.push(activeIndex);
        return indexes;
      },
      [activeIndex],
    ),
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.length > 0 ? virtualItems[virtualItems.length - 1].index : -1;

  useEffect(() => {
    if (column.hasMore && !loadingMore && lastIndex >= ids.length - LOAD_AHEAD) onLoadMore(status.id);
  }, [column.hasMore, loadingMore, lastIndex, ids.length, onLoadMore, status.id]);

  const measure = useCallback(
    (node: Element | null) => {
      if (node) virtualizer.measureElement(node);
    },
    [virtualizer],
  );

  return (
    <ColumnFrame ref={scrollRef} column={column} index={index} loaded={ids.length} over={isOver} loadingMore={loadingMore} onAdd={onAdd}>
      <SortableContext id={status.id} items={ids} strategy={verticalListSortingStrategy}>
        <div
          ref={setNodeRef}
          role="list"
          aria-label={status.name}
          className="board-column__list"
          style={{ height: Math.max(virtualizer.getTotalSize(), LIST_MIN_HEIGHT) }}
        >
          {virtualItems.map((item) => {
            const card = cards[ids[item.index]];
            if (!card) return null;
            return (
              <SortableCard
                key={card.id}
                card={card}
                index={item.index}
                setSize={column.count}
                start={item.start}
                measure={measure}
              />
            );
          })}
        </div>
      </SortableContext>
    </ColumnFrame>
  );
}
