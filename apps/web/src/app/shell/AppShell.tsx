import { Link, NavLink, Outlet } from 'react-router-dom';
import { OrgZoneHint } from '../../modules/organisation/components/OrgZoneHint';
import { useTranslation } from '../i18n';
import type { ComponentType, SVGProps } from 'react';
import { useCurrentUser } from '../../modules/auth/hooks/useCurrentUser';
import { useLogout } from '../../modules/auth/hooks/useLogout';
import { AutomationsIcon, BoardIcon, ClientsIcon, ImportIcon, InboxIcon, ListIcon, LogoMark, LogoutIcon, MergeIcon, ReportsIcon, SettingsIcon } from '../../ui/icons';
import { ViewsNav } from '../../modules/views/components/ViewsNav';
import { MailIcon } from '../../modules/mail/components/MailIcon';
import { initials } from '../../ui/initials';
import { LanguageSwitch } from './LanguageSwitch';
import { canUse, type Feature } from '../access';

interface NavItem {
  to: string;
  labelKey: string;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  /** The feature the entry opens, for roles that may use it (everyone when absent); the API enforces the same. */
  feature?: Feature;
  /** Saved views are listed under this entry. */
  withViews?: boolean;
}

const NAV_ITEMS: NavItem[] = [
  { to: '/board', labelKey: 'nav.board', icon: BoardIcon },
  { to: '/list', labelKey: 'nav.list', icon: ListIcon, withViews: true },
  { to: '/clients', labelKey: 'nav.clients', icon: ClientsIcon },
  { to: '/inbox', labelKey: 'nav.inbox', icon: InboxIcon, feature: 'inbox' },
  { to: '/duplicates', labelKey: 'card.nav.duplicates', icon: MergeIcon, feature: 'merge' },
  { to: '/automations', labelKey: 'nav.automations', icon: AutomationsIcon, feature: 'automations' },
  { to: '/lists', labelKey: 'campaigns.lists.nav', icon: ListIcon, feature: 'lists' },
  { to: '/campaigns', labelKey: 'campaigns.nav', icon: MailIcon, feature: 'campaigns' },
  { to: '/reports', labelKey: 'nav.reports', icon: ReportsIcon, feature: 'reports' },
  { to: '/imports', labelKey: 'imports.nav', icon: ImportIcon, feature: 'imports' },
  { to: '/settings', labelKey: 'nav.settings', icon: SettingsIcon, feature: 'settings' },
];

export function AppShell() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { logout, loading: loggingOut, error: logoutError } = useLogout();
  const items = NAV_ITEMS.filter((item) => !item.feature || canUse(user.role, item.feature));

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="shell__header">
        <div className="shell__brand">
          <LogoMark />
          <span className="shell__product">{t('app.name')}</span>
        </div>
        <div className="shell__header-end">
          <OrgZoneHint />
          <LanguageSwitch save />
          <Link
            to="/profile"
            className="user-chip"
            aria-label={t('header.account', { name: user.name, role: t(`roles.${user.role}`) })}
            title={t('profile.title')}
          >
            {user.photoUrl ? (
              <img className="user-chip__avatar user-chip__avatar--photo" src={user.photoUrl} alt="" aria-hidden="true" />
            ) : (
              <span className="user-chip__avatar" aria-hidden="true">
                {initials(user.name)}
              </span>
            )}
            <span className="user-chip__text" aria-hidden="true">
              <span className="user-chip__name">{user.name}</span>
              <span className="user-chip__role">{t(`roles.${user.role}`)}</span>
            </span>
          </Link>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => void logout()}
            disabled={loggingOut}
          >
            <LogoutIcon />
            {t('header.logout')}
          </button>
          {logoutError && (
            <span className="shell__header-error" role="alert">
              {logoutError.message}
            </span>
          )}
        </div>
      </header>
      <nav className="shell__nav" aria-label={t('nav.main')}>
        <ul>
          {items.map(({ to, labelKey, icon: Icon, withViews }) => (
            <li key={to}>
              <NavLink to={to} className="nav-link">
                <Icon />
                <span>{t(labelKey)}</span>
              </NavLink>
              {withViews && <ViewsNav />}
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="shell__main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
