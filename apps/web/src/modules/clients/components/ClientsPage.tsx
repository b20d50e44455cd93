import { useMemo, useState, type MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../app/i18n';
import type { ClientSortField, ClientSortInput, ClientType } from '../../../graphql/generated/graphql';
import { EmptyState } from '../../../ui/EmptyState';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { ArrowDownIcon, ArrowUpIcon, PlusIcon, SearchIcon } from '../../../ui/icons';
import { PageHeader } from '../../../ui/PageHeader';
import { useUrlState, useUrlText } from '../../../ui/urlState';
import { MultiSelect } from '../../../ui/MultiSelect';
import { useLabels } from '../../labels/hooks/useLabels';
import { NewCardDialog } from '../../board/components/NewCardDialog';
import { clientListCodec } from '../utils/listUrl';
import { formatDate } from '../../cards/utils/format';
import { CLIENT_LIST_QUERY } from '../graphql/clients';
import { LoadError } from '../../../ui/LoadError';
import { ExportButton } from '../../exports';
import { AddToListDialog } from '../../campaigns/components/AddToListDialog';
import { isAtLeast, Role } from '@crm/shared';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { Pagination } from '../../../ui/Pagination';

const PAGE_SIZE = 50;

/** /clients: every client the user may see, searchable, sortable, page by page. */
export function ClientsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const navigate = useNavigate();
  // Search, type, categories, sort and page live in the URL: Back from a client brings the same page.
  const [state, update] = useUrlState(clientListCodec);
  const { type, categoryIds, tagIds, sort } = state;
  const canBuildLists = isAtLeast(useCurrentUser().role as Role, Role.Manager);
  // Picked rows (click, Shift-click for a range), or every client matching the filter.
  const [picked, setPicked] = useState<{ ids: Set<string>; all: boolean; anchor: number | null }>({ ids: new Set(), all: false, anchor: null });
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const [text, setText] = useUrlText(state.text, (typed) => update({ text: typed, page: 1 }));
  const [creating, setCreating] = useState(false);
  const categories = useLabels('CATEGORY').labels;
  const tags = useLabels('TAG').labels;
  const offset = (state.page - 1) * PAGE_SIZE;
  const setOffset = (next: number) => update({ page: Math.floor(next / PAGE_SIZE) + 1 });
  const setSort = (next: ClientSortInput) => update({ sort: next, page: 1 });
  const filter = useMemo(
    () => ({ ...(state.text ? { text: state.text } : {}), ...(type ? { type } : {}), ...(categoryIds.length ? { categoryIds } : {}), ...(tagIds.length ? { tagIds } : {}) }),
    [state.text, type, categoryIds, tagIds],
  );

  const { data, previousData, loading, error, refetch } = useQuery(CLIENT_LIST_QUERY, {
    variables: { filter, sort, page: { offset, limit: PAGE_SIZE } },
  });
  const shown = data ?? previousData;
  const items = shown?.clients.items ?? [];
  const total = shown?.clients.total ?? 0;

  const pickedCount = picked.all ? total : picked.ids.size;
  const pageIds = items.map((c) => c.id);
  const pagePicked = pageIds.length > 0 && pageIds.every((id) => picked.all || picked.ids.has(id));
  const pick = (index: number, event: MouseEvent<HTMLInputElement>) =>
    setPicked((current) => {
      const ids = new Set(current.all ? pageIds : current.ids);
      const id = pageIds[index];
      const on = !ids.has(id);
      const [from, to] = event.shiftKey && current.anchor !== null ? [Math.min(current.anchor, index), Math.max(current.anchor, index)] : [index, index];
      for (let i = from; i <= to; i++) {
        if (on) ids.add(pageIds[i]);
        else ids.delete(pageIds[i]);
      }
      return { ids, all: false, anchor: index };
    });

  const header = (field: ClientSortField, label: string) => {
    const sorted = sort.field === field ? sort.direction : null;
    return (
      <th scope="col" aria-sort={sorted === 'ASC' ? 'ascending' : sorted === 'DESC' ? 'descending' : 'none'}>
        <button
          type="button"
          className="sort-button"
          onClick={() => setSort({ field, direction: sorted === 'ASC' ? 'DESC' : 'ASC' })}
        >
          {label}
          {sorted === 'ASC' && <ArrowUpIcon />}
          {sorted === 'DESC' && <ArrowDownIcon />}
        </button>
      </th>
    );
  };

  let body;
  if (loading && !shown) body = <InlineLoading />;
  else if (error && !shown) {
    body = (
      <LoadError title={t('clients.listLoadError')} error={error} onRetry={() => void refetch()} />
    );
  } else if (items.length === 0) {
    body = <EmptyState icon={<SearchIcon />} title={t('pages.clients.emptyTitle')} body={t('clients.emptyFiltered')} />;
  } else {
    body = (
      <>
        <div className={`table-wrap${loading ? ' table-wrap--busy' : ''}`}>
          <table className="table table--dense">
            <caption className="visually-hidden">{t('pages.clients.title')}</caption>
            <thead>
              <tr>
                {canBuildLists && (
                  <th scope="col" className="table__check">
                    <input
                      type="checkbox"
                      className="checkbox"
                      aria-label={t('campaigns.addToList.pickPage')}
                      checked={pagePicked}
                      onChange={() => setPicked(pagePicked ? { ids: new Set(), all: false, anchor: null } : { ids: new Set([...picked.ids, ...pageIds]), all: false, anchor: null })}
                    />
                  </th>
                )}
                {header('NAME', t('clients.columns.name'))}
                <th scope="col">{t('clients.fields.type')}</th>
                <th scope="col">{t('clients.fields.owner')}</th>
                <th scope="col">{t('cards.columns.email')}</th>
                <th scope="col">{t('cards.columns.phone')}</th>
                <th scope="col">{t('labels.kind.DEPARTMENT')}</th>
                {header('CREATED_AT', t('cards.columns.createdAt'))}
              </tr>
            </thead>
            <tbody>
              {items.map((client, index) => (
                <tr key={client.id} className={picked.all || picked.ids.has(client.id) ? 'table__row--selected' : undefined}>
                  {canBuildLists && (
                    <td className="table__check">
                      <input
                        type="checkbox"
                        className="checkbox"
                        aria-label={t('cards.selection.row', { name: client.name })}
                        checked={picked.all || picked.ids.has(client.id)}
                        onClick={(event) => pick(index, event)}
                        onChange={() => undefined}
                      />
                    </td>
                  )}
                  <th scope="row" className="table__primary">
                    <Link className="table__link table__truncate table__truncate--narrow" to={`/clients/${client.id}`} title={client.name}>
                      {client.name}
                    </Link>
                  </th>
                  <td>{t(`clients.type.${client.type}`)}</td>
                  <td>{client.owner?.name ?? <span className="table__muted">{t('board.card.noOwner')}</span>}</td>
                  <td>
                    {client.emails[0] ? (
                      <span className="table__truncate table__truncate--narrow" title={client.emails[0]}>
                        {client.emails[0]}
                      </span>
                    ) : (
                      <span className="table__muted">—</span>
                    )}
                  </td>
                  <td>{client.phones[0] ?? <span className="table__muted">—</span>}</td>
                  <td>{client.department?.name ?? <span className="table__muted">—</span>}</td>
                  <td className="table__muted">
                    <time dateTime={client.createdAt}>{formatDate(client.createdAt, language)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pagination offset={offset} pageSize={PAGE_SIZE} total={total} onOffset={setOffset} />
      </>
    );
  }

  return (
    <div className="page page--wide">
      <PageHeader
        title={t('pages.clients.title')}
        description={t('pages.clients.description')}
        actions={
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            <PlusIcon />
            {t('clientsList.newClient.button')}
          </button>
        }
      />
      <div className="filter-bar" role="search" aria-label={t('clients.filterLabel')}>
        <label className="search-input filter-bar__search">
          <SearchIcon />
          <input
            className="input input--compact"
            type="search"
            aria-label={t('cards.filters.text')}
            placeholder={t('cards.filters.textPlaceholder')}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <div className="filter-field">
          <label className="filter-field__label" htmlFor="client-type-filter">
            {t('clients.fields.type')}
          </label>
          <select
            id="client-type-filter"
            className="select select--compact"
            value={type}
            onChange={(event) => update({ type: event.target.value as ClientType | '', page: 1 })}
          >
            <option value="">{t('clients.anyType')}</option>
            <option value="COMPANY">{t('clients.type.COMPANY')}</option>
            <option value="PERSON">{t('clients.type.PERSON')}</option>
          </select>
        </div>
        <MultiSelect
          label={t('labels.kind.CATEGORY')}
          options={categories}
          selected={categoryIds}
          anyLabel={t('clientsList.anyCategory')}
          onChange={(ids) => update({ categoryIds: ids, page: 1 })}
        />
        <MultiSelect label={t('labels.kind.TAG')} options={tags} selected={tagIds} anyLabel={t('campaigns.addToList.anyTag')} onChange={(ids) => update({ tagIds: ids, page: 1 })} />
      </div>
      <div className="list-toolbar">
        <p className="list-toolbar__total" aria-live="polite">
          {t('clients.total', { count: total })}
        </p>
        <div className="list-toolbar__actions">
          {canBuildLists && (
            <button type="button" className="button button--secondary button--small" disabled={pickedCount === 0} onClick={() => { setAdded(null); setAdding(true); }}>
              {pickedCount === 0
                ? t('campaigns.addToList.buttonNone')
                : t('campaigns.addToList.button', { count: pickedCount })}
            </button>
          )}
          <ExportButton source={{ kind: 'clients', filter, sort }} total={total} />
        </div>
      </div>
      {canBuildLists && pagePicked && !picked.all && total > items.length && (
        <p className="select-all-banner">
          {t('campaigns.addToList.pagePicked', { count: items.length })}{' '}
          <button type="button" className="link-button" onClick={() => setPicked({ ids: new Set(), all: true, anchor: null })}>
            {t('campaigns.addToList.pickAll', { count: total })}
          </button>
        </p>
      )}
      {picked.all && (
        <p className="select-all-banner">
          {t('campaigns.addToList.allPicked', { count: total })}{' '}
          <button type="button" className="link-button" onClick={() => setPicked({ ids: new Set(), all: false, anchor: null })}>
            {t('cards.selection.clear')}
          </button>
        </p>
      )}
      {added && (
        <p className="notice" role="status">
          {added}
        </p>
      )}
      {body}
      {adding && (
        <AddToListDialog
          clientIds={picked.all ? null : [...picked.ids]}
          filter={filter}
          count={pickedCount}
          onClose={() => setAdding(false)}
          onAdded={(n, listName) => {
            setAdding(false);
            setPicked({ ids: new Set(), all: false, anchor: null });
            setAdded(t('campaigns.addToList.added', { count: n, list: listName }));
          }}
        />
      )}
      {creating && (
        <NewCardDialog
          onClose={() => setCreating(false)}
          onCreated={(card) => {
            setCreating(false);
            navigate(`/clients/${card.client.id}`);
          }}
        />
      )}
    </div>
  );
}
