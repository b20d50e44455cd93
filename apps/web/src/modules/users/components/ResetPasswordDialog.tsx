import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { UserRowFragment } from '../../../graphql/generated/graphql';
import { Dialog } from '../../../ui/Dialog';
import { Field } from '../../../ui/Field';
import { AlertIcon } from '../../../ui/icons';
import { useResetUserPassword } from '../hooks/useUserMutations';
import { isValidPassword } from '../utils/validation';

interface ResetPasswordDialogProps {
  user: UserRowFragment;
  onClose: () => void;
  onDone: () => void;
}

export function ResetPasswordDialog({ user, onClose, onDone }: ResetPasswordDialogProps) {
  const { t } = useTranslation();
  const { resetPassword, loading, error } = useResetUserPassword();
  const [password, setPassword] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isValidPassword(password)) {
      setInvalid(t('users.validation.passwordShort'));
      return;
    }
    const done = await resetPassword(user.id, password);
    if (done) onDone();
  };

  return (
    <Dialog
      size="small"
      title={t('users.reset.title')}
      description={t('users.reset.body', { name: user.name })}
      onClose={onClose}
    >
      <form className="form" noValidate onSubmit={onSubmit}>
        {error && !error.fields.password && (
          <div className="alert alert--danger" role="alert">
            <AlertIcon />
            <span>{error.message}</span>
          </div>
        )}
        <Field
          label={t('users.reset.newPassword')}
          hint={t('users.form.passwordHint')}
          error={invalid ?? error?.fields.password}
        >
          <input
            className="input"
            type="password"
            name="new-password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
              setInvalid(undefined);
            }}
          />
        </Field>
        <div className="dialog__footer">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('users.form.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={loading} aria-busy={loading}>
            {loading ? t('users.reset.submitting') : t('users.reset.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
