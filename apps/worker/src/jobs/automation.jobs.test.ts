import { activateAutomation, askToEvaluateAutomations, Automation, AutomationStep, Card, Client, closeQueues, Contact, createMailTransport, createQueues, EmailTemplate, enqueue, Pipeline, Status, TodoTemplate, User } from '@crm/db';
import { createTestDatabase, type TestDatabase } from '@crm/db/testing';
import { JOBS, Role, StepKind } from '@crm/shared';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startWorker, type Worker } from '../worker';

const ENGINE = { timeZone: 'Europe/Budapest', messageDomain: 'crm.test' };

describe('automation jobs', () => {
  let db: TestDatabase;
  const workers: Worker[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const w of workers) await w.close();
    await db.drop();
  });

  it('two workers run every due step exactly once, from PostgreSQL alone (no delayed job survived), and enrol cards that move in', async () => {
    const ds = db.dataSource;
    const owner = await ds.getRepository(User).save({ email: 'o@example.com', name: 'O', role: Role.Normal, passwordHash: 'x' });
    const pipeline = await ds.getRepository(Pipeline).save({ name: 'P' });
    const [target, other] = await ds.getRepository(Status).save([{ pipelineId: pipeline.id, name: 'Target', position: 0 }, { pipelineId: pipeline.id, name: 'Other', position: 1 }]);
    const template = await ds.getRepository(TodoTemplate).save({ title: 'Call', deadlineOffsetDays: 0 });
    const clients = await ds.getRepository(Client).save(Array.from({ length: 60 }, (_, i) => ({ name: `C${i}` })));
    const cards = await ds.getRepository(Card).save(clients.map((c, i) => ({ clientId: c.id, pipelineId: pipeline.id, statusId: i < 50 ? target.id : other.id, ownerId: owner.id, position: `a${i}` })));
    const automation = await ds.getRepository(Automation).save({ pipelineId: pipeline.id, name: 'A', triggerKind: 'STATUS', triggerStatusId: target.id });
    await ds.getRepository(AutomationStep).save({ automationId: automation.id, position: 0, kind: StepKind.TodoForUser, todoTemplateId: template.id, recipient: 'OWNER', delayDays: 0 });
    // Activated while no worker ran and nothing was put in Redis: only PostgreSQL knows the steps are due.
    await activateAutomation(ds, automation.id, new Date(), ENGINE, owner.id);

    const prefix = `test-auto-${randomBytes(4).toString('hex')}`;
    for (let i = 0; i < 2; i++) {
      workers.push(await startWorker({ redisUrl: process.env.TEST_REDIS_URL!, dataSource: ds, logger: pino({ level: 'silent' }), prefix, schedules: [], engine: ENGINE }));
    }
    const producer = createQueues({ redisUrl: process.env.TEST_REDIS_URL!, prefix });
    const completed = (count: number) =>
      new Promise<void>((resolve) => {
        let seen = 0;
        for (const w of workers)
          w.queues[JOBS.runDueSteps.queue].on('completed', () => {
            if (++seen === count) resolve();
          });
      });
    try {
      const done = completed(4);
      for (let i = 0; i < 4; i++) await enqueue(producer, JOBS.runDueSteps, {});
      await done;
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM todos WHERE card_id = ANY($1)`, [cards.map((c) => c.id)]);
      expect(n).toBe(50);

      // A card moves into the status: the evaluation job enrols it and runs its step.
      await ds.query(`UPDATE cards SET status_id = $1 WHERE id = $2`, [target.id, cards[55].id]);
      // Both the evaluation and the run-due job it schedules for the new step must finish (either may run the step).
      const evaluated = completed(2);
      await enqueue(producer, JOBS.evaluateAutomations, { pipelineId: pipeline.id });
      await evaluated;
      expect(await ds.query(`SELECT title FROM todos WHERE card_id = $1`, [cards[55].id])).toEqual([{ title: 'Call' }]);
    } finally {
      await closeQueues(producer, true);
    }
  });
  it('enrols every card moved in, also one moved right after an evaluation ran (requests coalesce per second, run when it is over)', async () => {
    const ds = db.dataSource;
    const pipeline = await ds.getRepository(Pipeline).save({ name: 'Coalesced' });
    const [target, other] = await ds.getRepository(Status).save([{ pipelineId: pipeline.id, name: 'Target', position: 0 }, { pipelineId: pipeline.id, name: 'Other', position: 1 }]);
    const template = await ds.getRepository(TodoTemplate).save({ title: 'Follow up', deadlineOffsetDays: 0 });
    const clients = await ds.getRepository(Client).save([{ name: 'Első Kft.' }, { name: 'Druga sp. z o.o.' }]);
    const cards = await ds.getRepository(Card).save(clients.map((c, i) => ({ clientId: c.id, pipelineId: pipeline.id, statusId: other.id, position: `a${i}` })));
    const automation = await ds.getRepository(Automation).save({ pipelineId: pipeline.id, name: 'Follow up', triggerKind: 'STATUS', triggerStatusId: target.id });
    await ds.getRepository(AutomationStep).save({ automationId: automation.id, position: 0, kind: StepKind.TodoForUser, todoTemplateId: template.id, recipient: 'OWNER', delayDays: 1 });
    const manager = await ds.getRepository(User).save({ email: 'coalesced@example.com', name: 'M', role: Role.Manager, passwordHash: 'x' });
    await activateAutomation(ds, automation.id, new Date(), ENGINE, manager.id);

    const prefix = `test-auto-${randomBytes(4).toString('hex')}`;
    workers.push(await startWorker({ redisUrl: process.env.TEST_REDIS_URL!, dataSource: ds, logger: pino({ level: 'silent' }), prefix, schedules: [], engine: ENGINE }));
    const producer = createQueues({ redisUrl: process.env.TEST_REDIS_URL!, prefix });
    const enrolled = async () => (await ds.query(`SELECT card_id FROM automation_enrolments WHERE automation_id = $1 ORDER BY card_id`, [automation.id])).map((r: { card_id: string }) => r.card_id);
    try {
      for (const card of cards) {
        // Moved in and committed, then the evaluation asked for, as the API and imports do.
        await ds.query(`UPDATE cards SET status_id = $1 WHERE id = $2`, [target.id, card.id]);
        const job = await askToEvaluateAutomations(producer, pipeline.id);
        await job.finished();
      }
      // (A job run at once took the second's id; the second card's request, in the same second, was
      // answered with that finished job and never evaluated.)
      expect(await enrolled()).toEqual(cards.map((c) => c.id).sort());
    } finally {
      await closeQueues(producer, true);
    }
  });

  it('a batch with a purged card does not stall the queue: the job completes, that run FAILS, the others are done and their mail delivered', async () => {
    const ds = db.dataSource;
    const mailDir = mkdtempSync(path.join(os.tmpdir(), 'crm-mail-'));
    const admin = await ds.getRepository(User).save({ email: `admin-${randomBytes(3).toString('hex')}@example.com`, name: 'Admin', role: Role.Admin, passwordHash: 'x' });
    const pipeline = await ds.getRepository(Pipeline).save({ name: 'Mail' });
    const [status] = await ds.getRepository(Status).save([{ pipelineId: pipeline.id, name: 'Offer', position: 0 }]);
    const clients = await ds.getRepository(Client).save(Array.from({ length: 20 }, (_, i) => ({ name: `M${i}` })));
    await ds.getRepository(Contact).save(clients.map((c, i) => ({ clientId: c.id, name: 'Anna', emails: [`anna${i}@client.hu`], isPrimary: true })));
    const cards = await ds.getRepository(Card).save(clients.map((c, i) => ({ clientId: c.id, pipelineId: pipeline.id, statusId: status.id, ownerId: admin.id, position: `a${i}` })));
    const template = await ds.getRepository(EmailTemplate).save({ pipelineId: pipeline.id, name: 'Offer', subject: 'Offer for {{client.name}}', body: 'Dear {{contact.name}}' });
    const automation = await ds.getRepository(Automation).save({ pipelineId: pipeline.id, name: 'Mail', triggerKind: 'STATUS', triggerStatusId: status.id, createdById: admin.id });
    await ds.getRepository(AutomationStep).save({ automationId: automation.id, position: 0, kind: StepKind.EmailToContact, emailTemplateId: template.id, recipient: 'PRIMARY_CONTACT', sender: 'OWNER', delayDays: 0 });
    await activateAutomation(ds, automation.id, new Date(), ENGINE, admin.id);
    // Purged the way the trash did before (its runs stayed behind).
    await ds.query(`DELETE FROM cards WHERE id = $1`, [cards[3].id]);

    const prefix = `test-auto-${randomBytes(4).toString('hex')}`;
    const worker = await startWorker({ redisUrl: process.env.TEST_REDIS_URL!, dataSource: ds, logger: pino({ level: 'silent' }), prefix, schedules: [], engine: ENGINE, mail: createMailTransport(null, mailDir) });
    workers.push(worker);
    const producer = createQueues({ redisUrl: process.env.TEST_REDIS_URL!, prefix });
    try {
      const ran = new Promise<unknown>((resolve, reject) => {
        worker.queues[JOBS.runDueSteps.queue].on('completed', (_job, result) => resolve(result));
        worker.queues[JOBS.runDueSteps.queue].on('failed', (_job, err) => reject(err));
      });
      let delivered = 0;
      const allDelivered = new Promise<void>((resolve) => worker.queues[JOBS.deliverMail.queue].on('completed', () => ++delivered === 19 && resolve()));
      await enqueue(producer, JOBS.runDueSteps, {});
      expect(await ran).toMatchObject({ done: 19, failed: 1 });
      await allDelivered;
      expect(await ds.query(`SELECT status, count(*)::int AS n FROM automation_runs WHERE automation_id = $1 GROUP BY status ORDER BY status`, [automation.id])).toEqual([{ status: 'DONE', n: 19 }, { status: 'FAILED', n: 1 }]);
      expect(await ds.query(`SELECT count(*)::int AS n FROM outbox_mails WHERE card_id = ANY($1) AND status = 'SENT'`, [cards.map((c) => c.id)])).toEqual([{ n: 19 }]);
    } finally {
      await closeQueues(producer, true);
      rmSync(mailDir, { recursive: true, force: true });
    }
  });
});
