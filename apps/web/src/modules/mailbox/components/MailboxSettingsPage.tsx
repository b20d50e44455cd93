import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailAccountFieldsFragment } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { formatDateTime } from '../../../ui/datetime';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { LoadError } from '../../../ui/LoadError';
import { PageHeader } from '../../../ui/PageHeader';
import { isFinishedJob, JobProgress } from '../../imports/components/JobProgress';
import {
  DELETE_MAIL_ACCOUNT_MUTATION,
  MAILBOX_SETTINGS_QUERY,
  SAVE_MAIL_ACCOUNT_MUTATION,
  SYNC_MAIL_ACCOUNT_MUTATION,
  TEST_MAIL_ACCOUNT_MUTATION,
} from '../graphql/mailbox';
import '../../../styles/mailbox.css';

const SECURITY = ['TLS', 'STARTTLS', 'NONE'] as const;
const DEFAULT_PORT: Record<string, number> = { TLS: 993, STARTTLS: 143, NONE: 143 };

interface FormValues {
  host: string;
  port: string;
  security: string;
  username: string;
  password: string;
  folders: string;
  sinceDays: string;
  enabled: boolean;
}

function initial(account: MailAccountFieldsFragment | null | undefined): FormValues {
  return {
    host: account?.host ?? '',
    port: String(account?.port ?? 993),
    security: account?.security ?? 'TLS',
    username: account?.username ?? '',
    password: '',
    folders: (account?.folders ?? ['INBOX']).join(', '),
    sinceDays: String(account?.sinceDays ?? 30),
    enabled: account?.enabled ?? true,
  };
}

