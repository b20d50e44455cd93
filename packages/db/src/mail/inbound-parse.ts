import { Joiner, Splitter } from '@zone-eu/mailsplit';
import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from 'mailparser';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';

/** SENT: a copy of mail the user sent, from a synced Sent folder, filed under the recipient's client. */
export type InboundKind = 'CLIENT' | 'UNSORTED' | 'BOUNCE' | 'COMPLAINT' | 'AUTO_REPLY' | 'SENT';

/** Subject prefixes of out-of-office and automatic replies in en, hu, pl, sk, cs and de. */
const AUTO_REPLY_SUBJECT = new RegExp(
  '^\\s*(' +
    [
      'auto(matic)?[ -]?(reply|response)', 'autoreply', 'out of (the )?office', 'away from (the )?office', 'on vacation',
      'automatische antwort', 'automatische r[üu]ckantwort', 'abwesenheit', 'abwesenheitsnotiz', 'nicht im b[üu]ro',
      'automatyczna odpowied[źz]', 'odpowied[źz] automatyczna', 'nieobecno[śs][ćc]', 'poza biurem',
      'automatick[áa] odpove[ďd]', 'automatick[áa] odpov[eě][ďd]', 'mimo kancel[áa]ri[ea]', 'nepr[íi]tomnos[ťt]', 'nep[řr][íi]tomnost',
      'automatikus v[áa]lasz', 'h[áa]zon k[íi]v[üu]l', 'irod[áa]n k[íi]v[üu]l', 'szabads[áa]gon',
    ].join('|') +
    ')(?!\\p{L})',
  'iu',
);
const BOUNCE_SENDER = /^(mailer-daemon|postmaster)@/i;
const BOUNCE_SUBJECT = /(undeliver(ed|able)|delivery (status notification|failure)|returned mail|mail delivery failed|nem k[ée]zbes[íi]thet|niedostarczon|nedoru[čc]iteľn|nedoru[čc]iteln|unzustellbar)/i;

export interface InboundAttachment {
  name: string;
  mimeType: string;
  size: number;
  content: Buffer;
  contentId: string | null;
  /** Shown inside the HTML body (cid:), not a file of its own. */
  inline: boolean;
}

export interface ParsedInbound {
  messageId: string | null;
  fromAddress: string | null;
  fromName: string | null;
  toAddresses: string[];
  subject: string;
  text: string;
  html: string | null;
  date: Date | null;
  inReplyTo: string | null;
  /** For a bounce: the Message-IDs of the mail it reports on (from the returned headers or In-Reply-To). */
  answers: string[];
  kind: 'BOUNCE' | 'COMPLAINT' | 'AUTO_REPLY' | null;
  attachments: InboundAttachment[];
  /** A charset we guessed for 8-bit text that declared none. */
  detectedCharset: string | null;
  /** Hash of what the message says (sender, date, subject, body), the same on every delivery. */
  contentHash: string;
  /** Message-ID, sender and content hash together (the content hash alone without a Message-ID). */
  dedupeKey: string;
}

const NUL = /\u0000/g;
const clean = (s: string | null | undefined) => (s ?? '').replace(NUL, '');

/** Drops NUL bytes, which mail may carry raw or encoded and PostgreSQL text cannot hold. */
export function stripNul(raw: Buffer): Buffer {
  return raw.includes(0) ? Buffer.from(raw.filter((b) => b !== 0)) : raw;
}

const decoders = ['utf-8', 'windows-1250', 'iso-8859-2', 'windows-1252'].map((c) => ({ charset: c, decoder: new TextDecoder(c, { fatal: c === 'utf-8' }) }));
const ODD = /[\u0080-\u009f\u00a4\u00a6\u00a8\u00b1\u00b4\u00b6\u00b8\u00bc-\u00be\u02c7\u02d8\u02db\u02dd\u2020\u2021\u2030\u2039\u203a\u201a\u201e\u2026]/gu;
const LETTER = /[\u00c0-\u017f]/gu;

/** The charset of 8-bit text that declared none: UTF-8 when it is valid, else the likeliest of Windows-1250, ISO-8859-2 and Windows-1252. */
export function detectCharset(bytes: Buffer): string {
  let best = { charset: 'windows-1250', score: -Infinity };
  for (const { charset, decoder } of decoders) {
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      continue;
    }
    if (charset === 'utf-8') return 'utf-8';
    const score = (text.match(LETTER)?.length ?? 0) - 3 * (text.match(ODD)?.length ?? 0);
    if (score > best.score) best = { charset, score };
  }
  return best.charset;
}

