import { saveFile } from '../../../ui/saveFile';

/** One CSV cell: quoted when it holds a separator, quote or line break; a leading =, +, - or @ is
 * neutralised so a spreadsheet does not run it as a formula. Numbers stay numbers. */
function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV (RFC 4180, CRLF), with a byte order mark so spreadsheets read UTF-8 names right. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Offers a text as a file download. */
export function downloadFile(name: string, text: string | Uint8Array<ArrayBuffer>, type = 'text/csv;charset=utf-8'): void {
  saveFile(new Blob([text], { type }), name);
}

/** A file name from a title and the period: "Funnel" -> funnel-2026-03-01-2026-03-31.csv */
export function csvFileName(title: string, fromDay: string, toDay: string, extension = 'csv'): string {
  const base = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${base || 'report'}-${fromDay}-${toDay}.${extension}`;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Base64 (as the API sends a file) as bytes. */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
