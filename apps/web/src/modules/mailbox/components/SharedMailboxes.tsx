import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { MailAccountFieldsFragment } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { Dialog } from '../../../ui/Dialog';
import { EmptyState } from '../../../ui/EmptyState';
import { InboxIcon } from '../../../ui/icons';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { LoadError } from '../../../ui/LoadError';
import { useNotice } from '../../../ui/useNotice';
import { isFinishedJob } from '../../imports/components/JobProgress';
import {
  DELETE_SHARED_MAILBOX_MUTATION,
  SAVE_SHARED_MAILBOX_MUTATION,
  SHARED_MAILBOXES_QUERY,
  SYNC_SHARED_MAILBOX_MUTATION,
  TEST_SHARED_MAILBOX_MUTATION,
} from '../graphql/mailbox';
import { MailboxForm, type MailboxInput } from './MailboxForm';
import { MailboxSyncState } from './MailboxSettingsPage';

/** Which dialog is open: connecting a new shared mailbox, editing one, or confirming its removal. */
type Editing = { kind: 'new' } | { kind: 'edit'; account: MailAccountFieldsFragment } | { kind: 'delete'; account: MailAccountFieldsFragment } | null;

/** Admins: the organisation's shared mailboxes (office@, info@) that belong to no user; their mail is routed like anyone's. */
export function SharedMailboxes({ keyConfigured }: { keyConfigured: boolean }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(SHARED_MAILBOXES_QUERY, { fetchPolicy: 'cache-and-network' });
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useNotice();
  const [save, saveState] = useMutation(SAVE_SHARED_MAILBOX_MUTATION);
  const [test, testState] = useMutation(TEST_SHARED_MAILBOX_MUTATION);
  const [sync, syncState] = useMutation(SYNC_SHARED_MAILBOX_MUTATION);
  const [remove, removeState] = useMutation(DELETE_SHARED_MAILBOX_MUTATION);
  const { error: mutationError, run, clearError } = useMutationErrors();
  const mailboxes = (data?.sharedMailboxes ?? []) as MailAccountFieldsFragment[];
  const editedId = editing && editing.kind !== 'new' ? editing.account.id : null;

  const close = () => {
    clearError();
    setEditing(null);
  };

  const onSave = async (input: MailboxInput, name: string) => {
    const saved = await run(() => save({ variables: { id: editedId, input: { ...input, name } } }));
    if (!saved?.data) return false;
    setNotice(t('mailbox.shared.saved', { name }));
    setEditing(null);
    await refetch();
    return true;
  };

  const onTest = async (input: MailboxInput) => (await run(() => test({ variables: { id: editedId, input } })))?.data?.testSharedMailbox ?? null;

  const onSync = async (id: string) => {
    const result = await run(() => sync({ variables: { id } }));
    if (result?.data) await refetch();
  };

  const onDelete = async (account: MailAccountFieldsFragment) => {
    const result = await run(() => remove({ variables: { id: account.id } }));
    if (result?.data) {
      setEditing(null);
      setNotice(t('mailbox.shared.removed', { name: account.name }));
      await refetch();
    }
  };

  let list;
  if (loading && !data) list = <InlineLoading />;
  else if (!data) list = <LoadError title={t('mailbox.shared.loadError')} error={error} onRetry={() => void refetch()} />;
  else if (mailboxes.length === 0) list = <EmptyState icon={<InboxIcon />} title={t('mailbox.shared.emptyTitle')} body={t('mailbox.shared.emptyBody')} />;
  else
    list = (
      <ul className="shared-mailboxes" aria-label={t('mailbox.shared.title')}>
        {mailboxes.map((account) => {
          const running = account.syncJob && !isFinishedJob(account.syncJob.state);
          return (
            <li key={account.id} className="shared-mailbox" aria-label={account.name ?? account.username}>
              <div className="shared-mailbox__head">
                <div>
                  <p className="shared-mailbox__name">{account.name}</p>
                  <p className="shared-mailbox__address">
                    {account.username} · {account.host}:{account.port}
                  </p>
                </div>
                <div className="mailbox-section__actions">
                  <button type="button" className="button button--secondary button--small" disabled={syncState.loading || !!running || !keyConfigured} onClick={() => void onSync(account.id)}>
                    {running ? t('mailbox.syncing') : t('mailbox.syncNow')}
                  </button>
                  <button type="button" className="button button--secondary button--small" onClick={() => setEditing({ kind: 'edit', account })}>
                    {t('mailbox.shared.edit')}
                  </button>
                  <button type="button" className="button button--danger button--small" onClick={() => setEditing({ kind: 'delete', account })}>
                    {t('mailbox.disconnect')}
                  </button>
                </div>
              </div>
              <MailboxSyncState account={account} onFinished={() => void refetch()} />
            </li>
          );
        })}
      </ul>
    );

  return (
    <section className="panel mailbox-section mailbox-shared" aria-labelledby="mailbox-shared">
      <div className="panel__header">
        <h2 id="mailbox-shared" className="panel__title">
          {t('mailbox.shared.title')}
        </h2>
        <button type="button" className="button button--primary" disabled={!keyConfigured} onClick={() => setEditing({ kind: 'new' })}>
          {t('mailbox.shared.add')}
        </button>
      </div>
      <p className="panel__hint">{t('mailbox.shared.description')}</p>
      <div className="notice-region" role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      {!editing && mutationError ? <p className="alert alert--danger">{t('mailbox.shared.actionFailed')}</p> : null}
      {list}
      {editing && editing.kind !== 'delete' && (
        <Dialog title={editing.kind === 'new' ? t('mailbox.shared.addTitle') : t('mailbox.shared.editTitle', { name: editing.account.name })} onClose={close}>
          <MailboxForm
            account={editing.kind === 'edit' ? editing.account : null}
            keyConfigured={keyConfigured}
            named
            saving={saveState.loading}
            testing={testState.loading}
            error={mutationError}
            onSave={onSave}
            onTest={onTest}
            onCancel={close}
          />
        </Dialog>
      )}
      {editing?.kind === 'delete' && (
        <ConfirmDialog
          title={t('mailbox.shared.removeTitle', { name: editing.account.name })}
          body={t('mailbox.disconnectBody')}
          confirmLabel={t('mailbox.disconnect')}
          busy={removeState.loading}
          error={mutationError}
          onConfirm={() => void onDelete(editing.account)}
          onClose={close}
        />
      )}
    </section>
  );
}
