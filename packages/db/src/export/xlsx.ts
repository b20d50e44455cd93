import ExcelJS from 'exceljs';
import { once, type EventEmitter } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { neutralise } from './cells';
import type { CellValue, ExportField } from './columns';
import type { Row } from './stream';

/** Rows of one sheet, the header included (Excel's limit). */
export const XLSX_MAX_ROWS = 1_048_576;

const NUMBER_FORMATS: Partial<Record<ExportField['type'], string>> = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm' };

/** 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS' (already in the export's time zone) as the Date Excel shows with those digits. */
function excelDate(value: string): Date | string {
  const n = (from: number, to: number) => +value.slice(from, to);
  let ms = NaN;
  if (value.length === 10 && value[4] === '-' && value[7] === '-') ms = Date.UTC(n(0, 4), n(5, 7) - 1, n(8, 10));
  else if (value.length === 19 && value[4] === '-' && value[10] === ' ') ms = Date.UTC(n(0, 4), n(5, 7) - 1, n(8, 10), n(11, 13), n(14, 16), n(17, 19));
  // Anything else (a stored value of the wrong shape) stays text.
  return Number.isNaN(ms) ? neutralise(value) : new Date(ms);
}

/** Waits for the first of two events, leaving no listener behind (a wait per batch would pile them up). */
async function firstOf(...events: Array<[EventEmitter, string]>): Promise<void> {
  const stop = new AbortController();
  // An error ends the wait too; the stream's own pipeline reports it.
  await Promise.race(events.map(([emitter, name]) => once(emitter, name, { signal: stop.signal }).catch(() => undefined)));
  stop.abort();
}

/** Bytes of a sheet that may wait for the compressor before the writer waits for it. */
const ZIP_BACKLOG = 4 * 1024 * 1024;

/** The stream archiver reads a worksheet from (exceljs's StreamBuf pipes into it; readable-stream 2, without writableLength). */
function sheetZipInput(sheet: unknown): (Writable & { _writableState?: { length: number } }) | undefined {
  return (sheet as { stream?: { pipes?: Array<Writable & { _writableState?: { length: number } }> } }).stream?.pipes?.[0];
}

/**
 * Streams rows into an XLSX written by exceljs's streaming WorkbookWriter (shared strings off, so
 * memory does not grow with the row count): numbers, dates and booleans as typed cells, text
 * neutralised, and a new sheet ("Export 2", ...) when one is full. Stops when `out` is destroyed.
 */
export async function writeXlsx(fields: readonly ExportField[], batches: AsyncIterable<Row[]>, out: Writable, sheetName: string, maxRows = XLSX_MAX_ROWS): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true, zip: { zlib: { level: 1 } } });
  const types = fields.map((f) => f.type);
  const newSheet = (n: number) => {
    const sheet = workbook.addWorksheet(n === 1 ? sheetName : `${sheetName} ${n}`, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = fields.map((f) => ({ header: f.header, width: f.type === 'datetime' ? 18 : f.type === 'text' ? 24 : 14 }));
    return sheet;
  };
  // One style object per column, given to each of its cells: exceljs recognises a style it has seen
  // by identity, where a fresh object per cell cost a style lookup each (a fifth of the time).
  const styles = fields.map((f) => (NUMBER_FORMATS[f.type] ? { numFmt: NUMBER_FORMATS[f.type] } : {}));
  const cell = (value: CellValue, i: number): unknown => {
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string') return value;
    return types[i] === 'date' || types[i] === 'datetime' ? excelDate(value) : neutralise(value);
  };

  let sheetNo = 1;
  let sheet = newSheet(sheetNo);
  let inSheet = 1;
  let rows = 0;
  const n = fields.length;
  for await (const batch of batches) {
    for (const row of batch) {
      if (inSheet === maxRows) {
        sheet.commit();
        sheet = newSheet(++sheetNo);
        inSheet = 1;
      }
      const values = new Array(n);
      for (let i = 0; i < n; i++) values[i] = cell(fields[i].get(row), i);
      const added = sheet.addRow(values);
      for (let i = 0; i < n; i++) added.getCell(i + 1).style = styles[i];
      added.commit();
      inSheet++;
      rows++;
    }
    if (out.destroyed) throw new Error('The export was cancelled.');
    // Let a slow reader set the pace instead of buffering the file.
    if (out.writableNeedDrain) await firstOf([out, 'drain'], [out, 'close']);
    // exceljs writes the sheet into the zip without waiting for the compressor (its buffer pipes
    // into archiver's stream, write results ignored): when rows come faster than they compress,
    // the backlog piles up there, growing with the row count. Wait for it to drain instead.
    const zipInput = sheetZipInput(sheet);
    if (zipInput && (zipInput._writableState?.length ?? 0) > ZIP_BACKLOG) await firstOf([zipInput, 'drain'], [out, 'close']);
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}

/**
 * A small table (a report widget, the leaderboard) as an XLSX file in memory, through the same
 * writer as the exports: a column whose cells are all numbers (or empty) is typed as numbers.
 */
export async function xlsxTable(sheetName: string, header: readonly string[], rows: ReadonlyArray<readonly CellValue[]>): Promise<Buffer> {
  const fields: ExportField[] = header.map((title, i) => ({
    header: title,
    type: rows.every((r) => r[i] === null || r[i] === undefined || typeof r[i] === 'number') ? 'number' : 'text',
    get: (row) => row[i] ?? null,
  }));
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(out, 'end');
  async function* one() {
    yield rows as unknown as Row[];
  }
  // Excel refuses sheet names over 31 characters or with []:*?/\.
  await writeXlsx(fields, one(), out, sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Report');
  await ended;
  return Buffer.concat(chunks);
}
