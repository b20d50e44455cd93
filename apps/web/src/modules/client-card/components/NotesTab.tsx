import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import { EmptyState } from '../../../ui/EmptyState';
import { initials } from '../../../ui/initials';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { useNoteMutations, useNotes } from '../hooks/useNotes';
import { formatDateTime } from '../../../ui/datetime';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { TabState } from '../../../ui/TabState';

/** Short comments for colleagues, newest first; authors edit or delete their own. */
export function NotesTab({ cardId }: { cardId: string }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const { notes, loading, error, refetch } = useNotes(cardId);
  const mutations = useNoteMutations(cardId);
  const [body, setBody] = useState('');
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    if (await mutations.createNote(body.trim())) setBody('');
  };

  return (
    <section className="card-section" aria-labelledby="notes-heading">
      <div className="card-section__header">
        <h2 id="notes-heading" className="card-section__title">
          {t('card.notes.heading')}
          {notes.length > 0 && <span className="card-section__count">{notes.length}</span>}
        </h2>
      </div>
      <form className="note-form" onSubmit={(event) => void add(event)}>
        <label className="visually-hidden" htmlFor="new-note">
          {t('card.notes.newLabel')}
        </label>
        <textarea
          id="new-note"
          className="input textarea"
          rows={3}
          placeholder={t('card.notes.placeholder')}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void add(e);
          }}
        />
        <div className="note-form__actions">
          <span className="field__hint">{t('card.notes.shortcut')}</span>
          <button type="submit" className="button button--primary button--small" disabled={!body.trim() || mutations.loading}>
            {t('card.notes.add')}
          </button>
        </div>
      </form>
      {!deleting && <ErrorAlert error={mutations.error} />}
      <TabState loading={loading} error={error} hasData={!loading && !error} onRetry={() => void refetch()} />
      {!loading && !error && notes.length === 0 && <EmptyState title={t('card.notes.empty')} />}
      {notes.length > 0 && (
        <ul className="note-list" aria-label={t('card.notes.listLabel')}>
          {notes.map((note) => {
            const own = note.author?.id === me.id;
            return (
              <li key={note.id} className="note">
                <span className="timeline__avatar" aria-hidden="true">
                  {note.author ? initials(note.author.name) : '·'}
                </span>
                <div className="note__main">
                  <p className="note__meta">
                    <span className="note__author">{note.author?.name ?? t('card.history.system')}</span>
                    <time dateTime={note.createdAt}>{formatDateTime(note.createdAt, i18n.resolvedLanguage)}</time>
                    {note.updatedAt !== note.createdAt && <span className="table__muted">{t('card.notes.edited')}</span>}
                  </p>
                  {editing?.id === note.id ? (
                    <form
                      className="note-form"
                      onSubmit={(event) => {
                        event.preventDefault();
                        if (editing.body.trim()) void mutations.updateNote(note.id, editing.body.trim()).then((done) => done && setEditing(null));
                      }}
                    >
                      <textarea
                        className="input textarea"
                        rows={3}
                        aria-label={t('card.notes.editLabel')}
                        value={editing.body}
                        onChange={(e) => setEditing({ id: note.id, body: e.target.value })}
                        autoFocus
                      />
                      <div className="note-form__actions">
                        <button type="button" className="button button--ghost button--small" onClick={() => setEditing(null)}>
                          {t('card.common.cancel')}
                        </button>
                        <button type="submit" className="button button--primary button--small" disabled={mutations.loading}>
                          {t('card.common.save')}
                        </button>
                      </div>
                    </form>
                  ) : (
                    <p className="note__body">{note.body}</p>
                  )}
                </div>
                {own && editing?.id !== note.id && (
                  <div className="note__actions">
                    <button type="button" className="button button--ghost button--small" onClick={() => setEditing({ id: note.id, body: note.body })} aria-label={t('card.notes.edit')}>
                      {t('card.common.edit')}
                    </button>
                    <button type="button" className="button button--ghost button--ghost-danger button--small" onClick={() => setDeleting(note.id)} aria-label={t('card.notes.delete')}>
                      {t('card.common.delete')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('card.notes.deleteTitle')}
          body={t('card.common.toTrash')}
          confirmLabel={t('card.common.moveToTrash')}
          busy={mutations.loading}
          error={mutations.error}
          onClose={() => {
            mutations.clearError();
            setDeleting(null);
          }}
          onConfirm={() => void mutations.deleteNote(deleting).then((done) => done && setDeleting(null))}
        />
      )}
    </section>
  );
}
