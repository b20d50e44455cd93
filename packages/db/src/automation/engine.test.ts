import { Role, StepKind } from '@crm/shared';
import { Automation, AutomationStep, Card, Client, Contact, Department, EmailTemplate, Pipeline, Status, TodoTemplate, User, View } from '../entities';
import { createTestDatabase, TestDatabase } from '../testing';
import { activateAutomation, cancelForTrash, evaluateAutomation, releaseStaleRuns, rescheduleAfterEdit, runDueSteps, stopOnReply } from './engine';

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
    const a = await ds().getRepository(Automation).save({ pipelineId: pipeline.id, name: `Auto ${++n}`, createdById: owner.id, triggerKind: 'STATUS', triggerStatusId: inStatus.id, ...fields });
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
    const activated = await activateAutomation(ds(), a.id, T0, OPTS, owner.id);
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
    await activateAutomation(ds(), a.id, T0, OPTS, owner.id);
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
    await activateAutomation(ds(), again.id, T0, OPTS, owner.id);
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
    expect((await activateAutomation(ds(), a.id, T0, OPTS, owner.id)).enrolled).toBe(0);
    const after = await card();
    await evaluateAutomation(ds(), a.id, T0, OPTS);
    expect(await enrolmentsOf(a, before)).toEqual([{ state: 'EXCLUDED', cycle: 0 }]);
    expect(await enrolmentsOf(a, after)).toEqual([{ state: 'ACTIVE', cycle: 0 }]);
  });

  it('one-time: enrols what matches at activation only, and finishes', async () => {
    await ds().query(`UPDATE cards SET status_id = $1 WHERE status_id = $2`, [elsewhere.id, inStatus.id]);
    const first = await card();
    const a = await automation({ mode: 'ONE_TIME' }, [{ delayDays: 0 }]);
    expect((await activateAutomation(ds(), a.id, T0, OPTS, owner.id)).enrolled).toBe(1);
    const late = await card();
    expect((await evaluateAutomation(ds(), a.id, T0, OPTS)).entered).toBe(0);
    await runDueSteps(ds(), T0, OPTS);
    expect(await enrolmentsOf(a, first)).toEqual([{ state: 'DONE', cycle: 0 }]);
    expect(await enrolmentsOf(a, late)).toEqual([]);
  });

  it('one-time: a batch that runs a card’s last steps together (a todo, a mail, a skipped mail) ends its enrolment; a step due later keeps it open', async () => {
    await ds().query(`UPDATE cards SET status_id = $1 WHERE status_id = $2`, [elsewhere.id, inStatus.id]);
    const [reached, unreachable] = [await card(inStatus, true), await card(inStatus, false)];
    const template = await ds().getRepository(EmailTemplate).save({ pipelineId: pipeline.id, name: `Together ${++n}`, subject: 'Ajánlat', body: 'Kedves {{contact.firstName}}!' });
    const together = await automation({ mode: 'ONE_TIME' }, [{ delayDays: 0 }, { kind: StepKind.EmailToContact, emailTemplateId: template.id, recipient: 'PRIMARY_CONTACT', todoTemplateId: null }]);
    await activateAutomation(ds(), together.id, T0, OPTS, owner.id);
    expect(await runDueSteps(ds(), T0, OPTS)).toMatchObject({ done: 3, skipped: 1 });
    expect(await enrolmentsOf(together, reached)).toEqual([{ state: 'DONE', cycle: 0 }]);
    expect(await enrolmentsOf(together, unreachable)).toEqual([{ state: 'DONE', cycle: 0 }]);
    // Each run's History entry, written with the others of its batch.
    const history = async (c: Card) => (await ds().query(`SELECT action FROM audit_log WHERE card_id = $1 AND entity_id = $2 ORDER BY action`, [c.id, together.id])).map((r: { action: string }) => r.action);
    expect(await history(reached)).toEqual(['step_done', 'step_done']);
    expect(await history(unreachable)).toEqual(['step_done', 'step_skipped']);

    await ds().query(`UPDATE cards SET status_id = $1 WHERE status_id = $2`, [elsewhere.id, inStatus.id]);
    const later = await card();
    const twoDays = await automation({ mode: 'ONE_TIME' }, [{ delayDays: 0 }, { delayDays: 3 }]);
    await activateAutomation(ds(), twoDays.id, T0, OPTS, owner.id);
    await runDueSteps(ds(), T0, OPTS);
    expect(await enrolmentsOf(twoDays, later)).toEqual([{ state: 'ACTIVE', cycle: 0 }]);
    await runDueSteps(ds(), days(3), OPTS);
    expect(await enrolmentsOf(twoDays, later)).toEqual([{ state: 'DONE', cycle: 0 }]);
  });

  it('pausing holds due steps until resumed', async () => {
    await ds().query(`UPDATE cards SET status_id = $1 WHERE status_id = $2`, [elsewhere.id, inStatus.id]);
    const c = await card();
    const a = await automation({}, [{ delayDays: 0 }]);
    await activateAutomation(ds(), a.id, T0, OPTS, owner.id);
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
    await activateAutomation(ds(), a.id, T0, OPTS, owner.id);
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
    await activateAutomation(ds(), a.id, T0, OPTS, owner.id);
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
    await activateAutomation(ds(), a.id, T0, OPTS, owner.id);
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

  it('batches run two at a time, and a card’s runs are never in two batches at once: an enrolment another transaction holds waits, then ends', async () => {
    await ds().query(`UPDATE cards SET status_id = $1 WHERE status_id = $2`, [elsewhere.id, inStatus.id]);
    const cards = await Promise.all(Array.from({ length: 40 }, () => card()));
    const a = await automation({ mode: 'ONE_TIME' }, [{ delayDays: 0 }, { delayDays: 0 }]);
    await activateAutomation(ds(), a.id, T0, OPTS, owner.id);
    const held = cards[3];
    // Another batch (or worker) holds this card's enrolment: its runs are left for later, never run beside it.
    const holder = ds().createQueryRunner();
    await holder.connect();
    try {
      await holder.startTransaction();
      await holder.query(`SELECT id FROM automation_enrolments WHERE automation_id = $1 AND card_id = $2 FOR UPDATE`, [a.id, held.id]);
      expect(await runDueSteps(ds(), T0, OPTS, 5)).toMatchObject({ done: 78, failed: 0 });
      expect(await todosOf(held)).toEqual([]);
      expect(await enrolmentsOf(a, cards[0])).toEqual([{ state: 'DONE', cycle: 0 }]);
      await holder.commitTransaction();
    } finally {
      await holder.release();
    }
    expect(await runDueSteps(ds(), T0, OPTS, 5)).toMatchObject({ done: 2 });
    expect(await todosOf(held)).toHaveLength(2);
    expect(await enrolmentsOf(a, held)).toEqual([{ state: 'DONE', cycle: 0 }]);
    expect(await ds().query(`SELECT DISTINCT state FROM automation_enrolments WHERE automation_id = $1`, [a.id])).toEqual([{ state: 'DONE' }]);
  });

  it('email steps queue a mail to the primary contact, and skip (never send a gap) when a value is missing', async () => {
    await ds().query(`UPDATE cards SET status_id = $1 WHERE status_id = $2`, [elsewhere.id, inStatus.id]);
    const withContact = await card(inStatus, true);
    const without = await card(inStatus, false);
    const template = await ds().getRepository(EmailTemplate).save({ pipelineId: pipeline.id, name: 'Hello', subject: 'Ajánlat – {{client.name}}', body: 'Kedves {{contact.firstName}}!' });
    const a = await automation({}, [{ kind: StepKind.EmailToContact, emailTemplateId: template.id, recipient: 'PRIMARY_CONTACT', todoTemplateId: null }]);
    await activateAutomation(ds(), a.id, T0, OPTS, owner.id);
    const out = await runDueSteps(ds(), T0, OPTS);
    expect(out).toMatchObject({ done: 1, skipped: 1 });
    expect(out.mailIds).toHaveLength(1);
    const [mail] = await ds().query(`SELECT to_addresses, text, status FROM outbox_mails WHERE card_id = $1`, [withContact.id]);
    expect(mail).toEqual({ to_addresses: [expect.stringMatching(/^anna\d+@client\.hu$/)], text: 'Kedves Anna!', status: 'QUEUED' });
    // History has the mail once: the step's run names it (no second "sent an email" row).
    const history = await ds().query(`SELECT entity, action FROM audit_log WHERE card_id = $1 ORDER BY id`, [withContact.id]);
    expect(history).toEqual([{ entity: 'automation', action: 'step_done' }]);
    const [skipped] = await ds().query(`SELECT status, result FROM automation_runs WHERE card_id = $1 AND automation_id = $2`, [without.id, a.id]);
    expect(skipped).toEqual({ status: 'SKIPPED', result: { code: 'NO_RECIPIENT' } });
  });

  it('renders a template’s new text after it was edited between two runs (compiled templates are not kept stale)', async () => {
    await ds().query(`UPDATE cards SET status_id = $1 WHERE status_id = $2`, [elsewhere.id, inStatus.id]);
    const template = await ds().getRepository(EmailTemplate).save({ pipelineId: pipeline.id, name: 'Edited', subject: 'Offer {{money card.value card.currency}}', body: 'Dear {{contact.firstName}}, first version.' });
    const a = await automation({ mode: 'CONTINUOUS' }, [{ kind: StepKind.EmailToContact, emailTemplateId: template.id, recipient: 'PRIMARY_CONTACT', todoTemplateId: null }]);
    const first = await card(inStatus, true);
    await ds().query(`UPDATE cards SET value = 1250000, currency = 'HUF' WHERE id = $1`, [first.id]);
    await activateAutomation(ds(), a.id, T0, OPTS, owner.id);
    expect((await runDueSteps(ds(), T0, OPTS)).mailIds).toHaveLength(1);
    await ds().getRepository(EmailTemplate).update(template.id, { subject: 'New offer {{money card.value card.currency}}', body: 'Dear {{contact.firstName}}, second version.' });
    const second = await card(inStatus, true);
    await ds().query(`UPDATE cards SET value = 99.5, currency = 'EUR' WHERE id = $1`, [second.id]);
    await evaluateAutomation(ds(), a.id, T0, OPTS);
    expect((await runDueSteps(ds(), T0, OPTS)).mailIds).toHaveLength(1);
    const mails = await ds().query(`SELECT card_id, subject, text FROM outbox_mails WHERE template_id = $1`, [template.id]);
    expect(mails).toEqual(
      expect.arrayContaining([
        { card_id: first.id, subject: 'Offer HUF 1,250,000', text: 'Dear Anna, first version.' },
        { card_id: second.id, subject: 'New offer €99.50', text: 'Dear Anna, second version.' },
      ]),
    );
    expect(mails).toHaveLength(2);
  });

  it('stops a card’s enrolment when its client replies', async () => {
    await ds().query(`UPDATE cards SET status_id = $1 WHERE status_id = $2`, [elsewhere.id, inStatus.id]);
    const c = await card();
    const a = await automation({ stopOnReply: true }, [{ delayDays: 3 }]);
    await activateAutomation(ds(), a.id, T0, OPTS, owner.id);
    expect(await ds().transaction((em) => stopOnReply(em, c.clientId, days(1)))).toBe(1);
    expect(await enrolmentsOf(a, c)).toEqual([{ state: 'STOPPED', cycle: 0 }]);
    expect((await runsOf(a)).map((r: any) => r.status)).toEqual(['CANCELLED']);
  });
  describe('acts with the scope of the person who activated it', () => {
    let hu: Department;
    let pl: Department;
    let huManager: User;
    let huSales: User;
    beforeAll(async () => {
      [hu, pl] = await ds().getRepository(Department).save([{ name: 'Hungary' }, { name: 'Poland' }]);
      huManager = await ds().getRepository(User).save({ email: 'hu-manager@example.com', name: 'HU Manager', role: Role.Manager, passwordHash: 'x', departments: [hu] });
      huSales = await ds().getRepository(User).save({ email: 'hu-sales@example.com', name: 'HU Sales', role: Role.Normal, passwordHash: 'x', departments: [hu] });
    });
    // Earlier tests' cards leave the status and their steps due later are dropped, so each test counts its own runs.
    const clear = async () => {
      await ds().query(`UPDATE cards SET status_id = $1 WHERE status_id = $2`, [elsewhere.id, inStatus.id]);
      await ds().query(`UPDATE automation_runs SET status = 'CANCELLED' WHERE status = 'PENDING'`);
    };
    async function cardIn(department: Department | null, ownerId: string | null = owner.id, withContact = false): Promise<Card> {
      const client = await ds().getRepository(Client).save({ name: `Client ${++n}`, emails: [], departmentId: department?.id ?? null });
      if (withContact) await ds().getRepository(Contact).save({ clientId: client.id, name: 'Jan Kowalski', emails: [`jan${n}@client.pl`], isPrimary: true });
      return ds().getRepository(Card).save({ clientId: client.id, pipelineId: pipeline.id, statusId: inStatus.id, ownerId, position: `a${n}` });
    }
    const enrolled = async (a: Automation) => (await ds().query(`SELECT card_id FROM automation_enrolments WHERE automation_id = $1 AND state = 'ACTIVE'`, [a.id])).map((r: any) => r.card_id).sort();
    const runOf = async (a: Automation, c: Card) => (await ds().query(`SELECT status, result FROM automation_runs WHERE automation_id = $1 AND card_id = $2`, [a.id, c.id]))[0];

    it('a department-limited manager’s automation enrols only their departments’ cards (and clients in none); an admin’s sees all', async () => {
      await clear();
      const [inHu, inPl, inNone] = [await cardIn(hu), await cardIn(pl), await cardIn(null)];
      const limited = await automation({ createdById: huManager.id }, [{ delayDays: 0 }]);
      expect((await activateAutomation(ds(), limited.id, T0, OPTS, huManager.id)).enrolled).toBe(2);
      expect(await enrolled(limited)).toEqual([inHu.id, inNone.id].sort());

      const admin = await ds().getRepository(User).save({ email: `admin${++n}@example.com`, name: 'Admin', role: Role.Admin, passwordHash: 'x', departments: [hu] });
      const all = await automation({ createdById: admin.id }, [{ delayDays: 0 }]);
      await activateAutomation(ds(), all.id, T0, OPTS, admin.id);
      expect(await enrolled(all)).toEqual([inHu.id, inPl.id, inNone.id].sort());

      // The client moves to Poland: the HU manager's automation lets the card go, and a run claimed for it is skipped.
      const later = await automation({ createdById: huManager.id }, [{ delayDays: 1 }]);
      await activateAutomation(ds(), later.id, T0, OPTS, huManager.id);
      await ds().query(`UPDATE clients SET department_id = $1 WHERE id = $2`, [pl.id, inHu.clientId]);
      expect(await runDueSteps(ds(), days(2), OPTS)).toMatchObject({ skipped: 2, done: 5 }); // the moved card's two runs of the HU manager's automations
      expect(await runOf(later, inHu)).toEqual({ status: 'SKIPPED', result: { code: 'CARD_OUT_OF_SCOPE' } });
      expect(await todosOf(inPl)).toHaveLength(1); // the admin's step, not the HU manager's
      expect((await evaluateAutomation(ds(), limited.id, days(2), OPTS)).left).toBe(1);
    });

    it('a Normal HU user’s Email-this-view never mails a Polish client, nor in another user’s name', async () => {
      await clear();
      const template = await ds().getRepository(EmailTemplate).save({ pipelineId: pipeline.id, name: `News ${++n}`, subject: 'Hírek', body: 'Kedves {{contact.firstName}}!' });
      const view = await ds().getRepository(View).save({ name: 'All', kind: 'CARDS', pipelineId: pipeline.id, ownerId: huSales.id, filter: { statusIds: [inStatus.id] }, columns: [] });
      const polish = await cardIn(pl, huManager.id, true);
      const hungarian = await cardIn(hu, huSales.id, true);
      const a = await automation({ createdById: huSales.id, mode: 'ONE_TIME', triggerKind: 'VIEW', triggerStatusId: null, triggerViewId: view.id }, [{ kind: StepKind.EmailToContact, emailTemplateId: template.id, recipient: 'PRIMARY_CONTACT', sender: 'OWNER', todoTemplateId: null }]);
      expect((await activateAutomation(ds(), a.id, T0, OPTS, huSales.id)).enrolled).toBe(1);
      expect(await runDueSteps(ds(), T0, OPTS)).toMatchObject({ done: 1 });
      expect(await ds().query(`SELECT card_id FROM outbox_mails WHERE card_id = ANY($1)`, [[polish.id, hungarian.id]])).toEqual([{ card_id: hungarian.id }]);

      // A step set to send as the admin, in an automation acting for a Normal user, is skipped.
      const admin = await ds().getRepository(User).save({ email: `boss${++n}@example.com`, name: 'Boss', role: Role.Admin, passwordHash: 'x' });
      const asAdmin = await automation({ createdById: huSales.id }, [{ kind: StepKind.EmailToContact, emailTemplateId: template.id, recipient: 'PRIMARY_CONTACT', sender: 'USER', senderUserId: admin.id, todoTemplateId: null }]);
      await activateAutomation(ds(), asAdmin.id, T0, OPTS, huSales.id);
      expect(await runDueSteps(ds(), T0, OPTS)).toMatchObject({ done: 0, skipped: 1 });
      expect(await runOf(asAdmin, hungarian)).toEqual({ status: 'SKIPPED', result: { code: 'SENDER_NOT_ALLOWED' } });

      // A mail to a user carries the card's data: not to a user who may not see the card.
      const plUser = await ds().getRepository(User).save({ email: `pl${++n}@example.com`, name: 'PL', role: Role.Normal, passwordHash: 'x', departments: [pl] });
      const toUser = await automation({ createdById: huManager.id }, [{ kind: StepKind.EmailToUser, emailTemplateId: template.id, recipient: 'USER', recipientUserId: plUser.id, sender: 'OWNER', todoTemplateId: null }]);
      await ds().query(`UPDATE email_templates SET body = 'Ügyfél: {{client.name}}' WHERE id = $1`, [template.id]);
      await activateAutomation(ds(), toUser.id, T0, OPTS, huManager.id);
      await runDueSteps(ds(), T0, OPTS);
      expect(await runOf(toUser, hungarian)).toEqual({ status: 'SKIPPED', result: { code: 'RECIPIENT_CANNOT_SEE_CARD' } });
    });

    it('a Restricted user’s scope: only cards owned by them or by nobody', async () => {
      await clear();
      const restricted = await ds().getRepository(User).save({ email: `r${++n}@example.com`, name: 'R', role: Role.Restricted, passwordHash: 'x' });
      const [mine, nobodys] = [await cardIn(null, restricted.id), await cardIn(null, null)];
      await cardIn(null, owner.id);
      const a = await automation({ createdById: restricted.id }, [{ delayDays: 0 }]);
      await activateAutomation(ds(), a.id, T0, OPTS, restricted.id);
      expect(await enrolled(a)).toEqual([mine.id, nobodys.id].sort());
    });

    it('another user’s private view is no trigger: it matches nothing and the automation pauses, saying why', async () => {
      await clear();
      await cardIn(null);
      const theirs = await ds().getRepository(View).save({ name: 'Private', kind: 'CARDS', pipelineId: pipeline.id, ownerId: huManager.id, filter: {}, columns: [] });
      const a = await automation({ createdById: huSales.id, triggerKind: 'VIEW', triggerStatusId: null, triggerViewId: theirs.id }, [{ delayDays: 0 }]);
      expect((await activateAutomation(ds(), a.id, T0, OPTS, huSales.id)).enrolled).toBe(0);
      expect(await ds().query(`SELECT state, paused_reason FROM automations WHERE id = $1`, [a.id])).toEqual([{ state: 'PAUSED', paused_reason: 'TRIGGER_VIEW_HIDDEN' }]);
    });

    it('when the acting user is deactivated, the automation matches nothing more and pauses; its due runs are skipped', async () => {
      await clear();
      const leaver = await ds().getRepository(User).save({ email: `leaver${++n}@example.com`, name: 'Leaver', role: Role.Manager, passwordHash: 'x' });
      const c = await cardIn(null);
      const a = await automation({ createdById: leaver.id }, [{ delayDays: 0 }]);
      await activateAutomation(ds(), a.id, T0, OPTS, leaver.id);
      await ds().query(`UPDATE users SET active = false WHERE id = $1`, [leaver.id]);
      expect(await runDueSteps(ds(), T0, OPTS)).toMatchObject({ done: 0, skipped: 1 });
      expect(await runOf(a, c)).toEqual({ status: 'SKIPPED', result: { code: 'NO_ACTING_USER' } });
      expect(await ds().query(`SELECT state, paused_reason FROM automations WHERE id = $1`, [a.id])).toEqual([{ state: 'PAUSED', paused_reason: 'NO_ACTING_USER' }]);
      expect(await todosOf(c)).toEqual([]);
    });
  });

  describe('the trash, and steps that fail', () => {
    // Earlier tests' cards leave the status and their steps due later are dropped, so each test counts its own runs.
    const clear = async () => {
      await ds().query(`UPDATE cards SET status_id = $1 WHERE status_id = $2`, [elsewhere.id, inStatus.id]);
      await ds().query(`UPDATE automation_runs SET status = 'CANCELLED' WHERE status = 'PENDING'`);
    };
    const statusOf = async (a: Automation, c: Card) => (await ds().query(`SELECT status, result FROM automation_runs WHERE automation_id = $1 AND card_id = $2 ORDER BY due_at`, [a.id, c.id]))[0];

    it('a run claimed for a card in the trash is skipped; trashing cancels open enrolments, pending steps and queued mail', async () => {
      await clear();
      const [trashed, kept, cancelled] = [await card(), await card(), await card(inStatus, true)];
      const a = await automation({}, [{ delayDays: 0 }, { delayDays: 3 }]);
      await activateAutomation(ds(), a.id, T0, OPTS, owner.id);
      await ds().query(`UPDATE clients SET deleted_at = now() WHERE id = $1`, [trashed.clientId]);
      await ds().query(`UPDATE cards SET deleted_at = now() WHERE id = $1`, [trashed.id]);
      expect(await runDueSteps(ds(), T0, OPTS)).toMatchObject({ done: 2, skipped: 1 });
      expect(await statusOf(a, trashed)).toMatchObject({ status: 'SKIPPED', result: { code: 'CARD_TRASHED' } });
      expect(await todosOf(trashed)).toEqual([]);
      expect(await todosOf(kept)).toHaveLength(1);

      await ds().query(`INSERT INTO outbox_mails (idempotency_key, card_id, client_id, from_address, from_name, to_addresses, subject, html, text, message_id) VALUES ('t:${n}', $1, $2, 'a@x.hu', 'A', '{b@x.hu}', 'S', '', '', '<m${n}@x>')`, [cancelled.id, cancelled.clientId]);
      const out = await ds().transaction((em) => cancelForTrash(em, [cancelled.id], [], days(1)));
      expect(out).toMatchObject({ enrolments: 1, mails: [expect.any(String)] });
      expect(await enrolmentsOf(a, cancelled)).toEqual([{ state: 'LEFT', cycle: 0 }]);
      expect(await ds().query(`SELECT status, result FROM automation_runs WHERE automation_id = $1 AND card_id = $2 ORDER BY due_at`, [a.id, cancelled.id])).toEqual([
        { status: 'DONE', result: expect.anything() },
        { status: 'CANCELLED', result: { code: 'CARD_TRASHED' } },
      ]);
      expect(await ds().query(`SELECT status FROM outbox_mails WHERE card_id = $1`, [cancelled.id])).toEqual([{ status: 'CANCELLED' }]);
    });

    it('a batch with a purged card: that run FAILS, the many others are DONE, and nothing stays due', async () => {
      await clear();
      const cards = await Promise.all(Array.from({ length: 30 }, () => card(inStatus, true)));
      const template = await ds().getRepository(EmailTemplate).save({ pipelineId: pipeline.id, name: `Batch ${++n}`, subject: 'Ajánlat', body: 'Kedves {{contact.firstName}}!' });
      const a = await automation({}, [{ kind: StepKind.EmailToContact, emailTemplateId: template.id, recipient: 'PRIMARY_CONTACT', todoTemplateId: null }]);
      await activateAutomation(ds(), a.id, T0, OPTS, owner.id);
      // Purged the way the trash did before (the rows pointing to it stayed).
      await ds().query(`DELETE FROM cards WHERE id = $1`, [cards[7].id]);
      const out = await runDueSteps(ds(), T0, OPTS);
      expect(out).toMatchObject({ done: 29, failed: 1 });
      expect(out.mailIds).toHaveLength(29);
      expect(await statusOf(a, cards[7])).toEqual({ status: 'FAILED', result: { code: 'CARD_GONE' } });
      expect(await runDueSteps(ds(), T0, OPTS)).toMatchObject({ done: 0, failed: 0, skipped: 0 });
      expect(await ds().query(`SELECT count(*)::int AS n FROM automation_runs WHERE automation_id = $1 AND status IN ('PENDING', 'RUNNING')`, [a.id])).toEqual([{ n: 0 }]);
    });

    it('a step whose write throws fails alone, with its reason; the rest of the batch is done and nothing is retried', async () => {
      await clear();
      const cards = await Promise.all(Array.from({ length: 12 }, () => card()));
      const bad = cards[4];
      // The database refuses this one card's todo (as a constraint or a full disk would).
      await ds().query(`CREATE FUNCTION refuse_todo() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.card_id = '${bad.id}' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`);
      await ds().query(`CREATE TRIGGER refuse_todo BEFORE INSERT ON todos FOR EACH ROW EXECUTE FUNCTION refuse_todo()`);
      try {
        const a = await automation({}, [{ delayDays: 0 }]);
        await activateAutomation(ds(), a.id, T0, OPTS, owner.id);
        expect(await runDueSteps(ds(), T0, OPTS)).toMatchObject({ done: 11, failed: 1 });
        expect(await ds().query(`SELECT status, result, error FROM automation_runs WHERE automation_id = $1 AND card_id = $2`, [a.id, bad.id])).toEqual([{ status: 'FAILED', result: { code: 'STEP_FAILED' }, error: 'refused' }]);
        expect(await ds().query(`SELECT action FROM audit_log WHERE card_id = $1 AND entity = 'automation' AND entity_id = $2`, [bad.id, a.id])).toEqual([{ action: 'step_failed' }]);
        expect(await runDueSteps(ds(), T0, OPTS)).toMatchObject({ done: 0, failed: 0 });
      } finally {
        await ds().query(`DROP TRIGGER refuse_todo ON todos; DROP FUNCTION refuse_todo()`);
      }
    });
  });
});
