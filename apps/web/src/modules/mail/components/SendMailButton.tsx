import { useEffect, useState } from 'react';
import { useTranslation } from '../../../app/i18n';
import { MailIcon } from './MailIcon';
import { SendMailDialog } from './SendMailDialog';

const NOTICE_MS = 6000;

/** "Send email" on a card: opens the send dialog; after sending, says how many mails were queued. */
export function SendMailButton({ cardId, clientId }: { cardId: string; clientId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [queued, setQueued] = useState<number | null>(null);

  useEffect(() => {
    if (queued === null) return;
    const timer = window.setTimeout(() => setQueued(null), NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [queued]);

  return (
    <span className="send-mail-button">
      <button type="button" className="button button--secondary button--small" onClick={() => setOpen(true)}>
        <MailIcon />
        {t('mail.send.open')}
      </button>
      <span role="status" className="send-mail-button__notice">
        {queued !== null && t('mail.send.queued', { count: queued })}
      </span>
      {open && (
        <SendMailDialog
          cardId={cardId}
          clientId={clientId}
          onClose={() => setOpen(false)}
          onSent={(count) => {
            setOpen(false);
            setQueued(count);
          }}
        />
      )}
    </span>
  );
}
