// Automation and mail throughput on the benchmark database: enrolling a whole view, running todo
// steps with one and two workers, rendering and queueing template mails, delivering them to a
// loopback SMTP sink.
import { activateAutomation, createDataSource, createMailTransport, deliverOutboxMail, runDueSteps } from '@crm/db';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';

const ENGINE = { timeZone: 'Europe/Budapest', messageDomain: 'bench.test' };

export interface ThroughputResult {
  name: string;
  value: number;
  unit: string;
  target: string;
  ok: boolean | null;
}

async function automation(ds: DataSource, pipelineId: string, ownerId: string, viewId: string, kind: string, template: { todo?: string; email?: string }) {
  const [a] = await ds.query(
    `INSERT INTO automations (pipeline_id, name, trigger_kind, trigger_view_id, mode, created_by_id) VALUES ($1, $2, 'VIEW', $3, 'ONE_TIME', $4) RETURNING id`,
    [pipelineId, `Bench ${kind}`, viewId, ownerId],
  );
  await ds.query(
    `INSERT INTO automation_steps (automation_id, position, kind, delay_days, todo_template_id, email_template_id, recipient, sender)
     VALUES ($1, 0, $2, 0, $3, $4, $5, 'OWNER')`,
    [a.id, kind, template.todo ?? null, template.email ?? null, kind === 'TODO_FOR_USER' ? 'OWNER' : 'PRIMARY_CONTACT'],
  );
  return a.id as string;
}

/** Seconds a function takes. */
async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = process.hrtime.bigint();
  const result = await fn();
  return [result, Number(process.hrtime.bigint() - t) / 1e9];
}

export async function automationAndMailBench(dbUrl: string, pipelineId: string): Promise<ThroughputResult[]> {
  const ds = await createDataSource(dbUrl, { poolSize: 10 }).initialize();
  const second = await createDataSource(dbUrl, { poolSize: 10 }).initialize();
  const results: ThroughputResult[] = [];
  try {
    const [owner] = await ds.query(`SELECT id FROM users WHERE role = 'ADMIN' AND active ORDER BY email LIMIT 1`);
    const [todoTemplate] = await ds.query(`INSERT INTO todo_templates (title, deadline_offset_days) VALUES ('Follow up', 1) RETURNING id`);
    const [emailTemplate] = await ds.query(`INSERT INTO email_templates (pipeline_id, name, subject, body) VALUES ($1, 'Bench', 'Offer for {{client.name}}', 'Dear {{contact.name}},\n\nour offer: {{money card.value card.currency}}.\n\n{{fallback sender.signature sender.name}}') RETURNING id`, [pipelineId]);
    const [allCards] = await ds.query(`INSERT INTO views (name, kind, pipeline_id, owner_id, shared, filter) VALUES ('All', 'CARDS', $1, $2, true, '{}') RETURNING id`, [pipelineId, owner.id]);
    const [{ n: cardCount }] = await ds.query(`SELECT count(*)::int AS n FROM cards WHERE pipeline_id = $1`, [pipelineId]);

    // Enrolment of a whole view (one query) with its runs scheduled.
    const todoAutomation = await automation(ds, pipelineId, owner.id, allCards.id, 'TODO_FOR_USER', { todo: todoTemplate.id });
    const [enrolled, enrolSeconds] = await timed(() => activateAutomation(ds, todoAutomation, new Date(), ENGINE, owner.id));
    results.push({ name: `enrol a ${cardCount.toLocaleString('en')}-card view`, value: round(enrolSeconds), unit: 's', target: '< 10 s', ok: enrolSeconds < 10 });
    void enrolled;

    // Todo steps: one worker takes half, then two workers together take the other half.
    const half = Math.floor(cardCount / 2);
    await ds.query(`UPDATE automation_runs SET due_at = now() + interval '1 day' WHERE id IN (SELECT id FROM automation_runs WHERE automation_id = $1 ORDER BY id OFFSET $2)`, [todoAutomation, half]);
    const [one, oneSeconds] = await timed(() => runDueSteps(ds, new Date(), ENGINE));
    results.push({ name: 'todo steps, one worker', value: Math.round(one.done / oneSeconds), unit: 'steps/s', target: '≥ 1,000 per worker', ok: one.done / oneSeconds >= 1000 });
    await ds.query(`UPDATE automation_runs SET due_at = now() - interval '1 second' WHERE automation_id = $1 AND status = 'PENDING'`, [todoAutomation]);
    const [two, twoSeconds] = await timed(() => Promise.all([runDueSteps(ds, new Date(), ENGINE), runDueSteps(second, new Date(), ENGINE)]));
    const twoDone = two[0].done + two[1].done;
    results.push({ name: 'todo steps, two workers', value: Math.round(twoDone / twoSeconds), unit: 'steps/s', target: '≥ 1,000 per worker', ok: twoDone / twoSeconds >= 2000 });

    // Mail: "Email this view" on a view of one column (12,500 cards at 100,000), each card's
    // primary contact; rendered and queued by the engine as a bulk send runs them.
    const [firstStatus] = await ds.query(`SELECT id FROM statuses WHERE pipeline_id = $1 ORDER BY position LIMIT 1`, [pipelineId]);
    const [column] = await ds.query(`INSERT INTO views (name, kind, pipeline_id, owner_id, shared, filter) VALUES ('First column', 'CARDS', $1, $2, true, $3) RETURNING id`, [pipelineId, owner.id, { statusIds: [firstStatus.id] }]);
    await ds.query(`INSERT INTO contacts (client_id, name, emails, is_primary) SELECT client_id, 'Anna Kovács', ARRAY['anna@example.hu'], true FROM cards WHERE status_id = $1`, [firstStatus.id]);
    const mailAutomation = await automation(ds, pipelineId, owner.id, column.id, 'EMAIL_TO_CONTACT', { email: emailTemplate.id });
    await activateAutomation(ds, mailAutomation, new Date(), ENGINE, owner.id);
    const [mailRun, renderSeconds] = await timed(() => runDueSteps(ds, new Date(), ENGINE));
    results.push({ name: `render and queue template mails (${mailRun.mailIds.length.toLocaleString('en')})`, value: Math.round(mailRun.mailIds.length / renderSeconds), unit: 'mails/s', target: '≥ 2,000', ok: mailRun.mailIds.length / renderSeconds >= 2000 });

    // Delivery to a loopback SMTP sink that accepts everything, 8 connections at a time.
    let received = 0;
    const sink = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], logger: false, onData(stream, _s, cb) { stream.on('end', () => { received++; cb(); }); stream.resume(); } });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    const port = (sink.server.address() as AddressInfo).port;
    const transport = createMailTransport(`smtp://127.0.0.1:${port}?pool=true&maxConnections=8`, '/nonexistent');
    const ids: string[] = (await ds.query(`SELECT id FROM outbox_mails WHERE status = 'QUEUED' ORDER BY created_at`)).map((r: { id: string }) => r.id);
    const [, deliverSeconds] = await timed(async () => {
      let next = 0;
      await Promise.all(Array.from({ length: 8 }, async () => {
        while (next < ids.length) await deliverOutboxMail(ds, transport, ids[next++]);
      }));
    });
    transport.close();
    await new Promise<void>((resolve) => sink.close(() => resolve()));
    results.push({ name: `deliver to a loopback SMTP sink (${received.toLocaleString('en')} received)`, value: Math.round(ids.length / deliverSeconds), unit: 'mails/s', target: 'bound by the SMTP server', ok: null });
  } finally {
    await ds.destroy();
    await second.destroy();
  }
  return results;
}

const round = (n: number) => Math.round(n * 100) / 100;
