import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../app/i18n';
import type { ClientType, DistributionListFieldsFragment } from '../../../graphql/generated/graphql';
import { Dialog } from '../../../ui/Dialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { MultiSelect } from '../../../ui/MultiSelect';
import { useAllLabels } from '../../labels/hooks/useLabels';
import { usePipelines } from '../../pipelines/hooks/usePipelines';
import { useAssignableUsers } from '../../users/hooks/useAssignableUsers';
import { useSaveList } from '../hooks/useCampaigns';
import { CustomConditionsEditor, fromDrafts, toDrafts, useListCustomFields } from './CustomConditionsEditor';

type FilterKey = 'categoryIds' | 'classificationIds' | 'tagIds' | 'departmentIds';
const FILTER_LABELS: Array<[FilterKey, 'CATEGORY' | 'CLASSIFICATION' | 'TAG' | 'DEPARTMENT']> = [
  ['categoryIds', 'CATEGORY'],
  ['tagIds', 'TAG'],
  ['classificationIds', 'CLASSIFICATION'],
  ['departmentIds', 'DEPARTMENT'],
];

interface ListDialogProps {
  list?: DistributionListFieldsFragment | null;
  onClose: () => void;
  onSaved: (list: DistributionListFieldsFragment) => void;
}

/** A new list, or a list's settings: name, static or dynamic (with its filter), channel and who receives. */
export function ListDialog({ list, onClose, onSaved }: ListDialogProps) {
  const { t } = useTranslation();
  const labels = useAllLabels();
  const [name, setName] = useState(list?.name ?? '');
  const [kind, setKind] = useState(list?.kind ?? 'STATIC');
  const [channel, setChannel] = useState(list?.channel ?? 'EMAIL');
  const [recipients, setRecipients] = useState(list?.recipients ?? 'PRIMARY');
  const [role, setRole] = useState(list?.role ?? '');
  const [text, setText] = useState(list?.filter?.text ?? '');
  const [type, setType] = useState<ClientType | ''>(list?.filter?.type ?? '');
  const [ids, setIds] = useState<Record<FilterKey, string[]>>({
    categoryIds: list?.filter?.categoryIds ?? [],
    tagIds: list?.filter?.tagIds ?? [],
    classificationIds: list?.filter?.classificationIds ?? [],
    departmentIds: list?.filter?.departmentIds ?? [],
  });
  const { pipelines } = usePipelines();
  const owners = useAssignableUsers();
  const [pipelineIds, setPipelineIds] = useState<string[]>(list?.filter?.pipelineIds ?? []);
  const [statusIds, setStatusIds] = useState<string[]>(list?.filter?.statusIds ?? []);
  const [ownerIds, setOwnerIds] = useState<string[]>(list?.filter?.ownerIds ?? []);
  // Statuses of the chosen pipelines (of every pipeline when none is chosen), named with their pipeline.
  const statusOptions = pipelines
    .filter((p) => !pipelineIds.length || pipelineIds.includes(p.id))
    .flatMap((p) => p.statuses.map((s) => ({ id: s.id, name: pipelines.length > 1 ? `${p.name} › ${s.name}` : s.name })));
  const customFields = useListCustomFields();
  const [conditions, setConditions] = useState(() => toDrafts(list?.filter?.custom));
  const [problems, setProblems] = useState<{ name?: string; role?: string }>({});
  const { save, loading, error } = useSaveList();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = { name: name.trim() ? undefined : t('campaigns.lists.form.nameRequired'), role: recipients === 'ROLE' && !role.trim() ? t('campaigns.lists.form.roleRequired') : undefined };
    setProblems(found);
    if (found.name || found.role) return;
    const saved = await save(list?.id ?? null, {
      name: name.trim(),
      kind,
      channel,
      recipients,
      role: recipients === 'ROLE' ? role.trim() : null,
      filter:
        kind === 'DYNAMIC'
          ? {
              ...(text.trim() ? { text: text.trim() } : {}),
              ...(type ? { type } : {}),
              ownerIds,
              pipelineIds,
              // A status of a pipeline no longer chosen is dropped with it.
              statusIds: pipelines.length ? statusIds.filter((id) => statusOptions.some((o) => o.id === id)) : statusIds,
              ...ids,
              custom: fromDrafts(conditions, customFields),
            }
          : null,
    });
    if (saved) onSaved(saved);
  };

  return (
    <Dialog title={list ? t('campaigns.lists.form.editTitle') : t('campaigns.lists.form.newTitle')} onClose={onClose}>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorAlert error={error} />
        <Field label={t('campaigns.lists.form.name')} error={problems.name}>
          <input className="input" value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
        </Field>
        <div className="form-row">
          <Field label={t('campaigns.lists.form.kind')} hint={t(`campaigns.lists.kindHint.${kind}`)}>
            <select className="select" value={kind} disabled={!!list} onChange={(event) => setKind(event.target.value)}>
              <option value="STATIC">{t('campaigns.lists.kind.STATIC')}</option>
              <option value="DYNAMIC">{t('campaigns.lists.kind.DYNAMIC')}</option>
            </select>
          </Field>
          <Field label={t('campaigns.lists.form.channel')}>
            <select className="select" value={channel} onChange={(event) => setChannel(event.target.value)}>
              {['EMAIL', 'POSTAL', 'SMS'].map((c) => (
                <option key={c} value={c}>
                  {t(`campaigns.lists.channel.${c}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="form-row">
          <Field label={t('campaigns.lists.form.recipients')}>
            <select className="select" value={recipients} onChange={(event) => setRecipients(event.target.value)}>
              {['PRIMARY', 'ALL', 'ROLE'].map((r) => (
                <option key={r} value={r}>
                  {t(`campaigns.lists.recipients.${r}`)}
                </option>
              ))}
            </select>
          </Field>
          {recipients === 'ROLE' && (
            <Field label={t('campaigns.lists.form.role')} hint={t('campaigns.lists.form.roleHint')} error={problems.role}>
              <input className="input" value={role} maxLength={120} onChange={(event) => setRole(event.target.value)} />
            </Field>
          )}
        </div>
        {kind === 'DYNAMIC' && (
          <fieldset className="list-filter">
            <legend className="field__label">{t('campaigns.lists.form.filter')}</legend>
            <div className="filter-bar">
              <input className="input input--compact" type="search" aria-label={t('cards.filters.text')} placeholder={t('cards.filters.textPlaceholder')} value={text} onChange={(event) => setText(event.target.value)} />
              <select className="select select--compact" aria-label={t('clients.fields.type')} value={type} onChange={(event) => setType(event.target.value as ClientType | '')}>
                <option value="">{t('clients.anyType')}</option>
                <option value="COMPANY">{t('clients.type.COMPANY')}</option>
                <option value="PERSON">{t('clients.type.PERSON')}</option>
              </select>
              {FILTER_LABELS.map(([key, labelKind]) => (
                <MultiSelect
                  key={key}
                  label={t(`labels.kind.${labelKind}`)}
                  options={labels[labelKind]}
                  selected={ids[key]}
                  anyLabel={t('campaigns.lists.form.any')}
                  onChange={(selected) => setIds((current) => ({ ...current, [key]: selected }))}
                />
              ))}
              <MultiSelect label={t('pipelines.switcher')} options={pipelines} selected={pipelineIds} anyLabel={t('campaigns.lists.form.anyPipeline')} onChange={setPipelineIds} />
              <MultiSelect label={t('cards.filters.status')} options={statusOptions} selected={statusIds} anyLabel={t('cards.filters.anyStatus')} onChange={setStatusIds} />
              <MultiSelect label={t('cards.filters.owner')} options={owners} selected={ownerIds} anyLabel={t('cards.filters.anyOwner')} onChange={setOwnerIds} />
            </div>
            <CustomConditionsEditor fields={customFields} conditions={conditions} onChange={setConditions} />
          </fieldset>
        )}
        <div className="dialog__footer">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={loading} aria-busy={loading}>
            {t('campaigns.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
