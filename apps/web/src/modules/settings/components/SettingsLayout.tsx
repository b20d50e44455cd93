import { Navigate, NavLink, Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from '../../../app/i18n';
import { isAtLeast, Role } from '@crm/shared';
import { NoAccess } from '../../auth/components/RequireAuth';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { MailIcon } from '../../mail/components/MailIcon';
import { AuditIcon, ColumnsIcon, InboxIcon, LockIcon, PipelineIcon, SettingsIcon, TagIcon, TrashIcon, UsersIcon, WebhookIcon } from '../../../ui/icons';

/** Each section and the weakest role that may open it (the API enforces the same). */
const SECTIONS = [
  { to: '/settings/users', labelKey: 'settings.users', icon: UsersIcon, minRole: Role.Admin },
  { to: '/settings/organisation', labelKey: 'orgSettings.nav', icon: SettingsIcon, minRole: Role.Admin },
  { to: '/settings/pipelines', labelKey: 'settings.pipelines', icon: PipelineIcon, minRole: Role.Admin },
  { to: '/settings/labels', labelKey: 'settings.labels', icon: TagIcon, minRole: Role.Admin },
  { to: '/settings/fields', labelKey: 'fields.nav', icon: ColumnsIcon, minRole: Role.Admin },
  { to: '/settings/trash', labelKey: 'card.nav.trash', icon: TrashIcon, minRole: Role.Admin },
  { to: '/settings/audit', labelKey: 'card.nav.audit', icon: AuditIcon, minRole: Role.Admin },
  { to: '/settings/api-keys', labelKey: 'integrations.nav', icon: LockIcon, minRole: Role.Admin },
  { to: '/settings/webhooks', labelKey: 'integrations.hooks.nav', icon: WebhookIcon, minRole: Role.Admin },
  { to: '/settings/campaigns', labelKey: 'campaigns.settings.nav', icon: MailIcon, minRole: Role.Admin },
  { to: '/settings/templates', labelKey: 'templates.nav', icon: MailIcon, minRole: Role.Manager },
  // Each user's own IMAP mailbox.
  { to: '/settings/mailbox', labelKey: 'mailbox.nav', icon: InboxIcon, minRole: Role.Normal },
];

const sectionsFor = (role: string) => SECTIONS.filter((section) => isAtLeast(role as Role, section.minRole));

/** /settings itself: the first section the user may open (users for admins, templates for managers, the mailbox for others). */
export function SettingsIndex() {
  const user = useCurrentUser();
  const first = sectionsFor(user.role)[0];
  return <Navigate to={first?.to ?? '/'} replace />;
}

/** /settings: a sub-navigation of sections. */
export function SettingsLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const sections = sectionsFor(user.role);
  // /settings itself redirects to the first section the user may open (SettingsIndex).
  const atIndex = pathname.replace(/\/$/, '') === '/settings';
  const allowed = user.role === 'ADMIN' || (sections.length > 0 && (atIndex || sections.some((section) => pathname.startsWith(section.to))));
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
  return allowed ? layout : <NoAccess />;
}
