import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../app/i18n';
import type { SuppressionsQuery } from '../../../graphql/generated/graphql';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { Dialog } from '../../../ui/Dialog';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { LockIcon, PlusIcon, SearchIcon } from '../../../ui/icons';
import { LoadError } from '../../../ui/LoadError';
import { PageHeader } from '../../../ui/PageHeader';
import { formatDateTime } from '../../../ui/datetime';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';
import { SUPPRESSIONS_QUERY } from '../graphql/campaigns';
import { useSuppressions } from '../hooks/useCampaigns';
import { Pagination } from '../../../ui/Pagination';

const PAGE_SIZE = 50;
type Suppression = SuppressionsQuery['suppressions']['items'][number];

/** /campaigns/suppressions: addresses no campaign may mail (Managers and Admins): searched, paged, added by hand, taken off. */
export function SuppressionsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const [text, setText] = useState('');
  const search = useDebouncedValue(text, 300);
  const [offset, setOffset] = useState(0);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Suppression | null>(null);
  const { data, previousData, loading, error, refetch } = useQuery(SUPPRESSIONS_QUERY, { variables: { search: search.trim() || null, page: { offset, limit: PAGE_SIZE } } });
  const shown = data ?? previousData;
  const actions = useSuppressions();

  let body;
  if (loading && !shown) body = <InlineLoading />;
  else if (!shown) body = <LoadError title={t('campaigns.suppressions.loadError')} error={error} onRetry={() => void refetch()} />;
  else if (shown.suppressions.items.length === 0)
    body = <EmptyState icon={<LockIcon />} title={search ? t('campaigns.suppressions.noMatchTitle') : t('campaigns.suppressions.emptyTitle')} body={search ? t('campaigns.suppressions.noMatchBody') : t('campaigns.suppressions.emptyBody')} />;
  else
    body = (
      <div className={`table-wrap${loading ? ' table-wrap--busy' : ''}`}>
        <table className="table table--dense">
          <caption className="visually-hidden">{t('campaigns.suppressions.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('campaigns.suppressions.email')}</th>
              <th scope="col">{t('campaigns.suppressions.reason')}</th>
              <th scope="col">{t('campaigns.suppressions.source')}</th>
              <th scope="col">{t('campaigns.suppressions.at')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('campaigns.suppressions.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.suppressions.items.map((s) => (
              <tr key={s.email}>
                <th scope="row" className="table__primary">
                  {s.email}
                </th>
                <td>
                  <span className={`badge suppression-reason suppression-reason--${s.reason.toLowerCase()}`}>{t(`campaigns.suppressions.reasons.${s.reason}`, { defaultValue: s.reason })}</span>
                  {s.scope === 'ALL' && <span className="table__muted"> · {t('campaigns.suppressions.scopeAll')}</span>}
                </td>
                <td>
                  {s.source}
                  {s.campaignName && <span className="table__muted"> · {s.campaignName}</span>}
                  {s.createdByName && <span className="table__muted"> · {s.createdByName}</span>}
                </td>
                <td className="table__muted">
                  <time dateTime={s.createdAt}>{formatDateTime(s.createdAt, language)}</time>
                </td>
                <td className="table__actions">
                  <button type="button" className="button button--secondary button--small" onClick={() => { actions.removing.clearError(); setRemoving(s); }}>
                    {t('campaigns.suppressions.remove')}
                    <span className="visually-hidden"> {s.email}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  const total = shown?.suppressions.total ?? 0;

  return (
    <div className="page page--wide">
      <nav className="breadcrumb" aria-label={t('campaigns.breadcrumb')}>
        <Link to="/campaigns">{t('campaigns.title')}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{t('campaigns.suppressions.title')}</span>
      </nav>
      <PageHeader
        title={t('campaigns.suppressions.title')}
        description={t('campaigns.suppressions.description')}
        actions={
          <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
            <PlusIcon />
            {t('campaigns.suppressions.add')}
          </button>
        }
      />
      <div className="list-toolbar">
        <label className="search-input filter-bar__search">
          <SearchIcon />
          <input
            className="input input--compact"
            type="search"
            aria-label={t('campaigns.suppressions.search')}
            placeholder={t('campaigns.suppressions.searchPlaceholder')}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setOffset(0);
            }}
          />
        </label>
        <p className="list-toolbar__total" aria-live="polite">
          {t('campaigns.suppressions.total', { count: total })}
        </p>
      </div>
      {body}
      {total > PAGE_SIZE && (
        <Pagination offset={offset} pageSize={PAGE_SIZE} total={total} onOffset={setOffset} />
      )}
      {adding && <AddSuppressionDialog actions={actions} onClose={() => setAdding(false)} />}
      {removing && <RemoveSuppressionDialog suppression={removing} actions={actions} onClose={() => setRemoving(null)} />}
    </div>
  );
}

type Actions = ReturnType<typeof useSuppressions>;

function AddSuppressionDialog({ actions, onClose }: { actions: Actions; onClose: () => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const address = email.trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(address)) return setProblem(t('campaigns.suppressions.emailInvalid'));
    setProblem(undefined);
    if (await actions.add({ email: address, note: note.trim() || null })) onClose();
  };
  const fieldErrors = actions.adding.error?.fields ?? {};
  return (
    <Dialog title={t('campaigns.suppressions.addTitle')} description={t('campaigns.suppressions.addDescription')} onClose={onClose} size="small">
      <form className="form" noValidate onSubmit={submit}>
        {actions.adding.error && !Object.keys(fieldErrors).length && <ErrorAlert error={actions.adding.error} />}
        <Field label={t('campaigns.suppressions.email')} error={problem ?? fieldErrors.email}>
          <input className="input" type="email" value={email} maxLength={254} onChange={(event) => setEmail(event.target.value)} data-autofocus />
        </Field>
        <Field label={t('campaigns.suppressions.note')} hint={t('campaigns.suppressions.noteHint')} error={fieldErrors.note}>
          <input className="input" value={note} maxLength={40} onChange={(event) => setNote(event.target.value)} />
        </Field>
        <div className="dialog__footer">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('card.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={actions.adding.loading} aria-busy={actions.adding.loading}>
            {t('campaigns.suppressions.addSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function RemoveSuppressionDialog({ suppression, actions, onClose }: { suppression: Suppression; actions: Actions; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const unsubscribed = suppression.reason === 'UNSUBSCRIBED';
  const confirm = async () => {
    if (unsubscribed && !reason.trim()) return setProblem(t('campaigns.suppressions.reasonRequired'));
    setProblem(undefined);
    if (await actions.remove({ email: suppression.email, reason: reason.trim() || null })) onClose();
  };
  return (
    <ConfirmDialog
      title={t('campaigns.suppressions.removeTitle', { email: suppression.email })}
      body={unsubscribed ? t('campaigns.suppressions.removeUnsubscribedBody') : t('campaigns.suppressions.removeBody')}
      confirmLabel={t('campaigns.suppressions.removeConfirm')}
      busy={actions.removing.loading}
      error={actions.removing.error && !actions.removing.error.fields.reason ? actions.removing.error : null}
      onClose={onClose}
      onConfirm={() => void confirm()}
    >
      {unsubscribed && (
        <div className="form">
          <Field label={t('campaigns.suppressions.removeReason')} hint={t('campaigns.suppressions.removeReasonHint')} error={problem ?? actions.removing.error?.fields.reason}>
            <textarea className="textarea" rows={3} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
          </Field>
        </div>
      )}
    </ConfirmDialog>
  );
}
