import { useTranslation } from '../app/i18n';

/** Shown while the session is being checked: calm, and only visible if it takes a moment. */
export function FullPageLoading() {
  const { t } = useTranslation();
  return (
    <div className="full-page-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span className="full-page-loading__text">{t('app.loading')}</span>
    </div>
  );
}

export function InlineLoading() {
  const { t } = useTranslation();
  return (
    <div className="inline-loading" role="status">
      <span className="spinner spinner--small" aria-hidden="true" />
      <span>{t('app.loading')}</span>
    </div>
  );
}
