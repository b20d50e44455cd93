import { simpleParser } from 'mailparser';
import { rawMessage } from './mime';

describe('the raw message of a mail', () => {
  const mail = {
    from: { name: 'Eszter Árvíztűrő', address: 'eszter@example.hu' },
    replyTo: 'eszter.reply@example.hu',
    to: ['jan@firma.pl', 'lucja@firma.pl'],
    subject: 'Árajánlat – Łódź, Žilina: a „Kovács és Társa” ajánlata, amely elég hosszú ahhoz, hogy több kódolt szóra kelljen bontani',
    text: 'Kedves Łucja,\n\nÖn & csapata: 1 234,00 Ft.\n\n-- \nEszter',
    html: `<p>Kedves <b>Łucja</b>, Ön &amp; csapata</p>\n<p>${'hosszú sor '.repeat(30)}</p>`,
    messageId: '<0190aaaa-bbbb-7ccc-8ddd-eeeeffff0000@crm.test>',
    headers: { 'List-Unsubscribe': '<https://crm.example/unsubscribe/abc.def>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'X-Note': 'Žltý kôň' },
  };

  it('parses back to the same names, subject, parts and headers (Central European text as encoded words)', async () => {
    const date = new Date('2026-12-01T10:11:12Z');
    const raw = rawMessage(mail, date);
    const parsed = await simpleParser(raw);
    expect(parsed.from?.value).toEqual([{ name: 'Eszter Árvíztűrő', address: 'eszter@example.hu' }]);
    expect(parsed.replyTo?.value).toEqual([{ name: '', address: 'eszter.reply@example.hu' }]);
    expect((Array.isArray(parsed.to) ? parsed.to : [parsed.to!]).flatMap((t) => t.value.map((v) => v.address))).toEqual(['jan@firma.pl', 'lucja@firma.pl']);
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.messageId).toBe(mail.messageId);
    expect(parsed.date?.toISOString()).toBe(date.toISOString());
    expect(parsed.text).toBe(mail.text);
    expect(parsed.html).toBe(mail.html);
    expect(parsed.headers.get('list')).toMatchObject({ unsubscribe: { url: 'https://crm.example/unsubscribe/abc.def' } });
    expect(parsed.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    // (mailparser leaves headers it does not know encoded.)
    const [, note] = /^=\?UTF-8\?B\?(.+)\?=$/.exec(String(parsed.headers.get('x-note')))!;
    expect(Buffer.from(note, 'base64').toString('utf8')).toBe('Žltý kôň');

    const text = raw.toString('utf8');
    // Only ASCII goes over the wire, in lines of at most 78 characters.
    expect(text).toMatch(/^[\x00-\x7f]*$/);
    expect(Math.max(...text.split('\r\n').map((l) => l.length))).toBeLessThanOrEqual(78);
    expect(text).toMatch(/^Subject: =\?UTF-8\?Q\?/m);
    expect(text).toMatch(/^From: =\?UTF-8\?Q\?Eszter_=C3=81rv=C3=ADzt=C5=B1r=C5=91\?= <eszter@example\.hu>$/m);
    expect(text).toMatch(/^Content-Type: multipart\/alternative;\r\n boundary="=_/m);
    expect(text).toMatch(/^Content-Type: text\/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable$/m);
  });

  it('writes mostly non-Latin text in base64, plain ASCII as 7bit, and quotes an ASCII name with specials', async () => {
    const raw = rawMessage({ ...mail, from: { name: 'Kovács, "Peti"'.normalize('NFD').replace(/[\u0300-\u036f]/g, ''), address: 'p@example.com' }, subject: 'Οδηγίες παράδοσης', text: 'Plain text only.', html: 'Ελληνικό κείμενο για τον πελάτη' });
    const parsed = await simpleParser(raw);
    expect(parsed.from?.value).toEqual([{ name: 'Kovacs, "Peti"', address: 'p@example.com' }]);
    expect(parsed.subject).toBe('Οδηγίες παράδοσης');
    expect(parsed.text).toBe('Plain text only.');
    expect(parsed.html).toBe('Ελληνικό κείμενο για τον πελάτη');
    const text = raw.toString('utf8');
    expect(text).toMatch(/^Subject: =\?UTF-8\?B\?/m);
    expect(text).toContain('Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\nPlain text only.\r\n');
    expect(text).toMatch(/^Content-Type: text\/html; charset=utf-8\r\nContent-Transfer-Encoding: base64$/m);
    expect(text).toContain('From: "Kovacs, \\"Peti\\"" <p@example.com>');
  });

  it('keeps a header value on its own line: a line break in it cannot add a header', async () => {
    const parsed = await simpleParser(rawMessage({ ...mail, subject: 'Hello\r\nBcc: victim@example.com', headers: { 'X-Tag': 'a\nBcc: other@example.com' } }));
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.subject).toBe('Hello Bcc: victim@example.com');
    // The addresses too, should one ever hold a line break.
    const addressed = await simpleParser(rawMessage({ ...mail, replyTo: 'reply@example.com\r\nBcc: victim@example.com', to: ['to@example.com\nBcc: other@example.com'] }));
    expect(addressed.bcc).toBeUndefined();
  });
});
