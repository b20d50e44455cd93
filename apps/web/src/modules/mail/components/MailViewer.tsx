import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../app/i18n';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { Dialog } from '../../../ui/Dialog';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { AlertIcon } from '../../../ui/icons';
import { MAIL_QUERY, RESEND_MAIL_MUTATION } from '../graphql/mail';
import { MailFrame } from './MailFrame';
import { LoadError } from '../../../ui/LoadError';
import { formatDateTime } from '../../../ui/datetime';

export type MailStatus = 'QUEUED' | 'SENDING' | 'SENT' | 'FAILED' | 'UNCERTAIN';
const FINAL: readonly string[] = ['SENT', 'FAILED', 'UNCERTAIN'];
const POLL_MS = 5000;

const BADGE: Record<MailStatus, string> = {
  QUEUED: 'badge badge--neutral',
  SENDING: 'badge badge--accent',
  SENT: 'badge badge--success',
  FAILED: 'badge badge--danger',
  UNCERTAIN: 'badge badge--warning',
};

function statusOf(value: string): MailStatus {
  return value in BADGE ? (value as MailStatus) : 'UNCERTAIN';
}

/**
 * A mail as it was sent (History opens it for EMAIL entries): its delivery status, recipients,
 * subject and HTML. While it is still on its way the status is refreshed every few seconds.
 */
export function MailViewer({ mailId }: { mailId: string }) {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(MAIL_QUERY, { variables: { id: mailId } });
  const mail = data?.mail;
  const [resendMail, { loading: resending }] = useMutation(RESEND_MAIL_MUTATION);
  const resend = useMutationErrors();
  // Poll only while the worker may still change the status.
  useQuery(MAIL_QUERY, { variables: { id: mailId }, pollInterval: POLL_MS, skip: !mail || FINAL.includes(mail.status) });

  if (loading && !mail) return <InlineLoading />;
  if (!mail) {
    return (
      <LoadError title={t('mail.viewer.loadError')} error={error} onRetry={() => void refetch()} />
    );
  }
  const status = statusOf(mail.status);
  const language = i18n.resolvedLanguage;
  return (
    <article className="mail-viewer" aria-label={t('mail.viewer.label', { subject: mail.subject })}>
      <dl className="mail-viewer__facts">
        <div>
          <dt>{t('mail.viewer.status')}</dt>
          <dd>
            <span className={BADGE[status]}>{t(`mail.status.${status}`)}</span>
            <span className="mail-viewer__when">
              {mail.sentAt
                ? t('mail.viewer.sentAt', { when: formatDateTime(mail.sentAt, language) })
                : t('mail.viewer.createdAt', { when: formatDateTime(mail.createdAt, language) })}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('mail.viewer.to')}</dt>
          <dd>{mail.to.join(', ')}</dd>
        </div>
        <div>
          <dt>{t('mail.viewer.subject')}</dt>
          <dd className="mail-viewer__subject">{mail.subject}</dd>
        </div>
      </dl>
      {status === 'FAILED' && (
        <div className="alert alert--danger" role="alert">
          <AlertIcon />
          <span>{mail.lastError ? t('mail.viewer.failedWith', { error: mail.lastError }) : t('mail.viewer.failed')}</span>
        </div>
      )}
      {status === 'UNCERTAIN' && (
        <div className="alert alert--warning" role="status">
          <AlertIcon />
          <span>{t('mail.viewer.uncertain')}</span>
        </div>
      )}
      {(status === 'FAILED' || status === 'UNCERTAIN') && (
        <div className="mail-viewer__actions">
          <button type="button" className="button button--secondary" disabled={resending} onClick={() => void resend.run(() => resendMail({ variables: { id: mail.id } }))}>
            {resending ? t('mail.viewer.resending') : t('mail.viewer.resend')}
          </button>
          {resend.error && (
            <p className="field__error" role="alert">
              {resend.error.message}
            </p>
          )}
        </div>
      )}
      <MailFrame html={mail.html} title={t('mail.viewer.frameTitle', { subject: mail.subject })} />
    </article>
  );
}

/** The viewer in a modal, for History entries. */
export function MailViewerDialog({ mailId, onClose }: { mailId: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('mail.viewer.title')} onClose={onClose}>
      <MailViewer mailId={mailId} />
    </Dialog>
  );
}
