import {
  buildClientMailContexts,
  cancelCampaign,
  clientVisibility,
  emailAudienceSql,
  enqueue,
  listClientsWhere,
  loadAudienceRule,
  missingValues,
  queueMail,
  renderMail,
  scanTemplate,
  SqlParams,
  unsubscribeUrl,
  withUnsubscribe,
  type CampaignOptions,
  type Queues,
  type Viewer,
  loadNameOrder,
  loadOrganisationLanguage,
  loadOrganisationTimeZone,
  loadCampaignSettings,
  saveCampaignSettings,
} from '@crm/db';
import { JOBS, RECIPIENT_STATES, zonedTimeToInstant } from '@crm/shared';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppError, badFields, notFound, refused } from '../../graphql/errors';
import type { Logger } from '../../logger';
import { diff, recordAudit, withAudit } from '../audit/audit';
import { ORGANISATION_AUDIT_ID } from '../organisation/organisation.service';
import type { PageInput } from '../cards/card.types';
import type { CampaignInput, CampaignRecipientPage, CampaignReview, CampaignSettingsInput, CampaignSettingsType, CampaignTotals, CampaignType, ConsentInput, ContactConsentType } from './campaign.types';
import { visibleClient } from '../access/guard';

export interface CampaignServiceOptions extends CampaignOptions {
  /** The organisation's sender (MAIL_FROM). */
  mailFrom: string | null;
  perMinute: number;
  perDomainPerMinute: number;
}

/** A recipient's state as results show it (the latest thing that happened wins over delivery). */
export const RECIPIENT_STATE_SQL = `CASE WHEN r.complained_at IS NOT NULL THEN 'COMPLAINED' WHEN r.unsubscribed_at IS NOT NULL THEN 'UNSUBSCRIBED' WHEN r.bounce IS NOT NULL THEN 'BOUNCED' WHEN r.replied_at IS NOT NULL THEN 'REPLIED'
  WHEN r.state = 'SKIPPED' THEN 'SKIPPED' WHEN m.status = 'SENT' THEN 'SENT' WHEN m.status IN ('FAILED', 'UNCERTAIN') THEN 'FAILED' WHEN m.status = 'CANCELLED' THEN 'CANCELLED' ELSE 'QUEUED' END`;

const EMPTY_TOTALS: CampaignTotals = { recipients: 0, queued: 0, sent: 0, failed: 0, bounced: 0, unsubscribed: 0, complained: 0, replied: 0, skipped: 0, cancelled: 0, opened: 0, clicked: 0 };
const PREVIEW_ID = '00000000-0000-4000-8000-000000000000';

/** Campaigns: a template sent to a list, reviewed, then sent by the worker through the outbox. */
export class CampaignService {
  constructor(
    private readonly ds: DataSource,
    private readonly queues: Queues,
    private readonly logger: Logger,
    private readonly options: CampaignServiceOptions,
  ) {}

  private async totals(ids: string[]): Promise<Map<string, CampaignTotals>> {
    if (!ids.length) return new Map();
    const rows = await this.ds.query(
      `SELECT r.campaign_id, count(*)::int AS recipients, ${RECIPIENT_STATES.map((s) => `count(*) FILTER (WHERE x.st = '${s}')::int AS ${s.toLowerCase()}`)
        .join(', ')},
              count(*) FILTER (WHERE r.opened_at IS NOT NULL)::int AS opened, count(*) FILTER (WHERE r.clicked_at IS NOT NULL)::int AS clicked
       FROM campaign_recipients r LEFT JOIN outbox_mails m ON m.id = r.outbox_id CROSS JOIN LATERAL (SELECT ${RECIPIENT_STATE_SQL} AS st) x
       WHERE r.campaign_id = ANY($1::uuid[]) GROUP BY r.campaign_id`,
      [ids],
    );
    return new Map(rows.map((r: Record<string, any>) => [r.campaign_id, { ...EMPTY_TOTALS, ...r }]));
  }

