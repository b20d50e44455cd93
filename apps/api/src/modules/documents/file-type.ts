/** The file types we accept, recognised by their first bytes (the name alone is not trusted). */
const SIGNATURES: Array<{ mime: string; test: (b: Buffer, ext: string) => boolean }> = [
  { mime: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { mime: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/gif', test: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  { mime: 'image/webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  ...(
    [
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
      ['odt', 'application/vnd.oasis.opendocument.text'],
      ['ods', 'application/vnd.oasis.opendocument.spreadsheet'],
      ['zip', 'application/zip'],
    ] as const
  ).map(([e, mime]) => ({ mime, test: (b: Buffer, ext: string) => ext === e && b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) })),
  ...(
    [
      ['doc', 'application/msword'],
      ['xls', 'application/vnd.ms-excel'],
    ] as const
  ).map(([e, mime]) => ({ mime, test: (b: Buffer, ext: string) => ext === e && b.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])) })),
  ...(
    [
      ['txt', 'text/plain'],
      ['csv', 'text/csv'],
      ['eml', 'message/rfc822'],
    ] as const
  ).map(([e, mime]) => ({ mime, test: (b: Buffer, ext: string) => ext === e && !b.includes(0) })),
];

/** Types a browser may show in place (others are always downloaded). */
export const INLINE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/plain']);

export const ACCEPTED_EXTENSIONS = 'PDF, PNG, JPEG, GIF, WebP, Word, Excel, PowerPoint, OpenDocument, ZIP, TXT, CSV, EML';

/** The MIME type of a file from its first bytes and name, or null when we do not accept it. */
export function sniffType(head: Buffer, fileName: string): string | null {
  const ext = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '';
  return SIGNATURES.find((s) => s.test(head, ext))?.mime ?? null;
}
