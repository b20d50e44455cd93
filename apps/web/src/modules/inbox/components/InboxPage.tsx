import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import { EmptyState } from '../../../ui/EmptyState';
import { InboxIcon } from '../../../ui/icons';
import { PageHeader } from '../../../ui/PageHeader';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { TabState } from '../../../ui/TabState';
import { formatDateTime } from '../../../ui/datetime';
import { useLabels } from '../../labels/hooks/useLabels';
import { useUnsortedContactActions, useUnsortedContacts } from '../hooks/useUnsortedContacts';
import { UnsortedMails } from './UnsortedMails';

/**
 * /inbox: addresses seen in incoming mail that belong to no client yet. Pick some (or all) and
 * create clients from them, optionally into a category, or dismiss them.
 */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { contacts, hasData, loading, error, refetch } = useUnsortedContacts();
  const categories = useLabels('CATEGORY').labels;
  const actions = useUnsortedContactActions();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [categoryId, setCategoryId] = useState('');
  const [notice, setNotice] = useState('');
  const selectAllRef = useRef<HTMLInputElement>(null);

  // Forget selected contacts that are no longer listed (created or dismissed elsewhere).
  useEffect(() => {
    setSelected((current) => {
      const kept = new Set(contacts.filter((c) => current.has(c.id)).map((c) => c.id));
      return kept.size === current.size ? current : kept;
    });
  }, [contacts]);

  const count = selected.size;
  const allSelected = contacts.length > 0 && count === contacts.length;
  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = count > 0 && !allSelected;
  }, [count, allSelected]);

  const toggle = (contactId: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(contactId);
      else next.delete(contactId);
      return next;
    });
  const selectAll = (on: boolean) => setSelected(on ? new Set(contacts.map((c) => c.id)) : new Set());

  // Alt+A / Ctrl+A inside the table selects every row (as in the card list).
  const onTableKey = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.key.toLowerCase() === 'a' && (event.altKey || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      selectAll(true);
    }
  };

  const ids = [...selected];
  const create = async () => {
    const category = categories.find((c) => c.id === categoryId);
    const created = await actions.createClients(ids, categoryId || null);
    if (created === undefined) return;
    setSelected(new Set());
    setNotice(
      category
        ? t('inbox.createdInCategory', { count: created, category: category.name })
        : t('inbox.created', { count: created }),
    );
  };
  const dismiss = async () => {
    const dismissed = await actions.dismiss(ids);
    if (dismissed === undefined) return;
    setSelected(new Set());
    setNotice(t('inbox.dismissed', { count: dismissed }));
  };

  return (
    <div className="page admin-page inbox-page">
      <PageHeader title={t('inbox.title')} description={t('inbox.description')} />
      <div className="notice-region" role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <ErrorAlert error={actions.error} />
      <UnsortedMails onFiled={(name) => setNotice(t('inbox.mail.filed', { name }))} />
      <h2 className="inbox-page__section">{t('inbox.addresses')}</h2>
      <TabState loading={loading} error={error} hasData={hasData} onRetry={() => void refetch()} />
      {hasData && contacts.length === 0 && (
        <EmptyState icon={<InboxIcon />} title={t('inbox.empty')} body={t('inbox.emptyBody')} />
      )}
      {contacts.length > 0 && (
        <>
          <div className="inbox-actions" role="region" aria-label={t('inbox.actions')}>
            <span className="inbox-actions__count" aria-live="polite">
              {t('inbox.selected', { count })}
            </span>
            <label className="inline-field">
              <span className="inline-field__label">{t('inbox.category')}</span>
              <select className="select select--compact" value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
                <option value="">{t('inbox.noCategory')}</option>
                {categories.map((category) => (
                  <option key={category.id} value={category.id}>
                    {category.name}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="button button--primary button--small"
              disabled={count === 0 || actions.loading}
              aria-busy={actions.loading}
              onClick={() => void create()}
            >
              {t('inbox.create', { count })}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={count === 0 || actions.loading}
              onClick={() => void dismiss()}
            >
              {t('inbox.dismiss', { count })}
            </button>
          </div>
          <div className="table-wrap">
            <table className="table" aria-labelledby={`${id}-caption`} onKeyDown={onTableKey}>
              <caption id={`${id}-caption`} className="visually-hidden">
                {t('inbox.title')}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="table__check">
                    <input
                      ref={selectAllRef}
                      type="checkbox"
                      className="checkbox"
                      aria-label={t('inbox.selectAll')}
                      checked={allSelected}
                      onChange={(e) => selectAll(e.target.checked)}
                    />
                  </th>
                  <th scope="col">{t('inbox.email')}</th>
                  <th scope="col">{t('inbox.name')}</th>
                  <th scope="col" className="table__num">
                    {t('inbox.seenCount')}
                  </th>
                  <th scope="col">{t('inbox.lastSeen')}</th>
                </tr>
              </thead>
              <tbody>
                {contacts.map((contact) => (
                  <tr key={contact.id} className={selected.has(contact.id) ? 'table__row--selected' : undefined}>
                    <td className="table__check">
                      <input
                        type="checkbox"
                        className="checkbox"
                        aria-label={t('inbox.selectRow', { email: contact.email })}
                        checked={selected.has(contact.id)}
                        onChange={(e) => toggle(contact.id, e.target.checked)}
                      />
                    </td>
                    <th scope="row" className="table__primary">
                      {contact.email}
                    </th>
                    <td>{contact.name ?? <span className="table__muted">—</span>}</td>
                    <td className="table__num">{contact.seenCount.toLocaleString(i18n.resolvedLanguage)}</td>
                    <td>{formatDateTime(contact.lastSeenAt, i18n.resolvedLanguage)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
