/// <reference path="./unzipper.d.ts" />
import { analyse } from 'chardet';
import { parse as parseCsv, type Options as CsvOptions } from 'csv-parse';
import { parse as parseCsvSync } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Transform, type Readable } from 'node:stream';
import { IMPORT_DELIMITERS, MAX_IMPORT_COLUMNS, type ImportEncoding, type ImportFormat } from '@crm/shared';
import { Parse as unzip } from 'unzipper';
import { JobFailure } from '../jobs/background-jobs';
import { readVcard } from './vcard';

/** How a file is read; detected, and overridable by the user. */
export interface ParseSettings {
  format: ImportFormat;
  /** CSV and vCard. */
  encoding: ImportEncoding;
  /** CSV. */
  delimiter: string;
  /** The header's row (1-based); rows above it are junk (titles, notes). 0: no header. */
  headerRow: number;
  /** XLSX: the sheet's name (null: the first). */
  sheet: string | null;
  /** Rows that cannot be read (a broken quote, bytes invalid in the encoding, too many fields) are rejected and the rest imported; without it they stop the import. */
  skipBrokenRows: boolean;
}

/** One record of the file: its row number (1-based, as a spreadsheet counts) and its cells as text. */
export interface SourceRecord {
  rowNo: number;
  fields: string[];
  /** Why the row cannot be read (a message code); its fields are what could be read. */
  problem?: { code: string; params?: Record<string, unknown> };
}

export interface SourceLimits {
  /** XLSX: decompressed bytes at most (zip bombs). */
  maxUnzippedBytes: number;
}

export const DEFAULT_LIMITS: SourceLimits = { maxUnzippedBytes: 1024 * 1024 * 1024 };

export type OpenFile = () => Promise<Readable>;

const HEAD_BYTES = 64 * 1024;

/** The first bytes of a file (for detection). */
export async function readHead(open: OpenFile, bytes = HEAD_BYTES): Promise<Buffer> {
  const stream = await open();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size >= bytes) break;
  }
  stream.destroy();
  return Buffer.concat(chunks).subarray(0, bytes);
}

function formatOf(head: Buffer, fileName: string): ImportFormat {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    if (ext === 'xlsx' || ext === 'xlsm' || ext === '') return 'XLSX';
    throw new JobFailure('IMPORT_UNKNOWN_FORMAT');
  }
  if (ext === 'xlsx' || ext === 'xls') throw new JobFailure(ext === 'xls' ? 'IMPORT_OLD_EXCEL' : 'IMPORT_BINARY_FILE');
  if (ext === 'vcf' || ext === 'vcard') return 'VCARD';
  return 'CSV';
}

// Letters of the languages we expect (Hungarian, Polish, Slovak, Czech) that only the Central
// European code pages have: their presence decides between Windows-1250 and ISO-8859-2.
const CENTRAL_EUROPEAN = /[őűŐŰłŁśŚźŹżŻąĄęĘćĆńŃčČšŠžŽťŤďĎľĽĺĹňŇŕŔřŘůŮ]/g;

/** The file's encoding: a BOM, else valid UTF-8, else the Central European or Western code page that reads best. */
export function detectEncoding(head: Buffer): { encoding: ImportEncoding; bom: boolean } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const sample = head.subarray(0, Math.min(head.length, 4000));
  const evenZeros = sample.filter((b, i) => i % 2 === 0 && b === 0).length;
  const oddZeros = sample.filter((b, i) => i % 2 === 1 && b === 0).length;
  if (oddZeros > sample.length / 4 && evenZeros < sample.length / 20) return { encoding: 'utf-16le', bom: false };
  if (evenZeros > sample.length / 4 && oddZeros < sample.length / 20) return { encoding: 'utf-16be', bom: false };
  // A multi-byte character may be cut at the end of the head: try without the last bytes.
  for (let cut = 0; cut < 4; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
      return { encoding: 'utf-8', bom: false };
    } catch {
      // not UTF-8 (yet)
    }
  }
  const score = (enc: ImportEncoding) => {
    const text = iconv.decode(head, enc);
    const bad = (text.match(/[\u0080-\u009f\ufffd]/g) ?? []).length;
    return (text.match(CENTRAL_EUROPEAN) ?? []).length - 10 * bad;
  };
  const [w1250, iso2] = [score('windows-1250'), score('iso-8859-2')];
  if (w1250 > 0 || iso2 > 0) return { encoding: iso2 > w1250 ? 'iso-8859-2' : 'windows-1250', bom: false };
  const guess = analyse(head).find((m) => /^(windows-125[02]|iso-8859-[12])$/i.test(m.name))?.name.toLowerCase();
  return { encoding: guess === 'windows-1252' || guess === 'iso-8859-1' ? 'windows-1252' : 'windows-1250', bom: false };
}

