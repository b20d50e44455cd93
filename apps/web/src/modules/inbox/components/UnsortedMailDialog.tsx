import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import { Dialog } from '../../../ui/Dialog';
import { describeError } from '../../../app/errors';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';
import { InboundMailViewer } from '../../mail';
import { usePipelines } from '../../pipelines/hooks/usePipelines';
import {
  ASSIGN_INBOUND_MAIL_MUTATION,
  CREATE_CARD_FOR_MAIL_MUTATION,
  MAIL_CANDIDATE_QUERY,
  MAIL_CLIENT_SEARCH_QUERY,
  UNSORTED_MAILS_QUERY,
} from '../graphql/inbox';

interface UnsortedMailDialogProps {
  mail: { id: string; fromAddress: string | null; fromName: string | null; candidateClientIds: string[] };
  onClose: () => void;
  onFiled: (clientName: string) => void;
}

function CandidateOption({ id, checked, onPick }: { id: string; checked: boolean; onPick: (id: string, name: string) => void }) {
  const { data } = useQuery(MAIL_CANDIDATE_QUERY, { variables: { id } });
  if (!data) return null;
  return (
    <label className="radio-row">
      <input type="radio" name="mail-client" checked={checked} onChange={() => onPick(id, data.client.name)} /> {data.client.name}
    </label>
  );
}

/**
 * An Unsorted mail opened in the mail viewer, with a form to file it under an existing client (the
 * routing candidates first) or a new client with a card in a chosen pipeline and status. The mail
 * and its attachments move into that client's History and documents.
 */
export function UnsortedMailDialog({ mail, onClose, onFiled }: UnsortedMailDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [mode, setMode] = useState<'existing' | 'new'>(mail.candidateClientIds.length ? 'existing' : 'new');
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(null);
  const [name, setName] = useState(mail.fromName ?? mail.fromAddress ?? '');
  const [email, setEmail] = useState(mail.fromAddress ?? '');
  const { pipelines } = usePipelines();
  const [pipelineId, setPipelineId] = useState('');
  const pipeline = pipelines.find((p) => p.id === pipelineId) ?? pipelines[0];
  const [statusId, setStatusId] = useState('');
  const status = pipeline?.statuses.find((s) => s.id === statusId) ?? pipeline?.statuses[0];
  const text = useDebouncedValue(search.trim(), 250);
  const found = useQuery(MAIL_CLIENT_SEARCH_QUERY, { variables: { text }, skip: mode !== 'existing' || text.length < 2 });
  const refetchQueries = [{ query: UNSORTED_MAILS_QUERY }];
  const [assign, assigning] = useMutation(ASSIGN_INBOUND_MAIL_MUTATION, { refetchQueries });
  const [createCard, creating] = useMutation(CREATE_CARD_FOR_MAIL_MUTATION);
  const [nameError, setNameError] = useState('');
  const busy = assigning.loading || creating.loading;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      if (mode === 'existing') {
        if (!picked) return;
        await assign({ variables: { id: mail.id, clientId: picked.id } });
        onFiled(picked.name);
      } else {
        if (!name.trim()) return setNameError(t('inbox.mail.nameRequired'));
        if (!status) return;
        const made = await createCard({ variables: { input: { statusId: status.id, client: { name: name.trim(), email: email.trim() || null } } } });
        const clientId = made.data?.createCard.client.id;
        if (!clientId) return;
        await assign({ variables: { id: mail.id, clientId } });
        onFiled(name.trim());
      }
    } catch {
      // shown by ErrorAlert
    }
  };

  return (
    <Dialog title={t('inbox.mail.openTitle')} onClose={onClose}>
      <InboundMailViewer mailId={mail.id} />
      <form className="unsorted-assign" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`} className="unsorted-assign__title">
          {t('inbox.mail.fileTitle')}
        </h3>
        <ErrorAlert error={assigning.error || creating.error ? describeError(assigning.error ?? creating.error, t) : null} />
        <div className="segmented" role="radiogroup" aria-label={t('inbox.mail.fileTitle')}>
          <label className="radio-row">
            <input type="radio" name={`${id}-mode`} checked={mode === 'existing'} onChange={() => setMode('existing')} /> {t('inbox.mail.existing')}
          </label>
          <label className="radio-row">
            <input type="radio" name={`${id}-mode`} checked={mode === 'new'} onChange={() => setMode('new')} /> {t('inbox.mail.newClient')}
          </label>
        </div>
        {mode === 'existing' ? (
          <fieldset className="unsorted-assign__clients">
            <legend className="visually-hidden">{t('inbox.mail.client')}</legend>
            {mail.candidateClientIds.length > 0 && <p className="table__muted">{t('inbox.mail.candidates')}</p>}
            {mail.candidateClientIds.map((cid) => (
              <CandidateOption key={cid} id={cid} checked={picked?.id === cid} onPick={(pid, pname) => setPicked({ id: pid, name: pname })} />
            ))}
            <Field label={t('inbox.mail.search')}>
              <input className="input" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
            </Field>
            {(found.data?.clients.items ?? []).map((client) => (
              <label key={client.id} className="radio-row">
                <input type="radio" name="mail-client" checked={picked?.id === client.id} onChange={() => setPicked(client)} /> {client.name}
              </label>
            ))}
          </fieldset>
        ) : (
          <div className="unsorted-assign__new">
            <Field label={t('inbox.mail.clientName')} error={nameError}>
              <input className="input" value={name} onChange={(e) => { setName(e.target.value); setNameError(''); }} />
            </Field>
            <Field label={t('inbox.mail.clientEmail')}>
              <input className="input" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
            </Field>
            <Field label={t('inbox.mail.pipeline')}>
              <select className="select" value={pipeline?.id ?? ''} onChange={(e) => { setPipelineId(e.target.value); setStatusId(''); }}>
                {pipelines.map((p) => (
                  <option key={p.id} value={p.id}>{p.name}</option>
                ))}
              </select>
            </Field>
            <Field label={t('inbox.mail.status')}>
              <select className="select" value={status?.id ?? ''} onChange={(e) => setStatusId(e.target.value)}>
                {(pipeline?.statuses ?? []).map((s) => (
                  <option key={s.id} value={s.id}>{s.name}</option>
                ))}
              </select>
            </Field>
          </div>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('inbox.mail.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || (mode === 'existing' && !picked)} aria-busy={busy}>
            {t('inbox.mail.file')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
