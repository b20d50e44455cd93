import { useQuery } from '@apollo/client/react';
import { useTranslation } from '../../../app/i18n';
import { describeError } from '../../../app/errors';
import { Dialog } from '../../../ui/Dialog';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { AlertIcon } from '../../../ui/icons';
import { MailFrame } from '../../mail/components/MailFrame';
import { MissingValues } from '../../mail/components/MissingValues';
import { MAIL_PREVIEW_QUERY } from '../../mail/graphql/mail';
import { AUTOMATION_PREVIEW_CARD_QUERY } from '../graphql/automations';

interface TemplatePreviewDialogProps {
  pipelineId: string;
  templateId: string;
  templateName: string;
  onClose: () => void;
}

/** An email step's template rendered by the API for a card of the pipeline, in a sandboxed frame. */
export function TemplatePreviewDialog({ pipelineId, templateId, templateName, onClose }: TemplatePreviewDialogProps) {
  const { t } = useTranslation();
  const cards = useQuery(AUTOMATION_PREVIEW_CARD_QUERY, { variables: { pipelineId } });
  const card = cards.data?.cards.items[0];
  const preview = useQuery(MAIL_PREVIEW_QUERY, {
    variables: { input: { cardId: card?.id ?? '', templateId, contactId: null } },
    skip: !card,
  });
  const error = cards.error ?? preview.error;
  let body;
  if (error) {
    body = (
      <div className="alert alert--danger" role="alert">
        <AlertIcon />
        <span>{describeError(error, t).message}</span>
      </div>
    );
  } else if (cards.data && !card) {
    body = <p className="field__hint">{t('automations.preview.noCards')}</p>;
  } else if (!preview.data) {
    body = <InlineLoading />;
  } else {
    const mail = preview.data.mailPreview;
    body = (
      <div className="automation-preview">
        <p className="field__hint">{t('automations.preview.for', { name: card?.client.name ?? '' })}</p>
        <MissingValues missing={mail.missing} />
        <p className="mail-preview__subject">
          <span className="mail-preview__label">{t('mail.preview.subject')}</span> {mail.subject || '—'}
        </p>
        <MailFrame html={mail.html} title={t('mail.preview.frameTitle')} />
      </div>
    );
  }
  return (
    <Dialog title={t('automations.preview.title', { name: templateName })} onClose={onClose}>
      {body}
    </Dialog>
  );
}
