import { MAX_IMPORT_CONTACTS, parseAmount, parseDate, ClientType, type ImportFormat } from '@crm/shared';
import { isFreeMailDomain } from '../mail/free-mail';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** A problem with one cell: a message code (translated in the web app), its column and parameters. */
export interface CellProblem {
  column: number | null;
  code: string;
  params?: Record<string, unknown>;
}

export interface ContactDraft {
  name: string;
  title: string | null;
  emails: string[];
  phones: string[];
}

/** One row as it will be stored (names of labels, pipeline and status still as written). */
export interface RowDraft {
  client: {
    name: string;
    type: ClientType;
    emails: string[];
    phones: string[];
    address: string | null;
    taxId: string | null;
    website: string | null;
    domain: string | null;
  };
  contacts: ContactDraft[];
  categories: string[];
  tags: string[];
  classification: string | null;
  department: string | null;
  card: { pipeline: string | null; status: string | null; owner: string | null; value: string | null; currency: string | null; custom: Record<string, string> };
  problems: CellProblem[];
}

export interface DraftOptions {
  format: ImportFormat;
  /** Amounts and decimal commas are read in this locale (hu, pl, sk, en...). */
  locale: string;
  /** Phones without a country code are read as this country's. */
  country: CountryCode;
}

const EMAIL = /^[^@\s<>(),;:"]+@[^@\s<>(),;:"]+\.[^@\s<>(),;:".]{2,}$/;

function list(text: string): string[] {
  return text
    .split(/[;,\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function emailsOf(text: string, column: number, problems: CellProblem[]): string[] {
  const out: string[] = [];
  for (const e of text.split(/[;,\s]+/).filter(Boolean)) {
    const email = e.replace(/^mailto:/i, '').toLowerCase();
    if (EMAIL.test(email) && email.length <= 254) out.push(email);
    else problems.push({ column, code: 'IMPORT_INVALID_EMAIL', params: { value: e } });
  }
  return out;
}

function phonesOf(text: string, column: number, country: CountryCode, problems: CellProblem[]): string[] {
  const out: string[] = [];
  for (const p of text.split(/[;,/\n]+/).map((s) => s.trim()).filter(Boolean)) {
    const parsed = parsePhoneNumberFromString(p, country);
    if (parsed?.isPossible()) out.push(parsed.formatInternational());
    else problems.push({ column, code: 'IMPORT_INVALID_PHONE', params: { value: p } });
  }
  return out;
}

/** The host of a website, without www. (lower case), or null. */
export function domainOfWebsite(website: string): string | null {
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(website) ? website : `http://${website}`);
    return url.hostname.toLowerCase().replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

export function isFreeMail(domain: string): boolean {
  return isFreeMailDomain(domain);
}

function amountOf(text: string, opts: DraftOptions): { ok: true; value: string } | { ok: false; code: string; params?: Record<string, unknown> } {
  // A number cell of a spreadsheet comes as plain digits with a dot.
  if (opts.format === 'XLSX' && /^-?\d+(\.\d+)?$/.test(text)) return { ok: true, value: text };
  return parseAmount(text, opts.locale);
}

/** Turns one row's cells into what will be stored, with each cell's problem. */
export function draftRow(fields: string[], mapping: Array<string | null>, opts: DraftOptions): RowDraft {
  const problems: CellProblem[] = [];
  const draft: RowDraft = {
    client: { name: '', type: ClientType.Company, emails: [], phones: [], address: null, taxId: null, website: null, domain: null },
    contacts: [],
    categories: [],
    tags: [],
    classification: null,
    department: null,
    card: { pipeline: null, status: null, owner: null, value: null, currency: null, custom: {} },
    problems,
  };
  const contacts: Array<Partial<ContactDraft> & { first?: string; last?: string }> = [];
  let typeGiven = false;
  mapping.forEach((target, column) => {
    if (!target) return;
    const raw = (fields[column] ?? '').trim();
    if (!raw) return;
    const tooLong = (max: number) => {
      if (raw.length <= max) return false;
      problems.push({ column, code: 'IMPORT_TOO_LONG', params: { max } });
      return true;
    };
    const [group, field] = target.split('.');
    if (group === 'client') {
      switch (field) {
        case 'name':
          if (!tooLong(200)) draft.client.name = raw;
          break;
        case 'type': {
          const t = raw.toLowerCase();
          if (/^(person|private|individual|magánszemély|maganszemely|osoba|fizická osoba|osoba fizyczna|p)$/.test(t)) draft.client.type = ClientType.Person;
          else if (/^(company|business|cég|ceg|firma|spoločnosť|c)$/.test(t)) draft.client.type = ClientType.Company;
          else problems.push({ column, code: 'IMPORT_UNKNOWN_TYPE', params: { value: raw } });
          typeGiven = true;
          break;
        }
        case 'email':
          draft.client.emails.push(...emailsOf(raw, column, problems));
          break;
        case 'phone':
          draft.client.phones.push(...phonesOf(raw, column, opts.country, problems));
          break;
        case 'address':
          if (!tooLong(2000)) draft.client.address = raw;
          break;
        case 'taxId':
          if (!tooLong(40)) draft.client.taxId = raw;
          break;
        case 'website':
          if (!tooLong(255)) draft.client.website = raw;
          break;
        case 'domain': {
          const d = domainOfWebsite(raw);
          if (d) draft.client.domain = d;
          else problems.push({ column, code: 'IMPORT_INVALID_DOMAIN', params: { value: raw } });
          break;
        }
      }
      return;
    }
    const contact = /^contact(\d)$/.exec(group);
    if (contact) {
      const n = Number(contact[1]) - 1;
      if (n >= MAX_IMPORT_CONTACTS) return;
      const c = (contacts[n] ??= {});
      if (field === 'name' && !tooLong(200)) c.name = raw;
      else if (field === 'firstName') c.first = raw;
      else if (field === 'lastName') c.last = raw;
      else if (field === 'title' && !tooLong(120)) c.title = raw;
      else if (field === 'email') c.emails = [...(c.emails ?? []), ...emailsOf(raw, column, problems)];
      else if (field === 'phone') c.phones = [...(c.phones ?? []), ...phonesOf(raw, column, opts.country, problems)];
      return;
    }
    if (group === 'label') {
      if (field === 'category') draft.categories.push(...list(raw));
      else if (field === 'tag') draft.tags.push(...list(raw));
      else if (field === 'classification') draft.classification = raw;
      else if (field === 'department') draft.department = raw;
      return;
    }
    if (group === 'card') {
      if (field === 'value') {
        const a = amountOf(raw, opts);
        if (a.ok) draft.card.value = a.value;
        else problems.push({ column, code: 'IMPORT_NOT_A_NUMBER', params: { value: raw, reason: a.code } });
      } else if (field === 'currency') {
        if (/^[a-z]{3}$/i.test(raw)) draft.card.currency = raw.toUpperCase();
        else if (/^(ft|forint)$/i.test(raw)) draft.card.currency = 'HUF';
        else if (/^(€|eur|euro)$/i.test(raw)) draft.card.currency = 'EUR';
        else if (/^(zł|zl|złoty)$/i.test(raw)) draft.card.currency = 'PLN';
        else problems.push({ column, code: 'IMPORT_INVALID_CURRENCY', params: { value: raw } });
      } else if (field === 'pipeline' || field === 'status' || field === 'owner') draft.card[field] = raw;
      return;
    }
    if (group === 'custom') draft.card.custom[target.slice('custom.'.length)] = raw;
  });

  for (const c of contacts) {
    if (!c) continue;
    const name = c.name ?? [c.first, c.last].filter(Boolean).join(' ');
    const emails = c.emails ?? [];
    const phones = c.phones ?? [];
    if (!name && !emails.length && !phones.length) continue;
    draft.contacts.push({ name: name || emails[0] || phones[0], title: c.title ?? null, emails, phones });
  }
  // A row of a person (an address book export): the person is the client.
  if (!draft.client.name) {
    const person = draft.contacts[0];
    if (person) {
      draft.client.name = person.name;
      if (!typeGiven) draft.client.type = ClientType.Person;
      if (!draft.client.emails.length && !draft.client.phones.length) {
        draft.client.emails = [...person.emails];
        draft.client.phones = [...person.phones];
      }
    } else if (draft.client.emails[0]) draft.client.name = draft.client.emails[0];
  }
  if (!draft.client.name) problems.push({ column: null, code: 'IMPORT_NO_NAME' });
  draft.client.emails = [...new Set(draft.client.emails)];
  draft.client.phones = [...new Set(draft.client.phones)];
  if (!draft.client.domain && draft.client.website) draft.client.domain = domainOfWebsite(draft.client.website);
  if (!draft.client.domain && draft.client.type === ClientType.Company) {
    const fromMail = [...draft.client.emails, ...draft.contacts.flatMap((c) => c.emails)].map((e) => e.split('@')[1]).find((d) => !isFreeMail(d));
    draft.client.domain = fromMail ?? null;
  }
  if (draft.client.domain && isFreeMail(draft.client.domain)) draft.client.domain = null;
  return draft;
}

/** A custom field value from text, in the shape the card stores (see the fields module). */
export function customValue(
  field: { kind: string; options: string[] },
  text: string,
  opts: DraftOptions & { currency: string; userId: (nameOrEmail: string) => string | null },
): { value: unknown } | { code: string } {
  switch (field.kind) {
    case 'TEXT':
      return text.length <= 500 ? { value: text } : { code: 'IMPORT_TOO_LONG' };
    case 'LONG_TEXT':
      return text.length <= 10_000 ? { value: text } : { code: 'IMPORT_TOO_LONG' };
    case 'NUMBER':
    case 'MONEY': {
      const a = amountOf(text, opts);
      if (!a.ok) return { code: 'IMPORT_NOT_A_NUMBER' };
      return { value: field.kind === 'NUMBER' ? Number(a.value) : { amount: Number(a.value), currency: opts.currency } };
    }
    case 'DATE': {
      const d = parseDate(text);
      return d ? { value: d } : { code: 'IMPORT_NOT_A_DATE' };
    }
    case 'SELECT': {
      const o = field.options.find((x) => x.toLowerCase() === text.toLowerCase());
      return o ? { value: o } : { code: 'IMPORT_UNKNOWN_OPTION' };
    }
    case 'MULTI_SELECT': {
      const picked = list(text).map((t) => field.options.find((x) => x.toLowerCase() === t.toLowerCase()));
      return picked.every(Boolean) ? { value: [...new Set(picked as string[])] } : { code: 'IMPORT_UNKNOWN_OPTION' };
    }
    case 'BOOLEAN': {
      const t = text.toLowerCase();
      if (/^(yes|y|true|1|igen|i|tak|t|áno|ano|x)$/.test(t)) return { value: true };
      if (/^(no|n|false|0|nem|nie|ne)$/.test(t)) return { value: false };
      return { code: 'IMPORT_NOT_YES_NO' };
    }
    case 'USER': {
      const id = opts.userId(text);
      return id ? { value: id } : { code: 'IMPORT_UNKNOWN_USER' };
    }
  }
  return { code: 'IMPORT_UNKNOWN_FIELD' };
}
