import { activateAutomation, stopAutomation, Automation, AutomationStep, askToEvaluateAutomations, cardVisibility, EmailTemplate, enqueue, evaluateAutomation, rescheduleAfterEdit, SqlParams, Status, TodoTemplate, User, View, withOrganisationZone, type EngineOptions, type Queues } from '@crm/db';
import { AutomationProblemCode, isAtLeast, JOBS, Role, StepKind } from '@crm/shared';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AppError, forbidden, notFound, refused } from '../../graphql/errors';
import type { Logger } from '../../logger';
import type { Viewer } from '@crm/db';
import { recordAudit, withAudit } from '../audit/audit';
import { AutomationInput, AutomationMode, AutomationProblem, AutomationRunType, AutomationStepShape, AutomationType, TriggerKind } from './automation.types';

const CONTACT_RECIPIENTS = ['PRIMARY_CONTACT', 'ALL_CONTACTS'];
/** A view may trigger an automation when it is its builder's own, or shared. */
const viewVisibleTo = (view: View, userId: string | null) => view.shared || view.ownerId === userId;
const USER_RECIPIENTS = ['OWNER', 'USER'];

/** Automations per pipeline: built in the editor, checked before they run, executed by the worker. */
export class AutomationService {
  constructor(
    private readonly ds: DataSource,
    private readonly queues: Queues,
    /** Its time zone is ORG_TIME_ZONE, the fallback of the organisation's saved zone (read on each use). */
    private readonly engine: EngineOptions,
    private readonly logger: Logger,
  ) {}

  async list(pipelineId: string): Promise<AutomationType[]> {
    const rows = await this.ds.getRepository(Automation).find({ where: { pipelineId }, order: { createdAt: 'DESC' } });
    return Promise.all(rows.map((a) => this.present(this.ds.manager, a)));
  }

  async get(id: string, em: EntityManager = this.ds.manager): Promise<AutomationType> {
    const a = await em.getRepository(Automation).findOneBy({ id });
    if (!a) throw notFound('Automation');
    return this.present(em, a);
  }

  private async present(em: EntityManager, a: Automation): Promise<AutomationType> {
    const steps = await em.getRepository(AutomationStep).find({ where: { automationId: a.id, removedAt: IsNull() }, order: { position: 'ASC' } });
    const [stats] = await em.query(
      `SELECT (SELECT count(*)::int FROM automation_enrolments WHERE automation_id = $1 AND state = 'ACTIVE') AS enrolled,
              count(*) FILTER (WHERE status = 'DONE')::int AS "stepsDone", count(*) FILTER (WHERE status IN ('PENDING', 'RUNNING'))::int AS "stepsPending",
              count(*) FILTER (WHERE status = 'FAILED')::int AS failures, count(*) FILTER (WHERE status = 'SKIPPED')::int AS skipped
       FROM automation_runs WHERE automation_id = $1`,
      [a.id],
    );
    return {
      ...a,
      triggerKind: a.triggerKind as TriggerKind,
      mode: a.mode as AutomationMode,
      steps: steps.map((s) => ({ ...s, kind: s.kind as StepKind })),
      stats,
      problems: await this.problems(em, a, steps),
    };
  }

