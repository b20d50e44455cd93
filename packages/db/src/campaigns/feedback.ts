import type { DataSource, EntityManager } from 'typeorm';
import { SOFT_BOUNCES_TO_SUPPRESS } from '@crm/shared';

export interface RecipientRef {
  id: string;
  campaign_id: string;
  client_id: string;
  contact_id: string | null;
  email: string;
}

export async function recipientById(em: EntityManager, id: string): Promise<RecipientRef | null> {
  const [r] = await em.query(`SELECT id, campaign_id, client_id, contact_id, email FROM campaign_recipients WHERE id = $1`, [id]);
  return r ?? null;
}

/** Puts an address on the suppression list (a wider scope replaces a narrower one; nothing else changes). */
export async function suppress(em: EntityManager, s: { email: string; reason: string; scope?: 'CAMPAIGNS' | 'ALL'; source: string; campaignId?: string | null }): Promise<void> {
  await em.query(
    `INSERT INTO suppressions (email, reason, scope, source, campaign_id) VALUES (lower($1), $2, $3, $4, $5)
     ON CONFLICT (email) DO UPDATE SET scope = CASE WHEN EXCLUDED.scope = 'ALL' THEN 'ALL' ELSE suppressions.scope END,
       reason = CASE WHEN EXCLUDED.scope = 'ALL' THEN EXCLUDED.reason ELSE suppressions.reason END`,
    [s.email, s.reason, s.scope ?? 'CAMPAIGNS', s.source, s.campaignId ?? null],
  );
}

/**
 * Records an opt-out from a recipient's token: the address is suppressed (for campaigns, or for
 * all mail when they asked for nothing), the recipient marked unsubscribed, the contact's consent
 * history gets an OPTED_OUT row with time and source, and the client's History an entry.
 * Repeating it changes nothing more.
 */
export async function unsubscribeRecipient(ds: DataSource, recipientId: string, options: { everything: boolean; source: string }): Promise<RecipientRef | null> {
  return ds.transaction(async (em) => {
    const r = await recipientById(em, recipientId);
    if (!r) return null;
    await suppress(em, { email: r.email, reason: 'UNSUBSCRIBED', scope: options.everything ? 'ALL' : 'CAMPAIGNS', source: options.source, campaignId: r.campaign_id });
    const [, changed] = await em.query(`UPDATE campaign_recipients SET unsubscribed_at = now() WHERE id = $1 AND unsubscribed_at IS NULL`, [r.id]);
    if (changed || options.everything) {
      if (r.contact_id) {
        await em.query(`INSERT INTO contact_consents (contact_id, email, status, source, campaign_id) VALUES ($1, $2, 'OPTED_OUT', $3, $4)`, [r.contact_id, r.email, options.source, r.campaign_id]);
      }
      await em.query(
        `INSERT INTO audit_log (actor_id, action, entity, entity_id, client_id, changes) VALUES (NULL, 'unsubscribed', 'campaign', $1, $2, $3)`,
        [r.campaign_id, r.client_id, { email: [null, r.email], scope: [null, options.everything ? 'ALL' : 'CAMPAIGNS'], source: [null, options.source] }],
      );
    }
    return r;
  });
}

/** HARD for a permanent failure (5.x.x), SOFT for a temporary one (4.x.x), from a DSN's Status or diagnostic code. */
export function bounceKind(text: string): 'HARD' | 'SOFT' {
  const status = /^\s*Status:\s*([245])\.\d{1,3}\.\d{1,3}/im.exec(text)?.[1] ?? /Diagnostic-Code:\s*smtp;\s*([45])\d\d/i.exec(text)?.[1];
  return status === '4' ? 'SOFT' : 'HARD';
}

/**
 * A delivery-status report about mails we sent (by their Message-IDs): the campaign recipient is
 * marked bounced; a hard bounce suppresses the address, and so does the third soft bounce of it.
 * Returns the recipients it matched (none: the report was about no campaign mail).
 */
