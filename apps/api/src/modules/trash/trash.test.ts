import { createMailTransport, deliverOutboxMail, emlFile, evaluateAutomation, runDueSteps } from '@crm/db';
import { Role } from '@crm/shared';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCards, buildPipeline, buildTodo } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('the trash', () => {
  let api: TestApi;
  let adminCookie: string;
  beforeAll(async () => {
    api = await startTestApi();
    const admin = await api.buildUser({ role: Role.Admin });
    adminCookie = await api.login(admin.email, admin.password);
  });
  afterAll(() => api.close());

  const BOARD = `query($p: ID!) { board(pipelineId: $p) { count cards { id } } }`;
  const LIST = `query($p: ID!) { cards(pipelineId: $p, filter: { text: "trashme" }) { total } }`;

  it('hides a deleted client and its cards everywhere, and restores them with their todos and contacts', async () => {
    const { pipeline, statuses } = await buildPipeline(api.db.dataSource);
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0], name: 'Trashme Kft.' }]);
    await buildTodo(api.db.dataSource, card, null);
    await api.gql(`mutation($c: ID!) { createContact(clientId: $c, input: { name: "Éva" }) { id } }`, { c: card.clientId }, adminCookie);

    expect((await api.gql(`mutation($id: ID!) { deleteClient(id: $id) }`, { id: card.clientId }, adminCookie)).data!.deleteClient).toBe(true);
    expect((await api.gql(BOARD, { p: pipeline.id }, adminCookie)).data!.board[0]).toEqual({ count: 0, cards: [] });
    expect((await api.gql(LIST, { p: pipeline.id }, adminCookie)).data!.cards.total).toBe(0);
    expect((await api.gql(`{ clients(filter: { text: "trashme" }) { total } }`, {}, adminCookie)).data!.clients.total).toBe(0);
    const trash = await api.gql(`{ trash { kind id name } }`, {}, adminCookie);
    expect(trash.data!.trash).toEqual(expect.arrayContaining([{ kind: 'CLIENT', id: card.clientId, name: 'Trashme Kft.' }, expect.objectContaining({ kind: 'CARD', id: card.id })]));

    expect((await api.gql(`mutation($id: ID!) { restoreFromTrash(kind: CLIENT, id: $id) }`, { id: card.clientId }, adminCookie)).data!.restoreFromTrash).toBe(true);
    const board = (await api.gql(BOARD, { p: pipeline.id }, adminCookie)).data!.board[0];
    expect(board).toEqual({ count: 1, cards: [{ id: card.id }] });
    const restored = await api.gql(`query($id: ID!) { client(id: $id) { contacts { name } cards { nextTodo { id } } } }`, { id: card.clientId }, adminCookie);
    expect(restored.data!.client.contacts).toEqual([{ name: 'Éva' }]);
    expect(restored.data!.client.cards[0].nextTodo).not.toBeNull();
  });

  it('restores a todo and a note, purges for good, and is for admins only', async () => {
    const { statuses } = await buildPipeline(api.db.dataSource);
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0] }]);
    const todo = await buildTodo(api.db.dataSource, card, null);
    await api.gql(`mutation($id: ID!) { deleteTodo(id: $id) }`, { id: todo.id }, adminCookie);
    expect((await api.gql(`query($c: ID!) { todos(cardId: $c) { id } }`, { c: card.id }, adminCookie)).data!.todos).toEqual([]);
    await api.gql(`mutation($id: ID!) { restoreFromTrash(kind: TODO, id: $id) }`, { id: todo.id }, adminCookie);
    expect((await api.gql(`query($c: ID!) { todos(cardId: $c) { id } }`, { c: card.id }, adminCookie)).data!.todos).toEqual([{ id: todo.id }]);

    const user = await api.buildUser({ role: Role.Manager });
    const cookie = await api.login(user.email, user.password);
    expect((await api.gql(`{ trash { id } }`, {}, cookie)).errors![0].extensions!.code).toBe('FORBIDDEN');

    await api.gql(`mutation($id: ID!) { deleteCard(id: $id) }`, { id: card.id }, adminCookie);
    expect((await api.gql(`mutation($id: ID!) { purgeFromTrash(kind: CARD, id: $id) }`, { id: card.id }, adminCookie)).data!.purgeFromTrash).toBe(true);
    expect(await api.db.dataSource.query(`SELECT id FROM cards WHERE id = $1`, [card.id])).toEqual([]);
    const again = await api.gql(`mutation($id: ID!) { restoreFromTrash(kind: CARD, id: $id) }`, { id: card.id }, adminCookie);
    expect(again.errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});