  /** Everything that keeps an automation from running, per step and field. */
  private async problems(em: EntityManager, a: Automation, steps: AutomationStep[]): Promise<AutomationProblem[]> {
    const out: AutomationProblem[] = [];
    const add = (step: number | null, field: string, code: AutomationProblemCode) => out.push({ step, field, code });
    if (a.triggerKind === TriggerKind.STATUS) {
      const status = a.triggerStatusId ? await em.getRepository(Status).findOneBy({ id: a.triggerStatusId }) : null;
      if (!status || status.pipelineId !== a.pipelineId || status.archivedAt) add(null, 'triggerStatusId', AutomationProblemCode.TriggerStatus);
    } else {
      const view = a.triggerViewId ? await em.getRepository(View).findOneBy({ id: a.triggerViewId }) : null;
      if (!view || (view.pipelineId && view.pipelineId !== a.pipelineId)) add(null, 'triggerViewId', AutomationProblemCode.TriggerView);
      // Only the builder's own views and shared ones may trigger it (the engine ignores any other).
      else if (!viewVisibleTo(view, a.createdById)) add(null, 'triggerViewId', AutomationProblemCode.TriggerViewHidden);
    }
    if (!steps.length) add(null, 'steps', AutomationProblemCode.NoSteps);
    const emailTemplates = new Set((await em.getRepository(EmailTemplate).find({ select: { id: true }, where: { id: In(steps.map((s) => s.emailTemplateId).filter((x): x is string => !!x)), pipelineId: a.pipelineId, archivedAt: IsNull() } })).map((t) => t.id));
    const todoTemplates = new Set((await em.getRepository(TodoTemplate).find({ select: { id: true }, where: { id: In(steps.map((s) => s.todoTemplateId).filter((x): x is string => !!x)), archivedAt: IsNull() } })).map((t) => t.id));
    const userIds = steps.flatMap((s) => [s.recipientUserId, s.senderUserId]).filter((x): x is string => !!x);
    const users = new Set((await em.getRepository(User).find({ select: { id: true }, where: { id: In(userIds), active: true } })).map((u) => u.id));
    steps.forEach((s, i) => {
      if (s.kind === StepKind.TodoForUser) {
        if (!s.todoTemplateId || !todoTemplates.has(s.todoTemplateId)) add(i, 'todoTemplateId', AutomationProblemCode.TodoTemplate);
      } else if (!s.emailTemplateId || !emailTemplates.has(s.emailTemplateId)) add(i, 'emailTemplateId', AutomationProblemCode.EmailTemplate);
      const allowed = s.kind === StepKind.EmailToContact ? CONTACT_RECIPIENTS : USER_RECIPIENTS;
      if (!allowed.includes(s.recipient)) add(i, 'recipient', s.kind === StepKind.EmailToContact ? AutomationProblemCode.RecipientContact : AutomationProblemCode.RecipientUser);
      if (s.recipient === 'USER' && (!s.recipientUserId || !users.has(s.recipientUserId))) add(i, 'recipientUserId', AutomationProblemCode.RecipientUserInactive);
      if (s.kind !== StepKind.TodoForUser && s.sender === 'USER' && (!s.senderUserId || !users.has(s.senderUserId))) add(i, 'senderUserId', AutomationProblemCode.SenderUserInactive);
    });
    return out;
  }

