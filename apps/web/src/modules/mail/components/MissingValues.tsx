import { useTranslation } from 'react-i18next';
import { AlertIcon } from '../../../ui/icons';

/** The variables that have no value for the chosen card and contact: flagged, never sent blank. */
export function MissingValues({ missing }: { missing: readonly string[] }) {
  const { t } = useTranslation();
  if (missing.length === 0) return null;
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
        <p className="alert__hint">{t('mail.missing.hint', { example: '{{fallback contact.firstName "Partner"}}' })}</p>
      </div>
    </div>
  );
}