/** The delimiter that splits the first lines into the same number of fields most often. */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/).slice(0, 30).filter((l) => l.trim());
  let best = ',';
  let bestScore = -1;
  for (const d of IMPORT_DELIMITERS) {
    const counts = lines.map((l) => l.split(d).length - 1);
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    const [mode, times] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
    const score = times * 1000 + mode;
    if (mode > 0 && score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

/** The header among the first rows: the first with as many filled cells as most rows below it have. */
export function detectHeaderRow(rows: string[][]): number {
  const filled = rows.map((r) => r.filter((c) => c.trim() !== '').length);
  const freq = new Map<number, number>();
  for (const f of filled) if (f > 0) freq.set(f, (freq.get(f) ?? 0) + 1);
  const mode = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
  const index = filled.findIndex((f) => f >= Math.max(2, Math.ceil(mode * 0.6)));
  return index < 0 ? 1 : index + 1;
}

export interface Inspection {
  settings: ParseSettings;
  /** XLSX: every sheet's name. */
  sheets: string[];
  /** The first rows (up to 30), as read with the settings. */
  rows: string[][];
}

/**
 * Reads a file's first bytes (and for XLSX its first rows) and detects how to read it; `given`
 * overrides what the user chose. Refuses empty and binary files.
 */
export async function inspectFile(open: OpenFile, fileName: string, given: Partial<ParseSettings> = {}, limits = DEFAULT_LIMITS): Promise<Inspection> {
  const head = await readHead(open);
  if (head.length === 0 || !head.some((b) => b > 0x20)) throw new JobFailure('IMPORT_EMPTY_FILE');
  const format = given.format ?? formatOf(head, fileName);
  if (format === 'XLSX') {
    const sheets: string[] = [];
    const records: SourceRecord[] = [];
    for await (const r of readXlsx(open, given.sheet ?? null, limits, sheets, 30)) records.push(r);
    if (!records.length && !sheets.length) throw new JobFailure('IMPORT_EMPTY_FILE');
    const rows = records.map((r) => r.fields);
    const headerRow = given.headerRow ?? records[detectHeaderRow(rows) - 1]?.rowNo ?? 1;
    return { settings: { format, encoding: 'utf-8', delimiter: ',', headerRow, sheet: given.sheet ?? sheets[0] ?? null, skipBrokenRows: given.skipBrokenRows ?? false }, sheets, rows };
  }
  const detected = detectEncoding(head);
  const encoding = given.encoding ?? detected.encoding;
  if (!encoding.startsWith('utf-16') && head.subarray(0, 8000).includes(0)) throw new JobFailure('IMPORT_BINARY_FILE');
  const text = iconv.decode(head, encoding);
  if (format === 'VCARD') {
    const settings: ParseSettings = { format, encoding, delimiter: ',', headerRow: 1, sheet: null, skipBrokenRows: given.skipBrokenRows ?? false };
    const rows: string[][] = [];
    for await (const r of readRecords(open, settings, limits)) {
      rows.push(r.fields);
      if (rows.length >= 30) break;
    }
    if (rows.length < 2) throw new JobFailure('IMPORT_NO_ROWS');
    return { settings, sheets: [], rows };
  }
  const delimiter = given.delimiter ?? detectDelimiter(text);
  let rows: string[][] = [];
  const lines = text.split(/\r?\n/);
  // The head may end mid-record: drop its last line, and read leniently.
  try {
    rows = parseCsvSync(lines.slice(0, Math.max(1, Math.min(lines.length - 1, 60))).join('\n'), { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true, to: 30 });
  } catch {
    rows = lines.slice(0, 30).map((l) => l.split(delimiter));
  }
  const headerRow = given.headerRow ?? detectHeaderRow(rows);
  return { settings: { format, encoding, delimiter, headerRow, sheet: null, skipBrokenRows: given.skipBrokenRows ?? false }, sheets: [], rows };
}

/** Every record of the file in order (the header and the rows above it included). */
export function readRecords(open: OpenFile, settings: ParseSettings, limits = DEFAULT_LIMITS): AsyncGenerator<SourceRecord> {
  if (settings.format === 'XLSX') return readXlsx(open, settings.sheet, limits);
  if (settings.format === 'VCARD') return (async function* () {
    yield* readVcard(await open(), settings.encoding);
  })();
  return readCsv(open, settings);
}

function tooMany(fields: string[]): SourceRecord['problem'] | undefined {
  return fields.length > MAX_IMPORT_COLUMNS ? { code: 'IMPORT_TOO_MANY_FIELDS', params: { fields: fields.length, max: MAX_IMPORT_COLUMNS } } : undefined;
}

/**
 * CSV records, streamed: bytes -> decoded text -> csv-parse. A record with bytes that are invalid in
 * the encoding is marked (never turned into "?"). A broken quote marks that row and reading starts
 * again on the line after it.
 */
async function* readCsv(open: OpenFile, settings: ParseSettings): AsyncGenerator<SourceRecord> {
  let fromLine = 1;
  let rowNo = 0;
  for (;;) {
    const stream = await open();
    const options: CsvOptions = {
      delimiter: settings.delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
      info: true,
      max_record_size: 1024 * 1024,
    };
    const parser = stream
      .pipe(iconv.decodeStream(settings.encoding, { stripBOM: true }))
      .pipe(skipLines(fromLine - 1))
      .pipe(parseCsv(options));
    let lastLine = fromLine - 1;
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        rowNo++;
        lastLine = info.lines + fromLine - 1;
        const invalid = record.some((f) => f.includes('\ufffd'));
        yield { rowNo, fields: record, problem: invalid ? { code: 'IMPORT_INVALID_ENCODING', params: { encoding: settings.encoding } } : tooMany(record) };
      }
      return;
    } catch (err) {
      stream.destroy();
      const code = (err as { code?: string }).code ?? '';
      if (!code.startsWith('CSV_')) throw err;
      // The broken record starts on the line after the last good one; read on after that line.
      rowNo++;
      const brokenLine = lastLine + 1;
      yield { rowNo, fields: [], problem: { code: code === 'CSV_MAX_RECORD_SIZE' ? 'IMPORT_ROW_TOO_LONG' : 'IMPORT_BROKEN_QUOTE', params: { line: brokenLine } } };
      fromLine = brokenLine + 1;
    }
  }
}

