import { useTranslation } from '../../../app/i18n';
import type { AppError } from '../../../app/errors';
import { Dialog } from '../../../ui/Dialog';
import { AlertIcon } from '../../../ui/icons';

interface ArchiveDialogProps {
  title: string;
  body: string;
  busy: boolean;
  error: AppError | null;
  onClose: () => void;
  onConfirm: () => void;
}

/** "Archive this template?": archived templates are no longer offered anywhere. */
export function ArchiveDialog({ title, body, busy, error, onClose, onConfirm }: ArchiveDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog title={title} description={body} onClose={onClose} size="small">
      {error && (
        <div className="alert alert--danger" role="alert">
          <AlertIcon />
          <span>{error.message}</span>
        </div>
      )}
      <div className="dialog__footer">
        <button type="button" className="button button--secondary" data-autofocus onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button--danger" disabled={busy} aria-busy={busy} onClick={onConfirm}>
          {t('settingsCommon.archive')}
        </button>
      </div>
    </Dialog>
  );
}
