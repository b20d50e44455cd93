import { buildMailContext, EmailTemplate, enqueue, missingValues, OutboxMail, queueMail, type Queues, renderMail, scanTemplate } from '@crm/db';
import { DEFAULT_TIME_ZONE, JOBS } from '@crm/shared';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, badFields, notFound, refused } from '../../graphql/errors';
import type { Logger } from '../../logger';
import { visibleCard } from '../access/guard';
import type { Viewer } from '@crm/db';
import type { TemplateService } from '../templates/template.service';
import type { MailDraftInput, MailPreview, OutboxMailType, SendMailInput } from './mail.types';

/** Mail from a card: preview a template for a recipient, and send (queue) it through the outbox. */
export class MailService {
  constructor(
    private readonly ds: DataSource,
    private readonly templates: TemplateService,
    private readonly queues: Queues,
    private readonly logger: Logger,
    private readonly messageDomain: string,
    /** The organisation's sender (MAIL_FROM); without it mail goes out from the user's own address. */
    private readonly mailFrom: string | null = null,
    /** The organisation's time zone (its setting, ORG_TIME_ZONE until saved): mail dates read in it, not the server's zone. */
    private readonly timeZone: () => Promise<string> = async () => DEFAULT_TIME_ZONE,
  ) {}

  private async source(em: EntityManager, draft: { templateId?: string; subject?: string; body?: string }) {
    if (draft.subject !== undefined && draft.body !== undefined) return { subject: draft.subject, body: draft.body };
    if (!draft.templateId) throw refused('MAIL_NEEDS_CONTENT', 'Choose a template or write a subject and body.');
    const t = await em.getRepository(EmailTemplate).findOneBy({ id: draft.templateId });
    if (!t) throw notFound('Template');
    return { subject: draft.subject ?? t.subject, body: draft.body ?? t.body };
  }

  private async contact(em: EntityManager, clientId: string, contactId: string) {
    const [c] = await em.query(`SELECT id, name, emails FROM contacts WHERE id = $1 AND client_id = $2 AND deleted_at IS NULL`, [contactId, clientId]);
    if (!c) throw refused('CONTACT_OF_OTHER_CLIENT', 'That contact does not belong to this client.');
    return c as { id: string; name: string; emails: string[] };
  }

  private async render(em: EntityManager, viewer: Viewer, cardId: string, contactId: string | null, subject: string, body: string, locale: string) {
    const context = await buildMailContext(em, { cardId, contactId, senderId: viewer.id, now: new Date() });
    const mail = renderMail(subject, body, context, { locale, timeZone: await this.timeZone() });
    const missing = [...new Set([...missingValues(scanTemplate(subject), context), ...missingValues(scanTemplate(body), context)])].sort();
    return { ...mail, missing };
  }

  async preview(viewer: Viewer, locale: string, draft: MailDraftInput): Promise<MailPreview> {
    const card = await visibleCard(this.ds.manager, viewer, draft.cardId);
    const { subject, body } = await this.source(this.ds.manager, draft);
    const problems = await this.templates.check(card.pipeline_id, subject, body);
    if (Object.keys(problems).length) throw badFields('The template has problems.', problems);
    if (draft.contactId) await this.contact(this.ds.manager, card.client_id, draft.contactId);
    return this.render(this.ds.manager, viewer, card.id, draft.contactId ?? null, subject, body, locale);
  }

