import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from '../app/i18n';
import type { AppError } from '../app/errors';
import { Dialog } from './Dialog';
import { AlertIcon } from './icons';

interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  /** Given the typed text when `typeToConfirm` asks for it. */
  onConfirm: (typed: string) => void;
  onClose: () => void;
  busy?: boolean;
  error?: AppError | null;
  tone?: 'danger' | 'primary';
  /** For what cannot be undone: the confirm button waits until this text is typed (case and outer spaces aside). */
  typeToConfirm?: { expected: string; label: string };
  /** More to decide before confirming (a reason to give), shown under the body. */
  children?: ReactNode;
}

/** "Are you sure?" with what will happen spelled out; the confirm button names the action. */
export function ConfirmDialog({ title, body, confirmLabel, onConfirm, onClose, busy, error, tone = 'danger', typeToConfirm, children }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const confirmed = !typeToConfirm || typed.trim().toLowerCase() === typeToConfirm.expected.trim().toLowerCase();
  return (
    <Dialog title={title} onClose={onClose} size="small">
      <p className="confirm__body">{body}</p>
      {typeToConfirm && (
        <div className="field confirm__typed">
          <label className="field__label" htmlFor={inputId}>
            {typeToConfirm.label}
          </label>
          <input id={inputId} className="input" autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} data-autofocus />
        </div>
      )}
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
          onClick={() => onConfirm(typed)}
          disabled={busy || !confirmed}
          data-autofocus={typeToConfirm ? undefined : true}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
