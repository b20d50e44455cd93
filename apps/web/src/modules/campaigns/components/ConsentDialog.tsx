import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../app/i18n';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { Dialog } from '../../../ui/Dialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { formatDateTime } from '../../../ui/datetime';
import { CONSENTS_QUERY, SET_CONSENT_MUTATION } from '../graphql/campaigns';

/** A contact's campaign consent: its history (newest first), and recording a new opt-in or opt-out. */
export function ConsentDialog({ contact, onClose }: { contact: { id: string; name: string }; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { data, loading } = useQuery(CONSENTS_QUERY, { variables: { contactId: contact.id }, fetchPolicy: 'network-only' });
  const [set, state] = useMutation(SET_CONSENT_MUTATION, { refetchQueries: ['ContactConsents'] });
  const { error, run } = useMutationErrors();
  const [source, setSource] = useState('');
  const history = data?.contactConsents ?? [];
  const record = (status: 'OPTED_IN' | 'OPTED_OUT') => run(() => set({ variables: { input: { contactId: contact.id, status, source: source.trim() || t('campaigns.consent.byHand') } } }));
  return (
    <Dialog title={t('campaigns.consent.title', { name: contact.name })} description={t('campaigns.consent.description')} onClose={onClose}>
      <ErrorAlert error={error} />
      {loading && !data ? (
        <InlineLoading />
      ) : history.length === 0 ? (
        <p className="table__muted">{t('campaigns.consent.none')}</p>
      ) : (
        <ul className="consent-history" aria-label={t('campaigns.consent.history')}>
          {history.map((c) => (
            <li key={c.id}>
              <strong>{t(`campaigns.consent.status.${c.status}`)}</strong> · {c.email} · {c.source} · <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, i18n.resolvedLanguage)}</time>
            </li>
          ))}
        </ul>
      )}
      <Field label={t('campaigns.consent.source')} hint={t('campaigns.consent.sourceHint')}>
        <input className="input" value={source} maxLength={40} onChange={(event) => setSource(event.target.value)} />
      </Field>
      <div className="dialog__footer">
        <button type="button" className="button button--secondary" disabled={state.loading} onClick={() => void record('OPTED_OUT')}>
          {t('campaigns.consent.optOut')}
        </button>
        <button type="button" className="button button--primary" disabled={state.loading} onClick={() => void record('OPTED_IN')}>
          {t('campaigns.consent.optIn')}
        </button>
      </div>
    </Dialog>
  );
}
