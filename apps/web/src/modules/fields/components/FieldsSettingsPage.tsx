import { useEffect, useState } from 'react';
import { useTranslation } from '../../../app/i18n';
import { useSearchParams } from 'react-router-dom';
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { CustomFieldSettingsFragment, PipelineFieldsFragment } from '../../../graphql/generated/graphql';
import { EmptyState } from '../../../ui/EmptyState';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { AlertIcon, ArrowDownIcon, ArrowUpIcon, ColumnsIcon, GripIcon, PipelineIcon, PlusIcon } from '../../../ui/icons';
import { PageHeader } from '../../../ui/PageHeader';
import { usePipelines } from '../../pipelines/hooks/usePipelines';
import { useCustomFieldMutations, useCustomFields } from '../hooks/useCustomFields';
import { hasChoices, moveItem } from '../utils/kinds';
import { FieldDialog } from './FieldDialog';
import { FieldKindIcon } from './FieldKindIcon';
import { LoadError } from '../../../ui/LoadError';
import { PipelineSideList } from '../../pipelines/components/PipelineSideList';

type OpenDialog = { kind: 'new'; pipeline: PipelineFieldsFragment } | { kind: 'edit'; field: CustomFieldSettingsFragment } | null;
type Mutations = ReturnType<typeof useCustomFieldMutations>;

