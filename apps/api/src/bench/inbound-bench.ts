// Inbound mail throughput on the benchmark database: parsing, routing and storing a mixed batch
// (sizes from 1 to 60 KB, 10% with an attachment; senders of client domains, exact client
// addresses, free-mail strangers and unknown companies), beside the SQL floor: the same routing
// queries and inserts with the parsing and compression taken out.
import { createDataSource, LocalDiskStorage } from '@crm/db';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InboundService } from '../modules/inbound/inbound.service';
import type { ThroughputResult } from './automation-bench';

function mail(i: number, from: string): Buffer {
  const words = 'Kérjük küldjenek árajánlatot a következő negyedévre vonatkozóan szállítással együtt '.repeat(1 + ((i * 37) % 700));
  const head = `From: Sender ${i} <${from}>\r\nTo: sales@crm.example\r\nSubject: Ajánlatkérés #${i}\r\nMessage-ID: <bench-${i}-${Date.now()}@bench.example>\r\nDate: Tue, 24 Nov 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\n`;
  if (i % 10 !== 0) return Buffer.from(`${head}Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${words}\r\n`);
  const file = Buffer.alloc(40_000, i % 251).toString('base64').replace(/.{76}/g, '$&\r\n');
  return Buffer.from(
    `${head}Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>${words}</p>\r\n--b${i}\r\nContent-Type: application/pdf; name="ajanlat-${i}.pdf"\r\nContent-Disposition: attachment; filename="ajanlat-${i}.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${file}\r\n--b${i}--\r\n`,
  );
}

export async function inboundBench(dbUrl: string, count = 2000): Promise<ThroughputResult[]> {
  const ds = await createDataSource(dbUrl, { poolSize: 10 }).initialize();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'inbound-bench-'));
  try {
    // Give 1,000 clients a company domain and 1,000 an exact address to route to.
    await ds.query(`UPDATE clients SET domain = 'firm' || substr(id::text, 1, 8) || '.example' WHERE id IN (SELECT id FROM clients WHERE deleted_at IS NULL ORDER BY id LIMIT 1000)`);
    const domains: string[] = (await ds.query(`SELECT domain FROM clients WHERE domain LIKE 'firm%' LIMIT 1000`)).map((r: { domain: string }) => r.domain);
    const addresses: string[] = (await ds.query(`SELECT e FROM clients, unnest(emails) e WHERE domain IS NULL LIMIT 1000`)).map((r: { e: string }) => r.e);
    const sender = (i: number) =>
      i % 4 === 0 ? `anna${i}@${domains[i % domains.length]}` : i % 4 === 1 && addresses.length ? addresses[i % addresses.length] : i % 4 === 2 ? `someone${i}@gmail.com` : `info@unknown${i}.example`;
    const raws = Array.from({ length: count }, (_, i) => mail(i, sender(i)));
    const megabytes = raws.reduce((n, r) => n + r.length, 0) / 2 ** 20;
    const inbound = new InboundService(ds, new LocalDiskStorage(dir), 30 * 2 ** 20);
    for (let i = 0; i < 20; i++) await inbound.receive(mail(count + i, sender(i)));

    // One at a time, then 8 at once (as concurrent SMTP sessions or webhook calls arrive).
    const half = Math.floor(count / 2);
    const t0 = process.hrtime.bigint();
    for (const raw of raws.slice(0, half)) await inbound.receive(raw);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const queue = raws.slice(half);
    const tc = process.hrtime.bigint();
    await Promise.all(Array.from({ length: 8 }, async () => {
      for (let raw = queue.shift(); raw; raw = queue.shift()) await inbound.receive(raw);
    }));
    const concurrentSeconds = Number(process.hrtime.bigint() - tc) / 1e9;

    // The SQL floor: the routing queries and one insert per mail, nothing parsed or compressed.
    const t1 = process.hrtime.bigint();
    for (let i = 0; i < count; i++) {
      const from = sender(i);
      const { match } = await inbound.route(from);
      await ds.query(
        `INSERT INTO inbound_mails (message_id, dedupe_key, content_hash, from_address, subject, text, kind, client_id, raw, raw_size) VALUES ($1, $7, $8, $2, 'x', $3, 'CLIENT', $4, $5, $6)`,
        [`<floor-${i}-${Date.now()}@bench>`, from, 'text', match?.clientId ?? null, raws[i].subarray(0, 200), raws[i].length, `floor${i}-${Date.now()}`.padEnd(64, '0').slice(0, 64), 'f'.repeat(64)],
      );
    }
    const floorSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
    const rate = Math.round(half / seconds);
    const concurrentRate = Math.round((count - half) / concurrentSeconds);
    return [
      { name: `inbound mail parsed, routed and stored, one at a time (${half.toLocaleString('en')} mails of ${megabytes.toFixed(0)} MB in all, 10% with attachments)`, value: rate, unit: 'mails/s', target: '–', ok: null },
      { name: `inbound mail parsed, routed and stored, 8 at once (${(count - half).toLocaleString('en')} mails)`, value: concurrentRate, unit: 'mails/s', target: '≥ 200', ok: concurrentRate >= 200 },
      { name: 'inbound mail SQL floor (routing queries and one insert each)', value: Math.round(count / floorSeconds), unit: 'mails/s', target: '–', ok: null },
    ] as ThroughputResult[];
  } finally {
    await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
