import { attemptWebhookDelivery, disableWebhook, dispatchWebhookEvents, enqueue, queueMails, stalledDeliveryIds } from '@crm/db';
import { JOBS, type JobPayload } from '@crm/shared';
import type { EntityManager } from 'typeorm';
import type { JobContext, JobHandler } from './types';

/** Retry policy of webhook deliveries (tests give small delays; production uses JOBS.deliverWebhook's). */
export interface WebhookOptions {
  attempts: number;
  backoffMs: number;
  timeoutMs: number;
}
export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = { attempts: JOBS.deliverWebhook.attempts, backoffMs: JOBS.deliverWebhook.backoffMs, timeoutMs: 10_000 };

export class WebhookRetry extends Error {}

function enqueueDelivery(ctx: JobContext, deliveryId: string) {
  const { attempts, backoffMs } = ctx.webhooks ?? DEFAULT_WEBHOOK_OPTIONS;
  // One job per delivery: a sweep finding it still waiting adds nothing.
  return enqueue(ctx.queues, JOBS.deliverWebhook, { deliveryId }, { jobId: `webhook-delivery:${deliveryId}`, attempts, backoff: { type: 'exponential', delay: backoffMs } });
}

/**
 * JOBS.dispatchWebhookEvents: new events become deliveries (PostgreSQL first), then each gets its
 * Bull job. Deliveries whose job was lost (Redis flushed before it ran) are enqueued again.
 */
export const dispatchWebhookEventsJob: JobHandler<JobPayload<'dispatchWebhookEvents'>, { dispatched: number; requeued: number }> = async (_job, ctx) => {
  let dispatched = 0;
  for (;;) {
    const ids = await dispatchWebhookEvents(ctx.dataSource);
    for (const id of ids) await enqueueDelivery(ctx, id);
    dispatched += ids.length;
    if (ids.length === 0) break;
  }
  const stalled = await stalledDeliveryIds(ctx.dataSource, 30 * 60 * 1000);
  for (const id of stalled) await enqueueDelivery(ctx, id);
  if (dispatched || stalled.length) ctx.logger.info({ dispatched, requeued: stalled.length }, 'webhook events dispatched');
  return { dispatched, requeued: stalled.length };
};

/** Tells every active admin (by mail) that a hook was turned off, and why. */
async function noticeToAdmins(em: EntityManager, ctx: JobContext, webhookId: string, url: string, reason: string): Promise<string[]> {
  const admins: Array<{ id: string; email: string }> = await em.query(`SELECT id, email FROM users WHERE role = 'ADMIN' AND active AND NOT service`);
  const from = ctx.engine.mailFrom ?? `no-reply@${ctx.engine.messageDomain}`;
  const subject = 'A webhook was turned off';
  const text = `The webhook to ${url} was turned off: ${reason}\n\nCheck the receiver, then turn the webhook on again under Settings › Webhooks; its delivery log shows each attempt, and any delivery can be sent again.`;
  const html = `<p>The webhook to <b>${escapeHtml(url)}</b> was turned off: ${escapeHtml(reason)}</p><p>Check the receiver, then turn the webhook on again under Settings › Webhooks; its delivery log shows each attempt, and any delivery can be sent again.</p>`;
  const rows = await queueMails(
    em,
    admins.map((a) => ({
      idempotencyKey: `webhook-disabled:${webhookId}:${a.id}:${Date.now()}`,
      cardId: null,
      clientId: null,
      templateId: null,
      fromAddress: from,
      fromName: 'CRM',
      to: [a.email],
      subject,
      html,
      text,
      createdById: null,
      messageDomain: ctx.engine.messageDomain,
      history: false,
    })),
  );
  return rows.filter((r) => r.created).map((r) => r.id);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * JOBS.deliverWebhook: one attempt. A failure throws, so Bull retries with exponential backoff; the
 * last failure fails the delivery, turns the hook off and tells the admins. A refused target
 * (private address) fails at once.
 */
export const deliverWebhookJob: JobHandler<JobPayload<'deliverWebhook'>, { outcome: string }> = async (job, ctx) => {
  const options = ctx.webhooks ?? DEFAULT_WEBHOOK_OPTIONS;
  const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  const result = await attemptWebhookDelivery(ctx.dataSource, job.data.deliveryId, { last, timeoutMs: options.timeoutMs });
  ctx.logger.info({ deliveryId: job.data.deliveryId, attempt: job.attemptsMade + 1, outcome: result.outcome }, 'webhook delivery');
  if (result.outcome === 'retry' && !last) throw new WebhookRetry(result.error);
  if (result.outcome === 'retry' && last) {
    const mails = await ctx.dataSource.transaction(async (em) => {
      const [hook] = await em.query(`SELECT w.id, w.url FROM webhooks w JOIN webhook_deliveries d ON d.webhook_id = w.id WHERE d.id = $1`, [job.data.deliveryId]);
      if (!hook) return [];
      const reason = `a delivery failed ${job.attemptsMade + 1} times over the retry window (last: ${result.error})`;
      return (await disableWebhook(em, hook.id, reason)) ? noticeToAdmins(em, ctx, hook.id, hook.url, reason) : [];
    });
    for (const outboxId of mails) await enqueue(ctx.queues, JOBS.deliverMail, { outboxId }, { jobId: `mail:${outboxId}` });
  }
  return { outcome: result.outcome };
};
