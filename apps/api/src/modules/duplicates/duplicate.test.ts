import { runDueSteps } from '@crm/db';
import { Role } from '@crm/shared';
import { buildCards, buildPipeline, buildTodo } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

describe('duplicates', () => {
  let api: TestApi;
  let cookie: string;
  beforeAll(async () => {
    api = await startTestApi();
    const user = await api.buildUser({ role: Role.Manager });
    cookie = await api.login(user.email, user.password);
  });
  afterAll(() => api.close());

  const groups = async () => (await api.gql(`{ duplicateGroups { reason value clients { name } } }`, {}, cookie)).data!.duplicateGroups;

  it('finds clients sharing a normalised email, phone, tax id or company domain, but not a free-mail domain', async () => {
    const ds = api.db.dataSource;
    const { statuses } = await buildPipeline(ds);
    const cards = await buildCards(ds, [
      { status: statuses[0], name: 'Kovács Kft.', emails: ['Info@Kovacs.hu'], phones: ['+36 30 123 4567'] },
      { status: statuses[0], name: 'Kovács és Társa', emails: ['info@kovacs.hu '], phones: ['06-30-123-4567'] },
      { status: statuses[0], name: 'Anna (gmail)', emails: ['anna@gmail.com'] },
      { status: statuses[0], name: 'Béla (gmail)', emails: ['bela@gmail.com'] },
    ]);
    await ds.query(`UPDATE clients SET domain = 'gmail.com' WHERE id = ANY($1)`, [[cards[2].clientId, cards[3].clientId]]);
    await ds.query(`UPDATE clients SET tax_id = $2 WHERE id = $1`, [cards[0].clientId, '12345678-2-13']);
    await ds.query(`UPDATE clients SET tax_id = $2 WHERE id = $1`, [cards[1].clientId, '12345678 2 13']);
    const found = await groups();
    const reasons = found.map((g: any) => `${g.reason}:${g.value}`).sort();
    expect(reasons).toEqual(['EMAIL:info@kovacs.hu', 'PHONE:36301234567', 'TAX_ID:12345678213']);
    expect(found[0].clients.map((c: any) => c.name).sort()).toEqual(['Kovács Kft.', 'Kovács és Társa']);

    const probe = await api.gql(`{ possibleDuplicates(input: { email: "someone@kovacs.hu" }) { name } }`, {}, cookie);
    expect(probe.data!.possibleDuplicates).toEqual([]); // no client has that domain set yet
    const byEmail = await api.gql(`{ possibleDuplicates(input: { email: "INFO@kovacs.hu", phone: "0036301234567" }) { name } }`, {}, cookie);
    expect(byEmail.data!.possibleDuplicates.map((c: any) => c.name).sort()).toEqual(['Kovács Kft.', 'Kovács és Társa']);
  });

  it('merges into the primary in one transaction: nothing is lost, the other goes to the trash, History shows it', async () => {
    const ds = api.db.dataSource;
    const sales = await buildPipeline(ds);
    const support = await buildPipeline(ds);
    const [primaryCard, otherCard] = await buildCards(ds, [
      { status: sales.statuses[0], name: 'Primary Sp. z o.o.', emails: ['a@p.pl'] },
      { status: sales.statuses[1], name: 'Duplicate Sp. z o.o.', emails: ['b@p.pl'] },
    ]);
    const [otherSupport] = await buildCards(ds, [{ status: support.statuses[0], name: 'ignored' }]);
    await ds.query(`UPDATE cards SET client_id = $1 WHERE id = $2`, [otherCard.clientId, otherSupport.id]);
    await ds.query(`DELETE FROM clients WHERE id = $1`, [otherSupport.clientId]);
    await buildTodo(ds, primaryCard, null);
    await buildTodo(ds, otherCard, null);
    await buildTodo(ds, otherSupport, null);
    const note = `mutation($c: ID!) { createNote(cardId: $c, input: { body: "n" }) { id } }`;
    await api.gql(note, { c: otherCard.id }, cookie);
    await api.gql(`mutation($c: ID!) { createDeal(clientId: $c, input: { title: "d", amount: 5, currency: "PLN", date: "2026-01-01" }) { id } }`, { c: otherCard.clientId }, cookie);
    await api.gql(`mutation($c: ID!) { createContact(clientId: $c, input: { name: "Piotr" }) { id } }`, { c: otherCard.clientId }, cookie);
    const count = async (sql: string) => Number((await ds.query(sql, [[primaryCard.clientId, otherCard.clientId]]))[0].n);
    const totals = async () => ({
      todos: await count(`SELECT count(*) AS n FROM todos t JOIN cards c ON c.id = t.card_id WHERE c.client_id = ANY($1) AND c.deleted_at IS NULL`),
      notes: await count(`SELECT count(*) AS n FROM notes WHERE client_id = ANY($1)`),
      deals: await count(`SELECT count(*) AS n FROM deals WHERE client_id = ANY($1)`),
      contacts: await count(`SELECT count(*) AS n FROM contacts WHERE client_id = ANY($1)`),
    });
    const before = await totals();

    const res = await api.gql(`mutation($input: MergeClientsInput!) { mergeClients(input: $input) { id emails cards { id pipelineId } contacts { name } } }`, { input: { primaryId: primaryCard.clientId, otherIds: [otherCard.clientId] } }, cookie);
    expect(res.errors).toBeUndefined();
    const merged = res.data!.mergeClients;
    expect(merged.emails.sort()).toEqual(['a@p.pl', 'b@p.pl']);
    expect(merged.cards.map((c: any) => c.id).sort()).toEqual([primaryCard.id, otherSupport.id].sort());
    expect(merged.contacts).toEqual([{ name: 'Piotr' }]);
    expect(await totals()).toEqual(before);
    const todosOnPrimary = await api.gql(`query($c: ID!) { todos(cardId: $c) { id } }`, { c: primaryCard.id }, cookie);
    expect(todosOnPrimary.data!.todos).toHaveLength(2);
    const history = await api.gql(`query($c: ID!) { cardHistory(cardId: $c, kinds: [MERGE, NOTE]) { kind } }`, { c: primaryCard.id }, cookie);
    expect(history.data!.cardHistory.map((h: any) => h.kind).sort()).toEqual(['MERGE', 'MERGE', 'NOTE']);
    const gone = await api.gql(`query($id: ID!) { client(id: $id) { id } }`, { id: otherCard.clientId }, cookie);
    expect(gone.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('moves mail in and out and automation enrolments to the primary: the merged client’s mails still open from History', async () => {
    const ds = api.db.dataSource;
    const { pipeline, statuses } = await buildPipeline(ds);
    const [primaryCard, otherCard] = await buildCards(ds, [
      { status: statuses[0], name: 'Primary Kft.' },
      { status: statuses[1], name: 'Duplicate Kft.' },
    ]);
    await ds.query(`UPDATE cards SET owner_id = (SELECT id FROM users WHERE role = 'MANAGER' ORDER BY created_at LIMIT 1)`);
    await api.gql(`mutation($c: ID!) { createContact(clientId: $c, input: { name: "Anna", emails: ["anna@duplicate.hu"] }) { id } }`, { c: otherCard.clientId }, cookie);
    const template = (await api.gql(`mutation($input: EmailTemplateInput!) { createEmailTemplate(input: $input) { id } }`, { input: { pipelineId: pipeline.id, name: 'Hi', subject: 'Hi', body: 'Hello' } }, cookie)).data!.createEmailTemplate.id;
    const step = { kind: 'EMAIL_TO_CONTACT', recipient: 'PRIMARY_CONTACT', sender: 'OWNER', emailTemplateId: template };
    const input = { pipelineId: pipeline.id, name: 'Follow-up', triggerKind: 'STATUS', triggerStatusId: statuses[1].id, steps: [{ ...step, delayDays: 0 }, { ...step, delayDays: 3 }] };
    const automationId = (await api.gql(`mutation($input: AutomationInput!) { createAutomation(input: $input) { id } }`, { input }, cookie)).data!.createAutomation.id;
    await api.gql(`mutation($id: ID!) { activateAutomation(id: $id) { id } }`, { id: automationId }, cookie);
    await runDueSteps(ds, new Date(), { timeZone: 'Europe/Budapest', messageDomain: 'crm.test' });
    const [sent] = await ds.query(`SELECT id FROM outbox_mails WHERE card_id = $1`, [otherCard.id]);
    const [inbound] = await ds.query(`INSERT INTO inbound_mails (message_id, from_address, kind, client_id, text) VALUES ('<reply-1@duplicate.hu>', 'anna@duplicate.hu', 'CLIENT', $1, 'Thanks') RETURNING id`, [otherCard.clientId]);

    const res = await api.gql(`mutation($input: MergeClientsInput!) { mergeClients(input: $input) { id } }`, { input: { primaryId: primaryCard.clientId, otherIds: [otherCard.clientId] } }, cookie);
    expect(res.errors).toBeUndefined();
    expect((await api.gql(`query($id: ID!) { mail(id: $id) { to status } }`, { id: sent.id }, cookie)).data!.mail).toEqual({ to: ['anna@duplicate.hu'], status: 'QUEUED' });
    expect((await api.gql(`query($id: ID!) { inboundMail(id: $id) { id } }`, { id: inbound.id }, cookie)).data!.inboundMail).toEqual({ id: inbound.id });
    expect(await ds.query(`SELECT card_id, client_id FROM outbox_mails WHERE id = $1`, [sent.id])).toEqual([{ card_id: primaryCard.id, client_id: primaryCard.clientId }]);
    expect(await ds.query(`SELECT card_id, state FROM automation_enrolments WHERE automation_id = $1`, [automationId])).toEqual([{ card_id: primaryCard.id, state: 'ACTIVE' }]);
    expect(await ds.query(`SELECT card_id, status FROM automation_runs WHERE automation_id = $1 ORDER BY due_at`, [automationId])).toEqual([
      { card_id: primaryCard.id, status: 'DONE' },
      { card_id: primaryCard.id, status: 'PENDING' },
    ]);
  });

  it('forbids Restricted users to merge', async () => {
    const user = await api.buildUser({ role: Role.Restricted });
    const rc = await api.login(user.email, user.password);
    const res = await api.gql(`mutation { mergeClients(input: { primaryId: "00000000-0000-4000-8000-000000000001", otherIds: ["00000000-0000-4000-8000-000000000002"] }) { id } }`, {}, rc);
    expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
