import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import { useMutationErrors } from '../../../app/useMutationErrors';
import type { WebhookEvent } from '../../../graphql/generated/graphql';
import { Dialog } from '../../../ui/Dialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { CREATE_WEBHOOK_MUTATION, WEBHOOKS_QUERY } from '../graphql/webhooks';

export const WEBHOOK_EVENTS: WebhookEvent[] = [
  'CARD_CREATED', 'CARD_MOVED', 'CARD_WON', 'CARD_LOST', 'CLIENT_CREATED', 'CLIENT_UPDATED', 'CLIENT_MERGED', 'CLIENT_DELETED', 'TODO_DONE', 'MAIL_RECEIVED',
];

/** New webhook: address and events; then its signing secret, shown this once. */
export function CreateWebhookDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [mutate, { loading }] = useMutation(CREATE_WEBHOOK_MUTATION, { refetchQueries: [{ query: WEBHOOKS_QUERY }] });
  const { error, run } = useMutationErrors();
  const [url, setUrl] = useState('https://');
  const [events, setEvents] = useState<WebhookEvent[]>(['CARD_CREATED', 'CARD_WON']);
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const [secret, setSecret] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!/^https?:\/\/\S+$/.test(url.trim())) problems.url = t('integrations.hooks.validation.url');
    if (events.length === 0) problems.events = t('integrations.hooks.validation.events');
    setInvalid(problems);
    if (Object.keys(problems).length) return;
    const created = await run(async () => (await mutate({ variables: { input: { url: url.trim(), events } } })).data?.createWebhook);
    if (created) setSecret(created.secret);
  };

  if (secret) {
    return (
      <Dialog title={t('integrations.hooks.created.title')} description={t('integrations.hooks.created.body')} onClose={onClose}>
        <div className="form">
          <Field label={t('integrations.hooks.created.secret')}>
            <input className="input input--mono" readOnly value={secret} onFocus={(event) => event.target.select()} />
          </Field>
          <div className="dialog__footer">
            <button type="button" className="button button--primary" onClick={onClose}>
              {t('integrations.keys.created.done')}
            </button>
          </div>
        </div>
      </Dialog>
    );
  }

  const toggle = (value: WebhookEvent, on: boolean) => setEvents((current) => (on ? [...current, value] : current.filter((e) => e !== value)));
  return (
    <Dialog title={t('integrations.hooks.new')} onClose={onClose}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <ErrorAlert error={error && !Object.keys(error.fields).length ? error : null} />
        <Field label={t('integrations.hooks.form.url')} hint={t('integrations.hooks.form.urlHint')} error={invalid.url ?? error?.fields.url}>
          <input className="input" type="url" value={url} maxLength={2000} onChange={(event) => setUrl(event.target.value)} />
        </Field>
        <fieldset className="field">
          <legend className="field__label">{t('integrations.hooks.form.events')}</legend>
          {WEBHOOK_EVENTS.map((value) => (
            <label key={value} className="check-label">
              <input type="checkbox" className="checkbox" checked={events.includes(value)} onChange={(event) => toggle(value, event.target.checked)} />
              {t(`integrations.hooks.events.${value}`)}
            </label>
          ))}
          {(invalid.events ?? error?.fields.events) && <p className="field__error">{invalid.events ?? error?.fields.events}</p>}
        </fieldset>
        <div className="dialog__footer">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={loading} aria-busy={loading}>
            {t('integrations.hooks.form.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