function decodeBody(body: Buffer, encoding: string | false): Buffer {
  if (encoding === 'base64') return Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const s = body.toString('latin1').replace(/=\r?\n/g, '');
    const out: number[] = [];
    for (let i = 0; i < s.length; i++) {
      if (s[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
        out.push(parseInt(s.slice(i + 1, i + 3), 16));
        i += 2;
      } else out.push(s.charCodeAt(i) & 0xff);
    }
    return Buffer.from(out);
  }
  return body;
}

/**
 * Gives text parts that carry 8-bit text but declare no charset the charset their bytes look like,
 * so the parser does not turn them into U+FFFD. The bytes themselves are not touched.
 */
async function declareCharsets(raw: Buffer, forced?: string): Promise<{ raw: Buffer; detected: string | null }> {
  const latin1 = raw.toString('latin1');
  // Only a text part without a charset can need one; most mail names its charsets.
  const types = latin1.match(/^content-type:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/gim) ?? [];
  const undeclared = types.length === 0 || types.some((h) => /^content-type:\s*text\//i.test(h) && !/charset\s*=/i.test(h));
  if (!undeclared || (!/[\x80-\xff]/.test(latin1) && !/content-transfer-encoding:\s*(base64|quoted-printable)/i.test(latin1))) return { raw, detected: null };
  const items: any[] = [];
  const bodies = new Map<any, Buffer[]>();
  await new Promise<void>((resolve, reject) => {
    const splitter: NodeJS.EventEmitter & { end(b: Buffer): void } = new Splitter() as any;
    splitter.on('data', (item: any) => {
      items.push(item);
      if (item.type === 'body' && item.node) {
        const list = bodies.get(item.node) ?? [];
        list.push(item.value);
        bodies.set(item.node, list);
      }
    });
    splitter.on('end', () => resolve());
    splitter.on('error', reject);
    splitter.end(raw);
  });
  let detected: string | null = null;
  for (const item of items) {
    if (item.type !== 'node' || item.multipart || item.charset || !String(item.contentType || 'text/plain').startsWith('text/')) continue;
    const body = decodeBody(Buffer.concat(bodies.get(item) ?? []), item.encoding);
    if (!body.some((b) => b >= 0x80)) continue;
    detected = forced ?? detectCharset(body);
    item.setCharset(detected);
  }
  if (!detected) return { raw, detected: null };
  const joiner: any = new Joiner();
  const out: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    joiner.on('data', (c: Buffer) => out.push(c));
    joiner.on('end', () => resolve());
    joiner.on('error', reject);
  });
  Readable.from(items).pipe(joiner);
  await done;
  return { raw: Buffer.concat(out), detected };
}

/** Every address of To and Cc, members of groups included. */
function addresses(mail: ParsedMail): string[] {
  const list = [mail.to, mail.cc].flatMap((a) => (Array.isArray(a) ? a : a ? [a] : [])) as AddressObject[];
  const out: string[] = [];
  const walk = (v: Array<{ address?: string; group?: any[] }>) => {
    for (const e of v) {
      if (e.address) out.push(clean(e.address).trim().toLowerCase());
      if (e.group) walk(e.group);
    }
  };
  for (const a of list) walk(a.value as any);
  return [...new Set(out.filter(Boolean))];
}

/**
 * What kind of message this is, from its headers: a complaint (a feedback report, RFC 5965), a
 * bounce, an automatic reply, or a person's mail.
 */
export function classify(mail: ParsedMail, from: string | null): 'BOUNCE' | 'COMPLAINT' | 'AUTO_REPLY' | null {
  const header = (name: string) => String((mail.headers.get(name) as any)?.value ?? mail.headers.get(name) ?? '').toLowerCase().trim();
  const contentType = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  if (contentType?.value === 'multipart/report' && contentType.params?.['report-type']?.toLowerCase() === 'feedback-report') return 'COMPLAINT';
  if ((from && BOUNCE_SENDER.test(from)) || (contentType?.value === 'multipart/report' && contentType.params?.['report-type'] === 'delivery-status') || BOUNCE_SUBJECT.test(mail.subject ?? '')) {
    return 'BOUNCE';
  }
  const autoSubmitted = header('auto-submitted');
  if (
    (autoSubmitted && autoSubmitted !== 'no') ||
    mail.headers.has('x-autoreply') ||
    mail.headers.has('x-autorespond') ||
    mail.headers.has('x-autoresponder') ||
    ['auto_reply', 'bulk', 'junk', 'list'].includes(header('precedence')) ||
    AUTO_REPLY_SUBJECT.test(mail.subject ?? '')
  ) {
    return 'AUTO_REPLY';
  }
  return null;
}

