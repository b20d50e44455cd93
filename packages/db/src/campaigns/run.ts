import type { DataSource, EntityManager } from 'typeorm';
import { loadViewer } from '../access/viewer';
import { queueMails, type NewMail } from '../mail/outbox';
import { missingValues, renderMail, scanTemplate } from '../mail/template';
import { loadCampaignSettings, loadOrganisationTimeZone } from '../organisation/settings';
import { SqlParams } from '../sql/card-filter';
import { unsubscribeFooter } from '@crm/shared';
import { buildClientMailContexts } from './context';
import { emailAudienceSql, type AudienceRule } from './lists';
import { signUnsubscribeToken } from './token';
import { campaignLinkIds, linksOf, withTracking } from './tracking';

export interface CampaignOptions {
  timeZone: string;
  messageDomain: string;
  /** Where the app is reached from outside (the unsubscribe link points there). */
  publicUrl: string;
  /** Key of the unsubscribe tokens' HMAC. */
  unsubscribeSecret: string;
  /** How long an unsubscribe link works. */
  tokenTtlDays?: number;
  /** Recipients rendered per transaction. */
  batchSize?: number;
}

export interface CampaignRow {
  id: string;
  name: string;
  list_id: string;
  template_id: string;
  from_name: string;
  from_address: string;
  reply_to: string | null;
  locale: string;
  scheduled_at: Date | null;
  status: string;
  per_minute: number;
  per_domain_per_minute: number;
  skip_missing: boolean;
  tracking: boolean;
  created_by_id: string | null;
}

export interface Advance {
  status: string;
  /** Outbox mails let out now: each needs a delivery job. */
  released: string[];
  /** When the campaign needs another step (null: finished, paused or waiting for nobody). */
  nextAt: Date | null;
}

export const unsubscribeUrl = (options: CampaignOptions, recipientId: string, now = new Date()) =>
  `${options.publicUrl.replace(/\/$/, '')}/unsubscribe/${signUnsubscribeToken(options.unsubscribeSecret, recipientId, new Date(now.getTime() + (options.tokenTtlDays ?? 365) * 86_400_000))}`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Adds the unsubscribe footer to a rendered mail, and the one-click headers (RFC 8058). */
export function withUnsubscribe(mail: { subject: string; html: string; text: string }, url: string, locale: string) {
  const footer = unsubscribeFooter(locale);
  const link = `<p style="font-size:12px;color:#666">${escapeHtml(footer)} <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>\n`;
  return {
    subject: mail.subject,
    text: `${mail.text}\n\n-- \n${footer} ${url}\n`,
    html: mail.html.includes('</body>') ? mail.html.replace('</body>', `${link}</body>`) : mail.html + link,
    headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', Precedence: 'bulk' },
  };
}

export async function loadCampaign(em: EntityManager, id: string): Promise<CampaignRow | null> {
  const [row] = await em.query(`SELECT * FROM campaigns WHERE id = $1`, [id]);
  return row ?? null;
}

export async function loadAudienceRule(em: EntityManager, listId: string): Promise<(AudienceRule & { channel: string; archived_at: Date | null }) | null> {
  const [l] = await em.query(`SELECT id, kind, channel, recipients, role, filter, archived_at FROM distribution_lists WHERE id = $1`, [listId]);
  return l ?? null;
}

/**
 * Moves a campaign one step on. Only one process works on a campaign at a time (a session advisory
 * lock); a second job for it returns at once. Every step commits as it goes, so a crash resumes
 * where it stopped: recipients are added once (unique per campaign and address), each gets at most
 * one outbox mail (idempotency key), and the outbox sends a mail at most once.
 */
