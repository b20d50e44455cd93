// The IMAP initial-sync benchmark (part of `npm run bench`): a private Dovecot (Debian's, installed
// when missing) with N messages (10,000 by default, `--messages N`) in a maildir: 1-20 KB, 10% with
// a 30 KB attachment; senders of client domains, clients' contacts, free-mail strangers and unknown
// companies. The mailbox's first sync (connect, search, fetch, parse, route, store, progress per
// batch) is timed, then a second sync that finds nothing new. Beside it: the IMAP floor (the same
// messages fetched and nothing else) and the SQL floor (routing queries and one insert per message).
import 'reflect-metadata';
import { connectImap, createDataSource, encryptSecret, LocalDiskStorage, routeSender, runMigrations, syncMailAccount, User } from '@crm/db';
import { startDovecot } from '@crm/db/testing';
import { Role } from '@crm/shared';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function message(i: number, from: string): string {
  const words = 'Kérjük küldjenek árajánlatot a következő negyedévre vonatkozóan szállítással együtt. '.repeat(1 + ((i * 37) % 230));
  const head = `From: Sender ${i} <${from}>\r\nTo: anna@ourfirm.example\r\nSubject: Ajánlatkérés #${i}\r\nMessage-ID: <imap-bench-${i}@bench.example>\r\nDate: ${new Date(Date.now() - (i % 20) * 3_600_000).toUTCString()}\r\nMIME-Version: 1.0\r\n`;
  if (i % 10 !== 0) return `${head}Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${words}\r\n`;
  const file = Buffer.alloc(30_000, i % 251).toString('base64').replace(/.{76}/g, '$&\r\n');
  return `${head}Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${words}\r\n--b${i}\r\nContent-Type: application/pdf; name="ajanlat-${i}.pdf"\r\nContent-Disposition: attachment; filename="ajanlat-${i}.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${file}\r\n--b${i}--\r\n`;
}

