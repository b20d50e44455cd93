import { createQueues, closeQueues } from '@crm/db';
import { JOBS, Role } from '@crm/shared';
import { buildCards, buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

const CREATE_TEMPLATE = `mutation($input: EmailTemplateInput!) { createEmailTemplate(input: $input) { id } }`;
const PREVIEW = `query($input: MailDraftInput!) { mailPreview(input: $input) { subject text html missing } }`;
const SEND = `mutation($input: SendMailInput!) { sendMail(input: $input) { queued mailIds } }`;

describe('templates and mail from a card', () => {
  let api: TestApi;
  let cookie: string;
  beforeAll(async () => {
    api = await startTestApi();
    const manager = await api.buildUser({ role: Role.Manager, name: 'Márta Menedzser' });
    cookie = await api.login(manager.email, manager.password);
  });
  afterAll(() => api.close());

  async function fixture() {
    const { pipeline, statuses } = await buildPipeline(api.db.dataSource);
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0], name: 'Żółć Sp. z o.o.', value: 1200, currency: 'PLN' }]);
    const contact = async (name: string, emails: string[]) =>
      (await api.gql(`mutation($c: ID!, $input: ContactInput!) { createContact(clientId: $c, input: $input) { id } }`, { c: card.clientId, input: { name, emails } }, cookie)).data!.createContact.id;
    return { pipeline, card, anna: await contact('Anna Nowak', ['anna@zolc.pl']), noMail: await contact('Bez Maila', []) };
  }

  it('refuses a template with unknown variables or raw output, saying which', async () => {
    const { pipeline } = await fixture();
    const res = await api.gql(CREATE_TEMPLATE, { input: { pipelineId: pipeline.id, name: 'Bad', subject: 'Hi {{client.nam}}', body: '{{{contact.name}}}' } }, cookie);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { subject: expect.stringContaining('{{client.nam}}'), body: expect.stringContaining('{{{') } });
  });

  it('previews for a card and contact, flags missing values, and sends nothing while any remain', async () => {
    const { pipeline, card, anna } = await fixture();
    const template = (await api.gql(CREATE_TEMPLATE, { input: { pipelineId: pipeline.id, name: 'Offer', subject: 'Oferta dla {{client.name}}', body: 'Dzień dobry {{contact.firstName}},\n\nwartość: {{money card.value card.currency}}.\n{{client.taxId}}' } }, cookie)).data!.createEmailTemplate;
    const preview = await api.gql(PREVIEW, { input: { cardId: card.id, contactId: anna, templateId: template.id } }, cookie);
    expect(preview.data!.mailPreview).toMatchObject({ subject: 'Oferta dla Żółć Sp. z o.o.', missing: ['client.taxId'] });
    expect(preview.data!.mailPreview.text).toContain('Dzień dobry Anna,');
    expect(preview.data!.mailPreview.text).toMatch(/wartość: PLN\s1,200\.00\./); // the sender's language: English

    const refused = await api.gql(SEND, { input: { cardId: card.id, contactIds: [anna], templateId: template.id, subject: 'Oferta dla {{client.name}}', body: '{{client.taxId}}', requestId: 'req-missing-1' } }, cookie);
    expect(refused.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'MISSING_VALUES' }, message: expect.stringContaining('{{client.taxId}}') });
    expect(await api.db.dataSource.query(`SELECT id FROM outbox_mails WHERE card_id = $1`, [card.id])).toEqual([]);
  });

  it('queues one mail per contact with its History entry and a delivery job; a repeated request queues nothing new', async () => {
    const { card, anna, noMail } = await fixture();
    const input = { cardId: card.id, contactIds: [anna], subject: 'Oferta – {{client.name}}', body: 'Dzień dobry {{contact.name}}!', requestId: 'req-send-1' };
    const sent = await api.gql(SEND, { input }, cookie);
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.sendMail.queued).toBe(1);
    const again = await api.gql(SEND, { input }, cookie);
    expect(again.data!.sendMail.mailIds).toEqual(sent.data!.sendMail.mailIds);
    const [mail] = await api.db.dataSource.query(`SELECT status, to_addresses, subject, text FROM outbox_mails WHERE card_id = $1`, [card.id]);
    expect(mail).toEqual({ status: 'QUEUED', to_addresses: ['anna@zolc.pl'], subject: 'Oferta – Żółć Sp. z o.o.', text: 'Dzień dobry Anna Nowak!' });

    const history = await api.gql(`query($c: ID!) { cardHistory(cardId: $c, kinds: [EMAIL]) { entityId action } }`, { c: card.id }, cookie);
    expect(history.data!.cardHistory).toEqual([{ entityId: sent.data!.sendMail.mailIds[0], action: 'queued' }]);
    const opened = await api.gql(`query($id: ID!) { mail(id: $id) { subject status } }`, { id: sent.data!.sendMail.mailIds[0] }, cookie);
    expect(opened.data!.mail).toEqual({ subject: 'Oferta – Żółć Sp. z o.o.', status: 'QUEUED' });

    const queues = createQueues({ redisUrl: process.env.TEST_REDIS_URL!, prefix: api.server.services.config.queuePrefix });
    try {
      const jobs = await queues[JOBS.deliverMail.queue].getJobs(['waiting']);
      expect(jobs.map((j) => j.data)).toEqual([{ outboxId: sent.data!.sendMail.mailIds[0] }]);
    } finally {
      await closeQueues(queues, true);
    }

    const noAddress = await api.gql(SEND, { input: { ...input, contactIds: [noMail], requestId: 'req-send-2' } }, cookie);
    expect(noAddress.errors![0].message).toContain('Bez Maila has no email address.');
  });

  it('sends a failed or uncertain mail again on request, and nothing else', async () => {
    const { card, anna } = await fixture();
    const sent = await api.gql(SEND, { input: { cardId: card.id, contactIds: [anna], subject: 'Hi', body: 'Hello', requestId: 'req-resend-1' } }, cookie);
    const id = sent.data!.sendMail.mailIds[0];
    const RESEND = `mutation($id: ID!) { resendMail(id: $id) { status } }`;
    expect((await api.gql(RESEND, { id }, cookie)).errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    await api.db.dataSource.query(`UPDATE outbox_mails SET status = 'UNCERTAIN' WHERE id = $1`, [id]);
    expect((await api.gql(RESEND, { id }, cookie)).data!.resendMail.status).toBe('QUEUED');
  });

  it('queues a mail again once, however many resends arrive at once; a mail being sent or sent cannot be re-queued', async () => {
    const { card, anna } = await fixture();
    const sent = await api.gql(SEND, { input: { cardId: card.id, contactIds: [anna], subject: 'Hi', body: 'Hello', requestId: 'req-resend-race' } }, cookie);
    const id = sent.data!.sendMail.mailIds[0];
    const RESEND = `mutation($id: ID!) { resendMail(id: $id) { status } }`;
    const resends = async () => {
      const results = await Promise.all(Array.from({ length: 6 }, () => api.gql(RESEND, { id }, cookie)));
      return { queued: results.filter((r) => r.data?.resendMail.status === 'QUEUED').length, refused: results.filter((r) => r.errors?.[0].extensions!.reason === 'MAIL_NOT_RESENDABLE').length };
    };
    await api.db.dataSource.query(`UPDATE outbox_mails SET status = 'FAILED' WHERE id = $1`, [id]);
    expect(await resends()).toEqual({ queued: 1, refused: 5 });
    const audit = await api.db.dataSource.query(`SELECT changes FROM audit_log WHERE entity = 'email' AND entity_id = $1 AND action = 'resend'`, [id]);
    expect(audit).toEqual([{ changes: { status: ['FAILED', 'QUEUED'] } }]);
    for (const status of ['SENDING', 'SENT']) {
      await api.db.dataSource.query(`UPDATE outbox_mails SET status = $2 WHERE id = $1`, [id, status]);
      expect(await resends()).toEqual({ queued: 0, refused: 6 });
      expect(await api.db.dataSource.query(`SELECT status FROM outbox_mails WHERE id = $1`, [id])).toEqual([{ status }]);
    }
  });

  it('hides previews and mails of cards a Restricted user may not see; only managers edit templates', async () => {
    const { pipeline, card, anna } = await fixture();
    const owner = await api.buildUser();
    await api.db.dataSource.query(`UPDATE cards SET owner_id = $1 WHERE id = $2`, [owner.id, card.id]);
    const restricted = await api.buildUser({ role: Role.Restricted });
    const rc = await api.login(restricted.email, restricted.password);
    const preview = await api.gql(PREVIEW, { input: { cardId: card.id, contactId: anna, subject: 'x', body: 'y' } }, rc);
    expect(preview.errors![0].extensions!.code).toBe('NOT_FOUND');
    const create = await api.gql(CREATE_TEMPLATE, { input: { pipelineId: pipeline.id, name: 'x', subject: 'x', body: 'y' } }, rc);
    expect(create.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
