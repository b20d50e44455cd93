import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(16 * 256);
let used = pool.length;
const bytes = Buffer.alloc(16);
let lastMs = 0;
let counter = 0;

/**
 * A time-ordered UUID (version 7, RFC 9562, with a 12-bit counter for ids made in the same
 * millisecond). Outbox rows are written in bulk; keys that grow in order append to the end of their
 * indexes instead of touching a random page of each per row.
 */
export function uuid7(now = Date.now()): string {
  // Random bytes are drawn 4 KB at a time: one call per id costs more than the rest of the id.
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  pool.copy(bytes, 0, used, (used += 16));
  if (now <= lastMs) {
    counter = (counter + 1) & 0xfff;
    if (counter === 0) lastMs++;
    now = lastMs;
  } else {
    lastMs = now;
    counter = bytes.readUInt16BE(6) & 0x7ff; // a random start leaves room to count up
  }
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
