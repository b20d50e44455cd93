import { useEffect, useState } from 'react';
import { useTranslation } from '../../../app/i18n';
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { PipelineFieldsFragment, StatusFieldsFragment, StatusKind } from '../../../graphql/generated/graphql';
import { EmptyState } from '../../../ui/EmptyState';
import { Field } from '../../../ui/Field';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { AlertIcon, ArrowDownIcon, ArrowUpIcon, GripIcon, PipelineIcon, PlusIcon } from '../../../ui/icons';
import { NameDialog } from '../../../ui/NameDialog';
import { PageHeader } from '../../../ui/PageHeader';
import { usePipelineMutations } from '../hooks/usePipelineMutations';
import { usePipelines } from '../hooks/usePipelines';
import { LoadError } from '../../../ui/LoadError';
import { PipelineSideList } from './PipelineSideList';

const KINDS: StatusKind[] = ['OPEN', 'WON', 'LOST'];
const DEFAULT_COLOR = '#64748b';

type OpenDialog =
  | { kind: 'newPipeline' }
  | { kind: 'renamePipeline'; pipeline: PipelineFieldsFragment }
  | { kind: 'newStatus'; pipeline: PipelineFieldsFragment }
  | { kind: 'editStatus'; status: StatusFieldsFragment }
  | null;

/** /settings/pipelines: pipelines and their statuses. */
export function PipelinesSettingsPage() {
  const { t } = useTranslation();
  const { pipelines, loading, error, refetch } = usePipelines(true);
  const mutations = usePipelineMutations();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const selected = pipelines.find((pipeline) => pipeline.id === selectedId) ?? pipelines[0];

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
    body = <EmptyState icon={<PipelineIcon />} title={t('pipelines.emptyTitle')} body={t('pipelines.emptyBody')} />;
  } else {
    body = (
      <div className="settings-split">
        <PipelineSideList pipelines={pipelines} selectedId={selected.id} label={t('pipelines.listLabel')} onSelect={setSelectedId} />
        <PipelinePanel
          key={selected.id}
          pipeline={selected}
          mutations={mutations}
          onRename={() => setDialog({ kind: 'renamePipeline', pipeline: selected })}
          onAddStatus={() => setDialog({ kind: 'newStatus', pipeline: selected })}
          onEditStatus={(status) => setDialog({ kind: 'editStatus', status })}
          onNotice={setNotice}
        />
      </div>
    );
  }

  return (
    <div className="page">
      <PageHeader
        title={t('pipelines.title')}
        description={t('pipelines.description')}
        actions={
          <button type="button" className="button button--primary" onClick={() => setDialog({ kind: 'newPipeline' })}>
            <PlusIcon />
            {t('pipelines.new')}
          </button>
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
      {dialog?.kind === 'newPipeline' && (
        <NameDialog
          title={t('pipelines.new')}
          label={t('pipelines.name')}
          submitLabel={t('settingsCommon.create')}
          busy={mutations.loading}
          error={mutations.error}
          onClose={close}
          onSubmit={async (name) => {
            const created = await mutations.createPipeline(name);
            if (created) {
              setSelectedId(created.id);
              done(t('pipelines.created', { name }));
            }
          }}
        />
      )}
      {dialog?.kind === 'renamePipeline' && (
        <NameDialog
          title={t('pipelines.rename')}
          label={t('pipelines.name')}
          initial={dialog.pipeline.name}
          submitLabel={t('settingsCommon.save')}
          busy={mutations.loading}
          error={mutations.error}
          onClose={close}
          onSubmit={async (name) => {
            if (await mutations.renamePipeline(dialog.pipeline.id, name)) done(t('settingsCommon.saved', { name }));
          }}
        />
      )}
      {dialog?.kind === 'newStatus' && (
        <StatusDialog
          title={t('statuses.new')}
          busy={mutations.loading}
          error={mutations.error}
          onClose={close}
          onSubmit={async (values) => {
            const created = await mutations.createStatus({ pipelineId: dialog.pipeline.id, ...values });
            if (created) done(t('statuses.created', { name: values.name }));
          }}
        />
      )}
      {dialog?.kind === 'editStatus' && (
        <StatusDialog
          title={t('statuses.edit')}
          status={dialog.status}
          busy={mutations.loading}
          error={mutations.error}
          onClose={close}
          onSubmit={async (values) => {
            if (await mutations.updateStatus(dialog.status.id, values)) done(t('settingsCommon.saved', { name: values.name }));
          }}
        />
      )}
    </div>
  );
}

