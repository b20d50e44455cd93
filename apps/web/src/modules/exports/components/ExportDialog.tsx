import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../ui/Dialog';
import { AlertIcon } from '../../../ui/icons';
import { useExportDownload, type ExportFormat, type ExportSource } from '../hooks/useExportDownload';

const FORMATS: readonly ExportFormat[] = ['xlsx', 'csv', 'csv-excel', 'xml'];

interface ExportDialogProps {
  source: ExportSource;
  /** How many rows the list holds now (shown, so the user knows what is coming). */
  total?: number;
  onClose: () => void;
}

/** Chooses a format and downloads the list as it is filtered, with the bytes received while it streams. */
export function ExportDialog({ source, total, onClose }: ExportDialogProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const { state, start, cancel } = useExportDownload();
  const running = state.phase === 'running';

  // Leaving the dialog stops a download that is still running.
  useEffect(() => cancel, [cancel]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void start(source, format);
  };
  const size = (bytes: number) =>
    bytes < 1e6
      ? `${Math.max(1, Math.round(bytes / 1e3)).toLocaleString(language)} KB`
      : `${(bytes / 1e6).toLocaleString(language, { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;

  return (
    <Dialog
      title={t('exports.title')}
      description={total === undefined ? t('exports.description') : t('exports.descriptionCount', { count: total, formatted: total.toLocaleString(language) })}
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
        <div className="notice-region" role="status" aria-live="polite">
          {running && <p className="export-progress">{t('exports.progress', { size: size(state.bytes) })}</p>}
          {state.phase === 'done' && <p className="export-progress">{t('exports.done', { name: state.fileName, size: size(state.bytes) })}</p>}
        </div>
        {state.phase === 'failed' && (
          <div className="alert alert--danger" role="alert">
            <AlertIcon />
            <span>{t(`errors.${state.code}`, { defaultValue: t('errors.INTERNAL_SERVER_ERROR') })}</span>
          </div>
        )}
        <div className="dialog__footer">
          {running ? (
            <button type="button" className="button button--secondary" onClick={cancel}>
              {t('exports.cancel')}
            </button>
          ) : (
            <button type="button" className="button button--secondary" onClick={onClose}>
              {state.phase === 'done' ? t('exports.close') : t('common.cancel')}
            </button>
          )}
          <button type="submit" className="button button--primary" disabled={running} aria-busy={running}>
            {running ? t('exports.running') : t('exports.download')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
