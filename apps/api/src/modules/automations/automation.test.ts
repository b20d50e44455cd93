import { runDueSteps } from '@crm/db';
import { JOBS, Role } from '@crm/shared';
import { createQueues, closeQueues } from '@crm/db';
import { buildCards, buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

const FIELDS = `id state problems { step field message } stats { enrolled stepsDone stepsPending } steps { id kind delayDays hour recipient }`;
const CREATE = `mutation($input: AutomationInput!) { createAutomation(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: AutomationInput!) { updateAutomation(id: $id, input: $input) { ${FIELDS} } }`;
const ACTIVATE = `mutation($id: ID!) { activateAutomation(id: $id) { ${FIELDS} } }`;

describe('automations over the API', () => {
  let api: TestApi;
  let cookie: string;
  beforeAll(async () => {
    api = await startTestApi();
    const user = await api.buildUser({ role: Role.Normal });
    cookie = await api.login(user.email, user.password);
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
    const draft = await api.gql(CREATE, { input }, cookie);
    expect(draft.data!.createAutomation).toMatchObject({ state: 'DRAFT', problems: [{ step: 0, field: 'todoTemplateId', message: 'Choose a todo template.' }] });
    const id = draft.data!.createAutomation.id;
    const refused = await api.gql(ACTIVATE, { id }, cookie);
    expect(refused.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'AUTOMATION_PROBLEMS' }, message: expect.stringContaining('Choose a todo template.') });

    const stepId = draft.data!.createAutomation.steps[0].id;
    const fixed = await api.gql(UPDATE, { id, input: { ...input, steps: [{ id: stepId, kind: 'TODO_FOR_USER', delayDays: 0, recipient: 'OWNER', sender: 'OWNER', todoTemplateId }, { kind: 'TODO_FOR_USER', delayDays: 2, hour: 9, recipient: 'OWNER', sender: 'OWNER', todoTemplateId }] } }, cookie);
    expect(fixed.data!.updateAutomation.problems).toEqual([]);
    expect(fixed.data!.updateAutomation.steps[0].id).toBe(stepId);

    const active = await api.gql(ACTIVATE, { id }, cookie);
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
    const id = (await api.gql(CREATE, { input }, cookie)).data!.createAutomation.id;
    await api.gql(ACTIVATE, { id }, cookie);
    await api.gql(`mutation($input: MoveCardInput!) { moveCard(input: $input) { id } }`, { input: { cardId: cards[1].id, statusId: statuses[1].id } }, cookie);
    const queues = createQueues({ redisUrl: process.env.TEST_REDIS_URL!, prefix: api.server.services.config.queuePrefix });
    try {
      const jobs = await queues[JOBS.evaluateAutomations.queue].getJobs(['waiting']);
      expect(jobs.filter((j) => j.name === JOBS.evaluateAutomations.name).map((j) => j.data)).toContainEqual({ pipelineId: pipeline.id });
    } finally {
      await closeQueues(queues, true);
    }
    expect((await api.gql(`mutation($id: ID!) { pauseAutomation(id: $id) { state } }`, { id }, cookie)).data!.pauseAutomation.state).toBe('PAUSED');
    expect((await api.gql(`mutation($id: ID!) { resumeAutomation(id: $id) { state stats { enrolled } } }`, { id }, cookie)).data!.resumeAutomation).toEqual({ state: 'ACTIVE', stats: { enrolled: 2 } });
    const del = await api.gql(`mutation($id: ID!) { deleteAutomation(id: $id) }`, { id }, cookie);
    expect(del.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('sends a template to every card of a view as a one-time automation, skipping cards without an address', async () => {
    const { pipeline, statuses, cards } = await fixture();
    const mc = await managerCookie();
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
    expect(runs.data!.automationRuns.find((r: any) => r.status === 'SKIPPED').result).toEqual({ reason: 'No recipient with an email address.' });
    const list = await api.gql(`query($p: ID!) { automations(pipelineId: $p) { name } }`, { p: pipeline.id }, cookie);
    expect(list.data!.automations.map((a: any) => a.name)).toContain('News → Both');
  });

  it('is not for Restricted users', async () => {
    const { pipeline } = await fixture();
    const r = await api.buildUser({ role: Role.Restricted });
    const rc = await api.login(r.email, r.password);
    const res = await api.gql(`query($p: ID!) { automations(pipelineId: $p) { id } }`, { p: pipeline.id }, rc);
    expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
