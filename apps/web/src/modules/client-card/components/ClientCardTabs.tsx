import type { KeyboardEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from '../../../app/i18n';
import { EmptyState } from '../../../ui/EmptyState';
import { CompassIcon } from '../../../ui/icons';
import { CardControls } from './CardControls';
import { ContactsTab } from './ContactsTab';
import { DealsTab } from './DealsTab';
import { DocumentsTab } from './DocumentsTab';
import { FieldsTab } from './FieldsTab';
import { LabelsTab } from './LabelsTab';
import { NotesTab } from './NotesTab';
import { RelatedTab } from './RelatedTab';
import { TodosTab } from './TodosTab';
import { CARD_TABS, cardTabPath, isCardTab, type CardPageClient, type CardTab } from './types';

/** Tabs that work on one card (the others work on the client). */
const CARD_ONLY: ReadonlySet<CardTab> = new Set(['todos', 'documents', 'notes']);

/**
 * The record page's working area under the client header: a switch between the client's cards
 * (one per pipeline, `?pipeline=`) and the tabs, each its own URL (`/clients/:id/:tab`).
 */
export function ClientCardTabs({ client }: { client: CardPageClient }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab: tabParam } = useParams();
  const [params] = useSearchParams();
  const tab: CardTab | null = tabParam === undefined ? 'todos' : isCardTab(tabParam) ? tabParam : null;
  const wanted = params.get('pipeline');
  const card = client.cards.find((c) => c.pipelineId === wanted) ?? client.cards[0] ?? null;
  const pipelineId = card?.pipelineId ?? null;

  const onTabKey = (event: KeyboardEvent<HTMLAnchorElement>, current: CardTab) => {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const next = CARD_TABS[(CARD_TABS.indexOf(current) + delta + CARD_TABS.length) % CARD_TABS.length];
    navigate(cardTabPath(client.id, next, pipelineId), { replace: true });
    requestAnimationFrame(() => document.getElementById(`card-tab-${next}`)?.focus());
  };

  let panel;
  if (!tab) {
    panel = <EmptyState icon={<CompassIcon />} title={t('card.tabs.unknown')} action={<Link to={cardTabPath(client.id, 'todos', pipelineId)}>{t('card.tabs.backToTodos')}</Link>} />;
  } else if (!card && CARD_ONLY.has(tab)) {
    panel = <EmptyState title={t('card.tabs.noCard')} body={t('card.tabs.noCardBody')} />;
  } else {
    switch (tab) {
      case 'todos':
        panel = <TodosTab key={card!.id} cardId={card!.id} pipelineId={card!.pipelineId} ownerId={card!.owner?.id} />;
        break;
      case 'contacts':
        panel = <ContactsTab clientId={client.id} cardId={card?.id ?? null} />;
        break;
      case 'fields':
        panel = <FieldsTab client={client} card={card} />;
        break;
      case 'labels':
        panel = <LabelsTab client={client} />;
        break;
      case 'documents':
        panel = <DocumentsTab key={card!.pipelineId} clientId={client.id} pipelineId={card!.pipelineId} />;
        break;
      case 'notes':
        panel = <NotesTab key={card!.id} cardId={card!.id} />;
        break;
      case 'deals':
        panel = <DealsTab clientId={client.id} cardId={card?.id ?? null} />;
        break;
      case 'related':
        panel = <RelatedTab client={client} currentCardId={card?.id ?? null} />;
        break;
    }
  }

  return (
    <section className="card-tabs" aria-label={t('card.tabs.region')}>
      {client.cards.length > 1 && (
        <div className="pipeline-switch" role="group" aria-label={t('card.tabs.pipelineSwitch')}>
          {client.cards.map((c) => (
            <Link
              key={c.id}
              to={cardTabPath(client.id, tab ?? 'todos', c.pipelineId)}
              className={`pipeline-switch__item${c.id === card?.id ? ' pipeline-switch__item--active' : ''}`}
              aria-current={c.id === card?.id ? 'true' : undefined}
            >
              <span className="pipeline-switch__name">{c.pipelineName}</span>
              <span className="status-pill" style={{ ['--status-color' as string]: c.statusColor }}>
                {c.statusName}
              </span>
            </Link>
          ))}
        </div>
      )}
      {card && <CardControls card={card} clientName={client.name} />}
      <nav className="card-tabs__nav" aria-label={t('card.tabs.label')}>
        <ul>
          {CARD_TABS.map((name) => (
            <li key={name}>
              <Link
                id={`card-tab-${name}`}
                to={cardTabPath(client.id, name, pipelineId)}
                className={`card-tab${name === tab ? ' card-tab--active' : ''}`}
                aria-current={name === tab ? 'page' : undefined}
                onKeyDown={(event) => onTabKey(event, name)}
              >
                {t(`card.tabs.${name}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="card-tabs__panel">{panel}</div>
    </section>
  );
}
