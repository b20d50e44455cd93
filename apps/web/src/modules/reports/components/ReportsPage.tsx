import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../ui/EmptyState';
import { ReportsIcon } from '../../../ui/icons';
import { PageHeader } from '../../../ui/PageHeader';

export function ReportsPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeader title={t('pages.reports.title')} description={t('pages.reports.description')} />
      <EmptyState
        icon={<ReportsIcon />}
        title={t('pages.reports.emptyTitle')}
        body={t('pages.reports.emptyBody')}
      />
    </div>
  );
}