async function main() {
  const total = arg('messages', 10_000);
  const serverUrl = new URL(process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const dbName = `crm_bench_imap_${randomBytes(4).toString('hex')}`;
  const admin = await createDataSource(serverUrl.toString(), { poolSize: 1 }).initialize();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const dbUrl = new URL(serverUrl.toString());
  dbUrl.pathname = `/${dbName}`;
  const filesDir = mkdtempSync(path.join(tmpdir(), 'crm-bench-imap-'));
  const ds = await createDataSource(dbUrl.toString(), { poolSize: 10 }).initialize();
  const dovecot = await startDovecot({ bench: 'bench-password' });
  try {
    await runMigrations(ds);
    const user = await ds.getRepository(User).save({ email: 'bench@example.com', name: 'Bench', role: Role.Normal, passwordHash: 'x' });
    // A pipeline, so attachments of client mail become documents in the client's "Mail" folder.
    await ds.query(`INSERT INTO pipelines (name) VALUES ('Sales')`);
    // 2,000 clients: 1,000 with a company domain, 1,000 with a contact address.
    await ds.query(`INSERT INTO clients (name, domain) SELECT 'Firm ' || g, 'firm' || g || '.example' FROM generate_series(1, 1000) g`);
    await ds.query(`WITH c AS (INSERT INTO clients (name) SELECT 'Person ' || g FROM generate_series(1, 1000) g RETURNING id, name)
                    INSERT INTO contacts (client_id, name, emails) SELECT id, name, ARRAY['p' || substr(name, 8) || '@people.example'] FROM c`);
    const sender = (i: number) =>
      i % 4 === 0 ? `anna${i}@firm${1 + (i % 1000)}.example` : i % 4 === 1 ? `p${1 + (i % 1000)}@people.example` : i % 4 === 2 ? `someone${i}@gmail.com` : `info@unknown${i}.example`;
    let t = Date.now();
    let bytes = 0;
    for (let i = 0; i < total; i++) {
      const raw = message(i, sender(i));
      bytes += Buffer.byteLength(raw);
      dovecot.deliver('bench', raw);
    }
    console.log(`imap bench: ${total.toLocaleString('en')} messages, ${(bytes / 2 ** 20).toFixed(0)} MB written to the maildir in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    const settings = { host: dovecot.host, port: dovecot.port, security: 'NONE' as const, username: 'bench', password: 'bench-password' };
    // Dovecot indexes the maildir on first open; that is the server's cost, not ours: done before timing.
    const warm = await connectImap(settings);
    await warm.mailboxOpen('INBOX', { readOnly: true });
    // The IMAP floor: every message's source fetched in batches of 100, nothing parsed or stored.
    t = Date.now();
    const uids = ((await warm.search({ all: true }, { uid: true })) || []).sort((a, b) => a - b);
    let fetched = 0;
    for (let i = 0; i < uids.length; i += 100) fetched += (await warm.fetchAll(uids.slice(i, i + 100).join(','), { uid: true, source: true }, { uid: true })).length;
    const imapFloor = fetched / ((Date.now() - t) / 1000);
    await warm.logout();

    const key = randomBytes(32);
    const [{ id: accountId }] = await ds.query(
      `INSERT INTO mail_accounts (user_id, host, port, security, username, password_enc, since_days) VALUES ($1, $2, $3, 'NONE', 'bench', $4, 30) RETURNING id`,
      [user.id, dovecot.host, dovecot.port, encryptSecret('bench-password', key)],
    );
    const storage = new LocalDiskStorage(filesDir);
    t = Date.now();
    const first = await syncMailAccount(ds, storage, accountId, key, { maxBytes: 30 * 2 ** 20 });
    const seconds = (Date.now() - t) / 1000;
    t = Date.now();
    const second = await syncMailAccount(ds, storage, accountId, key, { maxBytes: 30 * 2 ** 20 });
    const secondMs = Date.now() - t;
    const [kinds] = await ds.query(`SELECT count(*) FILTER (WHERE kind = 'CLIENT')::int AS client, count(*) FILTER (WHERE kind = 'UNSORTED')::int AS unsorted, (SELECT count(*)::int FROM documents) AS documents FROM inbound_mails`);

    // The SQL floor: the routing queries and one insert per message, nothing fetched, parsed or compressed.
    t = Date.now();
    for (let i = 0; i < total; i++) {
      const from = sender(i);
      const { match } = await routeSender(ds, from);
      await ds.query(
        `INSERT INTO inbound_mails (message_id, dedupe_key, from_address, subject, text, kind, client_id, raw_size) VALUES ($1, $2, $3, 'x', 'text', 'CLIENT', $4, 100)`,
        [`<floor-${i}@bench>`, `floor-${i}-x`.padEnd(64, "0"), from, match?.clientId ?? null],
      );
    }
    const sqlFloor = total / ((Date.now() - t) / 1000);

    const rate = Math.round(first.stored / seconds);
    console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM`);
    console.log(`\n| IMAP initial sync of ${total.toLocaleString('en')} messages (${(bytes / 2 ** 20).toFixed(0)} MB, 10% with an attachment): fetch, parse, route, store | ${rate.toLocaleString('en')} messages/s (${seconds.toFixed(1)} s) | recorded | – |`);
    console.log(`| second sync, nothing new | ${secondMs} ms | | |`);
    console.log(`| IMAP floor: the same messages only fetched, 100 a command | ${Math.round(imapFloor).toLocaleString('en')} messages/s | | |`);
    console.log(`| SQL floor: routing queries and one insert per message | ${Math.round(sqlFloor).toLocaleString('en')} messages/s | | |`);
    console.log(`  first: ${JSON.stringify(first)}; second: ${JSON.stringify(second)}; stored ${JSON.stringify(kinds)}`);
    if (first.stored !== total || second.fetched !== 0) throw new Error('the sync did not store every message exactly once');
  } finally {
    await dovecot.stop();
    await ds.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.destroy();
    rmSync(filesDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error('imap bench failed:', err);
  process.exit(1);
});
