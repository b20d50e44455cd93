import { ConsentDialog } from '../../campaigns/components/ConsentDialog';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { ContactFieldsFragment, ContactInput } from '../../../graphql/generated/graphql';
import type { AppError } from '../../../app/errors';
import { Dialog } from '../../../ui/Dialog';
import { EmptyState } from '../../../ui/EmptyState';
import { Field } from '../../../ui/Field';
import { initials } from '../../../ui/initials';
import { useContactMutations, useContacts } from '../hooks/useContacts';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { PersonalDataMenu } from './PersonalDataMenu';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { TabState } from '../../../ui/TabState';
import { SendMailDialog } from '../../mail';
import { usePhoneFormat } from '../../organisation/hooks/usePhoneFormat';

const splitList = (value: string) =>
  value
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

function ContactDialog({
  contact,
  onSubmit,
  onClose,
  busy,
  error,
}: {
  contact?: ContactFieldsFragment;
  onSubmit: (input: ContactInput) => void;
  onClose: () => void;
  busy: boolean;
  error: AppError | null;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(contact?.name ?? '');
  const [title, setTitle] = useState(contact?.title ?? '');
  const [emails, setEmails] = useState(contact?.emails.join(', ') ?? '');
  const [phones, setPhones] = useState(contact?.phones.join(', ') ?? '');
  const [nameError, setNameError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t('card.contacts.validation.name'));
      return;
    }
    onSubmit({ name: name.trim(), title: title.trim() || null, emails: splitList(emails), phones: splitList(phones) });
  };
  return (
    <Dialog title={contact ? t('card.contacts.editTitle', { name: contact.name }) : t('card.contacts.addTitle')} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <Field label={t('card.contacts.name')} error={nameError ?? error?.fields.name}>
          <input className="input" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t('card.contacts.role')} error={error?.fields.title}>
          <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Field label={t('card.contacts.emails')} hint={t('card.contacts.listHint')} error={error?.fields.emails}>
          <input className="input" type="text" inputMode="email" value={emails} onChange={(e) => setEmails(e.target.value)} />
        </Field>
        <Field label={t('card.contacts.phones')} hint={t('card.contacts.listHint')} error={error?.fields.phones}>
          <input className="input" type="text" inputMode="tel" value={phones} onChange={(e) => setPhones(e.target.value)} />
        </Field>
        {error && Object.keys(error.fields).length === 0 && <ErrorAlert error={error} />}
        <div className="dialog__footer">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('card.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {contact ? t('card.common.save') : t('card.contacts.addSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

type OpenDialog = { kind: 'add' } | { kind: 'edit'; contact: ContactFieldsFragment } | { kind: 'delete'; contact: ContactFieldsFragment } | null;

/** People at the client: mail or call them in one click, mark the primary one. */
export function ContactsTab({ clientId, cardId }: { clientId: string; cardId: string | null }) {
  const { t } = useTranslation();
  const phoneFormat = usePhoneFormat();
  const [mailTo, setMailTo] = useState<string | null>(null);
  const [queued, setQueued] = useState<number | null>(null);
  const { contacts, loading, error, refetch } = useContacts(clientId);
  const mutations = useContactMutations(clientId);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [consentOf, setConsentOf] = useState<{ id: string; name: string } | null>(null);
  const close = () => {
    mutations.clearError();
    setDialog(null);
  };

  return (
    <section className="card-section" aria-labelledby="contacts-heading">
      <div className="card-section__header">
        <h2 id="contacts-heading" className="card-section__title">
          {t('card.contacts.heading')}
          {contacts.length > 0 && <span className="card-section__count">{contacts.length}</span>}
        </h2>
        <button type="button" className="button button--primary button--small" onClick={() => setDialog({ kind: 'add' })}>
          {t('card.contacts.add')}
        </button>
      </div>
      {!dialog && <ErrorAlert error={mutations.error} />}
      <p className="notice-region" role="status">
        {queued !== null && t('mail.send.queued', { count: queued })}
      </p>
      <TabState loading={loading} error={error} hasData={!loading && !error} onRetry={() => void refetch()} />
      {!loading && !error && contacts.length === 0 && <EmptyState title={t('card.contacts.empty')} body={t('card.contacts.emptyBody')} />}
      {contacts.length > 0 && (
        <ul className="contact-cards" aria-label={t('card.contacts.listLabel')}>
          {contacts.map((contact) => (
            <li key={contact.id} className="contact-card" aria-label={contact.name}>
              <span className="contact-card__avatar" aria-hidden="true">
                {initials(contact.name)}
              </span>
              <div className="contact-card__main">
                <p className="contact-card__name">
                  {contact.name}
                  {contact.isPrimary && <span className="badge badge--accent">{t('card.contacts.primary')}</span>}
                </p>
                {contact.title && <p className="contact-card__role">{contact.title}</p>}
                <p className="contact-card__reach">
                  {contact.emails.map((email) =>
                    // Mail goes through the CRM (a template, recorded in History), not the mail program.
                    cardId ? (
                      <button key={email} type="button" className="link-button" aria-label={t('card.contacts.mailTo', { email })} onClick={() => setMailTo(contact.id)}>
                        {email}
                      </button>
                    ) : (
                      <span key={email}>{email}</span>
                    ),
                  )}
                  {contact.phones.map((phone) => (
                    <a key={phone} href={phoneFormat.href(phone)} aria-label={t('card.contacts.call', { phone: phoneFormat.format(phone) })}>
                      {phoneFormat.format(phone)}
                    </a>
                  ))}
                  {contact.emails.length + contact.phones.length === 0 && <span className="table__muted">{t('card.contacts.noReach')}</span>}
                </p>
              </div>
              <div className="contact-card__actions">
                {!contact.isPrimary && (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => void mutations.setPrimaryContact(contact.id)}
                    disabled={mutations.loading}
                    aria-label={t('card.contacts.makePrimary', { name: contact.name })}
                  >
                    {t('card.contacts.makePrimaryShort')}
                  </button>
                )}
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => setConsentOf(contact)}
                  aria-label={t('campaigns.consent.open', { name: contact.name })}
                >
                  {t('campaigns.consent.button')}
                </button>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => setDialog({ kind: 'edit', contact })}
                  aria-label={t('card.contacts.edit', { name: contact.name })}
                >
                  {t('card.common.edit')}
                </button>
                <button
                  type="button"
                  className="button button--ghost button--ghost-danger button--small"
                  onClick={() => setDialog({ kind: 'delete', contact })}
                  aria-label={t('card.contacts.delete', { name: contact.name })}
                >
                  {t('card.common.delete')}
                </button>
                <PersonalDataMenu kind="CONTACT" subject={contact} onErased={() => undefined} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {consentOf && <ConsentDialog contact={consentOf} onClose={() => setConsentOf(null)} />}
      {mailTo && cardId && (
        <SendMailDialog
          cardId={cardId}
          clientId={clientId}
          contactIds={[mailTo]}
          onClose={() => setMailTo(null)}
          onSent={(count) => {
            setMailTo(null);
            setQueued(count);
          }}
        />
      )}
      {dialog?.kind === 'add' && (
        <ContactDialog
          onClose={close}
          busy={mutations.loading}
          error={mutations.error}
          onSubmit={(input) => void mutations.createContact(input).then((done) => done && close())}
        />
      )}
      {dialog?.kind === 'edit' && (
        <ContactDialog
          contact={dialog.contact}
          onClose={close}
          busy={mutations.loading}
          error={mutations.error}
          onSubmit={(input) => void mutations.updateContact(dialog.contact.id, input).then((done) => done && close())}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={t('card.contacts.deleteTitle', { name: dialog.contact.name })}
          body={t('card.common.toTrash')}
          confirmLabel={t('card.common.moveToTrash')}
          busy={mutations.loading}
          error={mutations.error}
          onClose={close}
          onConfirm={() => void mutations.deleteContact(dialog.contact.id).then((done) => done && close())}
        />
      )}
    </section>
  );
}
