import type { EntityManager } from 'typeorm';

/** Whose data: a client (with all its contacts) or one contact of a client. */
export type PersonalDataKind = 'client' | 'contact';
export interface PersonalDataSubject {
  kind: PersonalDataKind;
  id: string;
}

/** A refusal the API turns into a code (SUBJECT_NOT_FOUND, NAME_MISMATCH). */
export class PrivacyError extends Error {
  constructor(readonly code: 'SUBJECT_NOT_FOUND' | 'NAME_MISMATCH') {
    super(code);
  }
}

/** The rows that are the person, and the strings that identify them anywhere else. */
export interface Person {
  subject: PersonalDataSubject;
  /** The client the subject is (kind client) or belongs to (kind contact). */
  clientId: string;
  /** The subject's display name (what the admin types to confirm an erasure). */
  name: string;
  /** The contacts whose data goes: all of the client's, or the one contact. */
  contactIds: string[];
  names: string[];
  /** Lower-cased. */
  emails: string[];
  /** As stored, and as the phone keys and digits the search columns keep. */
  phones: string[];
}

/** Shorter strings would match unrelated text (a two-letter name): they are not searched for. */
const MIN_TERM = 3;
const MIN_DIGITS = 6;

/** Loads the subject (trashed or not); locks the client row when `lock`. */
export async function loadPerson(em: EntityManager, subject: PersonalDataSubject, lock = false): Promise<Person> {
  const forUpdate = lock ? 'FOR UPDATE' : '';
  let clientId: string;
  let name: string;
  const names: string[] = [];
  const emails: string[] = [];
  const phones: string[] = [];
  let contacts: Array<{ id: string; name: string; emails: string[]; phones: string[] }>;
  if (subject.kind === 'client') {
    const [client] = await em.query(`SELECT id, name, emails, phones, phone_keys FROM clients WHERE id = $1 ${forUpdate}`, [subject.id]);
    if (!client) throw new PrivacyError('SUBJECT_NOT_FOUND');
    clientId = client.id;
    name = client.name;
    names.push(client.name);
    emails.push(...client.emails);
    phones.push(...client.phones, ...client.phone_keys);
    contacts = await em.query(`SELECT id, name, emails, phones FROM contacts WHERE client_id = $1 ORDER BY created_at ${forUpdate}`, [subject.id]);
  } else {
    contacts = await em.query(`SELECT id, client_id, name, emails, phones FROM contacts WHERE id = $1 ${forUpdate}`, [subject.id]);
    if (!contacts.length) throw new PrivacyError('SUBJECT_NOT_FOUND');
    clientId = (contacts[0] as unknown as { client_id: string }).client_id;
    name = contacts[0].name;
  }
  for (const c of contacts) {
    names.push(c.name);
    emails.push(...c.emails);
    phones.push(...c.phones);
  }
  const allPhones = [...phones];
  if (phones.length) {
    const [{ keys }] = await em.query(`SELECT normalize_phones($1::text[], org_phone_country()) AS keys`, [phones]);
    allPhones.push(...(keys ?? []));
  }
  allPhones.push(...phones.map((p) => p.replace(/\D/g, '')));
  return {
    subject,
    clientId,
    name,
    contactIds: contacts.map((c) => c.id),
    names: unique(names.map((n) => n.trim()).filter((n) => n.length >= MIN_TERM)),
    emails: unique(emails.map((e) => e.trim().toLowerCase()).filter((e) => e.length >= MIN_TERM)),
    phones: unique(allPhones.map((p) => p.trim()).filter((p) => p.replace(/\D/g, '').length >= MIN_DIGITS)),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

/** Every string that identifies the person. */
export const termsOf = (p: Person): string[] => unique([...p.emails, ...p.phones, ...p.names]);

/** A PostgreSQL regular expression (ARE) matching any of the terms; null when there are none. */
export function sqlPattern(terms: string[]): string | null {
  if (!terms.length) return null;
  return terms.map((t) => t.replace(/[\\.^$*+?()[\]{}|]/g, '\\$&')).join('|');
}

/** The same terms as they appear inside a JSON string (quotes and backslashes escaped). */
export const jsonTerms = (terms: string[]) => unique(terms.map((t) => JSON.stringify(t).slice(1, -1)));

/** A JavaScript expression for the same terms (files, decompressed mail). */
export function jsPattern(terms: string[]): RegExp | null {
  if (!terms.length) return null;
  return new RegExp(terms.map((t) => t.replace(/[\\.^$*+?()[\]{}|/-]/g, '\\$&')).join('|'), 'i');
}