export async function recordBounce(ds: DataSource, messageIds: string[], kind: 'HARD' | 'SOFT'): Promise<RecipientRef[]> {
  if (!messageIds.length) return [];
  return ds.transaction(async (em) => {
    const rows: RecipientRef[] = await em.query(
      `UPDATE campaign_recipients r SET bounce = CASE WHEN r.bounce = 'HARD' THEN 'HARD' ELSE $2 END, bounced_at = now()
       FROM outbox_mails m WHERE m.id = r.outbox_id AND m.message_id = ANY($1::text[])
       RETURNING r.id, r.campaign_id, r.client_id, r.contact_id, r.email`,
      [messageIds, kind],
    ).then((res: [RecipientRef[], number]) => res[0]);
    for (const r of rows) {
      let suppressed: string | null = kind === 'HARD' ? 'HARD_BOUNCE' : null;
      if (!suppressed) {
        const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM campaign_recipients WHERE email = $1 AND bounce = 'SOFT'`, [r.email]);
        if (n >= SOFT_BOUNCES_TO_SUPPRESS) suppressed = 'SOFT_BOUNCES';
      }
      if (suppressed) await suppress(em, { email: r.email, reason: suppressed, source: 'bounce', campaignId: r.campaign_id });
      await em.query(
        `INSERT INTO audit_log (actor_id, action, entity, entity_id, client_id, changes) VALUES (NULL, 'bounced', 'campaign', $1, $2, $3)`,
        [r.campaign_id, r.client_id, { email: [null, r.email], bounce: [null, kind], suppressed: [null, suppressed] }],
      );
    }
    return rows;
  });
}

/**
 * A complaint (a feedback report, RFC 5965: the recipient marked our mail as spam) about mails we
 * sent, by their Message-IDs: the campaign recipient is marked complained, the address suppressed
 * for campaigns (reason COMPLAINED, replacing none already there), the contact's consent history
 * gets an OPTED_OUT row and the client's History an entry. Repeating it changes nothing more.
 * Returns the recipients it matched (none: the report was about no campaign mail).
 */
export async function recordComplaint(ds: DataSource, messageIds: string[]): Promise<RecipientRef[]> {
  if (!messageIds.length) return [];
  return ds.transaction(async (em) => {
    const matched: RecipientRef[] = await em.query(
      `SELECT r.id, r.campaign_id, r.client_id, r.contact_id, r.email, r.complained_at IS NULL AS fresh FROM campaign_recipients r
       JOIN outbox_mails m ON m.id = r.outbox_id WHERE m.message_id = ANY($1::text[]) FOR UPDATE OF r`,
      [messageIds],
    );
    for (const r of matched as Array<RecipientRef & { fresh: boolean }>) {
      await suppress(em, { email: r.email, reason: 'COMPLAINED', source: 'complaint', campaignId: r.campaign_id });
      if (!r.fresh) continue;
      await em.query(`UPDATE campaign_recipients SET complained_at = now() WHERE id = $1`, [r.id]);
      if (r.contact_id) await em.query(`INSERT INTO contact_consents (contact_id, email, status, source, campaign_id) VALUES ($1, $2, 'OPTED_OUT', 'complaint', $3)`, [r.contact_id, r.email, r.campaign_id]);
      await em.query(`INSERT INTO audit_log (actor_id, action, entity, entity_id, client_id, changes) VALUES (NULL, 'complained', 'campaign', $1, $2, $3)`, [
        r.campaign_id,
        r.client_id,
        { email: [null, r.email] },
      ]);
    }
    return matched.map(({ id, campaign_id, client_id, contact_id, email }) => ({ id, campaign_id, client_id, contact_id, email }));
  });
}

/** A reply to a campaign mail (In-Reply-To one of ours) marks its recipient as replied. */
export async function recordReply(ds: DataSource, inReplyTo: string | null): Promise<number> {
  if (!inReplyTo) return 0;
  const [, n] = await ds.query(
    `UPDATE campaign_recipients r SET replied_at = now() FROM outbox_mails m WHERE m.id = r.outbox_id AND m.message_id = $1 AND r.replied_at IS NULL`,
    [inReplyTo],
  );
  return n;
}
