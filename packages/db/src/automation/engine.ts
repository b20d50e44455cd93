import { StepKind, stepDueAt } from '@crm/shared';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { Automation, AutomationStep } from '../entities';
import { buildMailContexts } from '../mail/context';
import { queueMails, type NewMail } from '../mail/outbox';
import { missingValues, renderMail, scanTemplate } from '../mail/template';
import { cardFilterSql, SqlParams } from '../sql/card-filter';

/**
 * The automation engine. PostgreSQL holds everything (enrolments, each step's due time and result);
 * the worker calls these functions from Bull jobs, and any number of workers may do so at once:
 * runs are claimed with FOR UPDATE SKIP LOCKED, and every effect carries an idempotency key made of
 * the run's id, so a retried or duplicated job never makes a second todo or mail.
 */
export interface EngineOptions {
  timeZone: string;
  messageDomain: string;
  locale?: string;
  /** The organisation's sender (MAIL_FROM): mail goes out from it, replies go to the person. */
  mailFrom?: string | null;
}

export interface Scheduled {
  /** Distinct due times of the runs just scheduled (for delayed jobs). */
  dueTimes: Date[];
}

/** The SQL that selects the ids of the cards an automation's trigger matches (null: matches nothing). */
async function matchingSql(em: EntityManager, a: Automation, p: SqlParams): Promise<string | null> {
  if (a.triggerKind === 'STATUS') {
    return a.triggerStatusId ? `SELECT c.id FROM cards c WHERE c.status_id = ${p.param(a.triggerStatusId)} AND c.deleted_at IS NULL` : null;
  }
  const [view] = a.triggerViewId ? await em.query(`SELECT filter FROM views WHERE id = $1`, [a.triggerViewId]) : [];
  if (!view) return null;
  const where = [`c.pipeline_id = ${p.param(a.pipelineId)}`, 'c.deleted_at IS NULL', ...cardFilterSql(view.filter, p)];
  return `SELECT c.id FROM cards c JOIN clients cl ON cl.id = c.client_id JOIN statuses s ON s.id = c.status_id WHERE ${where.join(' AND ')}`;
}

async function activeSteps(em: EntityManager, automationId: string): Promise<AutomationStep[]> {
  return em.getRepository(AutomationStep).find({ where: { automationId, removedAt: IsNull() }, order: { position: 'ASC' } });
}

/** The due time of each active step for cards entering at `enteredAt`. */
async function stepDues(em: EntityManager, automationId: string, enteredAt: Date, opts: EngineOptions) {
  const steps = await activeSteps(em, automationId);
  return { stepIds: steps.map((s) => s.id), dues: steps.map((s) => stepDueAt(enteredAt, { delayDays: s.delayDays, weekday: s.weekday, hour: s.hour }, opts.timeZone)) };
}

const distinctTimes = (dues: Date[]) => [...new Set(dues.map((d) => d.getTime()))].map((t) => new Date(t));

/**
 * Enrols the matching cards (SQL) that may enter, and — for ACTIVE enrolments — creates the runs
 * of every active step, in one statement however many cards enter. Returns how many entered.
 */
async function enrol(em: EntityManager, a: Automation, matching: string, p: SqlParams, now: Date, state: 'ACTIVE' | 'EXCLUDED', opts: EngineOptions): Promise<{ count: number; dueTimes: Date[] }> {
  const aid = p.param(a.id);
  const { stepIds, dues } = state === 'ACTIVE' ? await stepDues(em, a.id, now, opts) : { stepIds: [], dues: [] };
  const [{ count }] = await em.query(
    // The earlier enrolments are read once, before the insert: a per-card lookup into the table
    // being filled would read the new rows' pages again and again.
    `WITH prev AS MATERIALIZED (
       SELECT card_id, max(cycle) AS cycle, bool_or(matching) AS matching, bool_or(state <> 'EXCLUDED') AS real
       FROM automation_enrolments WHERE automation_id = ${aid} GROUP BY card_id),
     entered AS (
       INSERT INTO automation_enrolments (automation_id, card_id, cycle, state, matching, entered_at)
       SELECT ${aid}, m.id, coalesce(prev.cycle + 1, 0), ${p.param(state)}, true, ${p.param(now)}
       FROM (${matching}) m LEFT JOIN prev ON prev.card_id = m.id
       WHERE NOT coalesce(prev.matching, false) AND (${p.param(a.reEnrol)} OR NOT coalesce(prev.real, false))
       RETURNING id, card_id),
     runs AS (
       INSERT INTO automation_runs (automation_id, enrolment_id, step_id, card_id, due_at)
       SELECT ${aid}, entered.id, st.step_id, entered.card_id, st.due FROM entered, unnest(${p.param(stepIds)}::uuid[], ${p.param(dues)}::timestamptz[]) AS st(step_id, due))
     SELECT count(*)::int AS count FROM entered`,
    p.values,
  );
  return { count, dueTimes: count ? distinctTimes(dues) : [] };
}

