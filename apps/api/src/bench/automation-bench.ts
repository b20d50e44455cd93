// Automation and mail throughput on the benchmark database: enrolling a whole view, running todo
// steps with one and two workers, rendering and queueing template mails, delivering them to a
// loopback SMTP sink.
import { activateAutomation, createDataSource, createMailTransport, DEFAULT_SMTP_POOL, deliveriesAtOnce, deliverOutboxMail, runDueSteps, type RunOutcome } from '@crm/db';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import { startSinkProcess } from './smtp-sink';

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
  // The engine's connections when it renders mail, named so that their backends' CPU time can be read.
  const engine = await createDataSource(dbUrl, { poolSize: 10, applicationName: RENDER_APP }).initialize();
  // The delivering worker's connections, named likewise.
  const sender = await createDataSource(dbUrl, { poolSize: 10, applicationName: DELIVER_APP }).initialize();
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
    // primary contact; rendered and queued by the engine as a bulk send runs them. The first send
    // warms up (the template compiled, the JIT and PostgreSQL's caches warm) and its mails are the
    // ones delivered below; then the same send again, round after round, with a new automation each
    // time, until at least 5 seconds and 3 rounds are measured.
    const [firstStatus] = await ds.query(`SELECT id FROM statuses WHERE pipeline_id = $1 ORDER BY position LIMIT 1`, [pipelineId]);
    const [column] = await ds.query(`INSERT INTO views (name, kind, pipeline_id, owner_id, shared, filter) VALUES ('First column', 'CARDS', $1, $2, true, $3) RETURNING id`, [pipelineId, owner.id, { statusIds: [firstStatus.id] }]);
    await ds.query(`INSERT INTO contacts (client_id, name, emails, is_primary) SELECT client_id, 'Anna Kovács', ARRAY['anna@d' || (abs(hashtext(client_id::text)) % 16) || '.example.hu'], true FROM cards WHERE status_id = $1`, [firstStatus.id]);
    // Each send's seconds, and the CPU time (µs) of this process and of the PostgreSQL backends
    // serving it while the engine runs it (on a machine shared with other work, CPU time per mail
    // is steadier than mails per second).
    const send = async (): Promise<[RunOutcome, number, number, number]> => {
      await activateAutomation(ds, await automation(ds, pipelineId, owner.id, column.id, 'EMAIL_TO_CONTACT', { email: emailTemplate.id }), new Date(), ENGINE, owner.id);
      const pg = await backendsCpu(engine, RENDER_APP);
      const cpu = process.cpuUsage();
      const [outcome, seconds] = await timed(() => runDueSteps(engine, new Date(), ENGINE));
      const { user, system } = process.cpuUsage(cpu);
      return [outcome, seconds, user + system, cpuBetween(pg, await backendsCpu(engine, RENDER_APP))];
    };
    const [warmUp, warmUpSeconds] = await send();
    results.push({ name: `render and queue template mails, first send (${warmUp.mailIds.length.toLocaleString('en')})`, value: Math.round(warmUp.mailIds.length / warmUpSeconds), unit: 'mails/s', target: '–', ok: null });
    const measuredIds: string[] = [];
    let renderSeconds = 0;
    let renderCpu = 0;
    let renderPgCpu = 0;
    let floorSeconds = 0;
    let rounds = 0;
    // BENCH_PROFILE_MAIL=<file>: a CPU profile of the measured sends (and of their floors).
    const stopProfile = await startNodeProfile(process.env.BENCH_PROFILE_MAIL);
    while (rounds < 3 || renderSeconds < 5) {
      const [sent, seconds, cpu, pgCpu] = await send();
      renderPgCpu += pgCpu;
      measuredIds.push(...sent.mailIds);
      renderSeconds += seconds;
      renderCpu += cpu;
      rounds++;
      // Its SQL floor, right after each send (so that both meet the same load on a shared machine):
      // the same outbox INSERTs of the already-rendered rows, straight on PostgreSQL.
      floorSeconds += await insertFloorSeconds(ds, sent.mailIds);
    }
    await stopProfile?.();
    const rendered = Math.round(measuredIds.length / renderSeconds);
    results.push({ name: `render and queue template mails, ${rounds} more sends (${measuredIds.length.toLocaleString('en')} in ${round(renderSeconds)} s)`, value: rendered, unit: 'mails/s', target: '≥ 5,000', ok: rendered >= 5000 });
    results.push({ name: 'CPU time per rendered mail: the engine (Node: reads, rendering, statements)', value: Math.round(renderCpu / measuredIds.length), unit: 'µs', target: '–', ok: null });
    results.push({ name: 'CPU time per rendered mail: PostgreSQL (the backends serving the engine)', value: Math.round(renderPgCpu / measuredIds.length), unit: 'µs', target: '–', ok: null });
    const floor = Math.round(measuredIds.length / floorSeconds);
    results.push({ name: 'SQL floor: the same outbox inserts, rows already rendered', value: floor, unit: 'mails/s', target: `ratio floor / render ${(floor / rendered).toFixed(2)}`, ok: null });

    // Delivery to a loopback SMTP sink that accepts everything: the worker's defaults (a pool of 8
    // connections, 4 sends at once per recipient domain, deliveriesAtOnce), mail to 16 domains.
    // The sink runs in a process of its own; its CPU time is reported beside the sender's. First the
    // first send's mails, from a cold start (the SMTP connections opened, the sink's and this
    // process's code and PostgreSQL's backends warming up: at 10,000 cards, 1,250 mails in about a
    // second, half of whose CPU time is that), then, as a worker running for a while, the measured
    // sends' mails.
    const sink = await startSinkProcess();
    const transport = createMailTransport(`smtp://127.0.0.1:${sink.port}`, '/nonexistent', DEFAULT_SMTP_POOL);
    const deliver = async (ids: string[], what: string, target: string) => {
      const sinkBefore = await sink.usage();
      const pg = await backendsCpu(sender, DELIVER_APP);
      const cpu = process.cpuUsage();
      const [, seconds] = await timed(async () => {
        let next = 0;
        await Promise.all(Array.from({ length: deliveriesAtOnce(DEFAULT_SMTP_POOL) }, async () => {
          while (next < ids.length) await deliverOutboxMail(sender, transport, ids[next++]);
        }));
      });
      const { user, system } = process.cpuUsage(cpu);
      const pgUs = cpuBetween(pg, await backendsCpu(sender, DELIVER_APP));
      const sinkAfter = await sink.usage();
      const delivered = Math.round(ids.length / seconds);
      results.push({ name: `deliver to a loopback SMTP sink, ${what} (${(sinkAfter.received - sinkBefore.received).toLocaleString('en')} received)`, value: delivered, unit: 'mails/s', target, ok: target === '–' ? null : delivered >= 2000 });
      results.push({ name: `CPU time per delivered mail, ${what}: the sender (statements, message, SMTP client)`, value: round((user + system) / 1000 / ids.length), unit: 'ms', target: '–', ok: null });
      results.push({ name: `CPU time per delivered mail, ${what}: PostgreSQL (the backends serving the sender)`, value: round(pgUs / 1000 / ids.length), unit: 'ms', target: '–', ok: null });
      results.push({ name: `CPU time per delivered mail, ${what}: the SMTP sink (another process)`, value: round((sinkAfter.cpuMs - sinkBefore.cpuMs) / ids.length), unit: 'ms', target: '–', ok: null });
    };
    try {
      await deliver(warmUp.mailIds, 'first send, cold', '≥ 2,000');
      await deliver(measuredIds, 'the measured sends, warm', '≥ 2,000');
    } finally {
      transport.close();
      await sink.stop();
    }
  } finally {
    await ds.destroy();
    await second.destroy();
    await engine.destroy();
    await sender.destroy();
  }
  return results;
}

