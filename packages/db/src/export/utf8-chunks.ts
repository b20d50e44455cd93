/** Bytes of one chunk: big enough that a stream write per chunk costs nothing, small enough to stay in cache. */
const CHUNK = 256 * 1024;

/**
 * Text as UTF-8 in chunks of about 256 KB, each piece (a row) encoded into the chunk as it is made.
 * Joining a batch's rows into one long string and encoding that cost more than building the rows
 * (V8 flattens a string of thousands of small parts first), and three times more once a row held
 * a character outside Latin-1 (ő, Ł); a row at a time stays small and never needs flattening.
 */
export class Utf8Chunks {
  private buf = Buffer.allocUnsafe(CHUNK);
  private pos = 0;
  private readonly full: Buffer[] = [];

  add(text: string): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (this.pos + text.length * 3 > CHUNK) {
      this.cut();
      if (text.length * 3 > CHUNK) {
        this.full.push(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.pos += this.buf.write(text, this.pos, 'utf8');
  }

  /** Everything added since the last call, as chunks (the caller keeps them; new text goes to new chunks). */
  take(): Buffer[] {
    this.cut();
    return this.full.splice(0);
  }

  private cut(): void {
    if (this.pos === 0) return;
    this.full.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(CHUNK);
    this.pos = 0;
  }
}
