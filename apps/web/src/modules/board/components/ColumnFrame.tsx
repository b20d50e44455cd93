import { forwardRef, type ReactNode } from 'react';
import { useTranslation } from '../../../app/i18n';
import { PlusIcon } from '../../../ui/icons';
import { formatMoney } from '../../cards/utils/format';
import type { ColumnMeta } from '../utils/boardState';

/** Estimated height of a card plus the gap under it; real heights are measured. */
export const CARD_ESTIMATE = 104;
export const CARD_GAP = 8;
/** Space above the first card and below the last inside a column's list. */
export const LIST_PADDING = 2;
/** A column's list is at least this tall (room to drop a card into an empty column). */
export const LIST_MIN_HEIGHT = 96;

interface ColumnFrameProps {
  column: ColumnMeta;
  index: number;
  /** How many cards the column has loaded. */
  loaded: number;
  over?: boolean;
  loadingMore?: boolean;
  onAdd: (statusId: string) => void;
  /** The list of cards (`role="list"`, labelled with the status). */
  children: ReactNode;
}

/** A board column around its list of cards: the header with its count, sums and +, and the scrolling area. */
export const ColumnFrame = forwardRef<HTMLDivElement, ColumnFrameProps>(function ColumnFrame(
  { column, index, loaded, over, loadingMore, onAdd, children },
  scrollRef,
) {
  const { t, i18n } = useTranslation();
  const { status } = column;
  const sums = column.sums.filter((sum) => sum.amount !== 0);
  const headingId = `column-${status.id}`;

  return (
    <section
      className={`board-column board-column--${status.kind.toLowerCase()}${over ? ' board-column--over' : ''}`}
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
        {children}
        {loaded === 0 && !column.hasMore && <p className="board-column__empty">{t('board.column.empty')}</p>}
        {loadingMore && (
          <p className="board-column__more" role="status">
            <span className="spinner spinner--small" aria-hidden="true" />
            {t('board.column.loadingMore')}
          </p>
        )}
      </div>
    </section>
  );
});
