import { useMutation } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import '../../../styles/imports.css';
import { useMutationErrors } from '../../../app/useMutationErrors';
import type { BackgroundJobFieldsFragment } from '../../../graphql/generated/graphql';
import { Dialog } from '../../../ui/Dialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { AlertIcon } from '../../../ui/icons';
import { JobProgress } from '../../imports/components/JobProgress';
import { START_EXPORT_MUTATION } from '../graphql/exports';
import { exportInputOf } from '../hooks/exportInput';
import { useExportDownload, type ExportFormat, type ExportSource } from '../hooks/useExportDownload';
import { exportJobFileUrl, PastExports } from './PastExports';

const FORMATS: readonly ExportFormat[] = ['xlsx', 'csv', 'csv-excel', 'xml'];

/** From this many rows the dialog prepares the file in the worker by default (the user may change it). */
export const BACKGROUND_FROM = 20_000;


interface ExportDialogProps {
  source: ExportSource;
  /** How many rows the list holds now (shown, so the user knows what is coming). */
  total?: number;
  onClose: () => void;
}

const JOB_KEY = 'crm.exportJob';

function rememberedJob(sourceKey: string): string | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(JOB_KEY) ?? 'null') as { source: string; jobId: string } | null;
    return saved?.source === sourceKey ? saved.jobId : null;
  } catch {
    return null;
  }
}

function rememberJob(sourceKey: string, jobId: string) {
  try {
    sessionStorage.setItem(JOB_KEY, JSON.stringify({ source: sourceKey, jobId }));
  } catch {
    // Storage full or refused: the dialog still follows the job while it is open.
  }
}

/** Chooses a format and downloads the list as it is filtered, with the bytes received while it streams. */
export function ExportDialog({ source, total, onClose }: ExportDialogProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const { state, start, cancel } = useExportDownload();
  const [background, setBackground] = useState(total !== undefined && total >= BACKGROUND_FROM);
  const [startExport, starting] = useMutation(START_EXPORT_MUTATION);
  const { error: startError, run } = useMutationErrors();
  const sourceKey = JSON.stringify(source);
  // The job of this very list survives closing the dialog and reloading the page (this tab only).
  const [jobId, setJobId] = useState<string | null>(() => rememberedJob(sourceKey));
  const [finished, setFinished] = useState<BackgroundJobFieldsFragment | null>(null);
  const jobRunning = !!jobId && !finished;
  const running = state.phase === 'running' || starting.loading || jobRunning;

  // Leaving the dialog stops a download that is still running.
  useEffect(() => cancel, [cancel]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!background) {
      void start(source, format);
      return;
    }
    setFinished(null);
    setJobId(null);
    void run(async () => {
      const result = await startExport({ variables: { input: exportInputOf(source, format) } });
      if (result.data) {
        setJobId(result.data.startExport.id);
        rememberJob(sourceKey, result.data.startExport.id);
      }
    });
  };
  const failure = (job: BackgroundJobFieldsFragment) => {
    const reason = (job.errorParams as { reason?: string } | null)?.reason;
    return t(`exports.errors.${reason ?? job.errorCode ?? 'EXPORT_FAILED'}`, { defaultValue: t('exports.errors.EXPORT_FAILED') });
  };
  const size = (bytes: number) =>
    bytes < 1e6
      ? `${Math.max(1, Math.round(bytes / 1e3)).toLocaleString(language)} KB`
      : `${(bytes / 1e6).toLocaleString(language, { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;

  return (
    <Dialog
      title={t('exports.title')}
      description={total === undefined ? t('exports.description') : t('exports.descriptionCount', { count: total })}
      onClose={onClose}
      size="small"
    >
      <form className="form" noValidate onSubmit={onSubmit}>
        <fieldset className="export-formats" disabled={running}>
          <legend className="field__label">{t('exports.format')}</legend>
          {FORMATS.map((value) => (
            <label key={value} className="export-formats__option">
              <input type="radio" name="export-format" value={value} checked={format === value} onChange={() => setFormat(value)} />
              <span>
                <span className="export-formats__name">{t(`exports.formats.${value}.name`)}</span>
                <span className="export-formats__hint">{t(`exports.formats.${value}.hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <label className="checkbox-field">
          <input type="checkbox" checked={background} disabled={running} onChange={(e) => setBackground(e.target.checked)} />
          <span>
            {t('exports.background')}
            <span className="export-formats__hint">{t('exports.backgroundHint')}</span>
          </span>
        </label>
        {jobId && <JobProgress jobId={jobId} label={t('exports.jobProgress')} onFinished={setFinished} />}
        {finished?.state === 'DONE' && (
          <p className="export-progress">
            <a className="button button--primary button--small" href={exportJobFileUrl(finished.id)} download>
              {t('exports.downloadFile')}
            </a>
          </p>
        )}
        {finished?.state === 'CANCELLED' && <p className="export-progress">{t('exports.cancelled')}</p>}
        {finished?.state === 'FAILED' && (
          <div className="alert alert--danger" role="alert">
            <AlertIcon />
            <span>{failure(finished)}</span>
          </div>
        )}
        <ErrorAlert error={startError} />
        <div className="notice-region" role="status" aria-live="polite">
          {state.phase === 'running' && <p className="export-progress">{t('exports.progress', { size: size(state.bytes) })}</p>}
          {state.phase === 'done' && <p className="export-progress">{t('exports.done', { name: state.fileName, size: size(state.bytes) })}</p>}
        </div>
        {state.phase === 'failed' && (
          <div className="alert alert--danger" role="alert">
            <AlertIcon />
            <span>{t(`errors.${state.code}`, { defaultValue: t('errors.INTERNAL_SERVER_ERROR') })}</span>
          </div>
        )}
        <div className="dialog__footer">
          {state.phase === 'running' ? (
            <button type="button" className="button button--secondary" onClick={cancel}>
              {t('exports.cancel')}
            </button>
          ) : (
            <button type="button" className="button button--secondary" onClick={onClose}>
              {state.phase === 'done' || finished || jobRunning ? t('exports.close') : t('common.cancel')}
            </button>
          )}
          <button type="submit" className="button button--primary" disabled={running} aria-busy={running}>
            {running ? t('exports.running') : background ? t('exports.prepare') : t('exports.download')}
          </button>
        </div>
      </form>
      <PastExports version={finished ? `${finished.id}:${finished.state}` : null} />
    </Dialog>
  );
}
