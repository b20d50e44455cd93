import ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'node:stream';
import { inspectFile, readRecords } from '../imports/source';
import type { ExportField } from './columns';
import { writeXlsx, xlsxTable } from './xlsx';

describe('xlsxTable', () => {
  it('writes a small table with numbers as numbers, text neutralised and a sheet name Excel accepts', async () => {
    const file = await xlsxTable('Activity per salesperson: all [2026]', ['Salesperson', 'Todos done', 'Win rate'], [
      ['Béla Nagy', 5, 0.5],
      ['=HYPERLINK("x")', null, 0.25],
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('Activity per salesperson  all  ');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Salesperson', 'Todos done', 'Win rate']);
    expect(sheet.getRow(2).values).toEqual([undefined, 'Béla Nagy', 5, 0.5]);
    expect(sheet.getCell('A3').value).toBe('\'=HYPERLINK("x")');
    expect(sheet.getCell('B3').value).toBeNull();
    expect(sheet.rowCount).toBe(3);
  });
});

describe('writeXlsx', () => {
  const fields: ExportField[] = [
    { header: 'Client', type: 'text', get: (r) => r.name },
    { header: 'Value', type: 'number', get: (r) => r.value },
    { header: 'Renewal', type: 'date', get: (r) => r.day },
    { header: 'Created', type: 'datetime', get: (r) => r.at },
    { header: 'Signed', type: 'boolean', get: (r) => r.ok },
  ];
  const rows = [
    { name: 'Ő ő Ű ű Kft. — Łódź Sp. z o.o., Žilina s.r.o. 中文', value: 1234.5, day: '2027-03-31', at: '2026-11-01 10:30:05', ok: true },
    { name: '=HYPERLINK("http://evil.example","click")', value: -5, day: null, at: '2026-12-31 23:59:59', ok: false },
    { name: '+36 1 234 5678', value: 0.1 + 0.2, day: 'not a date', at: null, ok: null },
    { name: '@SUM(A1) & <b>"bold"</b>', value: 1e21, day: '1900-03-01', at: '2026-01-01 00:00:00', ok: null },
    { name: '  spaced\nline\ttab\u0001 ', value: null, day: null, at: null, ok: null },
    { name: '-1+1', value: 3, day: null, at: null, ok: null },
  ];
  async function write(batches: Array<typeof rows>, maxRows?: number): Promise<Buffer> {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    async function* gen() {
      for (const b of batches) yield b;
    }
    const written = await writeXlsx(fields, gen(), out, 'Export', maxRows);
    expect(written).toBe(batches.flat().length);
    return Buffer.concat(chunks);
  }

  it('reads back in exceljs cell for cell: text with accents, typed numbers, dates and booleans, formulas neutralised', async () => {
    const file = await write([rows.slice(0, 2), rows.slice(2)]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('Export');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([undefined, 'Client', 'Value', 'Renewal', 'Created', 'Signed']);
    const cell = (r: number, c: number) => sheet.getRow(r).getCell(c);
    expect(cell(2, 1).value).toBe('Ő ő Ű ű Kft. — Łódź Sp. z o.o., Žilina s.r.o. 中文');
    expect(cell(2, 2).value).toBe(1234.5);
    expect(cell(2, 2).type).toBe(ExcelJS.ValueType.Number);
    expect(cell(2, 3).value).toEqual(new Date(Date.UTC(2027, 2, 31)));
    expect(cell(2, 3).numFmt).toBe('yyyy-mm-dd');
    expect(cell(2, 4).value).toEqual(new Date(Date.UTC(2026, 10, 1, 10, 30, 5)));
    expect(cell(2, 4).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(cell(2, 5).value).toBe(true);
    expect(cell(3, 1).value).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(cell(3, 2).value).toBe(-5);
    expect(cell(3, 3).value).toBeNull();
    expect(cell(3, 4).value).toEqual(new Date(Date.UTC(2026, 11, 31, 23, 59, 59)));
    expect(cell(3, 5).value).toBe(false);
    expect(cell(4, 1).value).toBe(`'+36 1 234 5678`);
    expect(cell(4, 2).value).toBe(0.1 + 0.2);
    // A stored value of the wrong shape stays text.
    expect(cell(4, 3).value).toBe('not a date');
    expect(cell(5, 1).value).toBe(`'@SUM(A1) & <b>"bold"</b>`);
    expect(cell(5, 2).value).toBe(1e21);
    expect(cell(5, 3).value).toEqual(new Date(Date.UTC(1900, 2, 1)));
    // Spaces kept, the control character (not allowed in XML) dropped.
    expect(cell(6, 1).value).toBe('  spaced\nline\ttab ');
    expect(cell(6, 2).value).toBeNull();
    expect(cell(7, 1).value).toBe(`'-1+1`);
    expect(sheet.rowCount).toBe(7);
  });

  it('is read back by the import (the streaming reader): an export can be imported again', async () => {
    const file = await write([rows]);
    const open = async () => Readable.from([file]);
    const inspected = await inspectFile(open, 'export.xlsx');
    expect(inspected.settings).toMatchObject({ format: 'XLSX', headerRow: 1, sheet: 'Export' });
    const records: string[][] = [];
    for await (const r of readRecords(open, inspected.settings)) records.push(r.fields);
    expect(records[0]).toEqual(['Client', 'Value', 'Renewal', 'Created', 'Signed']);
    expect(records[1]).toEqual(['Ő ő Ű ű Kft. — Łódź Sp. z o.o., Žilina s.r.o. 中文', '1234.5', '2027-03-31', '2026-11-01 10:30:05', 'true']);
    expect(records[2][0]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(records).toHaveLength(7);
  });

  it('starts a new sheet, with the header again, when one is full', async () => {
    const file = await write([rows.slice(0, 3), rows.slice(3)], 3);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Export', 'Export 2', 'Export 3']);
    expect(book.worksheets.map((s) => s.getColumn(2).values.slice(1))).toEqual([
      ['Value', 1234.5, -5],
      ['Value', 0.1 + 0.2, 1e21],
      ['Value', undefined, 3],
    ]);
  });

  it('stops when the reader goes away', async () => {
    const out = new PassThrough();
    let given = 0;
    async function* endless() {
      for (;;) {
        if (++given === 5) out.destroy();
        yield Array.from({ length: 1000 }, () => rows[0]);
      }
    }
    await expect(writeXlsx(fields, endless(), out, 'Export')).rejects.toThrow('cancelled');
    expect(given).toBe(5);
  });
});