export async function advanceCampaign(ds: DataSource, id: string, options: CampaignOptions, now = new Date()): Promise<Advance> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(hashtext('campaign:' || $1)) AS locked`, [id]);
    if (!locked) return { status: 'BUSY', released: [], nextAt: null };
    try {
      let campaign = await loadCampaign(ds.manager, id);
      if (!campaign) return { status: 'GONE', released: [], nextAt: null };
      if (campaign.status === 'SCHEDULED') {
        if (campaign.scheduled_at && new Date(campaign.scheduled_at) > now) return { status: 'SCHEDULED', released: [], nextAt: new Date(campaign.scheduled_at) };
        // Whether its mails are tracked is decided once, from the admin's setting as it is now.
        await ds.query(
          `UPDATE campaigns SET status = 'PREPARING', started_at = coalesce(started_at, now()), updated_at = now(),
             tracking = coalesce((SELECT campaign_tracking FROM organisation_settings WHERE id = 1), false)
           WHERE id = $1 AND status = 'SCHEDULED'`,
          [id],
        );
        campaign = (await loadCampaign(ds.manager, id))!;
      }
      if (campaign.status === 'PREPARING') {
        const ok = await prepareCampaign(ds, campaign, options, now);
        if (!ok) return { status: 'CANCELLED', released: [], nextAt: null };
        await ds.query(`UPDATE campaigns SET status = 'SENDING', updated_at = now() WHERE id = $1 AND status = 'PREPARING'`, [id]);
        campaign = (await loadCampaign(ds.manager, id))!;
      }
      if (campaign.status !== 'SENDING') return { status: campaign.status, released: [], nextAt: null };
      const { released, remaining } = await dispatchCampaign(ds, campaign);
      if (remaining === 0) {
        await ds.query(`UPDATE campaigns SET status = 'DONE', finished_at = now(), updated_at = now() WHERE id = $1 AND status = 'SENDING'`, [id]);
        return { status: 'DONE', released, nextAt: null };
      }
      await ds.query(`UPDATE campaigns SET updated_at = now() WHERE id = $1`, [id]);
      return { status: 'SENDING', released, nextAt: new Date(now.getTime() + 60_000) };
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext('campaign:' || $1))`, [id]);
    }
  } finally {
    await runner.release();
  }
}

/**
 * Chooses the recipients (the list as its creator may see it now, suppressed addresses left out
 * with their reason) and renders each one's mail into the outbox, held back for the throttle.
 * Returns false (and cancels the campaign) when its creator or list is gone.
 */
