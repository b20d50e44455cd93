import { decompressRaw, isFreeMailDomain } from '@crm/db';
import { Role } from '@crm/shared';
import { buildCards, buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

const TOKEN = 'test-inbound-token-whole-0123456789';
let seq = 0;

/** A raw message as a mail server would hand it over (headers given override the defaults; null drops one). */
function eml(headers: Record<string, string | null>, body: string | Buffer = 'Dobrý deň,\r\nprosím o ponuku.\r\n') {
  const defaults: Record<string, string | null> = {
    'Message-ID': `<whole-${++seq}-${Date.now()}@mail.example>`,
    Date: 'Tue, 24 Nov 2026 10:00:00 +0100',
    To: 'sales@crm.example',
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Transfer-Encoding': '8bit',
  };
  const head = Object.entries({ ...defaults, ...headers }).filter(([, v]) => v !== null).map(([k, v]) => `${k}: ${v}`).join('\r\n') + '\r\n\r\n';
  return Buffer.concat([Buffer.from(head, 'utf8'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8')]);
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** A mail with a body, an attachment with an RFC 2231 encoded name, and an image that is the whole second part. */
function withAttachments(from: string, subject: string) {
  const b = 'XBOUNDARYX';
  return eml(
    { From: from, Subject: subject, 'Content-Type': `multipart/mixed; boundary="${b}"`, 'Content-Transfer-Encoding': null },
    [
      `--${b}`, 'Content-Type: text/plain; charset=utf-8', '', 'V prílohe posielam cenovú ponuku.', '',
      `--${b}`, 'Content-Type: application/pdf', "Content-Disposition: attachment; filename*=utf-8''%C3%81raj%C3%A1nlat%20%C5%91sz.pdf", 'Content-Transfer-Encoding: base64', '', PDF.toString('base64'), '',
      `--${b}`, 'Content-Type: image/png; name="=?UTF-8?B?ZsOpbnlrw6lwLnBuZw==?="', 'Content-Disposition: attachment', 'Content-Transfer-Encoding: base64', '', PNG.toString('base64'), '',
      `--${b}--`, '',
    ].join('\r\n'),
  );
}

describe('incoming mail kept whole', () => {
  let api: TestApi;
  let cookie: string;
  let apple: string;
  let webde: string;
  let nagy: string;
  let nagyCard: string;
  beforeAll(async () => {
    api = await startTestApi({ inboundToken: TOKEN, inboundSmtpPort: null });
    const user = await api.buildUser({ role: Role.Normal });
    cookie = await api.login(user.email, user.password);
    const { statuses } = await buildPipeline(api.db.dataSource);
    const [a, w, n] = await buildCards(api.db.dataSource, [
      { status: statuses[0], name: 'Apple' },
      { status: statuses[0], name: 'Web.de Freelancer', emails: ['hans@web.de'] },
      { status: statuses[0], name: 'Nagy Bt.', emails: ['iroda@nagy-bt.hu'] },
    ]);
    apple = a.clientId;
    webde = w.clientId;
    nagy = n.clientId;
    nagyCard = n.id;
    await api.db.dataSource.query(`UPDATE clients SET domain = 'apple.com' WHERE id = $1`, [apple]);
    // The old code gave this client the domain web.de; a data fix-up may have left it so.
    await api.db.dataSource.query(`UPDATE clients SET domain = 'web.de' WHERE id = $1`, [webde]);
  });
  afterAll(() => api.close());

  const post = (raw: Buffer | string, headers: Record<string, string> = {}) =>
    fetch(`${api.url}/inbound/mail`, { method: 'POST', headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${TOKEN}`, ...headers }, body: raw });
  const receive = async (raw: Buffer | string) => {
    const res = await post(raw);
    const body = await res.json();
    expect({ status: res.status, body }).toMatchObject({ status: 202 });
    return body as { id: string; kind: string; clientId: string | null; duplicate: boolean; candidates: string[] };
  };
  const row = async (id: string) => (await api.db.dataSource.query(`SELECT * FROM inbound_mails WHERE id = $1`, [id]))[0];

  it('keeps attachments as documents of the client in a Mail folder, with decoded names, and the raw source compressed', async () => {
    const raw = withAttachments('Tim <tim@apple.com>', 'Ajánlat');
    const got = await receive(raw);
    expect(got).toMatchObject({ kind: 'CLIENT', clientId: apple });
    const docs = await api.gql(`query($c: ID!) { documents(clientId: $c) { name folder mimeType } }`, { c: apple }, cookie);
    expect(docs.errors).toBeUndefined();
    expect(docs.data!.documents).toEqual(
      expect.arrayContaining([
        { name: 'Árajánlat ősz.pdf', folder: 'Mail', mimeType: 'application/pdf' },
        { name: 'fénykép.png', folder: 'Mail', mimeType: 'image/png' },
      ]),
    );
    const stored = await row(got.id);
    expect(stored.raw.length).toBeLessThan(raw.length);
    expect(decompressRaw(stored.raw).equals(raw)).toBe(true);
    expect(stored.document_ids).toHaveLength(2);
    const opened = await api.gql(`query($id: ID!) { inboundMail(id: $id) { attachments { name size inline } documentIds } }`, { id: got.id }, cookie);
    expect(opened.data!.inboundMail.attachments).toEqual([
      { name: 'Árajánlat ősz.pdf', size: PDF.length, inline: false },
      { name: 'fénykép.png', size: PNG.length, inline: false },
    ]);
  });

  it('answers an over-size body with a JSON 413 and a non-ASCII Authorization with JSON 401', async () => {
    const big = eml({ From: 'big@apple.com', Subject: 'big' }, 'x'.repeat(31 * 1024 * 1024));
    const res = await post(big);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as { error: { code: string } };
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(js|ts)/);
    const http = await import('node:http');
    const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = http.request(`${api.url}/inbound/mail`, { method: 'POST', headers: { authorization: Buffer.from('Bearer tökéletes-jelszó-ő', 'utf8').toString('latin1'), 'content-type': 'message/rfc822' } }, (r) => {
        let data = '';
        r.on('data', (c) => (data += c));
        r.on('end', () => resolve({ status: r.statusCode!, type: String(r.headers['content-type']), body: data }));
      });
      req.on('error', reject);
      req.end(eml({ From: 'x@apple.com' }));
    });
    expect(answer.status).toBe(401);
    expect(answer.type).toContain('application/json');
    expect(answer.body).not.toContain('<html');
  });

  it('uses a maintained free-mail list: another web.de sender is never filed under the web.de client', async () => {
    expect(['web.de', 'yahoo.de', 'gmx.de', 'mail.ru', 'hotmail.de'].every(isFreeMailDomain)).toBe(true);
    expect(isFreeMailDomain('apple.com')).toBe(false);
    expect(await receive(eml({ From: 'hans@web.de', Subject: 'Hallo' }))).toMatchObject({ kind: 'CLIENT', clientId: webde });
    expect(await receive(eml({ From: 'Grete <grete@web.de>', Subject: 'Privat' }))).toMatchObject({ kind: 'UNSORTED', clientId: null });
  });

  it('createCard takes no domain from a free-mail address', async () => {
    const [status] = await api.db.dataSource.query(`SELECT id FROM statuses LIMIT 1`);
    const made = await api.gql(
      `mutation($s: ID!) { createCard(input: { statusId: $s, client: { name: "Anna", type: COMPANY, email: "anna@gmail.com" } }) { client { id } } }`,
      { s: status.id },
      cookie,
    );
    expect(made.errors).toBeUndefined();
    const [client] = await api.db.dataSource.query(`SELECT domain FROM clients WHERE id = $1`, [made.data!.createCard.client.id]);
    expect(client.domain).toBeNull();
  });

  it('dedupes by Message-ID, sender and content: a reused Message-ID is a new mail; without one the same content is stored once', async () => {
    const first = await receive(eml({ From: 'a@somewhere.example', 'Message-ID': '<reused@x>', Subject: 'One' }));
    const other = await receive(eml({ From: 'b@elsewhere.example', 'Message-ID': '<reused@x>', Subject: 'Two' }));
    expect(other.duplicate).toBe(false);
    expect(other.id).not.toBe(first.id);
    expect((await receive(eml({ From: 'a@somewhere.example', 'Message-ID': '<reused@x>', Subject: 'One' }))).duplicate).toBe(true);
    const noId = eml({ From: 'c@somewhere.example', 'Message-ID': null, Subject: 'No id' });
    expect((await receive(noId)).duplicate).toBe(false);
    expect((await receive(noId)).duplicate).toBe(true);
  });

  it('a reply from the address on the client record stops automations; out-of-office replies in any of our languages do not', async () => {
    const [card] = await api.db.dataSource.query(`SELECT pipeline_id FROM cards WHERE id = $1`, [nagyCard]);
    const [auto] = await api.db.dataSource.query(
      `INSERT INTO automations (pipeline_id, name, trigger_kind, mode, stop_on_reply, state) VALUES ($1, 'Follow-up', 'STATUS', 'ONE_TIME', true, 'ACTIVE') RETURNING id`,
      [card.pipeline_id],
    );
    const [enrolment] = await api.db.dataSource.query(`INSERT INTO automation_enrolments (automation_id, card_id, state, entered_at) VALUES ($1, $2, 'ACTIVE', now()) RETURNING id`, [auto.id, nagyCard]);
    const state = async () => (await api.db.dataSource.query(`SELECT state FROM automation_enrolments WHERE id = $1`, [enrolment.id]))[0].state;
    for (const subject of ['Automatische Antwort: Angebot', 'Odpowiedź automatyczna: Oferta', 'Automatická odpoveď: Ponuka', 'Automatická odpověď: Nabídka', 'Automatikus válasz: Ajánlat', 'Out of Office: Offer']) {
      expect(await receive(eml({ From: 'iroda@nagy-bt.hu', Subject: subject }))).toMatchObject({ kind: 'AUTO_REPLY' });
    }
    for (const header of [{ 'Auto-Submitted': 'auto-replied' }, { 'X-Autoreply': 'yes' }, { 'X-Autorespond': 'yes' }, { Precedence: 'auto_reply' }] as Array<Record<string, string>>) {
      expect(await receive(eml({ From: 'iroda@nagy-bt.hu', Subject: 'Re: Ajánlat', ...header }))).toMatchObject({ kind: 'AUTO_REPLY' });
    }
    expect(await state()).toBe('ACTIVE');
    expect(await receive(eml({ From: 'iroda@nagy-bt.hu', Subject: 'Re: Ajánlat' }))).toMatchObject({ kind: 'CLIENT', clientId: nagy });
    expect(await state()).toBe('STOPPED');
  });

  it('strips NUL bytes (raw, =00, in an encoded subject) and keeps a 300-character address', async () => {
    const longLocal = 'a'.repeat(280);
    const got = await receive(
      eml(
        { From: `${longLocal}@apple.com`, Subject: '=?UTF-8?Q?Null=00byte?=', 'Content-Transfer-Encoding': 'quoted-printable' },
        Buffer.concat([Buffer.from('Hello=00 there '), Buffer.from([0]), Buffer.from(' end\r\n')]),
      ),
    );
    expect(got).toMatchObject({ kind: 'CLIENT', clientId: apple });
    const stored = await row(got.id);
    expect(stored.from_address).toBe(`${longLocal}@apple.com`);
    expect(stored.subject).toBe('Nullbyte');
    expect(stored.text).not.toContain('\u0000');
    expect(stored.text).toContain('Hello there');
  });

  it('files mail without a From in Unsorted as an unknown sender', async () => {
    const got = await receive(eml({ From: null, Subject: 'Abwesenheitsnotiz', 'Auto-Submitted': null }));
    expect(got.clientId).toBeNull();
    const got2 = await receive(eml({ From: null, Subject: 'Who am I' }));
    expect(got2).toMatchObject({ kind: 'UNSORTED', clientId: null });
    const list = await api.gql(`{ unsortedMails { id fromAddress subject } }`, {}, cookie);
    expect(list.data!.unsortedMails).toContainEqual({ id: got2.id, fromAddress: null, subject: 'Who am I' });
  });

  it('detects the charset of 8-bit text that declares none and keeps the raw bytes', async () => {
    const polish = Buffer.from('Zażółć gęślą jaźń\r\n'.replace(/./g, (c) => c), 'utf8');
    const win1250 = Buffer.from([0x5a, 0x61, 0xbf, 0xf3, 0xb3, 0xe6, 0x20, 0x67, 0xea, 0x9c, 0x6c, 0xb9, 0x20, 0x6a, 0x61, 0x9f, 0xf1, 0x0d, 0x0a]);
    const iso2 = Buffer.from([0x5a, 0x61, 0xbf, 0xf3, 0xb3, 0xe6, 0x20, 0x67, 0xea, 0xb6, 0x6c, 0xb1, 0x20, 0x6a, 0x61, 0xbc, 0xf1, 0x0d, 0x0a]);
    const hu1250 = Buffer.from([0xc1, 0x72, 0x76, 0xed, 0x7a, 0x74, 0xfb, 0x72, 0xf5, 0x20, 0x74, 0xfc, 0x6b, 0xf6, 0x72, 0x0d, 0x0a]);
    for (const [bytes, want] of [[polish, 'Zażółć gęślą jaźń'], [win1250, 'Zażółć gęślą jaźń'], [iso2, 'Zażółć gęślą jaźń'], [hu1250, 'Árvíztűrő tükör']] as const) {
      const raw = eml({ From: 'charset@apple.com', 'Content-Type': 'text/plain', Subject: `cs ${want} ${bytes.length}` }, bytes);
      const got = await receive(raw);
      const stored = await row(got.id);
      expect(stored.text.trim()).toBe(want);
      expect(decompressRaw(stored.raw).equals(raw)).toBe(true);
    }
    // The user may read it in another charset: the raw bytes are decoded again.
    const [hu] = await api.db.dataSource.query(`SELECT id, detected_charset FROM inbound_mails WHERE subject LIKE 'cs Árvíztűrő%'`);
    expect(hu.detected_charset).toBe('windows-1250');
    const other = await api.gql(`query($id: ID!) { inboundMailText(id: $id, charset: "windows-1252") { text } }`, { id: hu.id }, cookie);
    expect(other.data!.inboundMailText.text.trim()).toBe('Árvíztûrõ tükör');
    const bad = await api.gql(`query($id: ID!) { inboundMailText(id: $id, charset: "utf-7") { text } }`, { id: hu.id }, cookie);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('matches subdomains to their client, offers several candidates in Unsorted, and keeps group addresses', async () => {
    expect(await receive(eml({ From: 'news@insideapple.apple.com', Subject: 'News', To: 'Team: a@crm.example, b@crm.example;, c@crm.example' }))).toMatchObject({ kind: 'CLIENT', clientId: apple });
    const [last] = await api.db.dataSource.query(`SELECT to_addresses FROM inbound_mails WHERE subject = 'News'`);
    expect(last.to_addresses).toEqual(['a@crm.example', 'b@crm.example', 'c@crm.example']);
    const [x, y] = await buildCards(api.db.dataSource, [{ status: (await api.db.dataSource.query(`SELECT id, pipeline_id AS "pipelineId" FROM statuses LIMIT 1`))[0], name: 'Twin A', emails: ['shared@twins.example'] }, { status: (await api.db.dataSource.query(`SELECT id, pipeline_id AS "pipelineId" FROM statuses LIMIT 1`))[0], name: 'Twin B', emails: ['shared@twins.example'] }]);
    const got = await receive(eml({ From: 'shared@twins.example', Subject: 'Which one' }));
    expect(got).toMatchObject({ kind: 'UNSORTED', clientId: null });
    expect(got.candidates.sort()).toEqual([x.clientId, y.clientId].sort());
  });

  it('opens an Unsorted mail and files it, with its attachments, under a client', async () => {
    const got = await receive(withAttachments('Stranger <someone@unknown-firm.example>', 'Please quote'));
    expect(got.kind).toBe('UNSORTED');
    const docsBefore = await api.db.dataSource.query(`SELECT count(*)::int AS n FROM documents WHERE client_id = $1`, [nagy]);
    const opened = await api.gql(`query($id: ID!) { inboundMail(id: $id) { subject text kind attachments { name } } }`, { id: got.id }, cookie);
    expect(opened.data!.inboundMail).toMatchObject({ subject: 'Please quote', kind: 'UNSORTED' });
    const assigned = await api.gql(`mutation($id: ID!, $c: ID!) { assignInboundMail(id: $id, clientId: $c) { clientId kind documentIds } }`, { id: got.id, c: nagy }, cookie);
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data!.assignInboundMail).toMatchObject({ clientId: nagy, kind: 'CLIENT' });
    expect(assigned.data!.assignInboundMail.documentIds).toHaveLength(2);
    const [{ n }] = await api.db.dataSource.query(`SELECT count(*)::int AS n FROM documents WHERE client_id = $1 AND folder = 'Mail'`, [nagy]);
    expect(n).toBe(docsBefore[0].n + 2);
    const history = await api.gql(`query($c: ID!) { cardHistory(cardId: $c, kinds: [EMAIL]) { entityId } }`, { c: nagyCard }, cookie);
    expect(history.data!.cardHistory.map((h: any) => h.entityId)).toContain(got.id);
    const again = await api.gql(`mutation($id: ID!, $c: ID!) { assignInboundMail(id: $id, clientId: $c) { id } }`, { id: got.id, c: apple }, cookie);
    expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('moves an address’s Unsorted mail with it when it becomes a client', async () => {
    const got = await receive(withAttachments('Lena <lena@neue-firma.example>', 'Anfrage'));
    const list = await api.gql(`{ unsortedContacts { id email } }`, {}, cookie);
    const lena = list.data!.unsortedContacts.find((u: any) => u.email === 'lena@neue-firma.example').id;
    await api.gql(`mutation($ids: [ID!]!) { createClientsFromUnsorted(ids: $ids) }`, { ids: [lena] }, cookie);
    const stored = await row(got.id);
    expect(stored.client_id).not.toBeNull();
    expect(stored.kind).toBe('CLIENT');
    const [{ n }] = await api.db.dataSource.query(`SELECT count(*)::int AS n FROM documents WHERE client_id = $1 AND folder = 'Mail'`, [stored.client_id]);
    expect(n).toBe(2);
  });

  it('shows Unsorted mail to staff only, and filed mail only to those who may see its client', async () => {
    const restricted = await api.buildUser({ role: Role.Restricted });
    const other = await api.login(restricted.email, restricted.password);
    const unsortedMail = await receive(eml({ From: 'nobody@private-firm.example', Subject: 'Private' }));
    const listed = await api.gql(`{ unsortedMails { id } }`, {}, other);
    expect(listed.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const opened = await api.gql(`query($id: ID!) { inboundMail(id: $id) { subject } }`, { id: unsortedMail.id }, other);
    expect(opened.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const [owner] = await api.db.dataSource.query(`SELECT id FROM users WHERE role = 'NORMAL' LIMIT 1`);
    const [secret] = await buildCards(api.db.dataSource, [{ status: (await api.db.dataSource.query(`SELECT id, pipeline_id AS "pipelineId" FROM statuses LIMIT 1`))[0], name: 'Secret Ltd', ownerId: owner.id }]);
    await api.db.dataSource.query(`UPDATE clients SET domain = 'secret.example', owner_id = $2 WHERE id = $1`, [secret.clientId, owner.id]);
    const filed = await receive(eml({ From: 'boss@secret.example', Subject: 'For Secret only' }));
    expect(filed.clientId).toBe(secret.clientId);
    const openedFiled = await api.gql(`query($id: ID!) { inboundMail(id: $id) { subject } }`, { id: filed.id }, other);
    expect(openedFiled.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const assign = await api.gql(`mutation($id: ID!, $c: ID!) { assignInboundMail(id: $id, clientId: $c) { id } }`, { id: unsortedMail.id, c: apple }, other);
    expect(assign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps a bounce and links it to the client of the mail it reports on', async () => {
    await api.db.dataSource.query(
      `INSERT INTO outbox_mails (idempotency_key, client_id, from_address, from_name, to_addresses, subject, html, text, message_id, status)
       VALUES ('bounce-test', $1, 'sales@crm.example', 'Sales', '{gone@nagy-bt.hu}', 'Ajánlat', '<p>x</p>', 'x', '<sent-1@crm.example>', 'SENT')`,
      [nagy],
    );
    const bounce = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example>',
      'To: sales@crm.example',
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <bounce-linked@mx.example>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'The mail could not be delivered to gone@nagy-bt.hu.',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Final-Recipient: rfc822; gone@nagy-bt.hu',
      'Action: failed',
      'Status: 5.1.1',
      '--b1',
      'Content-Type: text/rfc822-headers',
      '',
      'From: sales@crm.example',
      'Message-ID: <sent-1@crm.example>',
      'Subject: Ajánlat',
      '--b1--',
      '',
    ].join('\r\n');
    expect(await receive(bounce)).toMatchObject({ kind: 'BOUNCE', clientId: nagy });
    const unsortedEmails = (await api.gql(`{ unsortedContacts { email } }`, {}, cookie)).data!.unsortedContacts.map((u: any) => u.email);
    expect(unsortedEmails).not.toContain('mailer-daemon@mx.example');
  });

  it('gives the inline images of an HTML mail as data URLs, and does not file them as documents', async () => {
    const raw = eml(
      { From: 'design@apple.com', Subject: 'Logo inline', 'Content-Type': 'multipart/related; boundary="rel"', 'Content-Transfer-Encoding': null },
      ['--rel', 'Content-Type: text/html; charset=utf-8', '', '<p>Our logo:</p><img src="cid:logo@apple">', '--rel', 'Content-Type: image/png', 'Content-ID: <logo@apple>', 'Content-Disposition: inline; filename="logo.png"', 'Content-Transfer-Encoding: base64', '', PNG.toString('base64'), '--rel--', ''].join('\r\n'),
    );
    const got = await receive(raw);
    const opened = await api.gql(`query($id: ID!) { inboundMail(id: $id) { html documentIds attachments { inline } inlineImages { contentId dataUrl } } }`, { id: got.id }, cookie);
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.inboundMail.documentIds).toEqual([]);
    expect(opened.data!.inboundMail.attachments).toEqual([{ inline: true }]);
    expect(opened.data!.inboundMail.inlineImages).toEqual([{ contentId: 'logo@apple', dataUrl: `data:image/png;base64,${PNG.toString('base64')}` }]);
  });

  it('shows a calendar invite as an event summary', async () => {
    const ics = ['BEGIN:VCALENDAR', 'METHOD:REQUEST', 'BEGIN:VEVENT', 'SUMMARY:Tárgyalás az ajánlatról\\, 2. kör', 'DTSTART:20261203T090000Z', 'DTEND:20261203T100000Z', 'LOCATION:Budapest', 'ORGANIZER;CN=Tim:mailto:tim@apple.com', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    const raw = eml(
      { From: 'tim@apple.com', Subject: 'Invitation', 'Content-Type': 'multipart/mixed; boundary="cal"', 'Content-Transfer-Encoding': null },
      ['--cal', 'Content-Type: text/plain; charset=utf-8', '', 'See you.', '--cal', 'Content-Type: text/calendar; method=REQUEST; charset=utf-8', 'Content-Disposition: attachment; filename="invite.ics"', '', ics, '--cal--', ''].join('\r\n'),
    );
    const got = await receive(raw);
    const opened = await api.gql(`query($id: ID!) { inboundMail(id: $id) { calendarEvents { summary start end location organizer method } } }`, { id: got.id }, cookie);
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.inboundMail.calendarEvents).toEqual([
      { summary: 'Tárgyalás az ajánlatról, 2. kör', start: '2026-12-03T09:00:00Z', end: '2026-12-03T10:00:00Z', location: 'Budapest', organizer: 'tim@apple.com', method: 'REQUEST' },
    ]);
  });
});
