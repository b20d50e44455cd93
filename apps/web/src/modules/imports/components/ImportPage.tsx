import type { TFunction } from '../../../app/i18n';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState, type DragEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { DuplicatePolicy, ImportInput, ImportPreviewQuery, ImportRunFieldsFragment } from '../../../graphql/generated/graphql';
import { describeError, type AppError } from '../../../app/errors';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { formatDateTime } from '../../../ui/datetime';
import {
  IMPORT_CUSTOM_FIELDS_QUERY,
  IMPORT_PREVIEW_QUERY,
  IMPORT_RUN_QUERY,
  IMPORT_RUNS_QUERY,
  IMPORT_TARGET_OPTIONS_QUERY,
  SAVE_IMPORT_MAPPING_MUTATION,
  START_IMPORT_MUTATION,
  UNDO_IMPORT_MUTATION,
} from '../graphql/imports';
import { ImportUploadError, uploadImportFile, type UploadedImport } from '../utils/upload';
import { JobProgress, isFinishedJob } from './JobProgress';

type Preview = ImportPreviewQuery['importPreview'];
const STEPS = ['upload', 'reading', 'target', 'mapping', 'preview'] as const;
type Step = (typeof STEPS)[number];
const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1250', 'iso-8859-2', 'windows-1252'];
const DELIMITERS: Array<[string, string]> = [[',', 'comma'], [';', 'semicolon'], ['\t', 'tab'], ['|', 'pipe']];
const POLICIES: DuplicatePolicy[] = ['SKIP', 'FILL_EMPTY', 'OVERWRITE', 'CREATE_ANYWAY'];

interface Settings {
  encoding?: string;
  delimiter?: string;
  headerRow?: number;
  sheet?: string;
  skipBrokenRows?: boolean;
}
interface Target {
  pipelineId: string;
  statusId: string;
  departmentId: string;
  categoryIds: string[];
  duplicates: DuplicatePolicy;
  noAutomations: boolean;
}

/** A problem code with its parameters, in the user's language. */
export function useProblemText() {
  const { t } = useTranslation();
  return (code: string, params?: Record<string, unknown> | null) => t(`imports.problems.${code}`, { ...(params ?? {}), defaultValue: code });
}

function targetLabel(target: string, t: TFunction, customLabels: Map<string, string>): string {
  if (target.startsWith('custom.')) return t('imports.targets.custom', { label: customLabels.get(target.slice(7)) ?? target });
  const contact = /^contact(\d)\.(\w+)$/.exec(target);
  if (contact) return t('imports.targets.contact', { n: contact[1], field: t(`imports.targets.contactFields.${contact[2]}`) });
  return t(`imports.targets.${target}`);
}

/** /imports: upload or paste -> how it is read -> target -> mapping -> preview; then /imports/:id shows progress and the result. */
export function ImportPage() {
  const { importId } = useParams();
  return importId ? <ImportResult importId={importId} /> : <ImportWizard />;
}

