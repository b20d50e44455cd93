import { useMemo, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { DocumentFieldsFragment } from '../../../graphql/generated/graphql';
import { Dialog } from '../../../ui/Dialog';
import { Field } from '../../../ui/Field';
import { usePipelines } from '../../pipelines/hooks/usePipelines';
import { useDocumentFolders, useDocumentMutations, useDocuments } from '../hooks/useDocuments';
import { formatBytes, formatDateTime } from '../../../ui/datetime';
import { describeUploadError, uploadFile } from '../utils/upload';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { TabState } from '../../../ui/TabState';

interface DocumentsTabProps {
  clientId: string;
  pipelineId: string;
}

interface UploadRow {
  key: string;
  name: string;
  progress: number;
  error?: string;
}

type OpenDialog =
  | { kind: 'move' | 'copy'; doc: DocumentFieldsFragment }
  | { kind: 'delete'; doc: DocumentFieldsFragment }
  | { kind: 'share'; doc: DocumentFieldsFragment }
  | null;

const VIEWABLE = /^(image\/|application\/pdf$|text\/plain$)/;

function fileBadge(mimeType: string, name: string): string {
  if (mimeType === 'application/pdf') return 'PDF';
  if (mimeType.startsWith('image/')) return 'IMG';
  const ext = name.includes('.') ? name.split('.').pop()!.slice(0, 4).toUpperCase() : 'FILE';
  return ext;
}

function PlaceDialog({
  mode,
  doc,
  folders,
  onClose,
}: {
  mode: 'move' | 'copy';
  doc: DocumentFieldsFragment;
  folders: string[];
  onClose: (message?: string) => void;
}) {
  const { t } = useTranslation();
  const { pipelines } = usePipelines();
  const mutations = useDocumentMutations();
  const [pipelineId, setPipelineId] = useState(doc.pipelineId);
  const [folder, setFolder] = useState(doc.folder);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const to = { pipelineId, folder: folder.trim() };
    const done = mode === 'move' ? await mutations.moveDocument(doc.id, to) : await mutations.copyDocument(doc.id, to);
    if (done) onClose(t(`card.documents.${mode}d`, { name: doc.name }));
  };
  return (
    <Dialog title={t(`card.documents.${mode}Title`, { name: doc.name })} onClose={() => onClose()}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <Field label={t('card.documents.pipeline')}>
          <select className="select" value={pipelineId} onChange={(e) => setPipelineId(e.target.value)}>
            {pipelines.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('card.documents.folder')} hint={t('card.documents.folderHint')} error={mutations.error?.fields.folder}>
          <input className="input" list="document-folders" value={folder} onChange={(e) => setFolder(e.target.value)} />
        </Field>
        <datalist id="document-folders">
          {folders.filter(Boolean).map((f) => (
            <option key={f} value={f} />
          ))}
        </datalist>
        <ErrorAlert error={mutations.error} />
        <div className="dialog__footer">
          <button type="button" className="button button--secondary" onClick={() => onClose()}>
            {t('card.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={mutations.loading}>
            {t(`card.documents.${mode}Submit`)}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function ShareDialog({ doc, onClose }: { doc: DocumentFieldsFragment; onClose: () => void }) {
  const { t } = useTranslation();
  const mutations = useDocumentMutations();
  const [copied, setCopied] = useState(false);
  const url = doc.publicPath ? `${window.location.origin}${doc.publicPath}` : null;
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Dialog title={t('card.documents.shareTitle', { name: doc.name })} onClose={onClose} description={t('card.documents.shareDescription')}>
      {url ? (
        <div className="share-box">
          <Field label={t('card.documents.publicLink')}>
            <input className="input share-box__url" readOnly value={url} onFocus={(e) => e.target.select()} />
          </Field>
          <div className="share-box__actions">
            <button type="button" className="button button--primary" onClick={() => void copy()}>
              {t('card.documents.copyLink')}
            </button>
            <button type="button" className="button button--ghost button--ghost-danger" disabled={mutations.loading} onClick={() => void mutations.setShared(doc.id, false)}>
              {t('card.documents.revoke')}
            </button>
            <span role="status" className="share-box__status">
              {copied ? t('card.documents.copied') : ''}
            </span>
          </div>
        </div>
      ) : (
        <div className="share-box">
          <p className="table__muted">{t('card.documents.notShared')}</p>
          <button type="button" className="button button--primary" disabled={mutations.loading} onClick={() => void mutations.setShared(doc.id, true)}>
            {t('card.documents.createLink')}
          </button>
        </div>
      )}
      <ErrorAlert error={mutations.error} />
    </Dialog>
  );
}

/** Folders of documents per pipeline: upload (drop or pick), view, download, move, copy, share, delete. */
export function DocumentsTab({ clientId, pipelineId }: DocumentsTabProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const { documents, loading, error, refetch } = useDocuments(clientId, pipelineId);
  const mutations = useDocumentMutations();
  const [folder, setFolder] = useState('');
  const folderState = useDocumentFolders(clientId, pipelineId);
  const [newFolder, setNewFolder] = useState<string | null>(null);
  const [uploads, setUploads] = useState<UploadRow[]>([]);
  const [dragging, setDragging] = useState(false);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const dragDepth = useRef(0);

  // Folders stay (even empty) until deleted; the one open is always listed, so the drop zone never
  // names a folder that is not there.
  const folders = useMemo(() => {
    const set = new Set<string>(['', ...folderState.folders, ...documents.map((d) => d.folder), folder]);
    return [...set].sort((a, b) => a.localeCompare(b));
  }, [documents, folderState.folders, folder]);
  const shown = documents.filter((d) => d.folder === folder);
  const countIn = (name: string) => documents.filter((d) => d.folder === name).length;

  const upload = async (files: FileList | File[]) => {
    for (const file of Array.from(files)) {
      const key = `${file.name}-${Date.now()}-${Math.random()}`;
      setUploads((rows) => [...rows, { key, name: file.name, progress: 0 }]);
      try {
        await uploadFile(file, { clientId, pipelineId, folder }, (progress) =>
          setUploads((rows) => rows.map((row) => (row.key === key ? { ...row, progress } : row))),
        );
        setUploads((rows) => rows.filter((row) => row.key !== key));
        setNotice(t('card.documents.uploaded', { name: file.name }));
        await Promise.all([refetch(), folderState.refetch()]);
      } catch (caught) {
        const message = describeUploadError(caught, t);
        setUploads((rows) => rows.map((row) => (row.key === key ? { ...row, error: message } : row)));
      }
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    if (event.dataTransfer.files.length) void upload(event.dataTransfer.files);
  };

  const closeDialog = (message?: string) => {
    setDialog(null);
    if (message) setNotice(message);
  };

  return (
    <section
      className={`card-section documents${dragging ? ' documents--dragging' : ''}`}
      aria-labelledby="documents-heading"
      onDragEnter={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        dragDepth.current += 1;
        setDragging(true);
      }}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes('Files')) event.preventDefault();
      }}
      onDragLeave={() => {
        dragDepth.current = Math.max(0, dragDepth.current - 1);
        if (dragDepth.current === 0) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <div className="card-section__header">
        <h2 id="documents-heading" className="card-section__title">
          {t('card.documents.heading')}
          {documents.length > 0 && <span className="card-section__count">{documents.length}</span>}
        </h2>
        <div className="card-section__actions">
          <button type="button" className="button button--secondary button--small" onClick={() => setNewFolder('')}>
            {t('card.documents.newFolder')}
          </button>
          <button type="button" className="button button--primary button--small" onClick={() => fileInput.current?.click()}>
            {t('card.documents.upload')}
          </button>
          <input
            ref={fileInput}
            type="file"
            multiple
            className="visually-hidden"
            aria-label={t('card.documents.chooseFile')}
            tabIndex={-1}
            onChange={(event) => {
              if (event.target.files?.length) void upload(event.target.files);
              event.target.value = '';
            }}
          />
        </div>
      </div>
      <div className="notice-region" role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      {!dialog && <ErrorAlert error={mutations.error ?? folderState.error} />}
      {uploads.length > 0 && (
        <ul className="upload-list" aria-label={t('card.documents.uploads')}>
          {uploads.map((row) => (
            <li key={row.key} className={`upload-row${row.error ? ' upload-row--error' : ''}`}>
              <span className="upload-row__name">{row.name}</span>
              {row.error ? (
                <>
                  <span className="upload-row__error" role="alert">
                    {row.error}
                  </span>
                  <button
                    type="button"
                    className="icon-button icon-button--small"
                    aria-label={t('card.documents.dismiss', { name: row.name })}
                    onClick={() => setUploads((rows) => rows.filter((r) => r.key !== row.key))}
                  >
                    ×
                  </button>
                </>
              ) : (
                <progress
                  className="upload-row__progress"
                  max={1}
                  value={row.progress}
                  aria-label={t('card.documents.uploading', { name: row.name, percent: Math.round(row.progress * 100) })}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="documents__layout">
        <nav className="folder-list" aria-label={t('card.documents.folders')}>
          <ul>
            {folders.map((name) => (
              <li key={name || '(top)'}>
                <button type="button" className="folder-list__item" aria-current={name === folder ? 'true' : undefined} onClick={() => setFolder(name)}>
                  <svg viewBox="0 0 16 16" aria-hidden="true">
                    <path d="M1.5 4.5a1 1 0 0 1 1-1h3.6l1.4 1.5h6a1 1 0 0 1 1 1v6.5a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1z" fill="none" stroke="currentColor" strokeWidth="1.3" />
                  </svg>
                  <span className="folder-list__name">{name || t('card.documents.topFolder')}</span>
                  <span className="folder-list__count">{countIn(name)}</span>
                </button>
              </li>
            ))}
          </ul>
          {newFolder !== null && (
            <form
              className="folder-list__new"
              onSubmit={(event) => {
                event.preventDefault();
                const name = newFolder.trim();
                if (!name) return setNewFolder(null);
                void folderState.createFolder(name).then((made) => {
                  if (!made) return;
                  setFolder(name);
                  setNewFolder(null);
                });
              }}
            >
              <input
                className="input input--compact"
                aria-label={t('card.documents.newFolderName')}
                placeholder={t('card.documents.newFolderName')}
                value={newFolder}
                onChange={(e) => setNewFolder(e.target.value)}
                autoFocus
                onKeyDown={(e) => e.key === 'Escape' && setNewFolder(null)}
              />
            </form>
          )}
        </nav>
        <div className="documents__main">
          <TabState loading={loading} error={error} hasData={!loading && !error} onRetry={() => void refetch()} />
          {!loading && !error && (
            <>
              {shown.length > 0 && (
                <ul className="document-list" aria-label={t('card.documents.listLabel', { folder: folder || t('card.documents.topFolder') })}>
                  {shown.map((doc) => (
                    <li key={doc.id} className="document-row">
                      <span className="document-row__badge" aria-hidden="true">
                        {fileBadge(doc.mimeType, doc.name)}
                      </span>
                      <div className="document-row__main">
                        <a className="document-row__name" href={doc.path} target="_blank" rel="noopener" title={VIEWABLE.test(doc.mimeType) ? t('card.documents.view') : undefined}>
                          {doc.name}
                        </a>
                        <span className="document-row__meta">
                          {formatBytes(doc.size, language)} · {doc.uploadedBy?.name ?? t('card.history.system')} · {formatDateTime(doc.createdAt, language)}
                          {doc.publicPath && <span className="badge badge--success">{t('card.documents.sharedBadge')}</span>}
                        </span>
                      </div>
                      <div className="document-row__actions">
                        <a className="button button--ghost button--small" href={`${doc.path}?download`} aria-label={t('card.documents.download', { name: doc.name })}>
                          {t('card.documents.downloadShort')}
                        </a>
                        <button type="button" className="button button--ghost button--small" onClick={() => setDialog({ kind: 'share', doc })} aria-label={t('card.documents.share', { name: doc.name })}>
                          {t('card.documents.shareShort')}
                        </button>
                        <button type="button" className="button button--ghost button--small" onClick={() => setDialog({ kind: 'move', doc })} aria-label={t('card.documents.move', { name: doc.name })}>
                          {t('card.documents.moveShort')}
                        </button>
                        <button type="button" className="button button--ghost button--small" onClick={() => setDialog({ kind: 'copy', doc })} aria-label={t('card.documents.copy', { name: doc.name })}>
                          {t('card.documents.copyShort')}
                        </button>
                        <button type="button" className="button button--ghost button--ghost-danger button--small" onClick={() => setDialog({ kind: 'delete', doc })} aria-label={t('card.documents.delete', { name: doc.name })}>
                          {t('card.common.delete')}
                        </button>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
              {folder && shown.length === 0 && (
                <div className="documents__empty-folder">
                  <span>{t('card.documents.emptyFolder', { folder })}</span>
                  <button
                    type="button"
                    className="button button--ghost button--ghost-danger button--small"
                    disabled={folderState.loading}
                    onClick={() =>
                      void folderState.deleteFolder(folder).then((left) => {
                        if (!left) return;
                        setFolder('');
                        setNotice(t('card.documents.folderDeleted', { folder }));
                      })
                    }
                  >
                    {t('card.documents.deleteFolder', { folder })}
                  </button>
                </div>
              )}
              <button type="button" className={`drop-zone${shown.length ? ' drop-zone--compact' : ''}`} onClick={() => fileInput.current?.click()}>
                <span className="drop-zone__title">{t('card.documents.dropTitle')}</span>
                <span className="drop-zone__hint">{t('card.documents.dropHint', { folder: folder || t('card.documents.topFolder') })}</span>
              </button>
            </>
          )}
        </div>
      </div>
      {dragging && (
        <div className="documents__overlay" aria-hidden="true">
          {t('card.documents.dropNow', { folder: folder || t('card.documents.topFolder') })}
        </div>
      )}
      {(dialog?.kind === 'move' || dialog?.kind === 'copy') && <PlaceDialog mode={dialog.kind} doc={dialog.doc} folders={folders} onClose={closeDialog} />}
      {dialog?.kind === 'share' && <ShareDialog doc={documents.find((d) => d.id === dialog.doc.id) ?? dialog.doc} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={t('card.documents.deleteTitle', { name: dialog.doc.name })}
          body={t('card.common.toTrash')}
          confirmLabel={t('card.common.moveToTrash')}
          busy={mutations.loading}
          error={mutations.error}
          onClose={() => {
            mutations.clearError();
            setDialog(null);
          }}
          onConfirm={() => void mutations.deleteDocument(dialog.doc.id).then((done) => done && closeDialog(t('card.documents.deleted', { name: dialog.doc.name })))}
        />
      )}
    </section>
  );
}
