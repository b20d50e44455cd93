import { memo, useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { BoardCardFragment } from '../../../graphql/generated/graphql';
import { PlusIcon } from '../../../ui/icons';
import { formatMoney } from '../../cards/utils/format';
import type { ColumnMeta } from '../utils/boardState';
import { BoardCardView, cardLabel } from './BoardCard';

/** Estimated height of a card plus the gap under it; real heights are measured. */
const CARD_ESTIMATE = 104;
const CARD_GAP = 8;
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
  const open = () => navigate(`/clients/${card.client.id}?pipeline=${card.pipelineId}`);
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

export function BoardColumn({ column, index, ids, cards, activeId, loadingMore, onLoadMore, onAdd }: BoardColumnProps) {
  const { t, i18n } = useTranslation();
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
    paddingStart: 2,
    paddingEnd: 2,
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

  const sums = column.sums.filter((sum) => sum.amount !== 0);
  const headingId = `column-${status.id}`;

  return (
    <section
      className={`board-column board-column--${status.kind.toLowerCase()}${isOver ? ' board-column--over' : ''}`}
      aria-labelledby={headingId}
      data-column-index={index}
      style={{ ['--status-color' as string]: status.color }}
    >
      <header className="board-column__header">
        <div className="board-column__title-row">
          <span className="board-column__dot" aria-hidden="true" />
          <h2 id={headingId} className="board-column__title">
            {status.name}
          </h2>
          <span className="board-column__count" aria-label={t('board.column.count', { count: column.count })}>
            {column.count.toLocaleString(i18n.resolvedLanguage)}
          </span>
          <button
            type="button"
            className="icon-button icon-button--small board-column__add"
            aria-label={t('board.column.add', { status: status.name })}
            title={t('board.column.add', { status: status.name })}
            onClick={() => onAdd(status.id)}
          >
            <PlusIcon />
          </button>
        </div>
        <p className="board-column__sums">
          {sums.length === 0 ? (
            <span className="board-column__sums--none">{t('board.column.noValue')}</span>
          ) : (
            sums.map((sum) => (
              <span key={sum.currency} title={formatMoney(sum.amount, sum.currency, i18n.resolvedLanguage)}>
                {formatMoney(sum.amount, sum.currency, i18n.resolvedLanguage, true)}
              </span>
            ))
          )}
        </p>
      </header>
      <div ref={scrollRef} className="board-column__scroll">
        <SortableContext id={status.id} items={ids} strategy={verticalListSortingStrategy}>
          <div
            ref={setNodeRef}
            role="list"
            aria-label={status.name}
            className="board-column__list"
            style={{ height: Math.max(virtualizer.getTotalSize(), 96) }}
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
        {ids.length === 0 && !column.hasMore && (
          <p className="board-column__empty">{t('board.column.empty')}</p>
        )}
        {loadingMore && (
          <p className="board-column__more" role="status">
            <span className="spinner spinner--small" aria-hidden="true" />
            {t('board.column.loadingMore')}
          </p>
        )}
      </div>
    </section>
  );
}
