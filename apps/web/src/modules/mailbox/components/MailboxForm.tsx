import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { MailAccountFieldsFragment } from '../../../graphql/generated/graphql';
import type { AppError } from '../../../app/errors';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';

const SECURITY = ['TLS', 'STARTTLS', 'NONE'] as const;
const DEFAULT_PORT: Record<string, number> = { TLS: 993, STARTTLS: 143, NONE: 143 };

interface FormValues {
  name: string;
  host: string;
  port: string;
  security: string;
  username: string;
  password: string;
  folders: string;
  sinceDays: string;
  enabled: boolean;
}

/** What the API's MailAccountInput takes. */
export interface MailboxInput {
  host: string;
  port: number;
  security: string;
  username: string;
  password: string | null;
  folders: string[];
  sinceDays: number;
  enabled: boolean;
}

function initial(account: MailAccountFieldsFragment | null | undefined): FormValues {
  return {
    name: account?.name ?? '',
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

interface MailboxFormProps {
  account: MailAccountFieldsFragment | null | undefined;
  keyConfigured: boolean;
  /** A shared mailbox has a name besides its connection. */
  named?: boolean;
  saving: boolean;
  testing: boolean;
  error: AppError | null | undefined;
  /** Saves; true when it was saved (the password field is then emptied). */
  onSave(input: MailboxInput, name: string): Promise<boolean>;
  /** Logs in with the settings; the result, or null when the request failed (the error shows). */
  onTest(input: MailboxInput): Promise<{ ok: boolean; code: string | null } | null>;
  onCancel?: () => void;
}

/** The IMAP connection form (server, security, port, user, password, folders, first-sync depth) with a connection test. */
export function MailboxForm({ account, keyConfigured, named = false, saving, testing, error, onSave, onTest, onCancel }: MailboxFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<FormValues>(() => initial(account));
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof FormValues, string>>>({});
  const [testResult, setTestResult] = useState<{ ok: boolean; code: string | null } | null>(null);
  const enabledId = useId();

  useEffect(() => {
    setValues(initial(account));
    // Only when the saved account changes, not on every refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [account?.id, account?.name, account?.host, account?.port, account?.username, account?.security, account?.sinceDays, account?.enabled, account?.folders?.join()]);

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setTestResult(null);
  };

  const validate = (forSave: boolean): boolean => {
    const found: typeof fieldErrors = {};
    if (named && forSave && !values.name.trim()) found.name = t('mailbox.errors.name');
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

  const input = (): MailboxInput => ({
    host: values.host.trim(),
    port: Number(values.port),
    security: values.security,
    username: values.username.trim(),
    password: values.password || null,
    folders: values.folders.split(',').map((f) => f.trim()).filter(Boolean),
    sinceDays: Number(values.sinceDays),
    enabled: values.enabled,
  });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!validate(true)) return;
    if (await onSave(input(), values.name.trim())) setValues((v) => ({ ...v, password: '' }));
  };

  const test = async () => {
    if (!validate(false)) return;
    setTestResult(null);
    setTestResult(await onTest(input()));
  };

  return (
    <form className="form" noValidate onSubmit={submit}>
      {named && (
        <Field label={t('mailbox.name')} error={fieldErrors.name} hint={t('mailbox.nameHint')}>
          <input className="input" value={values.name} maxLength={120} onChange={(e) => set('name', e.target.value)} />
        </Field>
      )}
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
      <label className="check-label" htmlFor={enabledId}>
        <input id={enabledId} type="checkbox" className="checkbox" checked={values.enabled} onChange={(e) => set('enabled', e.target.checked)} />
        <span>{t('mailbox.enabled')}</span>
      </label>
      <ErrorAlert error={error} />
      <div role="status" aria-live="polite">
        {testResult &&
          (testResult.ok ? (
            <p className="mailbox-test mailbox-test--ok">{t('mailbox.testOk')}</p>
          ) : (
            <p className="alert alert--danger">{t(`mailbox.codes.${testResult.code ?? 'IMAP_FAILED'}`)}</p>
          ))}
      </div>
      <div className="mailbox-section__actions">
        {onCancel && (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button type="button" className="button button--secondary" disabled={testing} aria-busy={testing} onClick={() => void test()}>
          {testing ? t('mailbox.testing') : t('mailbox.test')}
        </button>
        <button type="submit" className="button button--primary" disabled={saving || !keyConfigured} aria-busy={saving}>
          {account ? t('mailbox.save') : t('mailbox.connect')}
        </button>
      </div>
    </form>
  );
}
