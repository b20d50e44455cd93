import { createQueues, closeQueues, enqueue, queueMail, type MailTransport } from '@crm/db';
import { createTestDatabase, type TestDatabase } from '@crm/db/testing';
import { JOBS } from '@crm/shared';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { startWorker, type Worker } from '../worker';

/** A transport that records what it sends (the SMTP conversation itself is tested in @crm/db). */
function recordingTransport(failFirst = 0) {
  const sent: string[] = [];
  let failures = failFirst;
  const transport: MailTransport = {
    async send(m) {
      if (failures-- > 0) throw Object.assign(new Error('451 try later'), { responseCode: 451 });
      sent.push(m.messageId);
      return '250 OK';
    },
    close: () => undefined,
  };
  return { sent, transport };
}

describe('mail delivery jobs', () => {
  let db: TestDatabase;
  let worker: Worker | undefined;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await worker?.close();
    await db.drop();
  });

  const queue = (key: string) =>
    db.dataSource.transaction((em) =>
      queueMail(em, { idempotencyKey: key, cardId: null, clientId: null, templateId: null, fromAddress: 'a@example.com', fromName: 'A', to: ['b@example.com'], subject: 's', html: '<p>h</p>', text: 't', createdById: null, messageDomain: 'crm.test' }),
    );

  it('delivers a queued mail once, retrying a temporary failure, even when the job is added twice', async () => {
    const prefix = `test-mail-${randomBytes(4).toString('hex')}`;
    const { sent, transport } = recordingTransport(1);
    const finished: string[] = [];
    const jobs = { deliverMail: { ...JOBS.deliverMail, backoffMs: 10 } };
    worker = await startWorker({ redisUrl: process.env.TEST_REDIS_URL!, dataSource: db.dataSource, logger: pino({ level: 'silent' }), prefix, mail: transport, jobs, schedules: [] });
    const queue1 = worker.queues[JOBS.deliverMail.queue];
    const done = new Promise<void>((resolve) => {
      queue1.on('completed', (job) => {
        finished.push(String(job.id));
        if (finished.length === 2) resolve();
      });
    });
    const { id } = await queue('job-twice');
    const producer = createQueues({ redisUrl: process.env.TEST_REDIS_URL!, prefix });
    await enqueue(producer, jobs.deliverMail, { outboxId: id });
    await enqueue(producer, jobs.deliverMail, { outboxId: id });
    await done;
    await closeQueues(producer);
    expect(sent).toEqual([`<${id}@crm.test>`]);
    const [row] = await db.dataSource.query(`SELECT status, attempts FROM outbox_mails WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'SENT', attempts: 2 });
  });
});
