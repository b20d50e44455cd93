import type { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../access/viewer';
import { phoneKeySql } from '../duplicates/keys';
import { neutralise } from '../export/cells';
import type { ExportField } from '../export/columns';
import { queryBatches } from '../export/stream';
import { writeXlsx } from '../export/xlsx';
import { loadNameOrder } from '../organisation/settings';
import { SqlParams } from '../sql/card-filter';
import { listClientsWhere, type AudienceRule } from './lists';

/** Column headers of a list export, in the export's language. */
const HEADERS: Record<string, Record<string, string>> = {
  en: { name: 'Name', contact: 'Contact', title: 'Title', address: 'Address', email: 'Email', phone: 'Phone (E.164)', suppressed: 'Suppressed' },
  hu: { name: 'Név', contact: 'Kapcsolattartó', title: 'Beosztás', address: 'Cím', email: 'E-mail', phone: 'Telefon (E.164)', suppressed: 'Tiltólistán' },
  pl: { name: 'Nazwa', contact: 'Kontakt', title: 'Stanowisko', address: 'Adres', email: 'E-mail', phone: 'Telefon (E.164)', suppressed: 'Wykluczony' },
  sk: { name: 'Názov', contact: 'Kontakt', title: 'Pozícia', address: 'Adresa', email: 'E-mail', phone: 'Telefón (E.164)', suppressed: 'Blokovaný' },
};

/**
 * The rows of a list for the viewer, by its channel: POSTAL one row per client for mail merge
 * (name, contact, address), SMS one per number in E.164 (numbers that cannot be read as one are
 * left out), EMAIL one per address with whether it is suppressed. Contacts as the list says.
 */
export function listExportQuery(
  viewer: Viewer,
  list: AudienceRule & { channel: string },
  language: string,
  /** How names sort (loadNameOrder: the organisation language's alphabet); plain lower-case order when not given. */
  byName: (expr: string) => string = (expr) => expr,
): { sql: string; values: unknown[]; fields: ExportField[] } {
  const h = HEADERS[language] ?? HEADERS.en;
  const p = new SqlParams();
  const role = list.recipients === 'ROLE' ? `AND ct.title ILIKE ${p.param(`%${(list.role ?? '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}` : '';
  const limit = list.recipients === 'PRIMARY' || list.channel === 'POSTAL' ? 'LIMIT 1' : '';
  const contacts = `LEFT JOIN LATERAL (SELECT ct.name, ct.title, ct.emails, ct.phones FROM contacts ct WHERE ct.client_id = cl.id AND ct.deleted_at IS NULL ${role} ORDER BY ct.is_primary DESC, ct.name, ct.id ${limit}) e ON true`;
  const where = listClientsWhere(viewer, list, p) + (list.recipients === 'ROLE' && list.channel !== 'POSTAL' ? ' AND e.name IS NOT NULL' : '');
  const text = (key: string) => (row: Record<string, any>) => row[key] ?? null;
  if (list.channel === 'POSTAL') {
    return {
      sql: `SELECT cl.name, e.name AS contact, e.title, cl.address FROM clients cl ${contacts} WHERE ${where} ORDER BY ${byName('lower(cl.name)')}, cl.id`,
      values: p.values,
      fields: [
        { header: h.name, type: 'text', get: text('name') },
        { header: h.contact, type: 'text', get: text('contact') },
        { header: h.title, type: 'text', get: text('title') },
        { header: h.address, type: 'text', get: text('address') },
      ],
    };
  }
  if (list.channel === 'SMS') {
    return {
      sql: `SELECT DISTINCT ON (x.phone) x.name, x.contact, x.phone FROM (
              SELECT cl.name, e.name AS contact, '+' || ${phoneKeySql('coalesce(e.phones[1], cl.phones[1])')} AS phone FROM clients cl ${contacts} WHERE ${where}
            ) x WHERE x.phone ~ '^\\+[1-9][0-9]{7,14}$' ORDER BY x.phone, x.name`,
      values: p.values,
      fields: [
        { header: h.name, type: 'text', get: text('name') },
        { header: h.contact, type: 'text', get: text('contact') },
        { header: h.phone, type: 'text', get: text('phone') },
      ],
    };
  }
  return {
    sql: `SELECT x.name, x.contact, x.email, s.reason AS suppressed FROM (
            SELECT DISTINCT ON (lower(coalesce(e.emails[1], cl.emails[1]))) cl.name, e.name AS contact, lower(coalesce(e.emails[1], cl.emails[1])) AS email
            FROM clients cl ${contacts} WHERE ${where} AND coalesce(e.emails[1], cl.emails[1]) IS NOT NULL ORDER BY lower(coalesce(e.emails[1], cl.emails[1])), cl.name
          ) x LEFT JOIN suppressions s ON s.email = x.email ORDER BY x.email`,
    values: p.values,
    fields: [
      { header: h.name, type: 'text', get: text('name') },
      { header: h.contact, type: 'text', get: text('contact') },
      { header: h.email, type: 'text', get: text('email') },
      { header: h.suppressed, type: 'text', get: text('suppressed') },
    ],
  };
}

const csvCell = (v: unknown) => {
  if (v === null || v === undefined) return '';
  // An E.164 number keeps its + (digits only: nothing a spreadsheet could run); any other text is neutralised.
  const s = /^\+[1-9]\d{7,14}$/.test(String(v)) ? String(v) : neutralise(String(v));
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Writes a list export as CSV (UTF-8 with BOM, for spreadsheet programs) or XLSX; returns the row count. */
export async function writeListExport(ds: DataSource, viewer: Viewer, list: AudienceRule & { channel: string; name: string }, format: 'csv' | 'xlsx', language: string, out: Writable): Promise<number> {
  const { sql, values, fields } = listExportQuery(viewer, list, language, await loadNameOrder(ds.manager));
  const batches = queryBatches(ds, sql, values);
  if (format === 'xlsx') return writeXlsx(fields, batches, out, list.name.replace(/[\\/*?:[\]]/g, ' ').slice(0, 31) || 'List');
  let rows = 0;
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(`\ufeff${fields.map((f) => csvCell(f.header)).join(',')}\r\n`);
  for await (const batch of batches) {
    await write(batch.map((row) => fields.map((f) => csvCell(f.get(row))).join(',')).join('\r\n') + '\r\n');
    rows += batch.length;
  }
  out.end();
  return rows;
}
