import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { MailAccountFieldsFragment } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { formatDateTime } from '../../../ui/datetime';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { LoadError } from '../../../ui/LoadError';
import { PageHeader } from '../../../ui/PageHeader';
import { useNotice } from '../../../ui/useNotice';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { isFinishedJob, JobProgress } from '../../imports/components/JobProgress';
import {
  DELETE_MAIL_ACCOUNT_MUTATION,
  MAILBOX_SETTINGS_QUERY,
  SAVE_MAIL_ACCOUNT_MUTATION,
  SYNC_MAIL_ACCOUNT_MUTATION,
  TEST_MAIL_ACCOUNT_MUTATION,
} from '../graphql/mailbox';
import { MailboxForm, type MailboxInput } from './MailboxForm';
import { SharedMailboxes } from './SharedMailboxes';
import '../../../styles/mailbox.css';

/** A mailbox's sync state: last sync, messages stored, the last error, a running sync's progress. */
export function MailboxSyncState({ account, onFinished }: { account: MailAccountFieldsFragment; onFinished: () => void }) {
  const { t, i18n } = useTranslation();
  const job = account.syncJob;
  return (
    <>
      <dl className="mailbox-state">
        <dt>{t('mailbox.lastSync')}</dt>
        <dd>{account.lastSyncAt ? formatDateTime(account.lastSyncAt, i18n.language) : t('mailbox.never')}</dd>
        <dt>{t('mailbox.messagesSynced')}</dt>
        <dd>{new Intl.NumberFormat(i18n.language).format(account.messagesSynced)}</dd>
        <dt>{t('mailbox.status')}</dt>
        <dd>{account.enabled ? t('mailbox.polling') : t('mailbox.paused')}</dd>
      </dl>
      {account.lastErrorCode && (
        <p className="alert alert--danger" role="alert">
          {t(`mailbox.codes.${account.lastErrorCode}`)}
          {account.lastErrorAt ? ` (${formatDateTime(account.lastErrorAt, i18n.language)})` : ''}
        </p>
      )}
      {job && !isFinishedJob(job.state) && <JobProgress key={job.id} jobId={job.id} label={t('mailbox.progress')} onFinished={onFinished} />}
    </>
  );
}

/** /settings/mailbox: the user's IMAP mailbox (host, security, user, password), a connection test and its sync state; Admins also manage the shared mailboxes. */
export function MailboxSettingsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { data, loading, error, refetch } = useQuery(MAILBOX_SETTINGS_QUERY, { fetchPolicy: 'cache-and-network' });
  const settings = data?.mailboxSettings;
  const account = settings?.account as MailAccountFieldsFragment | null | undefined;
  const [notice, setNotice] = useNotice();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [save, saveState] = useMutation(SAVE_MAIL_ACCOUNT_MUTATION);
  const [test, testState] = useMutation(TEST_MAIL_ACCOUNT_MUTATION);
  const [sync, syncState] = useMutation(SYNC_MAIL_ACCOUNT_MUTATION);
  const [remove, removeState] = useMutation(DELETE_MAIL_ACCOUNT_MUTATION);
  const { error: mutationError, run, clearError } = useMutationErrors();

  const onSave = async (input: MailboxInput) => {
    const saved = await run(() => save({ variables: { input } }));
    if (!saved?.data) return false;
    setNotice(t('mailbox.saved'));
    await refetch();
    return true;
  };

  const onTest = async (input: MailboxInput) => (await run(() => test({ variables: { input } })))?.data?.testMailAccount ?? null;

  const onSync = async () => {
    const result = await run(() => sync());
    if (result?.data) await refetch();
  };

  const onDelete = async () => {
    const result = await run(() => remove());
    if (result?.data) {
      setConfirmDelete(false);
      setNotice(t('mailbox.disconnected'));
      await refetch();
    }
  };

  let body;
  if (loading && !data) body = <InlineLoading />;
  else if (!settings) body = <LoadError title={t('mailbox.loadError')} error={error} onRetry={() => void refetch()} />;
  else {
    const running = account?.syncJob && !isFinishedJob(account.syncJob.state);
    body = (
      <>
        <div className="mailbox-grid">
          {!settings.keyConfigured && (
            <p className="alert alert--warning" role="alert">
              {t('mailbox.keyMissing')}
            </p>
          )}
          <section className="panel mailbox-section" aria-labelledby="mailbox-connection">
            <h2 id="mailbox-connection" className="panel__title">
              {t('mailbox.connection')}
            </h2>
            <MailboxForm
              account={account}
              keyConfigured={settings.keyConfigured}
              saving={saveState.loading}
              testing={testState.loading}
              error={confirmDelete ? null : mutationError}
              onSave={onSave}
              onTest={onTest}
            />
          </section>

          {account && (
            <section className="panel mailbox-section" aria-labelledby="mailbox-sync">
              <h2 id="mailbox-sync" className="panel__title">
                {t('mailbox.sync')}
              </h2>
              <MailboxSyncState account={account} onFinished={() => void refetch()} />
              <div className="mailbox-section__actions">
                <button type="button" className="button button--secondary" disabled={syncState.loading || !!running || !settings.keyConfigured} onClick={() => void onSync()}>
                  {running ? t('mailbox.syncing') : t('mailbox.syncNow')}
                </button>
                <button type="button" className="button button--danger" onClick={() => setConfirmDelete(true)}>
                  {t('mailbox.disconnect')}
                </button>
              </div>
            </section>
          )}
        </div>
        {me.role === 'ADMIN' && <SharedMailboxes keyConfigured={settings.keyConfigured} />}
      </>
    );
  }

  return (
    <div className="page">
      <PageHeader title={t('mailbox.title')} description={t('mailbox.description')} />
      <div className="notice-region" role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      {body}
      {confirmDelete && (
        <ConfirmDialog
          title={t('mailbox.disconnectTitle')}
          body={t('mailbox.disconnectBody')}
          confirmLabel={t('mailbox.disconnect')}
          busy={removeState.loading}
          error={mutationError}
          onConfirm={() => void onDelete()}
          onClose={() => {
            clearError();
            setConfirmDelete(false);
          }}
        />
      )}
    </div>
  );
}
