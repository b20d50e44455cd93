import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../app/i18n';
import { isAtLeast, Role } from '@crm/shared';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { AlertIcon, ClientsIcon, SearchIcon } from '../../../ui/icons';
import { LoadError } from '../../../ui/LoadError';
import { PageHeader } from '../../../ui/PageHeader';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { LIST_QUERY } from '../graphql/campaigns';
import { useArchiveList, useListMembers } from '../hooks/useCampaigns';
import { ListDialog } from './ListDialog';
import { ListExportButtons } from './ListExportButtons';
import { Pagination } from '../../../ui/Pagination';

const PAGE_SIZE = 50;

/** /lists/:listId: a list's settings and its clients (those the user may see); static lists lose members here. */
export function ListPage() {
  const { listId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canManage = isAtLeast(useCurrentUser().role as Role, Role.Manager);
  const [text, setText] = useState('');
  const search = useDebouncedValue(text, 300);
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const { data, previousData, loading, error, refetch } = useQuery(LIST_QUERY, { variables: { id: listId, text: search || null, page: { offset, limit: PAGE_SIZE } } });
  const members = useListMembers();
  const archive = useArchiveList();
  const shown = data ?? previousData;
  const list = shown?.distributionList;

  if (loading && !shown) return <InlineLoading />;
  if (!list) return <LoadError title={t('campaigns.lists.loadError')} error={error} onRetry={() => void refetch()} />;
  const items = shown.listMembers.items;
  const total = shown.listMembers.total;
  const editable = canManage && list.kind === 'STATIC';
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const remove = async () => {
    const removed = await members.remove(list.id, [...selected]);
    if (removed !== undefined) setSelected(new Set());
  };

  return (
    <div className="page page--wide">
      <nav className="breadcrumb" aria-label={t('campaigns.lists.breadcrumb')}>
        <Link to="/lists">{t('campaigns.lists.title')}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{list.name}</span>
      </nav>
      <PageHeader
        title={list.name}
        description={[t(`campaigns.lists.kind.${list.kind}`), t(`campaigns.lists.channel.${list.channel}`), list.recipients === 'ROLE' ? t('campaigns.lists.byRole', { role: list.role }) : t(`campaigns.lists.recipients.${list.recipients}`)].join(' · ')}
        actions={
          <>
            <ListExportButtons list={list} onError={setExportError} />
            {canManage && (
              <>
                <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
                  {t('campaigns.lists.edit')}
                </button>
                <button type="button" className="button button--secondary" onClick={() => setArchiving(true)}>
                  {t('campaigns.lists.archive')}
                </button>
              </>
            )}
          </>
        }
      />
      {exportError && (
        <div className="alert alert--danger" role="alert">
          <AlertIcon />
          <span>{exportError}</span>
        </div>
      )}
      <p className="list-toolbar__hint">{list.kind === 'STATIC' ? t('campaigns.lists.staticHint') : t('campaigns.lists.dynamicHint')}</p>
      <div className="list-toolbar">
        <label className="search-input filter-bar__search">
          <SearchIcon />
          <input className="input input--compact" type="search" aria-label={t('campaigns.lists.search')} placeholder={t('cards.filters.textPlaceholder')} value={text} onChange={(event) => { setText(event.target.value); setOffset(0); }} />
        </label>
        <p className="list-toolbar__total" aria-live="polite">
          {t('clients.total', { count: total })}
        </p>
        <div className="list-toolbar__actions">
          {editable && (
            <Link className="button button--secondary button--small" to="/clients">
              {t('campaigns.lists.addFromClients')}
            </Link>
          )}
          {editable && selected.size > 0 && (
            <button type="button" className="button button--danger button--small" disabled={members.loading} onClick={() => void remove()}>
              {t('campaigns.lists.removeSelected', { count: selected.size })}
            </button>
          )}
        </div>
      </div>
      <ErrorAlert error={members.error} />
      {items.length === 0 ? (
        <EmptyState icon={<ClientsIcon />} title={t('campaigns.lists.noMembersTitle')} body={list.kind === 'STATIC' ? t('campaigns.lists.noMembersStatic') : t('campaigns.lists.noMembersDynamic')} />
      ) : (
        <div className={`table-wrap${loading ? ' table-wrap--busy' : ''}`}>
          <table className="table table--dense">
            <caption className="visually-hidden">{t('campaigns.lists.members', { name: list.name })}</caption>
            <thead>
              <tr>
                {editable && <th scope="col" className="table__check" aria-label={t('campaigns.lists.select')} />}
                <th scope="col">{t('clients.columns.name')}</th>
                <th scope="col">{t('cards.columns.email')}</th>
                <th scope="col">{t('cards.columns.phone')}</th>
                <th scope="col">{t('labels.kind.DEPARTMENT')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((client) => (
                <tr key={client.id} className={selected.has(client.id) ? 'table__row--selected' : undefined}>
                  {editable && (
                    <td className="table__check">
                      <input type="checkbox" className="checkbox" aria-label={t('cards.selection.row', { name: client.name })} checked={selected.has(client.id)} onChange={() => toggle(client.id)} />
                    </td>
                  )}
                  <th scope="row" className="table__primary">
                    <Link className="table__link" to={`/clients/${client.id}`}>
                      {client.name}
                    </Link>
                  </th>
                  <td>{client.emails[0] ?? <span className="table__muted">—</span>}</td>
                  <td>{client.phones[0] ?? <span className="table__muted">—</span>}</td>
                  <td>{client.department?.name ?? <span className="table__muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > PAGE_SIZE && (
        <Pagination offset={offset} pageSize={PAGE_SIZE} total={total} onOffset={setOffset} />
      )}
      {editing && <ListDialog list={list} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
      {archiving && (
        <ConfirmDialog
          title={t('campaigns.lists.archiveTitle', { name: list.name })}
          body={t('campaigns.lists.archiveBody')}
          confirmLabel={t('campaigns.lists.archive')}
          busy={archive.loading}
          error={archive.error}
          onClose={() => setArchiving(false)}
          onConfirm={async () => {
            if (await archive.archive(list.id)) navigate('/lists');
          }}
        />
      )}
    </div>
  );
}
