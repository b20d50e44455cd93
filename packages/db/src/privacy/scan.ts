/// <reference path="../imports/unzipper.d.ts" />
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { Parse } from 'unzipper';

/** Files are read whole to be searched; larger ones are searched in their first bytes only. */
const MAX_ENTRY = 64 * 1024 * 1024;

/**
 * Whether the bytes mention the pattern: as text, or inside a gzip stream (stored mail sources) or a
 * zip archive (XLSX exports, personal-data archives), whose entries are searched in turn.
 */
export async function bytesMention(bytes: Buffer, pattern: RegExp): Promise<boolean> {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return bytesMention(gunzipSync(bytes), pattern);
    } catch {
      // not gzip after all: searched as it is
    }
  }
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) {
    try {
      for await (const entry of Readable.from([bytes]).pipe(Parse({ forceStream: true }))) {
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of entry as AsyncIterable<Buffer>) {
          if (size < MAX_ENTRY) chunks.push(chunk);
          size += chunk.length;
        }
        if (await bytesMention(Buffer.concat(chunks), pattern)) return true;
      }
      return false;
    } catch {
      // a broken archive: searched as bytes below
    }
  }
  return pattern.test(bytes.toString('utf8')) || pattern.test(bytes.toString('latin1'));
}

/** Reads a stream whole (up to the limit). */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    if (size >= MAX_ENTRY) {
      stream.destroy();
      break;
    }
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return Buffer.concat(chunks);
}
