// Cell-level rules every spreadsheet format shares: CSV injection and Windows-1250 transliteration.
import iconv from 'iconv-lite';

/**
 * A text cell that a spreadsheet would read as a formula (= + - @, or a leading tab or carriage
 * return) gets a leading apostrophe, so it is shown as text and never evaluated (OWASP "CSV
 * injection"). Numbers, dates and booleans are typed cells and need none.
 */
export function neutralise(text: string): string {
  const c = text.charCodeAt(0);
  // = + - @ \t \r
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${text}` : text;
}

// Every character Windows-1250 can write, from its own table.
const CP1250_CHARS = iconv.decode(Buffer.from(Array.from({ length: 256 }, (_, i) => i)), 'win1250');
const CP1250_CLASS = `[^${CP1250_CHARS.replace(/[\\\]^-]/g, '\\$&').replace(/\ufffd/g, '')}]`;
const NOT_IN_CP1250 = new RegExp(CP1250_CLASS, 'gu');
const HAS_NON_CP1250 = new RegExp(CP1250_CLASS, 'u');
// The same as a table over the Basic Multilingual Plane, for a fast scan of long texts.
const IN_CP1250 = new Uint8Array(0x10000);
for (const ch of CP1250_CHARS) if (ch !== '\ufffd') IN_CP1250[ch.charCodeAt(0)] = 1;

function allInCp1250(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (IN_CP1250[text.charCodeAt(i)] === 0) return false;
  return true;
}

// Characters that have a usual spelling in plain letters (the rest lose only their accents).
const SPELLED: Record<string, string> = { ß: 'ss', Æ: 'AE', æ: 'ae', Œ: 'OE', œ: 'oe', Ø: 'O', ø: 'o', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', Ŀ: 'L', ŀ: 'l', Þ: 'Th', þ: 'th', '€': 'EUR', '…': '...' };

/** What transliteration did: how many characters were replaced, and which (first ones only). */
export interface TransliterationReport {
  replaced: number;
  examples: string[];
}

/**
 * Text as Windows-1250 can write it: characters outside the code page lose their accents (ñ → n),
 * take their usual spelling (ß → ss), or, when neither helps, are written as their code point
 * "[U+4E2D]"; never a silent "?". Every replacement is counted in the report.
 */
export function toCp1250Text(text: string, report: TransliterationReport): string {
  if (allInCp1250(text)) return text;
  return text.replace(NOT_IN_CP1250, (ch) => {
    report.replaced++;
    if (report.examples.length < 10 && !report.examples.includes(ch)) report.examples.push(ch);
    if (SPELLED[ch]) return SPELLED[ch];
    const plain = ch.normalize('NFD').replace(/\p{M}/gu, '');
    if (plain && plain !== ch && !HAS_NON_CP1250.test(plain)) return plain;
    return `[U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`;
  });
}

export function encodeCp1250(text: string): Buffer {
  return iconv.encode(text, 'win1250');
}
