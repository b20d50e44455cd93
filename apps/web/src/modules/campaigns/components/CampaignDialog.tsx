import { useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../ui/Dialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Field } from '../../../ui/Field';
import { orgTimeZone } from '../../../ui/datetime';
import { CAMPAIGN_OPTIONS_QUERY } from '../graphql/campaigns';
import { useCreateCampaign } from '../hooks/useCampaigns';

/** A new campaign: list, template, sender and when (now, or a date and time in the organisation's zone). */
export function CampaignDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const { data } = useQuery(CAMPAIGN_OPTIONS_QUERY);
  const lists = (data?.distributionLists ?? []).filter((l) => l.channel === 'EMAIL');
  const templates = data?.campaignTemplates ?? [];
  const [name, setName] = useState('');
  const [listId, setListId] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [fromName, setFromName] = useState('');
  const [fromAddress, setFromAddress] = useState('');
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [sendAt, setSendAt] = useState('');
  const [problems, setProblems] = useState<Record<string, string | undefined>>({});
  const { create, loading, error } = useCreateCampaign();

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
    const created = await create({
      name: name.trim(),
      listId,
      templateId,
      fromName: fromName.trim() || null,
      fromAddress: fromAddress.trim() || null,
      sendAt: when === 'later' ? sendAt : null,
    });
    if (created) onCreated(created.id);
  };

  return (
    <Dialog title={t('campaigns.form.title')} description={t('campaigns.form.description')} onClose={onClose}>
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
            {t('campaigns.form.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
