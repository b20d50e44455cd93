import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from '../app/i18n';
import { CloseIcon } from './icons';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Optional description under the title, linked with aria-describedby. */
  description?: string;
  size?: 'small' | 'medium';
}

/**
 * A modal built on the native <dialog>: `showModal()` makes the rest of the page inert (focus stays
 * inside) and Escape closes it. Mount it to open it, unmount it to close it; on unmount focus goes
 * back to the element that opened it.
 */
export function Dialog({ title, onClose, children, description, size = 'medium' }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const trigger = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first = dialog.querySelector<HTMLElement>('[data-autofocus], input, select, textarea');
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (trigger?.isConnected) trigger.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        // Escape: let React state decide, so the dialog unmounts and focus returns.
        event.preventDefault();
        onCloseRef.current();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCloseRef.current();
        }
      }}
    >
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('users.form.close')}
          onClick={() => onCloseRef.current()}
        >
          <CloseIcon />
        </button>
      </div>
      {description && (
        <p id={descriptionId} className="dialog__description">
          {description}
        </p>
      )}
      <div className="dialog__body">{children}</div>
    </dialog>
  );
}