function attachment(a: Attachment, i: number): InboundAttachment {
  const name = clean(a.filename).replace(/[\\/\u0001-\u001f]/g, '_').trim().slice(-255) || `attachment-${i + 1}${a.contentType === 'message/rfc822' ? '.eml' : ''}`;
  return {
    name,
    mimeType: (a.contentType || 'application/octet-stream').slice(0, 120),
    size: a.size ?? a.content.length,
    content: a.content,
    contentId: a.contentId ? clean(a.contentId).replace(/^<|>$/g, '').slice(0, 250) : null,
    inline: Boolean(a.related && a.contentId),
  };
}

/** The Message-IDs a bounce or complaint reports on: In-Reply-To and the Message-ID lines of the returned message. */
function bounced(raw: Buffer, own: string | null, mail: ParsedMail): string[] {
  const ids = new Set<string>();
  if (typeof mail.inReplyTo === 'string') ids.add(mail.inReplyTo.trim());
  for (const m of raw.toString('latin1').matchAll(/^(?:message-id|original-message-id):\s*(<[^>\s]{1,900}>)/gim)) ids.add(m[1]);
  if (own) ids.delete(own);
  return [...ids].filter(Boolean).slice(0, 10);
}

/** Charsets a user may choose for 8-bit text that declared none. */
export const UNDECLARED_CHARSETS = ['utf-8', 'windows-1250', 'iso-8859-2', 'windows-1252'] as const;

/**
 * Parses a raw RFC 822 message the way the inbox keeps it. Never throws on bad mail. `charset`
 * overrides the guess for text parts that declare none (the user's choice in the viewer).
 */
export async function parseInbound(input: Buffer | string, charset?: (typeof UNDECLARED_CHARSETS)[number]): Promise<ParsedInbound> {
  const raw = stripNul(Buffer.isBuffer(input) ? input : Buffer.from(input, 'utf8'));
  const { raw: readable, detected } = await declareCharsets(raw, charset).catch(() => ({ raw, detected: null }));
  const mail = await simpleParser(readable, { skipTextLinks: true, skipTextToHtml: true, skipImageLinks: true });
  const sender = mail.from?.value?.flatMap((v: any) => (v.group ? v.group : [v]))?.[0];
  const fromAddress = clean(sender?.address).trim().toLowerCase() || null;
  const messageId = clean(mail.messageId).trim().slice(0, 998) || null;
  const subject = clean(mail.subject);
  const text = clean(mail.text);
  const html = typeof mail.html === 'string' ? clean(mail.html) : null;
  const attachments = mail.attachments.map(attachment);
  const kind = classify(mail, fromAddress);
  const hash = createHash('sha256');
  for (const part of [fromAddress ?? '', mail.date?.toISOString() ?? '', subject, text, html ?? '', ...attachments.map((a) => createHash('sha256').update(a.content).digest('hex'))]) hash.update(part).update('\u0000');
  const contentHash = hash.digest('hex');
  const dedupeKey = messageId ? createHash('sha256').update(`${messageId}\u0000${fromAddress ?? ''}\u0000${contentHash}`).digest('hex') : contentHash;
  return {
    messageId,
    fromAddress,
    fromName: clean(sender?.name).trim().slice(0, 200) || null,
    toAddresses: addresses(mail),
    subject,
    text,
    html,
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null,
    inReplyTo: clean(typeof mail.inReplyTo === 'string' ? mail.inReplyTo : '').trim() || null,
    answers: kind === 'BOUNCE' || kind === 'COMPLAINT' ? bounced(raw, messageId, mail) : [],
    kind,
    attachments,
    detectedCharset: detected,
    contentHash,
    dedupeKey,
  };
}

/** The raw source as stored: gzip-compressed. */
export const compressRaw = (raw: Buffer) => gzipSync(raw);
export const decompressRaw = (stored: Buffer) => gunzipSync(stored);
