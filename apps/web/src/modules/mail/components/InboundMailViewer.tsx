import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../ui/Dialog';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { INBOUND_MAIL_QUERY } from '../graphql/mail';
import { LoadError } from '../../../ui/LoadError';

function formatDateTime(iso: string, language: string | undefined) {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A mail the client sent us, as History opens it: sender, subject, time and the plain text. */
export function InboundMailViewer({ mailId }: { mailId: string }) {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(INBOUND_MAIL_QUERY, { variables: { id: mailId } });
  const mail = data?.inboundMail;

  if (loading && !mail) return <InlineLoading />;
  if (!mail) {
    return (
      <LoadError title={t('mail.inbound.loadError')} error={error} onRetry={() => void refetch()} />
    );
  }
  const subject = mail.subject || t('mail.inbound.noSubject');
  return (
    <article className="mail-viewer" aria-label={t('mail.viewer.label', { subject })}>
      <dl className="mail-viewer__facts">
        <div>
          <dt>{t('mail.inbound.from')}</dt>
          <dd>{mail.fromName ? `${mail.fromName} <${mail.fromAddress}>` : mail.fromAddress}</dd>
        </div>
        <div>
          <dt>{t('mail.inbound.receivedAt')}</dt>
          <dd>
            <time dateTime={mail.receivedAt}>{formatDateTime(mail.receivedAt, i18n.resolvedLanguage)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('mail.viewer.subject')}</dt>
          <dd className="mail-viewer__subject">{subject}</dd>
        </div>
      </dl>
      {mail.text.trim() ? (
        // Plain text only: the HTML part of an incoming mail is never rendered here.
        <pre className="mail-viewer__text" tabIndex={0} aria-label={t('mail.inbound.body')}>
          {mail.text}
        </pre>
      ) : (
        <p className="table__muted">{t('mail.inbound.noText')}</p>
      )}
    </article>
  );
}

/** The incoming mail in a modal, for History entries. */
export function InboundMailDialog({ mailId, onClose }: { mailId: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('mail.inbound.title')} onClose={onClose}>
      <InboundMailViewer mailId={mailId} />
    </Dialog>
  );
}
