// Campaign throughput: a 100,000-recipient list (30% suppressed) rendered and queued into the
// outbox (held for the throttle) by a process with the worker's heap bound, its memory sampled; the SQL floor of the same
// writes without rendering; and one throttled minute delivered to a loopback SMTP sink.
import { createDataSource, createMailTransport, deliverOutboxMail, dispatchCampaign, loadCampaign, runMigrations, type CampaignOptions } from '@crm/db';
import { spawn, spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { Client as PgClient } from 'pg';

export interface CampaignBenchResult {
  name: string;
  value: number;
  unit: string;
  floor: string;
  target: string;
  ok: boolean | null;
}

const OPTIONS: CampaignOptions = { timeZone: 'Europe/Budapest', messageDomain: 'bench.test', publicUrl: 'https://crm.bench.test', unsubscribeSecret: 'bench-unsubscribe-key-0123456789' };

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = process.hrtime.bigint();
  const result = await fn();
  return [result, Number(process.hrtime.bigint() - t) / 1e9];
}

/** Seeds `size` clients with a primary contact each (`suppressedShare` of them suppressed), on a static list, into a fresh database. */
async function seed(dbUrl: string, size: number, suppressedShare: number) {
  const ds = await createDataSource(dbUrl, { poolSize: 4 }).initialize();
  await runMigrations(ds);
  const [user] = await ds.query(`INSERT INTO users (email, name, role, password_hash) VALUES ('admin@bench.test', 'Bench Admin', 'ADMIN', 'x') RETURNING id`);
  const [pipeline] = await ds.query(`INSERT INTO pipelines (name) VALUES ('Bench') RETURNING id`);
  await ds.query(`INSERT INTO clients (name, type, emails) SELECT 'Client ' || g, 'COMPANY', ARRAY['office' || g || '@firm' || (g % 500) || '.test'] FROM generate_series(1, $1) g`, [size]);
  await ds.query(`INSERT INTO contacts (client_id, name, emails, is_primary) SELECT id, 'Anna Kovács ' || split_part(name, ' ', 2), ARRAY['anna' || split_part(name, ' ', 2) || '@firm' || (split_part(name, ' ', 2)::int % 500) || '.test'], true FROM clients`);
  await ds.query(
    `INSERT INTO suppressions (email, reason, source) SELECT 'anna' || g || '@firm' || (g % 500) || '.test', CASE WHEN g % 3 = 0 THEN 'HARD_BOUNCE' ELSE 'UNSUBSCRIBED' END, 'bench' FROM generate_series(1, $1) g WHERE g % 10 < $2`,
    [size, Math.round(suppressedShare * 10)],
  );
  const [list] = await ds.query(`INSERT INTO distribution_lists (name, kind, channel, created_by_id) VALUES ('Everyone', 'STATIC', 'EMAIL', $1) RETURNING id`, [user.id]);
  await ds.query(`INSERT INTO distribution_list_members (list_id, client_id) SELECT $1, id FROM clients`, [list.id]);
  // The tables as autovacuum leaves them on a live database: statistics (without them the planner
  // takes the freshly seeded tables for empty ones) and the visibility map set.
  await ds.query(`VACUUM ANALYZE`);
  const [template] = await ds.query(
    `INSERT INTO email_templates (pipeline_id, name, subject, body) VALUES ($1, 'News', 'News for {{client.name}}', 'Dear {{contact.firstName}},\n\nhere is our news of {{date today}}.\n\n{{fallback sender.signature sender.name}}') RETURNING id`,
    [pipeline.id],
  );
  const campaign = async (perMinute: number, perDomain: number) =>
    (
      await ds.query(
        `INSERT INTO campaigns (name, list_id, template_id, from_name, from_address, status, created_by_id, per_minute, per_domain_per_minute) VALUES ('Bench', $1, $2, 'Bench', 'news@bench.test', 'PREPARING', $3, $4, $5) RETURNING id`,
        [list.id, template.id, user.id, perMinute, perDomain],
      )
    )[0].id as string;
  return { ds, campaign };
}

