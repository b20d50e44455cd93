import type { KeyboardEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import { useNavigate } from 'react-router-dom';
import type { BoardState } from '../utils/boardState';
import { BoardCardView, cardLabel, cardPath } from './BoardCard';
import { CARD_ESTIMATE, CARD_GAP, ColumnFrame, LIST_MIN_HEIGHT, LIST_PADDING } from './ColumnFrame';

/** Cards drawn per column before the board becomes interactive: more than a tall screen shows. */
const FIRST_CARDS = 12;

/**
 * The board's first paint: each column's first cards as plain elements, laid out where the
 * virtualised, draggable columns (Board) put them, which replace these once their code is here.
 * Cards open on click and Enter already.
 */
export function StaticBoard({ board, onAdd }: { board: BoardState; onAdd: (statusId: string) => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="board__columns">
      {board.order.map((statusId, index) => {
        const column = board.columns[statusId];
        const ids = board.items[statusId] ?? [];
        const estimate = LIST_PADDING * 2 + ids.length * (CARD_ESTIMATE + CARD_GAP) - CARD_GAP;
        return (
          <ColumnFrame key={statusId} column={column} index={index} loaded={ids.length} onAdd={onAdd}>
            <div
              role="list"
              aria-label={column.status.name}
              className="board-column__list board-column__list--static"
              style={{ minHeight: Math.max(estimate, LIST_MIN_HEIGHT) }}
            >
              {ids.slice(0, FIRST_CARDS).map((id, position) => {
                const card = board.cards[id];
                const open = () => navigate(cardPath(card));
                return (
                  <BoardCardView
                    key={id}
                    card={card}
                    role="listitem"
                    tabIndex={0}
                    data-card-id={id}
                    aria-label={cardLabel(card, t, i18n.resolvedLanguage)}
                    aria-posinset={position + 1}
                    aria-setsize={column.count}
                    onClick={open}
                    onKeyDown={(event: KeyboardEvent) => {
                      if (event.key !== 'Enter') return;
                      event.preventDefault();
                      open();
                    }}
                  />
                );
              })}
            </div>
          </ColumnFrame>
        );
      })}
    </div>
  );
}
