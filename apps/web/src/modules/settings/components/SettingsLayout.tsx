import { NavLink, Outlet } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { RequireAdmin } from '../../auth/components/RequireAuth';
import { PipelineIcon, TagIcon, UsersIcon } from '../../../ui/icons';

const SECTIONS = [
  { to: '/settings/users', labelKey: 'settings.users', icon: UsersIcon },
  { to: '/settings/pipelines', labelKey: 'settings.pipelines', icon: PipelineIcon },
  { to: '/settings/labels', labelKey: 'settings.labels', icon: TagIcon },
];

/** /settings: a sub-navigation of sections (users first; more arrive with later features). */
export function SettingsLayout() {
  const { t } = useTranslation();
  return (
    <RequireAdmin>
      <div className="settings">
        <aside className="settings__aside">
          <p className="settings__heading">{t('settings.title')}</p>
          <nav aria-label={t('settings.sectionsLabel')}>
            <ul>
              {SECTIONS.map(({ to, labelKey, icon: Icon }) => (
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
    </RequireAdmin>
  );
}
