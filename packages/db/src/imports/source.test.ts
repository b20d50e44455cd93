import { suggestMapping } from '@crm/shared';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { inspectFile, readRecords, type OpenFile, type SourceRecord } from './source';

const fixture = (name: string): OpenFile => async () => createReadStream(path.join(__dirname, 'fixtures', name));
const bytes = (b: Buffer): OpenFile => async () => Readable.from([b]);

async function all(open: OpenFile, settings: Parameters<typeof readRecords>[1]): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of readRecords(open, settings)) out.push(r);
  return out;
}

describe('reading import files', () => {
  it('reads a Hungarian Excel CSV: Windows-1250, semicolons, Ő ő Ű ű, a quoted delimiter', async () => {
    const { settings, rows } = await inspectFile(fixture('hu-excel-1250.csv'), 'ügyfelek.csv');
    expect(settings).toMatchObject({ format: 'CSV', encoding: 'windows-1250', delimiter: ';', headerRow: 1 });
    expect(rows[0][0]).toBe('Cégnév');
    const records = await all(fixture('hu-excel-1250.csv'), settings);
    expect(records).toHaveLength(7);
    expect(records[1]).toMatchObject({ rowNo: 2, fields: expect.arrayContaining(['Őrség Fűtéstechnika Kft.', 'Kovács Ödön']) });
    expect(records[2].fields[4]).toBe('Szűcs Őzike');
    expect(records[3].fields[0]).toBe('Kő és Fa; Építő Zrt.');
    expect(records.every((r) => !r.problem)).toBe(true);
    expect(suggestMapping(rows[0])).toEqual(['client.name', 'client.taxId', 'client.email', 'client.phone', 'contact1.name', 'contact1.title', 'label.category', 'label.tag', 'card.value', 'card.currency', 'card.status']);
  });

  it('reads an Outlook export: UTF-8 with BOM, a newline and doubled quotes inside fields', async () => {
    const { settings, rows } = await inspectFile(fixture('outlook-utf8-bom.csv'), 'contacts.csv');
    expect(settings).toMatchObject({ encoding: 'utf-8', delimiter: ',', headerRow: 1 });
    expect(rows[0][0]).toBe('First Name');
    const records = await all(fixture('outlook-utf8-bom.csv'), settings);
    expect(records).toHaveLength(3);
    expect(records[1].fields[4]).toBe('Łódzka Spółka "Żuraw" Sp. z o.o.');
    expect(records[1].fields[6]).toBe('ul. Piotrkowska 1\nlok. 2');
    const mapping = suggestMapping(rows[0]);
    expect(mapping.slice(0, 6)).toEqual(['contact1.firstName', null, 'contact1.lastName', null, 'client.name', 'contact1.title']);
    expect(mapping[rows[0].indexOf('E-mail Address')]).toBe('contact1.email');
    expect(mapping[rows[0].indexOf('Mobile Phone')]).toBe('contact1.phone');
    expect(mapping[rows[0].indexOf('Business Phone')]).toBe('client.phone');
  });

  it('suggests a mapping for a Google Contacts export', async () => {
    const { settings, rows } = await inspectFile(fixture('google-contacts.csv'), 'contacts.csv');
    expect(settings).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    const mapping = suggestMapping(rows[0]);
    expect(mapping[rows[0].indexOf('Organization Name')]).toBe('client.name');
    expect(mapping[rows[0].indexOf('E-mail 1 - Value')]).toBe('contact1.email');
    expect(mapping[rows[0].indexOf('E-mail 2 - Value')]).toBe('contact2.email');
    expect(mapping[rows[0].indexOf('Phone 1 - Value')]).toBe('contact1.phone');
    expect(mapping[rows[0].indexOf('First Name')]).toBe('contact1.firstName');
  });

  it('reads an XLSX sheet with a title row above the header and date cells', async () => {
    const { settings, sheets, rows } = await inspectFile(fixture('title-row-dates.xlsx'), 'lista.xlsx', { sheet: 'Ügyfelek' });
    expect(sheets).toEqual(['Notes', 'Ügyfelek']);
    expect(settings).toMatchObject({ format: 'XLSX', sheet: 'Ügyfelek', headerRow: 3 });
    expect(rows[1][0]).toBe('Cégnév');
    const records = await all(fixture('title-row-dates.xlsx'), settings);
    expect(records.map((r) => r.rowNo)).toEqual([1, 3, 4, 5, 6]);
    expect(records[2].fields).toEqual(['Dátum Teszt Kft.', 'datum@teszt.hu', '06 1 222 3333', '2026-11-30', '1250000.5', 'Lead']);
  });

  it('reports the row of a broken quote and reads on after it', async () => {
    const { settings } = await inspectFile(fixture('broken-quote.csv'), 'x.csv');
    const records = await all(fixture('broken-quote.csv'), settings);
    const broken = records.filter((r) => r.problem);
    expect(broken).toEqual([{ rowNo: 7, fields: [], problem: { code: 'IMPORT_BROKEN_QUOTE', params: { line: 7 } } }]);
    expect(records.filter((r) => !r.problem).map((r) => r.fields[0])).toEqual(['Company', 'Firma 1', 'Firma 2', 'Firma 3', 'Firma 4', 'Firma 5', 'Firma 7', 'Firma 8', 'Firma 9']);
  });

  it('marks rows with bytes invalid in the encoding instead of turning them into "?"', async () => {
    const file = Buffer.concat([Buffer.from('Company;Email\nJó Kft.;jo@example.hu\n', 'utf-8'), Buffer.from('Rossz Kft.;r\xf6ssz@example.hu\n', 'latin1')]);
    const { settings } = await inspectFile(bytes(file), 'mixed.csv', { encoding: 'utf-8' });
    const records = await all(bytes(file), settings);
    expect(records.map((r) => r.problem?.code)).toEqual([undefined, undefined, 'IMPORT_INVALID_ENCODING']);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'empty.csv', 'IMPORT_EMPTY_FILE'],
    ['a binary file named .csv', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0, 0]), 'program.csv', 'IMPORT_BINARY_FILE'],
    ['an old binary Excel file', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'old.xls', 'IMPORT_OLD_EXCEL'],
  ])('refuses %s', async (_what, file, name, code) => {
    await expect(inspectFile(bytes(file), name)).rejects.toMatchObject({ code });
  });

  it('marks a row with too many fields, and reads 1,000 columns as too many', async () => {
    const wide = Array.from({ length: 1000 }, (_, i) => `c${i}`).join(',');
    const { settings } = await inspectFile(bytes(Buffer.from(`${wide}\n`)), 'wide.csv');
    const records = await all(bytes(Buffer.from(`${wide}\n`)), settings);
    expect(records[0].problem).toEqual({ code: 'IMPORT_TOO_MANY_FIELDS', params: { fields: 1000, max: 300 } });
    const long = `Company,Email\nA,a@example.com\n${Array.from({ length: 10_000 }, () => 'x').join(',')}\n`;
    const rows = await all(bytes(Buffer.from(long)), { ...settings, delimiter: ',' });
    expect(rows.map((r) => r.problem?.code)).toEqual([undefined, undefined, 'IMPORT_TOO_MANY_FIELDS']);
  });

  it('refuses an XLSX that unpacks past the limit (a zip bomb)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Bomb');
    for (let i = 1; i <= 2000; i++) ws.getRow(i).values = Array.from({ length: 20 }, () => 'same text again and again');
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    expect(file.length).toBeLessThan(200_000);
    await expect(inspectFile(bytes(file), 'bomb.xlsx', {}, { maxUnzippedBytes: 500_000 })).rejects.toMatchObject({ code: 'IMPORT_ZIP_TOO_LARGE' });
  });
});
