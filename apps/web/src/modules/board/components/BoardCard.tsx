import { forwardRef, type CSSProperties, type HTMLAttributes } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { TFunction } from '../../../app/i18n';
import type { BoardCardFragment } from '../../../graphql/generated/graphql';
import { NextTodo } from '../../cards/components/NextTodo';
import { describeDeadline, formatMoney } from '../../cards/utils/format';
import { initials } from '../../../ui/initials';

/** Where a card opens: its client's page, in the card's pipeline. */
export const cardPath = (card: BoardCardFragment) => `/clients/${card.client.id}?pipeline=${card.pipelineId}`;

/** The card's accessible name: the client first, then what the card shows. */
export function cardLabel(card: BoardCardFragment, t: TFunction, language: string | undefined): string {
  const parts = [card.client.name];
  parts.push(card.owner ? t('board.card.owner', { name: card.owner.name }) : t('board.card.noOwner'));
  if (card.value != null) parts.push(formatMoney(card.value, card.currency, language));
  if (card.nextTodo) {
    const deadline = describeDeadline(card.nextTodo.deadline, language);
    parts.push(
      t(`board.card.todo_${deadline.tone}`, { title: card.nextTodo.title, deadline: deadline.text }),
    );
  }
  return parts.join(', ');
}

interface BoardCardViewProps extends HTMLAttributes<HTMLDivElement> {
  card: BoardCardFragment;
  dragging?: boolean;
  overlay?: boolean;
  style?: CSSProperties;
}

/** What a card looks like; the sortable wrapper and the drag overlay both render it. */
export const BoardCardView = forwardRef<HTMLDivElement, BoardCardViewProps>(function BoardCardView(
  { card, dragging, overlay, className, ...rest },
  ref,
) {
  const { t, i18n } = useTranslation();
  const classes = ['board-card'];
  if (dragging) classes.push('board-card--placeholder');
  if (overlay) classes.push('board-card--overlay');
  if (className) classes.push(className);
  return (
    <div ref={ref} className={classes.join(' ')} {...rest}>
      <div className="board-card__top">
        <span className="board-card__name">{card.client.name}</span>
        {card.value != null && (
          <span className="board-card__value">{formatMoney(card.value, card.currency, i18n.resolvedLanguage)}</span>
        )}
      </div>
      {card.nextTodo && (
        <div className="board-card__todo">
          <NextTodo todo={card.nextTodo} variant="compact" />
        </div>
      )}
      <div className="board-card__footer">
        {card.owner ? (
          <span className="board-card__owner">
            <span className="avatar avatar--small" aria-hidden="true">
              {initials(card.owner.name)}
            </span>
            <span className="board-card__owner-name">{card.owner.name}</span>
          </span>
        ) : (
          <span className="board-card__owner board-card__owner--none">{t('board.card.noOwner')}</span>
        )}
        <span className="board-card__type">{t(`clients.type.${card.client.type}`)}</span>
      </div>
    </div>
  );
});