export async function prepareCampaign(ds: DataSource, campaign: CampaignRow, options: CampaignOptions, now = new Date()): Promise<boolean> {
  const viewer = campaign.created_by_id ? await loadViewer(ds.manager, campaign.created_by_id) : null;
  const list = await loadAudienceRule(ds.manager, campaign.list_id);
  const [template] = await ds.query(`SELECT subject, body FROM email_templates WHERE id = $1`, [campaign.template_id]);
  if (!viewer || !list || !template) {
    await ds.query(`UPDATE campaigns SET status = 'CANCELLED', finished_at = now(), updated_at = now() WHERE id = $1`, [campaign.id]);
    return false;
  }
  const p = new SqlParams();
  const audience = emailAudienceSql(viewer, list, p);
  const cid = p.param(campaign.id);
  // Ids in address order (uuid_v7), the order the batches below walk: the recipients' and their
  // mails' keys then append to their indexes. No JIT: the estimate of the per-client contact
  // lookup is high enough to trigger a compile that costs more than the statement.
  await ds.transaction(async (em) => {
    await em.query(`SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`);
    await em.query(
      `INSERT INTO campaign_recipients (id, campaign_id, client_id, contact_id, email, domain, state, skip_reason)
       SELECT uuid_v7(), ${cid}::uuid, a.client_id, a.contact_id, a.email, a.domain, CASE WHEN a.suppressed IS NULL THEN 'QUEUED' ELSE 'SKIPPED' END, CASE WHEN a.suppressed IS NULL THEN NULL ELSE 'SUPPRESSED' END
       FROM (${audience}) a
       ON CONFLICT (campaign_id, email) DO NOTHING`,
      p.values,
    );
  });
  const scans = [scanTemplate(template.subject), scanTemplate(template.body)];
  // Dates in the mails are written in the organisation's saved zone (options.timeZone is ORG_TIME_ZONE, the fallback).
  const timeZone = await loadOrganisationTimeZone(ds.manager, options.timeZone);
  const batch = options.batchSize ?? 1000;
  // Keyset over the (campaign, email) index: each batch starts after the last address done, so a
  // batch costs its own rows, not a scan of the whole campaign (a restart begins at the start once).
  let after = '';
  for (;;) {
    const done = await ds.transaction(async (em) => {
      const rows: Array<{ id: string; client_id: string; contact_id: string | null; email: string }> = await em.query(
        `SELECT id, client_id, contact_id, email FROM campaign_recipients WHERE campaign_id = $1 AND email > $3 AND state = 'QUEUED' AND outbox_id IS NULL ORDER BY email LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [campaign.id, batch, after],
      );
      if (!rows.length) return true;
      after = rows[rows.length - 1].email;
      const contexts = await buildClientMailContexts(
        em,
        rows.map((r) => ({ clientId: r.client_id, contactId: r.contact_id, senderId: campaign.created_by_id!, now })),
      );
      const mails: NewMail[] = [];
      const queued: string[] = [];
      const gaps: Array<{ id: string; missing: string[] }> = [];
      const renders = rows.map((r, i) => {
        const missing = [...new Set(scans.flatMap((s) => missingValues(s, contexts[i])))].sort();
        return missing.length ? { missing } : { mail: renderMail(template.subject, template.body, contexts[i], { locale: campaign.locale, timeZone }) };
      });
      // Tracked: the batch's links stored once each, then every mail's links sent through them.
      const linkIds = campaign.tracking ? await campaignLinkIds(em, campaign.id, [...new Set(renders.flatMap((x) => (x.mail ? linksOf(x.mail.html) : [])))]) : null;
      rows.forEach((r, i) => {
        const { missing, mail } = renders[i];
        if (!mail) return void gaps.push({ id: r.id, missing: missing! });
        const html = linkIds ? withTracking(mail.html, linkIds, options, r.id, now) : mail.html;
        const rendered = withUnsubscribe({ ...mail, html }, unsubscribeUrl(options, r.id, now), campaign.locale);
        queued.push(r.id);
        mails.push({
          idempotencyKey: `campaign:${campaign.id}:${r.id}`,
          cardId: null,
          clientId: r.client_id,
          templateId: campaign.template_id,
          fromAddress: campaign.from_address,
          fromName: campaign.from_name,
          replyTo: campaign.reply_to,
          to: [r.email],
          subject: rendered.subject,
          html: rendered.html,
          text: rendered.text,
          createdById: campaign.created_by_id,
          messageDomain: options.messageDomain,
          status: 'HELD',
          headers: rendered.headers,
        });
      });
      if (gaps.length) {
        await em.query(
          `UPDATE campaign_recipients r SET state = 'SKIPPED', skip_reason = 'MISSING_VALUES', missing = string_to_array(g.missing, ',') FROM unnest($1::uuid[], $2::text[]) AS g(id, missing) WHERE r.id = g.id`,
          [gaps.map((g) => g.id), gaps.map((g) => g.missing.join(','))],
        );
      }
      const out = await queueMails(em, mails);
      if (out.length) {
        await em.query(`UPDATE campaign_recipients r SET outbox_id = x.outbox FROM unnest($1::uuid[], $2::uuid[]) AS x(id, outbox) WHERE r.id = x.id`, [queued, out.map((o) => o.id)]);
      }
      return false;
    });
    if (done) return true;
  }
}

/**
 * The throttle a campaign runs at now: its own limits (set when it was created, from the
 * organisation's settings or the environment's default), lowered to the organisation's saved
 * limits when an admin has saved lower ones since: slowing down takes effect at the next step.
 */
export async function campaignThrottle(em: EntityManager, campaign: Pick<CampaignRow, 'per_minute' | 'per_domain_per_minute'>): Promise<{ perMinute: number; perDomainPerMinute: number }> {
  const saved = await loadCampaignSettings(em);
  return {
    perMinute: Math.min(campaign.per_minute, saved.perMinute ?? campaign.per_minute),
    perDomainPerMinute: Math.min(campaign.per_domain_per_minute, saved.perDomainPerMinute ?? campaign.per_domain_per_minute),
  };
}

/**
 * Lets out as many held mails as the throttle allows this minute (campaignThrottle): at most
 * that many in any 60 seconds, and so many to each recipient domain. An address suppressed since
 * the mails were rendered is left out now. Returns the released outbox ids and how many wait.
 */
export async function dispatchCampaign(ds: DataSource, campaign: CampaignRow): Promise<{ released: string[]; remaining: number }> {
  return ds.transaction(async (em) => {
    const throttle = await campaignThrottle(em, campaign);
    await em.query(
      `WITH gone AS (
         UPDATE campaign_recipients r SET state = 'SKIPPED', skip_reason = 'SUPPRESSED' FROM suppressions s
         WHERE r.campaign_id = $1 AND r.state = 'QUEUED' AND r.released_at IS NULL AND s.email = r.email RETURNING r.outbox_id)
       UPDATE outbox_mails m SET status = 'CANCELLED', last_error = 'The address is suppressed.', updated_at = now() FROM gone WHERE m.id = gone.outbox_id AND m.status = 'HELD'`,
      [campaign.id],
    );
    const [{ recent }] = await em.query(`SELECT count(*)::int AS recent FROM campaign_recipients WHERE campaign_id = $1 AND released_at > now() - interval '60 seconds'`, [campaign.id]);
    const budget = Math.max(0, throttle.perMinute - recent);
    let released: string[] = [];
    if (budget > 0) {
      const rows: Array<{ id: string; outbox_id: string }> = await em.query(
        `WITH recent AS (SELECT domain, count(*)::int AS n FROM campaign_recipients WHERE campaign_id = $1 AND released_at > now() - interval '60 seconds' GROUP BY domain),
              waiting AS (SELECT id, outbox_id, domain, row_number() OVER (PARTITION BY domain ORDER BY id) AS rn FROM campaign_recipients
                          WHERE campaign_id = $1 AND state = 'QUEUED' AND released_at IS NULL AND outbox_id IS NOT NULL)
         SELECT w.id, w.outbox_id FROM waiting w LEFT JOIN recent USING (domain)
         WHERE w.rn + coalesce(recent.n, 0) <= $2 ORDER BY w.rn, w.id LIMIT $3`,
        [campaign.id, throttle.perDomainPerMinute, budget],
      );
      if (rows.length) {
        await em.query(`UPDATE campaign_recipients SET released_at = now() WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
        const [out]: [Array<{ id: string }>, number] = await em.query(`UPDATE outbox_mails SET status = 'QUEUED', updated_at = now() WHERE id = ANY($1::uuid[]) AND status = 'HELD' RETURNING id`, [rows.map((r) => r.outbox_id)]);
        released = out.map((r) => r.id);
      }
    }
    const [{ remaining }] = await em.query(
      `SELECT count(*)::int AS remaining FROM campaign_recipients WHERE campaign_id = $1 AND state = 'QUEUED' AND released_at IS NULL`,
      [campaign.id],
    );
    return { released, remaining };
  });
}

