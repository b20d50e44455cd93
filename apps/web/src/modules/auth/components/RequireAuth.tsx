import { useEffect, type ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { applyLocale, hasStoredLocale, useTranslation } from '../../../app/i18n';
import { EmptyState } from '../../../ui/EmptyState';
import { FullPageLoading } from '../../../ui/FullPageLoading';
import { LockIcon } from '../../../ui/icons';
import { CurrentUserContext, useCurrentUser, useMe } from '../hooks/useCurrentUser';
import { LoadError } from '../../../ui/LoadError';
import { setOrgTimeZone } from '../../../ui/datetime';
import { useOrganisation } from '../../organisation/hooks/useOrganisation';

/** Renders its children only for a signed-in user; everyone else goes to /login and comes back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { me, loading, error, refetch } = useMe();
  // The organisation's zone: every date shown or entered is wall-clock time there (not the browser's).
  const org = useOrganisation(!me);
  if (org.organisation) setOrgTimeZone(org.organisation.timeZone);

  // The user's saved language applies on a device with no choice of its own (signing in applies it too).
  // A choice made here outranks it: a reload right after switching must not bring back the language
  // whose replacement was still on its way to the profile.
  const userId = me?.id;
  useEffect(() => {
    if (me && !hasStoredLocale()) void applyLocale(me.locale);
    // Only when the signed-in user changes, not when they switch language later.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId]);

  // Wait for the zone before any date is drawn; without it (an error) the default zone serves.
  if (loading || (me && org.loading)) return <FullPageLoading />;
  if (error && !me) {
    return (
      <main className="full-page-center">
        <LoadError title={t('app.loadFailed')} error={error} onRetry={() => void refetch()} />
      </main>
    );
  }
  if (!me) return <Navigate to="/login" replace state={{ from: location }} />;
  return <CurrentUserContext.Provider value={me}>{children}</CurrentUserContext.Provider>;
}

/** Renders its children for admins, and a "no access" page for everyone else. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  if (user.role !== 'ADMIN') return <NoAccess />;
  return <>{children}</>;
}

export function NoAccess() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <EmptyState
        icon={<LockIcon />}
        title={t('pages.noAccess.title')}
        body={t('pages.noAccess.body')}
        action={
          <Link className="button button--secondary" to="/board">
            {t('pages.notFound.back')}
          </Link>
        }
      />
    </div>
  );
}
