import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../ui/EmptyState';
import { BoardIcon } from '../../../ui/icons';
import { PageHeader } from '../../../ui/PageHeader';

export function BoardPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeader title={t('pages.board.title')} description={t('pages.board.description')} />
      <EmptyState
        icon={<BoardIcon />}
        title={t('pages.board.emptyTitle')}
        body={t('pages.board.emptyBody')}
      />
    </div>
  );
}
