import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../app/errors';
import { Dialog } from './Dialog';
import { AlertIcon } from './icons';

interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  busy?: boolean;
  error?: AppError | null;
  tone?: 'danger' | 'primary';
  /** More to decide before confirming (a reason to give), shown under the body. */
  children?: ReactNode;
}

/** "Are you sure?" with what will happen spelled out; the confirm button names the action. */
export function ConfirmDialog({ title, body, confirmLabel, onConfirm, onClose, busy, error, tone = 'danger', children }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog title={title} onClose={onClose} size="small">
      <p className="confirm__body">{body}</p>
      {children}
      {error && (
        <div className="alert alert--danger" role="alert">
          <AlertIcon />
          <span>{error.message}</span>
        </div>
      )}
      <div className="dialog__footer">
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('card.common.cancel')}
        </button>
        <button
          type="button"
          className={`button ${tone === 'danger' ? 'button--danger' : 'button--primary'}`}
          onClick={onConfirm}
          disabled={busy}
          data-autofocus
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
