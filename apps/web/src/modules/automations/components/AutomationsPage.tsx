import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../ui/EmptyState';
import { AutomationsIcon } from '../../../ui/icons';
import { PageHeader } from '../../../ui/PageHeader';

export function AutomationsPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeader title={t('pages.automations.title')} description={t('pages.automations.description')} />
      <EmptyState
        icon={<AutomationsIcon />}
        title={t('pages.automations.emptyTitle')}
        body={t('pages.automations.emptyBody')}
      />
    </div>
  );
}