  private async rows(where: string, params: unknown[]): Promise<CampaignType[]> {
    const rows = await this.ds.query(
      `SELECT c.*, l.name AS list_name, t.name AS template_name FROM campaigns c JOIN distribution_lists l ON l.id = c.list_id JOIN email_templates t ON t.id = c.template_id WHERE ${where} ORDER BY c.created_at DESC`,
      params,
    );
    const totals = await this.totals(rows.map((r: { id: string }) => r.id));
    return rows.map((r: Record<string, any>) => ({
      id: r.id,
      name: r.name,
      listId: r.list_id,
      listName: r.list_name,
      templateId: r.template_id,
      templateName: r.template_name,
      fromName: r.from_name,
      fromAddress: r.from_address,
      replyTo: r.reply_to,
      scheduledAt: r.scheduled_at,
      status: r.status,
      perMinute: r.per_minute,
      perDomainPerMinute: r.per_domain_per_minute,
      tracking: r.tracking,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      createdAt: r.created_at,
      totals: totals.get(r.id) ?? EMPTY_TOTALS,
    }));
  }

  list(): Promise<CampaignType[]> {
    return this.rows('TRUE', []);
  }

  async get(id: string): Promise<CampaignType> {
    const [c] = await this.rows('c.id = $1', [id]);
    if (!c) throw notFound('Campaign');
    return c;
  }

  private async checkInput(input: CampaignInput) {
    const list = await loadAudienceRule(this.ds.manager, input.listId);
    if (!list || list.archived_at) throw notFound('List');
    if (list.channel !== 'EMAIL') throw refused('CAMPAIGN_NEEDS_EMAIL_LIST', 'A campaign is sent to an email list; export a postal or SMS list instead.');
    const [t] = await this.ds.query(`SELECT id FROM email_templates WHERE id = $1 AND archived_at IS NULL`, [input.templateId]);
    if (!t) throw notFound('Template');
  }

  /** The organisation's saved zone (ORG_TIME_ZONE until an admin saves one): "when" is read and mails are rendered in it. */
  private timeZone(): Promise<string> {
    return loadOrganisationTimeZone(this.ds.manager, this.options.timeZone);
  }

