import { csvFileName, toCsv } from './csv';

describe('CSV export', () => {
  it('quotes what needs quoting, keeps numbers, and defuses formulas', () => {
    expect(toCsv([['Salesperson', 'Cards won'], ['Kovács, Béla', 3], ['say "hi"', 0], ['=HYPERLINK("x")', null]])).toBe(
      '\uFEFFSalesperson,Cards won\r\n"Kovács, Béla",3\r\n"say ""hi""",0\r\n"\'=HYPERLINK(""x"")",\r\n',
    );
  });

  it('names the file after the widget and the period', () => {
    expect(csvFileName('Won and lost', '2026-03-01', '2026-03-31')).toBe('won-and-lost-2026-03-01-2026-03-31.csv');
    expect(csvFileName('Tölcsér', '2026-03-01', '2026-03-31')).toBe('tolcser-2026-03-01-2026-03-31.csv');
  });
});
