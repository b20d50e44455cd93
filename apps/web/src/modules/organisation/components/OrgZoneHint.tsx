import { useTranslation } from '../../../app/i18n';
import { browserTimeZone, useOrganisation } from '../hooks/useOrganisation';

/** A small note in the header when this browser's zone is not the organisation's (times are shown in the latter). */
export function OrgZoneHint() {
  const { t } = useTranslation();
  const { organisation } = useOrganisation();
  const browser = browserTimeZone();
  if (!organisation || !browser || browser === organisation.timeZone) return null;
  return (
    <span className="zone-hint" title={t('orgZone.hintTitle', { zone: organisation.timeZone, browser })}>
      {t('orgZone.hint', { zone: organisation.timeZone.split('/').pop()!.replace(/_/g, ' ') })}
    </span>
  );
}
