import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { MASS_CONFIRM_THRESHOLD, MASS_UNDO_MINUTES } from '@crm/shared';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from '../../../app/i18n';
import type {
  CardChangeInput,
  CardFilterInput,
  CardSortInput,
  StatusFieldsFragment,
  ViewFieldsFragment,
} from '../../../graphql/generated/graphql';
import { EmptyState } from '../../../ui/EmptyState';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { AlertIcon, BoardIcon, ListIcon, SearchIcon } from '../../../ui/icons';
import { PageHeader } from '../../../ui/PageHeader';
import { useUrlState, useUrlText } from '../../../ui/urlState';
import { useCan } from '../../../app/access';
import { useAllLabels } from '../../labels/hooks/useLabels';
import { rememberPipeline } from '../../pipelines/components/PipelineRedirect';
import { PipelineSwitcher } from '../../pipelines/components/PipelineSwitcher';
import { usePipelines } from '../../pipelines/hooks/usePipelines';
import { useAssignableUsers } from '../../users/hooks/useAssignableUsers';
import { EmailViewButton } from '../../automations/components/EmailViewButton';
import { ExportButton } from '../../exports';
import { DeleteViewButton } from '../../views/components/DeleteViewButton';
import { SaveViewDialog } from '../../views/components/SaveViewDialog';
import { useCardViews } from '../../views/hooks/useViews';
import { LIST_PAGE_SIZE, useCardList, useListCustomFields, useMassUpdateCards } from '../hooks/useCardList';
import { customColumnKey, customFieldIdOf } from '../utils/columns';
import { cardListCodec, hasListState, viewListState } from '../utils/listUrl';
import { isFilterable } from '../utils/customFields';
import { compactFilter, customFilterValue, toggleSort } from '../utils/filter';
import { CardFilterBar } from './CardFilterBar';
import { CardTable } from './CardTable';
import { ColumnMenu } from './ColumnMenu';
import { MassActionBar } from './MassActionBar';
import { MassUndoToast, type UndoableMass } from './MassUndoToast';
import { LoadError } from '../../../ui/LoadError';
import { Pagination } from '../../../ui/Pagination';

interface Selection {
  ids: ReadonlySet<string>;
  /** Every card that matches the filter, not only the ticked rows. */
  all: boolean;
}