async function lockAutomation(em: EntityManager, id: string): Promise<Automation | null> {
  return em.getRepository(Automation).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
}

/**
 * Activates an automation: the cards that match now are enrolled (one-time and continuous), or,
 * with "only new cards", remembered as excluded so that only later arrivals are enrolled.
 */
export async function activateAutomation(ds: DataSource, id: string, now: Date, opts: EngineOptions): Promise<Scheduled & { enrolled: number }> {
  return ds.transaction(async (em) => {
    const a = await lockAutomation(em, id);
    if (!a) throw new Error(`automation ${id} not found`);
    await em.getRepository(Automation).update(id, { state: 'ACTIVE', activatedAt: a.activatedAt ?? now });
    const p = new SqlParams();
    const matching = await matchingSql(em, a, p);
    if (!matching) return { enrolled: 0, dueTimes: [] };
    const excluded = a.onlyNew && a.mode === 'CONTINUOUS' && !a.activatedAt;
    const { count, dueTimes } = await enrol(em, a, matching, p, now, excluded ? 'EXCLUDED' : 'ACTIVE', opts);
    return { enrolled: excluded ? 0 : count, dueTimes };
  });
}

/**
 * Re-evaluates an active continuous automation with one query each for leaving and entering:
 * cards that stopped matching leave (their pending steps are cancelled), new ones are enrolled.
 */
export async function evaluateAutomation(ds: DataSource, id: string, now: Date, opts: EngineOptions): Promise<Scheduled & { entered: number; left: number }> {
  return ds.transaction(async (em) => {
    const a = await lockAutomation(em, id);
    if (!a || a.state !== 'ACTIVE' || a.mode !== 'CONTINUOUS') return { entered: 0, left: 0, dueTimes: [] };
    const lp = new SqlParams();
    const leaveMatching = await matchingSql(em, a, lp);
    const [left]: [Array<{ id: string }>, number] = await em.query(
      `UPDATE automation_enrolments SET matching = false,
         ended_at = CASE WHEN state = 'ACTIVE' THEN ${lp.param(now)}::timestamptz ELSE ended_at END,
         state = CASE WHEN state = 'ACTIVE' THEN 'LEFT' ELSE state END
       WHERE automation_id = ${lp.param(a.id)} AND matching ${leaveMatching ? `AND card_id NOT IN (${leaveMatching})` : ''} RETURNING id`,
      lp.values,
    );
    await cancelRuns(em, left.map((r) => r.id));
    const ep = new SqlParams();
    const enterMatching = await matchingSql(em, a, ep);
    const entered = enterMatching ? await enrol(em, a, enterMatching, ep, now, 'ACTIVE', opts) : { count: 0, dueTimes: [] };
    return { entered: entered.count, left: left.length, dueTimes: entered.dueTimes };
  });
}

async function cancelRuns(em: EntityManager, enrolmentIds: string[]) {
  if (enrolmentIds.length) await em.query(`UPDATE automation_runs SET status = 'CANCELLED', finished_at = now() WHERE enrolment_id = ANY($1::uuid[]) AND status = 'PENDING'`, [enrolmentIds]);
}

/** Active continuous automations of a pipeline (or all), for re-evaluation after card changes. */
export async function continuousAutomationIds(ds: DataSource, pipelineId: string | null): Promise<string[]> {
  const rows: Array<{ id: string }> = await ds.query(`SELECT id FROM automations WHERE state = 'ACTIVE' AND mode = 'CONTINUOUS' AND ($1::uuid IS NULL OR pipeline_id = $1)`, [pipelineId]);
  return rows.map((r) => r.id);
}

