import PDFDocument from 'pdfkit';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../access/viewer';
import { queryBatches } from '../export/stream';
import { loadNameOrder } from '../organisation/settings';
import { listExportQuery } from './export';
import type { AudienceRule } from './lists';

const MM = 72 / 25.4;
/** A4 with 3 x 8 labels of 70 x 37 mm (the common office sheet), the sheet's half-millimetre top margin kept. */
export const LABEL_SHEET = { width: 210 * MM, height: 297 * MM, columns: 3, rows: 8, labelWidth: 70 * MM, labelHeight: 37 * MM, top: 0.5 * MM, padding: 5 * MM } as const;
const PER_PAGE = LABEL_SHEET.columns * LABEL_SHEET.rows;

// DejaVu Sans covers every Central European letter (ő ű ł ś č ž ...); it is embedded (subset) in each PDF.
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export interface LabelRow {
  name: string;
  contact: string | null;
  address: string | null;
}

/** The lines of one label: the addressee, the person (when there is one), then the address a line per comma or line break. */
export function labelLines(row: LabelRow): { name: string; lines: string[] } {
  const address = (row.address ?? '')
    .split(/\r?\n|,/)
    .map((s) => s.trim())
    .filter(Boolean);
  return { name: row.name, lines: [...(row.contact ? [row.contact] : []), ...address] };
}

/**
 * Writes printable address labels of a postal list as a PDF (A4, 3 x 8 a page), streamed: rows
 * are read in batches and pages written as they fill, so a long list costs no more memory than a
 * short one. The clients are those the viewer may see, trash left out (the list's own rule).
 * Returns how many labels were written.
 */
export async function writeAddressLabels(ds: DataSource, viewer: Viewer, list: AudienceRule & { channel: string; name: string }, out: Writable): Promise<number> {
  // In the organisation language's alphabetical order, as the lists on screen.
  const { sql, values } = listExportQuery(viewer, { ...list, channel: 'POSTAL' }, 'en', await loadNameOrder(ds.manager));
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: list.name, Creator: 'CRM' } });
  doc.registerFont('label', FONT);
  doc.registerFont('label-bold', FONT_BOLD);
  const finished = once(out, 'finish');
  doc.pipe(out);
  const { columns, labelWidth, labelHeight, top, padding } = LABEL_SHEET;
  const left = (LABEL_SHEET.width - columns * labelWidth) / 2;
  const width = labelWidth - 2 * padding;
  let n = 0;
  for await (const batch of queryBatches(ds, sql, values)) {
    for (const row of batch as LabelRow[]) {
      const slot = n % PER_PAGE;
      if (slot === 0) doc.addPage();
      const x = left + (slot % columns) * labelWidth + padding;
      let y = top + Math.floor(slot / columns) * labelHeight + padding;
      const bottom = y + labelHeight - 2 * padding;
      const { name, lines } = labelLines(row);
      doc.font('label-bold').fontSize(10);
      doc.text(name, x, y, { width, height: 13, lineBreak: false, ellipsis: true });
      y += 14;
      doc.font('label').fontSize(9);
      for (const line of lines) {
        if (y + 11 > bottom) break;
        doc.text(line, x, y, { width, height: 12, lineBreak: false, ellipsis: true });
        y += 12;
      }
      n += 1;
    }
  }
  if (n === 0) doc.addPage();
  doc.end();
  await finished;
  return n;
}