/** Drops the first lines of a text stream (csv-parse's from_line still parses them, quotes included). */
function skipLines(lines: number): Transform {
  let left = lines;
  return new Transform({
    decodeStrings: false,
    transform(chunk: string | Buffer, _enc, done) {
      let text = String(chunk);
      while (left > 0) {
        const nl = text.indexOf('\n');
        if (nl < 0) return done();
        text = text.slice(nl + 1);
        left--;
      }
      done(null, text);
    },
  });
}

/** Refuses an XLSX whose entries unpack to more than the limit (a zip bomb), before reading it. */
async function checkUnzippedSize(open: OpenFile, limit: number): Promise<void> {
  const stream = await open();
  const zip = stream.pipe(unzip({ forceStream: true }));
  let total = 0;
  try {
    for await (const entry of zip) {
      for await (const chunk of entry) {
        total += (chunk as Buffer).length;
        if (total > limit) throw new JobFailure('IMPORT_ZIP_TOO_LARGE', { maxMb: Math.round(limit / 1024 / 1024) });
      }
    }
  } catch (err) {
    if (err instanceof JobFailure) throw err;
    throw new JobFailure('IMPORT_BROKEN_XLSX');
  } finally {
    stream.destroy();
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel dates carry no zone: the cell's day (and time, if any) as written.
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/** XLSX rows of one sheet, streamed (exceljs's streaming reader), after the zip size check. */
async function* readXlsx(open: OpenFile, sheet: string | null, limits: SourceLimits, sheetNames: string[] = [], maxRows = Infinity): AsyncGenerator<SourceRecord> {
  await checkUnzippedSize(open, limits.maxUnzippedBytes);
  const stream = await open();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let done = false;
  let stop = false;
  try {
    for await (const ws of reader as unknown as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader & { name?: string }>) {
      const name = ws.name ?? '';
      sheetNames.push(name);
      if (stop) break;
      if (done || (sheet !== null && name !== sheet)) {
        // Read past the sheet (exceljs needs the stream consumed).
        for await (const _ of ws as unknown as AsyncIterable<unknown>) void _;
        continue;
      }
      let expected = 1;
      for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
        if (row.number > maxRows) {
          stop = true;
          break;
        }
        // Empty rows are absent from the stream: keep the numbering as the sheet shows it.
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        const fields = Array.from({ length: values.length }, (_, i) => cellText(values[i]).trim());
        expected = row.number + 1;
        if (!fields.some((f) => f !== '')) continue;
        yield { rowNo: row.number, fields, problem: tooMany(fields) };
      }
      done = true;
    }
  } catch (err) {
    if (err instanceof JobFailure) throw err;
    throw new JobFailure('IMPORT_BROKEN_XLSX');
  } finally {
    stream.destroy();
  }
  if (!stop && sheet !== null && !sheetNames.includes(sheet)) throw new JobFailure('IMPORT_NO_SUCH_SHEET', { sheet });
}
