import { ALLOW_PRIVATE_TARGETS, allowPrivateTargets, checkTarget, enqueue, redeliver, TargetRefused, User, Webhook, type Queues } from '@crm/db';
import { JOBS } from '@crm/shared';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { badFields, notFound } from '../../graphql/errors';
import { recordAudit } from '../audit/audit';
import type { Logger } from '../../logger';
import type { WebhookDeliveryFilter } from './webhook.types';

const FIELD_CODES: Record<TargetRefused['reason'], string> = {
  WEBHOOK_URL_INVALID: 'WEBHOOK_URL_INVALID',
  WEBHOOK_PRIVATE_TARGET: 'WEBHOOK_PRIVATE_TARGET',
  WEBHOOK_HOST_UNKNOWN: 'WEBHOOK_HOST_UNKNOWN',
};

const DELIVERY_COLUMNS = `id::text, webhook_id AS "webhookId", event_type AS event, state, attempts, response_code AS "responseCode", last_error AS "lastError",
  duration_ms AS "durationMs", request_body AS "requestBody", created_at AS "createdAt", last_attempt_at AS "lastAttemptAt"`;

/** Webhooks: admins register URLs for events; the worker delivers them (see @crm/db webhooks). */
export class WebhookService {
  constructor(
    private readonly ds: DataSource,
    private readonly queues: Queues,
    private readonly logger: Logger,
  ) {}

  list(): Promise<Webhook[]> {
    return this.ds.getRepository(Webhook).find({ order: { createdAt: 'ASC' } });
  }

  private async checkUrl(url: string): Promise<string> {
    try {
      return (await checkTarget(url.trim(), await allowPrivateTargets(this.ds.manager))).toString();
    } catch (err) {
      if (err instanceof TargetRefused) throw badFields(err.message, { url: { code: FIELD_CODES[err.reason], text: err.message } });
      throw err;
    }
  }

  async create(actor: User, input: { url: string; events: string[] }): Promise<{ webhook: Webhook; secret: string }> {
    const url = await this.checkUrl(input.url);
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const webhook = await this.ds.transaction(async (em) => {
      const saved = await em.getRepository(Webhook).save({ url, events: [...new Set(input.events)], secret, createdById: actor.id });
      await recordAudit(em, [{ actorId: actor.id, action: 'create', entity: 'webhook', entityId: saved.id, changes: { url: [null, url], events: [null, saved.events] } }]);
      return saved;
    });
    return { webhook: await this.get(webhook.id), secret };
  }

  async get(id: string): Promise<Webhook> {
    const hook = await this.ds.getRepository(Webhook).findOneBy({ id });
    if (!hook) throw notFound('Webhook');
    return hook;
  }

  /** Changes the address or events; turning a hook on again clears why it was turned off. */
  async update(actor: User, id: string, input: { url?: string; events?: string[]; active?: boolean }): Promise<Webhook> {
    const before = await this.get(id);
    const url = input.url !== undefined ? await this.checkUrl(input.url) : before.url;
    await this.ds.transaction(async (em) => {
      const changes: Record<string, [unknown, unknown]> = {};
      const set: Partial<Webhook> = {};
      if (url !== before.url) (set.url = url), (changes.url = [before.url, url]);
      if (input.events) (set.events = [...new Set(input.events)]), (changes.events = [before.events, set.events]);
      if (input.active !== undefined && input.active !== before.active) {
        set.active = input.active;
        changes.active = [before.active, input.active];
        if (input.active) (set.disabledAt = null), (set.disabledReason = null);
      }
      if (!Object.keys(set).length) return;
      await em.getRepository(Webhook).update(id, set);
      await recordAudit(em, [{ actorId: actor.id, action: 'update', entity: 'webhook', entityId: id, changes }]);
    });
    return this.get(id);
  }

  async delete(actor: User, id: string): Promise<boolean> {
    await this.get(id);
    await this.ds.transaction(async (em) => {
      await em.getRepository(Webhook).delete(id);
      await recordAudit(em, [{ actorId: actor.id, action: 'delete', entity: 'webhook', entityId: id }]);
    });
    return true;
  }

  /** A hook's deliveries, newest first, found by words in the body, event or error, or by response code. */
  async deliveries(webhookId: string, filter: WebhookDeliveryFilter, before: string | null, limit: number) {
    await this.get(webhookId);
    const params: unknown[] = [webhookId];
    const where = ['webhook_id = $1'];
    if (before) where.push(`id < $${params.push(before)}`);
    if (filter.state) where.push(`state = $${params.push(filter.state)}`);
    const text = filter.text?.trim();
    if (text) {
      const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const n = params.push(like);
      const code = /^\d{3}$/.test(text) ? ` OR response_code = $${params.push(Number(text))}` : '';
      where.push(`(request_body ILIKE $${n} OR event_type ILIKE $${n} OR last_error ILIKE $${n}${code})`);
    }
    params.push(limit);
    return this.ds.query(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT $${params.length}`, params);
  }

  /** Sends a delivery again as a new delivery (the log keeps both). */
  async redeliver(actor: User, deliveryId: string) {
    if (!/^\d{1,18}$/.test(deliveryId)) throw notFound('Delivery');
    const id = await this.ds.transaction(async (em) => {
      const newId = await redeliver(em, deliveryId);
      if (!newId) throw notFound('Delivery');
      const [{ webhook_id }] = await em.query(`SELECT webhook_id FROM webhook_deliveries WHERE id = $1`, [newId]);
      await recordAudit(em, [{ actorId: actor.id, action: 'redeliver', entity: 'webhook', entityId: webhook_id, changes: { delivery: [deliveryId, newId] } }]);
      return newId;
    });
    // Without Redis the worker's sweep sends it later: the delivery is already in PostgreSQL.
    await enqueue(this.queues, JOBS.deliverWebhook, { deliveryId: id }, { jobId: `webhook-delivery:${id}` }).catch((err) =>
      this.logger.warn({ err, deliveryId: id }, 'could not enqueue a webhook delivery; the sweep will'),
    );
    const [row] = await this.ds.query(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE id = $1`, [id]);
    return row;
  }

  async settings() {
    return { allowPrivateTargets: await allowPrivateTargets(this.ds.manager) };
  }

  async setSettings(actor: User, allowPrivate: boolean) {
    await this.ds.transaction(async (em) => {
      const before = await allowPrivateTargets(em);
      await em.query(`INSERT INTO app_settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [ALLOW_PRIVATE_TARGETS, JSON.stringify(allowPrivate)]);
      if (before !== allowPrivate) await recordAudit(em, [{ actorId: actor.id, action: 'update', entity: 'setting', entityId: '00000000-0000-0000-0000-000000000000', changes: { allowPrivateTargets: [before, allowPrivate] } }]);
    });
    return this.settings();
  }
}
