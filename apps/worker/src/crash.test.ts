/**
 * The worker is killed (SIGKILL) in the middle of its work and started again: every mail is
 * delivered at most once (and exactly once unless it was mid-send, then it is UNCERTAIN), and every
 * automation step runs exactly once.
 */
import { activateAutomation, Automation, AutomationStep, Card, Client, closeQueues, createQueues, deliveriesAtOnce, DEFAULT_SMTP_POOL, enqueue, markStaleSending, Pipeline, queuedMailIds, queueMail, releaseStaleRuns, Status, TodoTemplate, User } from '@crm/db';
import { createTestDatabase, type TestDatabase } from '@crm/db/testing';
import { JOBS, Role, StepKind } from '@crm/shared';
import type { ChildProcess } from 'node:child_process';
import { startWorkerProcess } from './test/helpers';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SMTPServer } = require('smtp-server');


// Each test starts the worker process twice.
jest.setTimeout(120_000);


const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

/** Resolves when `check` holds, asking again after each of the given events or every 100 ms; fails after `ms`. */
async function until(check: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a worker killed mid-run', () => {
  let db: TestDatabase;
  let worker: ChildProcess | null = null;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    if (worker && worker.exitCode === null) {
      worker.kill('SIGKILL');
      await exited(worker);
    }
  });
  afterAll(() => db.drop());

  it('delivers every mail at most once, and all of them but those it was sending at the moment it died', async () => {
    const received = new Map<string, number>();
    const sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream: NodeJS.ReadableStream, _session: unknown, callback: () => void) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString()));
        stream.on('end', () => {
          const id = /^Message-ID: (<[^>]+>)/im.exec(raw)?.[1] ?? 'none';
          received.set(id, (received.get(id) ?? 0) + 1);
          setTimeout(callback, 5); // a server that takes a moment per message
        });
      },
    });
    // The killed worker drops its SMTP connections mid-conversation: the server sees ECONNRESET, or
    // EPIPE when it was answering at that moment.
    sink.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') throw err;
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    const smtpUrl = `smtp://127.0.0.1:${(sink.server.address() as AddressInfo).port}`;
    const prefix = `crash-mail-${randomBytes(4).toString('hex')}`;
    const producer = createQueues({ redisUrl: process.env.TEST_REDIS_URL!, prefix });
    // One SMTP connection: the deliveries running at once (eight per connection) are what a kill can
    // leave SENDING, sent or not (in the SMTP conversation, or answered and waiting for the batched
    // statement that records the answer).
    const env = { DATABASE_URL: db.url, REDIS_URL: process.env.TEST_REDIS_URL!, QUEUE_PREFIX: prefix, SMTP_URL: smtpUrl, SMTP_MAX_CONNECTIONS: '1' };
    const atOnce = deliveriesAtOnce({ ...DEFAULT_SMTP_POOL, maxConnections: 1 });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 150; i++) {
        const { id } = await db.dataSource.transaction((em) =>
          queueMail(em, { idempotencyKey: `crash-${i}`, cardId: null, clientId: null, templateId: null, fromAddress: 'a@example.com', fromName: 'A', to: [`r${i}@example.com`], subject: `Mail ${i}`, html: '<p>x</p>', text: 'x', createdById: null, messageDomain: 'crm.test' }),
        );
        ids.push(id);
        await enqueue(producer, JOBS.deliverMail, { outboxId: id });
      }

      worker = startWorkerProcess(env, 5);
      await until(async () => received.size >= 40);
      worker.kill('SIGKILL');
      await exited(worker);

      // What the outbox sweep does after its waiting time: mails caught mid-send become UNCERTAIN,
      // queued ones whose job died with the worker are enqueued again.
      await db.dataSource.query(`UPDATE outbox_mails SET updated_at = now() - interval '1 hour' WHERE status IN ('SENDING', 'QUEUED')`);
      const uncertain = await markStaleSending(db.dataSource, 60_000);
      for (const outboxId of await queuedMailIds(db.dataSource, 60_000)) await enqueue(producer, JOBS.deliverMail, { outboxId }, { jobId: `again:${outboxId}` });

      worker = startWorkerProcess(env, 5);
      await until(async () => (await db.dataSource.query(`SELECT count(*)::int AS n FROM outbox_mails WHERE status IN ('QUEUED', 'SENDING')`))[0].n === 0);

      const rows: Array<{ message_id: string; status: string }> = await db.dataSource.query(`SELECT message_id, status FROM outbox_mails WHERE id = ANY($1)`, [ids]);
      for (const [, count] of received) expect(count).toBe(1);
      for (const row of rows) {
        if (row.status === 'SENT') expect(received.get(row.message_id)).toBe(1);
        else expect(row.status).toBe('UNCERTAIN');
      }
      expect(rows.filter((r) => r.status === 'UNCERTAIN')).toHaveLength(uncertain);
      expect(uncertain).toBeLessThanOrEqual(atOnce); // at most the deliveries running at once
      expect(rows.filter((r) => r.status === 'SENT').length).toBeGreaterThanOrEqual(150 - atOnce);
    } finally {
      await closeQueues(producer, true);
      await new Promise<void>((resolve) => sink.close(() => resolve()));
    }
  });

  it('runs every automation step exactly once across the kill and the restart', async () => {
    const ds = db.dataSource;
    const owner = await ds.getRepository(User).save({ email: `o${randomBytes(3).toString('hex')}@example.com`, name: 'O', role: Role.Normal, passwordHash: 'x' });
    const pipeline = await ds.getRepository(Pipeline).save({ name: 'P' });
    const [status] = await ds.getRepository(Status).save([{ pipelineId: pipeline.id, name: 'S', position: 0 }]);
    const template = await ds.getRepository(TodoTemplate).save({ title: 'Call', deadlineOffsetDays: 0 });
    const clients = await ds.getRepository(Client).save(Array.from({ length: 3000 }, (_, i) => ({ name: `C${i}` })));
    const cards = await ds.getRepository(Card).save(clients.map((c, i) => ({ clientId: c.id, pipelineId: pipeline.id, statusId: status.id, ownerId: owner.id, position: `a${String(i).padStart(5, '0')}` })), { chunk: 500 });
    const automation = await ds.getRepository(Automation).save({ pipelineId: pipeline.id, name: 'A', triggerKind: 'STATUS', triggerStatusId: status.id });
    await ds.getRepository(AutomationStep).save([0, 1].map((position) => ({ automationId: automation.id, position, kind: StepKind.TodoForUser, todoTemplateId: template.id, recipient: 'OWNER', delayDays: 0 })));
    await activateAutomation(ds, automation.id, new Date(), { timeZone: 'Europe/Budapest', messageDomain: 'crm.test' }, owner.id);

    const prefix = `crash-auto-${randomBytes(4).toString('hex')}`;
    const producer = createQueues({ redisUrl: process.env.TEST_REDIS_URL!, prefix });
    const env = { DATABASE_URL: db.url, REDIS_URL: process.env.TEST_REDIS_URL!, QUEUE_PREFIX: prefix };
    const doneRuns = async () => (await ds.query(`SELECT count(*)::int AS n FROM automation_runs WHERE automation_id = $1 AND status = 'DONE'`, [automation.id]))[0].n;
    // Half the cards' enrolments are held (row locks the engine's claim skips), so the kill always
    // comes before the last step, however fast the worker gets through the rest.
    const holder = ds.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query(`SELECT id FROM automation_enrolments WHERE automation_id = $1 AND card_id = ANY($2) FOR UPDATE`, [automation.id, cards.slice(1500).map((c) => c.id)]);
      for (let i = 0; i < 4; i++) await enqueue(producer, JOBS.runDueSteps, {}, { jobId: `first:${i}` });
      worker = startWorkerProcess(env, 5);
      await until(async () => (await doneRuns()) >= 500);
      worker.kill('SIGKILL');
      await exited(worker);
      expect(await doneRuns()).toBeLessThanOrEqual(3000);
      await holder.rollbackTransaction();

      // The sweep after its waiting time: runs left RUNNING go back to PENDING, and due steps run.
      await ds.query(`UPDATE automation_runs SET started_at = now() - interval '1 hour' WHERE status = 'RUNNING'`);
      await releaseStaleRuns(ds, 60_000);
      worker = startWorkerProcess(env, 5);
      await enqueue(producer, JOBS.runDueSteps, {}, { jobId: 'after-restart' });
      await until(async () => (await doneRuns()) === 6000);

      const [{ todos, distinct }] = await ds.query(
        `SELECT count(*)::int AS todos, count(DISTINCT idempotency_key)::int AS distinct FROM todos WHERE card_id = ANY($1)`,
        [cards.map((c) => c.id)],
      );
      expect({ todos, distinct }).toEqual({ todos: 6000, distinct: 6000 });
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
      await closeQueues(producer, true);
    }
  });
});