const NO_SELECTION: Selection = { ids: new Set(), all: false };

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** /list/:pipelineId (optionally ?view=id): the cards of a pipeline as a filterable, sortable table. */
export function CardListPage() {
  const { t } = useTranslation();
  const { pipelineId = '' } = useParams();
  // Filters, sort, columns and page live in the URL: Back from a card, a reload or a shared link
  // brings the same list.
  const [state, update, params] = useUrlState(cardListCodec);
  const { viewId, filter, sort, columns, page } = state;
  const { pipelines } = usePipelines();
  const pipeline = pipelines.find((candidate) => candidate.id === pipelineId);
  const users = useAssignableUsers();
  const labels = useAllLabels();
  const customFields = useListCustomFields(pipelineId);
  const { views } = useCardViews(pipelineId);
  const view = views.find((candidate) => candidate.id === viewId);
  const canAutomate = useCan('automations');

  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const [notice, setNotice] = useState<ReactNode>(null);
  const [saving, setSaving] = useState<'new' | 'update' | null>(null);

  // A link to a view (?view=id alone) loads the view's filter, columns and sort into the URL.
  const viewToLoad = view && !hasListState(params) ? view : null;
  useEffect(() => {
    if (viewToLoad) update(viewListState(viewToLoad));
  }, [viewToLoad, update]);

  useEffect(() => rememberPipeline(pipelineId), [pipelineId]);

  // Changing what is shown goes back to the first page; the columns do not.
  const setFilter = (next: CardFilterInput) => update({ filter: next, page: 1 });
  const setSort = (next: (current: CardSortInput | null) => CardSortInput) => update((current) => ({ sort: next(current.sort), page: 1 }));
  const setColumns = (next: string[]) => update({ columns: next });
  const [text, setText] = useUrlText(state.text, (typed) => update({ text: typed, page: 1 }));
  const offset = (page - 1) * LIST_PAGE_SIZE;
  const setOffset = (next: number) => update({ page: Math.floor(next / LIST_PAGE_SIZE) + 1 });

  const queryFilter = useMemo(() => compactFilter({ ...filter, text: state.text }), [filter, state.text]);
  const filterKey = JSON.stringify([queryFilter, sort, pipelineId]);
  useEffect(() => {
    setSelection(NO_SELECTION);
  }, [filterKey]);

  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(null), 6000);
    return () => window.clearTimeout(timer);
  }, [notice]);

  const { items, total, shownOffset, loading, refreshing, error, refetch } = useCardList(pipelineId, queryFilter, sort, offset);
  const mass = useMassUpdateCards();

  // Alt+A (and Ctrl/Cmd+A outside text fields) selects every matching card.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const altA = event.altKey && event.code === 'KeyA';
      const ctrlA = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a' && !isTextField(event.target);
      if ((altA || ctrlA) && total > 0) {
        event.preventDefault();
        setSelection({ ids: new Set(), all: true });
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [total]);

  const statuses = useMemo(() => pipeline?.statuses.filter((status) => !status.archivedAt) ?? [], [pipeline]);
  const statusById = useMemo(() => {
    const map: Record<string, StatusFieldsFragment> = {};
    for (const status of pipeline?.statuses ?? []) map[status.id] = status;
    return map;
  }, [pipeline]);

  const userNames = useMemo(() => new Map(users.map((u) => [u.id, u.name] as const)), [users]);
  const customById = useMemo(() => new Map(customFields.map((field) => [field.id, field] as const)), [customFields]);
  // Custom field columns are drawn (and offered in the menu) once their field is known; a column of a
  // field that is not (archived, or still loading) stays in the state, so saving the view keeps it.
  const shownColumns = columns.filter((key) => {
    const fieldId = customFieldIdOf(key);
    return fieldId === null || customById.has(fieldId);
  });
  const changeColumns = (next: string[]) => setColumns([...next, ...columns.filter((key) => !shownColumns.includes(key))]);
  // A choice or yes/no field is filterable while its column is shown, or while a filter on it is set.
  const customFilters = customFields.filter(
    (field) =>
      isFilterable(field.kind) &&
      (shownColumns.includes(customColumnKey(field.id)) || customFilterValue(filter, field.id) !== undefined),
  );

  const isSelected = (id: string) => selection.all || selection.ids.has(id);
  const pageSelected = items.length > 0 && items.every((card) => isSelected(card.id));
  const selectedCount = selection.all ? total : selection.ids.size;
  const toggle = (id: string) =>
    setSelection((current) => {
      const ids = new Set(current.all ? items.map((card) => card.id) : current.ids);
      if (ids.has(id)) ids.delete(id);
      else ids.add(id);
      return { ids, all: false };
    });
  const togglePage = () =>
    setSelection(pageSelected ? NO_SELECTION : { ids: new Set(items.map((card) => card.id)), all: false });

  // A large mass action is confirmed first, with the count.
  const [confirming, setConfirming] = useState<CardChangeInput | null>(null);
  const [undoable, setUndoable] = useState<UndoableMass | null>(null);
  const closeUndo = useCallback(() => setUndoable(null), []);
  const requestApply = (change: CardChangeInput) => {
    if (selectedCount > MASS_CONFIRM_THRESHOLD) setConfirming(change);
    else void apply(change);
  };

  const apply = async (change: CardChangeInput) => {
    setConfirming(null);
    const result = await mass.massUpdate({
      pipelineId,
      change,
      ...(selection.all ? { filter: queryFilter } : { cardIds: [...selection.ids] }),
    });
    if (result) {
      if (result.undoId && result.undoUntil) {
        setNotice(null);
        setUndoable({ id: result.undoId, changed: result.changed, undoUntil: result.undoUntil });
      } else {
        setUndoable(null);
        setNotice(t('cards.mass.done', { count: result.changed, matched: result.matched }));
      }
      setSelection(NO_SELECTION);
    }
  };

  const viewContent = {
    kind: 'CARDS' as const,
    pipelineId,
    filter: queryFilter,
    columns: ['client', ...columns],
    sort,
  };

  const onViewSaved = (saved: ViewFieldsFragment) => {
    setSaving(null);
    update({ viewId: saved.id });
    setNotice(t('views.saved', { name: saved.name }));
  };


  let body;
  if (loading) body = <InlineLoading />;
  else if (error) {
    body = (
      <LoadError title={t('cards.loadError')} error={error} onRetry={() => void refetch()} />
    );
  } else if (items.length === 0) {
    body = <EmptyState icon={<SearchIcon />} title={t('cards.emptyTitle')} body={t('cards.emptyBody')} />;
  } else {
    body = (
      <>
        <CardTable
          items={items}
          columns={shownColumns}
          sort={sort}
          onSort={(field, customFieldId) => setSort((current) => toggleSort(current, field, customFieldId))}
          statuses={statusById}
          customFields={customById}
          users={userNames}
          isSelected={isSelected}
          onToggle={toggle}
          pageSelected={pageSelected}
          onTogglePage={togglePage}
          busy={refreshing}
        />
        <Pagination offset={shownOffset} pageSize={LIST_PAGE_SIZE} total={total} onOffset={setOffset} />
      </>
    );
  }

  return (
    <div className="page page--wide">
      <PageHeader
        title={view ? view.name : (pipeline?.name ?? t('cards.title'))}
        description={view ? t('views.viewOf', { pipeline: pipeline?.name ?? '' }) : t('cards.description')}
        actions={
          <>
            {pipelines.length > 0 && (
              <PipelineSwitcher pipelines={pipelines} currentId={pipelineId} to={(id) => `/list/${id}`} />
            )}
            <nav className="view-toggle" aria-label={t('board.viewToggle')}>
              <Link className="view-toggle__item" to={`/board/${pipelineId}`}>
                <BoardIcon />
                {t('board.boardView')}
              </Link>
              <Link className="view-toggle__item view-toggle__item--active" to={`/list/${pipelineId}`} aria-current="page">
                <ListIcon />
                {t('board.listView')}
              </Link>
            </nav>
          </>
        }
      />
      <CardFilterBar
        filter={filter}
        onChange={setFilter}
        text={text}
        onTextChange={setText}
        statuses={statuses}
        users={users}
        labels={labels}
        customFields={customFilters}
      />
      <div className="list-toolbar">
        <p className="list-toolbar__total" aria-live="polite">
          {t('cards.total', { count: total })}
        </p>
        <div className="list-toolbar__actions">
          <ColumnMenu columns={shownColumns} onChange={changeColumns} customFields={customFields} />
          <ExportButton source={{ kind: 'cards', pipelineId, filter: queryFilter, sort, columns: ['client', ...shownColumns] }} total={total} />
          {view && canAutomate && <EmailViewButton pipelineId={pipelineId} view={view} />}
          {view?.editable && (
            <button type="button" className="button button--secondary button--small" onClick={() => setSaving('update')}>
              {t('views.update')}
            </button>
          )}
          {view?.editable && (
            <DeleteViewButton view={view} onDeleted={(deleted) => setNotice(t('views.deleted', { name: deleted.name }))} />
          )}
          <button type="button" className="button button--secondary button--small" onClick={() => setSaving('new')}>
            {t('views.saveAs')}
          </button>
        </div>
      </div>
      <div className="notice-region" role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
        {undoable && (
          <MassUndoToast
            key={undoable.id}
            mass={undoable}
            onClose={closeUndo}
            onUndone={(restored) => {
              setUndoable(null);
              setNotice(t('massUndo.undone', { count: restored }));
            }}
          />
        )}
      </div>
      {mass.error && (
        <div className="alert alert--danger list-alert" role="alert">
          <AlertIcon />
          <span>{mass.error.message}</span>
        </div>
      )}
      {selectedCount > 0 && (
        <MassActionBar
          count={selectedCount}
          statuses={statuses}
          users={users}
          labels={labels}
          busy={mass.loading}
          onApply={requestApply}
          onClear={() => setSelection(NO_SELECTION)}
        />
      )}
      {pageSelected && !selection.all && total > items.length && (
        <p className="select-all-banner">
          {t('cards.selection.pageSelected', { count: items.length })}{' '}
          <button type="button" className="link-button" onClick={() => setSelection({ ids: new Set(), all: true })}>
            {t('cards.selection.selectAll', { count: total })}
          </button>
        </p>
      )}
      {selection.all && (
        <p className="select-all-banner">
          {t('cards.selection.allSelected', { count: total })}{' '}
          <button type="button" className="link-button" onClick={() => setSelection(NO_SELECTION)}>
            {t('cards.selection.clear')}
          </button>
        </p>
      )}
      {body}
      {confirming && (
        <ConfirmDialog
          tone="primary"
          title={t('massUndo.confirm.title', { count: selectedCount })}
          body={t('massUndo.confirm.body', { count: selectedCount, minutes: MASS_UNDO_MINUTES })}
          confirmLabel={t('cards.mass.apply', { count: selectedCount })}
          busy={mass.loading}
          onConfirm={() => void apply(confirming)}
          onClose={() => setConfirming(null)}
        />
      )}
      {saving && (
        <SaveViewDialog
          content={viewContent}
          view={saving === 'update' ? view : undefined}
          onClose={() => setSaving(null)}
          onSaved={onViewSaved}
        />
      )}
    </div>
  );
}
