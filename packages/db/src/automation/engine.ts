import { Role, RunReason, StepKind, stepDueAt } from '@crm/shared';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { cardVisibility } from '../access/scope';
import { loadViewer, type Viewer } from '../access/viewer';
import { Automation, AutomationStep } from '../entities';
import { cardMailContext, loadMailCards, mailNeeds, type MailCard } from '../mail/context';
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

/** A run's reason to be skipped or failed, as the web app translates it. */
export interface RunReasonResult {
  code: RunReason;
  params?: Record<string, unknown>;
}

/**
 * The SQL that selects the ids of the cards an automation's trigger matches, inside the scope of
 * the person it acts for (an admin's sees everything), or why it matches nothing.
 */
async function matchingSql(em: EntityManager, a: Automation, viewer: Viewer | null, p: SqlParams): Promise<{ sql: string } | { problem: RunReason }> {
  if (!viewer) return { problem: RunReason.NoActingUser };
  const visible = `${cardVisibility(viewer, p)} AND cl.deleted_at IS NULL`;
  if (a.triggerKind === 'STATUS') {
    if (!a.triggerStatusId) return { sql: 'SELECT NULL::uuid AS id WHERE false' };
    return { sql: `SELECT c.id FROM cards c JOIN clients cl ON cl.id = c.client_id WHERE c.status_id = ${p.param(a.triggerStatusId)} AND ${visible}` };
  }
  const [view] = a.triggerViewId ? await em.query(`SELECT filter, owner_id, shared, pipeline_id FROM views WHERE id = $1`, [a.triggerViewId]) : [];
  // The view must be the builder's own or shared: a private view of someone else is no trigger.
  if (!view || (view.owner_id !== a.createdById && !view.shared) || (view.pipeline_id && view.pipeline_id !== a.pipelineId)) return { problem: RunReason.TriggerViewHidden };
  const where = [`c.pipeline_id = ${p.param(a.pipelineId)}`, visible, ...cardFilterSql(view.filter, p)];
  return { sql: `SELECT c.id FROM cards c JOIN clients cl ON cl.id = c.client_id JOIN statuses s ON s.id = c.status_id WHERE ${where.join(' AND ')}` };
}

/** The scope an automation acts with: its acting user's, or null when there is none (gone, inactive, never activated). */
async function actingViewer(em: EntityManager, a: Pick<Automation, 'actingUserId'>): Promise<Viewer | null> {
  return a.actingUserId ? loadViewer(em, a.actingUserId) : null;
}

