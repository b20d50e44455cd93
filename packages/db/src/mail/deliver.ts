import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { DataSource } from 'typeorm';
import { DomainLimiter } from './domain-limit';

export interface MailTransport {
  /** Sends one message; resolves with the server's answer. Errors carry `responseCode` for SMTP replies. */
  send(message: { from: string; replyTo?: string; to: string[]; subject: string; html: string; text: string; messageId: string; headers?: Record<string, string> }): Promise<string>;
  close(): void;
  /** Limits sends at once per recipient domain (SMTP only); deliverOutboxMail waits for a slot before it claims a mail. */
  limiter?: DomainLimiter;
}

export interface SmtpPoolOptions {
  /** SMTP connections kept open at once (nodemailer's pool). */
  maxConnections: number;
  /** Messages sent over one connection before it is replaced. */
  maxMessages: number;
  /** Sends at once to one recipient domain. */
  maxPerDomain: number;
}

export const DEFAULT_SMTP_POOL: SmtpPoolOptions = { maxConnections: 8, maxMessages: 100, maxPerDomain: 4 };

/** The .eml file a message is written to without SMTP (purging deletes it with the rest). */
export function emlFile(mailDir: string, messageId: string): string {
  return path.join(mailDir, `${messageId.replace(/[<>]/g, '').replace(/[^\w.@-]/g, '_')}.eml`);
}

/**
 * SMTP when SMTP_URL is set (smtp://user:pass@host:587, smtps:// for TLS), over a pool of open
 * connections, at most `maxPerDomain` sends at once per recipient domain; otherwise each message
 * is written as an .eml file into a folder, so nothing is lost in a demo.
 */
export function createMailTransport(smtpUrl: string | null, mailDir: string, pool: SmtpPoolOptions = DEFAULT_SMTP_POOL): MailTransport {
  if (smtpUrl) {
    // Settings in the URL's query (?maxConnections=...) win over these, as nodemailer merges them.
    const transporter = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: pool.maxConnections, maxMessages: pool.maxMessages });
    return {
      async send(m) {
        const info = await transporter.sendMail({ from: m.from, replyTo: m.replyTo, to: m.to, subject: m.subject, html: m.html, text: m.text, messageId: m.messageId, headers: m.headers });
        return String(info.response ?? '');
      },
      close: () => transporter.close(),
      limiter: new DomainLimiter(pool.maxPerDomain),
    };
  }
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(m) {
      const info = await transporter.sendMail({ from: m.from, replyTo: m.replyTo, to: m.to, subject: m.subject, html: m.html, text: m.text, messageId: m.messageId, headers: m.headers });
      mkdirSync(mailDir, { recursive: true });
      const file = emlFile(mailDir, m.messageId);
      writeFileSync(file, info.message as Buffer);
      return `written to ${path.basename(file)}`;
    },
    close: () => undefined,
  };
}

export type DeliveryResult = 'sent' | 'retry' | 'failed' | 'skipped';

/**
 * Delivers one outbox mail at most once: the row is claimed (QUEUED -> SENDING) in its own
 * transaction before the SMTP conversation, and recorded after it. A temporary SMTP error (4xx,
 * connection trouble) puts it back to QUEUED for a retry; a permanent one (5xx) marks it FAILED.
 * A row found SENDING was being sent when a worker stopped: it is marked UNCERTAIN, never resent.
 */
export async function deliverOutboxMail(ds: DataSource, transport: MailTransport, id: string): Promise<DeliveryResult> {
  if (!transport.limiter) return claimAndSend(ds, transport, id);
  // The recipients' domains are read before the claim, so that a mail waiting for its domain's
  // turn stays QUEUED (a worker stopping meanwhile leaves it to be sent, not UNCERTAIN).
  const [peek]: Array<{ to_addresses: string[] }> = await ds.query(`SELECT to_addresses FROM outbox_mails WHERE id = $1 AND status = 'QUEUED'`, [id]);
  if (!peek) return 'skipped';
  return transport.limiter.run(DomainLimiter.domainsOf(peek.to_addresses), () => claimAndSend(ds, transport, id));
}

async function claimAndSend(ds: DataSource, transport: MailTransport, id: string): Promise<DeliveryResult> {
  // Someone who asked to receive nothing at all gets nothing (leaving a campaign list alone does
  // not stop this mail): read in the claim's statement, one round trip less per mail.
  const [claimed]: [Array<Record<string, any>>, number] = await ds.query(
    `UPDATE outbox_mails SET status = 'SENDING', attempts = attempts + 1, updated_at = now() WHERE id = $1 AND status = 'QUEUED'
     RETURNING *, EXISTS (SELECT 1 FROM suppressions WHERE scope = 'ALL' AND email IN (SELECT lower(a) FROM unnest(to_addresses) a)) AS blocked`,
    [id],
  );
  const mail = claimed[0];
  if (!mail) return 'skipped';
  if (mail.blocked) {
    await ds.query(`UPDATE outbox_mails SET status = 'CANCELLED', last_error = 'The recipient asked to receive no mail.', updated_at = now() WHERE id = $1`, [id]);
    return 'skipped';
  }
  try {
    const response = await transport.send({
      from: mail.from_name ? `"${mail.from_name.replace(/"/g, "'")}" <${mail.from_address}>` : mail.from_address,
      replyTo: mail.reply_to ?? undefined,
      to: mail.to_addresses,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      messageId: mail.message_id,
      headers: mail.headers ?? undefined,
    });
    await ds.query(`UPDATE outbox_mails SET status = 'SENT', sent_at = now(), smtp_response = $2, last_error = NULL, updated_at = now() WHERE id = $1`, [id, response.slice(0, 1000)]);
    return 'sent';
  } catch (err) {
    const code = Number((err as { responseCode?: number }).responseCode);
    const permanent = code >= 500 && code < 600;
    const message = String((err as Error).message ?? err).slice(0, 1000);
    await ds.query(`UPDATE outbox_mails SET status = $2, last_error = $3, updated_at = now() WHERE id = $1`, [id, permanent ? 'FAILED' : 'QUEUED', message]);
    return permanent ? 'failed' : 'retry';
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