  /**
   * Queues one mail per contact, each with its History entry, in one transaction; the worker
   * delivers them. Refused as a whole when a contact has no email or a variable has no value.
   */
  async send(viewer: Viewer, locale: string, input: SendMailInput): Promise<{ queued: number; mailIds: string[] }> {
    const { ids, created } = await this.ds.transaction(async (em) => {
      const card = await visibleCard(em, viewer, input.cardId);
      const problems = await this.templates.check(card.pipeline_id, input.subject, input.body);
      if (Object.keys(problems).length) throw badFields('The template has problems.', problems);
      const [sender] = await em.query(`SELECT name, email FROM users WHERE id = $1`, [viewer.id]);
      const out: string[] = [];
      const fresh: string[] = [];
      const gaps: string[] = [];
      for (const contactId of [...new Set(input.contactIds)]) {
        const contact = await this.contact(em, card.client_id, contactId);
        if (!contact.emails.length) {
          gaps.push(`${contact.name} has no email address.`);
          continue;
        }
        const mail = await this.render(em, viewer, card.id, contactId, input.subject, input.body, locale);
        if (mail.missing.length) {
          gaps.push(`${contact.name}: no value for ${mail.missing.map((v) => `{{${v}}}`).join(', ')}.`);
          continue;
        }
        const queued = await queueMail(em, {
          idempotencyKey: `card:${input.requestId}:${contactId}`,
          cardId: card.id,
          clientId: card.client_id,
          templateId: input.templateId ?? null,
          fromAddress: this.mailFrom ?? sender.email,
          fromName: sender.name,
          replyTo: this.mailFrom ? sender.email : null,
          to: [contact.emails[0]],
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          createdById: viewer.id,
          messageDomain: this.messageDomain,
        });
        out.push(queued.id);
        if (queued.created) fresh.push(queued.id);
      }
      if (gaps.length) throw new AppError('BAD_USER_INPUT', `Nothing was sent. ${gaps.join(' ')}`, { reason: 'MISSING_VALUES', problems: gaps });
      return { ids: out, created: fresh };
    });
    // After the commit: a job per new mail. Should Redis be away, the worker's sweep finds them in PostgreSQL.
    for (const outboxId of created) {
      await enqueue(this.queues, JOBS.deliverMail, { outboxId }).catch((err) => this.logger.warn({ err, outboxId }, 'could not enqueue mail; the sweep will'));
    }
    return { queued: ids.length, mailIds: ids };
  }

  /**
   * Sends a FAILED or UNCERTAIN mail again (a person's decision: an UNCERTAIN one may have arrived).
   * One conditional update decides: a mail being sent or sent already is never queued again, and
   * of two requests at once only one queues it. It keeps its Message-ID, so a mailbox that got the
   * first copy can tell the two apart.
   */
  async resend(viewer: Viewer, id: string): Promise<OutboxMailType> {
    await this.get(viewer, id);
    await this.ds.transaction(async (em) => {
      const [requeued]: [Array<{ was: string }>, number] = await em.query(
        `WITH prev AS (SELECT id, status FROM outbox_mails WHERE id = $1 AND status IN ('FAILED', 'UNCERTAIN') FOR UPDATE)
         UPDATE outbox_mails m SET status = 'QUEUED', last_error = NULL, updated_at = now() FROM prev WHERE m.id = prev.id RETURNING prev.status AS was`,
        [id],
      );
      if (!requeued.length) throw new AppError('BAD_USER_INPUT', 'Only a failed or uncertain mail can be sent again.', { reason: 'MAIL_NOT_RESENDABLE' });
      await em.query(`INSERT INTO audit_log (actor_id, action, entity, entity_id, client_id, card_id, changes) SELECT $1, 'resend', 'email', id, client_id, card_id, $2 FROM outbox_mails WHERE id = $3`, [viewer.id, { status: [requeued[0].was, 'QUEUED'] }, id]);
    });
    await enqueue(this.queues, JOBS.deliverMail, { outboxId: id }).catch((err) => this.logger.warn({ err, outboxId: id }, 'could not enqueue mail; the sweep will'));
    return this.get(viewer, id);
  }

  /** A mail as sent (or queued), for History; NOT_FOUND unless the viewer may see its card. */
  async get(viewer: Viewer, id: string): Promise<OutboxMailType> {
    const mail = await this.ds.getRepository(OutboxMail).findOneBy({ id });
    if (!mail || !mail.cardId) throw notFound('Mail');
    await visibleCard(this.ds.manager, viewer, mail.cardId);
    return { id: mail.id, to: mail.toAddresses, subject: mail.subject, html: mail.html, text: mail.text, status: mail.status, lastError: mail.lastError, sentAt: mail.sentAt, createdAt: mail.createdAt };
  }
}
