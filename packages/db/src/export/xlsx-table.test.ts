import ExcelJS from 'exceljs';
import { xlsxTable } from './xlsx';

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
