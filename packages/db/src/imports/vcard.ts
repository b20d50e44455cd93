import iconv from 'iconv-lite';
import type { Readable } from 'node:stream';
import type { ImportEncoding } from '@crm/shared';
import type { SourceRecord } from './source';

/**
 * vCard 2.1, 3.0 and 4.0 read as rows: a header record (row 1) with the columns below, then one
 * record per card (row 2 on), which the mapping step treats like a spreadsheet's rows. Read as a
 * stream, line by line: folded lines (a space or tab), quoted-printable values with their own
 * CHARSET (2.1, also with soft line breaks), backslash escapes (3.0, 4.0), any file encoding
 * (UTF-16 included, decoded before). A card with a value larger than the limit (a photo, usually)
 * is marked with a reason and its value is never held.
 *
 * No npm vCard parser fits: the maintained ones read a whole string (a 5 MB photo held in memory)
 * and leave 2.1 quoted-printable charsets undecoded.
 */
export const VCARD_COLUMNS = ['Organization', 'Full name', 'First name', 'Last name', 'Title', 'E-mail 1', 'Other e-mail', 'Phone', 'Mobile', 'Address', 'Website', 'Note'] as const;

/** A card's value (a photo, usually) above this is refused with a reason. */
export const MAX_VCARD_VALUE_BYTES = 1024 * 1024;

interface Property {
  name: string;
  params: Map<string, string[]>;
  value: string;
}

/** Splits `NAME;PARAM=a,b;TYPE=x:value` (group prefixes dropped; 2.1 bare params are TYPE values). */
function parseLine(line: string): Property | null {
  let i = 0;
  let quoted = false;
  for (; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) break;
  }
  if (i >= line.length) return null;
  const [rawName, ...rawParams] = line.slice(0, i).split(';');
  const name = rawName.split('.').pop()!.trim().toUpperCase();
  const params = new Map<string, string[]>();
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    const key = eq < 0 ? 'TYPE' : p.slice(0, eq).trim().toUpperCase();
    const values = (eq < 0 ? p : p.slice(eq + 1)).replace(/"/g, '').split(',').map((v) => v.trim().toUpperCase());
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  return { name, params, value: line.slice(i + 1) };
}

function decodeQuotedPrintable(text: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      // Characters outside quoted-printable's bytes are kept as the file's text had them.
      for (const b of Buffer.from(ch, 'utf8')) bytes.push(b);
    }
  }
  const cs = charset.toLowerCase();
  return iconv.decode(Buffer.from(bytes), iconv.encodingExists(cs) ? cs : 'utf-8');
}

