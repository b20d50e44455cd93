import { encodeWords, foldLines, hasLongerLines, isPlainText } from 'nodemailer/lib/mime-funcs';
import * as base64 from 'nodemailer/lib/base64';
import * as qp from 'nodemailer/lib/qp';

/** One outgoing mail as the outbox holds it. */
export interface OutgoingMail {
  from: { name: string | null; address: string };
  replyTo?: string | null;
  to: string[];
  subject: string;
  html: string;
  text: string;
  /** With its angle brackets: <id@domain>. */
  messageId: string;
  headers?: Record<string, string> | null;
}

// nodemailer's choice between quoted-printable and base64: Q when Latin letters outnumber the
// rest (Hungarian, Polish, Slovak text), B otherwise.
function wordEncoding(value: string): 'Q' | 'B' {
  let other = 0;
  let latin = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c <= 0x08 || c === 0x0b || c === 0x0c || (c >= 0x0e && c <= 0x1f) || c >= 0x80) other++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  return other < latin ? 'Q' : 'B';
}

const ASCII = /^[\x20-\x7e]*$/;
/** A value on one line: a line break in it could start a header of its own. */
const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ');
/** A header value with line breaks taken out, non-ASCII text as encoded words (RFC 2047). */
const headerText = (value: string) => {
  const v = oneLine(value);
  return ASCII.test(v) ? v : encodeWords(v, wordEncoding(v), 52, true);
};

/** `Name <address>`: an ASCII name quoted, any other as encoded words. */
function mailbox(name: string | null, address: string): string {
  const n = oneLine(name ?? '').trim();
  if (!n) return oneLine(address);
  return `${ASCII.test(n) ? `"${n.replace(/[\\"]/g, '\\$&')}"` : encodeWords(n, wordEncoding(n), 52, true)} <${oneLine(address)}>`;
}

const header = (key: string, value: string) => foldLines(`${key}: ${value}`, 76);

/** A text part: 7bit when it is short-lined ASCII, else quoted-printable or base64 as nodemailer chooses. */
function part(type: 'text/plain' | 'text/html', content: string): string {
  const crlf = content.replace(/\r?\n/g, '\r\n');
  let encoding: string;
  let body: string;
  if (isPlainText(crlf) && !hasLongerLines(crlf, 76)) [encoding, body] = ['7bit', crlf];
  else if (wordEncoding(crlf) === 'Q') [encoding, body] = ['quoted-printable', qp.wrap(qp.encode(crlf), 76)];
  else [encoding, body] = ['base64', base64.wrap(base64.encode(crlf), 76)];
  return `Content-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: ${encoding}\r\n\r\n${body}`;
}

/**
 * The RFC 5322 message of a mail: multipart/alternative with the text and the HTML part, names
 * and subject with non-ASCII letters as encoded words. Built as one string, without nodemailer's
 * per-message streams (which cost more than the SMTP conversation itself).
 */
export function rawMessage(mail: OutgoingMail, date = new Date()): Buffer {
  // Unique per message, and it cannot occur in the parts ("=_" is encoded in quoted-printable,
  // absent from base64, and a text's own line would have to hold this message's id).
  const boundary = `=_${mail.messageId.replace(/@.*/, '').replace(/[^\w.-]/g, '').slice(0, 60)}`;
  const lines = [
    header('From', mailbox(mail.from.name, mail.from.address)),
    ...(mail.replyTo ? [header('Reply-To', oneLine(mail.replyTo))] : []),
    header('To', oneLine(mail.to.join(', '))),
    header('Subject', headerText(mail.subject)),
    `Message-ID: ${mail.messageId}`,
    `Date: ${date.toUTCString().replace(/GMT/, '+0000')}`,
    'MIME-Version: 1.0',
    ...Object.entries(mail.headers ?? {}).map(([k, v]) => header(k.replace(/[^\x21-\x39\x3b-\x7e]/g, ''), headerText(String(v)))),
    `Content-Type: multipart/alternative;\r\n boundary="${boundary}"`,
  ];
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n--${boundary}\r\n${part('text/plain', mail.text)}\r\n--${boundary}\r\n${part('text/html', mail.html)}\r\n--${boundary}--\r\n`);
}
