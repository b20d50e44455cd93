import type { AddressInfo } from 'node:net';
import { createTestDatabase, TestDatabase } from '../testing';
import { createMailTransport, deliverOutboxMail, markStaleSending } from './deliver';
import { queueMail, queueMails, type NewMail } from './outbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SMTPServer } = require('smtp-server');

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/**
 * A real SMTP server on loopback; `reply` decides the answer to each message, `delayMs` how long
 * mail to a domain takes to be accepted, `refuse` the answer to a recipient's RCPT TO (null: accepted).
 * Counts the messages being received per domain.
 */
async function startSink(
  reply: () => { code: number; message: string } | null = () => null,
  delayMs: (domain: string) => number = () => 0,
  refuse: (recipient: string) => { code: number; message: string } | null = () => null,
) {
  const received: Received[] = [];
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address: { address: string }, _session: unknown, callback: (err?: Error | null) => void) {
      const answer = refuse(address.address);
      callback(answer ? Object.assign(new Error(answer.message), { responseCode: answer.code }) : null);
    },
    onData(stream: NodeJS.ReadableStream, session: any, callback: (err?: Error | null) => void) {
      const domain = String(session.envelope.rcptTo[0].address).split('@')[1];
      inFlight.set(domain, (inFlight.get(domain) ?? 0) + 1);
      maxInFlight.set(domain, Math.max(inFlight.get(domain)!, maxInFlight.get(domain) ?? 0));
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () =>
        setTimeout(() => {
          inFlight.set(domain, inFlight.get(domain)! - 1);
          const answer = reply();
          if (answer) return callback(Object.assign(new Error(answer.message), { responseCode: answer.code }));
          received.push({ from: session.envelope.mailFrom.address, to: session.envelope.rcptTo.map((r: any) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback(null);
        }, delayMs(domain)),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received, maxInFlight, close: () => new Promise<void>((r) => server.close(r)) };
}

describe('mail delivery', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const queue = (key: string) =>
    db.dataSource.transaction((em) =>
      queueMail(em, {
        idempotencyKey: key,
        cardId: null,
        clientId: null,
        templateId: null,
        fromAddress: 'eszter@example.com',
        fromName: 'Eszter Árvíztűrő',
        to: ['lucja@firma.pl'],
        subject: 'Árajánlat – Łódź, Žilina',
        html: '<p>Kedves Łucja, <b>Ön</b> &amp; csapata</p>',
        text: 'Kedves Łucja, Ön & csapata',
        createdById: null,
        messageDomain: 'crm.test',
      }),
    );
  const status = async (id: string) => (await db.dataSource.query(`SELECT status, attempts, last_error, smtp_response FROM outbox_mails WHERE id = $1`, [id]))[0];

  it('delivers through SMTP with both parts and encoded Central European text, once', async () => {
    const sink = await startSink();
    const transport = createMailTransport(sink.url, '/nonexistent');
    try {
      const { id } = await queue('k1');
      expect(await deliverOutboxMail(db.dataSource, transport, id)).toBe('sent');
      expect(await deliverOutboxMail(db.dataSource, transport, id)).toBe('skipped');
      expect(sink.received).toHaveLength(1);
      const [mail] = sink.received;
      expect(mail.to).toEqual(['lucja@firma.pl']);
      expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
      expect(mail.raw).toMatch(/^From: =\?UTF-8\?[BQ]\?.*<eszter@example\.com>/m);
      expect(mail.raw).toContain(`Message-ID: <${id}@crm.test>`);
      expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/);
      expect(mail.raw).toMatch(/Content-Type: text\/plain; charset=utf-8/);
      expect(mail.raw).toMatch(/Content-Type: text\/html; charset=utf-8/);
      expect(await status(id)).toMatchObject({ status: 'SENT', attempts: 1 });
    } finally {
      transport.close();
      await sink.close();
    }
  });

  it('sends from the organisation’s address with the person as Reply-To when asked', async () => {
    const sink = await startSink();
    const transport = createMailTransport(sink.url, '/nonexistent');
    try {
      const { id } = await db.dataSource.transaction((em) =>
        queueMail(em, { idempotencyKey: 'k-reply', cardId: null, clientId: null, templateId: null, fromAddress: 'crm@company.hu', fromName: 'Eszter', replyTo: 'eszter@example.com', to: ['x@example.com'], subject: 's', html: '<p>h</p>', text: 't', createdById: null, messageDomain: 'crm.test' }),
      );
      expect(await deliverOutboxMail(db.dataSource, transport, id)).toBe('sent');
      expect(sink.received[0].from).toBe('crm@company.hu');
      expect(sink.received[0].raw).toMatch(/^Reply-To: eszter@example\.com/m);
    } finally {
      transport.close();
      await sink.close();
    }
  });

  it('writes no second outbox row for the same idempotency key', async () => {
    const first = await queue('same-key');
    const second = await queue('same-key');
    expect(second).toEqual({ id: first.id, created: false });
    expect((await db.dataSource.query(`SELECT count(*)::int AS n FROM outbox_mails WHERE idempotency_key = 'same-key'`))[0].n).toBe(1);
  });

  it('puts a mail back for a retry on a temporary (4xx) answer and fails it on a permanent (5xx) one', async () => {
    const answers = [{ code: 451, message: 'Try again later' }, null];
    const sink = await startSink(() => answers.shift() ?? null);
    const transport = createMailTransport(sink.url, '/nonexistent');
    try {
      const { id } = await queue('k-retry');
      expect(await deliverOutboxMail(db.dataSource, transport, id)).toBe('retry');
      expect(await status(id)).toMatchObject({ status: 'QUEUED', attempts: 1, last_error: expect.stringContaining('Try again later') });
      expect(await deliverOutboxMail(db.dataSource, transport, id)).toBe('sent');
      expect(sink.received).toHaveLength(1);
    } finally {
      transport.close();
      await sink.close();
    }
    const rejecting = await startSink(() => ({ code: 550, message: 'No such user' }));
    const t2 = createMailTransport(rejecting.url, '/nonexistent');
    try {
      const { id } = await queue('k-fail');
      expect(await deliverOutboxMail(db.dataSource, t2, id)).toBe('failed');
      expect(await status(id)).toMatchObject({ status: 'FAILED', last_error: expect.stringContaining('No such user') });
      expect(await deliverOutboxMail(db.dataSource, t2, id)).toBe('skipped');
    } finally {
      t2.close();
      await rejecting.close();
    }
  });

  it('records the results of deliveries running at once, set-based: recipients accepted, deferred and refused, each with its own answer', async () => {
    // The server answers RCPT by recipient: 451 for later@, 550 for gone@, accepted otherwise.
    const refusals = new Map([
      ['later@mix.test', { code: 451, message: 'Mailbox busy, try again later' }],
      ['gone@mix.test', { code: 550, message: 'No such user here' }],
    ]);
    const sink = await startSink(undefined, undefined, (address) => refusals.get(address) ?? null);
    const transport = createMailTransport(sink.url, '/nonexistent', { maxConnections: 4, maxMessages: 100, maxPerDomain: 10 });
    const to = ['a@mix.test', 'later@mix.test', 'b@mix.test', 'gone@mix.test', 'c@mix.test'];
    const queued = await db.dataSource.transaction((em) =>
      queueMails(em, to.map((address, i) => ({ idempotencyKey: `mix-${i}`, cardId: null, clientId: null, templateId: null, fromAddress: 'a@example.com', fromName: 'A', to: [address], subject: `s${i}`, html: '<p>h</p>', text: 't', createdById: null, messageDomain: 'crm.test' }))),
    );
    const ids = queued.map((q) => q.id);
    const statements = jest.spyOn(db.dataSource.logger, 'logQuery');
    try {
      const results = await Promise.all(ids.map((id) => deliverOutboxMail(db.dataSource, transport, id)));
      expect(results).toEqual(['sent', 'retry', 'sent', 'failed', 'sent']);
      const records = statements.mock.calls.filter(([sql]) => /AS r\(id, status, response, error\)/.test(String(sql)));
      // Every result written by the statement that takes a batch of them (as many as finished meanwhile).
      expect(records.reduce((n, [, params]) => n + (params as unknown[][])[0].length, 0)).toBe(5);
      const rows = await db.dataSource.query(
        `SELECT status, sent_at IS NOT NULL AS sent, smtp_response, last_error FROM outbox_mails WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)`,
        [ids],
      );
      const sent = { status: 'SENT', sent: true, smtp_response: expect.stringMatching(/^250 /), last_error: null };
      expect(rows).toEqual([
        sent,
        { status: 'QUEUED', sent: false, smtp_response: null, last_error: expect.stringContaining('451 Mailbox busy') },
        sent,
        { status: 'FAILED', sent: false, smtp_response: null, last_error: expect.stringContaining('550 No such user here') },
        sent,
      ]);
      // The deferred mail goes out on its retry; no other is sent again.
      refusals.clear();
      expect(await Promise.all(ids.map((id) => deliverOutboxMail(db.dataSource, transport, id)))).toEqual(['skipped', 'sent', 'skipped', 'skipped', 'skipped']);
      expect(sink.received.map((m) => m.to[0]).sort()).toEqual(['a@mix.test', 'b@mix.test', 'c@mix.test', 'later@mix.test']);
    } finally {
      statements.mockRestore();
      transport.close();
      await sink.close();
    }
  });

  it('looks each mail up by id even when the planner knows nothing of thousands just queued', async () => {
    // A bulk send has just queued them; the table is not analysed yet (nor will autovacuum do it meanwhile).
    await db.dataSource.query(`ALTER TABLE outbox_mails SET (autovacuum_enabled = off)`);
    const queued = await db.dataSource.transaction((em) =>
      queueMails(em, Array.from({ length: 3000 }, (_, i): NewMail => ({ idempotencyKey: `bulk-${i}`, cardId: null, clientId: null, templateId: null, fromAddress: 'a@example.com', fromName: 'A', to: [`r${i}@bulk${i % 16}.test`], subject: 's', html: '<p>h</p>', text: 't', createdById: null, messageDomain: 'crm.test', history: false }))),
    );
    const sink = await startSink();
    const transport = createMailTransport(sink.url, '/nonexistent');
    const statements = jest.spyOn(db.dataSource.logger, 'logQuery');
    try {
      await Promise.all(queued.slice(0, 20).map((q) => deliverOutboxMail(db.dataSource, transport, q.id)));
      const lookups = statements.mock.calls.filter(([sql]) => /FROM unnest\(\$1::uuid\[\]\) AS i\(id\)/.test(String(sql)));
      expect(lookups.length).toBeGreaterThanOrEqual(2); // the recipients read before the claim, and the claim
      for (const [sql, params] of lookups) {
        const [{ 'QUERY PLAN': plan }] = await db.dataSource.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
        const indexes = JSON.stringify(plan).match(/"Index Name":"[^"]+"/g) ?? [];
        expect(indexes.length).toBeGreaterThan(0);
        // Only the primary key (the statement named beside, should another index show up).
        expect({ sql, other: indexes.filter((i) => !i.includes('PK_')) }).toEqual({ sql, other: [] });
      }
    } finally {
      statements.mockRestore();
      transport.close();
      await sink.close();
      await db.dataSource.query(`ALTER TABLE outbox_mails RESET (autovacuum_enabled)`);
    }
  });

  it('never resends a mail a stopped worker left mid-send: it becomes UNCERTAIN', async () => {
    const { id } = await queue('k-crash');
    await db.dataSource.query(`UPDATE outbox_mails SET status = 'SENDING', updated_at = now() - interval '1 hour' WHERE id = $1`, [id]);
    expect(await markStaleSending(db.dataSource, 60_000)).toBe(1);
    expect((await status(id)).status).toBe('UNCERTAIN');
    const sink = await startSink();
    const transport = createMailTransport(sink.url, '/nonexistent');
    try {
      expect(await deliverOutboxMail(db.dataSource, transport, id)).toBe('skipped');
      expect(sink.received).toHaveLength(0);
    } finally {
      transport.close();
      await sink.close();
    }
  });

  it('claims the mails of deliveries running at once together, each once, at most SMTP_MAX_PER_DOMAIN at once per domain, none to a suppressed address', async () => {
    const sink = await startSink(undefined, (domain) => (domain === 'slow.test' ? 40 : 0));
    const transport = createMailTransport(sink.url, '/nonexistent', { maxConnections: 4, maxMessages: 3, maxPerDomain: 2 });
    const mail = (key: string, to: string): NewMail => ({ idempotencyKey: key, cardId: null, clientId: null, templateId: null, fromAddress: 'a@example.com', fromName: 'Ági', to: [to], subject: 'Ajánlat', html: '<p>h</p>', text: 't', createdById: null, messageDomain: 'crm.test' });
    await db.dataSource.query(`INSERT INTO suppressions (email, reason, scope, source) VALUES ('blocked@else.test', 'UNSUBSCRIBED', 'ALL', 'test')`);
    const queued = await db.dataSource.transaction((em) =>
      queueMails(em, [...Array.from({ length: 10 }, (_, i) => mail(`batch-slow-${i}`, `r${i}@slow.test`)), ...Array.from({ length: 10 }, (_, i) => mail(`batch-fast-${i}`, `r${i}@fast${i}.test`)), mail('batch-blocked', 'Blocked@else.test')]),
    );
    const ids = queued.map((q) => q.id);
    // The delivery statements run on the pool (poolQuery), which tells them to the logger.
    const statements = jest.spyOn(db.dataSource.logger, 'logQuery');
    try {
      // Every mail asked for twice at once (a job added twice): sent once.
      const results = await Promise.all([...ids, ...ids].map((id) => deliverOutboxMail(db.dataSource, transport, id)));
      expect(results.filter((r) => r === 'sent')).toHaveLength(20);
      expect(results.filter((r) => r === 'skipped')).toHaveLength(22);
      expect(sink.received).toHaveLength(20);
      expect(new Set(sink.received.map((m) => /^Message-ID: (\S+)/m.exec(m.raw)![1])).size).toBe(20);
      expect(sink.maxInFlight.get('slow.test')).toBe(2);
      // Claims and results were written for many mails at once: the first claim took every mail
      // whose domain had a free slot (20 asks for the ten fast domains, 2 for the slow one, 2 for the blocked address).
      const sizes = (re: RegExp) => statements.mock.calls.filter(([sql]) => re.test(String(sql))).map(([, params]) => (params as unknown[][])[0].length);
      const claims = sizes(/SET status = CASE WHEN c\.blocked/);
      const records = sizes(/AS r\(id, status, response, error\)/);
      expect(claims[0]).toBe(24);
      expect(claims.length).toBeLessThan(21);
      expect(records.reduce((a, b) => a + b, 0)).toBe(20);
      expect(Math.max(...records)).toBeGreaterThan(1);
    } finally {
      statements.mockRestore();
      transport.close();
      await sink.close();
    }
    expect(await status(ids[20])).toMatchObject({ status: 'CANCELLED', attempts: 1, last_error: 'The recipient asked to receive no mail.' });
    const rows = await db.dataSource.query(`SELECT status, count(*)::int AS n, max(attempts) AS attempts FROM outbox_mails WHERE id = ANY($1::uuid[]) GROUP BY status ORDER BY status`, [ids]);
    expect(rows).toEqual([
      { status: 'CANCELLED', n: 1, attempts: 1 },
      { status: 'SENT', n: 20, attempts: 1 },
    ]);
  });
});