interface PipelinePanelProps {
  pipeline: PipelineFieldsFragment;
  mutations: ReturnType<typeof usePipelineMutations>;
  onRename: () => void;
  onAddStatus: () => void;
  onEditStatus: (status: StatusFieldsFragment) => void;
  onNotice: (message: string) => void;
}

function PipelinePanel({ pipeline, mutations, onRename, onAddStatus, onEditStatus, onNotice }: PipelinePanelProps) {
  const { t } = useTranslation();
  const serverOrder = pipeline.statuses.map((status) => status.id);
  const [order, setOrder] = useState(serverOrder);
  const serverKey = serverOrder.join(',');
  useEffect(() => setOrder(serverKey ? serverKey.split(',') : []), [serverKey]);
  const byId = new Map(pipeline.statuses.map((status) => [status.id, status]));
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const reorder = async (next: string[]) => {
    const previous = order;
    setOrder(next);
    const saved = await mutations.reorderStatuses(pipeline.id, next);
    if (!saved) setOrder(previous);
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    void reorder(arrayMove(order, order.indexOf(String(active.id)), order.indexOf(String(over.id))));
  };
  const nameOf = (id: unknown) => byId.get(String(id))?.name ?? '';

  return (
    <section className="panel settings-split__panel" aria-labelledby="pipeline-title">
      <div className="panel__header">
        <h2 id="pipeline-title" className="panel__title">
          {pipeline.name}
          {pipeline.archivedAt && <span className="badge badge--neutral">{t('settingsCommon.archived')}</span>}
        </h2>
        <div className="panel__actions">
          <button type="button" className="button button--ghost button--small" onClick={onRename}>
            {t('pipelines.rename')}
          </button>
          <button
            type="button"
            className={`button button--ghost button--small${pipeline.archivedAt ? '' : ' button--ghost-danger'}`}
            onClick={async () => {
              const archived = !pipeline.archivedAt;
              if (await mutations.setPipelineArchived(pipeline.id, archived)) {
                onNotice(t(archived ? 'settingsCommon.archivedNotice' : 'settingsCommon.restoredNotice', { name: pipeline.name }));
              }
            }}
          >
            {pipeline.archivedAt ? t('settingsCommon.restore') : t('settingsCommon.archive')}
          </button>
        </div>
      </div>
      <p className="panel__hint">{t('statuses.hint')}</p>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          screenReaderInstructions: { draggable: t('statuses.dragInstructions') },
          announcements: {
            onDragStart: ({ active }) => t('statuses.pickedUp', { name: nameOf(active.id) }),
            onDragOver: ({ active, over }) =>
              over ? t('statuses.over', { name: nameOf(active.id), position: order.indexOf(String(over.id)) + 1 }) : undefined,
            onDragEnd: ({ active, over }) =>
              t('statuses.dropped', { name: nameOf(active.id), position: over ? order.indexOf(String(over.id)) + 1 : 0 }),
            onDragCancel: ({ active }) => t('statuses.cancelled', { name: nameOf(active.id) }),
          },
        }}
      >
        <SortableContext items={order} strategy={verticalListSortingStrategy}>
          <ol className="status-list" aria-label={t('statuses.listLabel', { pipeline: pipeline.name })}>
            {order.map((id, index) => {
              const status = byId.get(id);
              if (!status) return null;
              return (
                <StatusRow
                  key={id}
                  status={status}
                  first={index === 0}
                  last={index === order.length - 1}
                  onMove={(delta) => {
                    const next = [...order];
                    [next[index], next[index + delta]] = [next[index + delta], next[index]];
                    void reorder(next);
                  }}
                  onEdit={() => onEditStatus(status)}
                  onKind={(kind) => void mutations.updateStatus(status.id, { kind })}
                  onColor={(color) => void mutations.updateStatus(status.id, { color })}
                  onProbability={(probability) => void mutations.updateStatus(status.id, { probability })}
                  onArchive={async () => {
                    const archived = !status.archivedAt;
                    if (await mutations.setStatusArchived(status.id, archived)) {
                      onNotice(t(archived ? 'settingsCommon.archivedNotice' : 'settingsCommon.restoredNotice', { name: status.name }));
                    }
                  }}
                />
              );
            })}
          </ol>
        </SortableContext>
      </DndContext>
      <button type="button" className="button button--secondary button--small status-list__add" onClick={onAddStatus}>
        <PlusIcon />
        {t('statuses.new')}
      </button>
    </section>
  );
}

interface StatusRowProps {
  status: StatusFieldsFragment;
  first: boolean;
  last: boolean;
  onMove: (delta: -1 | 1) => void;
  onEdit: () => void;
  onKind: (kind: StatusKind) => void;
  onColor: (color: string) => void;
  onProbability: (probability: number | null) => void;
  onArchive: () => void;
}