/** Cancels a campaign: mails not yet let out are never sent. */
export async function cancelCampaign(em: EntityManager, id: string): Promise<boolean> {
  const [, n] = await em.query(`UPDATE campaigns SET status = 'CANCELLED', finished_at = now(), updated_at = now() WHERE id = $1 AND status IN ('DRAFT', 'SCHEDULED', 'PREPARING', 'SENDING', 'PAUSED')`, [id]);
  if (!n) return false;
  await em.query(
    `UPDATE outbox_mails m SET status = 'CANCELLED', last_error = 'The campaign was cancelled.', updated_at = now() FROM campaign_recipients r WHERE r.campaign_id = $1 AND m.id = r.outbox_id AND m.status = 'HELD'`,
    [id],
  );
  return true;
}

/** Campaigns that should be moving but whose job may have been lost (Redis flushed, worker down). */
export async function stalledCampaignIds(ds: DataSource, ageMs: number): Promise<string[]> {
  const rows: Array<{ id: string }> = await ds.query(
    `SELECT id FROM campaigns WHERE (status IN ('PREPARING', 'SENDING') AND updated_at < now() - ($1 || ' milliseconds')::interval) OR (status = 'SCHEDULED' AND scheduled_at <= now())`,
    [String(ageMs)],
  );
  return rows.map((r) => r.id);
}
