import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from '../../../app/i18n';
import { Dialog } from '../../../ui/Dialog';
import { Field } from '../../../ui/Field';
import { AlertIcon } from '../../../ui/icons';
import { useEditorOptions, useSendTemplateToView } from '../hooks/useAutomations';

interface EmailViewButtonProps {
  pipelineId: string;
  view: { id: string; name: string };
}

/** "Email this view" on a saved view: pick a template, send it once to every card (a one-time automation). */
export function EmailViewButton({ pipelineId, view }: EmailViewButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button--secondary button--small" onClick={() => setOpen(true)}>
        {t('automations.emailView.button')}
      </button>
      {open && <EmailViewDialog pipelineId={pipelineId} view={view} onClose={() => setOpen(false)} />}
    </>
  );
}

function EmailViewDialog({ pipelineId, view, onClose }: EmailViewButtonProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { emailTemplates, loading } = useEditorOptions(pipelineId);
  const [templateId, setTemplateId] = useState('');
  const [missing, setMissing] = useState(false);
  const { send, loading: sending, error } = useSendTemplateToView();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!templateId) {
      setMissing(true);
      return;
    }
    const created = await send(view.id, templateId, null);
    if (created) navigate(`/automations/${pipelineId}/${created.id}`);
  };
  return (
    <Dialog title={t('automations.emailView.title', { name: view.name })} description={t('automations.emailView.description')} onClose={onClose} size="small">
      <form className="form" noValidate onSubmit={submit}>
        {error && (
          <div className="alert alert--danger" role="alert">
            <AlertIcon />
            <span>{error.message}</span>
          </div>
        )}
        <Field
          label={t('automations.settings.emailTemplate')}
          error={missing ? t('automations.problems.emailTemplateId') : undefined}
          hint={!loading && emailTemplates.length === 0 ? t('automations.settings.noEmailTemplates') : undefined}
        >
          <select className="select" value={templateId} onChange={(event) => { setTemplateId(event.target.value); setMissing(false); }}>
            <option value="">{t('automations.settings.chooseTemplate')}</option>
            {emailTemplates.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name}
              </option>
            ))}
          </select>
        </Field>
        <div className="dialog__footer">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={sending} aria-busy={sending}>
            {t('automations.emailView.send')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
