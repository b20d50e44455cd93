import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { poolQuery } from '../data-source';
import { Batcher } from './batcher';
import { DomainLimiter } from './domain-limit';
import { rawMessage } from './mime';
import { SmtpPool } from './smtp-pool';

export interface MailTransport {
  /** Sends one message; resolves with the server's answer. Errors carry `responseCode` for SMTP replies. */
  send(message: { from: string; fromName?: string | null; replyTo?: string; to: string[]; subject: string; html: string; text: string; messageId: string; headers?: Record<string, string> }): Promise<string>;
  close(): void;
  /** Limits sends at once per recipient domain (SMTP only); deliverOutboxMail waits for a slot before it claims a mail. */
  limiter?: DomainLimiter;
}

export interface SmtpPoolOptions {
  /** SMTP connections kept open at once. */
  maxConnections: number;
  /** Messages sent over one connection before it is replaced. */
  maxMessages: number;
  /** Sends at once to one recipient domain. */
  maxPerDomain: number;
}

export const DEFAULT_SMTP_POOL: SmtpPoolOptions = { maxConnections: 8, maxMessages: 100, maxPerDomain: 4 };

/**
 * Mail deliveries to run at once (the worker's deliverMail jobs): eight for each pool connection.
 * Their statements go to PostgreSQL together (see statements below), each a commit whatever its
 * size, so more deliveries at once means fewer commits per mail (twice as many as connections
 * delivered 330-430 mails a second to a loopback server on a busy machine, eight times 590-740).
 */
export function deliveriesAtOnce(pool: SmtpPoolOptions): number {
  return 8 * pool.maxConnections;
}

/** The .eml file a message is written to without SMTP (purging deletes it with the rest). */
export function emlFile(mailDir: string, messageId: string): string {
  return path.join(mailDir, `${messageId.replace(/[<>]/g, '').replace(/[^\w.@-]/g, '_')}.eml`);
}

/** The RFC 5322 message of what a transport is handed. */
const messageOf = (m: Parameters<MailTransport['send']>[0]) =>
  rawMessage({ from: { name: m.fromName ?? null, address: m.from }, replyTo: m.replyTo, to: m.to, subject: m.subject, html: m.html, text: m.text, messageId: m.messageId, headers: m.headers });

/**
 * SMTP when SMTP_URL is set (smtp://user:pass@host:587, smtps:// for TLS), over a pool of open
 * connections, at most `maxPerDomain` sends at once per recipient domain; otherwise each message
 * is written as an .eml file into a folder, so nothing is lost in a demo.
 */
export function createMailTransport(smtpUrl: string | null, mailDir: string, pool: SmtpPoolOptions = DEFAULT_SMTP_POOL): MailTransport {
  if (smtpUrl) {
    const connections = new SmtpPool(smtpUrl, pool);
    return {
      send: (m) => connections.send({ from: m.from, to: m.to }, messageOf(m)),
      close: () => connections.close(),
      limiter: new DomainLimiter(pool.maxPerDomain),
    };
  }
  return {
    async send(m) {
      mkdirSync(mailDir, { recursive: true });
      const file = emlFile(mailDir, m.messageId);
      writeFileSync(file, messageOf(m));
      return `written to ${path.basename(file)}`;
    },
    close: () => undefined,
  };
}

export type DeliveryResult = 'sent' | 'retry' | 'failed' | 'skipped';

interface ClaimedMail {
  id: string;
  blocked: boolean;
  from_address: string;
  from_name: string | null;
  reply_to: string | null;
  to_addresses: string[];
  subject: string;
  html: string;
  text: string;
  message_id: string;
  headers: Record<string, string> | null;
}

interface Outcome {
  id: string;
  status: 'SENT' | 'QUEUED' | 'FAILED';
  response: string | null;
  error: string | null;
}

