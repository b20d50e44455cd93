import type { CardFilterInput, CardSortInput, ClientFilterInput, ClientSortInput, ExportFormat as ExportFormatEnum, ExportInput } from '../../../graphql/generated/graphql';
import type { ExportFormat, ExportSource } from './useExportDownload';

const FORMAT: Record<ExportFormat, ExportFormatEnum> = { csv: 'CSV', 'csv-excel': 'CSV_EXCEL', xlsx: 'XLSX', xml: 'XML' };

/** The list being exported as startExport's typed input (the same list the streamed download posts). */
export function exportInputOf(source: ExportSource, format: ExportFormat): ExportInput {
  if (source.kind === 'view') return { format: FORMAT[format], kind: 'VIEW', viewId: source.viewId };
  if (source.kind === 'cards') {
    return {
      format: FORMAT[format],
      kind: 'CARDS',
      pipelineId: source.pipelineId,
      cardFilter: (source.filter as CardFilterInput | undefined) ?? null,
      cardSort: (source.sort as CardSortInput | undefined) ?? null,
      columns: source.columns ?? null,
    };
  }
  return { format: FORMAT[format], kind: 'CLIENTS', clientFilter: (source.filter as ClientFilterInput | undefined) ?? null, clientSort: (source.sort as ClientSortInput | undefined) ?? null };
}
