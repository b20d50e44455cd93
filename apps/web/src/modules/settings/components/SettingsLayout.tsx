import { Navigate, NavLink, Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { RequireAdmin } from '../../auth/components/RequireAuth';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { MailIcon } from '../../mail/components/MailIcon';
import { AuditIcon, ColumnsIcon, LockIcon, PipelineIcon, TagIcon, TrashIcon, UsersIcon, WebhookIcon } from '../../../ui/icons';

const SECTIONS = [
  { to: '/settings/users', labelKey: 'settings.users', icon: UsersIcon },
  { to: '/settings/pipelines', labelKey: 'settings.pipelines', icon: PipelineIcon },
  { to: '/settings/labels', labelKey: 'settings.labels', icon: TagIcon },
  { to: '/settings/fields', labelKey: 'fields.nav', icon: ColumnsIcon },
  { to: '/settings/trash', labelKey: 'card.nav.trash', icon: TrashIcon },
  { to: '/settings/audit', labelKey: 'card.nav.audit', icon: AuditIcon },
  { to: '/settings/api-keys', labelKey: 'integrations.nav', icon: LockIcon },
  { to: '/settings/webhooks', labelKey: 'integrations.hooks.nav', icon: WebhookIcon },
  { to: '/settings/templates', labelKey: 'templates.nav', icon: MailIcon, managers: true },
];

/** /settings itself: the first section the user may open (users for admins, templates for managers). */
export function SettingsIndex() {
  const user = useCurrentUser();
  const first = SECTIONS.find((section) => user.role === 'ADMIN' || section.managers);
  return <Navigate to={first?.to ?? '/'} replace />;
}

/** /settings: a sub-navigation of sections. */
export function SettingsLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  // Managers may open the sections marked for them (templates); everything else stays admin-only.
  const sections = SECTIONS.filter((section) => user.role === 'ADMIN' || section.managers);
  // /settings itself redirects to the first section the user may open (SettingsIndex).
  const atIndex = pathname.replace(/\/$/, '') === '/settings';
  const managerSection = user.role === 'MANAGER' && (atIndex || sections.some((section) => pathname.startsWith(section.to)));
  const layout = (
    <div className="settings">
      <aside className="settings__aside">
        <p className="settings__heading">{t('settings.title')}</p>
        <nav aria-label={t('settings.sectionsLabel')}>
          <ul>
            {sections.map(({ to, labelKey, icon: Icon }) => (
              <li key={to}>
                <NavLink to={to} className="nav-link nav-link--sub">
                  <Icon />
                  <span>{t(labelKey)}</span>
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="settings__content">
        <Outlet />
      </div>
    </div>
  );
  return managerSection ? layout : <RequireAdmin>{layout}</RequireAdmin>;
}
