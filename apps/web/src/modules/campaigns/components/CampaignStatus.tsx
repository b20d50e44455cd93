import { useTranslation } from '../../../app/i18n';

const TONE: Record<string, string> = { DONE: 'badge--success', SENDING: 'badge--accent', PREPARING: 'badge--accent', SCHEDULED: 'badge--accent' };

export function CampaignStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge ${TONE[status] ?? 'badge--neutral'}`}>{t(`campaigns.status.${status}`)}</span>;
}
