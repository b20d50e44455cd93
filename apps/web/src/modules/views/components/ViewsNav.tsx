import { NavLink, useLocation } from 'react-router-dom';
import { useTranslation } from '../../../app/i18n';
import { useCardViews } from '../hooks/useViews';

/** Saved views, listed in the main navigation under the list entry. */
export function ViewsNav() {
  const { t } = useTranslation();
  const location = useLocation();
  const { views } = useCardViews();
  if (views.length === 0) return null;
  const currentView = new URLSearchParams(location.search).get('view');
  return (
    <ul className="nav-views" aria-label={t('views.navLabel')}>
      {views
        .filter((view) => view.pipelineId)
        .map((view) => (
          <li key={view.id}>
            <NavLink
              to={`/list/${view.pipelineId}?view=${view.id}`}
              className={() => `nav-link nav-link--view${currentView === view.id ? ' active' : ''}`}
              aria-current={currentView === view.id ? 'page' : undefined}
            >
              <span className="nav-link__view-dot" aria-hidden="true" />
              <span className="nav-link__text">{view.name}</span>
              {view.shared && <span className="visually-hidden">{t('views.sharedSuffix')}</span>}
            </NavLink>
          </li>
        ))}
    </ul>
  );
}
