declare module 'unzipper' {
  import type { Duplex, Readable } from 'node:stream';
  interface Entry extends Readable {
    path: string;
    type: string;
    autodrain(): { promise(): Promise<void> };
  }
  export function Parse(options?: { forceStream?: boolean }): Duplex & AsyncIterable<Entry>;
}
