/// <reference path="../privacy/archiver.d.ts" />
import archiver from 'archiver';
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { neutralise } from './cells';
import type { CellType, CellValue, ExportField } from './columns';
import type { Row } from './stream';
import { Utf8Chunks } from './utf8-chunks';

/** Rows of one sheet, the header included (Excel's limit). */
export const XLSX_MAX_ROWS = 1_048_576;

// The parts of a workbook (ECMA-376, SpreadsheetML) besides its sheets.
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

// Cell styles (cellXfs in styles.xml): 0 plain, 1 a date, 2 a date with its time.
const DATE_STYLE: Partial<Record<CellType, number>> = { date: 1, datetime: 2 };
const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">\
<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>\
<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function workbookParts(sheetNames: readonly string[]): Array<[name: string, xml: string]> {
  const sheets = sheetNames.map((_, i) => i + 1);
  return [
    [
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE}.sheet.main+xml"/>\
${sheets.map((n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${CONTENT_TYPE}.worksheet+xml"/>`).join('')}\
<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE}.styles+xml"/></Types>`,
    ],
    ['_rels/.rels', `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>\
${sheetNames.map((name, i) => `<sheet name="${xmlText(name).replace(/"/g, '&quot;')}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">\
${sheets.map((n) => `<Relationship Id="rId${n}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${n}.xml"/>`).join('')}\
<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', STYLES],
  ];
}

// Characters XML escapes, and those it cannot hold at all (control characters, dropped as exceljs drops them).
const XML_SPECIAL = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/;
const XML_SPECIAL_ALL = new RegExp(XML_SPECIAL.source, 'g');
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function xmlText(text: string): string {
  return XML_SPECIAL.test(text) ? text.replace(XML_SPECIAL_ALL, (c) => ENTITIES[c] ?? '') : text;
}

/** A text cell, held in the sheet itself (no shared strings table that grows with the file). */
function textCell(ref: string, text: string): string {
  const last = text.charCodeAt(text.length - 1);
  // Leading or trailing spaces, tabs or line breaks are kept only when the element says so.
  const space = text.charCodeAt(0) <= 32 || last <= 32 ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`;
}

/** The number written in value[from, to) in decimal digits, or NaN (read without making substrings: two dates a row). */
function digits(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/** 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS' (already in the export's time zone) as the serial day number Excel stores, or null. */
function excelSerial(value: string): number | null {
  let ms = NaN;
  if (value.length === 10 && value[4] === '-' && value[7] === '-') ms = Date.UTC(digits(value, 0, 4), digits(value, 5, 7) - 1, digits(value, 8, 10));
  else if (value.length === 19 && value[4] === '-' && value[7] === '-' && value[10] === ' ' && value[13] === ':' && value[16] === ':') {
    ms = Date.UTC(digits(value, 0, 4), digits(value, 5, 7) - 1, digits(value, 8, 10), digits(value, 11, 13), digits(value, 14, 16), digits(value, 17, 19));
  }
  // Days since 1899-12-30 (Excel's day 0, counting its 1900 leap day).
  return Number.isNaN(ms) ? null : ms / 86_400_000 + 25_569;
}

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
function columnLetters(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** One cell of a typed column: numbers, booleans and dates typed, text neutralised; nothing for an empty value. */
function cellXml(ref: string, value: CellValue, type: CellType): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"><v>${value}</v></c>` : textCell(ref, String(value));
  if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  const style = DATE_STYLE[type];
  if (style) {
    const serial = excelSerial(value);
    // A stored value of the wrong shape stays text.
    if (serial !== null) return `<c r="${ref}" s="${style}"><v>${serial}</v></c>`;
  }
  return textCell(ref, neutralise(value));
}

function sheetStart(fields: readonly ExportField[], letters: readonly string[]): string {
  const cols = fields.map((f, i) => `<col min="${i + 1}" max="${i + 1}" width="${f.type === 'datetime' ? 18 : f.type === 'text' ? 24 : 14}" customWidth="1"/>`).join('');
  // The header row stays in view (frozen) while the rows scroll.
  return `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">\
<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>\
<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>\
<row r="1">${fields.map((f, i) => textCell(`${letters[i]}1`, neutralise(f.header))).join('')}</row>`;
}
const SHEET_END = '</sheetData></worksheet>';

/**
 * Streams rows into an XLSX file: each sheet's XML is written as the rows come (text as inline
 * strings, so memory does not grow with the row count; numbers, dates and booleans as typed cells)
 * and compressed into the zip (archiver) as it is written, waiting for the compressor and `out`
 * when they fall behind. A new sheet ("Export 2", ...) starts when one is full. Stops when `out` is
 * destroyed.
 */
export async function writeXlsx(fields: readonly ExportField[], batches: AsyncIterable<Row[]>, out: Writable, sheetName: string, maxRows = XLSX_MAX_ROWS): Promise<number> {
  const zip = archiver('zip', { zlib: { level: 1 } });
  let failure: unknown = null;
  // Settles (never rejects) when the file can no longer be written: `out` closed or the zip failed.
  const stopped = new Promise<void>((resolve) => {
    out.once('close', resolve);
    zip.on('error', (err: unknown) => {
      failure = err;
      resolve();
    });
  });
  const check = () => {
    if (failure) throw failure;
    // (Once the file is complete, `out` ends and closes: that is no cancel.)
    if (out.destroyed && !out.writableFinished) throw new Error('The export was cancelled.');
  };
  zip.pipe(out);

  const types = fields.map((f) => f.type);
  const letters = fields.map((_, i) => columnLetters(i));
  const n = fields.length;
  const sheetNames: string[] = [];
  let sheet!: PassThrough;
  let inSheet = 0;
  let rows = 0;
  const newSheet = () => {
    sheetNames.push(sheetNames.length ? `${sheetName} ${sheetNames.length + 1}` : sheetName);
    sheet = new PassThrough({ highWaterMark: 1024 * 1024 });
    zip.append(sheet, { name: `xl/worksheets/sheet${sheetNames.length}.xml` });
    sheet.write(sheetStart(fields, letters));
    inSheet = 1;
  };

  try {
    newSheet();
    const bytes = new Utf8Chunks();
    for await (const batch of batches) {
      check();
      for (const row of batch) {
        if (inSheet === maxRows) {
          for (const chunk of bytes.take()) sheet.write(chunk);
          sheet.end(SHEET_END);
          newSheet();
        }
        const r = ++inSheet;
        let xml = `<row r="${r}">`;
        for (let i = 0; i < n; i++) xml += cellXml(letters[i] + r, fields[i].get(row), types[i]);
        bytes.add(xml + '</row>');
        rows++;
      }
      for (const chunk of bytes.take()) sheet.write(chunk);
      // Waits while the compressor (and behind it `out`, a slow reader) catches up.
      if (sheet.writableNeedDrain) await Promise.race([once(sheet, 'drain').catch(() => undefined), stopped]);
      check();
    }
    sheet.end(SHEET_END);
    for (const [name, xml] of workbookParts(sheetNames)) zip.append(xml, { name });
    const ended = new Promise<void>((resolve) => zip.once('end', resolve));
    // Errors arrive through `stopped`; these two would only repeat them.
    const finalized = zip.finalize().then(() => ended);
    finalized.catch(() => undefined);
    await Promise.race([finalized, stopped]);
    check();
  } catch (err) {
    zip.abort();
    sheet?.destroy();
    throw err;
  }
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