describe('the audit log', () => {
  it('shows admins who changed what, filtered; others may not read it', async () => {
    const api = await startTestApi();
    try {
      const admin = await api.buildUser({ role: Role.Admin });
      const cookie = await api.login(admin.email, admin.password);
      const { statuses } = await buildPipeline(api.db.dataSource);
      const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0] }]);
      await api.gql(`mutation($c: ID!) { createNote(cardId: $c, input: { body: "first" }) { id } }`, { c: card.id }, cookie);
      await api.gql(`mutation($id: ID!) { deleteCard(id: $id) }`, { id: card.id }, cookie);
      const all = await api.gql(`{ auditLog { action entity actor { id } } }`, {}, cookie);
      expect(all.data!.auditLog).toEqual([
        { action: 'delete', entity: 'card', actor: { id: admin.id } },
        { action: 'create', entity: 'note', actor: { id: admin.id } },
      ]);
      const notes = await api.gql(`{ auditLog(filter: { entity: "note" }) { action changes } }`, {}, cookie);
      expect(notes.data!.auditLog).toEqual([{ action: 'create', changes: { body: [null, 'first'] } }]);
      const manager = await api.buildUser({ role: Role.Manager });
      const mc = await api.login(manager.email, manager.password);
      expect((await api.gql(`{ auditLog { id } }`, {}, mc)).errors![0].extensions!.code).toBe('FORBIDDEN');
    } finally {
      await api.close();
    }
  });
});

