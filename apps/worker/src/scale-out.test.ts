/**
 * Scale-out: two worker processes on one PostgreSQL and one Redis, working the same queues at once.
 * Every automation step runs exactly once across both, and every mail goes out exactly once (each
 * worker signs in to the SMTP server under its own name, so the test sees that both did a share).
 */
import { activateAutomation, Automation, AutomationStep, Card, Client, closeQueues, createQueues, enqueue, Pipeline, queueMail, Status, TodoTemplate, User } from '@crm/db';
import { createTestDatabase, type TestDatabase } from '@crm/db/testing';
import { JOBS, Role, StepKind } from '@crm/shared';
import type { ChildProcess } from 'node:child_process';
import { startWorkerProcess } from './test/helpers';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SMTPServer } = require('smtp-server');


jest.setTimeout(120_000);


const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/** Resolves when `check` holds, asking every 100 ms; fails after `ms`. */
async function until(check: () => Promise<boolean>, ms = 90_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('two worker processes side by side', () => {
  let db: TestDatabase;
  const workers: ChildProcess[] = [];
  const received = new Map<string, number>();
  const byWorker = new Map<string, number>();
  const sink = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth: { username: string }, _session: unknown, callback: (err: Error | null, result?: { user: string }) => void) {
      callback(null, { user: auth.username });
    },
    onData(stream: NodeJS.ReadableStream, session: { user?: string }, callback: () => void) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString()));
      stream.on('end', () => {
        const id = /^Message-ID: (<[^>]+>)/im.exec(raw)?.[1] ?? 'none';
        received.set(id, (received.get(id) ?? 0) + 1);
        byWorker.set(session.user ?? '?', (byWorker.get(session.user ?? '?') ?? 0) + 1);
        // A server that takes a moment per message, so both workers have mail in hand at once.
        setTimeout(callback, 10);
      });
    },
  });
  const prefix = `scale-${randomBytes(4).toString('hex')}`;
  const heartbeatDir = mkdtempSync(path.join(os.tmpdir(), 'crm-scale-'));
  let producer: ReturnType<typeof createQueues>;

  beforeAll(async () => {
    db = await createTestDatabase();
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    const port = (sink.server.address() as AddressInfo).port;
    producer = createQueues({ redisUrl: process.env.TEST_REDIS_URL!, prefix });
    const env = { DATABASE_URL: db.url, REDIS_URL: process.env.TEST_REDIS_URL!, QUEUE_PREFIX: prefix };
    // Each signs in to the SMTP server under its own name, and writes its heartbeat file once its
    // queues are worked: the mails are queued when both are, or the first up could send them all.
    const beats = ['first', 'second'].map((name) => path.join(heartbeatDir, name));
    workers.push(...['first', 'second'].map((name, i) => startWorkerProcess({ ...env, SMTP_URL: `smtp://${name}:x@127.0.0.1:${port}`, WORKER_HEARTBEAT_FILE: beats[i] }, 4)));
    await until(async () => beats.every((file) => existsSync(file)));
  });
  afterAll(async () => {
    await Promise.all(workers.splice(0).map(stopped));
    await closeQueues(producer, true);
    await new Promise<void>((resolve) => sink.close(() => resolve()));
    await db.drop();
    rmSync(heartbeatDir, { recursive: true, force: true });
  });

  it('send every mail exactly once, each worker a share', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) {
      const { id } = await db.dataSource.transaction((em) =>
        queueMail(em, { idempotencyKey: `scale-${i}`, cardId: null, clientId: null, templateId: null, fromAddress: 'a@example.com', fromName: 'A', to: [`r${i}@example.com`], subject: `Mail ${i}`, html: '<p>x</p>', text: 'x', createdById: null, messageDomain: 'crm.test' }),
      );
      ids.push(id);
      await enqueue(producer, JOBS.deliverMail, { outboxId: id });
    }
    await until(async () => (await db.dataSource.query(`SELECT count(*)::int AS n FROM outbox_mails WHERE id = ANY($1) AND status = 'SENT'`, [ids]))[0].n === ids.length);

    expect(received.size).toBe(200);
    for (const [, count] of received) expect(count).toBe(1);
    expect(byWorker.get('first')).toBeGreaterThan(0);
    expect(byWorker.get('second')).toBeGreaterThan(0);
    expect((byWorker.get('first') ?? 0) + (byWorker.get('second') ?? 0)).toBe(200);
  });

  it('run every automation step exactly once', async () => {
    const ds = db.dataSource;
    const owner = await ds.getRepository(User).save({ email: `o${randomBytes(3).toString('hex')}@example.com`, name: 'O', role: Role.Normal, passwordHash: 'x' });
    const pipeline = await ds.getRepository(Pipeline).save({ name: 'P' });
    const [status] = await ds.getRepository(Status).save([{ pipelineId: pipeline.id, name: 'S', position: 0 }]);
    const template = await ds.getRepository(TodoTemplate).save({ title: 'Call', deadlineOffsetDays: 0 });
    const clients = await ds.getRepository(Client).save(Array.from({ length: 2000 }, (_, i) => ({ name: `C${i}` })), { chunk: 500 });
    const cards = await ds.getRepository(Card).save(clients.map((c, i) => ({ clientId: c.id, pipelineId: pipeline.id, statusId: status.id, ownerId: owner.id, position: `a${String(i).padStart(5, '0')}` })), { chunk: 500 });
    const automation = await ds.getRepository(Automation).save({ pipelineId: pipeline.id, name: 'A', triggerKind: 'STATUS', triggerStatusId: status.id });
    await ds.getRepository(AutomationStep).save([0, 1].map((position) => ({ automationId: automation.id, position, kind: StepKind.TodoForUser, todoTemplateId: template.id, recipient: 'OWNER', delayDays: 0 })));
    await activateAutomation(ds, automation.id, new Date(), { timeZone: 'Europe/Budapest', messageDomain: 'crm.test' }, owner.id);

    // Several runners at once on both workers: they claim disjoint runs.
    for (let i = 0; i < 8; i++) await enqueue(producer, JOBS.runDueSteps, {}, { jobId: `both:${i}` });
    await until(async () => (await ds.query(`SELECT count(*)::int AS n FROM automation_runs WHERE automation_id = $1 AND status = 'DONE'`, [automation.id]))[0].n === 4000);
    const [{ todos, distinct }] = await ds.query(`SELECT count(*)::int AS todos, count(DISTINCT idempotency_key)::int AS distinct FROM todos WHERE card_id = ANY($1)`, [cards.map((c) => c.id)]);
    expect({ todos, distinct }).toEqual({ todos: 4000, distinct: 4000 });
    expect(await ds.query(`SELECT status, count(*)::int AS n FROM automation_runs WHERE automation_id = $1 GROUP BY status`, [automation.id])).toEqual([{ status: 'DONE', n: 4000 }]);
  });
});
