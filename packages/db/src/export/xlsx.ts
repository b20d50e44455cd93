import ExcelJS from 'exceljs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { neutralise } from './cells';
import type { CellValue, ExportField } from './columns';
import type { Row } from './cursor';

/** Rows of one sheet, the header included (Excel's limit). */
export const XLSX_MAX_ROWS = 1_048_576;

const NUMBER_FORMATS: Partial<Record<ExportField['type'], string>> = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm' };

/** 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS' (already in the export's time zone) as the Date Excel shows with those digits. */
function excelDate(value: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?$/.exec(value);
  if (!m) return neutralise(value);
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)));
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
    sheet.columns = fields.map((f) => ({
      header: f.header,
      width: f.type === 'datetime' ? 18 : f.type === 'text' ? 24 : 14,
      ...(NUMBER_FORMATS[f.type] ? { style: { numFmt: NUMBER_FORMATS[f.type] } } : {}),
    }));
    return sheet;
  };
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
      sheet.addRow(values).commit();
      inSheet++;
      rows++;
    }
    if (out.destroyed) throw new Error('The export was cancelled.');
    // Let a slow reader set the pace instead of buffering the file.
    if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}
