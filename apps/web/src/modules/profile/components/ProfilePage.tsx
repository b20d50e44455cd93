import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { ProfileFragment } from '../../../graphql/generated/graphql';
import { applyLocale } from '../../../app/i18n';
import { LOCALES } from '../../../app/domain';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { LoadError } from '../../../ui/LoadError';
import { PageHeader } from '../../../ui/PageHeader';
import { useChangePassword, useProfile, useUpdateProfile } from '../hooks/useProfile';
import { PhotoSection } from './PhotoSection';
import { SignatureEditor } from './SignatureEditor';
import { useNotice } from '../../../ui/useNotice';

/** /profile: every user's own name, language, photo, mail signature and password. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { profile, loading, error, refetch } = useProfile();
  const [notice, setNotice] = useNotice();

  let body;
  if (loading) body = <InlineLoading />;
  else if (!profile) body = <LoadError title={t('profile.loadError')} error={error} onRetry={() => void refetch()} />;
  else {
    body = (
      <div className="profile-grid">
        <DetailsSection profile={profile} onSaved={setNotice} />
        <PhotoSection profile={profile} onSaved={setNotice} />
        <SignatureSection profile={profile} onSaved={setNotice} />
        <PasswordSection onSaved={setNotice} />
      </div>
    );
  }

  return (
    <div className="page">
      <PageHeader title={t('profile.title')} description={profile ? t('profile.description', { email: profile.email }) : undefined} />
      <div className="notice-region" role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      {body}
    </div>
  );
}

function DetailsSection({ profile, onSaved }: { profile: ProfileFragment; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const { updateProfile, loading, error } = useUpdateProfile();
  const [name, setName] = useState(profile.name);
  const [locale, setLocale] = useState(profile.locale);
  const [nameError, setNameError] = useState<string | undefined>();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t('profile.details.nameRequired'));
      return;
    }
    setNameError(undefined);
    const saved = await updateProfile({ name: name.trim(), locale });
    if (saved) {
      await applyLocale(saved.locale);
      onSaved(t('profile.details.saved'));
    }
  };

  return (
    <section className="panel profile-section" aria-labelledby="profile-details">
      <h2 id="profile-details" className="panel__title">
        {t('profile.details.title')}
      </h2>
      <form className="form" noValidate onSubmit={submit}>
        {error && !error.fields.name && <ErrorAlert error={error} />}
        <Field label={t('profile.details.name')} error={nameError ?? (error?.fields.name ? t('profile.details.nameRequired') : undefined)}>
          <input className="input" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t('profile.details.language')}>
          <select className="select" value={locale} onChange={(e) => setLocale(e.target.value)}>
            {LOCALES.map((option) => (
              <option key={option} value={option}>
                {t(`language.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="profile-section__actions">
          <button type="submit" className="button button--primary" disabled={loading} aria-busy={loading}>
            {t('profile.details.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

function SignatureSection({ profile, onSaved }: { profile: ProfileFragment; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const { updateProfile, loading, error } = useUpdateProfile();
  const [html, setHtml] = useState(profile.signature ?? '');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const saved = await updateProfile({ signature: html });
    if (saved) {
      setHtml(saved.signature ?? '');
      onSaved(t('profile.signature.saved'));
    }
  };

  return (
    <section className="panel profile-section profile-section--wide" aria-labelledby="profile-signature">
      <h2 id="profile-signature" className="panel__title">
        {t('profile.signature.title')}
      </h2>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorAlert error={error} />
        <SignatureEditor label={t('profile.signature.label')} value={profile.signature ?? ''} onChange={setHtml} />
        <div className="profile-section__actions">
          <button type="submit" className="button button--primary" disabled={loading} aria-busy={loading}>
            {t('profile.signature.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

function PasswordSection({ onSaved }: { onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const { changePassword, loading, error } = useChangePassword();
  const [values, setValues] = useState({ current: '', next: '', repeat: '' });
  const [errors, setErrors] = useState<Partial<Record<'current' | 'next' | 'repeat', string>>>({});

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!values.current) found.current = t('profile.password.currentRequired');
    if (values.next.length < 8) found.next = t('profile.password.tooShort');
    else if (values.next !== values.repeat) found.repeat = t('profile.password.mismatch');
    setErrors(found);
    if (Object.keys(found).length) return;
    const done = await changePassword({ currentPassword: values.current, newPassword: values.next });
    if (done) {
      setValues({ current: '', next: '', repeat: '' });
      onSaved(t('profile.password.changed'));
    }
  };

  const serverFields = error?.fields ?? {};
  const set = (key: keyof typeof values, value: string) => setValues((previous) => ({ ...previous, [key]: value }));
  return (
    <section className="panel profile-section" aria-labelledby="profile-password">
      <h2 id="profile-password" className="panel__title">
        {t('profile.password.title')}
      </h2>
      <form className="form" noValidate onSubmit={submit}>
        {error && Object.keys(serverFields).length === 0 && <ErrorAlert error={error} />}
        <Field label={t('profile.password.current')} error={errors.current ?? (serverFields.currentPassword ? t('profile.password.wrongCurrent') : undefined)}>
          <input className="input" type="password" autoComplete="current-password" value={values.current} onChange={(e) => set('current', e.target.value)} />
        </Field>
        <Field label={t('profile.password.new')} error={errors.next ?? (serverFields.newPassword ? t('profile.password.tooShort') : undefined)} hint={t('profile.password.hint')}>
          <input className="input" type="password" autoComplete="new-password" value={values.next} onChange={(e) => set('next', e.target.value)} />
        </Field>
        <Field label={t('profile.password.repeat')} error={errors.repeat}>
          <input className="input" type="password" autoComplete="new-password" value={values.repeat} onChange={(e) => set('repeat', e.target.value)} />
        </Field>
        <div className="profile-section__actions">
          <button type="submit" className="button button--primary" disabled={loading} aria-busy={loading}>
            {t('profile.password.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
