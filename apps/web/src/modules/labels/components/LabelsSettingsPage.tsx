import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { LabelFieldsFragment, LabelKind } from '../../../graphql/generated/graphql';
import { EmptyState } from '../../../ui/EmptyState';
import { Field } from '../../../ui/Field';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { AlertIcon, PlusIcon, TagIcon } from '../../../ui/icons';
import { NameDialog } from '../../../ui/NameDialog';
import { PageHeader } from '../../../ui/PageHeader';
import { LABEL_KINDS, useLabelMutations, useLabels } from '../hooks/useLabels';
import { LoadError } from '../../../ui/LoadError';

const DEFAULT_COLOR = '#2563eb';

type OpenDialog = { kind: 'new' } | { kind: 'edit'; label: LabelFieldsFragment } | null;

/** /settings/labels: categories, classifications, tags and departments. */
export function LabelsSettingsPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<LabelKind>('CATEGORY');
  const [showArchived, setShowArchived] = useState(false);
  const { labels, loading, error, refetch } = useLabels(kind, showArchived);
  const mutations = useLabelMutations();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const hasColor = kind === 'CATEGORY';

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = LABEL_KINDS.indexOf(kind);
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const next = LABEL_KINDS[(index + delta + LABEL_KINDS.length) % LABEL_KINDS.length];
    setKind(next);
    document.getElementById(`label-tab-${next}`)?.focus();
  };
  const close = () => {
    mutations.clearError();
    setDialog(null);
  };

  let body;
  if (loading) body = <InlineLoading />;
  else if (error) {
    body = (
      <LoadError title={t('labels.loadError')} error={error} onRetry={() => void refetch()} />
    );
  } else if (labels.length === 0) {
    body = <EmptyState icon={<TagIcon />} title={t('labels.emptyTitle', { kind: t(`labels.plural.${kind}`) })} body={t(`labels.emptyBody.${kind}`)} />;
  } else {
    body = (
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t(`labels.plural.${kind}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('labels.columns.name')}</th>
              <th scope="col">{t('labels.columns.state')}</th>
              <th scope="col" className="table__actions-head">
                <span className="visually-hidden">{t('users.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {labels.map((label) => (
              <tr key={label.id} className={label.archivedAt ? 'table__row--muted' : undefined}>
                <th scope="row" className="table__primary">
                  <span className="table__name">
                    {hasColor && <span className="swatch" style={{ background: label.color ?? DEFAULT_COLOR }} aria-hidden="true" />}
                    {label.name}
                  </span>
                </th>
                <td>
                  <span className={label.archivedAt ? 'badge badge--neutral' : 'badge badge--success'}>
                    {label.archivedAt ? t('settingsCommon.archived') : t('users.active')}
                  </span>
                </td>
                <td className="table__actions">
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    aria-label={t('settingsCommon.editNamed', { name: label.name })}
                    onClick={() => setDialog({ kind: 'edit', label })}
                  >
                    {t('settingsCommon.edit')}
                  </button>
                  <button
                    type="button"
                    className={`button button--ghost button--small${label.archivedAt ? '' : ' button--ghost-danger'}`}
                    aria-label={t(label.archivedAt ? 'settingsCommon.restoreNamed' : 'settingsCommon.archiveNamed', { name: label.name })}
                    onClick={async () => {
                      const archived = !label.archivedAt;
                      if (await mutations.setArchived(kind, label.id, archived)) {
                        setNotice(t(archived ? 'settingsCommon.archivedNotice' : 'settingsCommon.restoredNotice', { name: label.name }));
                      }
                    }}
                  >
                    {label.archivedAt ? t('settingsCommon.restore') : t('settingsCommon.archive')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <div className="page">
      <PageHeader
        title={t('labels.title')}
        description={t('labels.description')}
        actions={
          <button type="button" className="button button--primary" onClick={() => setDialog({ kind: 'new' })}>
            <PlusIcon />
            {t(`labels.new.${kind}`)}
          </button>
        }
      />
      <div className="tabs-row">
        <div className="tabs" role="tablist" aria-label={t('labels.kindsLabel')}>
          {LABEL_KINDS.map((option) => (
            <button
              key={option}
              id={`label-tab-${option}`}
              type="button"
              role="tab"
              aria-selected={option === kind}
              aria-controls="label-panel"
              tabIndex={option === kind ? 0 : -1}
              className={`tab${option === kind ? ' tab--active' : ''}`}
              onClick={() => setKind(option)}
              onKeyDown={onTabKey}
            >
              {t(`labels.plural.${option}`)}
            </button>
          ))}
        </div>
        <label className="check-label switch-label">
          <input type="checkbox" role="switch" className="switch" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />
          {t('settingsCommon.showArchived')}
        </label>
      </div>
      <div className="notice-region" role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      {mutations.error && !dialog && (
        <div className="alert alert--danger list-alert" role="alert">
          <AlertIcon />
          <span>{mutations.error.message}</span>
        </div>
      )}
      <div id="label-panel" role="tabpanel" aria-labelledby={`label-tab-${kind}`}>
        {body}
      </div>
      {dialog && (
        <LabelDialog
          kind={kind}
          label={dialog.kind === 'edit' ? dialog.label : undefined}
          busy={mutations.loading}
          error={mutations.error}
          onClose={close}
          onSubmit={async (name, color) => {
            const input = { kind, name, color: hasColor ? color : undefined };
            const saved = dialog.kind === 'edit' ? await mutations.updateLabel(dialog.label.id, input) : await mutations.createLabel(input);
            if (saved) {
              setDialog(null);
              setNotice(t(dialog.kind === 'edit' ? 'settingsCommon.saved' : 'labels.created', { name }));
            }
          }}
        />
      )}
    </div>
  );
}

interface LabelDialogProps {
  kind: LabelKind;
  label?: LabelFieldsFragment;
  busy: boolean;
  error: ReturnType<typeof useLabelMutations>['error'];
  onClose: () => void;
  onSubmit: (name: string, color: string) => void;
}

function LabelDialog({ kind, label, busy, error, onClose, onSubmit }: LabelDialogProps) {
  const { t } = useTranslation();
  const [color, setColor] = useState(label?.color ?? DEFAULT_COLOR);
  return (
    <NameDialog
      title={label ? t('labels.edit', { name: label.name }) : t(`labels.new.${kind}`)}
      label={t('labels.columns.name')}
      initial={label?.name}
      submitLabel={label ? t('settingsCommon.save') : t('settingsCommon.create')}
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={(name) => onSubmit(name, color)}
    >
      {kind === 'CATEGORY' && (
        <Field label={t('labels.color')}>
          <input className="input input--color" type="color" value={color} onChange={(event) => setColor(event.target.value)} />
        </Field>
      )}
    </NameDialog>
  );
}
