import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../app/i18n';
import type { ListFilterInput } from '../../../graphql/generated/graphql';
import { Dialog } from '../../../ui/Dialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { LISTS_QUERY } from '../graphql/campaigns';
import { useListMembers } from '../hooks/useCampaigns';

interface AddToListDialogProps {
  /** The clients picked; null: every client matching `filter`. */
  clientIds: string[] | null;
  filter: ListFilterInput;
  count: number;
  onClose: () => void;
  onAdded: (added: number, listName: string) => void;
}

/** Adds the selected clients (or all matching the filter) to a static list in one action. */
export function AddToListDialog({ clientIds, filter, count, onClose, onAdded }: AddToListDialogProps) {
  const { t } = useTranslation();
  const { data } = useQuery(LISTS_QUERY);
  const lists = (data?.distributionLists ?? []).filter((l) => l.kind === 'STATIC');
  const [listId, setListId] = useState('');
  const [missing, setMissing] = useState(false);
  const { add, loading, error } = useListMembers();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!listId) return void setMissing(true);
    const added = await add(clientIds ? { listId, clientIds } : { listId, matching: filter });
    if (added !== undefined) onAdded(added, lists.find((l) => l.id === listId)?.name ?? '');
  };
  return (
    <Dialog title={t('campaigns.addToList.title', { count })} onClose={onClose} size="small">
      <form className="form" noValidate onSubmit={submit}>
        <ErrorAlert error={error} />
        <Field label={t('campaigns.addToList.list')} error={missing ? t('campaigns.addToList.chooseList') : undefined} hint={lists.length ? undefined : t('campaigns.addToList.noLists')}>
          <select className="select" value={listId} onChange={(event) => { setListId(event.target.value); setMissing(false); }}>
            <option value="">{t('campaigns.addToList.choose')}</option>
            {lists.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </Field>
        <p className="field__hint">
          <Link to="/lists">{t('campaigns.addToList.manage')}</Link>
        </p>
        <div className="dialog__footer">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={loading} aria-busy={loading}>
            {t('campaigns.addToList.add')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
