import { Role } from '@crm/shared';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createWriteStream } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Parse } from 'unzipper';
import { createMailTransport, deliverOutboxMail } from '../mail/deliver';
import { compressRaw } from '../mail/inbound-parse';
import { receiveInbound } from '../mail/inbound';
import { queueMail } from '../mail/outbox';
import { LocalDiskStorage } from '../storage/storage';
import { createTestDatabase, TestDatabase } from '../testing';
import { erasePersonalData, suppressionKey } from './erase';
import { exportPersonalData } from './export';
import { PrivacyError } from './subject';

const PERSON = { name: 'Zuzana Erasová', email: 'zuzana.erasova@erasova.test', phone: '+421 903 555 017', phoneDigits: '421903555017' };
const CLIENT = { name: 'Erasova Design', email: 'office@erasova.test', phone: '0903 555 018' };

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

/** The entries of a zip archive, by name. */
async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for await (const entry of Readable.from([bytes]).pipe(Parse({ forceStream: true }))) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk);
    out.set(entry.path, Buffer.concat(chunks));
  }
  return out;
}

describe('personal data: export and erasure', () => {
  let db: TestDatabase;
  let filesDir: string;
  let mailDir: string;
  let storage: LocalDiskStorage;
  let admin: string;
  let pipelineId: string;
  let statusId: string;
  let clientId: string;
  let contactId: string;
  let cardId: string;
  let otherClientId: string;
  let otherCardId: string;
  let inboundId: string;

  const q = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);

  beforeAll(async () => {
    db = await createTestDatabase();
    const root = mkdtempSync(path.join(tmpdir(), 'crm-privacy-'));
    filesDir = path.join(root, 'files');
    mailDir = path.join(root, 'mail');
    storage = new LocalDiskStorage(filesDir);
    [{ id: admin }] = await q(`INSERT INTO users (email, name, role, password_hash) VALUES ('boss@us.test', 'Boss', '${Role.Admin}', 'x') RETURNING id`);
    [{ id: pipelineId }] = await q(`INSERT INTO pipelines (name) VALUES ('Sales') RETURNING id`);
    [{ id: statusId }] = await q(`INSERT INTO statuses (pipeline_id, name, position, kind) VALUES ($1, 'New', 0, 'OPEN') RETURNING id`, [pipelineId]);
    const [{ id: fieldId }] = await q(`INSERT INTO custom_fields (pipeline_id, label, kind) VALUES ($1, 'Who to call', 'TEXT') RETURNING id`, [pipelineId]);

    // The person: a client with a contact, a card with a custom field, a todo, a note.
    [{ id: clientId }] = await q(`INSERT INTO clients (name, type, emails, phones) VALUES ($1, 'COMPANY', $2, $3) RETURNING id`, [CLIENT.name, [CLIENT.email], [CLIENT.phone]]);
    [{ id: contactId }] = await q(`INSERT INTO contacts (client_id, name, emails, phones, is_primary) VALUES ($1, $2, $3, $4, true) RETURNING id`, [clientId, PERSON.name, [PERSON.email], [PERSON.phone]]);
    [{ id: cardId }] = await q(`INSERT INTO cards (client_id, pipeline_id, status_id, position, custom_values) VALUES ($1, $2, $3, 'a0', $4) RETURNING id`, [
      clientId,
      pipelineId,
      statusId,
      { [fieldId]: `${PERSON.name}, ${PERSON.phone}` },
    ]);
    await q(`INSERT INTO todos (card_id, title, text, deadline) VALUES ($1, $2, $3, now())`, [cardId, `Call ${PERSON.name}`, `on ${PERSON.phone}`]);
    await q(`INSERT INTO notes (card_id, client_id, body) VALUES ($1, $2, $3)`, [cardId, clientId, `Met ${PERSON.name} (${PERSON.email})`]);
    await q(`INSERT INTO audit_log (actor_id, action, entity, entity_id, client_id, card_id, changes) VALUES ($1, 'update', 'contact', $2, $3, NULL, $4)`, [admin, contactId, clientId, { emails: [[], [PERSON.email]], name: ['Zuzana', PERSON.name] }]);
    // A document with its file.
    const docKey = `documents/${clientId}/offer`;
    await storage.put(docKey, Readable.from([Buffer.from(`Offer for ${PERSON.name}, ${PERSON.phone}`)]));
    await q(`INSERT INTO documents (client_id, pipeline_id, name, mime_type, size, storage_key) VALUES ($1, $2, 'Erasova Design offer.txt', 'text/plain', 40, $3)`, [clientId, pipelineId, docKey]);

    // Mail from them (routed to the client by the contact's address; its attachment becomes a document) and to them (an .eml in the mail folder).
    const raw = [
      `From: ${PERSON.name} <${PERSON.email}>`,
      'To: sales@us.test',
      'Subject: About the offer',
      'Message-ID: <offer-1@erasova.test>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      `Hello, call me on ${PERSON.phone}. ${PERSON.name}`,
      '--b1',
      'Content-Type: text/plain; name="card.txt"',
      'Content-Disposition: attachment; filename="card.txt"',
      '',
      `${PERSON.name} ${PERSON.email}`,
      '--b1--',
      '',
    ].join('\r\n');
    const received = await receiveInbound(db.dataSource, storage, raw, 10_000_000);
    expect(received.clientId).toBe(clientId);
    inboundId = received.id;
    const queued = await db.dataSource.transaction((em) =>
      queueMail(em, {
        idempotencyKey: 'privacy-1',
        cardId,
        clientId,
        templateId: null,
        fromAddress: 'boss@us.test',
        fromName: 'Boss',
        to: [PERSON.email],
        subject: `Offer for ${PERSON.name}`,
        html: `<p>Dear ${PERSON.name}</p>`,
        text: `Dear ${PERSON.name}`,
        createdById: admin,
        messageDomain: 'us.test',
      }),
    );
    await deliverOutboxMail(db.dataSource, createMailTransport(null, mailDir), queued.id);
    // An Unsorted message from their address (as stored: gzip-compressed source).
    await q(`INSERT INTO inbound_mails (kind, from_address, from_name, subject, text, raw, raw_size) VALUES ('UNSORTED', $1, $2, 'Hi', 'Hi', $3, 10)`, [PERSON.email, PERSON.name, compressRaw(Buffer.from(`From: ${PERSON.email}\r\n\r\nHi ${PERSON.phone}`))]);
    await q(`INSERT INTO unsorted_contacts (email, name) VALUES ($1, $2)`, [PERSON.email, PERSON.name]);

    // Campaign recipient, suppression, consent.
    const [{ id: templateId }] = await q(`INSERT INTO email_templates (pipeline_id, name, subject, body) VALUES ($1, 'News', 'News', 'Dear {{contact.name}}') RETURNING id`, [pipelineId]);
    const [{ id: listId }] = await q(`INSERT INTO distribution_lists (name, kind, channel) VALUES ('L', 'STATIC', 'EMAIL') RETURNING id`);
    const [{ id: campaignId }] = await q(`INSERT INTO campaigns (name, list_id, template_id, from_name, from_address) VALUES ('Spring', $1, $2, 'Us', 'news@us.test') RETURNING id`, [listId, templateId]);
    await q(`INSERT INTO campaign_recipients (campaign_id, client_id, contact_id, email, domain) VALUES ($1, $2, $3, $4, 'erasova.test')`, [campaignId, clientId, contactId, PERSON.email]);
    await q(`INSERT INTO suppressions (email, reason, scope, source) VALUES ($1, 'UNSUBSCRIBED', 'CAMPAIGNS', 'one-click')`, [PERSON.email]);
    await q(`INSERT INTO contact_consents (contact_id, email, status, source) VALUES ($1, $2, 'OPTED_OUT', 'one-click')`, [contactId, PERSON.email]);

    // A webhook event and its delivery log.
    const [{ id: hookId }] = await q(`INSERT INTO webhooks (url, events, secret) VALUES ('https://hooks.example/x', '{client.updated}', 's') RETURNING id`);
    const body = JSON.stringify({ type: 'client.updated', data: { name: CLIENT.name, contacts: [{ name: PERSON.name, emails: [PERSON.email], phones: [PERSON.phone] }] } });
    const [{ id: eventId }] = await q(`INSERT INTO integration_events (type, entity, entity_id, data) VALUES ('client.updated', 'client', $1, $2) RETURNING id`, [clientId, JSON.parse(body).data]);
    await q(`INSERT INTO webhook_deliveries (webhook_id, event_id, event_type, request_body, state) VALUES ($1, $2, 'client.updated', $3, 'DELIVERED')`, [hookId, eventId, body]);

    // An import that rejected their row, with its upload; an export written earlier.
    const [{ id: importJob }] = await q(`INSERT INTO background_jobs (kind, state, created_by_id) VALUES ('IMPORT', 'DONE', $1) RETURNING id`, [admin]);
    await storage.put(`imports/${importJob}`, Readable.from([Buffer.from(`name,email,phone\n${PERSON.name},${PERSON.email},${PERSON.phone}\n`)]));
    await q(`INSERT INTO imports (id, created_by_id, file_name, file_key, file_size, settings, mapping, target, counts) VALUES ($1, $2, 'people.csv', $3, 60, '{}', '{}', '{}', '{"created":0,"updated":0,"skipped":0,"rejected":1}')`, [importJob, admin, `imports/${importJob}`]);
    await q(`INSERT INTO import_rows (import_id, row_no, outcome, reason, fields) VALUES ($1, 2, 'REJECTED', 'DUPLICATE', $2)`, [importJob, [PERSON.name, PERSON.email, PERSON.phone]]);
    const [{ id: exportJob }] = await q(`INSERT INTO background_jobs (kind, state, created_by_id, payload) VALUES ('EXPORT', 'DONE', $1, $2) RETURNING id`, [admin, { request: { filter: { text: PERSON.name } } }]);
    await storage.put(`exports/${exportJob}-1`, Readable.from([Buffer.from(`Name;Email\n${CLIENT.name};${CLIENT.email}\n`)]));
    await q(`UPDATE background_jobs SET result = $2 WHERE id = $1`, [exportJob, { key: `exports/${exportJob}-1`, fileName: 'clients.csv' }]);

    // Someone else, whose card's History mentions the person.
    [{ id: otherClientId }] = await q(`INSERT INTO clients (name, type, emails, phones) VALUES ('Keeper Ltd', 'COMPANY', '{office@keeper.test}', '{+36 20 111 2222}') RETURNING id`);
    await q(`INSERT INTO contacts (client_id, name, emails) VALUES ($1, 'Karel Keeper', '{karel@keeper.test}')`, [otherClientId]);
    [{ id: otherCardId }] = await q(`INSERT INTO cards (client_id, pipeline_id, status_id, position) VALUES ($1, $2, $3, 'a1') RETURNING id`, [otherClientId, pipelineId, statusId]);
    await q(`INSERT INTO notes (card_id, client_id, body) VALUES ($1, $2, $3)`, [otherCardId, otherClientId, `Karel knows ${PERSON.name} (${PERSON.email})`]);
    await q(`INSERT INTO notes (card_id, client_id, body) VALUES ($1, $2, 'Karel wants a quote')`, [otherCardId, otherClientId]);
    await storage.put(`documents/${otherClientId}/contract`, Readable.from([Buffer.from('Contract with Karel Keeper')]));
    await q(`INSERT INTO documents (client_id, pipeline_id, name, mime_type, size, storage_key) VALUES ($1, $2, 'contract.txt', 'text/plain', 26, $3)`, [otherClientId, pipelineId, `documents/${otherClientId}/contract`]);
  });
  afterAll(() => db.drop());

  /** Where the person's strings are: every row of every table as JSON, every bytea decompressed, every file. */
  async function scan(): Promise<string[]> {
    const needles = [PERSON.email, PERSON.name, PERSON.phone, PERSON.phoneDigits, CLIENT.email, CLIENT.name, CLIENT.phone, '0903555018', '421903555018'];
    const found: string[] = [];
    const look = (where: string, text: string) => {
      for (const n of needles) if (text.toLowerCase().includes(n.toLowerCase())) found.push(`${where}: ${n}`);
    };
    // Every table, every row as JSON; and every bytea column decompressed.
    const tables: Array<{ table_name: string }> = await q(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`);
    expect(tables.length).toBeGreaterThan(40);
    for (const { table_name } of tables) {
      for (const r of await q(`SELECT row_to_json(t)::text AS j FROM "${table_name}" t`)) look(table_name, r.j);
    }
    const binary: Array<{ table_name: string; column_name: string }> = await q(`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND data_type = 'bytea'`);
    expect(binary).toContainEqual({ table_name: 'inbound_mails', column_name: 'raw' });
    for (const { table_name, column_name } of binary) {
      for (const r of await q(`SELECT "${column_name}" AS b FROM "${table_name}" WHERE "${column_name}" IS NOT NULL`)) {
        const b: Buffer = r.b;
        look(`${table_name}.${column_name}`, (b[0] === 0x1f && b[1] === 0x8b ? gunzipSync(b) : b).toString('utf8'));
      }
    }
    // Every file in the files folder (documents, imports, exports) and the mail folder.
    const files = [...filesUnder(filesDir), ...filesUnder(mailDir)];
    for (const f of files) look(f, readFileSync(f).toString('utf8'));
    return found;
  }

  it('exports everything held about the client as one archive: the data, their mails with sources, documents and History', async () => {
    const archive = await exportPersonalData(db.dataSource, { kind: 'client', id: clientId }, storage);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'crm-privacy-out-')), archive.fileName);
    const size = await archive.write(createWriteStream(file));
    const bytes = readFileSync(file);
    expect(bytes.length).toBe(size);
    const entries = await unzip(bytes);
    const data = JSON.parse(entries.get('personal-data.json')!.toString('utf8'));
    expect(data.client).toMatchObject({ id: clientId, name: CLIENT.name, emails: [CLIENT.email] });
    expect(data.contacts).toEqual([expect.objectContaining({ id: contactId, name: PERSON.name, emails: [PERSON.email], phones: [PERSON.phone] })]);
    expect(data.cards).toEqual([expect.objectContaining({ id: cardId, pipeline: 'Sales', status: 'New', customFields: { 'Who to call': `${PERSON.name}, ${PERSON.phone}` } })]);
    expect(data.todos.map((t: { title: string }) => t.title)).toEqual([`Call ${PERSON.name}`]);
    expect(data.notes.map((n: { body: string }) => n.body)).toEqual([`Met ${PERSON.name} (${PERSON.email})`]);
    // History: the contact's change and the mail's entries.
    expect(data.history.map((h: { entity: string; action: string }) => `${h.entity}:${h.action}`)).toEqual(expect.arrayContaining(['contact:update', 'email:received']));
    // Their filed mail and their Unsorted message, each with its source.
    expect(data.mails.received).toEqual([
      expect.objectContaining({ id: inboundId, subject: 'About the offer', source: `mails/${inboundId}.eml` }),
      expect.objectContaining({ kind: 'UNSORTED', from_address: PERSON.email }),
    ]);
    expect(data.mails.sent).toEqual([expect.objectContaining({ subject: `Offer for ${PERSON.name}`, to_addresses: [PERSON.email] })]);
    expect(entries.get(`mails/${inboundId}.eml`)!.toString('utf8')).toContain(`Hello, call me on ${PERSON.phone}`);
    // Documents: the uploaded one and the mail's attachment, as files.
    expect(data.documents.map((d: { name: string }) => d.name).sort()).toEqual(['Erasova Design offer.txt', 'card.txt']);
    for (const d of data.documents) expect(entries.has(d.file)).toBe(true);
    const offer = data.documents.find((d: { name: string }) => d.name === 'Erasova Design offer.txt');
    expect(entries.get(offer.file)!.toString('utf8')).toBe(`Offer for ${PERSON.name}, ${PERSON.phone}`);
    expect(data.consents).toEqual([expect.objectContaining({ email: PERSON.email, status: 'OPTED_OUT' })]);
    expect(data.campaignRecipients).toEqual([expect.objectContaining({ campaign: 'Spring', email: PERSON.email })]);
    expect(data.suppressions).toEqual([expect.objectContaining({ email: PERSON.email, reason: 'UNSUBSCRIBED' })]);
    expect(data.unsortedContacts).toEqual([expect.objectContaining({ email: PERSON.email })]);
    expect(data.webhookDeliveries).toHaveLength(1);
    expect(data.importRows).toEqual([expect.objectContaining({ outcome: 'REJECTED', fields: [PERSON.name, PERSON.email, PERSON.phone] })]);
    // Nothing of the other client.
    expect(entries.get('personal-data.json')!.toString('utf8')).not.toContain('Keeper');
  });

  it('exports one contact: their row, their mail with its source and attachment, their consents; the client only by name', async () => {
    const archive = await exportPersonalData(db.dataSource, { kind: 'contact', id: contactId }, storage);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'crm-privacy-out-')), archive.fileName);
    await archive.write(createWriteStream(file));
    const entries = await unzip(readFileSync(file));
    const data = JSON.parse(entries.get('personal-data.json')!.toString('utf8'));
    expect(data.client).toEqual({ id: clientId, name: CLIENT.name });
    expect(data.contacts.map((c: { id: string }) => c.id)).toEqual([contactId]);
    expect(data.cards).toEqual([]);
    expect(data.mails.received.map((m: { id: string }) => m.id)).toContain(inboundId);
    expect(entries.has(`mails/${inboundId}.eml`)).toBe(true);
    expect(data.documents.map((d: { name: string }) => d.name)).toEqual(['card.txt']);
    expect(data.consents).toHaveLength(1);
    // The client's note that names them, not the client's other records.
    expect(data.notes.map((n: { body: string }) => n.body)).toEqual([`Met ${PERSON.name} (${PERSON.email})`]);
  });

  it('refuses an erasure whose typed name is not the subject\'s', async () => {
    await expect(erasePersonalData(db.dataSource, { kind: 'client', id: clientId }, admin, { files: storage, mailDir }, 'Someone else')).rejects.toEqual(new PrivacyError('NAME_MISMATCH'));
    const [{ n }] = await q(`SELECT count(*)::int AS n FROM clients WHERE id = $1`, [clientId]);
    expect(n).toBe(1);
  });

  it('erases the client: afterwards no table and no file holds their emails, phones or names; the erasure is recorded without them; others are untouched', async () => {
    const otherBefore = await q(`SELECT row_to_json(c)::text AS j FROM clients c WHERE id = $1 UNION ALL SELECT row_to_json(k)::text FROM contacts k WHERE client_id = $1 UNION ALL SELECT row_to_json(d)::text FROM cards d WHERE client_id = $1`, [otherClientId]);
    const filesBefore = filesUnder(filesDir).length;
    // The scan sees the person in many tables and files before (else it would prove nothing after).
    const before = new Set((await scan()).map((f) => f.split(':')[0]));
    for (const where of ['clients', 'contacts', 'cards', 'todos', 'notes', 'audit_log', 'inbound_mails', 'inbound_mails.raw', 'outbox_mails', 'documents', 'campaign_recipients', 'suppressions', 'contact_consents', 'unsorted_contacts', 'integration_events', 'webhook_deliveries', 'import_rows', 'background_jobs']) {
      expect([where, before.has(where)]).toEqual([where, true]);
    }
    expect([...before].filter((w) => w.startsWith('/')).length).toBe(5); // the document, the attachment, the import upload, the export, the .eml

    await erasePersonalData(db.dataSource, { kind: 'client', id: clientId }, admin, { files: storage, mailDir }, ' erasova design ');

    const found = await scan();
    expect(found).toEqual([]);

    // What was deleted: the person's documents (and the mail's attachment), the import upload, the export, the .eml.
    expect(filesUnder(filesDir)).toEqual([path.join(filesDir, `documents/${otherClientId}/contract`)]);
    expect(filesBefore).toBe(5);
    expect(filesUnder(mailDir)).toEqual([]);

    // The erasure itself, recorded with the subject's id and the actor only.
    const entries = await q(`SELECT actor_id, action, entity, entity_id, client_id, changes, names FROM audit_log WHERE action = 'erase'`);
    expect(entries).toEqual([{ actor_id: admin, action: 'erase', entity: 'client', entity_id: clientId, client_id: null, changes: {}, names: {} }]);

    // The opt-out holds as a one-way key; the address coming back brings it back.
    expect(await q(`SELECT email, reason FROM suppressions`)).toEqual([{ email: suppressionKey(PERSON.email), reason: 'UNSUBSCRIBED' }]);
    const [{ key }] = await q(`SELECT suppression_key($1) AS key`, [PERSON.email.toUpperCase()]);
    expect(key).toBe(suppressionKey(PERSON.email));

    // The other client: its rows as they were; its note naming the person scrubbed, the other kept.
    const otherAfter = await q(`SELECT row_to_json(c)::text AS j FROM clients c WHERE id = $1 UNION ALL SELECT row_to_json(k)::text FROM contacts k WHERE client_id = $1 UNION ALL SELECT row_to_json(d)::text FROM cards d WHERE client_id = $1`, [otherClientId]);
    expect(otherAfter).toEqual(otherBefore);
    const notes = await q(`SELECT body FROM notes WHERE client_id = $1 ORDER BY body`, [otherClientId]);
    expect(notes.map((n: { body: string }) => n.body)).toEqual(['Karel knows *** (***)', 'Karel wants a quote']);
    expect(readFileSync(path.join(filesDir, `documents/${otherClientId}/contract`), 'utf8')).toBe('Contract with Karel Keeper');
  });

  it('keeps an erased address suppressed when it comes back on a new contact', async () => {
    await q(`INSERT INTO contacts (client_id, name, emails) VALUES ($1, 'Returning', $2)`, [otherClientId, [PERSON.email.toUpperCase()]]);
    expect(await q(`SELECT email, reason, scope FROM suppressions WHERE email = $1`, [PERSON.email])).toEqual([{ email: PERSON.email, reason: 'UNSUBSCRIBED', scope: 'CAMPAIGNS' }]);
  });

  it('keeps erased addresses suppressed when they come back in a many-row insert (an import) or an edit', async () => {
    const erased = ['back.one@erased.test', 'back.two@erased.test', 'back.three@erased.test'];
    await q(`INSERT INTO suppressions (email, reason, source) SELECT suppression_key(e), 'UNSUBSCRIBED', 'test' FROM unnest($1::text[]) e`, [erased]);
    const [one, , three] = erased;
    const clients = await q(`INSERT INTO clients (name, emails) VALUES ('Back A', $1), ('Back B', $2), ('Back C', '{}') RETURNING id`, [[` ${one.toUpperCase()}`, 'other@kept.test'], [one]]);
    await q(`INSERT INTO contacts (client_id, name, emails) VALUES ($1, 'Back contact', '{}'), ($1, 'Back contact 2', $2)`, [clients[0].id, ['nobody@kept.test']]);
    const plain = async () => (await q(`SELECT email FROM suppressions WHERE email LIKE '%@erased.test' ORDER BY email`)).map((r: { email: string }) => r.email);
    expect(await plain()).toEqual([one]);
    await q(`UPDATE clients SET emails = $2 WHERE id = $1`, [clients[2].id, [three]]);
    expect(await plain()).toEqual([one, three]);
    expect(await q(`SELECT count(*)::int AS n FROM suppressions WHERE email LIKE '%@kept.test'`)).toEqual([{ n: 0 }]);
  });

  it('leaves what another client still holds: a shared address keeps its opt-out and consents, a namesake keeps its name', async () => {
    const [{ id: a }] = await q(`INSERT INTO clients (name, emails) VALUES ('Shared A', '{}') RETURNING id`);
    const [{ id: b }] = await q(`INSERT INTO clients (name, emails) VALUES ('Shared B', '{}') RETURNING id`);
    const [{ id: leaving }] = await q(`INSERT INTO contacts (client_id, name, emails) VALUES ($1, 'Jan Novák', '{family@shared.test}') RETURNING id`, [a]);
    const [{ id: staying }] = await q(`INSERT INTO contacts (client_id, name, emails) VALUES ($1, 'Jan Novák', '{family@shared.test}') RETURNING id`, [b]);
    await q(`INSERT INTO suppressions (email, reason, source) VALUES ('family@shared.test', 'UNSUBSCRIBED', 'test')`);
    await q(`INSERT INTO contact_consents (contact_id, email, status, source) VALUES ($1, 'family@shared.test', 'OPTED_OUT', 'test')`, [staying]);
    await q(`INSERT INTO notes (card_id, client_id, body) VALUES ($1, $2, 'Jan Novák of family@shared.test called')`, [otherCardId, otherClientId]);
    await erasePersonalData(db.dataSource, { kind: 'contact', id: leaving }, admin, { files: storage, mailDir });
    expect(await q(`SELECT id FROM contacts WHERE id = ANY($1::uuid[])`, [[leaving, staying]])).toEqual([{ id: staying }]);
    expect(await q(`SELECT email FROM suppressions WHERE email = 'family@shared.test'`)).toHaveLength(1);
    expect(await q(`SELECT status FROM contact_consents WHERE contact_id = $1`, [staying])).toEqual([{ status: 'OPTED_OUT' }]);
    expect(await q(`SELECT count(*)::int AS n FROM notes WHERE body = 'Jan Novák of family@shared.test called'`)).toEqual([{ n: 1 }]);
  });

  it('erases one contact and leaves the client', async () => {
    const [{ id: contact }] = await q(`INSERT INTO contacts (client_id, name, emails, phones) VALUES ($1, 'Petra Gone', '{petra@gone.test}', '{+36 30 999 8877}') RETURNING id`, [otherClientId]);
    await q(`INSERT INTO notes (card_id, client_id, body) VALUES ($1, $2, 'Petra Gone called from +36 30 999 8877')`, [otherCardId, otherClientId]);
    await q(`INSERT INTO unsorted_contacts (email) VALUES ('petra@gone.test')`);
    // A mail to her and a colleague, still queued: it must not go out to a scrubbed address.
    const queued = await db.dataSource.transaction((em) =>
      queueMail(em, { idempotencyKey: 'privacy-2', cardId: otherCardId, clientId: otherClientId, templateId: null, fromAddress: 'boss@us.test', fromName: 'Boss', to: ['Petra@gone.test', 'karel@keeper.test'], subject: 'Hello', html: '<p>Hello</p>', text: 'Hello', createdById: admin, messageDomain: 'us.test' }),
    );
    await erasePersonalData(db.dataSource, { kind: 'contact', id: contact }, admin, { files: storage, mailDir });
    for (const { table_name } of await q(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`)) {
      const hits = await q(`SELECT 1 FROM "${table_name}" t WHERE row_to_json(t)::text ~* 'petra@gone|Petra Gone|30 999 8877|36309998877'`);
      expect([table_name, hits.length]).toEqual([table_name, 0]);
    }
    const [{ n }] = await q(`SELECT count(*)::int AS n FROM clients WHERE id = $1`, [otherClientId]);
    expect(n).toBe(1);
    expect(await q(`SELECT status, to_addresses FROM outbox_mails WHERE id = $1`, [queued.id])).toEqual([{ status: 'CANCELLED', to_addresses: ['***', 'karel@keeper.test'] }]);
    expect(await q(`SELECT entity, entity_id, changes FROM audit_log WHERE action = 'erase' AND entity_id = $1`, [contact])).toEqual([{ entity: 'contact', entity_id: contact, changes: {} }]);
  });
});
