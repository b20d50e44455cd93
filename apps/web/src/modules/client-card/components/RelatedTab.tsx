import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from '../../../app/i18n';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { NextTodo } from '../../cards/components/NextTodo';
import { formatMoney } from '../../cards/utils/format';
import { usePipelines } from '../../pipelines/hooks/usePipelines';
import { useAddClientToPipeline } from '../hooks/useCardActions';
import { cardTabPath, type CardPageClient } from './types';

/** "Add to pipeline": a card for this client in a pipeline where it has none, in the chosen status. */
function AddToPipeline({ client }: { client: CardPageClient }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pipelines } = usePipelines();
  const { add, loading, error } = useAddClientToPipeline();
  const free = pipelines.filter((p) => !client.cards.some((c) => c.pipelineId === p.id));
  const [pipelineId, setPipelineId] = useState('');
  const [statusId, setStatusId] = useState('');
  const pipeline = free.find((p) => p.id === pipelineId) ?? free[0];
  const statuses = (pipeline?.statuses ?? []).filter((s) => !s.archivedAt);
  const status = statuses.find((s) => s.id === statusId) ?? statuses[0];
  if (!pipeline) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!status) return;
    const card = await add({ clientId: client.id, statusId: status.id });
    if (card) navigate(cardTabPath(client.id, 'todos', card.pipelineId));
  };

  return (
    <form className="related-add" aria-label={t('card.related.addLabel')} onSubmit={submit}>
      <h3 className="related-add__title">{t('card.related.addTitle')}</h3>
      <div className="related-add__row">
        <label className="inline-field">
          <span className="inline-field__label">{t('card.related.pipeline')}</span>
          <select
            className="select select--compact"
            value={pipeline.id}
            onChange={(e) => {
              setPipelineId(e.target.value);
              setStatusId('');
            }}
          >
            {free.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span className="inline-field__label">{t('card.related.status')}</span>
          <select className="select select--compact" value={status?.id ?? ''} onChange={(e) => setStatusId(e.target.value)}>
            {statuses.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--primary button--small" disabled={loading || !status}>
          {t('card.related.add')}
        </button>
      </div>
      <ErrorAlert error={error} />
    </form>
  );
}

/** The same client's cards in the other pipelines, each one click away; and a way into another pipeline. */
export function RelatedTab({ client, currentCardId }: { client: CardPageClient; currentCardId: string | null }) {
  const { t, i18n } = useTranslation();
  const others = client.cards.filter((card) => card.id !== currentCardId);
  return (
    <section className="card-section" aria-labelledby="related-heading">
      <div className="card-section__header">
        <h2 id="related-heading" className="card-section__title">
          {t('card.related.heading')}
        </h2>
      </div>
      {others.length === 0 ? (
        <EmptyState title={t('card.related.empty')} body={t('card.related.emptyBody')} />
      ) : (
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
      )}
      <AddToPipeline client={client} />
    </section>
  );
}