/** /settings/fields: each pipeline's custom fields, their order, choices and archive. */
export function FieldsSettingsPage() {
  const { t } = useTranslation();
  const { pipelines, loading, error, refetch } = usePipelines();
  const mutations = useCustomFieldMutations();
  // The chosen pipeline lives in the URL (?pipeline=…), so a reload or a shared link keeps it.
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const selected = pipelines.find((pipeline) => pipeline.id === params.get('pipeline')) ?? pipelines[0];

  const select = (pipelineId: string) => {
    mutations.clearError();
    setNotice(null);
    setParams({ pipeline: pipelineId }, { replace: true });
  };
  const close = () => {
    mutations.clearError();
    setDialog(null);
  };
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
  };

  let body;
  if (loading) body = <InlineLoading />;
  else if (error) {
    body = (
      <LoadError title={t('pipelines.loadError')} error={error} onRetry={() => void refetch()} />
    );
  } else if (!selected) {
    body = <EmptyState icon={<PipelineIcon />} title={t('pipelines.emptyTitle')} body={t('fields.noPipelines')} />;
  } else {
    body = (
      <div className="settings-split">
        <PipelineSideList pipelines={pipelines} selectedId={selected.id} label={t('fields.pipelinesLabel')} onSelect={select} />
        <FieldsPanel
          key={selected.id}
          pipeline={selected}
          mutations={mutations}
          onAdd={() => setDialog({ kind: 'new', pipeline: selected })}
          onEdit={(field) => setDialog({ kind: 'edit', field })}
          onNotice={setNotice}
        />
      </div>
    );
  }

  return (
    <div className="page">
      <PageHeader
        title={t('fields.title')}
        description={t('fields.description')}
        actions={
          selected && (
            <button type="button" className="button button--primary" onClick={() => setDialog({ kind: 'new', pipeline: selected })}>
              <PlusIcon />
              {t('fields.new')}
            </button>
          )
        }
      />
      <div className="notice-region" role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      {mutations.error && !dialog && (
        <div className="alert alert--danger list-alert" role="alert">
          <AlertIcon />
          <span>{mutations.error.message}</span>
        </div>
      )}
      {body}
      {dialog?.kind === 'new' && (
        <FieldDialog
          busy={mutations.loading}
          error={mutations.error}
          onClose={close}
          onSubmit={async (input) => {
            if (await mutations.createField(dialog.pipeline.id, input)) {
              done(t('fields.created', { name: input.label, pipeline: dialog.pipeline.name }));
            }
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <FieldDialog
          field={dialog.field}
          busy={mutations.loading}
          error={mutations.error}
          onClose={close}
          onSubmit={async (input) => {
            if (await mutations.updateField(dialog.field.id, input)) done(t('settingsCommon.saved', { name: input.label }));
          }}
        />
      )}
    </div>
  );
}

interface FieldsPanelProps {
  pipeline: PipelineFieldsFragment;
  mutations: Mutations;
  onAdd: () => void;
  onEdit: (field: CustomFieldSettingsFragment) => void;
  onNotice: (message: string) => void;
}

function FieldsPanel({ pipeline, mutations, onAdd, onEdit, onNotice }: FieldsPanelProps) {
  const { t } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const { active, archived, loading, error, refetch } = useCustomFields(pipeline.id, showArchived);
  const serverKey = active.map((field) => field.id).join(',');
  const [order, setOrder] = useState(() => active.map((field) => field.id));
  useEffect(() => setOrder(serverKey ? serverKey.split(',') : []), [serverKey]);
  const byId = new Map(active.map((field) => [field.id, field]));
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const reorder = async (next: string[]) => {
    const previous = order;
    setOrder(next);
    const saved = await mutations.reorderFields(pipeline.id, next);
    if (!saved) setOrder(previous);
  };
  const onDragEnd = ({ active: dragged, over }: DragEndEvent) => {
    if (!over || dragged.id === over.id) return;
    void reorder(arrayMove(order, order.indexOf(String(dragged.id)), order.indexOf(String(over.id))));
  };
  const nameOf = (id: unknown) => byId.get(String(id))?.label ?? '';
  const archive = async (field: CustomFieldSettingsFragment, archive: boolean) => {
    if (await mutations.setArchived(field.id, archive)) {
      onNotice(t(archive ? 'settingsCommon.archivedNotice' : 'settingsCommon.restoredNotice', { name: field.label }));
    }
  };

  let list;
  if (loading) list = <InlineLoading />;
  else if (error) {
    list = (
      <LoadError title={t('fields.loadError')} error={error} onRetry={() => void refetch()} />
    );
  } else if (order.length === 0 && active.length === 0) {
    list = (
      <EmptyState
        icon={<ColumnsIcon />}
        title={t('fields.emptyTitle')}
        body={t('fields.emptyBody', { pipeline: pipeline.name })}
        action={
          <button type="button" className="button button--secondary" onClick={onAdd}>
            <PlusIcon />
            {t('fields.new')}
          </button>
        }
      />
    );
  } else {
    list = (
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          screenReaderInstructions: { draggable: t('fields.dragInstructions') },
          announcements: {
            onDragStart: ({ active: dragged }) => t('fields.pickedUp', { name: nameOf(dragged.id) }),
            onDragOver: ({ active: dragged, over }) =>
              over ? t('fields.over', { name: nameOf(dragged.id), position: order.indexOf(String(over.id)) + 1 }) : undefined,
            onDragEnd: ({ active: dragged, over }) =>
              t('fields.dropped', { name: nameOf(dragged.id), position: over ? order.indexOf(String(over.id)) + 1 : 0 }),
            onDragCancel: ({ active: dragged }) => t('fields.cancelled', { name: nameOf(dragged.id) }),
          },
        }}
      >
        <SortableContext items={order} strategy={verticalListSortingStrategy}>
          <ol className="status-list" aria-label={t('fields.listLabel', { pipeline: pipeline.name })}>
            {order.map((id, index) => {
              const field = byId.get(id);
              if (!field) return null;
              return (
                <FieldRow
                  key={id}
                  field={field}
                  first={index === 0}
                  last={index === order.length - 1}
                  onMove={(delta) => void reorder(moveItem(order, index, delta))}
                  onEdit={() => onEdit(field)}
                  onArchive={() => void archive(field, true)}
                />
              );
            })}
          </ol>
        </SortableContext>
      </DndContext>
    );
  }

  return (
    <section className="panel settings-split__panel" aria-labelledby="fields-pipeline-title">
      <div className="panel__header">
        <h2 id="fields-pipeline-title" className="panel__title">
          {t('fields.panelTitle', { pipeline: pipeline.name })}
        </h2>
        <label className="check-label switch-label">
          <input
            type="checkbox"
            role="switch"
            className="switch"
            checked={showArchived}
            onChange={(event) => setShowArchived(event.target.checked)}
          />
          {t('settingsCommon.showArchived')}
        </label>
      </div>
      <p className="panel__hint">{t('fields.hint')}</p>
      {list}
      {showArchived && !loading && !error && (
        <div className="archived-fields">
          <h3 className="archived-fields__title" id="archived-fields-title">
            {t('fields.archivedTitle')}
          </h3>
          {archived.length === 0 ? (
            <p className="archived-fields__empty">{t('fields.archivedEmpty')}</p>
          ) : (
            <ul className="status-list" aria-labelledby="archived-fields-title">
              {archived.map((field) => (
                <li key={field.id} className="status-row status-row--archived field-row">
                  <FieldSummary field={field} />
                  <span className="status-row__actions">
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      aria-label={t('settingsCommon.restoreNamed', { name: field.label })}
                      onClick={() => void archive(field, false)}
                    >
                      {t('settingsCommon.restore')}
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

/** Kind pictogram, label, "required" and the kind's name with its choices. */
function FieldSummary({ field }: { field: CustomFieldSettingsFragment }) {
  const { t } = useTranslation();
  return (
    <>
      <FieldKindIcon kind={field.kind} />
      <span className="field-row__text">
        <span className="status-row__name">
          {field.label}
          {field.required && <span className="badge badge--accent">{t('fields.requiredBadge')}</span>}
        </span>
        <span className="field-row__meta">
          {t(`fields.kinds.${field.kind}`)}
          {hasChoices(field.kind) && field.options.length > 0 && (
            <span className="field-row__choices" title={field.options.join(', ')}>
              {' · '}
              {field.options.join(', ')}
            </span>
          )}
        </span>
      </span>
    </>
  );
}

interface FieldRowProps {
  field: CustomFieldSettingsFragment;
  first: boolean;
  last: boolean;
  onMove: (delta: -1 | 1) => void;
  onEdit: () => void;
  onArchive: () => void;
}

function FieldRow({ field, first, last, onMove, onEdit, onArchive }: FieldRowProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: field.id });
  return (
    <li
      ref={setNodeRef}
      className={`status-row field-row${isDragging ? ' status-row--dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className="drag-handle"
        {...attributes}
        {...listeners}
        aria-label={t('fields.drag', { name: field.label })}
      >
        <GripIcon />
      </button>
      <FieldSummary field={field} />
      <span className="status-row__actions">
        <button type="button" className="icon-button icon-button--small" aria-label={t('fields.moveUp', { name: field.label })} disabled={first} onClick={() => onMove(-1)}>
          <ArrowUpIcon />
        </button>
        <button type="button" className="icon-button icon-button--small" aria-label={t('fields.moveDown', { name: field.label })} disabled={last} onClick={() => onMove(1)}>
          <ArrowDownIcon />
        </button>
        <button type="button" className="button button--ghost button--small" aria-label={t('settingsCommon.editNamed', { name: field.label })} onClick={onEdit}>
          {t('settingsCommon.edit')}
        </button>
        <button
          type="button"
          className="button button--ghost button--small button--ghost-danger"
          aria-label={t('settingsCommon.archiveNamed', { name: field.label })}
          onClick={onArchive}
        >
          {t('settingsCommon.archive')}
        </button>
      </span>
    </li>
  );
}