function ImportWizard() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>('upload');
  const [file, setFile] = useState<UploadedImport | null>(null);
  const [pasted, setPasted] = useState('');
  const [settings, setSettings] = useState<Settings>({});
  const [mapping, setMapping] = useState<Array<string | null> | null>(null);
  const [target, setTarget] = useState<Target>({ pipelineId: '', statusId: '', departmentId: '', categoryIds: [], duplicates: 'SKIP', noAutomations: false });
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | string | null>(null);
  const [mappingName, setMappingName] = useState('');
  const [notice, setNotice] = useState('');
  const options = useQuery(IMPORT_TARGET_OPTIONS_QUERY);
  const fields = useQuery(IMPORT_CUSTOM_FIELDS_QUERY, { variables: { pipelineId: target.pipelineId }, skip: !target.pipelineId });
  const customLabels = new Map((fields.data?.customFields ?? []).map((f) => [f.id, f.label]));
  const [start, startState] = useMutation(START_IMPORT_MUTATION);
  const [saveMapping] = useMutation(SAVE_IMPORT_MAPPING_MUTATION);
  const pipeline = options.data?.pipelines.find((p) => p.id === target.pipelineId);
  const problemText = useProblemText();

  const input = (over: Partial<{ file: UploadedImport; settings: Settings; mapping: Array<string | null> | null; target: Target }> = {}): ImportInput => {
    const f = over.file ?? file!;
    const s = over.settings ?? settings;
    const tg = over.target ?? target;
    const m = over.mapping === undefined ? mapping : over.mapping;
    return {
      fileKey: f.key,
      fileName: f.fileName,
      settings: { encoding: s.encoding ?? null, delimiter: s.delimiter ?? null, headerRow: s.headerRow ?? null, sheet: s.sheet ?? null, skipBrokenRows: s.skipBrokenRows ?? null } as ImportInput['settings'],
      mapping: m,
      target: { pipelineId: tg.pipelineId || null, statusId: tg.statusId || null, departmentId: tg.departmentId || null, categoryIds: tg.categoryIds, duplicates: tg.duplicates, noAutomations: tg.noAutomations },
    };
  };

  const load = async (over: Parameters<typeof input>[0] = {}) => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await client.query({ query: IMPORT_PREVIEW_QUERY, variables: { input: input(over) }, fetchPolicy: 'network-only' });
      const p = data!.importPreview;
      setPreview(p);
      setSettings({ encoding: p.settings.encoding, delimiter: p.settings.delimiter, headerRow: p.settings.headerRow, sheet: p.settings.sheet ?? undefined, skipBrokenRows: p.settings.skipBrokenRows });
      setMapping(p.mapping);
      return p;
    } catch (err) {
      setError(describeError(err, t));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const send = async (f: File) => {
    setBusy(true);
    setError(null);
    try {
      const uploaded = await uploadImportFile(f);
      setFile(uploaded);
      setMapping(null);
      setSettings({});
      setBusy(false);
      if (await load({ file: uploaded, settings: {}, mapping: null })) setStep('reading');
    } catch (err) {
      setBusy(false);
      if (err instanceof ImportUploadError) setError(err.reason ? problemText(err.reason, err.params) : err.message || t(`errors.${err.code}`, { defaultValue: t('errors.INTERNAL_SERVER_ERROR') }));
      else setError(describeError(err, t));
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const f = e.dataTransfer.files[0];
    if (f) void send(f);
  };

  const go = async (next: Step) => {
    if (next === 'preview' || next === 'mapping') {
      if (!(await load())) return;
    }
    setStep(next);
  };

  const errorText = typeof error === 'string' ? error : (error?.message ?? '');
  const stepIndex = STEPS.indexOf(step);

  return (
    <div className="page admin-page import-page">
      <PageHeader title={t('imports.title')} description={t('imports.description')} />
      <ol className="stepper" aria-label={t('imports.steps.label')}>
        {STEPS.map((s, i) => (
          <li key={s} className={`stepper__step${i === stepIndex ? ' stepper__step--current' : ''}${i < stepIndex ? ' stepper__step--done' : ''}`} aria-current={i === stepIndex ? 'step' : undefined}>
            <span className="stepper__number">{i + 1}</span> {t(`imports.steps.${s}`)}
          </li>
        ))}
      </ol>
      {errorText && (
        <div className="alert alert--danger card-alert" role="alert">
          <span>{errorText}</span>
        </div>
      )}
      {busy && <p role="status" className="table__muted">{t('imports.working')}</p>}

      {step === 'upload' && (
        <section className="import-step" aria-label={t('imports.steps.upload')}>
          <div className="dropzone" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
            <p>{t('imports.upload.drop')}</p>
            <label className="button button--primary">
              {t('imports.upload.choose')}
              <input type="file" className="visually-hidden" accept=".csv,.tsv,.txt,.xlsx,.vcf" aria-label={t('imports.upload.choose')} onChange={(e) => e.target.files?.[0] && void send(e.target.files[0])} />
            </label>
            <p className="table__muted">{options.data ? t('imports.upload.formats', { maxMb: options.data.importMaxMegabytes }) : t('imports.upload.formatsNoSize')}</p>
          </div>
          <label className="field">
            <span className="field__label">{t('imports.upload.paste')}</span>
            <textarea aria-label={t('imports.upload.paste')} className="textarea" rows={6} value={pasted} onChange={(e) => setPasted(e.target.value)} />
          </label>
          <button type="button" className="button button--secondary" disabled={!pasted.trim() || busy} onClick={() => void send(new File([pasted], 'pasted.tsv', { type: 'text/plain' }))}>
            {t('imports.upload.usePasted')}
          </button>
          <RecentImports />
        </section>
      )}

      {step === 'reading' && preview && (
        <section className="import-step" aria-label={t('imports.steps.reading')}>
          <div className="admin-toolbar">
            {preview.settings.format === 'XLSX' ? (
              <label className="inline-field">
                <span className="inline-field__label">{t('imports.reading.sheet')}</span>
                <select aria-label={t('imports.reading.sheet')} className="select select--compact" value={settings.sheet ?? ''} onChange={(e) => void load({ settings: { ...settings, sheet: e.target.value, headerRow: undefined }, mapping: null })}>
                  {preview.sheets.map((s) => (
                    <option key={s} value={s}>{s}</option>
                  ))}
                </select>
              </label>
            ) : (
              <>
                <label className="inline-field">
                  <span className="inline-field__label">{t('imports.reading.encoding')}</span>
                  <select aria-label={t('imports.reading.encoding')} className="select select--compact" value={settings.encoding} onChange={(e) => void load({ settings: { ...settings, encoding: e.target.value }, mapping: null })}>
                    {ENCODINGS.map((enc) => (
                      <option key={enc} value={enc}>{t(`imports.encodings.${enc}`)}</option>
                    ))}
                  </select>
                </label>
                <label className="inline-field">
                  <span className="inline-field__label">{t('imports.reading.delimiter')}</span>
                  <select aria-label={t('imports.reading.delimiter')} className="select select--compact" value={settings.delimiter} onChange={(e) => void load({ settings: { ...settings, delimiter: e.target.value, headerRow: undefined }, mapping: null })}>
                    {DELIMITERS.map(([d, name]) => (
                      <option key={name} value={d}>{t(`imports.delimiters.${name}`)}</option>
                    ))}
                  </select>
                </label>
              </>
            )}
            <label className="inline-field">
              <span className="inline-field__label">{t('imports.reading.headerRow')}</span>
              <input aria-label={t('imports.reading.headerRow')} className="input input--compact" type="number" min={1} value={settings.headerRow ?? 1} onChange={(e) => void load({ settings: { ...settings, headerRow: Number(e.target.value) || 1 }, mapping: null })} />
            </label>
          </div>
          <p className="table__muted">{t('imports.reading.detected', { encoding: t(`imports.encodings.${preview.settings.encoding}`), row: preview.settings.headerRow })}</p>
          <div className="table-wrap">
            <table className="table" aria-label={t('imports.reading.sample')}>
              <tbody>
                {preview.sample.slice(0, 8).map((row, i) => (
                  <tr key={i}>
                    {row.slice(0, 12).map((cell, j) => (
                      <td key={j}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="import-step__actions">
            <button type="button" className="button button--secondary" onClick={() => setStep('upload')}>{t('imports.back')}</button>
            <button type="button" className="button button--primary" onClick={() => setStep('target')}>{t('imports.next')}</button>
          </div>
        </section>
      )}

      {step === 'target' && (
        <section className="import-step" aria-label={t('imports.steps.target')}>
          <div className="form-grid">
            <label className="field">
              <span className="field__label">{t('imports.target.pipeline')}</span>
              <select aria-label={t('imports.target.pipeline')} className="select" value={target.pipelineId} onChange={(e) => setTarget({ ...target, pipelineId: e.target.value, statusId: '' })}>
                <option value="">{t('imports.target.clientsOnly')}</option>
                {options.data?.pipelines.map((p) => (
                  <option key={p.id} value={p.id}>{p.name}</option>
                ))}
              </select>
            </label>
            {pipeline && (
              <label className="field">
                <span className="field__label">{t('imports.target.status')}</span>
                <select aria-label={t('imports.target.status')} className="select" value={target.statusId} onChange={(e) => setTarget({ ...target, statusId: e.target.value })}>
                  <option value="">{t('imports.target.firstStatus')}</option>
                  {pipeline.statuses.map((s) => (
                    <option key={s.id} value={s.id}>{s.name}</option>
                  ))}
                </select>
              </label>
            )}
            <label className="field">
              <span className="field__label">{t('imports.target.department')}</span>
              <select aria-label={t('imports.target.department')} className="select" value={target.departmentId} onChange={(e) => setTarget({ ...target, departmentId: e.target.value })}>
                <option value="">{t('imports.target.noDepartment')}</option>
                {options.data?.departments.map((d) => (
                  <option key={d.id} value={d.id}>{d.name}</option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field__label">{t('imports.target.category')}</span>
              <select aria-label={t('imports.target.category')} className="select" value={target.categoryIds[0] ?? ''} onChange={(e) => setTarget({ ...target, categoryIds: e.target.value ? [e.target.value] : [] })}>
                <option value="">{t('imports.target.noCategory')}</option>
                {options.data?.categories.map((c) => (
                  <option key={c.id} value={c.id}>{c.name}</option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field__label">{t('imports.target.duplicates')}</span>
              <select aria-label={t('imports.target.duplicates')} className="select" value={target.duplicates} onChange={(e) => setTarget({ ...target, duplicates: e.target.value as DuplicatePolicy })}>
                {POLICIES.map((p) => (
                  <option key={p} value={p}>{t(`imports.policies.${p}`)}</option>
                ))}
              </select>
            </label>
            <label className="checkbox-field">
              <input type="checkbox" checked={target.noAutomations} onChange={(e) => setTarget({ ...target, noAutomations: e.target.checked })} />
              <span>{t('imports.target.noAutomations')}</span>
            </label>
          </div>
          <div className="import-step__actions">
            <button type="button" className="button button--secondary" onClick={() => setStep('reading')}>{t('imports.back')}</button>
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void go('mapping')}>{t('imports.next')}</button>
          </div>
        </section>
      )}

      {step === 'mapping' && preview && mapping && (
        <section className="import-step" aria-label={t('imports.steps.mapping')}>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('imports.mapping.column')}</th>
                  <th scope="col">{t('imports.mapping.example')}</th>
                  <th scope="col">{t('imports.mapping.field')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.headers.map((h, i) => (
                  <tr key={i}>
                    <td className="table__primary">{h || `#${i + 1}`}</td>
                    <td className="table__muted">{preview.sample[preview.settings.headerRow]?.[i] ?? ''}</td>
                    <td>
                      <select className="select select--compact" aria-label={t('imports.mapping.fieldFor', { column: h || `#${i + 1}` })} value={mapping[i] ?? ''} onChange={(e) => setMapping(mapping.map((m, j) => (j === i ? e.target.value || null : m)))}>
                        <option value="">{t('imports.mapping.ignore')}</option>
                        {preview.targets.map((tg) => (
                          <option key={tg} value={tg}>{targetLabel(tg, t, customLabels)}</option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="admin-toolbar">
            <label className="inline-field">
              <span className="inline-field__label">{t('imports.mapping.saveAs')}</span>
              <input aria-label={t('imports.mapping.saveAs')} className="input input--compact" value={mappingName} onChange={(e) => setMappingName(e.target.value)} />
            </label>
            <button type="button" className="button button--secondary button--small" disabled={!mappingName.trim()} onClick={() => void saveMapping({ variables: { name: mappingName, headers: preview.headers, mapping } }).then(() => setNotice(t('imports.mapping.saved')))}>
              {t('imports.mapping.save')}
            </button>
            <span role="status" className="table__muted">{notice}</span>
          </div>
          <div className="import-step__actions">
            <button type="button" className="button button--secondary" onClick={() => setStep('target')}>{t('imports.back')}</button>
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void go('preview')}>{t('imports.next')}</button>
          </div>
        </section>
      )}

      {step === 'preview' && preview && (
        <section className="import-step" aria-label={t('imports.steps.preview')}>
          <Counts counts={preview.counts} />
          <p className="table__muted">{preview.more ? t('imports.preview.firstRows', { count: preview.rowsChecked }) : t('imports.preview.allRows', { count: preview.rowsChecked })}</p>
          {preview.rows.some((r) => ['IMPORT_BROKEN_QUOTE', 'IMPORT_INVALID_ENCODING', 'IMPORT_TOO_MANY_FIELDS'].includes(r.reason ?? '')) && (
            <label className="checkbox-field alert alert--warning">
              <input type="checkbox" checked={!!settings.skipBrokenRows} onChange={(e) => setSettings({ ...settings, skipBrokenRows: e.target.checked })} />
              <span>{t('imports.preview.skipBroken')}</span>
            </label>
          )}
          <div className="table-wrap">
            <table className="table" aria-label={t('imports.preview.rows')}>
              <thead>
                <tr>
                  <th scope="col">{t('imports.preview.row')}</th>
                  <th scope="col">{t('imports.preview.outcome')}</th>
                  <th scope="col">{t('imports.preview.client')}</th>
                  <th scope="col">{t('imports.preview.contacts')}</th>
                  <th scope="col">{t('imports.preview.problems')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => {
                  const d = r.draft as { client?: { name: string; emails: string[]; phones: string[] }; contacts?: Array<{ name: string }> } | null;
                  return (
                    <tr key={r.rowNo} className={r.outcome === 'REJECTED' ? 'table__row--problem' : undefined}>
                      <td>{r.rowNo}</td>
                      <td>
                        <span className={`badge badge--${r.outcome === 'REJECTED' ? 'danger' : r.outcome === 'CREATED' ? 'success' : 'neutral'}`}>{t(`imports.outcomes.${r.outcome}`)}</span>
                      </td>
                      <td>
                        <span className="table__primary">{d?.client?.name}</span>
                        <span className="table__muted"> {[...(d?.client?.emails ?? []), ...(d?.client?.phones ?? [])].join(', ')}</span>
                      </td>
                      <td className="table__muted">{d?.contacts?.map((c) => c.name).join(', ')}</td>
                      <td>
                        {r.problems.length
                          ? r.problems.map((p, i) => (
                              <div key={i}>
                                {p.column !== null && p.column !== undefined ? <strong>{preview.headers[p.column]}: </strong> : null}
                                {problemText(p.code, p.params as Record<string, unknown>)}
                              </div>
                            ))
                          : r.reason
                            ? problemText(r.reason, r.reasonParams as Record<string, unknown>)
                            : ''}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="import-step__actions">
            <button type="button" className="button button--secondary" onClick={() => setStep('mapping')}>{t('imports.back')}</button>
            <button
              type="button"
              className="button button--primary"
              disabled={startState.loading || busy}
              onClick={() =>
                void start({ variables: { input: input() } })
                  .then((res) => res.data && navigate(`/imports/${res.data.startImport.id}`))
                  .catch((err) => setError(describeError(err, t)))
              }
            >
              {t('imports.preview.start')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}

function Counts({ counts }: { counts: { created: number; updated: number; skipped: number; rejected: number } }) {
  const { t, i18n } = useTranslation();
  const n = new Intl.NumberFormat(i18n.language);
  return (
    <dl className="import-counts">
      {(['created', 'updated', 'skipped', 'rejected'] as const).map((k) => (
        <div key={k} className={`import-counts__item import-counts__item--${k}`}>
          <dt>{t(`imports.counts.${k}`)}</dt>
          <dd>{n.format(counts[k])}</dd>
        </div>
      ))}
    </dl>
  );
}

function RecentImports() {
  const { t, i18n } = useTranslation();
  const { data } = useQuery(IMPORT_RUNS_QUERY, { fetchPolicy: 'cache-and-network' });
  if (!data?.importRuns.length) return null;
  return (
    <section aria-label={t('imports.recent')}>
      <h2 className="section-title">{t('imports.recent')}</h2>
      <ul className="plain-list">
        {data.importRuns.map((r) => (
          <li key={r.id}>
            <Link to={`/imports/${r.id}`}>{r.fileName}</Link>{' '}
            <span className="table__muted">
              {formatDateTime(r.createdAt, i18n.language)} ·{' '}
              {r.undoneAt ? t('imports.undone') : r.undoJob && !isFinishedJob(r.undoJob.state) ? t('imports.undoing') : t(`jobs.states.${r.job.state}`)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** /imports/:id: progress while it runs (also after a reload), then counts, the rejects file and Undo. */
function ImportResult({ importId }: { importId: string }) {
  const { t, i18n } = useTranslation();
  const { data, refetch, error } = useQuery(IMPORT_RUN_QUERY, { variables: { id: importId }, fetchPolicy: 'network-only' });
  const [undo, undoState] = useMutation(UNDO_IMPORT_MUTATION);
  const mutationErrors = useMutationErrors();
  const problemText = useProblemText();
  const [confirming, setConfirming] = useState(false);
  const run = data?.importRun as ImportRunFieldsFragment | undefined;
  if (error) return <div className="page admin-page"><ErrorAlert error={describeError(error, t)} /></div>;
  if (!run) return <div className="page admin-page"><p role="status">{t('imports.working')}</p></div>;
  const finished = isFinishedJob(run.job.state);
  const undoJob = run.undoJob;
  const undoing = !!undoJob && !isFinishedJob(undoJob.state);
  const canUndo = finished && !run.undoneAt && !undoing && new Date(run.undoUntil).getTime() > Date.now() && run.counts.created + run.counts.updated > 0;
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <div className="page admin-page import-page">
      <PageHeader title={t('imports.resultTitle', { file: run.fileName })} description={t('imports.startedAt', { at: formatDateTime(run.createdAt, i18n.language) })} actions={<Link className="button button--secondary" to="/imports">{t('imports.new')}</Link>} />
      <JobProgress jobId={run.job.id} label={t('imports.progress')} onFinished={() => void refetch()} />
      {run.job.state === 'FAILED' && run.job.errorCode && (
        <div className="alert alert--danger card-alert" role="alert">
          <span>{problemText(run.job.errorCode, run.job.errorParams as Record<string, unknown>)}</span>
        </div>
      )}
      <Counts counts={run.counts} />
      {undoJob && (
        <>
          <h2 className="section-title">{t('imports.undoProgress')}</h2>
          <JobProgress key={undoJob.id} jobId={undoJob.id} label={t('imports.undoProgress')} onFinished={() => void refetch()} />
        </>
      )}
      {undoJob?.state === 'FAILED' && undoJob.errorCode && (
        <div className="alert alert--danger card-alert" role="alert">
          <span>{problemText(undoJob.errorCode, undoJob.errorParams as Record<string, unknown>)}</span>
        </div>
      )}
      {undoJob && !run.undoneAt && (undoJob.state === 'CANCELLED' || undoJob.state === 'FAILED') && (
        <p className="notice">{t('imports.undoStopped', { done: number.format(undoJob.rowsDone), total: number.format(undoJob.rowsTotal ?? 0) })}</p>
      )}
      {run.undoneAt && <p className="notice">{t('imports.undoneAt', { at: formatDateTime(run.undoneAt, i18n.language) })}</p>}
      <div className="import-step__actions">
        {finished && run.counts.rejected > 0 && (
          <a className="button button--secondary" href={run.rejectsPath} download>
            {t('imports.downloadRejects', { count: run.counts.rejected })}
          </a>
        )}
        {canUndo && !confirming && (
          <button type="button" className="button button--ghost button--ghost-danger" onClick={() => setConfirming(true)}>
            {t('imports.undo')}
          </button>
        )}
        {confirming && (
          <div className="alert alert--warning" role="alertdialog" aria-label={t('imports.undo')}>
            <span>{t('imports.undoConfirm', { created: run.counts.created, updated: run.counts.updated })}</span>
            <button type="button" className="button button--primary button--small" disabled={undoState.loading} onClick={() => void mutationErrors.run(() => undo({ variables: { id: run.id } })).then(() => setConfirming(false))}>
              {t('imports.undoYes')}
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(false)}>
              {t('imports.cancel')}
            </button>
          </div>
        )}
      </div>
      <ErrorAlert error={mutationErrors.error} />
      {canUndo && <p className="table__muted">{t('imports.undoUntil', { at: formatDateTime(run.undoUntil, i18n.language) })}</p>}
    </div>
  );
}