/**
 * Seconds PostgreSQL alone takes to insert the rendered outbox rows again, in the engine's batches
 * of 500 and with the engine's statement, over one plain connection (rolled back afterwards).
 */
async function insertFloorSeconds(ds: DataSource, ids: string[]): Promise<number> {
  const rows: Array<Record<string, any>> = await ds.query(`SELECT * FROM outbox_mails WHERE id = ANY($1::uuid[]) ORDER BY created_at`, [ids]);
  const client = new PgClient({ connectionString: (ds.options as { url: string }).url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const t = process.hrtime.bigint();
    for (let i = 0; i < rows.length; i += 500) {
      const batch = rows.slice(i, i + 500);
      const col = (f: (r: Record<string, any>) => unknown) => batch.map(f);
      await client.query(
        `INSERT INTO outbox_mails (id, idempotency_key, card_id, client_id, template_id, from_address, from_name, to_addresses, subject, html, text, message_id, created_by_id, reply_to, status, headers)
         SELECT m.id, m.key, m.card_id, m.client_id, m.template_id, m.from_address, m.from_name, string_to_array(m.to_list, E'\\x1f'), m.subject, m.html, m.text, m.message_id, m.created_by, m.reply_to, m.status, m.headers
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::uuid[], $14::text[], $15::text[], $16::jsonb[])
           AS m(id, key, card_id, client_id, template_id, from_address, from_name, to_list, subject, html, text, message_id, created_by, reply_to, status, headers)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING id, idempotency_key`,
        [
          col(() => randomUUID()),
          col((r) => `floor:${r.idempotency_key}`),
          col((r) => r.card_id),
          col((r) => r.client_id),
          col((r) => r.template_id),
          col((r) => r.from_address),
          col((r) => r.from_name),
          col((r) => r.to_addresses.join('\x1f')),
          col((r) => r.subject),
          col((r) => r.html),
          col((r) => r.text),
          col((r) => `floor.${r.message_id}`),
          col((r) => r.created_by_id),
          col((r) => r.reply_to),
          col((r) => r.status),
          col((r) => (r.headers ? JSON.stringify(r.headers) : null)),
        ],
      );
    }
    return Number(process.hrtime.bigint() - t) / 1e9;
  } finally {
    await client.query('ROLLBACK');
    await client.end();
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

const RENDER_APP = 'crm-bench-render';
const DELIVER_APP = 'crm-bench-deliver';

/** CPU time (µs) each PostgreSQL backend of the connections named `app` has used (PostgreSQL on this machine: read from /proc; none where it cannot be read). */
async function backendsCpu(ds: DataSource, app: string): Promise<Map<number, number>> {
  const pids: number[] = (await ds.query(`SELECT pid FROM pg_stat_activity WHERE application_name = $1`, [app])).map((r: { pid: number }) => r.pid);
  const cpu = new Map<number, number>();
  for (const pid of pids) {
    try {
      // User and system time (fields 14 and 15, in ticks of 10 ms), counted after the command's closing parenthesis.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) * 10_000);
    } catch {
      // not on this machine
    }
  }
  return cpu;
}

/** The CPU time used between two readings of backendsCpu (a backend started in between counts from its start). */
const cpuBetween = (before: Map<number, number>, after: Map<number, number>) => [...after].reduce((sum, [pid, us]) => sum + us - (before.get(pid) ?? 0), 0);

/** Starts a CPU profile of this process when `file` is set; the returned function writes it (Chrome DevTools format). */
async function startNodeProfile(file: string | undefined): Promise<(() => Promise<void>) | null> {
  if (!file) return null;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}
