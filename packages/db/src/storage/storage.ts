import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { mkdir, rm, stat, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Where documents' bytes live. Local disk by default; an S3-compatible store can implement the same. */
export interface FileStorage {
  /** Writes a stream under a key; resolves with the bytes written. */
  put(key: string, body: Readable): Promise<number>;
  get(key: string): Promise<Readable>;
  copy(from: string, to: string): Promise<void>;
  delete(key: string): Promise<void>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_-]*$/i;

/** Files under one folder on local disk; keys are relative paths the app makes (never user input). */
export class LocalDiskStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private file(key: string): string {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`invalid storage key: ${key}`);
    return path.join(this.root, key);
  }

  async put(key: string, body: Readable): Promise<number> {
    const file = this.file(key);
    // Synchronously, so the pipeline below takes the stream's errors from its very first chunk.
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      await pipeline(body, createWriteStream(file, { flags: 'wx' }));
    } catch (err) {
      await rm(file, { force: true });
      throw err;
    }
    return (await stat(file)).size;
  }

  async get(key: string): Promise<Readable> {
    const file = this.file(key);
    await stat(file); // fail here, not mid-response, when it is missing
    return createReadStream(file);
  }

  async copy(from: string, to: string): Promise<void> {
    const target = this.file(to);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(this.file(from), target);
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }
}
