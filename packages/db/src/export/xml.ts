// The XML export: one <client> per row with its contacts, labels and cards (custom fields included).
// The format is documented in docs/export-format.md and docs/export.xsd.
import type { CustomFieldInfo } from './columns';
import type { Row } from './stream';
import { Utf8Chunks } from './utf8-chunks';

export const XML_NAMESPACE = 'urn:pipeline-crm:export:1';

// Characters XML 1.0 cannot hold at all (controls other than tab, LF, CR; lone surrogates; U+FFFE/F).
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SPECIAL = /[&<>"]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function xmlEscape(value: unknown): string {
  return String(value).replace(INVALID, '').replace(SPECIAL, (ch) => ENTITIES[ch]);
}

const el = (name: string, value: unknown, attrs = '') => (value === null || value === undefined || value === '' ? '' : `<${name}${attrs}>${xmlEscape(value)}</${name}>`);
const list = (outer: string, inner: string, values: unknown[] | null | undefined) =>
  values?.length ? `<${outer}>${values.map((v) => el(inner, v)).join('')}</${outer}>` : '';

export interface XmlContext {
  /** Custom fields by id (their label and kind name the <field>). */
  customFields: ReadonlyMap<string, CustomFieldInfo>;
  /** User names by id, for USER fields. */
  users: ReadonlyMap<string, string>;
}

interface CardJson {
  id: string;
  pipeline: string;
  status: string;
  statusKind: string;
  owner: string | null;
  value: number | null;
  currency: string;
  createdAt: string;
  updatedAt: string;
  fields: Record<string, unknown> | null;
}

function fieldValue(kind: string, value: unknown, ctx: XmlContext): string {
  if (kind === 'MONEY' && value && typeof value === 'object' && 'amount' in value) {
    const money = value as { amount: unknown; currency?: unknown };
    return `<field-value currency="${xmlEscape(money.currency ?? '')}">${xmlEscape(money.amount)}</field-value>`;
  }
  if (Array.isArray(value)) return value.map((v) => el('field-value', v)).join('');
  if (kind === 'USER' && typeof value === 'string') return el('field-value', ctx.users.get(value) ?? value);
  return el('field-value', typeof value === 'object' ? JSON.stringify(value) : value);
}

function cardXml(card: CardJson, ctx: XmlContext): string {
  const fields = Object.entries(card.fields ?? {})
    .filter(([id, v]) => ctx.customFields.has(id) && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
    .map(([id, v]) => {
      const f = ctx.customFields.get(id)!;
      return `<field id="${xmlEscape(id)}" name="${xmlEscape(f.label)}" kind="${xmlEscape(f.kind)}">${fieldValue(f.kind, v, ctx)}</field>`;
    })
    .join('');
  return (
    `<card id="${xmlEscape(card.id)}">` +
    el('pipeline', card.pipeline) +
    el('status', card.status, ` kind="${xmlEscape(card.statusKind)}"`) +
    el('owner', card.owner) +
    el('value', card.value, ` currency="${xmlEscape(card.currency)}"`) +
    el('created', card.createdAt) +
    el('updated', card.updatedAt) +
    (fields ? `<fields>${fields}</fields>` : '') +
    `</card>`
  );
}

interface ContactJson {
  name: string;
  title: string | null;
  emails: string[];
  phones: string[];
  primary: boolean;
}

/** One <client> element from a row of the XML query (see exportXmlSelect). */
export function clientXml(r: Row, ctx: XmlContext): string {
  const contacts = ((r.contacts ?? []) as ContactJson[])
    .map((c) => `<contact primary="${c.primary}">${el('name', c.name)}${el('title', c.title)}${list('emails', 'email', c.emails)}${list('phones', 'phone', c.phones)}</contact>`)
    .join('');
  const cards = ((r.cards ?? []) as CardJson[]).map((c) => cardXml(c, ctx)).join('');
  return (
    `<client id="${xmlEscape(r.client_id)}" type="${xmlEscape(r.client_type)}">` +
    el('name', r.client_name) +
    list('emails', 'email', r.client_emails) +
    list('phones', 'phone', r.client_phones) +
    el('address', r.client_address) +
    el('tax-id', r.client_tax_id) +
    el('website', r.client_website) +
    el('domain', r.client_domain) +
    el('owner', r.client_owner) +
    el('department', r.department) +
    el('classification', r.classification) +
    list('categories', 'category', r.categories) +
    list('tags', 'tag', r.tags) +
    el('created', r.client_created) +
    (contacts ? `<contacts>${contacts}</contacts>` : '') +
    (cards ? `<cards>${cards}</cards>` : '') +
    `</client>\n`
  );
}

export async function* xmlChunks(attrs: Record<string, string>, batches: AsyncIterable<Row[]>, ctx: XmlContext): AsyncGenerator<Buffer> {
  const attrText = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${xmlEscape(v)}"`)
    .join('');
  yield Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<export xmlns="${XML_NAMESPACE}"${attrText}>\n`);
  // Each client encoded as it is made (see Utf8Chunks).
  const bytes = new Utf8Chunks();
  for await (const rows of batches) {
    for (const r of rows) bytes.add(clientXml(r, ctx));
    yield* bytes.take();
  }
  yield Buffer.from('</export>\n');
}
