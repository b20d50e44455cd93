import { useTranslation } from '../../../app/i18n';
import { Link, useInRouterContext } from 'react-router-dom';
import { AlertIcon } from '../../../ui/icons';

/** The variables that have no value for the chosen card and contact: flagged, never sent blank. */
export function MissingValues({ missing }: { missing: readonly string[] }) {
  const { t } = useTranslation();
  const inRouter = useInRouterContext();
  if (missing.length === 0) return null;
  // The sender's data (signature, name) is set on the sender's profile, not on the card.
  const fromCard = missing.filter((path) => !path.startsWith('sender.'));
  const fromProfile = missing.length - fromCard.length;
  return (
    <div className="alert alert--warning" role="alert">
      <AlertIcon />
      <div>
        <p className="alert__title">{t('mail.missing.title', { count: missing.length })}</p>
        <ul className="mail-missing">
          {missing.map((path) => (
            <li key={path}>
              <code>{`{{${path}}}`}</code>
            </li>
          ))}
        </ul>
        {fromCard.length > 0 && <p className="alert__hint">{t('mail.missing.hint', { example: '{{fallback contact.firstName "Partner"}}' })}</p>}
        {fromProfile > 0 && (
          <p className="alert__hint">
            {t('profile.missingSender')}{' '}
            {inRouter ? <Link to="/profile">{t('profile.openProfile')}</Link> : <a href="/profile">{t('profile.openProfile')}</a>}
          </p>
        )}
      </div>
    </div>
  );
}
