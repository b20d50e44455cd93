// Webhook deliveries end to end in the worker: a real HTTP receiver on this machine, real
// PostgreSQL and Redis, Bull's exponential backoff with test-sized delays (no sleeps).
import { redeliver, verifyWebhook } from '@crm/db';
import { createTestDatabase, type TestDatabase } from '@crm/db/testing';
import { JOBS } from '@crm/shared';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { enqueue } from '@crm/db';
import { startWorker, type Worker } from '../worker';
import { deletePrefix, silentLogger, testRedisUrl, uniquePrefix } from '../test/helpers';

interface Received {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** A receiver answering each request with the next status of `answers` (then the last one again). */
async function receiver(answers: number[]) {
  const got: Received[] = [];
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const status = answers[Math.min(got.length, answers.length - 1)];
      got.push({ status, body, headers: req.headers });
      res.writeHead(status).end();
      for (const w of waiters.filter((w) => got.length >= w.n)) w.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    got,
    /** Resolves once `n` requests arrived. */
    requests: (n: number) => new Promise<void>((resolve) => (got.length >= n ? resolve() : waiters.push({ n, resolve }))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('webhook delivery jobs', () => {
  const redisUrl = testRedisUrl();
  let db: TestDatabase;
  let worker: Worker;
  let prefix: string;
  let ids: { admin: string; card: string; client: string; won: string; open: string };

  beforeEach(async () => {
    db = await createTestDatabase();
    prefix = uniquePrefix('webhooks');
    const q = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params).then((rows: any[]) => rows[0]);
    const admin = await q(`INSERT INTO users (email, name, password_hash, role) VALUES ('boss@example.com', 'Boss', '!', 'ADMIN') RETURNING id`);
    const pipeline = await q(`INSERT INTO pipelines (name) VALUES ('Sales') RETURNING id`);
    const open = await q(`INSERT INTO statuses (pipeline_id, name) VALUES ($1, 'Lead') RETURNING id`, [pipeline.id]);
    const won = await q(`INSERT INTO statuses (pipeline_id, name, kind, position) VALUES ($1, 'Won', 'WON', 1) RETURNING id`, [pipeline.id]);
    const client = await q(`INSERT INTO clients (name, emails) VALUES ('Acme', '{info@acme.example}') RETURNING id`);
    const card = await q(`INSERT INTO cards (client_id, pipeline_id, status_id, position) VALUES ($1, $2, $3, 'a') RETURNING id`, [client.id, pipeline.id, open.id]);
    ids = { admin: admin.id, card: card.id, client: client.id, won: won.id, open: open.id };
    // Tests run the receiver on loopback: allowed by the admin setting (the SSRF test turns it off).
    await db.dataSource.query(`INSERT INTO app_settings (key, value) VALUES ('webhooks.allowPrivateTargets', 'true')`);
    worker = await startWorker({
      redisUrl, dataSource: db.dataSource, logger: silentLogger, prefix, schedules: [],
      webhooks: { attempts: 3, backoffMs: 20, timeoutMs: 2_000 },
      engine: { timeZone: 'Europe/Budapest', messageDomain: 'crm.test', mailFrom: 'crm@crm.test' },
    });
  });
  afterEach(async () => {
    await worker.close();
    await deletePrefix(redisUrl, prefix);
    await db.drop();
  });

  const hook = async (url: string, events = ['card.moved', 'card.won']) =>
    (await db.dataSource.query(`INSERT INTO webhooks (url, events, secret) VALUES ($1, $2, 'whsec_test') RETURNING id`, [url, events]))[0].id as string;
  /** The card moves to Won as a service would: the audit row, in a transaction with the change. */
  const moveToWon = () =>
    db.dataSource.transaction(async (em) => {
      await em.query(`UPDATE cards SET status_id = $1 WHERE id = $2`, [ids.won, ids.card]);
      await em.query(`INSERT INTO audit_log (actor_id, action, entity, entity_id, card_id, client_id, changes) VALUES ($1, 'move', 'card', $2, $2, $3, $4)`, [
        ids.admin, ids.card, ids.client, { statusId: [ids.open, ids.won] },
      ]);
    });
  const dispatch = async () => (await enqueue(worker.queues, JOBS.dispatchWebhookEvents, {})).finished();
  const deliveries = (webhookId: string) => db.dataSource.query(`SELECT id::text, event_type, state, attempts, response_code FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY id`, [webhookId]);
  const jobDone = (deliveryId: string) =>
    new Promise<void>((resolve) => {
      const queue = worker.queues[JOBS.deliverWebhook.queue];
      const check = async () => {
        const state = await (await queue.getJob(`webhook-delivery:${deliveryId}`))?.getState();
        if (state === 'completed' || state === 'failed') resolve();
      };
      queue.on('global:completed', check).on('global:failed', check);
      queue.on('completed', check).on('failed', check);
      void check();
    });

  it('retries a receiver that fails twice: the event arrives once, acknowledged, with a valid signature', async () => {
    const rx = await receiver([500, 503, 200]);
    try {
      const webhookId = await hook(rx.url);
      const onlyWon = await hook(`${rx.url}?only=won`, ['card.won']);
      await db.dataSource.query(`UPDATE webhooks SET active = false WHERE id = $1`, [webhookId]);
      await moveToWon();
      await dispatch();
      // The hook turned off before the change got nothing; the other one its event.
      expect(await deliveries(webhookId)).toEqual([]);
      const [delivery] = await deliveries(onlyWon);
      await jobDone(delivery.id);

      expect(rx.got.map((r) => r.status)).toEqual([500, 503, 200]);
      for (const r of rx.got) {
        expect(verifyWebhook('whsec_test', String(r.headers['x-crm-timestamp']), r.body, String(r.headers['x-crm-signature']))).toBe(true);
        expect(verifyWebhook('wrong-secret', String(r.headers['x-crm-timestamp']), r.body, String(r.headers['x-crm-signature']))).toBe(false);
      }
      // The same bytes on every attempt: one event, acknowledged once.
      expect(new Set(rx.got.map((r) => r.body)).size).toBe(1);
      expect(rx.got[2].headers['x-crm-event']).toBe('card.won');
      expect(JSON.parse(rx.got[2].body)).toMatchObject({
        type: 'card.won',
        data: { card: { id: ids.card, statusId: ids.won, statusKind: 'WON' }, client: { id: ids.client, name: 'Acme' }, actor: { name: 'Boss' }, changes: { statusId: [ids.open, ids.won] } },
      });
      expect(await deliveries(onlyWon)).toEqual([expect.objectContaining({ event_type: 'card.won', state: 'DELIVERED', attempts: 3, response_code: 200 })]);
    } finally {
      await rx.close();
    }
  });

  it('turns a hook off and tells the admins when the receiver is down for the whole retry window', async () => {
    const rx = await receiver([503]);
    try {
      const webhookId = await hook(rx.url, ['card.won']);
      await moveToWon();
      await dispatch();
      const [delivery] = await deliveries(webhookId);
      await jobDone(delivery.id);
      expect(rx.got).toHaveLength(3);
      expect(await deliveries(webhookId)).toEqual([expect.objectContaining({ state: 'FAILED', attempts: 3, response_code: 503 })]);
      const [webhook] = await db.dataSource.query(`SELECT active, disabled_reason, disabled_at FROM webhooks WHERE id = $1`, [webhookId]);
      expect(webhook.active).toBe(false);
      expect(webhook.disabled_reason).toMatch(/failed 3 times/);
      const notices = await db.dataSource.query(`SELECT to_addresses, subject, text FROM outbox_mails`);
      expect(notices).toEqual([expect.objectContaining({ to_addresses: ['boss@example.com'], subject: 'A webhook was turned off' })]);
      expect(notices[0].text).toContain(rx.url);
      // A turned-off hook gets no new events.
      await moveToWon();
      expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM integration_events WHERE dispatched_at IS NULL`)).toEqual([{ n: 0 }]);
    } finally {
      await rx.close();
    }
  });

  it('sends a delivery from the log again, the same body signed anew', async () => {
    const rx = await receiver([200]);
    try {
      const webhookId = await hook(rx.url, ['card.won']);
      await moveToWon();
      await dispatch();
      const [first] = await deliveries(webhookId);
      await jobDone(first.id);
      const again = await db.dataSource.transaction((em) => redeliver(em, first.id));
      await enqueue(worker.queues, JOBS.deliverWebhook, { deliveryId: again! }, { jobId: `webhook-delivery:${again}` });
      await rx.requests(2);
      await jobDone(again!);
      expect(rx.got.map((r) => r.body)).toEqual([rx.got[0].body, rx.got[0].body]);
      expect(await deliveries(webhookId)).toEqual([expect.objectContaining({ id: first.id, state: 'DELIVERED' }), expect.objectContaining({ id: again, state: 'DELIVERED' })]);
    } finally {
      await rx.close();
    }
  });

  it('refuses a loopback target at send time unless the admin setting allows it, without retrying', async () => {
    const rx = await receiver([200]);
    try {
      const webhookId = await hook(rx.url, ['card.won']);
      await db.dataSource.query(`UPDATE app_settings SET value = 'false' WHERE key = 'webhooks.allowPrivateTargets'`);
      await moveToWon();
      await dispatch();
      const [delivery] = await deliveries(webhookId);
      await jobDone(delivery.id);
      expect(rx.got).toHaveLength(0);
      const [row] = await db.dataSource.query(`SELECT state, attempts, last_error FROM webhook_deliveries WHERE id = $1`, [delivery.id]);
      expect(row).toEqual({ state: 'FAILED', attempts: 1, last_error: expect.stringMatching(/private or loopback/) });
    } finally {
      await rx.close();
    }
  });

  it('sends nothing about an item in the trash but its deletion', async () => {
    const rx = await receiver([200]);
    try {
      const webhookId = await hook(rx.url, ['card.won', 'client.deleted']);
      await moveToWon();
      await db.dataSource.transaction(async (em) => {
        await em.query(`UPDATE clients SET deleted_at = now() WHERE id = $1`, [ids.client]);
        await em.query(`UPDATE cards SET deleted_at = now() WHERE id = $1`, [ids.card]);
        await em.query(`INSERT INTO audit_log (actor_id, action, entity, entity_id, client_id) VALUES ($1, 'delete', 'client', $2, $2)`, [ids.admin, ids.client]);
      });
      await dispatch();
      const [won, deleted] = await deliveries(webhookId);
      await Promise.all([jobDone(won.id), jobDone(deleted.id)]);
      expect(rx.got.map((r) => JSON.parse(r.body).type)).toEqual(['client.deleted']);
      expect(JSON.parse(rx.got[0].body).data).not.toHaveProperty('client');
      expect((await deliveries(webhookId)).map((d: any) => d.state)).toEqual(['SKIPPED', 'DELIVERED']);
    } finally {
      await rx.close();
    }
  });
});
