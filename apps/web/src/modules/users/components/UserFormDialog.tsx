import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import { LOCALES, ROLES_BY_RANK } from '../../../app/domain';
import type { Role, UserRowFragment } from '../../../graphql/generated/graphql';
import { Dialog } from '../../../ui/Dialog';
import { Field } from '../../../ui/Field';
import { AlertIcon } from '../../../ui/icons';
import { useCreateUser, useUpdateUser } from '../hooks/useUserMutations';
import { isValidEmail, isValidPassword } from '../utils/validation';

interface UserFormDialogProps {
  /** The user to edit; absent for a new user. */
  user?: UserRowFragment;
  onClose: () => void;
  onSaved: (user: UserRowFragment, created: boolean) => void;
}

interface FormValues {
  name: string;
  email: string;
  role: Role;
  password: string;
  locale: string;
}

type FormErrors = Partial<Record<keyof FormValues, string>>;

export function UserFormDialog({ user, onClose, onSaved }: UserFormDialogProps) {
  const { t, i18n } = useTranslation();
  const creating = !user;
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = creating ? create : update;
  const [values, setValues] = useState<FormValues>({
    name: user?.name ?? '',
    email: user?.email ?? '',
    role: user?.role ?? 'NORMAL',
    password: '',
    locale: user?.locale ?? i18n.resolvedLanguage ?? 'en',
  });
  const [errors, setErrors] = useState<FormErrors>({});

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setErrors((previous) => ({ ...previous, [key]: undefined }));
  };

  const validate = (): FormErrors => {
    const found: FormErrors = {};
    if (!values.name.trim()) found.name = t('users.validation.nameRequired');
    if (!values.email.trim()) found.email = t('users.validation.emailRequired');
    else if (!isValidEmail(values.email)) found.email = t('users.validation.emailInvalid');
    if (creating && !isValidPassword(values.password)) found.password = t('users.validation.passwordShort');
    return found;
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    const common = { name: values.name.trim(), email: values.email.trim(), role: values.role, locale: values.locale };
    const saved = creating
      ? await create.createUser({ ...common, password: values.password })
      : await update.updateUser(user.id, common);
    if (saved) onSaved(saved, creating);
  };

  const serverFields = mutation.error?.fields ?? {};
  const errorFor = (key: keyof FormValues) => errors[key] ?? serverFields[key];
  const fieldKeys = ['name', 'email', 'role', 'password', 'locale'];
  const showFormError = mutation.error && !fieldKeys.some((key) => serverFields[key]);

  return (
    <Dialog title={creating ? t('users.form.createTitle') : t('users.form.editTitle')} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        {showFormError && (
          <div className="alert alert--danger" role="alert">
            <AlertIcon />
            <span>{mutation.error?.message}</span>
          </div>
        )}
        <Field label={t('users.form.name')} error={errorFor('name')}>
          <input
            className="input"
            name="name"
            autoComplete="off"
            value={values.name}
            onChange={(event) => set('name', event.target.value)}
          />
        </Field>
        <Field label={t('users.form.email')} error={errorFor('email')}>
          <input
            className="input"
            type="email"
            name="email"
            autoComplete="off"
            value={values.email}
            onChange={(event) => set('email', event.target.value)}
          />
        </Field>
        <div className="form__row">
          <Field label={t('users.form.role')} error={errorFor('role')}>
            <select className="select" value={values.role} onChange={(event) => set('role', event.target.value as Role)}>
              {ROLES_BY_RANK.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('users.form.language')} error={errorFor('locale')}>
            <select className="select" value={values.locale} onChange={(event) => set('locale', event.target.value)}>
              {LOCALES.map((locale) => (
                <option key={locale} value={locale}>
                  {t(`language.${locale}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {creating && (
          <Field label={t('users.form.password')} error={errorFor('password')} hint={t('users.form.passwordHint')}>
            <input
              className="input"
              type="password"
              name="password"
              autoComplete="new-password"
              value={values.password}
              onChange={(event) => set('password', event.target.value)}
            />
          </Field>
        )}
        <div className="dialog__footer">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('users.form.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={mutation.loading} aria-busy={mutation.loading}>
            {creating
              ? mutation.loading
                ? t('users.form.creating')
                : t('users.form.create')
              : mutation.loading
                ? t('users.form.saving')
                : t('users.form.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
