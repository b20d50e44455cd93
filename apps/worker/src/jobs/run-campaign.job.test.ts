import { createQueues, closeQueues, type MailTransport } from '@crm/db';
import { createTestDatabase, type TestDatabase } from '@crm/db/testing';
import { JOBS } from '@crm/shared';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { startWorker, type Worker } from '../worker';

describe('the campaign job', () => {
  let db: TestDatabase;
  let worker: Worker | undefined;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await worker?.close();
    await db.drop();
  });

  it('prepares a campaign, lets out what the throttle allows, delivers it once, and schedules the next minute', async () => {
    const q = db.dataSource.query.bind(db.dataSource);
    const [user] = await q(`INSERT INTO users (email, name, role, password_hash) VALUES ('m@x.test', 'M', 'MANAGER', 'x') RETURNING id`);
    const [pipeline] = await q(`INSERT INTO pipelines (name) VALUES ('P') RETURNING id`);
    const [template] = await q(`INSERT INTO email_templates (pipeline_id, name, subject, body) VALUES ($1, 'T', 'Hi {{client.name}}', 'Hello') RETURNING id`, [pipeline.id]);
    const [list] = await q(`INSERT INTO distribution_lists (name, kind, channel, created_by_id) VALUES ('L', 'STATIC', 'EMAIL', $1) RETURNING id`, [user.id]);
    for (let i = 0; i < 3; i++) {
      const [client] = await q(`INSERT INTO clients (name, type, emails) VALUES ($1, 'COMPANY', $2) RETURNING id`, [`C${i}`, [`c${i}@same.test`]]);
      await q(`INSERT INTO distribution_list_members (list_id, client_id) VALUES ($1, $2)`, [list.id, client.id]);
    }
    // Two a minute to one domain: two go now, the third a minute later.
    const [campaign] = await q(
      `INSERT INTO campaigns (name, list_id, template_id, from_name, from_address, status, created_by_id, per_minute, per_domain_per_minute) VALUES ('C', $1, $2, 'Us', 'us@x.test', 'SCHEDULED', $3, 10, 2) RETURNING id`,
      [list.id, template.id, user.id],
    );
    const sent: string[] = [];
    const transport: MailTransport = { send: async (m) => (sent.push(m.to[0]), '250 OK'), close: () => undefined };
    const prefix = `test-campaign-${randomBytes(4).toString('hex')}`;
    worker = await startWorker({ redisUrl: process.env.TEST_REDIS_URL!, dataSource: db.dataSource, logger: pino({ level: 'silent' }), prefix, mail: transport, schedules: [] });
    const delivered = new Promise<void>((resolve) => {
      worker!.queues[JOBS.deliverMail.queue].on('completed', () => sent.length === 2 && resolve());
    });
    const producer = createQueues({ redisUrl: process.env.TEST_REDIS_URL!, prefix });
    try {
      await producer[JOBS.runCampaign.queue].add(JOBS.runCampaign.name, { campaignId: campaign.id }, { jobId: 'first' });
      await delivered;
      // The throttle lets out two of the three (which two is not promised), each once.
      expect(sent).toHaveLength(2);
      expect(new Set(sent).size).toBe(2);
      for (const to of sent) expect(['c0@same.test', 'c1@same.test', 'c2@same.test']).toContain(to);
      const delayed = await producer[JOBS.runCampaign.queue].getDelayed();
      expect(delayed.map((j) => j.data)).toEqual([{ campaignId: campaign.id }]);
      const [{ status }] = await q(`SELECT status FROM campaigns WHERE id = $1`, [campaign.id]);
      expect(status).toBe('SENDING');
    } finally {
      await closeQueues(producer, true);
    }
  });

  it("runs at the organisation's saved throttle (Settings › Campaigns), not the campaign's own higher one", async () => {
    const q = db.dataSource.query.bind(db.dataSource);
    const [user] = await q(`INSERT INTO users (email, name, role, password_hash) VALUES ('m@x.test', 'M', 'MANAGER', 'x') RETURNING id`);
    const [pipeline] = await q(`INSERT INTO pipelines (name) VALUES ('P') RETURNING id`);
    const [template] = await q(`INSERT INTO email_templates (pipeline_id, name, subject, body) VALUES ($1, 'T', 'Hi', 'Hello') RETURNING id`, [pipeline.id]);
    const [list] = await q(`INSERT INTO distribution_lists (name, kind, channel, created_by_id) VALUES ('L', 'STATIC', 'EMAIL', $1) RETURNING id`, [user.id]);
    for (let i = 0; i < 4; i++) {
      const [client] = await q(`INSERT INTO clients (name, type, emails) VALUES ($1, 'COMPANY', $2) RETURNING id`, [`C${i}`, [`c${i}@${i < 2 ? 'one' : 'two'}.test`]]);
      await q(`INSERT INTO distribution_list_members (list_id, client_id) VALUES ($1, $2)`, [list.id, client.id]);
    }
    // The campaign was created allowing 600 a minute, 60 per domain; the admin has since saved 1 per domain.
    await q(`INSERT INTO organisation_settings (id, campaign_per_minute, campaign_per_domain_per_minute) VALUES (1, 100, 1)`);
    const [campaign] = await q(
      `INSERT INTO campaigns (name, list_id, template_id, from_name, from_address, status, created_by_id, per_minute, per_domain_per_minute) VALUES ('C', $1, $2, 'Us', 'us@x.test', 'SCHEDULED', $3, 600, 60) RETURNING id`,
      [list.id, template.id, user.id],
    );
    const sent: string[] = [];
    const transport: MailTransport = { send: async (m) => (sent.push(m.to[0]), '250 OK'), close: () => undefined };
    const prefix = `test-campaign-${randomBytes(4).toString('hex')}`;
    worker = await startWorker({ redisUrl: process.env.TEST_REDIS_URL!, dataSource: db.dataSource, logger: pino({ level: 'silent' }), prefix, mail: transport, schedules: [] });
    const delivered = new Promise<void>((resolve) => {
      worker!.queues[JOBS.deliverMail.queue].on('completed', () => sent.length === 2 && resolve());
    });
    const producer = createQueues({ redisUrl: process.env.TEST_REDIS_URL!, prefix });
    try {
      await producer[JOBS.runCampaign.queue].add(JOBS.runCampaign.name, { campaignId: campaign.id }, { jobId: 'first' });
      await delivered;
      // One to each domain this minute; the other two wait for the next step.
      expect(sent.map((to) => to.split('@')[1]).sort()).toEqual(['one.test', 'two.test']);
      const [{ waiting }] = await q(`SELECT count(*)::int AS waiting FROM campaign_recipients WHERE campaign_id = $1 AND released_at IS NULL`, [campaign.id]);
      expect(waiting).toBe(2);
    } finally {
      await closeQueues(producer, true);
    }
  });
});
