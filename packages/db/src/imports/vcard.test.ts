import { suggestMapping } from '@crm/shared';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { draftRow } from './rows';
import { inspectFile, readRecords, type OpenFile, type ParseSettings, type SourceRecord } from './source';
import { MAX_VCARD_VALUE_BYTES, VCARD_COLUMNS } from './vcard';

const fixture = (name: string): OpenFile => async () => createReadStream(path.join(__dirname, 'fixtures', name));

async function all(open: OpenFile, settings: ParseSettings): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of readRecords(open, settings)) out.push(r);
  return out;
}

const col = (r: SourceRecord, name: (typeof VCARD_COLUMNS)[number]) => r.fields[VCARD_COLUMNS.indexOf(name)];

describe('reading vCard files', () => {
  it('reads vCard 2.1 with quoted-printable ISO-8859-2 values (soft line breaks too), several cards per file', async () => {
    const { settings, rows } = await inspectFile(fixture('contacts-2.1-qp-iso-8859-2.vcf'), 'névjegyek.vcf');
    expect(settings).toMatchObject({ format: 'VCARD', headerRow: 1 });
    expect(rows[0]).toEqual([...VCARD_COLUMNS]);
    const records = await all(fixture('contacts-2.1-qp-iso-8859-2.vcf'), settings);
    expect(records).toHaveLength(3);
    const [, first, second] = records;
    expect(first.rowNo).toBe(2);
    expect(col(first, 'Organization')).toBe('Őrség Fűtéstechnika Kft.');
    expect(col(first, 'Full name')).toBe('Szűcs Őzike');
    expect(col(first, 'Last name')).toBe('Szűcs');
    expect(col(first, 'First name')).toBe('Őzike');
    expect(col(first, 'E-mail 1')).toBe('ozike@orseg-futes.hu');
    expect(col(first, 'Phone')).toBe('+36 1 234 5678');
    expect(col(first, 'Mobile')).toBe('+36 30 123 4567');
    expect(col(first, 'Address')).toBe('Fő utca 12., 9021 Győr, Magyarország');
    expect(col(first, 'Note')).toBe('Kiállításon találkoztunk');
    // A person without an organization becomes a client of its own name.
    expect(col(second, 'Organization')).toBe('Nagy Jeno');
    expect(records.every((r) => !r.problem)).toBe(true);
  });

  it('reads a UTF-16 vCard 4.0: escapes, folded lines, typed and preferred values; maps to client and contact fields', async () => {
    const { settings, rows } = await inspectFile(fixture('contacts-4.0-utf16.vcf'), 'contacts.vcf');
    expect(settings.encoding).toMatch(/^utf-16/);
    const records = await all(fixture('contacts-4.0-utf16.vcf'), settings);
    expect(records).toHaveLength(3);
    const lucja = records[1];
    expect(col(lucja, 'Organization')).toBe('Żuraw Sp. z o.o., Sprzedaż');
    expect(col(lucja, 'Title')).toBe('Kierownik, sprzedaż');
    expect(col(lucja, 'E-mail 1')).toBe('lucja@zuraw.pl');
    expect(col(lucja, 'Other e-mail')).toBe('lucja.w@gmail.com');
    expect(col(lucja, 'Phone')).toBe('+48-22-123-45-67');
    expect(col(lucja, 'Mobile')).toBe('+48 600 100 200');
    expect(col(lucja, 'Address')).toBe('ul. Piotrkowska 1\nlok. 2, 90-001 Łódź, Polska');
    expect(col(lucja, 'Note')).toBe('Poznaliśmy się na targach; w Łodzi');
    expect(col(records[2], 'Organization')).toBe('Kováč s.r.o.');
    const mapping = suggestMapping(rows[0]);
    expect(mapping.slice(0, 6)).toEqual(['client.name', 'contact1.name', 'contact1.firstName', 'contact1.lastName', 'contact1.title', 'contact1.email']);
    const draft = draftRow(lucja.fields, mapping, { format: 'VCARD', locale: 'pl', country: 'PL' });
    expect(draft.problems).toEqual([]);
    expect(draft.client.name).toBe('Żuraw Sp. z o.o., Sprzedaż');
    expect(draft.contacts[0]).toMatchObject({ name: 'Łucja Wiśniewska', title: 'Kierownik, sprzedaż', emails: ['lucja@zuraw.pl'] });
  });

  it('refuses a card with a 5 MB photo with a reason naming the property, and reads the cards around it', async () => {
    const photo = 'A'.repeat(76);
    const lines = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Before', 'END:VCARD', 'BEGIN:VCARD', 'VERSION:3.0', 'FN:Big Photo', 'ORG:Fotó Kft.', 'PHOTO;ENCODING=b;TYPE=JPEG:' + photo];
    for (let size = 0; size < 5 * 1024 * 1024; size += photo.length) lines.push(' ' + photo);
    lines.push('EMAIL:big@foto.hu', 'END:VCARD', 'BEGIN:VCARD', 'VERSION:3.0', 'FN:After', 'END:VCARD');
    const body = Buffer.from(lines.join('\r\n'));
    const open: OpenFile = async () => Readable.from([body.subarray(0, 1000), body.subarray(1000, 3_000_000), body.subarray(3_000_000)]);
    const records = await all(open, { format: 'VCARD', encoding: 'utf-8', delimiter: ',', headerRow: 1, sheet: null, skipBrokenRows: true });
    expect(records.map((r) => col(r, 'Full name'))).toEqual(['Full name', 'Before', 'Big Photo', 'After']);
    expect(records[2].problem).toEqual({ code: 'IMPORT_VCARD_VALUE_TOO_LARGE', params: { property: 'PHOTO', size: expect.any(Number), max: MAX_VCARD_VALUE_BYTES / 1024 } });
    expect((records[2].problem!.params as { size: number }).size).toBeGreaterThanOrEqual(5 * 1024);
    // What follows the photo in the card is still read.
    expect(col(records[2], 'E-mail 1')).toBe('big@foto.hu');
    expect(records[1].problem).toBeUndefined();
    expect(records[3].problem).toBeUndefined();
  });
});
