import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from '../../../app/i18n';
import { formatDateTime } from '../../../ui/datetime';
import { EmptyState } from '../../../ui/EmptyState';
import { LoadError } from '../../../ui/LoadError';
import { MailIcon } from '../../mail/components/MailIcon';
import { UNSORTED_MAILS_QUERY } from '../graphql/inbox';
import { UnsortedMailDialog } from './UnsortedMailDialog';

/** The mail in the Unsorted inbox: each opens in the mail viewer and can be filed under a client. */
export function UnsortedMails({ onFiled }: { onFiled: (clientName: string) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { data, error, refetch } = useQuery(UNSORTED_MAILS_QUERY, { fetchPolicy: 'cache-and-network' });
  const [open, setOpen] = useState<string | null>(null);
  const mails = data?.unsortedMails ?? [];
  const opened = mails.find((m) => m.id === open);
  if (error && !data) return <LoadError title={t('inbox.mail.loadError')} error={error} onRetry={() => void refetch()} />;
  return (
    <section className="inbox-page__mails" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="inbox-page__section">
        {t('inbox.mail.title')}
      </h2>
      {data && mails.length === 0 ? (
        <EmptyState icon={<MailIcon />} title={t('inbox.mail.empty')} body={t('inbox.mail.emptyBody')} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('inbox.mail.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inbox.mail.from')}</th>
                <th scope="col">{t('inbox.mail.subject')}</th>
                <th scope="col">{t('inbox.mail.received')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('inbox.mail.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {mails.map((mail) => {
                const files = mail.attachments.filter((a) => !a.inline).length;
                return (
                  <tr key={mail.id}>
                    <td className="inbox-page__wrap">{mail.fromName ? `${mail.fromName} <${mail.fromAddress ?? ''}>` : (mail.fromAddress ?? t('mail.inbound.unknownSender'))}</td>
                    <th scope="row" className="table__primary inbox-page__wrap">
                      {mail.subject || t('mail.inbound.noSubject')}
                      {mail.kind !== 'UNSORTED' && <span className="table__muted"> · {t(`mail.inbound.kind.${mail.kind}`)}</span>}
                      {files > 0 && <span className="table__muted"> · {t('mail.inbound.attachments', { count: files })}</span>}
                      {mail.candidateClientIds.length > 1 && <span className="table__muted"> · {t('inbox.mail.candidateCount', { count: mail.candidateClientIds.length })}</span>}
                    </th>
                    <td>{formatDateTime(mail.receivedAt, i18n.resolvedLanguage)}</td>
                    <td>
                      <button type="button" className="button button--secondary button--small" onClick={() => setOpen(mail.id)} aria-label={t('inbox.mail.openLabel', { subject: mail.subject || t('mail.inbound.noSubject') })}>
                        {t('inbox.mail.open')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {opened && (
        <UnsortedMailDialog
          mail={opened}
          onClose={() => setOpen(null)}
          onFiled={(name) => {
            setOpen(null);
            onFiled(name);
          }}
        />
      )}
    </section>
  );
}
