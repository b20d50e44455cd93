import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../ui/EmptyState';
import { ClientsIcon } from '../../../ui/icons';
import { PageHeader } from '../../../ui/PageHeader';

export function ClientsPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeader title={t('pages.clients.title')} description={t('pages.clients.description')} />
      <EmptyState
        icon={<ClientsIcon />}
        title={t('pages.clients.emptyTitle')}
        body={t('pages.clients.emptyBody')}
      />
    </div>
  );
}