/** Pauses an automation that cannot go on by itself (no acting user, a hidden trigger view), saying why. */
async function pauseWithReason(em: EntityManager, automationId: string, reason: RunReason) {
  await em.query(`UPDATE automations SET state = 'PAUSED', paused_reason = $2, updated_at = now() WHERE id = $1 AND state = 'ACTIVE'`, [automationId, reason]);
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
 * Activates an automation for the person who activates it (`actingUserId`: it acts with their
 * scope from now on): the cards that match now are enrolled (one-time and continuous), or, with
 * "only new cards", remembered as excluded so that only later arrivals are enrolled.
 */
export async function activateAutomation(ds: DataSource, id: string, now: Date, opts: EngineOptions, actingUserId: string): Promise<Scheduled & { enrolled: number }> {
  return ds.transaction(async (em) => {
    const a = await lockAutomation(em, id);
    if (!a) throw new Error(`automation ${id} not found`);
    await em.getRepository(Automation).update(id, { state: 'ACTIVE', activatedAt: a.activatedAt ?? now, actingUserId, pausedReason: null });
    a.actingUserId = actingUserId;
    const p = new SqlParams();
    const matching = await matchingSql(em, a, await actingViewer(em, a), p);
    if ('problem' in matching) {
      await pauseWithReason(em, id, matching.problem);
      return { enrolled: 0, dueTimes: [] };
    }
    const excluded = a.onlyNew && a.mode === 'CONTINUOUS' && !a.activatedAt;
    const { count, dueTimes } = await enrol(em, a, matching.sql, p, now, excluded ? 'EXCLUDED' : 'ACTIVE', opts);
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
    const viewer = await actingViewer(em, a);
    const lp = new SqlParams();
    const leaveMatching = await matchingSql(em, a, viewer, lp);
    if ('problem' in leaveMatching) {
      // Nobody to act for, or a trigger view it may no longer use: it stops, and says why.
      await pauseWithReason(em, a.id, leaveMatching.problem);
      return { entered: 0, left: 0, dueTimes: [] };
    }
    // Cards that stopped matching leave, and so do those the acting user may no longer see.
    const [left]: [Array<{ id: string }>, number] = await em.query(
      `UPDATE automation_enrolments SET matching = false,
         ended_at = CASE WHEN state = 'ACTIVE' THEN ${lp.param(now)}::timestamptz ELSE ended_at END,
         state = CASE WHEN state = 'ACTIVE' THEN 'LEFT' ELSE state END
       WHERE automation_id = ${lp.param(a.id)} AND matching AND card_id NOT IN (${leaveMatching.sql}) RETURNING id`,
      lp.values,
    );
    await cancelRuns(em, left.map((r) => r.id));
    const ep = new SqlParams();
    const enterMatching = await matchingSql(em, a, viewer, ep);
    const entered = 'sql' in enterMatching ? await enrol(em, a, enterMatching.sql, ep, now, 'ACTIVE', opts) : { count: 0, dueTimes: [] };
    return { entered: entered.count, left: left.length, dueTimes: entered.dueTimes };
  });
}

async function cancelRuns(em: EntityManager, enrolmentIds: string[]) {
  if (enrolmentIds.length) await em.query(`UPDATE automation_runs SET status = 'CANCELLED', finished_at = now() WHERE enrolment_id = ANY($1::uuid[]) AND status = 'PENDING'`, [enrolmentIds]);
}

/**
 * Cards went to the trash: their open enrolments end (LEFT), their pending steps are cancelled and
 * their queued mail (and, for trashed clients, the clients' queued mail) is cancelled, inside the caller's
 * transaction. Restoring them later sends nothing of it. Returns the cancelled mails' ids.
 */
export async function cancelForTrash(em: EntityManager, cardIds: string[], clientIds: string[], now: Date): Promise<{ enrolments: number; mails: string[] }> {
  const [ended]: [Array<{ id: string }>, number] = await em.query(
    `UPDATE automation_enrolments SET ended_at = $2, state = 'LEFT' WHERE card_id = ANY($1::uuid[]) AND state = 'ACTIVE' RETURNING id`,
    [cardIds, now],
  );
  await em.query(
    `UPDATE automation_runs SET status = 'CANCELLED', finished_at = $2, result = $3 WHERE card_id = ANY($1::uuid[]) AND status = 'PENDING'`,
    [cardIds, now, { code: RunReason.CardTrashed }],
  );
  const [mails]: [Array<{ id: string }>, number] = await em.query(
    `UPDATE outbox_mails SET status = 'CANCELLED', updated_at = now() WHERE status = 'QUEUED' AND (card_id = ANY($1::uuid[]) OR client_id = ANY($2::uuid[])) RETURNING id`,
    [cardIds, clientIds],
  );
  return { enrolments: ended.length, mails: mails.map((m) => m.id) };
}

/**
 * Stops an automation for good (its owner's or a manager's decision): open enrolments end and
 * pending steps are cancelled, inside the caller's transaction; what already ran stays as it is.
 */
export async function stopAutomation(em: EntityManager, automationId: string, now: Date): Promise<{ enrolments: number; runs: number }> {
  await em.query(`UPDATE automations SET state = 'DONE', paused_reason = NULL, updated_at = now() WHERE id = $1`, [automationId]);
  const [ended]: [Array<{ id: string }>, number] = await em.query(
    `UPDATE automation_enrolments SET state = 'LEFT', ended_at = $2 WHERE automation_id = $1 AND state = 'ACTIVE' RETURNING id`,
    [automationId, now],
  );
  const [, runs]: [unknown, number] = await em.query(
    `UPDATE automation_runs SET status = 'CANCELLED', finished_at = $2, result = $3 WHERE automation_id = $1 AND status = 'PENDING'`,
    [automationId, now, { code: RunReason.AutomationStopped }],
  );
  return { enrolments: ended.length, runs };
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

type Finished = { run: ClaimedRun; status: 'DONE' | 'SKIPPED' | 'FAILED'; result: Record<string, unknown>; error?: string | null };

/** What a part of a batch did; added to the outcome only once its savepoint is released. */
interface Partial {
  finished: Finished[];
  mailIds: string[];
}

const reason = (code: RunReason, params?: Record<string, unknown>) => (params ? { code, params } : { code });

/** Runs `fn` inside a savepoint: on error only its own writes are undone, and the error is returned. */
async function savepoint<T>(em: EntityManager, fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  await em.query('SAVEPOINT step_batch');
  try {
    const value = await fn();
    await em.query('RELEASE SAVEPOINT step_batch');
    return { ok: true, value };
  } catch (error) {
    await em.query('ROLLBACK TO SAVEPOINT step_batch');
    return { ok: false, error };
  }
}

/**
 * Runs a kind of step for a set of runs: all together first; should that throw, each run alone,
 * so a run that fails is marked FAILED on its own and the others of the batch go on.
 */
async function runIsolated(em: EntityManager, runs: ClaimedRun[], fn: (runs: ClaimedRun[]) => Promise<Partial>): Promise<Partial> {
  if (!runs.length) return { finished: [], mailIds: [] };
  const whole = await savepoint(em, () => fn(runs));
  if (whole.ok) return whole.value;
  const out: Partial = { finished: [], mailIds: [] };
  for (const run of runs) {
    const one = await savepoint(em, () => fn([run]));
    if (one.ok) {
      out.finished.push(...one.value.finished);
      out.mailIds.push(...one.value.mailIds);
    } else {
      out.finished.push({ run, status: 'FAILED', result: reason(RunReason.StepFailed), error: String((one.error as Error)?.message ?? one.error).slice(0, 1000) });
    }
  }
  return out;
}

/**
 * Screens claimed runs before anything runs: a run whose card is gone FAILS, one whose card or
 * client is in the trash, or outside the scope of the person the automation acts for, is SKIPPED
 * (an automation without an active acting user is paused). Returns the runs that may go ahead.
 */
async function screenRuns(em: EntityManager, runs: ClaimedRun[]): Promise<{ go: ClaimedRun[]; stopped: Finished[]; actors: Map<string, Viewer>; oneTime: Set<string> }> {
  const stopped: Finished[] = [];
  const go: ClaimedRun[] = [];
  const actors = new Map<string, Viewer>();
  const byAutomation = new Map<string, ClaimedRun[]>();
  for (const r of runs) byAutomation.set(r.automation_id, [...(byAutomation.get(r.automation_id) ?? []), r]);
  const automations = new Map((await em.getRepository(Automation).findBy({ id: In([...byAutomation.keys()]) })).map((a) => [a.id, a]));
  for (const [automationId, list] of byAutomation) {
    const viewer = await actingViewer(em, automations.get(automationId) ?? { actingUserId: null });
    if (!viewer) {
      await pauseWithReason(em, automationId, RunReason.NoActingUser);
      stopped.push(...list.map((run): Finished => ({ run, status: 'SKIPPED', result: reason(RunReason.NoActingUser) })));
      continue;
    }
    actors.set(automationId, viewer);
    const p = new SqlParams();
    const ids = p.param(list.map((r) => r.card_id));
    const rows: Array<{ id: string; trashed: boolean; visible: boolean }> = await em.query(
      `SELECT c.id, (c.deleted_at IS NOT NULL OR cl.deleted_at IS NOT NULL) AS trashed, (${cardVisibility(viewer, p)}) AS visible
       FROM cards c JOIN clients cl ON cl.id = c.client_id WHERE c.id = ANY(${ids}::uuid[])`,
      p.values,
    );
    const cards = new Map(rows.map((c) => [c.id, c]));
    for (const run of list) {
      const card = cards.get(run.card_id);
      if (!card) stopped.push({ run, status: 'FAILED', result: reason(RunReason.CardGone) });
      else if (card.trashed) stopped.push({ run, status: 'SKIPPED', result: reason(RunReason.CardTrashed) });
      else if (!card.visible) stopped.push({ run, status: 'SKIPPED', result: reason(RunReason.CardOutOfScope) });
      else go.push(run);
    }
  }
  // The automations whose enrolments end once their steps have run.
  const oneTime = new Set([...automations.values()].filter((a) => a.mode === 'ONE_TIME').map((a) => a.id));
  return { go, stopped, actors, oneTime };
}

/**
 * Records how a batch's runs finished, in one statement: each run's status and result (and the
 * attempt, started and finished in this batch), a History entry on each card, and the end of each
 * enrolment of a one-time automation (`oneTime`) that has no step left to run. Every claimed run
 * of the batch is among `finished`: the statement sees them still PENDING (one snapshot), so they
 * are left out of that check. Rows are found by the ids given (never by automation), so the work
 * stays in proportion to the batch however the planner judges tables it has not analysed yet.
 */
async function finishBatch(em: EntityManager, finished: Finished[], oneTime: Set<string>, now: Date) {
  if (!finished.length) return;
  const ids = finished.map((f) => f.run.id);
  const ending = [...new Set(finished.filter((f) => oneTime.has(f.run.automation_id)).map((f) => f.run.enrolment_id))];
  await em.query(
    `WITH done AS (
       UPDATE automation_runs r SET status = f.status, attempts = r.attempts + 1, started_at = $5, finished_at = $5, result = f.result, error = f.error
       FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::text[]) AS f(id, status, result, error) WHERE r.id = f.id AND r.id = ANY($1::uuid[])
       RETURNING r.automation_id, r.step_id, r.card_id, r.status, r.result),
     history AS (
       INSERT INTO audit_log (at, actor_id, action, entity, entity_id, client_id, card_id, changes)
       SELECT $5, NULL, 'step_' || lower(d.status), 'automation', d.automation_id, c.client_id, d.card_id,
              jsonb_build_object('automation', jsonb_build_array(NULL, a.name), 'step', jsonb_build_array(NULL, s.position + 1), 'result', jsonb_build_array(NULL, d.result))
       FROM done d JOIN cards c ON c.id = d.card_id JOIN automations a ON a.id = d.automation_id JOIN automation_steps s ON s.id = d.step_id)
     UPDATE automation_enrolments e SET state = 'DONE', ended_at = $5
     WHERE e.id = ANY($6::uuid[]) AND e.state = 'ACTIVE'
       AND NOT EXISTS (SELECT 1 FROM automation_runs r WHERE r.enrolment_id = e.id AND r.status IN ('PENDING', 'RUNNING') AND r.id <> ALL($1::uuid[]))`,
    [ids, finished.map((f) => f.status), finished.map((f) => JSON.stringify(f.result)), finished.map((f) => f.error ?? null), now, ending],
  );
}

/**
 * Runs due steps of active automations, a batch at a time, until none is due. Todo steps are done
 * set-based (one statement per batch); email steps render per recipient. Each batch is one
 * transaction: a crash leaves nothing half-written, and the claim is released with it. Within a
 * batch, a run that fails is marked FAILED by itself (savepoints), never holding up the others;
 * how every run finished is written once, at the end of the batch. `concurrency` batches run at
 * once (each on a connection of its own), so that one is rendered while another is written.
 */
export async function runDueSteps(ds: DataSource, now: Date, opts: EngineOptions, batchSize = 500, concurrency = 2): Promise<RunOutcome> {
  const outcome: RunOutcome = { done: 0, skipped: 0, failed: 0, mailIds: [] };
  const batch = () =>
    ds.transaction(async (em) => {
      // Claimed by their row locks, held until the batch commits with every claimed run finished
      // (finishBatch counts the attempt): a RUNNING status written here would never be seen by
      // anyone else, and writing it cost a second new version of every run. The enrolments are
      // locked too, so that a card's runs are never in two batches at once: each batch that ends
      // an enrolment sees its other runs as they are.
      const runs: ClaimedRun[] = await em.query(
        `SELECT r.id, r.automation_id, r.enrolment_id, r.step_id, r.card_id FROM automation_runs r
         JOIN automations a ON a.id = r.automation_id AND a.state = 'ACTIVE'
         JOIN automation_enrolments e ON e.id = r.enrolment_id AND e.state IN ('ACTIVE', 'DONE')
         WHERE r.status = 'PENDING' AND r.due_at <= $1 ORDER BY r.due_at LIMIT $2 FOR UPDATE OF r, e SKIP LOCKED`,
        [now, batchSize],
      );
      if (!runs.length) return null;
      const { go, stopped, actors, oneTime } = await screenRuns(em, runs);
      const steps = new Map((await em.getRepository(AutomationStep).findBy({ id: In([...new Set(go.map((r) => r.step_id))]) })).map((s) => [s.id, s]));
      const todoRuns = go.filter((r) => steps.get(r.step_id)?.kind === StepKind.TodoForUser);
      const mailRuns = go.filter((r) => steps.get(r.step_id)?.kind !== StepKind.TodoForUser);
      const todo = await runIsolated(em, todoRuns, (some) => runTodoSteps(em, some, now, opts));
      const mail = await runIsolated(em, mailRuns, (some) => runMailSteps(em, some, steps, actors, now, opts));
      const finished = [...stopped, ...todo.finished, ...mail.finished];
      await finishBatch(em, finished, oneTime, now);
      return { finished, mailIds: mail.mailIds };
    });
  const settled = await Promise.allSettled(
    Array.from({ length: Math.max(1, concurrency) }, async () => {
      for (;;) {
        // Until a claim finds nothing: a batch short of batchSize may have left runs whose
        // enrolment the other batch held.
        const done = await batch();
        if (!done) return;
        // Counted once the batch is committed.
        for (const f of done.finished) {
          if (f.status === 'DONE') outcome.done++;
          else if (f.status === 'SKIPPED') outcome.skipped++;
          else outcome.failed++;
        }
        outcome.mailIds.push(...done.mailIds);
      }
    }),
  );
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return outcome;
}

/** Todo steps, set-based: one todo per run (keyed by the run), assigned to the owner or a named user. */
async function runTodoSteps(em: EntityManager, runs: ClaimedRun[], now: Date, opts: EngineOptions): Promise<Partial> {
  const ids = runs.map((r) => r.id);
  const made: Array<{ run_id: string; todo_id: string | null; reason: RunReason | null }> = await em.query(
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
            CASE WHEN src.title IS NULL THEN $4 WHEN src.assignee IS NULL THEN $5 END AS reason
     FROM src LEFT JOIN ins ON ins.idempotency_key = 'run:' || src.run_id`,
    [ids, now, opts.timeZone, RunReason.TemplateMissing, RunReason.CardHasNoOwner],
  );
  const byId = new Map(runs.map((r) => [r.id, r]));
  const finished = made.map((m): Finished => (m.todo_id ? { run: byId.get(m.run_id)!, status: 'DONE', result: { todoId: m.todo_id } } : { run: byId.get(m.run_id)!, status: 'SKIPPED', result: reason(m.reason ?? RunReason.StepFailed) }));
  return { finished, mailIds: [] };
}

/** The cards among `cardIds` that `viewer` may see. */
async function visibleCardIds(em: EntityManager, viewer: Viewer, cardIds: string[]): Promise<Set<string>> {
  const p = new SqlParams();
  const ids = p.param(cardIds);
  const rows: Array<{ id: string }> = await em.query(`SELECT c.id FROM cards c JOIN clients cl ON cl.id = c.client_id WHERE c.id = ANY(${ids}::uuid[]) AND ${cardVisibility(viewer, p)}`, p.values);
  return new Set(rows.map((r) => r.id));
}

/** Admins and managers may send in anyone's name; everyone else as the card's owner or themselves. */
const MAY_SEND_AS_ANYONE: readonly Role[] = [Role.Admin, Role.Manager];

/**
 * Email steps, a batch at a time: recipients, templates and every mail's values are read with one
 * query each, rendered in memory, and queued in one statement (each keyed by run and address).
 * A run with no recipient, or a value missing for any recipient, is skipped with the reason; a
 * mail of a user goes only to a user who may see the card; a template that cannot be rendered fails the run.
 */
async function runMailSteps(em: EntityManager, runs: ClaimedRun[], steps: Map<string, AutomationStep>, actors: Map<string, Viewer>, now: Date, opts: EngineOptions): Promise<Partial> {
  const finished: Finished[] = [];
  const templates = new Map<string, { subject: string; body: string }>(
    (await em.query(`SELECT id, subject, body FROM email_templates WHERE id = ANY($1::uuid[])`, [[...new Set([...steps.values()].map((s) => s.emailTemplateId).filter(Boolean))]])).map((t: any) => [t.id, t]),
  );
  // Each card with everything its mails show and its contacts, in one statement (read once: the
  // recipients are chosen from it and the mails' values taken from it).
  const cards = await loadMailCards(em, runs.map((r) => r.card_id), mailNeeds([...templates.values()].flatMap((t) => [t.subject, t.body])));
  const userIds = [...new Set([...runs.map((r) => cards.get(r.card_id)?.owner_id), ...[...steps.values()].flatMap((s) => [s.senderUserId, s.recipientUserId])].filter((x): x is string => !!x))];
  const users = new Map<string, { id: string; name: string; email: string; signature: string | null }>((await em.query(`SELECT id, name, email, signature FROM users WHERE id = ANY($1::uuid[]) AND active`, [userIds])).map((u: any) => [u.id, u]));
  // A contact gets mail when it has an address (its first).
  const contactsOf = (card: MailCard) => card.contacts.filter((c) => c.emails?.length).map((c) => ({ id: c.id, email: c.emails![0] }));
  // Which cards each user who is to get a mail may see (a user's mail carries the card's data).
  const seenBy = new Map<string, Set<string>>();
  const seen = async (userId: string) => {
    if (!seenBy.has(userId)) {
      const viewer = await loadViewer(em, userId);
      seenBy.set(userId, viewer ? await visibleCardIds(em, viewer, runs.map((r) => r.card_id)) : new Set());
    }
    return seenBy.get(userId)!;
  };

  // Who gets what, per run.
  const plans: Array<{ run: ClaimedRun; step: AutomationStep; template: { subject: string; body: string }; sender: { id: string; name: string; email: string; signature: string | null }; to: Array<{ contactId: string | null; email: string }> }> = [];
  for (const run of runs) {
    const step = steps.get(run.step_id)!;
    const card = cards.get(run.card_id);
    if (!card) {
      finished.push({ run, status: 'FAILED', result: reason(RunReason.CardGone) });
      continue;
    }
    const actor = actors.get(run.automation_id)!;
    const template = step.emailTemplateId ? templates.get(step.emailTemplateId) : undefined;
    const senderId = step.sender === 'USER' ? step.senderUserId : card.owner_id;
    const sender = users.get(senderId ?? '');
    let to: Array<{ contactId: string | null; email: string }> = [];
    let toUserId: string | null = null;
    if (step.kind === StepKind.EmailToContact) {
      const contacts = contactsOf(card);
      if (step.recipient === 'ALL_CONTACTS' || step.recipient === 'PRIMARY_CONTACT') to = (step.recipient === 'ALL_CONTACTS' ? contacts : contacts.slice(0, 1)).map((c) => ({ contactId: c.id, email: c.email }));
    } else if (step.recipient === 'OWNER' || step.recipient === 'USER') {
      // A mail to a user goes to a user, never to a contact.
      toUserId = (step.recipient === 'USER' ? step.recipientUserId : card.owner_id) ?? null;
      const user = users.get(toUserId ?? '');
      if (user) to = [{ contactId: null, email: user.email }];
    }
    if (!template) finished.push({ run, status: 'SKIPPED', result: reason(RunReason.TemplateMissing) });
    else if (step.sender !== 'USER' && !card.owner_id) finished.push({ run, status: 'SKIPPED', result: reason(RunReason.CardHasNoOwner) });
    else if (!sender) finished.push({ run, status: 'SKIPPED', result: reason(RunReason.NoSender) });
    else if (step.sender === 'USER' && sender.id !== actor.id && sender.id !== card.owner_id && !MAY_SEND_AS_ANYONE.includes(actor.role)) finished.push({ run, status: 'SKIPPED', result: reason(RunReason.SenderNotAllowed) });
    else if (!to.length) finished.push({ run, status: 'SKIPPED', result: reason(step.recipient === 'OWNER' && !card.owner_id ? RunReason.CardHasNoOwner : RunReason.NoRecipient) });
    else if (toUserId && !(await seen(toUserId)).has(run.card_id)) finished.push({ run, status: 'SKIPPED', result: reason(RunReason.RecipientCannotSeeCard) });
    else plans.push({ run, step, template, sender, to });
  }

  const items = plans.flatMap((plan) => plan.to.map((r) => ({ plan, r })));
  const contexts = items.map(({ plan, r }) => cardMailContext(cards.get(plan.run.card_id)!, r.contactId, plan.sender, now));
  const mails = new Map<string, NewMail[]>();
  const stopped = new Set<string>();
  const stop = (f: Finished) => {
    stopped.add(f.run.id);
    mails.delete(f.run.id);
    finished.push(f);
  };
  items.forEach(({ plan, r }, i) => {
    if (stopped.has(plan.run.id)) return;
    const { subject, body } = plan.template;
    let mail: ReturnType<typeof renderMail>;
    try {
      const missing = [...new Set([...missingValues(scanTemplate(subject), contexts[i]), ...missingValues(scanTemplate(body), contexts[i])])];
      if (missing.length) return stop({ run: plan.run, status: 'SKIPPED', result: reason(RunReason.MissingValues, { missing }) });
      mail = renderMail(subject, body, contexts[i], { locale: opts.locale ?? 'en', timeZone: opts.timeZone });
    } catch (err) {
      return stop({ run: plan.run, status: 'FAILED', result: reason(RunReason.RenderFailed), error: String((err as Error)?.message ?? err).slice(0, 1000) });
    }
    const card = cards.get(plan.run.card_id)!;
    mails.set(plan.run.id, [
      ...(mails.get(plan.run.id) ?? []),
      { idempotencyKey: `run:${plan.run.id}:${r.email}`, cardId: plan.run.card_id, clientId: card.client_id, templateId: plan.step.emailTemplateId, fromAddress: opts.mailFrom ?? plan.sender.email, fromName: plan.sender.name, replyTo: opts.mailFrom ? plan.sender.email : null, to: [r.email], subject: mail.subject, html: mail.html, text: mail.text, createdById: null, messageDomain: opts.messageDomain, history: false },
    ]);
  });
  const order = [...mails.entries()];
  const runsById = new Map(runs.map((r) => [r.id, r]));
  const queued = await queueMails(em, order.flatMap(([, m]) => m));
  const mailIds: string[] = [];
  let k = 0;
  for (const [runId, list] of order) {
    const result = queued.slice(k, k + list.length);
    k += list.length;
    mailIds.push(...result.filter((q) => q.created).map((q) => q.id));
    finished.push({ run: runsById.get(runId)!, status: 'DONE', result: { mailIds: result.map((q) => q.id) } });
  }
  return { finished, mailIds };
}

