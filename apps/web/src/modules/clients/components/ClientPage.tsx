import { useState } from 'react';
import { formatTaxId } from '@crm/shared';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../app/i18n';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { ClientsIcon, LockIcon } from '../../../ui/icons';
import { NextTodo } from '../../cards/components/NextTodo';
import { ClientCardTabs, PersonalDataMenu, useClientLive } from '../../client-card';
import { SendMailButton, SendMailDialog } from '../../mail';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { useDeleteRecord } from '../../client-card/hooks/useCardActions';
import { formatDate, formatMoney } from '../../cards/utils/format';
import { CLIENT_DETAIL_QUERY } from '../graphql/clients';
import { LoadError } from '../../../ui/LoadError';
import { EmptyState } from '../../../ui/EmptyState';
import { errorDetails } from '../../../app/errors';
import { usePhoneFormat } from '../../organisation/hooks/usePhoneFormat';

/** /clients/:clientId: the client's data and its cards (later issues add the tabs). */
export function ClientPage() {
  const { t, i18n } = useTranslation();
  const phone = usePhoneFormat();
  const { clientId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(CLIENT_DETAIL_QUERY, { variables: { id: clientId } });
  // Other people's and automations' changes to this client show without a reload.
  useClientLive(clientId);
  const language = i18n.resolvedLanguage;
  const navigate = useNavigate();
  const remover = useDeleteRecord();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [mailTo, setMailTo] = useState<string | null>(null);

  if (loading && !data) return <div className="page"><InlineLoading /></div>;
  const code = error ? errorDetails(error).code : null;
  if (!data && (code === 'NOT_FOUND' || code === 'FORBIDDEN')) {
    // A client in the trash, in another department or beyond a Restricted user's cards: one clean answer,
    // without telling which (nothing to retry).
    return (
      <div className="page">
        <EmptyState
          icon={<LockIcon />}
          title={t('access.clientUnavailable.title')}
          body={t('access.clientUnavailable.body')}
          action={
            <Link className="button button--secondary" to="/clients">
              {t('access.clientUnavailable.back')}
            </Link>
          }
        />
      </div>
    );
  }
  if (!data) {
    return (
      <div className="page">
        <LoadError title={t('clients.loadError')} error={error} onRetry={() => void refetch()} />
      </div>
    );
  }
  const client = data.client;
  const labels = (items: readonly { id: string; name: string }[]) =>
    items.length === 0 ? <span className="table__muted">—</span> : (
      <span className="chip-list">
        {items.map((item) => (
          <span key={item.id} className="chip">
            {item.name}
          </span>
        ))}
      </span>
    );
  // The client's address as a recipient: the contacts that have it (else the dialog picks the primary one).
  const contactsWith = (email: string) => {
    const ids = client.contacts.filter((c) => c.emails.some((e) => e.toLowerCase() === email.toLowerCase())).map((c) => c.id);
    return ids.length ? ids : undefined;
  };
  const facts: [string, React.ReactNode][] = [
    [t('clients.fields.type'), t(`clients.type.${client.type}`)],
    [t('clients.fields.owner'), client.owner?.name ?? t('board.card.noOwner')],
    [
      t('clients.fields.emails'),
      client.emails.length
        ? client.emails.map((email) =>
            // Mail goes through the CRM's send dialog, so it is recorded in History.
            client.cards.length ? (
              <button key={email} type="button" className="link-button" aria-label={t('card.contacts.mailTo', { email })} onClick={() => setMailTo(email)}>
                {email}
              </button>
            ) : (
              <span key={email}>{email}</span>
            ),
          )
        : '—',
    ],
    [t('clients.fields.phones'), client.phones.length ? client.phones.map((p) => <a key={p} href={phone.href(p)}>{phone.format(p)}</a>) : '—'],
    [t('clients.fields.address'), client.address || '—'],
    [t('clients.fields.taxId'), client.taxId ? formatTaxId(client.taxId) : '—'],
    [t('clients.fields.website'), client.website || '—'],
    [t('labels.kind.DEPARTMENT'), client.department?.name ?? '—'],
    [t('labels.kind.CLASSIFICATION'), client.classification?.name ?? '—'],
    [t('labels.kind.CATEGORY'), labels(client.categories)],
    [t('labels.kind.TAG'), labels(client.tags)],
    [t('clients.fields.createdAt'), formatDate(client.createdAt, language)],
  ];

  return (
    <div className="page client-page">
      <nav className="breadcrumb" aria-label={t('clients.breadcrumb')}>
        <Link to="/clients">{t('nav.clients')}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{client.name}</span>
      </nav>
      <header className="client-page__header">
        <span className="client-page__avatar" aria-hidden="true">
          <ClientsIcon />
        </span>
        <div>
          <h1 className="page-header__title">{client.name}</h1>
          <p className="page-header__description">{t(`clients.type.${client.type}`)}</p>
        </div>
        <PersonalDataMenu subject={client} onErased={() => navigate('/clients', { replace: true })} />
        <button type="button" className="button button--ghost button--ghost-danger button--small client-page__delete" onClick={() => setConfirmDelete(true)}>
          {t('card.client.delete')}
        </button>
      </header>
      {confirmDelete && (
        <ConfirmDialog
          title={t('card.client.deleteTitle', { name: client.name })}
          body={t('card.client.deleteBody', { count: client.cards.length })}
          confirmLabel={t('card.common.moveToTrash')}
          busy={remover.loading}
          error={remover.error}
          onClose={() => {
            remover.clearError();
            setConfirmDelete(false);
          }}
          onConfirm={() =>
            void remover.deleteClient(client.id).then((done) => {
              if (done) navigate('/clients', { replace: true });
            })
          }
        />
      )}
      {mailTo && client.cards[0] && (
        <SendMailDialog
          cardId={client.cards[0].id}
          clientId={client.id}
          contactIds={contactsWith(mailTo)}
          onClose={() => setMailTo(null)}
          onSent={() => setMailTo(null)}
        />
      )}
      <ClientCardTabs client={client} />
      <div className="client-page__grid">
        <section className="panel" aria-labelledby="client-data">
          <h2 id="client-data" className="panel__title">{t('clients.data')}</h2>
          <dl className="facts">
            {facts.map(([term, value]) => (
              <div key={term} className="facts__row">
                <dt>{term}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <div className="client-page__side">
          <section className="panel" aria-labelledby="client-cards">
            <h2 id="client-cards" className="panel__title">{t('clients.cards', { count: client.cards.length })}</h2>
            {client.cards.length === 0 ? (
              <p className="table__muted">{t('clients.noCards')}</p>
            ) : (
              <ul className="client-cards">
                {client.cards.map((card) => (
                  <li key={card.id} className="client-cards__item">
                    <div className="client-cards__top">
                      <Link to={`/board/${card.pipelineId}`} className="client-cards__pipeline">
                        {card.pipelineName}
                      </Link>
                      <span className="status-pill" style={{ ['--status-color' as string]: card.statusColor }}>
                        {card.statusName}
                      </span>
                      <SendMailButton cardId={card.id} clientId={client.id} />
                    </div>
                    <div className="client-cards__meta">
                      <span>{card.owner?.name ?? t('board.card.noOwner')}</span>
                      {card.value != null && <span>{formatMoney(card.value, card.currency, language)}</span>}
                    </div>
                    <NextTodo todo={card.nextTodo} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          {client.contacts.length > 0 && (
            <section className="panel" aria-labelledby="client-contacts">
              <h2 id="client-contacts" className="panel__title">{t('clients.contacts')}</h2>
              <ul className="contact-list">
                {client.contacts.map((contact) => (
                  <li key={contact.id}>
                    <span className="contact-list__name">{contact.name}</span>
                    {contact.title && <span className="table__secondary">{contact.title}</span>}
                    <span className="table__secondary">{[...contact.emails, ...contact.phones.map(phone.format)].join(' · ')}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      </div>
    </div>
  );
}