/** /settings/mailbox: the user's IMAP mailbox (host, security, user, password), a connection test and its sync state. */
export function MailboxSettingsPage() {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(MAILBOX_SETTINGS_QUERY, { fetchPolicy: 'cache-and-network' });
  const settings = data?.mailboxSettings;
  const account = settings?.account as MailAccountFieldsFragment | null | undefined;
  const [values, setValues] = useState<FormValues>(initial(null));
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof FormValues, string>>>({});
  const [testResult, setTestResult] = useState<{ ok: boolean; code: string | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [save, saveState] = useMutation(SAVE_MAIL_ACCOUNT_MUTATION);
  const [test, testState] = useMutation(TEST_MAIL_ACCOUNT_MUTATION);
  const [sync, syncState] = useMutation(SYNC_MAIL_ACCOUNT_MUTATION);
  const [remove, removeState] = useMutation(DELETE_MAIL_ACCOUNT_MUTATION);
  const { error: mutationError, run, clearError } = useMutationErrors();

  useEffect(() => {
    if (data) setValues(initial(account));
    // Only when the saved account changes, not on every poll.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [account?.id, account?.host, account?.port, account?.username, account?.security, account?.sinceDays, account?.enabled, account?.folders?.join()]);

  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(null), 5000);
    return () => window.clearTimeout(timer);
  }, [notice]);

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setTestResult(null);
  };

  const validate = (): boolean => {
    const found: typeof fieldErrors = {};
    if (!values.host.trim()) found.host = t('mailbox.errors.host');
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) found.port = t('mailbox.errors.port');
    if (!values.username.trim()) found.username = t('mailbox.errors.username');
    if (!account && !values.password) found.password = t('mailbox.errors.password');
    const days = Number(values.sinceDays);
    if (!Number.isInteger(days) || days < 1 || days > 3650) found.sinceDays = t('mailbox.errors.sinceDays');
    if (!values.folders.split(',').some((f) => f.trim())) found.folders = t('mailbox.errors.folders');
    setFieldErrors(found);
    return Object.keys(found).length === 0;
  };

  const input = () => ({
    host: values.host.trim(),
    port: Number(values.port),
    security: values.security,
    username: values.username.trim(),
    password: values.password || null,
    folders: values.folders.split(',').map((f) => f.trim()).filter(Boolean),
    sinceDays: Number(values.sinceDays),
    enabled: values.enabled,
  });

  const onSave = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!validate()) return;
    const saved = await run(() => save({ variables: { input: input() } }));
    if (saved?.data) {
      setValues((v) => ({ ...v, password: '' }));
      setNotice(t('mailbox.saved'));
      await refetch();
    }
  };

  const onTest = async () => {
    if (!validate()) return;
    setTestResult(null);
    const result = await run(() => test({ variables: { input: input() } }));
    if (result?.data) setTestResult(result.data.testMailAccount);
  };

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
    const job = account?.syncJob;
    const running = job && !isFinishedJob(job.state);
    body = (
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
          <form className="form" noValidate onSubmit={onSave}>
            <div className="form__row">
              <Field label={t('mailbox.host')} error={fieldErrors.host} hint={t('mailbox.hostHint')}>
                <input className="input" value={values.host} autoComplete="off" spellCheck={false} onChange={(e) => set('host', e.target.value)} />
              </Field>
              <Field label={t('mailbox.security')}>
                <select
                  className="select"
                  value={values.security}
                  onChange={(e) => {
                    const next = e.target.value;
                    setValues((v) => ({ ...v, security: next, port: String(DEFAULT_PORT[next]) }));
                    setTestResult(null);
                  }}
                >
                  {SECURITY.map((s) => (
                    <option key={s} value={s}>
                      {t(`mailbox.securityOptions.${s}`)}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
            <div className="form__row">
              <Field label={t('mailbox.port')} error={fieldErrors.port}>
                <input className="input" inputMode="numeric" value={values.port} onChange={(e) => set('port', e.target.value)} />
              </Field>
              <Field label={t('mailbox.username')} error={fieldErrors.username}>
                <input className="input" value={values.username} autoComplete="username" spellCheck={false} onChange={(e) => set('username', e.target.value)} />
              </Field>
            </div>
            <Field label={t('mailbox.password')} error={fieldErrors.password} hint={account ? t('mailbox.passwordKept') : t('mailbox.passwordHint')}>
              <input className="input" type="password" value={values.password} autoComplete="new-password" onChange={(e) => set('password', e.target.value)} />
            </Field>
            <div className="form__row">
              <Field label={t('mailbox.folders')} error={fieldErrors.folders} hint={t('mailbox.foldersHint')}>
                <input className="input" value={values.folders} onChange={(e) => set('folders', e.target.value)} />
              </Field>
              <Field label={t('mailbox.sinceDays')} error={fieldErrors.sinceDays} hint={t('mailbox.sinceDaysHint')}>
                <input className="input" inputMode="numeric" value={values.sinceDays} onChange={(e) => set('sinceDays', e.target.value)} />
              </Field>
            </div>
            <label className="check-label">
              <input type="checkbox" className="checkbox" checked={values.enabled} onChange={(e) => set('enabled', e.target.checked)} />
              <span>{t('mailbox.enabled')}</span>
            </label>
            <ErrorAlert error={mutationError} />
            <div role="status" aria-live="polite">
              {testResult &&
                (testResult.ok ? (
                  <p className="mailbox-test mailbox-test--ok">{t('mailbox.testOk')}</p>
                ) : (
                  <p className="alert alert--danger">{t(`mailbox.codes.${testResult.code ?? 'IMAP_FAILED'}`)}</p>
                ))}
            </div>
            <div className="mailbox-section__actions">
              <button type="button" className="button button--secondary" disabled={testState.loading} aria-busy={testState.loading} onClick={() => void onTest()}>
                {testState.loading ? t('mailbox.testing') : t('mailbox.test')}
              </button>
              <button type="submit" className="button button--primary" disabled={saveState.loading || !settings.keyConfigured} aria-busy={saveState.loading}>
                {account ? t('mailbox.save') : t('mailbox.connect')}
              </button>
            </div>
          </form>
        </section>

        {account && (
          <section className="panel mailbox-section" aria-labelledby="mailbox-sync">
            <h2 id="mailbox-sync" className="panel__title">
              {t('mailbox.sync')}
            </h2>
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
            {job && running && <JobProgress key={job.id} jobId={job.id} label={t('mailbox.progress')} onFinished={() => void refetch()} />}
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
