import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../app/i18n';
import { isAtLeast, Role } from '@crm/shared';
import { EmptyState } from '../../../ui/EmptyState';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { ListIcon, PlusIcon } from '../../../ui/icons';
import { LoadError } from '../../../ui/LoadError';
import { PageHeader } from '../../../ui/PageHeader';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { LISTS_QUERY } from '../graphql/campaigns';
import { ListDialog } from './ListDialog';

/** /lists: the distribution lists, with how many of their clients the user may see. */
export function ListsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const canManage = isAtLeast(useCurrentUser().role as Role, Role.Manager);
  const [creating, setCreating] = useState(false);
  const { data, loading, error, refetch } = useQuery(LISTS_QUERY);
  const lists = data?.distributionLists ?? [];

  let body;
  if (loading && !data) body = <InlineLoading />;
  else if (error && !data) body = <LoadError title={t('campaigns.lists.loadError')} error={error} onRetry={() => void refetch()} />;
  else if (!lists.length) body = <EmptyState icon={<ListIcon />} title={t('campaigns.lists.emptyTitle')} body={t('campaigns.lists.emptyBody')} />;
  else {
    body = (
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('campaigns.lists.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('campaigns.lists.form.name')}</th>
              <th scope="col">{t('campaigns.lists.form.kind')}</th>
              <th scope="col">{t('campaigns.lists.form.channel')}</th>
              <th scope="col">{t('campaigns.lists.form.recipients')}</th>
              <th scope="col" className="table__num">
                {t('campaigns.lists.clients')}
              </th>
            </tr>
          </thead>
          <tbody>
            {lists.map((list) => (
              <tr key={list.id}>
                <th scope="row" className="table__primary">
                  <Link className="table__link" to={`/lists/${list.id}`}>
                    {list.name}
                  </Link>
                </th>
                <td>{t(`campaigns.lists.kind.${list.kind}`)}</td>
                <td>{t(`campaigns.lists.channel.${list.channel}`)}</td>
                <td>{list.recipients === 'ROLE' ? t('campaigns.lists.byRole', { role: list.role }) : t(`campaigns.lists.recipients.${list.recipients}`)}</td>
                <td className="table__num">{list.clientCount.toLocaleString(i18n.resolvedLanguage)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <div className="page page--wide">
      <PageHeader
        title={t('campaigns.lists.title')}
        description={t('campaigns.lists.description')}
        actions={
          canManage && (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              <PlusIcon />
              {t('campaigns.lists.new')}
            </button>
          )
        }
      />
      {body}
      {creating && <ListDialog onClose={() => setCreating(false)} onSaved={(list) => navigate(`/lists/${list.id}`)} />}
    </div>
  );
}
