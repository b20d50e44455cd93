import { encodeCp1250, neutralise, toCp1250Text, type TransliterationReport } from './cells';
import type { CellValue, ExportField } from './columns';
import type { Row } from './stream';
import { Utf8Chunks } from './utf8-chunks';

export interface CsvOptions {
  /** "Excel (Central Europe)": ';' between fields, comma decimals, Windows-1250. Otherwise UTF-8 with BOM and ','. */
  excel: boolean;
  report: TransliterationReport;
}

/**
 * RFC 4180 CSV, in chunks as each batch of rows is written: fields with the delimiter, a quote or a line break are
 * quoted (quotes doubled), lines end in CRLF, and text cells are neutralised against formulas.
 */
export async function* csvChunks(fields: readonly ExportField[], batches: AsyncIterable<Row[]>, options: CsvOptions): AsyncGenerator<Buffer> {
  const delimiter = options.excel ? ';' : ',';
  const needsQuotes = options.excel ? /[";\r\n]/ : /[",\r\n]/;
  const cell = (value: CellValue): string => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') return options.excel ? String(value).replace('.', ',') : String(value);
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    const text = neutralise(value);
    return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const encode = (text: string) => (options.excel ? encodeCp1250(toCp1250Text(text, options.report)) : Buffer.from(text, 'utf8'));

  const header = fields.map((f) => cell(f.header)).join(delimiter) + '\r\n';
  yield options.excel ? encode(header) : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encode(header)]);
  const n = fields.length;
  const line = (row: Row) => {
    let text = cell(fields[0].get(row));
    for (let i = 1; i < n; i++) text += delimiter + cell(fields[i].get(row));
    return text + '\r\n';
  };
  if (!options.excel) {
    // UTF-8: each line encoded as it is made (see Utf8Chunks).
    const bytes = new Utf8Chunks();
    for await (const rows of batches) {
      for (const row of rows) bytes.add(line(row));
      yield* bytes.take();
    }
    return;
  }
  for await (const rows of batches) {
    let out = '';
    for (const row of rows) out += line(row);
    yield encode(out);
  }
}
