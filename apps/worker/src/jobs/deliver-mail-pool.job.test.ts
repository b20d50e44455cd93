import { createMailTransport, deliveriesAtOnce, deliverOutboxMail, queueMails, type NewMail } from '@crm/db';
import { createTestDatabase, type TestDatabase } from '@crm/db/testing';
import type { AddressInfo } from 'node:net';
import { parseConfig } from '../config';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SMTPServer } = require('smtp-server');

/**
 * A real SMTP server on loopback that counts its open connections and the messages being received
 * per recipient domain; mail to `slowDomain` takes `slowMs` to be accepted.
 */
async function startSink(slowDomain: string | null = null, slowMs = 0) {
  const state = { open: 0, maxOpen: 0, inFlight: new Map<string, number>(), maxInFlight: new Map<string, number>(), received: [] as Array<{ messageId: string; domain: string; slowInFlight: number }> };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session: unknown, callback: () => void) {
      state.maxOpen = Math.max(state.maxOpen, ++state.open);
      callback();
    },
    onClose() {
      state.open--;
    },
    onData(stream: NodeJS.ReadableStream, session: any, callback: (err?: Error | null) => void) {
      const domain = String(session.envelope.rcptTo[0].address).split('@')[1];
      const n = (state.inFlight.get(domain) ?? 0) + 1;
      state.inFlight.set(domain, n);
      state.maxInFlight.set(domain, Math.max(n, state.maxInFlight.get(domain) ?? 0));
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const accept = () => {
          state.inFlight.set(domain, state.inFlight.get(domain)! - 1);
          const messageId = /^Message-ID: (\S+)/im.exec(Buffer.concat(chunks).toString('utf8'))![1];
          state.received.push({ messageId, domain, slowInFlight: slowDomain ? (state.inFlight.get(slowDomain) ?? 0) : 0 });
          callback(null);
        };
        if (domain === slowDomain) setTimeout(accept, slowMs);
        else accept();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, state, close: () => new Promise<void>((r) => server.close(r)) };
}

describe('mail delivery over pooled SMTP connections', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await db.drop();
  });

  const mail = (i: number, to: string): NewMail => ({ idempotencyKey: `pool-${i}`, cardId: null, clientId: null, templateId: null, fromAddress: 'a@example.com', fromName: 'A', to: [to], subject: `s${i}`, html: '<p>h</p>', text: 't', createdById: null, messageDomain: 'crm.test' });

  /** Starts a worker configured from `env` (as main.ts does), delivers the mails and waits for every job. */
  /**
   * Delivers the mails as the worker does, configured from `env` as main.ts configures it: the
   * pooled transport, and as many deliveries at once as the worker runs deliverMail jobs.
   */
  async function deliverAll(env: Record<string, string>, smtpUrl: string, mails: NewMail[]) {
    const parsed = parseConfig({ DATABASE_URL: 'postgres://x@localhost/x', REDIS_URL: 'redis://localhost:6379', SMTP_URL: smtpUrl, ...env });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    const { config } = parsed;
    const transport = createMailTransport(config.smtpUrl, '/nonexistent', config.smtpPool);
    const ids = (await db.dataSource.transaction((em) => queueMails(em, mails))).map((m) => m.id);
    const results: string[] = [];
    let next = 0;
    try {
      await Promise.all(
        Array.from({ length: deliveriesAtOnce(config.smtpPool) }, async () => {
          while (next < ids.length) results.push(await deliverOutboxMail(db.dataSource, transport, ids[next++]));
        }),
      );
    } finally {
      transport.close();
    }
    expect(results.every((r) => r === 'sent')).toBe(true);
    return { ids, config };
  }

  it('keeps at most SMTP_MAX_CONNECTIONS connections open and delivers every mail exactly once', async () => {
    const sink = await startSink();
    try {
      const mails = Array.from({ length: 40 }, (_, i) => mail(i, `r${i}@d${i % 8}.test`));
      const { ids, config } = await deliverAll({ SMTP_MAX_CONNECTIONS: '3', SMTP_MAX_PER_DOMAIN: '10' }, sink.url, mails);
      expect(config.smtpPool).toEqual({ maxConnections: 3, maxMessages: 100, maxPerDomain: 10 });
      // 24 deliveries at once, but never more than three connections: they are pooled (one per send would open six).
      expect(sink.state.maxOpen).toBeLessThanOrEqual(3);
      expect(sink.state.received.map((r) => r.messageId).sort()).toEqual(ids.map((id) => `<${id}@crm.test>`).sort());
      const rows = await db.dataSource.query(`SELECT status, count(*)::int AS n, max(attempts) AS attempts FROM outbox_mails GROUP BY status`);
      expect(rows).toEqual([{ status: 'SENT', n: 40, attempts: 1 }]);
    } finally {
      await sink.close();
    }
  });

  it('sends at most SMTP_MAX_PER_DOMAIN at once to a slow domain while the other domain goes on', async () => {
    const sink = await startSink('slow.test', 150);
    try {
      // The slow domain's mails come first: without the limit they would take every connection.
      const mails = [...Array.from({ length: 8 }, (_, i) => mail(i, `r${i}@slow.test`)), ...Array.from({ length: 24 }, (_, i) => mail(100 + i, `r${i}@fast.test`))];
      const { ids } = await deliverAll({ SMTP_MAX_CONNECTIONS: '4', SMTP_MAX_PER_DOMAIN: '2' }, sink.url, mails);
      expect(sink.state.maxInFlight.get('slow.test')).toBe(2);
      expect(sink.state.maxOpen).toBeLessThanOrEqual(4);
      // Mail to the fast domain was accepted while the slow domain's was still being received.
      expect(sink.state.received.filter((r) => r.domain === 'fast.test' && r.slowInFlight > 0).length).toBeGreaterThan(0);
      expect(new Set(sink.state.received.map((r) => r.messageId)).size).toBe(ids.length);
      expect(sink.state.received).toHaveLength(ids.length);
    } finally {
      await sink.close();
    }
  });
});