const unescape = (s: string) => s.replace(/\\([nN,;:\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/** The value's components (`;`-separated, escapes respected), decoded. */
function components(p: Property): string[] {
  let value = p.value;
  const encoding = p.params.get('ENCODING')?.[0] ?? (p.params.get('TYPE')?.includes('QUOTED-PRINTABLE') ? 'QUOTED-PRINTABLE' : '');
  if (encoding === 'QUOTED-PRINTABLE') value = decodeQuotedPrintable(value, p.params.get('CHARSET')?.[0] ?? 'utf-8');
  return value.split(/(?<!\\);/).map((c) => unescape(c).trim());
}

const typed = (props: Property[], name: string, prefer: string[] = []) => {
  const all = props.filter((p) => p.name === name);
  return [...all.filter((p) => prefer.some((t) => p.params.get('TYPE')?.includes(t) || p.params.get('PREF'))), ...all.filter((p) => !prefer.some((t) => p.params.get('TYPE')?.includes(t) || p.params.get('PREF')))];
};

/** A card's properties as the row's cells (in VCARD_COLUMNS order). */
export function cardRow(props: Property[]): string[] {
  const one = (name: string) => {
    const p = props.find((x) => x.name === name);
    return p ? components(p) : [];
  };
  const [last = '', first = ''] = one('N');
  const fn = one('FN').join(' ').trim() || [first, last].filter(Boolean).join(' ');
  const org = one('ORG').filter(Boolean).join(', ');
  const emails = typed(props, 'EMAIL', ['PREF', 'WORK', 'INTERNET']).map((p) => components(p).join(';').replace(/^mailto:/i, ''));
  const phones = props.filter((p) => p.name === 'TEL');
  const isCell = (p: Property) => !!p.params.get('TYPE')?.some((t) => t === 'CELL' || t === 'MOBILE');
  const tel = (p: Property) => components(p).join(';').replace(/^tel:/i, '');
  const phone = phones.find((p) => !isCell(p));
  const mobile = phones.find(isCell);
  const adr = typed(props, 'ADR', ['WORK', 'PREF'])[0];
  // ADR: post office box; extended; street; locality; region; postal code; country.
  const address = adr ? (([, ext, street, city, region, zip, country]) => [street, ext, [zip, city].filter(Boolean).join(' '), region, country].filter(Boolean).join(', '))(components(adr)) : '';
  return [org || fn, fn, first, last, one('TITLE').join(' '), emails[0] ?? '', emails.slice(1).join(', '), phone ? tel(phone) : '', mobile ? tel(mobile) : '', address, one('URL').join(';'), one('NOTE').join('; ')];
}

/** The records of a vCard file, streamed: the header, then one per card. */
export async function* readVcard(stream: Readable, encoding: ImportEncoding, maxValueBytes = MAX_VCARD_VALUE_BYTES): AsyncGenerator<SourceRecord> {
  yield { rowNo: 1, fields: [...VCARD_COLUMNS] };
  const decoder = iconv.getDecoder(encoding);
  let rowNo = 1;
  let pending = '';
  let current: string | null = null;
  let currentSize = 0;
  let tooLarge: { name: string; bytes: number } | null = null;
  let props: Property[] | null = null;
  let softBreak = false;
  let oversized = false;
  let quotedPrintable = false;

  const finishLine = function* (line: string): Generator<SourceRecord> {
    const p = parseLine(line);
    if (!p) return;
    if (p.name === 'BEGIN' && p.value.trim().toUpperCase() === 'VCARD') {
      props = [];
      tooLarge = null;
      return;
    }
    if (p.name === 'END' && p.value.trim().toUpperCase() === 'VCARD') {
      if (!props) return;
      rowNo++;
      const fields = cardRow(props);
      const big = tooLarge as { name: string; bytes: number } | null;
      yield big
        ? { rowNo, fields, problem: { code: 'IMPORT_VCARD_VALUE_TOO_LARGE', params: { property: big.name, size: Math.round(big.bytes / 1024), max: Math.round(maxValueBytes / 1024) } } }
        : { rowNo, fields };
      props = null;
      return;
    }
    props?.push(p);
  };

  /** The line read so far ends: a property, or (too large) only its name and size. */
  const close = function* (): Generator<SourceRecord> {
    if (current === null) return;
    if (oversized) tooLarge = { name: current.split(/[;:]/)[0].split('.').pop()!.toUpperCase(), bytes: currentSize };
    else yield* finishLine(current);
    current = null;
  };

  const feed = function* (line: string): Generator<SourceRecord> {
    // A folded line continues the one before (a leading space or tab, or after a quoted-printable soft break).
    if (current !== null && (softBreak || /^[ \t]/.test(line))) {
      const piece = softBreak ? line : line.slice(1);
      currentSize += piece.length;
      if (currentSize > maxValueBytes) oversized = true;
      if (!oversized) current += piece;
    } else {
      yield* close();
      current = line;
      currentSize = line.length;
      oversized = currentSize > maxValueBytes;
      if (oversized) current = line.slice(0, 100);
      quotedPrintable = /ENCODING=QUOTED-PRINTABLE|;QUOTED-PRINTABLE/i.test(line.slice(0, Math.max(0, line.indexOf(':'))));
    }
    softBreak = !oversized && quotedPrintable && current.endsWith('=');
    if (softBreak) current = current.slice(0, -1);
  };

  for await (const chunk of stream) {
    pending += decoder.write(chunk as Buffer);
    const lines = pending.split(/\r?\n/);
    pending = lines.pop()!;
    for (const line of lines) yield* feed(line.replace(/^\uFEFF/, ''));
  }
  pending += decoder.end() ?? '';
  for (const line of pending.split(/\r?\n/)) if (line) yield* feed(line);
  yield* close();
}