  /** `locale`: the organisation's language, in which the mails' dates and numbers are written; `timeZone`: the organisation's. */
  private values(locale: string, timeZone: string, throttle: { perMinute: number; perDomainPerMinute: number }, sender: { name: string; email: string }, input: CampaignInput) {
    const at = input.sendAt ? input.sendAt.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/)! : null;
    const scheduledAt = at ? zonedTimeToInstant({ year: +at[1], month: +at[2], day: +at[3], hour: +at[4], minute: +at[5], second: 0 }, timeZone) : null;
    return [
      input.name.trim(),
      input.listId,
      input.templateId,
      input.fromName?.trim() || sender.name,
      input.fromAddress || this.options.mailFrom || sender.email,
      input.replyTo || (this.options.mailFrom && !input.fromAddress ? sender.email : null),
      scheduledAt,
      input.perMinute ?? throttle.perMinute,
      input.perDomainPerMinute ?? throttle.perDomainPerMinute,
      locale,
    ];
  }

  async create(viewer: Viewer, input: CampaignInput): Promise<CampaignType> {
    await this.checkInput(input);
    const [sender] = await this.ds.query(`SELECT name, email FROM users WHERE id = $1`, [viewer.id]);
    const id = await this.ds.transaction(async (em) => {
      const [row] = await em.query(
        `INSERT INTO campaigns (name, list_id, template_id, from_name, from_address, reply_to, scheduled_at, per_minute, per_domain_per_minute, locale, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [...this.values(await loadOrganisationLanguage(this.ds.manager), await this.timeZone(), await this.settings(), sender, input), viewer.id],
      );
      await recordAudit(em, [{ actorId: viewer.id, action: 'create', entity: 'campaign', entityId: row.id, changes: { name: [null, input.name] } }]);
      return row.id as string;
    });
    return this.get(id);
  }

  async update(viewer: Viewer, id: string, input: CampaignInput): Promise<CampaignType> {
    const before = await this.get(id);
    if (before.status !== 'DRAFT') throw refused('CAMPAIGN_NOT_DRAFT', 'Only a campaign not sent yet can be changed.');
    await this.checkInput(input);
    const [sender] = await this.ds.query(`SELECT name, email FROM users WHERE id = $1`, [viewer.id]);
    const values = this.values(await loadOrganisationLanguage(this.ds.manager), await this.timeZone(), await this.settings(), sender, input);
    await this.ds.transaction(async (em) => {
      const [, changed] = await em.query(
        `UPDATE campaigns SET name = $1, list_id = $2, template_id = $3, from_name = $4, from_address = $5, reply_to = $6, scheduled_at = $7, per_minute = $8, per_domain_per_minute = $9, locale = $10, updated_at = now()
         WHERE id = $11 AND status = 'DRAFT'`,
        [...values, id],
      );
      // Sent (or cancelled) since it was read: refused all the same.
      if (!changed) throw refused('CAMPAIGN_NOT_DRAFT', 'Only a campaign not sent yet can be changed.');
      const changes: Record<string, [unknown, unknown]> = {};
      const after = { name: values[0], listId: values[1], templateId: values[2], fromName: values[3], fromAddress: values[4] };
      for (const [key, value] of Object.entries(after)) if (before[key as keyof typeof after] !== value) changes[key] = [before[key as keyof typeof after], value];
      const scheduledAt = (values[6] as Date | null)?.toISOString() ?? null;
      if ((before.scheduledAt?.toISOString() ?? null) !== scheduledAt) changes.scheduledAt = [before.scheduledAt?.toISOString() ?? null, scheduledAt];
      await recordAudit(em, [{ actorId: viewer.id, action: 'update', entity: 'campaign', entityId: id, changes }]);
    });
    return this.get(id);
  }

  /**
   * What sending would do, for the viewer (who sends with their own scope): how many addresses get
   * it and why the others do not, who would be left out for missing values, and the mail of three
   * real recipients.
   */
  async review(viewer: Viewer, id: string): Promise<CampaignReview> {
    const campaign = await this.get(id);
    const locale = await loadOrganisationLanguage(this.ds.manager);
    const timeZone = await this.timeZone();
    const list = await loadAudienceRule(this.ds.manager, campaign.listId);
    if (!list) throw notFound('List');
    const [template] = await this.ds.query(`SELECT subject, body FROM email_templates WHERE id = $1`, [campaign.templateId]);
    const p = new SqlParams();
    const audience: Array<{ client_id: string; contact_id: string | null; email: string; client_name: string; suppressed: string | null }> = await this.ds.query(emailAudienceSql(viewer, list, p), p.values);
    const cp = new SqlParams();
    const [{ clients }] = await this.ds.query(`SELECT count(*)::int AS clients FROM clients cl WHERE ${listClientsWhere(viewer, list, cp)}`, cp.values);
    let hidden = 0;
    if (list.kind === 'STATIC') {
      const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM distribution_list_members m JOIN clients cl ON cl.id = m.client_id WHERE m.list_id = $1 AND cl.deleted_at IS NULL`, [list.id]);
      hidden = n - clients;
    }
    const suppressed = new Map<string, number>();
    for (const a of audience) if (a.suppressed) suppressed.set(a.suppressed, (suppressed.get(a.suppressed) ?? 0) + 1);
    const open = audience.filter((a) => !a.suppressed);
    const scans = [scanTemplate(template.subject), scanTemplate(template.body)];
    const gaps: CampaignReview['missingValues'] = [];
    const previews: CampaignReview['previews'] = [];
    const now = new Date();
    for (let i = 0; i < open.length; i += 1000) {
      const batch = open.slice(i, i + 1000);
      const contexts = await buildClientMailContexts(this.ds.manager, batch.map((a) => ({ clientId: a.client_id, contactId: a.contact_id, senderId: viewer.id, now })));
      batch.forEach((a, j) => {
        const missing = [...new Set(scans.flatMap((s) => missingValues(s, contexts[j])))].sort();
        if (missing.length) return void gaps.push({ email: a.email, clientName: a.client_name, missing });
        if (previews.length < 3) {
          const mail = withUnsubscribe(renderMail(template.subject, template.body, contexts[j], { locale, timeZone }), unsubscribeUrl(this.options, PREVIEW_ID), locale);
          previews.push({ email: a.email, clientName: a.client_name, subject: mail.subject, html: mail.html, text: mail.text });
        }
      });
    }
    const withAddress = new Set(audience.map((a) => a.client_id)).size;
    return {
      recipients: open.length - gaps.length,
      clients,
      noAddress: clients - withAddress,
      hidden,
      suppressed: [...suppressed].map(([reason, count]) => ({ reason, count })).sort((a, b) => a.reason.localeCompare(b.reason)),
      missingValues: gaps,
      previews,
    };
  }

  /**
   * Starts sending (now, or at its time): refused for an empty list, and, while some recipients
   * lack template values, until the sender confirms that those are left out. The campaign then
   * acts with the sender's scope.
   */
  async send(viewer: Viewer, id: string, confirmMissing: boolean): Promise<CampaignType> {
    const campaign = await this.get(id);
    if (campaign.status !== 'DRAFT') throw refused('CAMPAIGN_NOT_DRAFT', 'This campaign was sent already.');
    const review = await this.review(viewer, id);
    if (review.recipients === 0) throw refused('CAMPAIGN_EMPTY', 'Nobody on the list can receive this campaign.');
    if (review.missingValues.length && !confirmMissing) {
      throw new AppError('BAD_USER_INPUT', `${review.missingValues.length} recipients have no value for some variables.`, {
        reason: 'CAMPAIGN_MISSING_VALUES',
        params: { count: review.missingValues.length },
      });
    }
    await this.ds.transaction(async (em) => {
      const [, n] = await em.query(`UPDATE campaigns SET status = 'SCHEDULED', created_by_id = $2, skip_missing = $3, updated_at = now() WHERE id = $1 AND status = 'DRAFT'`, [id, viewer.id, confirmMissing]);
      if (!n) throw refused('CAMPAIGN_NOT_DRAFT', 'This campaign was sent already.');
      await recordAudit(em, [{ actorId: viewer.id, action: 'send', entity: 'campaign', entityId: id, changes: { status: ['DRAFT', 'SCHEDULED'] } }]);
    });
    const delay = campaign.scheduledAt ? Math.max(0, new Date(campaign.scheduledAt).getTime() - Date.now()) : 0;
    await this.wake(id, delay);
    return this.get(id);
  }

  private async wake(id: string, delay = 0) {
    await enqueue(this.queues, JOBS.runCampaign, { campaignId: id }, { delay, jobId: `campaign:${id}:${Date.now()}` }).catch((err) =>
      this.logger.warn({ err, campaignId: id }, 'could not enqueue the campaign; the sweep will'),
    );
  }

  /** The mail as the first real recipient would get it, to the sender's own address. */
  async testSend(viewer: Viewer, id: string): Promise<string> {
    const campaign = await this.get(id);
    const review = await this.review(viewer, id);
    const [me] = await this.ds.query(`SELECT name, email FROM users WHERE id = $1`, [viewer.id]);
    const preview = review.previews[0];
    if (!preview) throw refused('CAMPAIGN_EMPTY', 'Nobody on the list can receive this campaign.');
    const queued = await this.ds.transaction((em) =>
      queueMail(em, {
        idempotencyKey: `campaign-test:${id}:${randomUUID()}`,
        cardId: null,
        clientId: null,
        templateId: campaign.templateId,
        fromAddress: campaign.fromAddress,
        fromName: campaign.fromName,
        replyTo: campaign.replyTo,
        to: [me.email],
        subject: `[TEST] ${preview.subject}`,
        html: preview.html,
        text: preview.text,
        createdById: viewer.id,
        messageDomain: this.options.messageDomain,
        history: false,
      }),
    );
    await enqueue(this.queues, JOBS.deliverMail, { outboxId: queued.id }).catch((err) => this.logger.warn({ err }, 'could not enqueue the test mail; the sweep will'));
    return me.email;
  }

  private async setStatus(viewer: Viewer, id: string, from: string[], to: string): Promise<CampaignType> {
    await this.get(id);
    const [, n] = await this.ds.query(`UPDATE campaigns SET status = $2, updated_at = now() WHERE id = $1 AND status = ANY($3::text[])`, [id, to, from]);
    if (!n) throw refused('CAMPAIGN_STATE', 'The campaign cannot do that now.');
    await recordAudit(this.ds.manager, [{ actorId: viewer.id, action: to.toLowerCase(), entity: 'campaign', entityId: id, changes: { status: [null, to] } }]);
    return this.get(id);
  }

  pause(viewer: Viewer, id: string) {
    return this.setStatus(viewer, id, ['SCHEDULED', 'PREPARING', 'SENDING'], 'PAUSED');
  }

  /** Goes on where it stopped (preparing again adds nobody twice). */
  async resume(viewer: Viewer, id: string) {
    const c = await this.setStatus(viewer, id, ['PAUSED'], 'PREPARING');
    await this.wake(id);
    return c;
  }

  async cancel(viewer: Viewer, id: string): Promise<CampaignType> {
    await this.get(id);
    const done = await this.ds.transaction(async (em) => {
      const ok = await cancelCampaign(em, id);
      if (ok) await recordAudit(em, [{ actorId: viewer.id, action: 'cancel', entity: 'campaign', entityId: id, changes: { status: [null, 'CANCELLED'] } }]);
      return ok;
    });
    if (!done) throw refused('CAMPAIGN_STATE', 'The campaign cannot do that now.');
    return this.get(id);
  }

  /** Each recipient's state, for the clients the viewer may see. */
  async recipients(viewer: Viewer, id: string, state: string | null | undefined, page: PageInput): Promise<CampaignRecipientPage> {
    await this.get(id);
    const p = new SqlParams();
    const where = [`r.campaign_id = ${p.param(id)}`, clientVisibility(viewer, p)];
    if (state) where.push(`(${RECIPIENT_STATE_SQL}) = ${p.param(state)}`);
    const from = `FROM campaign_recipients r JOIN clients cl ON cl.id = r.client_id LEFT JOIN contacts ct ON ct.id = r.contact_id LEFT JOIN outbox_mails m ON m.id = r.outbox_id WHERE ${where.join(' AND ')}`;
    const [rows, [{ total }]] = await Promise.all([
      this.ds.query(
        `SELECT r.id, r.client_id, cl.name AS client_name, ct.name AS contact_name, r.email, ${RECIPIENT_STATE_SQL} AS st, r.skip_reason, r.missing,
                coalesce(r.complained_at, r.unsubscribed_at, r.bounced_at, r.replied_at, m.sent_at, r.released_at, r.created_at) AS at
         ${from} ORDER BY r.email LIMIT ${Number(page.limit)} OFFSET ${Number(page.offset)}`,
        p.values,
      ),
      this.ds.query(`SELECT count(*)::int AS total ${from}`, p.values),
    ]);
    return {
      total,
      items: rows.map((r: Record<string, any>) => ({ id: r.id, clientId: r.client_id, clientName: r.client_name, contactName: r.contact_name, email: r.email, state: r.st, skipReason: r.skip_reason, missing: r.missing, at: r.at })),
    };
  }

  /** Every active email template, by pipeline and name (a campaign may use any). */
  async templates(): Promise<Array<{ id: string; name: string; pipelineName: string }>> {
    const byName = await loadNameOrder(this.ds.manager);
    const rows = await this.ds.query(
      `SELECT t.id, t.name, p.name AS pipeline_name FROM email_templates t JOIN pipelines p ON p.id = t.pipeline_id WHERE t.archived_at IS NULL AND p.archived_at IS NULL ORDER BY p.position, ${byName('lower(p.name)')}, ${byName('lower(t.name)')}`,
    );
    return rows.map((r: Record<string, any>) => ({ id: r.id, name: r.name, pipelineName: r.pipeline_name }));
  }

  /** The throttle and tracking settings: the saved values, else the environment's defaults. */
  async settings(): Promise<CampaignSettingsType> {
    const saved = await loadCampaignSettings(this.ds.manager);
    return {
      perMinute: saved.perMinute ?? this.options.perMinute,
      perDomainPerMinute: saved.perDomainPerMinute ?? this.options.perDomainPerMinute,
      defaultPerMinute: this.options.perMinute,
      defaultPerDomainPerMinute: this.options.perDomainPerMinute,
      tracking: saved.tracking,
    };
  }

  /**
   * Saves the throttle (the worker reads it at its next step: a campaign already sending slows
   * down to it at once) and the tracking switch (for campaigns prepared from now on). Audited
   * with the organisation's settings.
   */
  async updateSettings(actorId: string, input: CampaignSettingsInput): Promise<CampaignSettingsType> {
    if (input.perDomainPerMinute > input.perMinute) {
      throw badFields('Some settings are not valid.', {
        perDomainPerMinute: { code: 'THROTTLE_DOMAIN_ABOVE_TOTAL', text: `Allow at most ${input.perMinute} mails per domain: no more than per minute in all.`, params: { max: input.perMinute } },
      });
    }
    await withAudit(this.ds, actorId, 'organisation', 'update', async (em) => {
      const before = await loadCampaignSettings(em);
      const after = { perMinute: input.perMinute, perDomainPerMinute: input.perDomainPerMinute, tracking: input.tracking };
      await saveCampaignSettings(em, after, actorId);
      const named = (x: { perMinute: number | null; perDomainPerMinute: number | null; tracking: boolean }) => ({ campaignPerMinute: x.perMinute, campaignPerDomainPerMinute: x.perDomainPerMinute, campaignTracking: x.tracking });
      return { id: ORGANISATION_AUDIT_ID, changes: diff(named(before), named(after), ['campaignPerMinute', 'campaignPerDomainPerMinute', 'campaignTracking']), result: undefined };
    });
    return this.settings();
  }

  private async contactClient(viewer: Viewer, contactId: string): Promise<{ client_id: string; emails: string[] }> {
    const [c] = await this.ds.query(`SELECT client_id, emails FROM contacts WHERE id = $1 AND deleted_at IS NULL`, [contactId]);
    if (!c) throw notFound('Contact');
    await visibleClient(this.ds.manager, viewer, c.client_id);
    return c;
  }

  /** A contact's consent history, newest first. */
  async consents(viewer: Viewer, contactId: string): Promise<ContactConsentType[]> {
    await this.contactClient(viewer, contactId);
    const rows = await this.ds.query(`SELECT id, email, status, source, created_at FROM contact_consents WHERE contact_id = $1 ORDER BY created_at DESC, id`, [contactId]);
    return rows.map((r: Record<string, any>) => ({ id: r.id, email: r.email, status: r.status, source: r.source, createdAt: r.created_at }));
  }

  /** Records consent given or withdrawn (by hand); opting in again lifts a campaign unsubscribe of that address. */
  async setConsent(viewer: Viewer, input: ConsentInput): Promise<ContactConsentType[]> {
    const contact = await this.contactClient(viewer, input.contactId);
    const email = contact.emails[0]?.toLowerCase();
    if (!email) throw refused('CONTACT_NO_EMAIL', 'The contact has no email address.');
    await this.ds.transaction(async (em) => {
      await em.query(`INSERT INTO contact_consents (contact_id, email, status, source, actor_id) VALUES ($1, $2, $3, $4, $5)`, [input.contactId, email, input.status, input.source.trim(), viewer.id]);
      if (input.status === 'OPTED_IN') await em.query(`DELETE FROM suppressions WHERE email = $1 AND reason = 'UNSUBSCRIBED'`, [email]);
      else await em.query(`INSERT INTO suppressions (email, reason, source) VALUES ($1, 'UNSUBSCRIBED', $2) ON CONFLICT (email) DO NOTHING`, [email, input.source.trim()]);
      await recordAudit(em, [{ actorId: viewer.id, action: 'consent', entity: 'contact', entityId: input.contactId, clientId: contact.client_id, changes: { consent: [null, input.status], email: [null, email] } }]);
    });
    return this.consents(viewer, input.contactId);
  }
}
