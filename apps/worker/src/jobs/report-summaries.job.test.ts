import { createMailTransport, deliverOutboxMail } from '@crm/db';
import { createTestDatabase, type TestDatabase } from '@crm/db/testing';
import type { AddressInfo } from 'node:net';
import { sendReportSummaries } from './report-summaries.job';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SMTPServer } = require('smtp-server');

/** A real SMTP server on loopback that keeps what it receives. */
async function startSink() {
  const received: Array<{ to: string[]; raw: string }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream: NodeJS.ReadableStream, session: any, callback: (err?: Error | null) => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r: any) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((r) => server.close(r)) };
}

const OPTS = { timeZone: 'Europe/Budapest', messageDomain: 'crm.test', mailFrom: 'crm@crm.test' };

describe('weekly report summaries', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('mails each subscribed Manager once a week from Monday 07:00 (organisation time), with the figures they may see', async () => {
    const ds = db.dataSource;
    const one = async (sql: string, params: unknown[] = []) => (await ds.query(sql, params))[0];
    const user = (name: string, role: string) =>
      one(`INSERT INTO users (email, name, password_hash, role) VALUES ($1, $2, 'x', $3) RETURNING id`, [`${name.toLowerCase()}@crm.test`, name, role]);
    const all = await user('Anna', 'MANAGER');
    const limited = await user('Laci', 'MANAGER');
    await ds.query(`UPDATE users SET locale = 'hu' WHERE id = $1`, [limited.id]);
    const normal = await user('Nora', 'NORMAL');
    const hu = await one(`INSERT INTO departments (name) VALUES ('Hungary') RETURNING id`);
    const pl = await one(`INSERT INTO departments (name) VALUES ('Poland') RETURNING id`);
    await ds.query(`INSERT INTO user_departments (user_id, department_id) VALUES ($1, $2)`, [limited.id, hu.id]);
    const pipeline = await one(`INSERT INTO pipelines (name) VALUES ('Sales') RETURNING id`);
    const lead = await one(`INSERT INTO statuses (pipeline_id, name, kind, position) VALUES ($1, 'Lead', 'OPEN', 0) RETURNING id`, [pipeline.id]);
    const won = await one(`INSERT INTO statuses (pipeline_id, name, kind, position) VALUES ($1, 'Won', 'WON', 1) RETURNING id`, [pipeline.id]);
    // Last week (Monday 2 to Sunday 8 March 2026, Budapest): three cards won, one of them a Hungarian client's.
    for (const [dept, value, at] of [[hu.id, 1000, '2026-03-03T10:00:00Z'], [pl.id, 500, '2026-03-04T10:00:00Z'], [pl.id, 250, '2026-03-08T22:30:00Z']] as const) {
      const client = await one(`INSERT INTO clients (name, department_id) VALUES ('Client', $1) RETURNING id`, [dept]);
      await ds.query(
        `INSERT INTO cards (client_id, pipeline_id, status_id, position, value, currency, status_changed_at, owner_id) VALUES ($1, $2, $3, 'a', $4, 'EUR', $5, $6)`,
        [client.id, pipeline.id, won.id, value, at, all.id],
      );
    }
    // One still open (not won), and one won the week before: neither counts.
    const other = await one(`INSERT INTO clients (name, department_id) VALUES ('Other', $1) RETURNING id`, [hu.id]);
    await ds.query(`INSERT INTO cards (client_id, pipeline_id, status_id, position, currency, owner_id) VALUES ($1, $2, $3, 'b', 'EUR', $4)`, [other.id, pipeline.id, lead.id, all.id]);
    const saved = await one(
      `INSERT INTO saved_reports (name, owner_id, shared, filter) VALUES ('Team week', $1, true, $2) RETURNING id`,
      [all.id, JSON.stringify({ pipelineId: pipeline.id, period: 'LAST_WEEK' })],
    );
    for (const u of [all, limited, normal]) await ds.query(`INSERT INTO saved_report_subscriptions (saved_report_id, user_id) VALUES ($1, $2)`, [saved.id, u.id]);

    // Monday 9 March 2026, 06:59 in Budapest (05:59Z): not yet.
    expect(await sendReportSummaries(ds, OPTS, null, new Date('2026-03-09T05:59:00Z'))).toBe(0);
    // 07:00: both Managers; the Normal user (who cannot subscribe through the API any more) gets nothing.
    expect(await sendReportSummaries(ds, OPTS, null, new Date('2026-03-09T06:00:00Z'))).toBe(2);
    // Later that week, and by a second worker: nothing twice.
    expect(await sendReportSummaries(ds, OPTS, null, new Date('2026-03-11T12:00:00Z'))).toBe(0);

    const sink = await startSink();
    const transport = createMailTransport(sink.url, '');
    try {
      const queued: Array<{ id: string }> = await ds.query(`SELECT id FROM outbox_mails WHERE idempotency_key LIKE 'report-summary:%' ORDER BY created_at`);
      expect(queued).toHaveLength(2);
      for (const { id } of queued) await deliverOutboxMail(ds, transport, id);
    } finally {
      transport.close();
      await sink.close();
    }
    const byRecipient = Object.fromEntries(sink.received.map((m) => [m.to[0], m.raw.replace(/=\r?\n/g, '')]));
    expect(Object.keys(byRecipient).sort()).toEqual(['anna@crm.test', 'laci@crm.test']);
    // (Quoted-printable: "–" is =E2=80=93 and "€" =E2=82=AC.)
    expect(byRecipient['anna@crm.test']).toContain('Subject: =?UTF-8?Q?Weekly_summary=3A_Team_week');
    expect(byRecipient['anna@crm.test']).toContain('Period: 2026-03-02 =E2=80=93 2026-03-08 (Europe/Budapest)');
    expect(byRecipient['anna@crm.test']).toContain('Won: 3 (=E2=82=AC1,750), previous period 0');
    // Laci sees the Hungarian clients only, in Hungarian.
    expect(byRecipient['laci@crm.test']).toContain('Subject: =?UTF-8?Q?Heti_=C3=B6sszefoglal=C3=B3=3A_Team_week');
    // (The amount as Node's ICU writes it for Hungarian: 1000 EUR or 1 000 €.)
    expect(byRecipient['laci@crm.test']).toMatch(/Nyert: 1 \(1(=C2=A0|\.| )?000(=C2=A0| )(EUR|=E2=82=AC)\), el=C5=91z=C5=91 id=C5=91szak 0/);

    // The next Monday's summary is due again.
    expect(await sendReportSummaries(ds, OPTS, null, new Date('2026-03-16T06:00:00Z'))).toBe(2);
  });
});