describe('the trash reaches automations, mail and files', () => {
  let api: TestApi;
  let admin: Awaited<ReturnType<TestApi['buildUser']>>;
  let cookie: string;
  let filesDir: string;
  let mailDir: string;
  const ENGINE = { timeZone: 'Europe/Budapest', messageDomain: 'crm.test' };
  beforeAll(async () => {
    filesDir = mkdtempSync(path.join(os.tmpdir(), 'crm-files-'));
    mailDir = mkdtempSync(path.join(os.tmpdir(), 'crm-mail-'));
    api = await startTestApi({ filesDir, mailDir });
    admin = await api.buildUser({ role: Role.Admin });
    cookie = await api.login(admin.email, admin.password);
  });
  afterAll(async () => {
    await api.close();
    rmSync(filesDir, { recursive: true, force: true });
    rmSync(mailDir, { recursive: true, force: true });
  });

  /** Cards with a contact each, in an automation that mails them now and again in two days. */
  async function enrolled(count: number) {
    const { pipeline, statuses } = await buildPipeline(api.db.dataSource);
    const cards = await buildCards(api.db.dataSource, Array.from({ length: count }, () => ({ status: statuses[0], ownerId: admin.id })));
    for (const c of cards) await api.db.dataSource.query(`INSERT INTO contacts (client_id, name, emails, is_primary) VALUES ($1, 'Anna', $2, true)`, [c.clientId, [`anna-${c.clientId}@x.hu`]]);
    const template = (await api.gql(`mutation($input: EmailTemplateInput!) { createEmailTemplate(input: $input) { id } }`, { input: { pipelineId: pipeline.id, name: 'Offer', subject: 'Offer for {{client.name}}', body: 'Dear {{contact.name}}' } }, cookie)).data!.createEmailTemplate.id;
    const step = { kind: 'EMAIL_TO_CONTACT', recipient: 'PRIMARY_CONTACT', sender: 'OWNER', emailTemplateId: template };
    const input = { pipelineId: pipeline.id, name: 'Offer mails', triggerKind: 'STATUS', triggerStatusId: statuses[0].id, steps: [{ ...step, delayDays: 0 }, { ...step, delayDays: 2 }] };
    const id = (await api.gql(`mutation($input: AutomationInput!) { createAutomation(input: $input) { id } }`, { input }, cookie)).data!.createAutomation.id;
    await api.gql(`mutation($id: ID!) { activateAutomation(id: $id) { id } }`, { id }, cookie);
    await runDueSteps(api.db.dataSource, new Date(), ENGINE); // the first mails are queued (no worker delivers them here)
    return { pipeline, statuses, cards, automationId: id as string };
  }
  const state = async (cardId: string) => ({
    enrolments: (await api.db.dataSource.query(`SELECT state FROM automation_enrolments WHERE card_id = $1`, [cardId])).map((r: any) => r.state),
    runs: (await api.db.dataSource.query(`SELECT status FROM automation_runs WHERE card_id = $1 ORDER BY due_at`, [cardId])).map((r: any) => r.status),
    mails: (await api.db.dataSource.query(`SELECT status FROM outbox_mails WHERE card_id = $1`, [cardId])).map((r: any) => r.status),
  });

  it('trashing a card or a client ends its enrolments, cancels its pending steps and queued mail; restoring sends none of it', async () => {
    const { cards, automationId } = await enrolled(3);
    const [card, clientsCard, untouched] = cards;
    expect(await state(card.id)).toEqual({ enrolments: ['ACTIVE'], runs: ['DONE', 'PENDING'], mails: ['QUEUED'] });

    await api.gql(`mutation($id: ID!) { deleteCard(id: $id) }`, { id: card.id }, cookie);
    await api.gql(`mutation($id: ID!) { deleteClient(id: $id) }`, { id: clientsCard.clientId }, cookie);
    for (const c of [card, clientsCard]) expect(await state(c.id)).toEqual({ enrolments: ['LEFT'], runs: ['DONE', 'CANCELLED'], mails: ['CANCELLED'] });
    expect(await state(untouched.id)).toEqual({ enrolments: ['ACTIVE'], runs: ['DONE', 'PENDING'], mails: ['QUEUED'] });

    await api.gql(`mutation($id: ID!) { restoreFromTrash(kind: CARD, id: $id) }`, { id: card.id }, cookie);
    await api.gql(`mutation($id: ID!) { restoreFromTrash(kind: CLIENT, id: $id) }`, { id: clientsCard.clientId }, cookie);
    await evaluateAutomation(api.db.dataSource, automationId, new Date(), ENGINE);
    const later = await runDueSteps(api.db.dataSource, new Date(Date.now() + 3 * 86_400_000), ENGINE);
    expect(later.mailIds).toHaveLength(1); // the untouched card's second mail only
    for (const c of [card, clientsCard]) expect(await state(c.id)).toEqual({ enrolments: ['LEFT'], runs: ['DONE', 'CANCELLED'], mails: ['CANCELLED'] });
  });

  it('a shared document’s public link stops working while its card or client is in the trash', async () => {
    const { pipeline, statuses } = await buildPipeline(api.db.dataSource);
    const [card] = await buildCards(api.db.dataSource, [{ status: statuses[0] }]);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)]), 'offer.pdf');
    const res = await fetch(`${api.url}/files?${new URLSearchParams({ clientId: card.clientId, pipelineId: pipeline.id })}`, { method: 'POST', body: form, headers: { origin: api.url, cookie } });
    const { document } = (await res.json()) as any;
    const publicPath = (await api.gql(`mutation($id: ID!) { setDocumentShared(id: $id, shared: true) { publicPath } }`, { id: document.id }, cookie)).data!.setDocumentShared.publicPath;
    expect((await fetch(`${api.url}${publicPath}`)).status).toBe(200);
    await api.gql(`mutation($id: ID!) { deleteCard(id: $id) }`, { id: card.id }, cookie);
    expect((await fetch(`${api.url}${publicPath}`)).status).toBe(404);
    await api.gql(`mutation($id: ID!) { restoreFromTrash(kind: CARD, id: $id) }`, { id: card.id }, cookie);
    expect((await fetch(`${api.url}${publicPath}`)).status).toBe(200);
    await api.gql(`mutation($id: ID!) { deleteClient(id: $id) }`, { id: card.clientId }, cookie);
    expect((await fetch(`${api.url}${publicPath}`)).status).toBe(404);

    // A document purged by itself takes its bytes with it.
    await api.gql(`mutation($id: ID!) { restoreFromTrash(kind: CLIENT, id: $id) }`, { id: card.clientId }, cookie);
    const [{ storage_key }] = await api.db.dataSource.query(`SELECT storage_key FROM documents WHERE id = $1`, [document.id]);
    expect(existsSync(path.join(filesDir, storage_key))).toBe(true);
    await api.gql(`mutation($id: ID!) { deleteDocument(id: $id) }`, { id: document.id }, cookie);
    expect((await api.gql(`mutation($id: ID!) { purgeFromTrash(kind: DOCUMENT, id: $id) }`, { id: document.id }, cookie)).data!.purgeFromTrash).toBe(true);
    expect(existsSync(path.join(filesDir, storage_key))).toBe(false);
  });

  it('purging a client deletes its files’ bytes, its mail bodies on disk and every row that points to it or its cards', async () => {
    const { pipeline, cards } = await enrolled(1);
    const [card] = cards;
    const ds = api.db.dataSource;
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)]), 'contract.pdf');
    await fetch(`${api.url}/files?${new URLSearchParams({ clientId: card.clientId, pipelineId: pipeline.id })}`, { method: 'POST', body: form, headers: { origin: api.url, cookie } });
    const [{ storage_key }] = await ds.query(`SELECT storage_key FROM documents WHERE client_id = $1`, [card.clientId]);
    const [mail] = await ds.query(`SELECT id, message_id FROM outbox_mails WHERE card_id = $1`, [card.id]);
    expect(await deliverOutboxMail(ds, createMailTransport(null, mailDir), mail.id)).toBe('sent');
    await ds.query(`INSERT INTO notes (card_id, client_id, body) VALUES ($1, $2, 'Called')`, [card.id, card.clientId]);
    await ds.query(`INSERT INTO deals (client_id, card_id, title, amount, currency, date) VALUES ($1, $2, 'Deal', 100, 'EUR', '2026-11-30')`, [card.clientId, card.id]);
    await ds.query(`INSERT INTO inbound_mails (message_id, from_address, kind, client_id, text) VALUES ($1, 'anna@x.hu', 'CLIENT', $2, 'Private reply')`, [`<in-${card.id}@x>`, card.clientId]);
    expect(existsSync(path.join(filesDir, storage_key))).toBe(true);
    expect(existsSync(emlFile(mailDir, mail.message_id))).toBe(true);

    await api.gql(`mutation($id: ID!) { deleteClient(id: $id) }`, { id: card.clientId }, cookie);
    expect((await api.gql(`mutation($id: ID!) { purgeFromTrash(kind: CLIENT, id: $id) }`, { id: card.clientId }, cookie)).data!.purgeFromTrash).toBe(true);

    expect(existsSync(path.join(filesDir, storage_key))).toBe(false);
    expect(existsSync(emlFile(mailDir, mail.message_id))).toBe(false);
    const left = await ds.query(
      `SELECT (SELECT count(*) FROM cards WHERE id = $1) + (SELECT count(*) FROM notes WHERE client_id = $2) + (SELECT count(*) FROM deals WHERE client_id = $2)
            + (SELECT count(*) FROM documents WHERE client_id = $2) + (SELECT count(*) FROM outbox_mails WHERE client_id = $2 OR card_id = $1)
            + (SELECT count(*) FROM inbound_mails WHERE client_id = $2) + (SELECT count(*) FROM automation_runs WHERE card_id = $1)
            + (SELECT count(*) FROM automation_enrolments WHERE card_id = $1) + (SELECT count(*) FROM contacts WHERE client_id = $2)
            + (SELECT count(*) FROM audit_log WHERE client_id = $2 OR card_id = $1) AS n`,
      [card.id, card.clientId],
    );
    expect(left).toEqual([{ n: '0' }]);
  });
});
