import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import { useMutationErrors } from '../../../app/useMutationErrors';
import type { ApiKeyModule } from '../../../graphql/generated/graphql';
import { Dialog } from '../../../ui/Dialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { fromDateTimeInputs, todayInput } from '../../../ui/datetime';
import { API_KEYS_QUERY, CREATE_API_KEY_MUTATION } from '../graphql/apiKeys';

export const MODULES: ApiKeyModule[] = ['CARDS', 'CLIENTS', 'TODOS', 'MAIL', 'REPORTS'];

/** A year from today, the suggested expiry. */
function inAYear(): string {
  const [y, m, d] = todayInput().split('-');
  return `${Number(y) + 1}-${m}-${d}`;
}

/** New key: name, read or write, modules and expiry; then the secret, shown this once. */
export function CreateApiKeyDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [mutate, { loading }] = useMutation(CREATE_API_KEY_MUTATION, { refetchQueries: [{ query: API_KEYS_QUERY }] });
  const { error, run } = useMutationErrors();
  const [name, setName] = useState('');
  const [canWrite, setCanWrite] = useState(false);
  const [modules, setModules] = useState<ApiKeyModule[]>(['CARDS', 'CLIENTS']);
  const [expires, setExpires] = useState(inAYear());
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = t('integrations.keys.validation.name');
    if (modules.length === 0) problems.modules = t('integrations.keys.validation.modules');
    setInvalid(problems);
    if (Object.keys(problems).length) return;
    const expiresAt = expires ? fromDateTimeInputs(expires, '23:59') : null;
    const created = await run(async () => (await mutate({ variables: { input: { name: name.trim(), canWrite, modules, expiresAt } } })).data?.createApiKey);
    if (created) setSecret(created.secret);
  };

  if (secret) {
    return (
      <Dialog title={t('integrations.keys.created.title')} description={t('integrations.keys.created.body')} onClose={onClose}>
        <div className="form">
          <Field label={t('integrations.keys.created.secret')}>
            <input className="input input--mono" readOnly value={secret} onFocus={(event) => event.target.select()} />
          </Field>
          <div className="dialog__footer">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true), () => undefined)}
            >
              {copied ? t('integrations.keys.created.copied') : t('integrations.keys.created.copy')}
            </button>
            <button type="button" className="button button--primary" onClick={onClose}>
              {t('integrations.keys.created.done')}
            </button>
          </div>
        </div>
      </Dialog>
    );
  }

  const toggle = (module: ApiKeyModule, on: boolean) => setModules((current) => (on ? [...current, module] : current.filter((m) => m !== module)));
  return (
    <Dialog title={t('integrations.keys.new')} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <ErrorAlert error={error && !Object.keys(error.fields).length ? error : null} />
        <Field label={t('integrations.keys.form.name')} hint={t('integrations.keys.form.nameHint')} error={invalid.name ?? error?.fields.name}>
          <input className="input" value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
        </Field>
        <label className="check-label">
          <input type="checkbox" className="checkbox" checked={canWrite} onChange={(event) => setCanWrite(event.target.checked)} />
          {t('integrations.keys.form.canWrite')}
        </label>
        <fieldset className="field">
          <legend className="field__label">{t('integrations.keys.form.modules')}</legend>
          {MODULES.map((module) => (
            <label key={module} className="check-label">
              <input type="checkbox" className="checkbox" checked={modules.includes(module)} onChange={(event) => toggle(module, event.target.checked)} />
              {t(`integrations.keys.modules.${module}`)}
            </label>
          ))}
          {(invalid.modules ?? error?.fields.modules) && <p className="field__error">{invalid.modules ?? error?.fields.modules}</p>}
        </fieldset>
        <Field label={t('integrations.keys.form.expires')} hint={t('integrations.keys.form.expiresHint')} error={error?.fields.expiresAt}>
          <input className="input" type="date" value={expires} min={todayInput()} onChange={(event) => setExpires(event.target.value)} />
        </Field>
        <div className="dialog__footer">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={loading} aria-busy={loading}>
            {t('integrations.keys.form.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
