import http from 'node:http';
import https from 'node:https';
import type { DataSource, EntityManager } from 'typeorm';
import { ALLOW_PRIVATE_TARGETS, DELETE_EVENTS } from './events';
import { signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature';
import { checkTarget, guardedLookup, TargetRefused } from './target';

/** Whether hooks may reach private and loopback addresses (the admin setting; off by default). */
export async function allowPrivateTargets(em: EntityManager): Promise<boolean> {
  const [row] = await em.query(`SELECT value FROM app_settings WHERE key = $1`, [ALLOW_PRIVATE_TARGETS]);
  return row?.value === true;
}

/** The body of one event: what the hook receives, the same bytes on every attempt. */
async function bodyOf(em: EntityManager, event: { id: string; type: string; entity: string; entity_id: string; data: Record<string, any>; at: Date }): Promise<string> {
  const data: Record<string, unknown> = { ...event.data };
  const cardId = event.entity === 'card' ? event.entity_id : (event.data.cardId ?? null);
  const clientId = event.entity === 'client' ? event.entity_id : (event.data.clientId ?? null);
  if (cardId) {
    const [card] = await em.query(
      `SELECT c.id, c.pipeline_id AS "pipelineId", c.status_id AS "statusId", s.name AS "statusName", s.kind AS "statusKind", c.owner_id AS "ownerId",
         c.value::float8 AS value, c.currency, c.client_id AS "clientId", c.created_at AS "createdAt"
       FROM cards c JOIN statuses s ON s.id = c.status_id WHERE c.id = $1`,
      [cardId],
    );
    if (card) data.card = card;
  }
  if (clientId && !DELETE_EVENTS.has(event.type)) {
    const [client] = await em.query(`SELECT id, name, type, emails, phones, owner_id AS "ownerId" FROM clients WHERE id = $1`, [clientId]);
    if (client) data.client = client;
  }
  if (event.entity === 'todo') {
    const [todo] = await em.query(`SELECT id, title, card_id AS "cardId", assignee_id AS "assigneeId", deadline, done_at AS "doneAt" FROM todos WHERE id = $1`, [event.entity_id]);
    if (todo) data.todo = todo;
  }
  if (event.entity === 'email') {
    const [mail] = await em.query(`SELECT id, subject, from_address AS "from", received_at AS "receivedAt" FROM inbound_mails WHERE id = $1`, [event.entity_id]);
    if (mail) data.mail = mail;
  }
  return JSON.stringify({ id: `evt_${event.id}`, type: event.type, occurredAt: new Date(event.at).toISOString(), data });
}

/**
 * Turns new events into deliveries, one per active hook listening to each, in one transaction
 * (rows locked with SKIP LOCKED, so several workers share the work). Returns the new delivery ids.
 */
export async function dispatchWebhookEvents(ds: DataSource, batch = 500): Promise<string[]> {
  return ds.transaction(async (em) => {
    const events: Array<{ id: string; type: string; entity: string; entity_id: string; data: Record<string, any>; at: Date }> = await em.query(
      `SELECT id, type, entity, entity_id, data, at FROM integration_events WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [batch],
    );
    if (!events.length) return [];
    const hooks: Array<{ id: string; events: string[] }> = await em.query(`SELECT id, events FROM webhooks WHERE active`);
    const ids: string[] = [];
    for (const event of events) {
      const listeners = hooks.filter((h) => h.events.includes(event.type));
      if (!listeners.length) continue;
      const body = await bodyOf(em, event);
      const rows: Array<{ id: string }> = await em.query(
        `INSERT INTO webhook_deliveries (webhook_id, event_id, event_type, request_body) SELECT unnest($1::uuid[]), $2, $3, $4 RETURNING id`,
        [listeners.map((h) => h.id), event.id, event.type, body],
      );
      ids.push(...rows.map((r) => String(r.id)));
    }
    await em.query(`UPDATE integration_events SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [events.map((e) => e.id)]);
    return ids;
  });
}

/** Deliveries still pending with no attempt for a while: their Bull job may be lost (Redis flushed). */
export async function stalledDeliveryIds(ds: DataSource, idleMs: number, limit = 1000): Promise<string[]> {
  const rows: Array<{ id: string }> = await ds.query(
    `SELECT id FROM webhook_deliveries WHERE state = 'PENDING' AND coalesce(last_attempt_at, created_at) < now() - make_interval(secs => $1) ORDER BY id LIMIT $2`,
    [idleMs / 1000, limit],
  );
  return rows.map((r) => String(r.id));
}

export type WebhookAttempt =
  | { outcome: 'delivered'; status: number }
  | { outcome: 'retry'; status: number | null; error: string }
  | { outcome: 'refused'; error: string }
  | { outcome: 'skipped'; why: string };

export interface SendOptions {
  timeoutMs?: number;
  /** This attempt is the last one: a failure now fails the delivery. */
  last: boolean;
}

/** Whether the event's item is in the trash now (then nothing but its deletion is sent). */
async function trashed(em: EntityManager, eventType: string, body: string): Promise<boolean> {
  if (DELETE_EVENTS.has(eventType)) return false;
  const { data } = JSON.parse(body) as { data: { card?: { id: string }; cardId?: string; clientId?: string; client?: { id: string } } };
  const cardId = data.card?.id ?? data.cardId ?? null;
  const clientId = data.client?.id ?? data.clientId ?? null;
  const [row] = await em.query(
    `SELECT EXISTS (SELECT 1 FROM cards WHERE id = $1 AND deleted_at IS NOT NULL) OR EXISTS (SELECT 1 FROM clients WHERE id = $2 AND deleted_at IS NOT NULL) AS gone`,
    [cardId, clientId],
  );
  return row.gone === true;
}

function post(url: URL, body: string, headers: Record<string, string>, allowPrivate: boolean, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body).toString() }, lookup: guardedLookup(allowPrivate), timeout: timeoutMs },
      (res) => {
        res.resume(); // the body is not kept: only the status counts
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * One attempt of one delivery: checks the hook, the trash rule and the target (DNS resolved and
 * checked now, and again by the socket's lookup), signs `timestamp.body` and posts it. Redirects
 * are not followed. Records the attempt on the delivery; a failure on the last attempt fails it.
 */
export async function attemptWebhookDelivery(ds: DataSource, deliveryId: string, options: SendOptions): Promise<WebhookAttempt> {
  const [row] = await ds.query(
    `SELECT d.id, d.state, d.event_type, d.request_body, w.id AS webhook_id, w.url, w.secret, w.active
     FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE d.id = $1`,
    [deliveryId],
  );
  if (!row || row.state !== 'PENDING') return { outcome: 'skipped', why: 'not pending' };
  if (!row.active) {
    await ds.query(`UPDATE webhook_deliveries SET state = 'CANCELLED', last_error = 'The webhook is turned off.' WHERE id = $1`, [deliveryId]);
    return { outcome: 'skipped', why: 'hook off' };
  }
  if (await trashed(ds.manager, row.event_type, row.request_body)) {
    await ds.query(`UPDATE webhook_deliveries SET state = 'SKIPPED', last_error = 'The item is in the trash.' WHERE id = $1`, [deliveryId]);
    return { outcome: 'skipped', why: 'trashed' };
  }
  const allowPrivate = await allowPrivateTargets(ds.manager);
  const started = Date.now();
  let status: number | null = null;
  let error: string | null = null;
  let refused = false;
  try {
    const url = await checkTarget(row.url, allowPrivate);
    const timestamp = Math.floor(Date.now() / 1000);
    status = await post(
      url,
      row.request_body,
      {
        'content-type': 'application/json',
        'user-agent': 'CRM-Webhooks/1',
        'X-CRM-Event': row.event_type,
        'X-CRM-Delivery': String(row.id),
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(row.secret, timestamp, row.request_body),
      },
      allowPrivate,
      options.timeoutMs ?? 10_000,
    );
    if (status < 200 || status >= 300) error = `The receiver answered ${status}.`;
  } catch (err) {
    refused = err instanceof TargetRefused || (err as { cause?: unknown })?.cause instanceof TargetRefused;
    error = (err as Error).message.slice(0, 400);
  }
  const ok = error === null;
  const state = ok ? 'DELIVERED' : refused || options.last ? 'FAILED' : 'PENDING';
  await ds.query(
    `UPDATE webhook_deliveries SET attempts = attempts + 1, last_attempt_at = now(), response_code = $2, last_error = $3, duration_ms = $4, state = $5 WHERE id = $1`,
    [deliveryId, status, error, Date.now() - started, state],
  );
  if (ok) return { outcome: 'delivered', status: status! };
  if (refused) return { outcome: 'refused', error: error! };
  return { outcome: 'retry', status, error: error! };
}

/**
 * Turns a hook off after a delivery failed for the whole retry window; returns true when this call
 * turned it off (so the admins are told once).
 */
export async function disableWebhook(em: EntityManager, webhookId: string, reason: string): Promise<boolean> {
  const rows: Array<{ id: string }> = await em.query(
    `UPDATE webhooks SET active = false, disabled_at = now(), disabled_reason = $2, updated_at = now() WHERE id = $1 AND active RETURNING id`,
    [webhookId, reason.slice(0, 400)],
  );
  return rows.length > 0;
}

/** A new delivery of the same body to the same hook (the log keeps the old one); null when there is none. */
export async function redeliver(em: EntityManager, deliveryId: string): Promise<string | null> {
  const rows: Array<{ id: string }> = await em.query(
    `INSERT INTO webhook_deliveries (webhook_id, event_id, event_type, request_body)
     SELECT webhook_id, event_id, event_type, request_body FROM webhook_deliveries WHERE id = $1 RETURNING id`,
    [deliveryId],
  );
  return rows[0] ? String(rows[0].id) : null;
}
