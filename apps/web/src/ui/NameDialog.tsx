import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from '../app/i18n';
import type { AppError } from '../app/errors';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { AlertIcon } from './icons';

interface NameDialogProps {
  title: string;
  label: string;
  initial?: string;
  submitLabel: string;
  busy: boolean;
  error: AppError | null;
  onClose: () => void;
  onSubmit: (name: string) => void;
  /** More fields under the name (colour, kind). */
  children?: ReactNode;
}

/** A small dialog that asks for a name (creating or renaming a pipeline, status or label). */
export function NameDialog({ title, label, initial = '', submitLabel, busy, error, onClose, onSubmit, children }: NameDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial);
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!name.trim()) {
      setMissing(true);
      return;
    }
    onSubmit(name.trim());
  };
  return (
    <Dialog title={title} onClose={onClose} size="small">
      <form className="form" noValidate onSubmit={submit}>
        {error && !error.fields.name && (
          <div className="alert alert--danger" role="alert">
            <AlertIcon />
            <span>{error.message}</span>
          </div>
        )}
        <Field label={label} error={missing ? t('settingsCommon.nameRequired') : error?.fields.name}>
          <input
            className="input"
            autoComplete="off"
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              setMissing(false);
            }}
          />
        </Field>
        {children}
        <div className="dialog__footer">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
