import nodemailer from 'nodemailer';
import { Role } from '@crm/shared';
import { buildCards, buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

const TOKEN = 'test-inbound-token-0123456789';

/** A raw message as a mail server would hand it over. */
function eml(headers: Record<string, string>, body = 'Dzień dobry,\r\nproszę o ofertę.\r\n') {
  const defaults: Record<string, string> = {
    'Message-ID': `<${Math.random().toString(36).slice(2)}@mail.example>`,
    Date: 'Tue, 24 Nov 2026 10:00:00 +0100',
    To: 'sales@crm.example',
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Transfer-Encoding': '8bit',
  };
  return Object.entries({ ...defaults, ...headers }).map(([k, v]) => `${k}: ${v}`).join('\r\n') + '\r\n\r\n' + body;
}

const BOUNCE = [
  'From: Mail Delivery System <MAILER-DAEMON@mx.example>',
  'To: sales@crm.example',
  'Subject: Undelivered Mail Returned to Sender',
  'Message-ID: <bounce-1@mx.example>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain',
  '',
  'The mail could not be delivered to nobody@kovacs.hu.',
  '--b1',
  'Content-Type: message/delivery-status',
  '',
  'Final-Recipient: rfc822; nobody@kovacs.hu',
  'Action: failed',
  'Status: 5.1.1',
  '--b1--',
  '',
].join('\r\n');

describe('incoming mail', () => {
  let api: TestApi;
  let cookie: string;
  let kovacs: string;
  let gmailClient: string;
  beforeAll(async () => {
    api = await startTestApi({ inboundToken: TOKEN, inboundSmtpPort: 0 });
    const user = await api.buildUser({ role: Role.Normal });
    cookie = await api.login(user.email, user.password);
    const { statuses } = await buildPipeline(api.db.dataSource);
    const [a, b] = await buildCards(api.db.dataSource, [{ status: statuses[0], name: 'Kovács Kft.' }, { status: statuses[0], name: 'Freelancer Anna', emails: ['anna.freelance@gmail.com'] }]);
    kovacs = a.clientId;
    gmailClient = b.clientId;
    await api.db.dataSource.query(`UPDATE clients SET domain = 'kovacs.hu' WHERE id = $1`, [kovacs]);
    await api.gql(`mutation($c: ID!) { createContact(clientId: $c, input: { name: "Péter Kovács", emails: ["peter@kovacs.hu"] }) { id } }`, { c: kovacs }, cookie);
  });
  afterAll(() => api.close());

  const post = (raw: string, token = TOKEN) =>
    fetch(`${api.url}/inbound/mail`, { method: 'POST', headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${token}` }, body: raw });
  const receive = async (raw: string) => {
    const res = await post(raw);
    expect(res.status).toBe(202);
    return (await res.json()) as { kind: string; clientId: string | null; duplicate: boolean };
  };
  const unsorted = async () => (await api.gql(`{ unsortedContacts { email name } }`, {}, cookie)).data!.unsortedContacts;

  it('routes mail by a contact’s exact address, then by the company domain, into the client’s History', async () => {
    expect(await receive(eml({ From: '"Péter Kovács" <Peter@Kovacs.hu>', Subject: '=?UTF-8?B?w4FyYWrDoW5sYXQ=?=' }))).toMatchObject({ kind: 'CLIENT', clientId: kovacs });
    expect(await receive(eml({ From: 'Éva <eva@kovacs.hu>', Subject: 'Kérdés' }))).toMatchObject({ kind: 'CLIENT', clientId: kovacs });
    const [card] = await api.db.dataSource.query(`SELECT id FROM cards WHERE client_id = $1`, [kovacs]);
    const history = await api.gql(`query($c: ID!) { cardHistory(cardId: $c, kinds: [EMAIL]) { action entityId changes } }`, { c: card.id }, cookie);
    expect(history.data!.cardHistory.map((h: any) => h.changes.subject[1]).sort()).toEqual(['Kérdés', 'Árajánlat']);
    const opened = await api.gql(`query($id: ID!) { inboundMail(id: $id) { fromAddress text } }`, { id: history.data!.cardHistory[0].entityId }, cookie);
    expect(opened.data!.inboundMail.text).toContain('proszę o ofertę');
  });

  it('never matches a free-mail domain, only the exact address', async () => {
    expect(await receive(eml({ From: 'anna.freelance@gmail.com', Subject: 'Hi' }))).toMatchObject({ kind: 'CLIENT', clientId: gmailClient });
    expect(await receive(eml({ From: 'Stranger <someone.else@gmail.com>', Subject: 'Hello' }))).toMatchObject({ kind: 'UNSORTED', clientId: null });
    expect(await unsorted()).toContainEqual({ email: 'someone.else@gmail.com', name: 'Stranger' });
  });

  it('recognises bounces and automatic replies and makes no contact of them', async () => {
    expect(await receive(BOUNCE)).toMatchObject({ kind: 'BOUNCE' });
    expect(await receive(eml({ From: 'novak@firma.sk', Subject: 'Automatická odpoveď: Ponuka', 'Auto-Submitted': 'auto-replied' }))).toMatchObject({ kind: 'AUTO_REPLY' });
    expect(await receive(eml({ From: 'kowalski@biuro.pl', Subject: 'Automatyczna odpowiedź' }))).toMatchObject({ kind: 'AUTO_REPLY' });
    const emails = (await unsorted()).map((u: any) => u.email);
    expect(emails).not.toContain('mailer-daemon@mx.example');
    expect(emails).not.toContain('novak@firma.sk');
  });

  it('stores a message delivered twice once, and wants the token', async () => {
    const raw = eml({ From: 'twice@somewhere.example', 'Message-ID': '<same-message@x>' });
    expect((await receive(raw)).duplicate).toBe(false);
    expect((await receive(raw)).duplicate).toBe(true);
    expect((await post(raw, 'wrong-token-wrong-token')).status).toBe(401);
    const [{ n }] = await api.db.dataSource.query(`SELECT count(*)::int AS n FROM inbound_mails WHERE message_id = '<same-message@x>'`);
    expect(n).toBe(1);
  });

  it('accepts mail over SMTP too', async () => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: api.server.inboundSmtpPort!, secure: false, ignoreTLS: true });
    try {
      await transport.sendMail({ from: '"Péter" <peter@kovacs.hu>', to: 'sales@crm.example', subject: 'Szerződés aláírva – köszönjük', text: 'Üdv, Péter' });
    } finally {
      transport.close();
    }
    const [row] = await api.db.dataSource.query(`SELECT kind, client_id FROM inbound_mails WHERE subject = 'Szerződés aláírva – köszönjük'`);
    expect(row).toEqual({ kind: 'CLIENT', client_id: kovacs });
  });

  it('turns unsorted addresses into clients in a category, or dismisses them', async () => {
    await receive(eml({ From: 'Jana Nováková <jana@stavby.sk>', Subject: 'Dopyt' }));
    await receive(eml({ From: 'spam@junk.example', Subject: 'Buy' }));
    const list = await api.gql(`{ unsortedContacts { id email } }`, {}, cookie);
    const jana = list.data!.unsortedContacts.find((u: any) => u.email === 'jana@stavby.sk').id;
    const junk = list.data!.unsortedContacts.find((u: any) => u.email === 'spam@junk.example').id;
    const [category] = await api.db.dataSource.query(`INSERT INTO categories (name) VALUES ('Leads from mail') RETURNING id`);
    const made = await api.gql(`mutation($ids: [ID!]!, $cat: ID) { createClientsFromUnsorted(ids: $ids, categoryId: $cat) }`, { ids: [jana], cat: category.id }, cookie);
    expect(made.data!.createClientsFromUnsorted).toBe(1);
    await api.gql(`mutation($ids: [ID!]!) { dismissUnsortedContacts(ids: $ids) }`, { ids: [junk] }, cookie);
    const left = (await unsorted()).map((u: any) => u.email);
    expect(left).not.toContain('jana@stavby.sk');
    expect(left).not.toContain('spam@junk.example');
    const client = await api.gql(`{ clients(filter: { text: "stavby.sk" }) { items { name domain categories { name } } } }`, {}, cookie);
    expect(client.data!.clients.items).toEqual([{ name: 'Jana Nováková', domain: 'stavby.sk', categories: [{ name: 'Leads from mail' }] }]);
    // Mail from her now lands on the new client.
    expect((await receive(eml({ From: 'jana@stavby.sk', Subject: 'Ďakujem' }))).kind).toBe('CLIENT');
  });
});
