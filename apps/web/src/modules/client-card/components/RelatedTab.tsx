import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../ui/EmptyState';
import { NextTodo } from '../../cards/components/NextTodo';
import { formatMoney } from '../../cards/utils/format';
import { cardTabPath, type CardPageClient } from './types';

/** The same client's cards in the other pipelines, each one click away. */
export function RelatedTab({ client, currentCardId }: { client: CardPageClient; currentCardId: string | null }) {
  const { t, i18n } = useTranslation();
  const others = client.cards.filter((card) => card.id !== currentCardId);
  if (others.length === 0) return <EmptyState title={t('card.related.empty')} body={t('card.related.emptyBody')} />;
  return (
    <section className="card-section" aria-labelledby="related-heading">
      <div className="card-section__header">
        <h2 id="related-heading" className="card-section__title">
          {t('card.related.heading')}
        </h2>
      </div>
      <ul className="related-list">
        {others.map((card) => (
          <li key={card.id} className="related-card">
            <Link className="related-card__link" to={cardTabPath(client.id, 'todos', card.pipelineId)}>
              {card.pipelineName}
            </Link>
            <span className="status-pill" style={{ ['--status-color' as string]: card.statusColor }}>
              {card.statusName}
            </span>
            <span className="related-card__owner">{card.owner?.name ?? t('board.card.noOwner')}</span>
            {card.value != null && <span className="related-card__value">{formatMoney(card.value, card.currency, i18n.resolvedLanguage)}</span>}
            <NextTodo todo={card.nextTodo} />
          </li>
        ))}
      </ul>
    </section>
  );
}