/**
 * One mail by id (i.id), an index probe whatever the planner believes: OFFSET 0 keeps the other
 * conditions (the status) out of the lookup. Right after a bulk send queued thousands of mails, the
 * table not analysed yet, the planner read every queued mail through the status index and hashed
 * them for a batch of a few ids (a join on the ids, or "id = ANY(ids) AND status = 'QUEUED'"):
 * 3-5 ms a statement at 10,000 queued, most of PostgreSQL's CPU time per delivered mail.
 */
const MAIL_BY_ID = `SELECT m.* FROM outbox_mails m WHERE m.id = i.id OFFSET 0`;

/**
 * The statements of delivery, each for the mails of many deliveries at once (see Batcher): the
 * recipients read before the claim, the claim, and the results, each mail looked up by id (MAIL_BY_ID).
 */
function statements(ds: DataSource) {
  let s = batches.get(ds);
  if (!s) {
    s = {
      peek: new Batcher(async (ids: string[]) => {
        const rows = await poolQuery<{ id: string; to_addresses: string[] }>(
          ds,
          `SELECT m.id, m.to_addresses FROM unnest($1::uuid[]) AS i(id) CROSS JOIN LATERAL (${MAIL_BY_ID}) m WHERE m.status = 'QUEUED'`,
          [ids],
          'deliver_peek',
        );
        const byId = new Map(rows.map((r) => [r.id, r.to_addresses]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
      // QUEUED -> SENDING in one statement; someone who asked to receive nothing at all gets
      // nothing (leaving a campaign list alone does not stop this mail): such a mail is cancelled
      // by the same statement. The row updated is checked to be still QUEUED (another claim may have
      // taken it meanwhile) against c's status, c materialised, rather than against the constant,
      // which the planner would again answer with the status index.
      claim: new Batcher(async (ids: string[]) => {
        const rows = await poolQuery<ClaimedMail>(
          ds,
          `WITH c AS MATERIALIZED (
             SELECT m.id, m.status, EXISTS (SELECT 1 FROM suppressions WHERE scope = 'ALL' AND email IN (SELECT lower(a) FROM unnest(m.to_addresses) a)) AS blocked
             FROM unnest($1::uuid[]) AS i(id) CROSS JOIN LATERAL (${MAIL_BY_ID}) m WHERE m.status = 'QUEUED')
           UPDATE outbox_mails m SET status = CASE WHEN c.blocked THEN 'CANCELLED' ELSE 'SENDING' END, attempts = m.attempts + 1,
                  last_error = CASE WHEN c.blocked THEN 'The recipient asked to receive no mail.' ELSE m.last_error END, updated_at = now()
           FROM c WHERE m.id = c.id AND m.status = c.status
           RETURNING m.id, c.blocked, m.from_address, m.from_name, m.reply_to, m.to_addresses, m.subject, m.html, m.text, m.message_id, m.headers`,
          [ids],
          'deliver_claim',
        );
        const byId = new Map(rows.map((r) => [r.id, r]));
        // The same mail asked for twice in one batch is claimed once: the second asker skips it.
        return ids.map((id) => {
          const row = byId.get(id) ?? null;
          byId.delete(id);
          return row;
        });
      }),
      // Committed without waiting for the WAL to reach the disk (synchronous_commit off for this
      // statement's transaction alone): should PostgreSQL itself crash before writing it, the mails
      // stay SENDING and are marked UNCERTAIN, never sent again, as when the worker stops between
      // the SMTP server's answer and this statement. The claim above is committed durably: a mail
      // is never handed to SMTP unless its SENDING mark would survive a crash.
      record: new Batcher(async (outcomes: Outcome[]) => {
        await poolQuery(
          ds,
          `UPDATE outbox_mails m SET status = r.status, sent_at = CASE WHEN r.status = 'SENT' THEN now() ELSE m.sent_at END,
                  smtp_response = CASE WHEN r.status = 'SENT' THEN r.response ELSE m.smtp_response END, last_error = r.error, updated_at = now()
           FROM (SELECT set_config('synchronous_commit', 'off', true)) s, unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS r(id, status, response, error) WHERE m.id = r.id`,
          [outcomes.map((o) => o.id), outcomes.map((o) => o.status), outcomes.map((o) => o.response), outcomes.map((o) => o.error)],
          'deliver_record',
        );
        return outcomes.map(() => undefined);
      }),
    };
    batches.set(ds, s);
  }
  return s;
}
const batches = new WeakMap<DataSource, { peek: Batcher<string, string[] | null>; claim: Batcher<string, ClaimedMail | null>; record: Batcher<Outcome, undefined> }>();

/**
 * Delivers one outbox mail at most once: the row is claimed (QUEUED -> SENDING) before the SMTP
 * conversation, and recorded after it. A temporary SMTP error (4xx, connection trouble) puts it
 * back to QUEUED for a retry; a permanent one (5xx) marks it FAILED. A row found SENDING was being
 * sent when a worker stopped: it is marked UNCERTAIN, never resent. Deliveries running at once
 * share their statements: one claim and one result update for all of them.
 */
export async function deliverOutboxMail(ds: DataSource, transport: MailTransport, id: string): Promise<DeliveryResult> {
  const db = statements(ds);
  let outcome: Outcome | null;
  if (!transport.limiter) outcome = await claimAndSend(db.claim, transport, id);
  else {
    // The recipients' domains are read before the claim, so that a mail waiting for its domain's
    // turn stays QUEUED (a worker stopping meanwhile leaves it to be sent, not UNCERTAIN).
    const to = await db.peek.run(id);
    if (!to) return 'skipped';
    outcome = await transport.limiter.run(DomainLimiter.domainsOf(to), () => claimAndSend(db.claim, transport, id));
  }
  if (!outcome) return 'skipped';
  await db.record.run(outcome);
  return outcome.status === 'SENT' ? 'sent' : outcome.status === 'FAILED' ? 'failed' : 'retry';
}

async function claimAndSend(claim: Batcher<string, ClaimedMail | null>, transport: MailTransport, id: string): Promise<Outcome | null> {
  const mail = await claim.run(id);
  if (!mail || mail.blocked) return null;
  try {
    const response = await transport.send({
      from: mail.from_address,
      fromName: mail.from_name,
      replyTo: mail.reply_to ?? undefined,
      to: mail.to_addresses,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      messageId: mail.message_id,
      headers: mail.headers ?? undefined,
    });
    return { id, status: 'SENT', response: response.slice(0, 1000), error: null };
  } catch (err) {
    const code = Number((err as { responseCode?: number }).responseCode);
    const permanent = code >= 500 && code < 600;
    return { id, status: permanent ? 'FAILED' : 'QUEUED', response: null, error: String((err as Error).message ?? err).slice(0, 1000) };
  }
}

/** Rows a stopped worker left SENDING longer than `staleMs`: marked UNCERTAIN (returns how many). */
export async function markStaleSending(ds: DataSource, staleMs: number): Promise<number> {
  const [, count] = await ds.query(
    `UPDATE outbox_mails SET status = 'UNCERTAIN', last_error = 'The worker stopped while sending; check before sending again.', updated_at = now()
     WHERE status = 'SENDING' AND updated_at < now() - ($1 || ' milliseconds')::interval`,
    [String(staleMs)],
  );
  return count;
}

/** Queued mails older than `ageMs` (their job may have been lost with Redis): to enqueue again. */
export async function queuedMailIds(ds: DataSource, ageMs: number, limit = 1000): Promise<string[]> {
  const rows: Array<{ id: string }> = await ds.query(
    `SELECT id FROM outbox_mails WHERE status = 'QUEUED' AND updated_at < now() - ($1 || ' milliseconds')::interval ORDER BY created_at LIMIT $2`,
    [String(ageMs), limit],
  );
  return rows.map((r) => r.id);
}
