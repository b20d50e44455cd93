import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import { useCan } from '../../../app/access';
import { useMutationErrors } from '../../../app/useMutationErrors';
import type { SavedReportFieldsFragment } from '../../../graphql/generated/graphql';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { Dialog } from '../../../ui/Dialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import {
  CREATE_SAVED_REPORT_MUTATION,
  DELETE_SAVED_REPORT_MUTATION,
  RENAME_SAVED_REPORT_MUTATION,
  SAVED_REPORTS_QUERY,
  SUBSCRIBE_SAVED_REPORT_MUTATION,
} from '../graphql/saved-reports';
import { savedReportFilter, savedReportInput, type ReportFilter } from '../utils/filter';

interface SavedReportsProps {
  filter: ReportFilter;
  /** Opens a filter (a saved report's, or the current one once saved or its report deleted). */
  onOpen: (filter: ReportFilter) => void;
}

/**
 * Saved reports above the filter bar: open one, save the current filter and widgets under a name
 * (shared with the team by Managers and Admins), rename or delete your own, and, as a Manager, get
 * a saved report's summary by mail every Monday morning.
 */
export function SavedReports({ filter, onOpen }: SavedReportsProps) {
  const { t } = useTranslation();
  const id = useId();
  const canShare = useCan('shareReports');
  const { data } = useQuery(SAVED_REPORTS_QUERY);
  const reports = data?.savedReports ?? [];
  const current = reports.find((r) => r.id === filter.savedId);
  const [dialog, setDialog] = useState<'save' | 'rename' | 'delete' | null>(null);
  const { error, run } = useMutationErrors();
  const refetchQueries = ['SavedReports'];
  const [create, createState] = useMutation(CREATE_SAVED_REPORT_MUTATION, { refetchQueries });
  const [rename, renameState] = useMutation(RENAME_SAVED_REPORT_MUTATION, { refetchQueries });
  const [remove, removeState] = useMutation(DELETE_SAVED_REPORT_MUTATION, { refetchQueries });
  const [subscribe, subscribeState] = useMutation(SUBSCRIBE_SAVED_REPORT_MUTATION);

  const onSave = async (name: string, shared: boolean) => {
    const saved =
      dialog === 'rename' && current
        ? (await run(async () => (await rename({ variables: { id: current.id, input: { name, shared } } })).data?.renameSavedReport))
        : (await run(async () => (await create({ variables: { input: savedReportInput(filter, name, shared) } })).data?.createSavedReport));
    if (!saved) return;
    setDialog(null);
    onOpen({ ...filter, savedId: saved.id });
  };

  const onDelete = async () => {
    if (!current) return;
    const deleted = await run(async () => (await remove({ variables: { id: current.id } })).data?.deleteSavedReport);
    if (!deleted) return;
    setDialog(null);
    onOpen({ ...filter, savedId: '' });
  };

  return (
    <div className="saved-reports">
      <div className="filter-field">
        <label className="filter-field__label" htmlFor={`${id}-saved`}>
          {t('savedReports.label')}
        </label>
        <select
          id={`${id}-saved`}
          className="select select--compact"
          value={current?.id ?? ''}
          onChange={(e) => {
            const chosen = reports.find((r) => r.id === e.target.value);
            onOpen(chosen ? { ...savedReportFilter(chosen), currencyMode: filter.currencyMode } : { ...filter, savedId: '' });
          }}
        >
          <option value="">{reports.length ? t('savedReports.none') : t('savedReports.empty')}</option>
          {reports.map((r) => (
            <option key={r.id} value={r.id}>
              {r.shared ? t('savedReports.sharedName', { name: r.name }) : r.name}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="button button--secondary button--small" onClick={() => setDialog('save')}>
        {t('savedReports.save')}
      </button>
      {current?.editable && (
        <>
          <button type="button" className="button button--ghost button--small" onClick={() => setDialog('rename')}>
            {t('savedReports.rename')}
          </button>
          <button type="button" className="button button--ghost button--small" onClick={() => setDialog('delete')}>
            {t('savedReports.delete')}
          </button>
        </>
      )}
      {current && canShare && (
        <label className="report-filter__compare">
          <input
            type="checkbox"
            checked={current.subscribed}
            disabled={subscribeState.loading}
            onChange={(e) => void run(() => subscribe({ variables: { id: current.id, subscribed: e.target.checked } }))}
          />
          {t('savedReports.weekly')}
        </label>
      )}
      {!dialog && <ErrorAlert error={error} />}
      {(dialog === 'save' || (dialog === 'rename' && current)) && (
        <SaveReportDialog
          report={dialog === 'rename' ? current : undefined}
          canShare={canShare}
          busy={createState.loading || renameState.loading}
          error={error}
          onClose={() => setDialog(null)}
          onSave={(name, shared) => void onSave(name, shared)}
        />
      )}
      {dialog === 'delete' && current && (
        <ConfirmDialog
          title={t('savedReports.deleteTitle', { name: current.name })}
          body={current.shared ? t('savedReports.deleteBodyShared') : t('savedReports.deleteBody')}
          confirmLabel={t('savedReports.delete')}
          busy={removeState.loading}
          error={error}
          onConfirm={() => void onDelete()}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}

function SaveReportDialog({
  report,
  canShare,
  busy,
  error,
  onClose,
  onSave,
}: {
  report?: SavedReportFieldsFragment;
  canShare: boolean;
  busy: boolean;
  error: ReturnType<typeof useMutationErrors>['error'];
  onClose: () => void;
  onSave: (name: string, shared: boolean) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(report?.name ?? '');
  const [shared, setShared] = useState(report?.shared ?? false);
  const [nameError, setNameError] = useState<string>();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!name.trim()) return setNameError(t('savedReports.nameRequired'));
    onSave(name.trim(), shared);
  };
  return (
    <Dialog title={report ? t('savedReports.renameTitle') : t('savedReports.saveTitle')} description={report ? undefined : t('savedReports.saveBody')} onClose={onClose} size="small">
      <form className="form" noValidate onSubmit={onSubmit}>
        {error && !error.fields.name && <ErrorAlert error={error} />}
        <Field label={t('savedReports.name')} error={nameError ?? error?.fields.name}>
          <input
            className="input"
            autoComplete="off"
            maxLength={120}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              setNameError(undefined);
            }}
          />
        </Field>
        {canShare && (
          <label className="check-label">
            <input type="checkbox" className="checkbox" checked={shared} onChange={(event) => setShared(event.target.checked)} />
            {t('savedReports.shared')}
          </label>
        )}
        <div className="dialog__footer">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
            {t('savedReports.saveButton')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