/** Runs campaign-prepare.ts as the worker is started (docker-compose.yml: compiled, a 160 MB heap bound). */
async function prepareInChild(dbUrl: string, campaignId: string): Promise<{ seconds: number; rss: number[] }> {
  const apiDir = path.resolve(__dirname, '../..');
  const build = spawnSync(process.execPath, [path.join(apiDir, '../../scripts/build-server.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the server build failed');
  const child = spawn(process.execPath, ['--max-old-space-size=160', '--conditions=crm-build', 'dist/bench/campaign-prepare.js', dbUrl, campaignId, JSON.stringify(OPTIONS)], {
    cwd: apiDir,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`campaign-prepare exited with ${code}`);
  return JSON.parse(out.trim().split('\n').pop()!);
}

export async function campaignBench(pgUrl: string, size = 100_000): Promise<CampaignBenchResult[]> {
  const dbName = `crm_bench_campaign_${size}`;
  const admin = new URL(pgUrl);
  admin.pathname = '/postgres';
  const pg = new PgClient({ connectionString: admin.toString() });
  await pg.connect();
  await pg.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await pg.query(`CREATE DATABASE ${dbName}`);
  await pg.end();
  const dbUrl = new URL(pgUrl);
  dbUrl.pathname = `/${dbName}`;
  const { ds, campaign } = await seed(dbUrl.toString(), size, 0.3);
  const results: CampaignBenchResult[] = [];
  try {
    // SQL floor: the recipients chosen and the same number of outbox rows written with a fixed text
    // (no template, no token): what PostgreSQL alone needs for these writes.
    const floorCampaign = await campaign(600, 60);
    const [, floorSeconds] = await timed(async () => {
      await ds.query(
        `INSERT INTO campaign_recipients (campaign_id, client_id, contact_id, email, domain, state, skip_reason)
         SELECT $1, cl.id, ct.id, lower(ct.emails[1]), split_part(lower(ct.emails[1]), '@', 2), CASE WHEN s.email IS NULL THEN 'QUEUED' ELSE 'SKIPPED' END, CASE WHEN s.email IS NULL THEN NULL ELSE 'SUPPRESSED' END
         FROM distribution_list_members m JOIN clients cl ON cl.id = m.client_id JOIN contacts ct ON ct.client_id = cl.id AND ct.is_primary LEFT JOIN suppressions s ON s.email = lower(ct.emails[1])`,
        [floorCampaign],
      );
      await ds.query(
        `WITH o AS (INSERT INTO outbox_mails (idempotency_key, client_id, from_address, from_name, to_addresses, subject, html, text, message_id, status)
           SELECT 'floor:' || r.id, r.client_id, 'news@bench.test', 'Bench', ARRAY[r.email], 'News', '<p>News</p>', 'News', '<' || r.id || '@bench.test>', 'HELD' FROM campaign_recipients r WHERE r.campaign_id = $1 AND r.state = 'QUEUED' RETURNING id, client_id)
         INSERT INTO audit_log (action, entity, entity_id, client_id, changes) SELECT 'queued', 'email', id, client_id, '{}' FROM o`,
        [floorCampaign],
      );
    });
    await ds.query(`DELETE FROM outbox_mails WHERE idempotency_key LIKE 'floor:%'`);
    await ds.query(`DELETE FROM campaigns WHERE id = $1`, [floorCampaign]);

    // The real thing: recipients chosen by the list rule, each mail rendered with its unsubscribe link and queued.
    const id = await campaign(600, 60);
    // Prepared in a process of its own with the worker's heap bound, its RSS sampled every 100 ms.
    // Memory is flat when it stops growing: the peak reached in the first half of the run is not
    // passed by more than a few MiB in the second half.
    const { seconds, rss } = await prepareInChild(dbUrl.toString(), id);
    const half = Math.ceil(rss.length / 2);
    const before = rss[0];
    const peak = Math.max(...rss);
    const firstHalf = Math.max(...rss.slice(0, half));
    const secondHalfGrowth = Math.max(0, peak - firstHalf);
    const [{ queued, skipped }] = await ds.query(`SELECT count(*) FILTER (WHERE state = 'QUEUED')::int AS queued, count(*) FILTER (WHERE state = 'SKIPPED')::int AS skipped FROM campaign_recipients WHERE campaign_id = $1`, [id]);
    const rate = Math.round(queued / seconds);
    const floorRate = Math.round(queued / floorSeconds);
    results.push({
      name: `render and queue a ${size.toLocaleString('en')}-recipient campaign (${queued.toLocaleString('en')} queued, ${skipped.toLocaleString('en')} suppressed)`,
      value: rate,
      unit: 'mails/s',
      floor: `${floorRate.toLocaleString('en')} rows/s (${floorSeconds.toFixed(1)} s)`,
      target: '≥ 2,000 mails/s',
      ok: rate >= 2000,
    });
    const mib = (n: number) => Math.round(n / 2 ** 20);
    results.push({
      name: `memory while preparing: RSS growth in the second half of the run (first half ${mib(firstHalf - before)} MiB; peak ${mib(peak)} MiB)`,
      value: mib(secondHalfGrowth),
      unit: 'MiB',
      floor: '–',
      target: 'flat: ≤ 32 MiB in the second half',
      ok: secondHalfGrowth <= 32 * 2 ** 20,
    });

    // One throttled minute: 600 a minute, 60 per domain; what is let out goes to a loopback SMTP sink.
    await ds.query(`UPDATE campaigns SET status = 'SENDING' WHERE id = $1`, [id]);
    const [dispatched, dispatchSeconds] = await timed(async () => dispatchCampaign(ds, (await loadCampaign(ds.manager, id))!));
    const [{ domains, widest }] = await ds.query(`SELECT count(DISTINCT domain)::int AS domains, max(n)::int AS widest FROM (SELECT domain, count(*) AS n FROM campaign_recipients WHERE campaign_id = $1 AND released_at IS NOT NULL GROUP BY domain) x`, [id]);
    results.push({ name: `release one minute at 600/min, 60/domain (${dispatched.released.length} released, ${domains} domains, ≤ ${widest} per domain)`, value: Math.round(dispatchSeconds * 1000), unit: 'ms', floor: '–', target: '600 released, ≤ 60 per domain', ok: dispatched.released.length === 600 && widest <= 60 });
    let received = 0;
    const sink = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], logger: false, onData(stream, _s, cb) { stream.on('end', () => { received++; cb(); }); stream.resume(); } });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    const port = (sink.server.address() as AddressInfo).port;
    const transport = createMailTransport(`smtp://127.0.0.1:${port}?pool=true&maxConnections=8`, '/nonexistent');
    const [, deliverSeconds] = await timed(async () => {
      let next = 0;
      await Promise.all(Array.from({ length: 8 }, async () => {
        while (next < dispatched.released.length) await deliverOutboxMail(ds, transport, dispatched.released[next++]);
      }));
    });
    transport.close();
    await new Promise<void>((resolve) => sink.close(() => resolve()));
    results.push({ name: `deliver the released minute to a loopback SMTP sink (${received} received)`, value: Math.round(received / deliverSeconds), unit: 'mails/s', floor: '–', target: 'the throttle, not the sender, sets the pace', ok: received === 600 });
    const again = await dispatchCampaign(ds, (await loadCampaign(ds.manager, id))!);
    results.push({ name: 'a second release within the same minute', value: again.released.length, unit: 'mails', floor: '–', target: '0 (throttled)', ok: again.released.length === 0 });
  } finally {
    await ds.destroy();
  }
  return results;
}

export function printCampaign(results: CampaignBenchResult[]) {
  console.log('\n| campaign measure | value | SQL floor | target | ok |');
  console.log('|---|---|---|---|---|');
  for (const r of results) console.log(`| ${r.name} | ${r.value.toLocaleString('en')} ${r.unit} | ${r.floor} | ${r.target} | ${r.ok === null ? '–' : r.ok ? 'yes' : 'NO'} |`);
}
