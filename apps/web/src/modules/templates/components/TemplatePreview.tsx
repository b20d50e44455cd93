import { useEffect, useId, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../app/i18n';
import { describeError } from '../../../app/errors';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { AlertIcon, SearchIcon } from '../../../ui/icons';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';
import { MailFrame } from '../../mail/components/MailFrame';
import { MissingValues } from '../../mail/components/MissingValues';
import { SEND_MAIL_CONTEXT_QUERY } from '../../mail/graphql/mail';
import { useMailPreview } from '../../mail/hooks/useMailPreview';
import { TEMPLATE_PREVIEW_CARDS_QUERY } from '../graphql/templates';

interface TemplatePreviewProps {
  pipelineId: string;
  subject: string;
  body: string;
}

interface PreviewCard {
  id: string;
  clientId: string;
  name: string;
}

/** The unsaved template rendered by the API for a card of the pipeline and one of its contacts. */
export function TemplatePreview({ pipelineId, subject, body }: TemplatePreviewProps) {
  const { t } = useTranslation();
  const id = useId();
  const [search, setSearch] = useState('');
  const text = useDebouncedValue(search.trim(), 300);
  const [card, setCard] = useState<PreviewCard | null>(null);
  const [picking, setPicking] = useState(false);
  const cards = useQuery(TEMPLATE_PREVIEW_CARDS_QUERY, { variables: { pipelineId, text: text || null } });
  const results = cards.data?.cards.items ?? [];

  // Start with the pipeline's first card, so the preview shows something right away.
  useEffect(() => {
    if (!card && !text && results[0]) setCard({ id: results[0].id, clientId: results[0].client.id, name: results[0].client.name });
  }, [card, text, results]);

  const context = useQuery(SEND_MAIL_CONTEXT_QUERY, {
    variables: { cardId: card?.id ?? '', clientId: card?.clientId ?? '' },
    skip: !card,
  });
  const contacts = context.data?.contacts ?? [];
  const [contactId, setContactId] = useState<string | null>(null);
  const contact = contacts.find((c) => c.id === contactId) ?? contacts.find((c) => c.isPrimary) ?? contacts[0];
  const { preview, loading, error } = useMailPreview({ cardId: card?.id, contactId: contact?.id, subject, body });
  const problems = error ? describeError(error, t) : null;

  return (
    <section className="template-preview panel" aria-labelledby={`${id}-title`} aria-busy={loading}>
      <div className="panel__header">
        <h2 id={`${id}-title`} className="panel__title">
          {t('templates.preview.title')}
        </h2>
        {loading && card && <span className="spinner spinner--small" aria-hidden="true" />}
      </div>
      <div className="template-preview__controls">
        {card && !picking ? (
          <p className="template-preview__card">
            <span className="field__label">{t('templates.preview.card')}</span>
            <strong>{card.name}</strong>
            <button type="button" className="link-button" onClick={() => setPicking(true)}>
              {t('templates.preview.changeCard')}
            </button>
          </p>
        ) : (
          <div className="template-preview__search">
            <label className="search-input">
              <SearchIcon />
              <span className="visually-hidden">{t('templates.preview.searchCards')}</span>
              <input
                className="input input--compact"
                type="search"
                placeholder={t('templates.preview.searchCards')}
                value={search}
                autoFocus={picking}
                onChange={(event) => setSearch(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Escape' && card) {
                    event.stopPropagation();
                    setPicking(false);
                  }
                }}
              />
            </label>
            {cards.loading && !cards.data ? (
              <InlineLoading />
            ) : results.length === 0 ? (
              <p className="field__hint">{text ? t('templates.preview.noCardsMatch') : t('templates.preview.noCards')}</p>
            ) : (
              <ul className="template-preview__results" aria-label={t('templates.preview.results')}>
                {results.map((item) => (
                  <li key={item.id}>
                    <button
                      type="button"
                      className={`list-button${item.id === card?.id ? ' list-button--active' : ''}`}
                      aria-current={item.id === card?.id ? 'true' : undefined}
                      onClick={() => {
                        setCard({ id: item.id, clientId: item.client.id, name: item.client.name });
                        setContactId(null);
                        setPicking(false);
                      }}
                    >
                      {item.client.name}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {card && (
          <label className="inline-field">
            <span className="inline-field__label">{t('templates.preview.contact')}</span>
            <select className="select select--compact" value={contact?.id ?? ''} onChange={(event) => setContactId(event.target.value || null)}>
              {contacts.length === 0 && <option value="">{t('templates.preview.noContact')}</option>}
              {contacts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.emails[0] ? `${c.name} <${c.emails[0]}>` : c.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {!card ? null : problems ? (
        <div className="alert alert--danger" role="alert">
          <AlertIcon />
          <div>
            <p className="alert__title">{t('templates.preview.problems')}</p>
            {Object.keys(problems.fields).length > 0 ? (
              <ul className="mail-missing">
                {Object.entries(problems.fields).map(([field, message]) => (
                  <li key={field}>
                    {t(`templates.fields.${field}`, { defaultValue: field })}: {message}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{problems.message}</p>
            )}
          </div>
        </div>
      ) : preview ? (
        <div className="template-preview__result">
          <MissingValues missing={preview.missing} />
          <p className="mail-preview__subject">
            <span className="mail-preview__label">{t('mail.preview.subject')}</span> {preview.subject || '—'}
          </p>
          <MailFrame html={preview.html} title={t('mail.preview.frameTitle')} />
        </div>
      ) : (
        <InlineLoading />
      )}
    </section>
  );
}
