import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, type Location } from 'react-router-dom';
import { useTranslation } from '../../../app/i18n';
import { Field } from '../../../ui/Field';
import { FullPageLoading } from '../../../ui/FullPageLoading';
import { AlertIcon, LogoMark } from '../../../ui/icons';
import { LanguageSwitch } from '../../../app/shell/LanguageSwitch';
import { useMe } from '../hooks/useCurrentUser';
import { useLogin } from '../hooks/useLogin';

function destination(state: unknown): string {
  const from = (state as { from?: Location } | null)?.from;
  if (!from || from.pathname === '/login') return '/board';
  return `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`;
}

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const { me, loading: checking } = useMe();
  const { login, loading, error, clearError } = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});

  if (checking) return <FullPageLoading />;
  if (me) return <Navigate to={destination(location.state)} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = {
      email: email.trim() ? undefined : t('auth.emailRequired'),
      password: password ? undefined : t('auth.passwordRequired'),
    };
    setMissing(next);
    if (next.email || next.password) return;
    // On success the cache's `me` is set and this page redirects.
    await login({ email: email.trim(), password });
  };

  return (
    <main className="login">
      <div className="login__language">
        <LanguageSwitch save={false} />
      </div>
      <div className="login__card">
        <div className="login__brand">
          <LogoMark />
          <span>{t('app.name')}</span>
        </div>
        <h1 className="login__title">{t('auth.title')}</h1>
        <p className="login__subtitle">{t('auth.subtitle')}</p>
        {error && (
          <div className="alert alert--danger" role="alert">
            <AlertIcon />
            <span>{error.message}</span>
          </div>
        )}
        <form className="form" noValidate onSubmit={onSubmit}>
          <Field label={t('auth.email')} error={missing.email ?? error?.fields.email}>
            <input
              className="input"
              type="email"
              name="email"
              autoComplete="username"
              inputMode="email"
              autoFocus
              value={email}
              onChange={(event) => {
                setEmail(event.target.value);
                clearError();
              }}
            />
          </Field>
          <Field label={t('auth.password')} error={missing.password ?? error?.fields.password}>
            <input
              className="input"
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => {
                setPassword(event.target.value);
                clearError();
              }}
            />
          </Field>
          <button type="submit" className="button button--primary button--block" disabled={loading} aria-busy={loading}>
            {loading && <span className="spinner spinner--small spinner--on-accent" aria-hidden="true" />}
            {loading ? t('auth.submitting') : t('auth.submit')}
          </button>
        </form>
        <p className="login__footer">{t('auth.footer')}</p>
      </div>
    </main>
  );
}