/** Ends the enrolments of a client's cards in automations that stop when the client replies. */
export async function stopOnReply(em: EntityManager, clientId: string, now: Date): Promise<number> {
  const [stopped]: [Array<{ id: string }>, number] = await em.query(
    `UPDATE automation_enrolments e SET state = 'STOPPED', ended_at = $2
     FROM automations a WHERE a.id = e.automation_id AND a.stop_on_reply AND e.state = 'ACTIVE'
       AND e.card_id IN (SELECT id FROM cards WHERE client_id = $1) RETURNING e.id`,
    [clientId, now],
  );
  await cancelRuns(em, stopped.map((r) => r.id));
  return stopped.length;
}

/**
 * After an active automation's steps were edited: pending runs of removed steps are cancelled,
 * pending runs of kept steps get their new due time, and added steps get runs for the cards
 * enrolled now. Steps that already ran are left as they are.
 */
export async function rescheduleAfterEdit(em: EntityManager, automationId: string, opts: EngineOptions): Promise<Date[]> {
  await em.query(
    `UPDATE automation_runs r SET status = 'CANCELLED', finished_at = now() FROM automation_steps s
     WHERE s.id = r.step_id AND r.automation_id = $1 AND r.status = 'PENDING' AND s.removed_at IS NOT NULL`,
    [automationId],
  );
  const steps = await activeSteps(em, automationId);
  const enrolments: Array<{ id: string; card_id: string; entered_at: Date }> = await em.query(`SELECT id, card_id, entered_at FROM automation_enrolments WHERE automation_id = $1 AND state = 'ACTIVE'`, [automationId]);
  const dueTimes = new Set<number>();
  for (const step of steps) {
    const ids: string[] = [];
    const cards: string[] = [];
    const dues: Date[] = [];
    for (const e of enrolments) {
      ids.push(e.id);
      cards.push(e.card_id);
      const due = stepDueAt(new Date(e.entered_at), { delayDays: step.delayDays, weekday: step.weekday, hour: step.hour }, opts.timeZone);
      dues.push(due);
      dueTimes.add(due.getTime());
    }
    if (!ids.length) continue;
    await em.query(
      `INSERT INTO automation_runs (automation_id, enrolment_id, step_id, card_id, due_at)
       SELECT $1, x.enrolment_id, $2, x.card_id, x.due FROM unnest($3::uuid[], $4::uuid[], $5::timestamptz[]) AS x(enrolment_id, card_id, due)
       ON CONFLICT (enrolment_id, step_id) DO UPDATE SET due_at = EXCLUDED.due_at WHERE automation_runs.status = 'PENDING'`,
      [automationId, step.id, ids, cards, dues],
    );
  }
  return [...dueTimes].map((t) => new Date(t));
}

export interface RunOutcome {
  done: number;
  skipped: number;
  failed: number;
  /** Outbox mails to hand to the delivery queue. */
  mailIds: string[];
}

interface ClaimedRun {
  id: string;
  automation_id: string;
  enrolment_id: string;
  step_id: string;
  card_id: string;
}

/** Puts back runs a stopped worker left RUNNING (their effects are idempotent, so running them again is safe). */
export async function releaseStaleRuns(ds: DataSource, olderThanMs: number): Promise<number> {
  const [, count] = await ds.query(`UPDATE automation_runs SET status = 'PENDING' WHERE status = 'RUNNING' AND started_at < now() - ($1 || ' milliseconds')::interval`, [String(olderThanMs)]);
  return count;
}

/**
 * Runs due steps of active automations, a batch at a time, until none is due. Todo steps are done
 * set-based (one statement per batch); email steps render per recipient. Each batch is one
 * transaction: a crash leaves nothing half-written, and the claim is released with it.
 */
