import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../../app/i18n';
import { Dialog } from '../../../ui/Dialog';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { LoadError } from '../../../ui/LoadError';
import { INBOUND_MAIL_QUERY, INBOUND_MAIL_TEXT_QUERY } from '../graphql/mail';
import { safeMailHtml } from '../utils/sanitizeMail';
import { MailFrame } from './MailFrame';
import { formatDateTime, formatDay } from '../../../ui/datetime';

/** The charsets offered for 8-bit text that declared none (the API's list). */
const CHARSETS = ['utf-8', 'windows-1250', 'iso-8859-2', 'windows-1252'];

/** An invite's date or date-time (UTC with Z, else as written). */
function formatEventTime(iso: string, language: string | undefined) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return iso.length === 10 ? formatDay(iso, language) : formatDateTime(iso, language);
}

function formatSize(bytes: number, language: string | undefined) {
  const kb = bytes / 1024;
  return kb < 1024
    ? `${new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(Math.max(1, kb))} KB`
    : `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(kb / 1024)} MB`;
}

/**
 * An incoming mail, as History and the Unsorted inbox open it: sender, recipients, subject and time,
 * the HTML sanitised inside the sandboxed frame (remote images blocked until allowed) or the plain
 * text, and the attachments (links to the client's documents once the mail is filed).
 */
export function InboundMailViewer({ mailId }: { mailId: string }) {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(INBOUND_MAIL_QUERY, { variables: { id: mailId } });
  const [charset, setCharset] = useState<string | null>(null);
  const reread = useQuery(INBOUND_MAIL_TEXT_QUERY, { variables: { id: mailId, charset: charset ?? '' }, skip: !charset });
  const loaded = data?.inboundMail;
  const mail = loaded && charset && reread.data ? { ...loaded, text: reread.data.inboundMailText.text, html: reread.data.inboundMailText.html } : loaded;
  const [view, setView] = useState<'html' | 'text' | null>(null);
  const [allowRemote, setAllowRemote] = useState(false);
  const images = loaded?.inlineImages;
  const safe = useMemo(
    () => (mail?.html ? safeMailHtml(mail.html, allowRemote, new Map((images ?? []).map((i) => [i.contentId, i.dataUrl]))) : null),
    [mail?.html, allowRemote, images],
  );

  if (loading && !mail) return <InlineLoading />;
  if (!mail) {
    return <LoadError title={t('mail.inbound.loadError')} error={error} onRetry={() => void refetch()} />;
  }
  const subject = mail.subject || t('mail.inbound.noSubject');
  const hasText = mail.text.trim().length > 0;
  const shown = view ?? (safe ? 'html' : 'text');
  const sender = mail.fromAddress ? (mail.fromName ? `${mail.fromName} <${mail.fromAddress}>` : mail.fromAddress) : t('mail.inbound.unknownSender');
  const files = mail.attachments.filter((a) => !a.inline);
  return (
    <article className="mail-viewer" aria-label={t('mail.viewer.label', { subject })}>
      <dl className="mail-viewer__facts">
        <div>
          <dt>{t('mail.inbound.from')}</dt>
          <dd className="mail-viewer__address">{sender}</dd>
        </div>
        {mail.toAddresses.length > 0 && (
          <div>
            <dt>{t('mail.inbound.to')}</dt>
            <dd className="mail-viewer__address">{mail.toAddresses.join(', ')}</dd>
          </div>
        )}
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
        {mail.kind === 'AUTO_REPLY' || mail.kind === 'BOUNCE' || mail.kind === 'COMPLAINT' ? (
          <div>
            <dt>{t('mail.inbound.kindLabel')}</dt>
            <dd>{t(`mail.inbound.kind.${mail.kind}`)}</dd>
          </div>
        ) : null}
      </dl>
      {(safe && hasText) || (safe && safe.blocked > 0) ? (
        <div className="mail-viewer__tools" role="toolbar" aria-label={t('mail.inbound.tools')}>
          {safe && hasText && (
            <div className="segmented" role="group" aria-label={t('mail.inbound.format')}>
              <button type="button" className="button button--ghost button--small" aria-pressed={shown === 'html'} onClick={() => setView('html')}>
                {t('mail.inbound.html')}
              </button>
              <button type="button" className="button button--ghost button--small" aria-pressed={shown === 'text'} onClick={() => setView('text')}>
                {t('mail.inbound.text')}
              </button>
            </div>
          )}
          {safe && safe.blocked > 0 && shown === 'html' && !allowRemote && (
            <button type="button" className="button button--secondary button--small" onClick={() => setAllowRemote(true)}>
              {t('mail.inbound.showImages', { count: safe.blocked })}
            </button>
          )}
        </div>
      ) : null}
      {shown === 'html' && safe ? (
        <MailFrame html={safe.html} title={t('mail.inbound.frameTitle', { subject })} />
      ) : hasText ? (
        <pre className="mail-viewer__text" tabIndex={0} aria-label={t('mail.inbound.body')}>
          {mail.text}
        </pre>
      ) : (
        <p className="table__muted">{t(files.length ? 'mail.inbound.onlyAttachments' : 'mail.inbound.empty')}</p>
      )}
      {(loaded?.calendarEvents ?? []).map((event, i) => (
        <section key={i} className="mail-viewer__event" aria-label={t('mail.inbound.event')}>
          <h3 className="mail-viewer__attachments-title">
            {event.method === 'CANCEL' ? t('mail.inbound.eventCancelled') : t('mail.inbound.event')}: {event.summary || t('mail.inbound.noSubject')}
          </h3>
          <p className="mail-viewer__note">
            {event.start && formatEventTime(event.start, i18n.resolvedLanguage)}
            {event.end && ` – ${formatEventTime(event.end, i18n.resolvedLanguage)}`}
            {event.location && ` · ${event.location}`}
            {event.organizer && ` · ${t('mail.inbound.organizer', { organizer: event.organizer })}`}
          </p>
        </section>
      ))}
      {mail.detectedCharset && (
        <p className="table__muted mail-viewer__note">
          {t('mail.inbound.detectedCharset', { charset: mail.detectedCharset })}{' '}
          <label className="inline-field">
            <span className="inline-field__label">{t('mail.inbound.charset')}</span>
            <select className="select select--compact" value={charset ?? mail.detectedCharset} onChange={(e) => setCharset(e.target.value)}>
              {CHARSETS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        </p>
      )}
      {files.length > 0 && (
        <section className="mail-viewer__attachments" aria-label={t('mail.inbound.attachments', { count: files.length })}>
          <h3 className="mail-viewer__attachments-title">{t('mail.inbound.attachments', { count: files.length })}</h3>
          <ul>
            {files.map((file, i) => {
              const docId = mail.documentIds[i];
              return (
                <li key={`${file.name}-${i}`}>
                  {docId ? (
                    <a href={`/files/${docId}`} target="_blank" rel="noopener">
                      {file.name}
                    </a>
                  ) : (
                    <span>{file.name}</span>
                  )}{' '}
                  <span className="table__muted">({formatSize(file.size, i18n.resolvedLanguage)})</span>
                </li>
              );
            })}
          </ul>
        </section>
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
