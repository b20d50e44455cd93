import type { AddressInfo } from 'node:net';
import { createTestDatabase, TestDatabase } from '../testing';
import { createMailTransport, deliverOutboxMail, markStaleSending } from './deliver';
import { queueMail } from './outbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SMTPServer } = require('smtp-server');

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback; `reply` decides the answer to each message. */
async function startSink(reply: () => { code: number; message: string } | null = () => null) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream: NodeJS.ReadableStream, session: any, callback: (err?: Error | null) => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const answer = reply();
        if (answer) return callback(Object.assign(new Error(answer.message), { responseCode: answer.code }));
        received.push({ from: session.envelope.mailFrom.address, to: session.envelope.rcptTo.map((r: any) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((r) => server.close(r)) };
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
});