export async function runDueSteps(ds: DataSource, now: Date, opts: EngineOptions, batchSize = 500): Promise<RunOutcome> {
  const outcome: RunOutcome = { done: 0, skipped: 0, failed: 0, mailIds: [] };
  for (;;) {
    const more = await ds.transaction(async (em) => {
      const runs: ClaimedRun[] = await em.query(
        `SELECT r.id, r.automation_id, r.enrolment_id, r.step_id, r.card_id FROM automation_runs r
         JOIN automations a ON a.id = r.automation_id AND a.state = 'ACTIVE'
         JOIN automation_enrolments e ON e.id = r.enrolment_id AND e.state IN ('ACTIVE', 'DONE')
         WHERE r.status = 'PENDING' AND r.due_at <= $1 ORDER BY r.due_at LIMIT $2 FOR UPDATE OF r SKIP LOCKED`,
        [now, batchSize],
      );
      if (!runs.length) return false;
      await em.query(`UPDATE automation_runs SET status = 'RUNNING', attempts = attempts + 1, started_at = $2 WHERE id = ANY($1::uuid[])`, [runs.map((r) => r.id), now]);
      const steps = new Map((await em.getRepository(AutomationStep).findBy({ id: In([...new Set(runs.map((r) => r.step_id))]) })).map((s) => [s.id, s]));
      const todoRuns = runs.filter((r) => steps.get(r.step_id)?.kind === StepKind.TodoForUser);
      const mailRuns = runs.filter((r) => steps.get(r.step_id)?.kind !== StepKind.TodoForUser);
      await runTodoSteps(em, todoRuns, now, opts, outcome);
      await runMailSteps(em, mailRuns, steps, now, opts, outcome);
      await em.query(
        `UPDATE automation_enrolments e SET state = 'DONE', ended_at = $2
         FROM automations a WHERE a.id = e.automation_id AND a.mode = 'ONE_TIME' AND e.id = ANY($1::uuid[]) AND e.state = 'ACTIVE'
           AND NOT EXISTS (SELECT 1 FROM automation_runs r WHERE r.enrolment_id = e.id AND r.status IN ('PENDING', 'RUNNING'))`,
        [[...new Set(runs.map((r) => r.enrolment_id))], now],
      );
      return runs.length === batchSize;
    });
    if (!more) return outcome;
  }
}

/** Todo steps, set-based: one todo per run (keyed by the run), assigned to the owner or a named user. */
async function runTodoSteps(em: EntityManager, runs: ClaimedRun[], now: Date, opts: EngineOptions, outcome: RunOutcome) {
  if (!runs.length) return;
  const ids = runs.map((r) => r.id);
  const made: Array<{ run_id: string; todo_id: string | null; reason: string | null }> = await em.query(
    `WITH src AS (
       SELECT r.id AS run_id, r.card_id, c.client_id, tt.title, tt.text, tt.deadline_offset_days, tt.deadline_time,
              CASE WHEN st.recipient = 'USER' THEN st.recipient_user_id ELSE c.owner_id END AS assignee
       FROM automation_runs r JOIN automation_steps st ON st.id = r.step_id JOIN cards c ON c.id = r.card_id
       LEFT JOIN todo_templates tt ON tt.id = st.todo_template_id
       WHERE r.id = ANY($1::uuid[])),
     ins AS (
       INSERT INTO todos (card_id, title, text, assignee_id, deadline, idempotency_key)
       SELECT card_id, title, text, assignee,
              CASE WHEN deadline_time IS NULL THEN $2::timestamptz + deadline_offset_days * interval '1 day'
                   ELSE ((($2::timestamptz AT TIME ZONE $3)::date + deadline_offset_days) + deadline_time::time) AT TIME ZONE $3 END,
              'run:' || run_id
       FROM src WHERE title IS NOT NULL AND assignee IS NOT NULL
       ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key
       RETURNING id, idempotency_key)
     SELECT src.run_id, ins.id AS todo_id,
            CASE WHEN src.title IS NULL THEN 'The todo template is missing.' WHEN src.assignee IS NULL THEN 'The card has no owner to give the todo to.' END AS reason
     FROM src LEFT JOIN ins ON ins.idempotency_key = 'run:' || src.run_id`,
    [ids, now, opts.timeZone],
  );
  const done = made.filter((m) => m.todo_id);
  const skipped = made.filter((m) => !m.todo_id);
  await em.query(
    `UPDATE automation_runs r SET status = 'DONE', finished_at = $3, result = jsonb_build_object('todoId', m.todo_id)
     FROM unnest($1::uuid[], $2::uuid[]) AS m(run_id, todo_id) WHERE r.id = m.run_id`,
    [done.map((m) => m.run_id), done.map((m) => m.todo_id), now],
  );
  await em.query(
    `UPDATE automation_runs r SET status = 'SKIPPED', finished_at = $3, result = jsonb_build_object('reason', m.reason)
     FROM unnest($1::uuid[], $2::text[]) AS m(run_id, reason) WHERE r.id = m.run_id`,
    [skipped.map((m) => m.run_id), skipped.map((m) => m.reason), now],
  );
  await recordRuns(em, runs, now);
  outcome.done += done.length;
  outcome.skipped += skipped.length;
}