function StatusRow({ status, first, last, onMove, onEdit, onKind, onColor, onProbability, onArchive }: StatusRowProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: status.id });
  const [color, setColor] = useState(status.color);
  useEffect(() => setColor(status.color), [status.color]);
  const [probability, setProbability] = useState(status.probability?.toString() ?? '');
  useEffect(() => setProbability(status.probability?.toString() ?? ''), [status.probability]);
  const saveProbability = () => {
    const value = probability.trim() === '' ? null : Math.round(Number(probability));
    if (value !== null && (!Number.isFinite(value) || value < 0 || value > 100)) return setProbability(status.probability?.toString() ?? '');
    if (value !== (status.probability ?? null)) onProbability(value);
  };
  return (
    <li
      ref={setNodeRef}
      className={`status-row${isDragging ? ' status-row--dragging' : ''}${status.archivedAt ? ' status-row--archived' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className="drag-handle"
        {...attributes}
        {...listeners}
        aria-label={t('statuses.drag', { name: status.name })}
      >
        <GripIcon />
      </button>
      <input
        type="color"
        className="color-input"
        aria-label={t('statuses.color', { name: status.name })}
        value={color}
        onChange={(event) => setColor(event.target.value)}
        onBlur={() => color !== status.color && onColor(color)}
      />
      <span className="status-row__name">
        {status.name}
        {status.archivedAt && <span className="badge badge--neutral">{t('settingsCommon.archived')}</span>}
      </span>
      <label className="visually-hidden" htmlFor={`kind-${status.id}`}>
        {t('statuses.kind', { name: status.name })}
      </label>
      <select
        id={`kind-${status.id}`}
        className="select select--compact"
        value={status.kind}
        onChange={(event) => onKind(event.target.value as StatusKind)}
      >
        {KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`statusKind.${kind}`)}
          </option>
        ))}
      </select>
      {status.kind !== 'OPEN' ? (
        <span className="probability-input" aria-hidden="true" />
      ) : (
        <span className="probability-input" title={t('statuses.probabilityHint')}>
          <input
            type="number"
            min={0}
            max={100}
            step={1}
            className="input input--compact"
            aria-label={t('statuses.probability', { name: status.name })}
            placeholder="–"
            value={probability}
            onChange={(event) => setProbability(event.target.value)}
            onBlur={saveProbability}
          />
          <span aria-hidden="true">%</span>
        </span>
      )}
      <span className="status-row__actions">
        <button type="button" className="icon-button icon-button--small" aria-label={t('statuses.moveUp', { name: status.name })} disabled={first} onClick={() => onMove(-1)}>
          <ArrowUpIcon />
        </button>
        <button type="button" className="icon-button icon-button--small" aria-label={t('statuses.moveDown', { name: status.name })} disabled={last} onClick={() => onMove(1)}>
          <ArrowDownIcon />
        </button>
        <button type="button" className="button button--ghost button--small" aria-label={t('statuses.editNamed', { name: status.name })} onClick={onEdit}>
          {t('settingsCommon.edit')}
        </button>
        <button
          type="button"
          className={`button button--ghost button--small${status.archivedAt ? '' : ' button--ghost-danger'}`}
          aria-label={t(status.archivedAt ? 'settingsCommon.restoreNamed' : 'settingsCommon.archiveNamed', { name: status.name })}
          onClick={onArchive}
        >
          {status.archivedAt ? t('settingsCommon.restore') : t('settingsCommon.archive')}
        </button>
      </span>
    </li>
  );
}

interface StatusDialogProps {
  title: string;
  status?: StatusFieldsFragment;
  busy: boolean;
  error: ReturnType<typeof usePipelineMutations>['error'];
  onClose: () => void;
  onSubmit: (values: { name: string; kind: StatusKind; color: string }) => void;
}

function StatusDialog({ title, status, busy, error, onClose, onSubmit }: StatusDialogProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<StatusKind>(status?.kind ?? 'OPEN');
  const [color, setColor] = useState(status?.color ?? DEFAULT_COLOR);
  return (
    <NameDialog
      title={title}
      label={t('statuses.name')}
      initial={status?.name}
      submitLabel={status ? t('settingsCommon.save') : t('settingsCommon.create')}
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={(name) => onSubmit({ name, kind, color })}
    >
      <div className="form__row">
        <Field label={t('statuses.kindLabel')}>
          <select className="select" value={kind} onChange={(event) => setKind(event.target.value as StatusKind)}>
            {KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`statusKind.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('statuses.colorLabel')}>
          <input className="input input--color" type="color" value={color} onChange={(event) => setColor(event.target.value)} />
        </Field>
      </div>
    </NameDialog>
  );
}
