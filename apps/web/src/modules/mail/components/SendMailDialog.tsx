import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../app/i18n';
import { describeError } from '../../../app/errors';
import { Dialog } from '../../../ui/Dialog';
import { Field } from '../../../ui/Field';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { AlertIcon } from '../../../ui/icons';
import { useEmailTemplates } from '../../templates/hooks/useTemplates';
import { SEND_MAIL_CONTEXT_QUERY } from '../graphql/mail';
import { useMailPreview } from '../hooks/useMailPreview';
import { useSendMail } from '../hooks/useSendMail';
import { newRequestId } from '../utils/mailErrors';
import { MailFrame } from './MailFrame';
import { MissingValues } from './MissingValues';

interface SendMailDialogProps {
  cardId: string;
  clientId: string;
  /** Start with these contacts as recipients (mail to one contact from the card); else the primary one. */
  contactIds?: string[];
  onClose: () => void;
  onSent: (queued: number) => void;
}

/**
 * Send from a card: recipients among the client's contacts, a template (or an empty mail), the
 * rendering for the first recipient, edits, then Send. The request id is made once per opening,
 * so a second click (or a retry after a network error) never queues the mails twice.
 */
export function SendMailDialog({ cardId, clientId, contactIds, onClose, onSent }: SendMailDialogProps) {
  const { t } = useTranslation();
  const [requestId] = useState(newRequestId);
  const context = useQuery(SEND_MAIL_CONTEXT_QUERY, { variables: { cardId, clientId } });
  const contacts = context.data?.contacts ?? [];
  const pipelineId = context.data?.card.pipelineId;
  const { templates } = useEmailTemplates(pipelineId);
  const [chosen, setChosen] = useState<string[] | null>(contactIds ?? null);
  const [templateId, setTemplateId] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [subjectMissing, setSubjectMissing] = useState(false);
  const sending = useSendMail();
  const inFlight = useRef(false);

  // Until the user picks, the primary contact with an email (else the first with one) is chosen.
  const selected = useMemo(() => {
    if (chosen) return chosen;
    const withEmail = contacts.filter((c) => c.emails.length > 0);
    const first = withEmail.find((c) => c.isPrimary) ?? withEmail[0];
    return first ? [first.id] : [];
  }, [chosen, contacts]);
  // Recipients in the list's order; the first one is previewed.
  const recipients = contacts.filter((c) => selected.includes(c.id));
  const previewContact = recipients[0];
  const { preview, loading: previewLoading, error: previewError } = useMailPreview({
    cardId: pipelineId ? cardId : null,
    contactId: previewContact?.id,
    subject,
    body,
  });
  const draftProblems = previewError ? describeError(previewError, t) : null;
  const missing = preview?.missing ?? [];

  const categories = useMemo(() => {
    const groups = new Map<string, typeof templates>();
    for (const template of templates) {
      const key = template.category ?? '';
      groups.set(key, [...(groups.get(key) ?? []), template]);
    }
    return [...groups.entries()];
  }, [templates]);

  const toggle = (id: string, on: boolean) => {
    sending.clearError();
    setChosen(on ? [...selected, id] : selected.filter((x) => x !== id));
  };
  const pickTemplate = (id: string) => {
    setTemplateId(id);
    const template = templates.find((x) => x.id === id);
    setSubject(template?.subject ?? '');
    setBody(template?.body ?? '');
    setSubjectMissing(false);
  };

  const blocked = recipients.length === 0 || missing.length > 0 || previewLoading || !!previewError;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (inFlight.current || blocked) return;
    if (!subject.trim()) {
      setSubjectMissing(true);
      return;
    }
    inFlight.current = true;
    const result = await sending.send({
      requestId,
      cardId,
      contactIds: recipients.map((c) => c.id),
      templateId: templateId || null,
      subject,
      body,
    });
    inFlight.current = false;
    if (result) onSent(result.queued);
  };

  let content;
  if (context.loading && !context.data) content = <InlineLoading />;
  else if (!context.data) {
    content = (
      <div className="alert alert--danger" role="alert">
        <AlertIcon />
        <span>{context.error ? describeError(context.error, t).message : t('errors.INTERNAL_SERVER_ERROR')}</span>
      </div>
    );
  } else {
    content = (
      <form className="send-mail" noValidate onSubmit={submit}>
        <div className="send-mail__compose">
          <fieldset className="send-mail__recipients">
            <legend className="field__label">{t('mail.send.recipients')}</legend>
            {contacts.length === 0 ? (
              <p className="field__hint">{t('mail.send.noContacts')}</p>
            ) : (
              <ul>
                {contacts.map((contact) => {
                  const email = contact.emails[0];
                  const hintId = `send-mail-hint-${contact.id}`;
                  return (
                    <li key={contact.id}>
                      <label className={`check-label${email ? '' : ' check-label--disabled'}`}>
                        <input
                          type="checkbox"
                          className="checkbox"
                          checked={selected.includes(contact.id)}
                          disabled={!email}
                          aria-describedby={hintId}
                          onChange={(event) => toggle(contact.id, event.target.checked)}
                        />
                        <span className="send-mail__contact">{contact.name}</span>
                      </label>
                      <span id={hintId} className="send-mail__email">
                        {email ?? t('mail.send.noEmail')}
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </fieldset>
          <Field label={t('mail.send.template')}>
            <select className="select" value={templateId} onChange={(event) => pickTemplate(event.target.value)}>
              <option value="">{t('mail.send.emptyMail')}</option>
              {categories.map(([category, items]) => (
                <optgroup key={category} label={category || t('templates.uncategorised')}>
                  {items.map((template) => (
                    <option key={template.id} value={template.id}>
                      {template.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </Field>
          <Field
            label={t('mail.send.subject')}
            error={subjectMissing ? t('mail.send.subjectRequired') : draftProblems?.fields.subject}
          >
            <input
              className="input"
              value={subject}
              autoComplete="off"
              onChange={(event) => {
                setSubject(event.target.value);
                setSubjectMissing(false);
              }}
            />
          </Field>
          <Field label={t('mail.send.body')} error={draftProblems?.fields.body} hint={t('mail.send.bodyHint', { example: '{{contact.firstName}}' })}>
            <textarea className="input textarea send-mail__body" rows={10} value={body} onChange={(event) => setBody(event.target.value)} />
          </Field>
        </div>
        <section className="send-mail__preview" aria-labelledby="send-mail-preview" aria-busy={previewLoading}>
          <h3 id="send-mail-preview" className="send-mail__preview-title">
            {previewContact ? t('mail.preview.for', { name: previewContact.name }) : t('mail.preview.title')}
          </h3>
          {!previewContact ? (
            <p className="field__hint">{t('mail.send.chooseRecipient')}</p>
          ) : draftProblems && Object.keys(draftProblems.fields).length === 0 ? (
            <div className="alert alert--danger" role="alert">
              <AlertIcon />
              <span>{draftProblems.message}</span>
            </div>
          ) : preview ? (
            <>
              <p className="mail-preview__subject">
                <span className="mail-preview__label">{t('mail.preview.subject')}</span> {preview.subject || '—'}
              </p>
              <MissingValues missing={missing} />
              <MailFrame html={preview.html} title={t('mail.preview.frameTitle')} />
            </>
          ) : (
            <InlineLoading />
          )}
        </section>
        <div className="send-mail__status">
          {sending.problems.length > 0 ? (
            <div className="alert alert--danger" role="alert">
              <AlertIcon />
              <div>
                <p className="alert__title">{t('mail.send.refused')}</p>
                <ul className="mail-missing">
                  {sending.problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              </div>
            </div>
          ) : (
            sending.error && (
              <div className="alert alert--danger" role="alert">
                <AlertIcon />
                <span>{sending.error.message}</span>
              </div>
            )
          )}
        </div>
        <div className="dialog__footer">
          {recipients.length > 1 && <span className="send-mail__count">{t('mail.send.count', { count: recipients.length })}</span>}
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={blocked}
            aria-disabled={sending.sending || undefined}
            aria-busy={sending.sending}
          >
            {sending.sending ? t('mail.send.sending') : t('mail.send.submit', { count: Math.max(recipients.length, 1) })}
          </button>
        </div>
      </form>
    );
  }

  return (
    <Dialog title={t('mail.send.title')} onClose={onClose}>
      {content}
    </Dialog>
  );
}
