import { Role, StepKind } from '@crm/shared';
import { Automation, AutomationStep, Card, Client, Contact, EmailTemplate, Pipeline, Status, TodoTemplate, User, View } from '../entities';
import { createTestDatabase, TestDatabase } from '../testing';
import { activateAutomation, evaluateAutomation, releaseStaleRuns, rescheduleAfterEdit, runDueSteps, stopOnReply } from './engine';

const OPTS = { timeZone: 'Europe/Budapest', messageDomain: 'crm.test' };
const T0 = new Date('2026-11-24T10:00:00Z'); // a Tuesday, 11:00 in Budapest
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);

describe('automation engine', () => {
  let db: TestDatabase;
  let owner: User;
  let pipeline: Pipeline;
  let inStatus: Status;
  let elsewhere: Status;
  let todoTemplate: TodoTemplate;
  let n = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    const ds = db.dataSource;
    owner = await ds.getRepository(User).save({ email: 'owner@example.com', name: 'Owner', role: Role.Normal, passwordHash: 'x' });
    pipeline = await ds.getRepository(Pipeline).save({ name: 'Sales' });
    [inStatus, elsewhere] = await ds.getRepository(Status).save([
      { pipelineId: pipeline.id, name: 'Offer sent', position: 0 },
      { pipelineId: pipeline.id, name: 'Elsewhere', position: 1 },
    ]);
    todoTemplate = await ds.getRepository(TodoTemplate).save({ title: 'Follow up the offer', deadlineOffsetDays: 1, deadlineTime: '09:00' });
  });
  afterAll(() => db.drop());

  const ds = () => db.dataSource;
  async function card(status = inStatus, withContact = false): Promise<Card> {
    const client = await ds().getRepository(Client).save({ name: `Client ${++n}`, emails: [] });
    if (withContact) await ds().getRepository(Contact).save({ clientId: client.id, name: 'Anna Kovács', emails: [`anna${n}@client.hu`], isPrimary: true });
    return ds().getRepository(Card).save({ clientId: client.id, pipelineId: pipeline.id, statusId: status.id, ownerId: owner.id, position: `a${n}` });
  }
  async function automation(fields: Partial<Automation>, steps: Array<Partial<AutomationStep>>): Promise<Automation> {
    const a = await ds().getRepository(Automation).save({ pipelineId: pipeline.id, name: `Auto ${++n}`, triggerKind: 'STATUS', triggerStatusId: inStatus.id, ...fields });
    await ds().getRepository(AutomationStep).save(steps.map((s, position) => ({ automationId: a.id, position, kind: StepKind.TodoForUser, todoTemplateId: todoTemplate.id, recipient: 'OWNER', ...s })));
    return a;
  }
  const moveCard = (c: Card, status: Status) => ds().query(`UPDATE cards SET status_id = $1 WHERE id = $2`, [status.id, c.id]);
  const todosOf = (c: Card) => ds().query(`SELECT title, assignee_id, deadline FROM todos WHERE card_id = $1`, [c.id]);
  const runsOf = async (a: Automation) => ds().query(`SELECT status, due_at FROM automation_runs WHERE automation_id = $1 ORDER BY due_at`, [a.id]);
  const enrolmentsOf = async (a: Automation, c: Card) => (await ds().query(`SELECT state, cycle FROM automation_enrolments WHERE automation_id = $1 AND card_id = $2 ORDER BY cycle`, [a.id, c.id]));

  it('runs each step when due — delays in days, at an hour — exactly once however often it is asked', async () => {
    const c = await card();
    const a = await automation({}, [{ delayDays: 0 }, { delayDays: 2, hour: 9 }]);
    const activated = await activateAutomation(ds(), a.id, T0, OPTS);
    expect(activated.enrolled).toBe(1);
    // Step 2: two days later at 09:00 Budapest = 08:00Z.
    expect(activated.dueTimes.map((d) => d.toISOString()).sort()).toEqual([T0.toISOString(), '2026-11-26T08:00:00.000Z']);

    expect((await runDueSteps(ds(), T0, OPTS)).done).toBe(1);
    expect(await runDueSteps(ds(), T0, OPTS)).toMatchObject({ done: 0 });
    const [todo] = await todosOf(c);
    expect(todo).toMatchObject({ title: 'Follow up the offer', assignee_id: owner.id, deadline: new Date('2026-11-25T08:00:00Z') });
    expect((await runDueSteps(ds(), days(1), OPTS)).done).toBe(0);
    expect((await runDueSteps(ds(), new Date('2026-11-26T08:00:00Z'), OPTS)).done).toBe(1);
    expect(await todosOf(c)).toHaveLength(2);
    const history = await ds().query(`SELECT action FROM audit_log WHERE card_id = $1 AND entity = 'automation'`, [c.id]);
    expect(history).toEqual([{ action: 'step_done' }, { action: 'step_done' }]);
  });

  it('continuous: enrols cards that enter, ends the enrolment of those that leave, re-enrols only when asked', async () => {
    await ds().query(`UPDATE cards SET status_id = $1 WHERE status_id = $2`, [elsewhere.id, inStatus.id]);
    await runDueSteps(ds(), days(10), OPTS); // nothing else left due
    const a = await automation({}, [{ delayDays: 1 }]);
    await activateAutomation(ds(), a.id, T0, OPTS);
    const c = await card(elsewhere);
    expect((await evaluateAutomation(ds(), a.id, T0, OPTS)).entered).toBe(0);
    await moveCard(c, inStatus);
    expect((await evaluateAutomation(ds(), a.id, T0, OPTS)).entered).toBe(1);
    expect((await evaluateAutomation(ds(), a.id, T0, OPTS)).entered).toBe(0);
    await moveCard(c, elsewhere);
    expect((await evaluateAutomation(ds(), a.id, T0, OPTS)).left).toBe(1);
    expect(await enrolmentsOf(a, c)).toEqual([{ state: 'LEFT', cycle: 0 }]);
    expect(await runDueSteps(ds(), days(2), OPTS)).toMatchObject({ done: 0 });
    expect(await todosOf(c)).toEqual([]);
    await moveCard(c, inStatus);
    expect((await evaluateAutomation(ds(), a.id, T0, OPTS)).entered).toBe(0); // no re-enrolment by default

    const again = await automation({ reEnrol: true }, [{ delayDays: 0 }]);
    await activateAutomation(ds(), again.id, T0, OPTS);
    await moveCard(c, elsewhere);
    await evaluateAutomation(ds(), again.id, T0, OPTS);
    await moveCard(c, inStatus);
    expect((await evaluateAutomation(ds(), again.id, days(1), OPTS)).entered).toBe(1);
    expect((await enrolmentsOf(again, c)).map((e: any) => e.cycle)).toEqual([0, 1]);
  });

  it('only new cards: those matching at activation are not enrolled, later arrivals are', async () => {
    await ds().query(`UPDATE cards SET status_id = $1 WHERE status_id = $2`, [elsewhere.id, inStatus.id]);
    const before = await card();
    const a = await automation({ onlyNew: true }, [{ delayDays: 0 }]);
    expect((await activateAutomation(ds(), a.id, T0, OPTS)).enrolled).toBe(0);
    const after = await card();
    await evaluateAutomation(ds(), a.id, T0, OPTS);
    expect(await enrolmentsOf(a, before)).toEqual([{ state: 'EXCLUDED', cycle: 0 }]);
    expect(await enrolmentsOf(a, after)).toEqual([{ state: 'ACTIVE', cycle: 0 }]);
  });

  it('one-time: enrols what matches at activation only, and finishes', async () => {
    await ds().query(`UPDATE cards SET status_id = $1 WHERE status_id = $2`, [elsewhere.id, inStatus.id]);
    const first = await card();
    const a = await automation({ mode: 'ONE_TIME' }, [{ delayDays: 0 }]);
    expect((await activateAutomation(ds(), a.id, T0, OPTS)).enrolled).toBe(1);
    const late = await card();
    expect((await evaluateAutomation(ds(), a.id, T0, OPTS)).entered).toBe(0);
    await runDueSteps(ds(), T0, OPTS);
    expect(await enrolmentsOf(a, first)).toEqual([{ state: 'DONE', cycle: 0 }]);
    expect(await enrolmentsOf(a, late)).toEqual([]);
  });

  it('pausing holds due steps until resumed', async () => {
    await ds().query(`UPDATE cards SET status_id = $1 WHERE status_id = $2`, [elsewhere.id, inStatus.id]);
    const c = await card();
    const a = await automation({}, [{ delayDays: 0 }]);
    await activateAutomation(ds(), a.id, T0, OPTS);
    await ds().query(`UPDATE automations SET state = 'PAUSED' WHERE id = $1`, [a.id]);
    await runDueSteps(ds(), days(1), OPTS);
    expect(await todosOf(c)).toHaveLength(0);
    expect((await runsOf(a)).map((r: any) => r.status)).toEqual(['PENDING']);
    await ds().query(`UPDATE automations SET state = 'ACTIVE' WHERE id = $1`, [a.id]);
    await runDueSteps(ds(), days(1), OPTS);
    expect(await todosOf(c)).toHaveLength(1);
  });

  it('editing an active automation changes only the steps not yet run', async () => {
    await ds().query(`UPDATE cards SET status_id = $1 WHERE status_id = $2`, [elsewhere.id, inStatus.id]);
    await card();
    const a = await automation({}, [{ delayDays: 0 }, { delayDays: 5 }]);
    await activateAutomation(ds(), a.id, T0, OPTS);
    await runDueSteps(ds(), T0, OPTS);
    const steps = await ds().getRepository(AutomationStep).find({ where: { automationId: a.id }, order: { position: 'ASC' } });
    await ds().getRepository(AutomationStep).update(steps[1].id, { removedAt: T0 });
    await ds().getRepository(AutomationStep).save({ automationId: a.id, position: 2, kind: StepKind.TodoForUser, todoTemplateId: todoTemplate.id, recipient: 'OWNER', delayDays: 3 });
    await ds().getRepository(AutomationStep).update(steps[0].id, { delayDays: 9 }); // already ran: unchanged
    await ds().transaction((em) => rescheduleAfterEdit(em, a.id, OPTS));
    expect((await runsOf(a)).map((r: any) => r.status)).toEqual(['DONE', 'PENDING', 'CANCELLED']);
    expect((await runsOf(a))[1].due_at).toEqual(days(3));
  });

  it('view trigger: the view’s filter decides who enters and leaves', async () => {
    const [tag] = await ds().query(`INSERT INTO tags (name, name_key) VALUES ('VIP', 'vip') RETURNING id`);
    const view = await ds().getRepository(View).save({ name: 'VIPs', kind: 'CARDS', pipelineId: pipeline.id, ownerId: owner.id, filter: { tagIds: [tag.id] }, columns: [] });
    const a = await automation({ triggerKind: 'VIEW', triggerStatusId: null, triggerViewId: view.id }, [{ delayDays: 0 }]);
    await activateAutomation(ds(), a.id, T0, OPTS);
    const c = await card(elsewhere);
    expect((await evaluateAutomation(ds(), a.id, T0, OPTS)).entered).toBe(0);
    await ds().query(`INSERT INTO client_tags (client_id, tag_id) VALUES ($1, $2)`, [c.clientId, tag.id]);
    expect((await evaluateAutomation(ds(), a.id, T0, OPTS)).entered).toBe(1);
    await ds().query(`DELETE FROM client_tags WHERE client_id = $1`, [c.clientId]);
    expect((await evaluateAutomation(ds(), a.id, T0, OPTS)).left).toBe(1);
  });

  it('two workers at once run every step exactly once; a run left RUNNING by a dead worker runs again without a duplicate', async () => {
    await ds().query(`UPDATE cards SET status_id = $1 WHERE status_id = $2`, [elsewhere.id, inStatus.id]);
    const cards = await Promise.all(Array.from({ length: 120 }, () => card()));
    const a = await automation({}, [{ delayDays: 0 }]);
    await activateAutomation(ds(), a.id, T0, OPTS);
    const [r1, r2] = await Promise.all([runDueSteps(ds(), T0, OPTS, 7), runDueSteps(ds(), T0, OPTS, 7)]);
    expect(r1.done + r2.done).toBe(120);
    const [{ n: todos }] = await ds().query(`SELECT count(*)::int AS n FROM todos WHERE card_id = ANY($1)`, [cards.map((c) => c.id)]);
    expect(todos).toBe(120);

    // A worker died after making the todo but before recording the run: the run is found RUNNING.
    const [run] = await ds().query(`SELECT id FROM automation_runs WHERE automation_id = $1 LIMIT 1`, [a.id]);
    await ds().query(`UPDATE automation_runs SET status = 'RUNNING', started_at = now() - interval '1 hour' WHERE id = $1`, [run.id]);
    expect(await releaseStaleRuns(ds(), 60_000)).toBe(1);
    expect((await runDueSteps(ds(), T0, OPTS)).done).toBe(1);
    const [{ n: after }] = await ds().query(`SELECT count(*)::int AS n FROM todos WHERE card_id = ANY($1)`, [cards.map((c) => c.id)]);
    expect(after).toBe(120);
  });

  it('email steps queue a mail to the primary contact, and skip (never send a gap) when a value is missing', async () => {
    await ds().query(`UPDATE cards SET status_id = $1 WHERE status_id = $2`, [elsewhere.id, inStatus.id]);
    const withContact = await card(inStatus, true);
    const without = await card(inStatus, false);
    const template = await ds().getRepository(EmailTemplate).save({ pipelineId: pipeline.id, name: 'Hello', subject: 'Ajánlat – {{client.name}}', body: 'Kedves {{contact.firstName}}!' });
    const a = await automation({}, [{ kind: StepKind.EmailToContact, emailTemplateId: template.id, recipient: 'PRIMARY_CONTACT', todoTemplateId: null }]);
    await activateAutomation(ds(), a.id, T0, OPTS);
    const out = await runDueSteps(ds(), T0, OPTS);
    expect(out).toMatchObject({ done: 1, skipped: 1 });
    expect(out.mailIds).toHaveLength(1);
    const [mail] = await ds().query(`SELECT to_addresses, text, status FROM outbox_mails WHERE card_id = $1`, [withContact.id]);
    expect(mail).toEqual({ to_addresses: [expect.stringMatching(/^anna\d+@client\.hu$/)], text: 'Kedves Anna!', status: 'QUEUED' });
    // History has the mail once: the step's run names it (no second "sent an email" row).
    const history = await ds().query(`SELECT entity, action FROM audit_log WHERE card_id = $1 ORDER BY id`, [withContact.id]);
    expect(history).toEqual([{ entity: 'automation', action: 'step_done' }]);
    const [skipped] = await ds().query(`SELECT status, result FROM automation_runs WHERE card_id = $1 AND automation_id = $2`, [without.id, a.id]);
    expect(skipped).toEqual({ status: 'SKIPPED', result: { reason: 'No recipient with an email address.' } });
  });

  it('stops a card’s enrolment when its client replies', async () => {
    await ds().query(`UPDATE cards SET status_id = $1 WHERE status_id = $2`, [elsewhere.id, inStatus.id]);
    const c = await card();
    const a = await automation({ stopOnReply: true }, [{ delayDays: 3 }]);
    await activateAutomation(ds(), a.id, T0, OPTS);
    expect(await ds().transaction((em) => stopOnReply(em, c.clientId, days(1)))).toBe(1);
    expect(await enrolmentsOf(a, c)).toEqual([{ state: 'STOPPED', cycle: 0 }]);
    expect((await runsOf(a)).map((r: any) => r.status)).toEqual(['CANCELLED']);
  });
});
