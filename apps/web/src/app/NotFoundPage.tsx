import { Link } from 'react-router-dom';
import { useTranslation } from './i18n';
import { EmptyState } from '../ui/EmptyState';
import { CompassIcon } from '../ui/icons';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <EmptyState
        icon={<CompassIcon />}
        title={t('pages.notFound.title')}
        body={t('pages.notFound.body')}
        action={
          <Link className="button button--secondary" to="/board">
            {t('pages.notFound.back')}
          </Link>
        }
      />
    </div>
  );
}
