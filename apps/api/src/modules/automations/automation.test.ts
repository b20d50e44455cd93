import { Department, runDueSteps } from '@crm/db';
import { JOBS, Role } from '@crm/shared';
import { createQueues, closeQueues } from '@crm/db';
import { buildCards, buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

const FIELDS = `id state problems { step field code } stats { enrolled stepsDone stepsPending } steps { id kind delayDays hour recipient }`;
const CREATE = `mutation($input: AutomationInput!) { createAutomation(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: AutomationInput!) { updateAutomation(id: $id, input: $input) { ${FIELDS} } }`;
const ACTIVATE = `mutation($id: ID!) { activateAutomation(id: $id) { ${FIELDS} } }`;

describe('automations over the API', () => {
  let api: TestApi;
  /** A Normal user (reads automations, sends "Email this view"). */
  let cookie: string;
  /** A manager (builds automations). */
  let mc: string;
  beforeAll(async () => {
    api = await startTestApi();
    const user = await api.buildUser({ role: Role.Normal });
    cookie = await api.login(user.email, user.password);
    mc = await managerCookie();
  });
  afterAll(() => api.close());

  async function fixture() {
    const { pipeline, statuses } = await buildPipeline(api.db.dataSource);
    const owner = await api.buildUser();
    const cards = await buildCards(api.db.dataSource, [{ status: statuses[1], ownerId: owner.id }, { status: statuses[0], ownerId: owner.id }]);
    const todo = await api.gql(`mutation { saveTodoTemplate(input: { title: "Call after the offer", deadlineOffsetDays: 1, deadlineTime: "09:00" }) { id } }`, {}, await managerCookie());
    return { pipeline, statuses, cards, todoTemplateId: todo.data!.saveTodoTemplate.id as string };
  }
  let manager: string | null = null;
  async function managerCookie() {
    if (!manager) {
      const m = await api.buildUser({ role: Role.Manager });
      manager = await api.login(m.email, m.password);
    }
    return manager;
  }

  it('lists what blocks activation, then activates, enrols the matching cards and wakes the worker', async () => {
    const { pipeline, statuses, cards, todoTemplateId } = await fixture();
    const input = { pipelineId: pipeline.id, name: 'Offer follow-up', triggerKind: 'STATUS', triggerStatusId: statuses[1].id, steps: [{ kind: 'TODO_FOR_USER', delayDays: 0, recipient: 'OWNER', sender: 'OWNER' }] };
    const draft = await api.gql(CREATE, { input }, mc);
    expect(draft.data!.createAutomation).toMatchObject({ state: 'DRAFT', problems: [{ step: 0, field: 'todoTemplateId', code: 'TODO_TEMPLATE' }] });
    const id = draft.data!.createAutomation.id;
    const refused = await api.gql(ACTIVATE, { id }, mc);
    expect(refused.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'AUTOMATION_PROBLEMS', problems: [{ step: 0, field: 'todoTemplateId', code: 'TODO_TEMPLATE' }] } });

    const stepId = draft.data!.createAutomation.steps[0].id;
    const fixed = await api.gql(UPDATE, { id, input: { ...input, steps: [{ id: stepId, kind: 'TODO_FOR_USER', delayDays: 0, recipient: 'OWNER', sender: 'OWNER', todoTemplateId }, { kind: 'TODO_FOR_USER', delayDays: 2, hour: 9, recipient: 'OWNER', sender: 'OWNER', todoTemplateId }] } }, mc);
    expect(fixed.data!.updateAutomation.problems).toEqual([]);
    expect(fixed.data!.updateAutomation.steps[0].id).toBe(stepId);

    const active = await api.gql(ACTIVATE, { id }, mc);
    expect(active.data!.activateAutomation).toMatchObject({ state: 'ACTIVE', stats: { enrolled: 1, stepsPending: 2 } });
    const queues = createQueues({ redisUrl: process.env.TEST_REDIS_URL!, prefix: api.server.services.config.queuePrefix });
    try {
      const jobs = await queues[JOBS.runDueSteps.queue].getJobs(['waiting', 'delayed']);
      expect(jobs.filter((j) => j.name === JOBS.runDueSteps.name).length).toBe(2);
    } finally {
      await closeQueues(queues, true);
    }

    // What the worker would do now: the first step runs, the todo appears on the card, History says so.
    await runDueSteps(api.db.dataSource, new Date(), { timeZone: 'Europe/Budapest', messageDomain: 'crm.test' });
    const todos = await api.gql(`query($c: ID!) { todos(cardId: $c) { title } }`, { c: cards[0].id }, cookie);
    expect(todos.data!.todos).toEqual([{ title: 'Call after the offer' }]);
    const runs = await api.gql(`query($id: ID!) { automationRuns(automationId: $id) { step status stepKind } }`, { id }, cookie);
    expect(runs.data!.automationRuns).toEqual(expect.arrayContaining([{ step: 1, status: 'DONE', stepKind: 'TODO_FOR_USER' }, { step: 2, status: 'PENDING', stepKind: 'TODO_FOR_USER' }]));
    const history = await api.gql(`query($c: ID!) { cardHistory(cardId: $c) { entity action } }`, { c: cards[0].id }, cookie);
    expect(history.data!.cardHistory).toContainEqual({ entity: 'automation', action: 'step_done' });
  });

  it('moving a card asks the worker to re-evaluate; pause and resume; drafts can be deleted, active ones not', async () => {
    const { pipeline, statuses, cards, todoTemplateId } = await fixture();
    const input = { pipelineId: pipeline.id, name: 'A', triggerKind: 'STATUS', triggerStatusId: statuses[1].id, steps: [{ kind: 'TODO_FOR_USER', delayDays: 1, recipient: 'OWNER', sender: 'OWNER', todoTemplateId }] };
    const id = (await api.gql(CREATE, { input }, mc)).data!.createAutomation.id;
    await api.gql(ACTIVATE, { id }, mc);
    await api.gql(`mutation($input: MoveCardInput!) { moveCard(input: $input) { id } }`, { input: { cardId: cards[1].id, statusId: statuses[1].id } }, cookie);
    const queues = createQueues({ redisUrl: process.env.TEST_REDIS_URL!, prefix: api.server.services.config.queuePrefix });
    try {
      // The request does not wait for Redis; the service says when its request to evaluate got there.
      await api.server.services.automations.settled();
      const jobs = await queues[JOBS.evaluateAutomations.queue].getJobs(['waiting', 'delayed']);
      expect(jobs.filter((j) => j.name === JOBS.evaluateAutomations.name).map((j) => j.data)).toContainEqual({ pipelineId: pipeline.id });
    } finally {
      await closeQueues(queues, true);
    }
    expect((await api.gql(`mutation($id: ID!) { pauseAutomation(id: $id) { state } }`, { id }, mc)).data!.pauseAutomation.state).toBe('PAUSED');
    expect((await api.gql(`mutation($id: ID!) { resumeAutomation(id: $id) { state stats { enrolled } } }`, { id }, mc)).data!.resumeAutomation).toEqual({ state: 'ACTIVE', stats: { enrolled: 2 } });
    const del = await api.gql(`mutation($id: ID!) { deleteAutomation(id: $id) }`, { id }, mc);
    expect(del.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('sends a template to every card of a view as a one-time automation, skipping cards without an address', async () => {
    const { pipeline, statuses, cards } = await fixture();
    const template = (await api.gql(`mutation($input: EmailTemplateInput!) { createEmailTemplate(input: $input) { id } }`, { input: { pipelineId: pipeline.id, name: 'News', subject: 'Hírek – {{client.name}}', body: 'Kedves {{contact.name}}!' } }, mc)).data!.createEmailTemplate.id;
    await api.gql(`mutation($c: ID!) { createContact(clientId: $c, input: { name: "Anna", emails: ["anna@x.hu"] }) { id } }`, { c: cards[0].clientId }, cookie);
    const view = (await api.gql(`mutation($input: ViewInput!) { createView(input: $input) { id } }`, { input: { name: 'Both', pipelineId: pipeline.id, filter: { statusIds: [statuses[0].id, statuses[1].id] } } }, cookie)).data!.createView.id;
    const res = await api.gql(`mutation($v: ID!, $t: ID!) { sendTemplateToView(viewId: $v, emailTemplateId: $t) { id name state stats { enrolled stepsPending } } }`, { v: view, t: template }, cookie);
    expect(res.errors).toBeUndefined();
    expect(res.data!.sendTemplateToView).toMatchObject({ name: 'News → Both', state: 'ACTIVE', stats: { enrolled: 2, stepsPending: 2 } });
    await runDueSteps(api.db.dataSource, new Date(), { timeZone: 'Europe/Budapest', messageDomain: 'crm.test' });
    const runs = await api.gql(`query($id: ID!) { automationRuns(automationId: $id) { clientName status result } }`, { id: res.data!.sendTemplateToView.id }, cookie);
    const statusesSeen = runs.data!.automationRuns.map((r: any) => r.status).sort();
    expect(statusesSeen).toEqual(['DONE', 'SKIPPED']);
    expect(runs.data!.automationRuns.find((r: any) => r.status === 'SKIPPED').result).toEqual({ code: 'NO_RECIPIENT' });
    const list = await api.gql(`query($p: ID!) { automations(pipelineId: $p) { name } }`, { p: pipeline.id }, cookie);
    expect(list.data!.automations.map((a: any) => a.name)).toContain('News → Both');
  });

  const forbidden = (res: { errors?: any[] }) => res.errors?.[0]?.extensions?.code;
  const PAUSE = `mutation($id: ID!) { pauseAutomation(id: $id) { state } }`;
  const RESUME = `mutation($id: ID!) { resumeAutomation(id: $id) { state } }`;
  const SEND_VIEW = `mutation($v: ID!, $t: ID!) { sendTemplateToView(viewId: $v, emailTemplateId: $t) { id state createdById stats { enrolled } } }`;
  async function emailTemplate(pipelineId: string, body = 'Kedves {{contact.name}}!') {
    return (await api.gql(`mutation($input: EmailTemplateInput!) { createEmailTemplate(input: $input) { id } }`, { input: { pipelineId, name: `T ${Math.random()}`, subject: 'Hírek – {{client.name}}', body } }, mc)).data!.createEmailTemplate.id as string;
  }
  async function view(pipelineId: string, statusIds: string[], c: string, shared = false) {
    return (await api.gql(`mutation($input: ViewInput!) { createView(input: $input) { id } }`, { input: { name: `V ${Math.random()}`, pipelineId, filter: { statusIds }, shared } }, c)).data!.createView.id as string;
  }
  const contactFor = (clientId: string, email: string) => api.db.dataSource.query(`INSERT INTO contacts (client_id, name, emails, is_primary) VALUES ($1, 'Anna', $2, true)`, [clientId, [email]]);

  it('Normal users read automations and send "Email this view"; building, editing, activating and deleting are for managers; Normal users pause and resume only their own', async () => {
    const { pipeline, statuses, todoTemplateId } = await fixture();
    const input = { pipelineId: pipeline.id, name: 'Managers’', triggerKind: 'STATUS', triggerStatusId: statuses[1].id, steps: [{ kind: 'TODO_FOR_USER', delayDays: 1, recipient: 'OWNER', sender: 'OWNER', todoTemplateId }] };
    expect(forbidden(await api.gql(CREATE, { input }, cookie))).toBe('FORBIDDEN');
    const id = (await api.gql(CREATE, { input }, mc)).data!.createAutomation.id;
    expect(forbidden(await api.gql(UPDATE, { id, input: { ...input, name: 'Mine now' } }, cookie))).toBe('FORBIDDEN');
    expect(forbidden(await api.gql(ACTIVATE, { id }, cookie))).toBe('FORBIDDEN');
    expect(forbidden(await api.gql(`mutation($id: ID!) { deleteAutomation(id: $id) }`, { id }, cookie))).toBe('FORBIDDEN');
    await api.gql(ACTIVATE, { id }, mc);
    expect(forbidden(await api.gql(PAUSE, { id }, cookie))).toBe('FORBIDDEN');
    expect((await api.gql(`query($id: ID!) { automation(id: $id) { state } }`, { id }, cookie)).data!.automation.state).toBe('ACTIVE');

    // Their own "Email this view": theirs to pause and resume, not another Normal user's; a manager may.
    const sent = await api.gql(SEND_VIEW, { v: await view(pipeline.id, [statuses[0].id], cookie), t: await emailTemplate(pipeline.id) }, cookie);
    expect(sent.errors).toBeUndefined();
    const own = sent.data!.sendTemplateToView.id;
    expect((await api.gql(PAUSE, { id: own }, cookie)).data!.pauseAutomation.state).toBe('PAUSED');
    expect((await api.gql(RESUME, { id: own }, cookie)).data!.resumeAutomation.state).toBe('ACTIVE');
    const other = await api.buildUser({ role: Role.Normal });
    expect(forbidden(await api.gql(PAUSE, { id: own }, await api.login(other.email, other.password)))).toBe('FORBIDDEN');
    expect((await api.gql(PAUSE, { id: own }, mc)).data!.pauseAutomation.state).toBe('PAUSED');

    // Stopping for good: their own, not the manager's; pending steps are cancelled with the reason.
    const STOP = `mutation($id: ID!) { stopAutomation(id: $id) { state stats { enrolled stepsPending } } }`;
    expect(forbidden(await api.gql(STOP, { id }, cookie))).toBe('FORBIDDEN');
    expect(forbidden(await api.gql(STOP, { id: own }, await api.login(other.email, other.password)))).toBe('FORBIDDEN');
    expect((await api.gql(STOP, { id: own }, cookie)).data!.stopAutomation).toEqual({ state: 'DONE', stats: { enrolled: 0, stepsPending: 0 } });
    expect(await api.db.dataSource.query(`SELECT DISTINCT status, result FROM automation_runs WHERE automation_id = $1`, [own])).toEqual([{ status: 'CANCELLED', result: { code: 'AUTOMATION_STOPPED' } }]);
    expect((await api.gql(STOP, { id }, mc)).data!.stopAutomation.state).toBe('DONE');
  });

  it('a view used as a trigger must be the builder’s own or shared: another user’s private view answers NOT_FOUND', async () => {
    const { pipeline, statuses } = await fixture();
    const template = await emailTemplate(pipeline.id);
    const managersPrivate = await view(pipeline.id, [statuses[0].id], mc);
    expect(forbidden(await api.gql(SEND_VIEW, { v: managersPrivate, t: template }, cookie))).toBe('NOT_FOUND');
    const usersPrivate = await view(pipeline.id, [statuses[0].id], cookie);
    const input = { pipelineId: pipeline.id, name: 'On their view', triggerKind: 'VIEW', triggerViewId: usersPrivate, steps: [{ kind: 'EMAIL_TO_CONTACT', delayDays: 0, recipient: 'PRIMARY_CONTACT', sender: 'OWNER', emailTemplateId: template }] };
    expect(forbidden(await api.gql(CREATE, { input }, mc))).toBe('NOT_FOUND');
    const shared = await view(pipeline.id, [statuses[0].id], cookie, true);
    const created = (await api.gql(CREATE, { input: { ...input, triggerViewId: shared } }, mc)).data!.createAutomation;
    expect(created.problems).toEqual([]);
    // Its owner stops sharing it: a problem that blocks activation.
    await api.db.dataSource.query(`UPDATE views SET shared = false WHERE id = $1`, [shared]);
    expect((await api.gql(`query($id: ID!) { automation(id: $id) { problems { step field code } } }`, { id: created.id }, mc)).data!.automation.problems).toEqual([{ step: null, field: 'triggerViewId', code: 'TRIGGER_VIEW_HIDDEN' }]);
    expect((await api.gql(ACTIVATE, { id: created.id }, mc)).errors![0].extensions).toMatchObject({ reason: 'AUTOMATION_PROBLEMS' });
  });

  it('department limits: a Normal HU user’s Email-this-view never mails a Polish client; a HU manager’s automation enrols only HU cards; runs list only what the reader may see', async () => {
    const { pipeline, statuses } = await fixture();
    const [hu, pl] = await api.db.dataSource.getRepository(Department).save([{ name: `HU ${Math.random()}` }, { name: `PL ${Math.random()}` }]);
    const huSales = await api.buildUser({ role: Role.Normal, departments: [hu] });
    const huManager = await api.buildUser({ role: Role.Manager, departments: [hu] });
    const manager = await api.buildUser({ role: Role.Manager });
    const [huCard, plCard] = await buildCards(api.db.dataSource, [
      { status: statuses[2], ownerId: huSales.id, departmentId: hu.id, name: 'Magyar Kft.' },
      { status: statuses[2], ownerId: manager.id, departmentId: pl.id, name: 'Polska Sp. z o.o.' },
    ]);
    await contactFor(huCard.clientId, 'anna@magyar.hu');
    await contactFor(plCard.clientId, 'jan@polska.pl');
    const template = await emailTemplate(pipeline.id);
    const salesCookie = await api.login(huSales.email, huSales.password);

    const sent = await api.gql(SEND_VIEW, { v: await view(pipeline.id, [statuses[2].id], salesCookie), t: template }, salesCookie);
    expect(sent.data!.sendTemplateToView).toMatchObject({ state: 'ACTIVE', createdById: huSales.id, stats: { enrolled: 1 } });
    await runDueSteps(api.db.dataSource, new Date(), { timeZone: 'Europe/Budapest', messageDomain: 'crm.test' });
    const mails = await api.db.dataSource.query(`SELECT to_addresses, from_address FROM outbox_mails WHERE card_id = ANY($1)`, [[huCard.id, plCard.id]]);
    expect(mails).toEqual([{ to_addresses: ['anna@magyar.hu'], from_address: huSales.email }]);

    // A department-limited manager's automation enrols only their departments' cards.
    const huManagerCookie = await api.login(huManager.email, huManager.password);
    const input = { pipelineId: pipeline.id, name: 'HU only', triggerKind: 'STATUS', triggerStatusId: statuses[2].id, steps: [{ kind: 'EMAIL_TO_CONTACT', delayDays: 5, recipient: 'PRIMARY_CONTACT', sender: 'OWNER', emailTemplateId: template }] };
    const huOnly = (await api.gql(CREATE, { input }, huManagerCookie)).data!.createAutomation.id;
    expect((await api.gql(ACTIVATE, { id: huOnly }, huManagerCookie)).data!.activateAutomation.stats).toMatchObject({ enrolled: 1 });

    // An unlimited manager's automation enrols both; its runs show the HU user only the Hungarian client.
    const managerCookie = await api.login(manager.email, manager.password);
    const both = (await api.gql(CREATE, { input: { ...input, name: 'Both' } }, managerCookie)).data!.createAutomation.id;
    expect((await api.gql(ACTIVATE, { id: both }, managerCookie)).data!.activateAutomation.stats).toMatchObject({ enrolled: 2 });
    const RUNS = `query($id: ID!) { automationRuns(automationId: $id) { clientName } }`;
    expect((await api.gql(RUNS, { id: both }, salesCookie)).data!.automationRuns).toEqual([{ clientName: 'Magyar Kft.' }]);
    expect((await api.gql(RUNS, { id: both }, managerCookie)).data!.automationRuns.map((r: any) => r.clientName).sort()).toEqual(['Magyar Kft.', 'Polska Sp. z o.o.']);
  });

  it('is not for Restricted users: no automation query or mutation', async () => {
    const { pipeline, statuses } = await fixture();
    const r = await api.buildUser({ role: Role.Restricted });
    const rc = await api.login(r.email, r.password);
    const id = (await api.gql(CREATE, { input: { pipelineId: pipeline.id, name: 'X', triggerKind: 'STATUS', triggerStatusId: statuses[0].id, steps: [] } }, mc)).data!.createAutomation.id;
    const calls: Array<[string, Record<string, unknown>]> = [
      [`query($p: ID!) { automations(pipelineId: $p) { id } }`, { p: pipeline.id }],
      [`query($id: ID!) { automation(id: $id) { id } }`, { id }],
      [`query($id: ID!) { automationRuns(automationId: $id) { id } }`, { id }],
      [PAUSE, { id }],
      [RESUME, { id }],
      [`mutation($id: ID!) { deleteAutomation(id: $id) }`, { id }],
      [`mutation($id: ID!) { stopAutomation(id: $id) { id } }`, { id }],
      [SEND_VIEW, { v: id, t: id }],
    ];
    for (const [query, variables] of calls) expect([query, forbidden(await api.gql(query, variables, rc))]).toEqual([query, 'FORBIDDEN']);
  });
});
