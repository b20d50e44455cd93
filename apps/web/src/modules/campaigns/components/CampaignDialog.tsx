import { useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../app/i18n';
import { Dialog } from '../../../ui/Dialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { orgTimeZone, toDateTimeInputs } from '../../../ui/datetime';
import type { CampaignFieldsFragment } from '../../../graphql/generated/graphql';
import { CAMPAIGN_OPTIONS_QUERY } from '../graphql/campaigns';
import { useSaveCampaign } from '../hooks/useCampaigns';

/** A scheduled instant as the datetime-local input's value (organisation time). */
function sendAtInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const { date, time } = toDateTimeInputs(iso);
  return `${date}T${time}`;
}

interface CampaignDialogProps {
  /** A draft to edit; none: a new campaign. */
  campaign?: Pick<CampaignFieldsFragment, 'id' | 'name' | 'listId' | 'templateId' | 'fromName' | 'fromAddress' | 'scheduledAt'> | null;
  onClose: () => void;
  onSaved: (id: string) => void;
}

/** A new campaign, or a draft's settings: list, template, sender and when (now, or a date and time in the organisation's zone). */
export function CampaignDialog({ campaign, onClose, onSaved }: CampaignDialogProps) {
  const { t } = useTranslation();
  const { data } = useQuery(CAMPAIGN_OPTIONS_QUERY);
  const lists = (data?.distributionLists ?? []).filter((l) => l.channel === 'EMAIL');
  const templates = data?.campaignTemplates ?? [];
  const [name, setName] = useState(campaign?.name ?? '');
  const [listId, setListId] = useState(campaign?.listId ?? '');
  const [templateId, setTemplateId] = useState(campaign?.templateId ?? '');
  const [fromName, setFromName] = useState(campaign?.fromName ?? '');
  const [fromAddress, setFromAddress] = useState(campaign?.fromAddress ?? '');
  const [when, setWhen] = useState<'now' | 'later'>(campaign?.scheduledAt ? 'later' : 'now');
  const [sendAt, setSendAt] = useState(sendAtInput(campaign?.scheduledAt));
  const [problems, setProblems] = useState<Record<string, string | undefined>>({});
  const { save, loading, error } = useSaveCampaign();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      name: name.trim() ? undefined : t('campaigns.form.nameRequired'),
      listId: listId ? undefined : t('campaigns.form.listRequired'),
      templateId: templateId ? undefined : t('campaigns.form.templateRequired'),
      sendAt: when === 'later' && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(sendAt) ? t('campaigns.form.sendAtRequired') : undefined,
    };
    setProblems(found);
    if (Object.values(found).some(Boolean)) return;
    const saved = await save(campaign?.id ?? null, {
      name: name.trim(),
      listId,
      templateId,
      fromName: fromName.trim() || null,
      fromAddress: fromAddress.trim() || null,
      sendAt: when === 'later' ? sendAt : null,
    });
    if (saved) onSaved(saved.id);
  };

  return (
    <Dialog title={campaign ? t('campaigns.form.editTitle') : t('campaigns.form.title')} description={campaign ? t('campaigns.form.editDescription') : t('campaigns.form.description')} onClose={onClose}>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorAlert error={error} />
        <Field label={t('campaigns.form.name')} error={problems.name}>
          <input className="input" value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
        </Field>
        <Field label={t('campaigns.form.list')} error={problems.listId} hint={data && !lists.length ? t('campaigns.form.noLists') : undefined}>
          <select className="select" value={listId} onChange={(event) => setListId(event.target.value)}>
            <option value="">{t('campaigns.form.chooseList')}</option>
            {lists.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('campaigns.form.template')} error={problems.templateId}>
          <select className="select" value={templateId} onChange={(event) => setTemplateId(event.target.value)}>
            <option value="">{t('campaigns.form.chooseTemplate')}</option>
            {templates.map((tp) => (
              <option key={tp.id} value={tp.id}>
                {`${tp.name} (${tp.pipelineName})`}
              </option>
            ))}
          </select>
        </Field>
        <div className="form-row">
          <Field label={t('campaigns.form.fromName')} hint={t('campaigns.form.fromNameHint')}>
            <input className="input" value={fromName} maxLength={200} onChange={(event) => setFromName(event.target.value)} />
          </Field>
          <Field label={t('campaigns.form.fromAddress')} hint={t('campaigns.form.fromAddressHint')}>
            <input className="input" type="email" value={fromAddress} onChange={(event) => setFromAddress(event.target.value)} />
          </Field>
        </div>
        <fieldset className="campaign-when">
          <legend className="field__label">{t('campaigns.form.when')}</legend>
          <label className="radio-option">
            <input type="radio" name="when" checked={when === 'now'} onChange={() => setWhen('now')} />
            {t('campaigns.form.now')}
          </label>
          <label className="radio-option">
            <input type="radio" name="when" checked={when === 'later'} onChange={() => setWhen('later')} />
            {t('campaigns.form.later')}
          </label>
          {when === 'later' && (
            <Field label={t('campaigns.form.sendAt', { zone: orgTimeZone() })} error={problems.sendAt}>
              <input className="input" type="datetime-local" value={sendAt} onChange={(event) => setSendAt(event.target.value)} />
            </Field>
          )}
        </fieldset>
        <div className="dialog__footer">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={loading} aria-busy={loading}>
            {campaign ? t('campaigns.save') : t('campaigns.form.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
