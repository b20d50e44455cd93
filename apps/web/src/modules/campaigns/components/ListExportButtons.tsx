import { useState } from 'react';
import type { TFunction } from '../../../app/i18n';
import { useTranslation } from '../../../app/i18n';
import { fileNameOf } from '../../exports/hooks/useExportDownload';
import { saveFile } from '../../../ui/saveFile';

type Format = 'csv' | 'xlsx' | 'pdf';

/** A refusal of the list export route ({ error: { code, reason } }) in the user's language. */
function refusal(t: TFunction, body: { error?: { code?: string; reason?: string } } | null): string {
  const reason = body?.error?.reason ? t(`serverReasons.${body.error.reason}`, { defaultValue: '' }) : '';
  return reason || t(`errors.${body?.error?.code ?? 'INTERNAL_SERVER_ERROR'}`, { defaultValue: t('errors.INTERNAL_SERVER_ERROR') });
}

/**
 * Downloads of a list for mail merge (postal), E.164 numbers (SMS) or addresses (email), as CSV or
 * XLSX; a postal list also prints as address labels (PDF, A4 3 x 8). A refused download tells
 * `onError` why, in the user's language (null when a new download starts).
 */
export function ListExportButtons({ list, onError }: { list: { id: string; channel: string }; onError: (message: string | null) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<Format | null>(null);
  const setError = onError;

  const download = async (format: Format) => {
    setBusy(format);
    setError(null);
    try {
      const res = await fetch(`/lists/${list.id}/export?format=${format}`, { credentials: 'same-origin' });
      if (!res.ok) {
        setError(refusal(t, await res.json().catch(() => null)));
        return;
      }
      saveFile(await res.blob(), fileNameOf(res.headers.get('content-disposition'), `list.${format}`));
    } catch {
      setError(t('errors.NETWORK'));
    } finally {
      setBusy(null);
    }
  };

  const button = (format: Format, label: string, title?: string) => (
    <button key={format} type="button" className="button button--secondary button--small" title={title} disabled={busy !== null} aria-busy={busy === format} onClick={() => void download(format)}>
      {label}
    </button>
  );
  return (
    <span className="list-export" role="group" aria-label={t(`campaigns.lists.export.${list.channel}`)}>
      {(['csv', 'xlsx'] as const).map((format) => button(format, t(`campaigns.lists.export.${format}`)))}
      {list.channel === 'POSTAL' && button('pdf', t('campaigns.labels.button'), t('campaigns.labels.hint'))}
    </span>
  );
}