  /** Saves name, trigger, options and steps. For an active automation, steps not yet run follow the edit. */
  async save(viewer: Viewer, id: string | null, input: AutomationInput): Promise<AutomationType> {
    const { dueTimes, automationId } = await this.ds.transaction(async (em) => {
      let a: Automation;
      const fields = {
        pipelineId: input.pipelineId,
        name: input.name.trim(),
        triggerKind: input.triggerKind,
        triggerStatusId: input.triggerKind === TriggerKind.STATUS ? (input.triggerStatusId ?? null) : null,
        triggerViewId: input.triggerKind === TriggerKind.VIEW ? (input.triggerViewId ?? null) : null,
        mode: input.mode,
        onlyNew: input.onlyNew,
        reEnrol: input.reEnrol,
        stopOnReply: input.stopOnReply,
      };
      let existing: Automation | null = null;
      if (id) {
        existing = await em.getRepository(Automation).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!existing) throw notFound('Automation');
      }
      if (fields.triggerViewId) {
        // A trigger view must be one the builder sees: their own or a shared one (another's private view answers NOT_FOUND).
        const view = await em.getRepository(View).findOneBy({ id: fields.triggerViewId });
        if (!view || !viewVisibleTo(view, existing?.createdById ?? viewer.id)) throw notFound('View');
      }
      if (existing) {
        if (existing.state !== 'DRAFT' && (existing.triggerKind !== fields.triggerKind || existing.triggerStatusId !== fields.triggerStatusId || existing.triggerViewId !== fields.triggerViewId || existing.mode !== fields.mode || existing.pipelineId !== fields.pipelineId)) {
          throw refused('AUTOMATION_TRIGGER_LOCKED', 'The trigger and mode of an automation that has run cannot change; make a new one.');
        }
        await em.getRepository(Automation).update(existing.id, fields);
        a = { ...existing, ...fields } as Automation;
      } else {
        a = await em.getRepository(Automation).save({ ...fields, createdById: viewer.id });
      }
      await this.saveSteps(em, a, input.steps);
      await recordAudit(em, [{ actorId: viewer.id, action: id ? 'update' : 'create', entity: 'automation', entityId: a.id, changes: { name: [null, a.name], steps: [null, input.steps.map((s) => s.kind)] } }]);
      const dueTimes = a.state === 'ACTIVE' || a.state === 'PAUSED' ? await rescheduleAfterEdit(em, a.id, await withOrganisationZone(em, this.engine)) : [];
      return { dueTimes, automationId: a.id };
    });
    await this.wake(dueTimes);
    return this.get(automationId);
  }

  /** Keeps the steps given (by id), adds new ones, and removes the rest (kept as removed when they ran). */
  private async saveSteps(em: EntityManager, a: Automation, steps: AutomationStepShape[]) {
    const repo = em.getRepository(AutomationStep);
    const current = await repo.find({ where: { automationId: a.id, removedAt: IsNull() } });
    const keep = new Set(steps.map((s) => s.id).filter(Boolean));
    for (const old of current.filter((s) => !keep.has(s.id))) {
      const [{ ran }] = await em.query(`SELECT count(*)::int AS ran FROM automation_runs WHERE step_id = $1`, [old.id]);
      if (ran) await repo.update(old.id, { removedAt: new Date() });
      else await repo.delete(old.id);
    }
    for (const [position, s] of steps.entries()) {
      const values = {
        automationId: a.id,
        position,
        kind: s.kind,
        delayDays: s.delayDays,
        weekday: s.weekday ?? null,
        hour: s.hour ?? null,
        emailTemplateId: s.kind === StepKind.TodoForUser ? null : (s.emailTemplateId ?? null),
        todoTemplateId: s.kind === StepKind.TodoForUser ? (s.todoTemplateId ?? null) : null,
        recipient: s.recipient,
        recipientUserId: s.recipient === 'USER' ? (s.recipientUserId ?? null) : null,
        sender: s.sender,
        senderUserId: s.sender === 'USER' ? (s.senderUserId ?? null) : null,
      };
      if (s.id && current.some((c) => c.id === s.id)) await repo.update(s.id, values);
      else if (s.id) throw refused('STEP_OF_OTHER_AUTOMATION', 'A step of another automation was given.');
      else await repo.save(values);
    }
  }

  /**
   * Starts an automation (it must have no problems): the matching cards are enrolled now. It acts
   * for the person who activates it, with their scope, from now on.
   */
  async activate(viewer: Viewer, id: string): Promise<AutomationType> {
    const a = await this.get(id);
    if (a.problems.length) throw new AppError('BAD_USER_INPUT', `Fix these first: ${a.problems.map((p) => p.code).join(', ')}`, { reason: 'AUTOMATION_PROBLEMS', problems: a.problems });
    if (a.state === 'ACTIVE') return a;
    if (a.state === 'PAUSED') return this.resume(viewer, id);
    if (a.state === 'DONE') throw refused('AUTOMATION_FINISHED', 'This one-time automation has finished.');
    const { dueTimes, enrolled } = await activateAutomation(this.ds, id, new Date(), await withOrganisationZone(this.ds.manager, this.engine), viewer.id);
    await this.ds.transaction((em) => recordAudit(em, [{ actorId: viewer.id, action: 'activate', entity: 'automation', entityId: id, changes: { state: [a.state, 'ACTIVE'], enrolled: [null, enrolled] } }]));
    await this.wake(dueTimes);
    return this.get(id);
  }

  /** Managers and admins change any automation; others only their own (an "Email this view" they sent). */
  private mayChange(viewer: Viewer, a: { createdById: string | null }) {
    if (!isAtLeast(viewer.role, Role.Manager) && a.createdById !== viewer.id) throw forbidden();
  }

  private setState(viewer: Viewer, id: string, from: string, to: string) {
    return withAudit(this.ds, viewer.id, 'automation', to === 'PAUSED' ? 'pause' : 'resume', async (em) => {
      // Resuming is activating again: it acts for the one who resumes it, and the system's reason to pause is gone.
      await em.getRepository(Automation).update(id, to === 'ACTIVE' ? { state: to, actingUserId: viewer.id, pausedReason: null } : { state: to });
      return { id, changes: { state: [from, to] }, result: undefined };
    });
  }

  async pause(viewer: Viewer, id: string): Promise<AutomationType> {
    const a = await this.get(id);
    this.mayChange(viewer, a);
    if (a.state !== 'ACTIVE') throw refused('AUTOMATION_NOT_ACTIVE', 'Only an active automation can be paused.');
    await this.setState(viewer, id, 'ACTIVE', 'PAUSED');
    return this.get(id);
  }

  /** Resumes a paused automation: steps that fell due meanwhile run now; cards that entered are enrolled. */
  async resume(viewer: Viewer, id: string): Promise<AutomationType> {
    const a = await this.get(id);
    this.mayChange(viewer, a);
    if (a.state !== 'PAUSED') throw refused('AUTOMATION_NOT_PAUSED', 'Only a paused automation can be resumed.');
    await this.setState(viewer, id, 'PAUSED', 'ACTIVE');
    const { dueTimes } = await evaluateAutomation(this.ds, id, new Date(), await withOrganisationZone(this.ds.manager, this.engine));
    await this.wake([...dueTimes, new Date()]);
    return this.get(id);
  }

  /**
   * "Email" on a view: a one-time automation that sends a template to every card of the view the
   * sender may see (to its primary contact, from the card's owner); it is theirs, acts with their
   * scope, shows in the automations list with its progress, and each card's result (sent, or
   * skipped with the reason) in its runs.
   */
  async sendToView(viewer: Viewer, viewId: string, emailTemplateId: string, name: string | null): Promise<AutomationType> {
    const view = await this.ds.getRepository(View).findOneBy({ id: viewId });
    if (!view || (view.ownerId !== viewer.id && !view.shared)) throw notFound('View');
    if (!view.pipelineId) throw refused('VIEW_NOT_ONE_PIPELINE', 'Send from a view of cards of one pipeline.');
    const template = await this.ds.getRepository(EmailTemplate).findOneBy({ id: emailTemplateId });
    if (!template || template.pipelineId !== view.pipelineId) throw refused('TEMPLATE_NOT_IN_PIPELINE', 'Choose an email template of this pipeline.');
    const input = Object.assign(new AutomationInput(), {
      pipelineId: view.pipelineId,
      name: name?.trim() || `${template.name} → ${view.name}`,
      triggerKind: TriggerKind.VIEW,
      triggerViewId: view.id,
      mode: AutomationMode.ONE_TIME,
      onlyNew: false,
      reEnrol: false,
      stopOnReply: false,
      steps: [Object.assign(new AutomationStepShape(), { kind: StepKind.EmailToContact, delayDays: 0, emailTemplateId, recipient: 'PRIMARY_CONTACT', sender: 'OWNER' })],
    });
    const draft = await this.save(viewer, null, input);
    try {
      return await this.activate(viewer, draft.id);
    } catch (err) {
      // Nothing half-made is left behind: the draft goes when it cannot start.
      await this.delete(viewer, draft.id);
      throw err;
    }
  }

  /**
   * Stops an active or paused automation for good: open enrolments end and pending steps are
   * cancelled (e.g. an "Email this view" that should send no more); what already ran stays.
   */
  async stop(viewer: Viewer, id: string): Promise<AutomationType> {
    const a = await this.get(id);
    this.mayChange(viewer, a);
    if (a.state !== 'ACTIVE' && a.state !== 'PAUSED') throw refused('AUTOMATION_NOT_STOPPABLE', 'Only an active or paused automation can be stopped.');
    await withAudit(this.ds, viewer.id, 'automation', 'stop', async (em) => {
      const { runs } = await stopAutomation(em, id, new Date());
      return { id, changes: { state: [a.state, 'DONE'], cancelledSteps: [null, runs] }, result: undefined };
    });
    return this.get(id);
  }

  /** Deletes a draft. */
  async delete(viewer: Viewer, id: string): Promise<boolean> {
    const a = await this.get(id);
    this.mayChange(viewer, a);
    if (a.state !== 'DRAFT') throw refused('AUTOMATION_NOT_DRAFT', 'Only a draft can be deleted; pause an automation instead.');
    return withAudit(this.ds, viewer.id, 'automation', 'delete', async (em) => {
      await em.getRepository(AutomationStep).delete({ automationId: id });
      await em.getRepository(Automation).delete(id);
      return { id, changes: { name: [a.name, null] }, result: true };
    });
  }

  /** Runs of the cards the reader may see (none of a hidden or trashed card: its client's name stays hidden). */
  async runs(viewer: Viewer, automationId: string, status: string | null, limit: number): Promise<AutomationRunType[]> {
    await this.get(automationId);
    const p = new SqlParams();
    const rows = await this.ds.query(
      `SELECT r.id, r.card_id, cl.name AS client_name, s.position + 1 AS step, s.kind, r.due_at, r.status, r.finished_at, r.result, r.error
       FROM automation_runs r JOIN automation_steps s ON s.id = r.step_id JOIN cards c ON c.id = r.card_id JOIN clients cl ON cl.id = c.client_id
       WHERE r.automation_id = ${p.param(automationId)} AND (${p.param(status)}::text IS NULL OR r.status = ${p.param(status)}) AND ${cardVisibility(viewer, p)} AND cl.deleted_at IS NULL
       ORDER BY coalesce(r.finished_at, r.due_at) DESC LIMIT ${p.param(limit)}`,
      p.values,
    );
    return rows.map((r: Record<string, any>) => ({ id: r.id, cardId: r.card_id, clientName: r.client_name, step: r.step, stepKind: r.kind, dueAt: r.due_at, status: r.status, finishedAt: r.finished_at, result: r.result, error: r.error }));
  }

  /**
   * Cards of a pipeline (null: perhaps of any) changed: the worker re-evaluates continuous automations
   * (bursts coalesce per second). The request that changed them does not wait for Redis (a round trip
   * and a script, 0.3 ms and up to 3 under load): the job runs after the current second anyway, and
   * the five-minute sweep covers a request that never reaches Redis. settled() waits for them.
   */
  async cardsChanged(pipelineId: string | null): Promise<void> {
    const asked = askToEvaluateAutomations(this.queues, pipelineId)
      .catch((err) => this.logger.warn({ err, pipelineId }, 'could not enqueue automation evaluation; the schedule will catch up'))
      .finally(() => this.asking.delete(asked));
    this.asking.add(asked);
  }

  /** The requests to evaluate that have not reached Redis yet. */
  private readonly asking = new Set<Promise<unknown>>();

  /** Resolves once every request to evaluate made so far has reached Redis (or failed): before the queues close, and for tests. */
  async settled(): Promise<void> {
    await Promise.all([...this.asking]);
  }

  /** Delayed jobs for each due time; the worker's minute sweep covers them should Redis lose them. */
  private async wake(dueTimes: Date[]) {
    for (const due of dueTimes) {
      await enqueue(this.queues, JOBS.runDueSteps, {}, { delay: Math.max(0, due.getTime() - Date.now()), jobId: `due:${due.getTime()}` }).catch((err) => this.logger.warn({ err }, 'could not enqueue due steps'));
    }
  }
}