/**
 * Email steps, a batch at a time: recipients, templates and every mail's values are read with one
 * query each, rendered in memory, and queued in one statement (each keyed by run and address).
 * A run with no recipient, or a value missing for any recipient, is skipped with the reason.
 */
async function runMailSteps(em: EntityManager, runs: ClaimedRun[], steps: Map<string, AutomationStep>, now: Date, opts: EngineOptions, outcome: RunOutcome) {
  if (!runs.length) return;
  const finished: Array<{ run: ClaimedRun; status: 'DONE' | 'SKIPPED' | 'FAILED'; result: Record<string, unknown>; error?: string }> = [];
  const templates = new Map<string, { subject: string; body: string }>(
    (await em.query(`SELECT id, subject, body FROM email_templates WHERE id = ANY($1::uuid[])`, [[...new Set([...steps.values()].map((s) => s.emailTemplateId).filter(Boolean))]])).map((t: any) => [t.id, t]),
  );
  const cards = new Map<string, { client_id: string; owner_id: string | null }>(
    (await em.query(`SELECT id, client_id, owner_id FROM cards WHERE id = ANY($1::uuid[])`, [runs.map((r) => r.card_id)])).map((c: any) => [c.id, c]),
  );
  const userIds = [...new Set([...runs.map((r) => cards.get(r.card_id)?.owner_id), ...[...steps.values()].flatMap((s) => [s.senderUserId, s.recipientUserId])].filter((x): x is string => !!x))];
  const users = new Map<string, { id: string; name: string; email: string }>((await em.query(`SELECT id, name, email FROM users WHERE id = ANY($1::uuid[]) AND active`, [userIds])).map((u: any) => [u.id, u]));
  const contactRows: Array<{ id: string; client_id: string; email: string }> = await em.query(
    `SELECT id, client_id, emails[1] AS email FROM contacts WHERE client_id = ANY($1::uuid[]) AND deleted_at IS NULL AND cardinality(emails) > 0 ORDER BY client_id, is_primary DESC, created_at`,
    [[...new Set([...cards.values()].map((c) => c.client_id))]],
  );
  const contactsOf = new Map<string, Array<{ id: string; email: string }>>();
  for (const c of contactRows) contactsOf.set(c.client_id, [...(contactsOf.get(c.client_id) ?? []), c]);

  // Who gets what, per run.
  const plans: Array<{ run: ClaimedRun; step: AutomationStep; template: { subject: string; body: string }; sender: { id: string; name: string; email: string }; to: Array<{ contactId: string | null; email: string }> }> = [];
  for (const run of runs) {
    const step = steps.get(run.step_id)!;
    const card = cards.get(run.card_id)!;
    const template = step.emailTemplateId ? templates.get(step.emailTemplateId) : undefined;
    const sender = users.get((step.sender === 'USER' ? step.senderUserId : card.owner_id) ?? '');
    let to: Array<{ contactId: string | null; email: string }> = [];
    if (step.kind === StepKind.EmailToContact) {
      const contacts = contactsOf.get(card.client_id) ?? [];
      to = (step.recipient === 'ALL_CONTACTS' ? contacts : contacts.slice(0, 1)).map((c) => ({ contactId: c.id, email: c.email }));
    } else {
      const user = users.get((step.recipient === 'USER' ? step.recipientUserId : card.owner_id) ?? '');
      if (user) to = [{ contactId: null, email: user.email }];
    }
    if (!template) finished.push({ run, status: 'SKIPPED', result: { reason: 'The email template is missing.' } });
    else if (!sender) finished.push({ run, status: 'SKIPPED', result: { reason: 'There is no active sender (the card has no owner?).' } });
    else if (!to.length) finished.push({ run, status: 'SKIPPED', result: { reason: 'No recipient with an email address.' } });
    else plans.push({ run, step, template, sender, to });
  }

  const items = plans.flatMap((plan) => plan.to.map((r) => ({ plan, r })));
  const contexts = await buildMailContexts(em, items.map(({ plan, r }) => ({ cardId: plan.run.card_id, contactId: r.contactId, senderId: plan.sender.id, now })));
  const mails = new Map<string, NewMail[]>();
  const skipped = new Set<string>();
  items.forEach(({ plan, r }, i) => {
    if (skipped.has(plan.run.id)) return;
    const { subject, body } = plan.template;
    const missing = [...new Set([...missingValues(scanTemplate(subject), contexts[i]), ...missingValues(scanTemplate(body), contexts[i])])];
    if (missing.length) {
      skipped.add(plan.run.id);
      mails.delete(plan.run.id);
      finished.push({ run: plan.run, status: 'SKIPPED', result: { reason: `No value for ${missing.map((m) => `{{${m}}}`).join(', ')}.`, missing } });
      return;
    }
    const mail = renderMail(subject, body, contexts[i], { locale: opts.locale ?? 'en', timeZone: opts.timeZone });
    const card = cards.get(plan.run.card_id)!;
    mails.set(plan.run.id, [
      ...(mails.get(plan.run.id) ?? []),
      { idempotencyKey: `run:${plan.run.id}:${r.email}`, cardId: plan.run.card_id, clientId: card.client_id, templateId: plan.step.emailTemplateId, fromAddress: opts.mailFrom ?? plan.sender.email, fromName: plan.sender.name, replyTo: opts.mailFrom ? plan.sender.email : null, to: [r.email], subject: mail.subject, html: mail.html, text: mail.text, createdById: null, messageDomain: opts.messageDomain, history: false },
    ]);
  });
  const order = [...mails.entries()];
  const queued = await queueMails(em, order.flatMap(([, m]) => m));
  let k = 0;
  for (const [runId, list] of order) {
    const result = queued.slice(k, k + list.length);
    k += list.length;
    outcome.mailIds.push(...result.filter((q) => q.created).map((q) => q.id));
    finished.push({ run: plans.find((p) => p.run.id === runId)!.run, status: 'DONE', result: { mailIds: result.map((q) => q.id) } });
  }

  await em.query(
    `UPDATE automation_runs r SET status = f.status, finished_at = $4, result = f.result
     FROM unnest($1::uuid[], $2::text[], $3::jsonb[]) AS f(id, status, result) WHERE r.id = f.id`,
    [finished.map((f) => f.run.id), finished.map((f) => f.status), finished.map((f) => JSON.stringify(f.result)), now],
  );
  await recordRuns(em, finished.map((f) => f.run), now);
  for (const f of finished) {
    if (f.status === 'DONE') outcome.done++;
    else if (f.status === 'SKIPPED') outcome.skipped++;
    else outcome.failed++;
  }
}

/** A History entry per run on the card. */
async function recordRuns(em: EntityManager, runs: ClaimedRun[], now: Date) {
  if (!runs.length) return;
  await em.query(
    `INSERT INTO audit_log (at, actor_id, action, entity, entity_id, client_id, card_id, changes)
     SELECT $2, NULL, 'step_' || lower(r.status), 'automation', r.automation_id, c.client_id, r.card_id,
            jsonb_build_object('automation', jsonb_build_array(NULL, a.name), 'step', jsonb_build_array(NULL, s.position + 1), 'result', jsonb_build_array(NULL, r.result))
     FROM automation_runs r JOIN cards c ON c.id = r.card_id JOIN automations a ON a.id = r.automation_id JOIN automation_steps s ON s.id = r.step_id
     WHERE r.id = ANY($1::uuid[])`,
    [runs.map((r) => r.id), now],
  );
}
