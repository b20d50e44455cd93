/**
 * Imports: the fields a column can map to, suggestions from header names (en, hu, pl, sk and the
 * common exports: Outlook, Google Contacts, Thunderbird, Salesforce, Zoho, Pipedrive, HubSpot),
 * and dates as people write them. Pure logic shared by the API, the worker and the web app.
 */

export const IMPORT_FORMATS = ['CSV', 'XLSX', 'VCARD'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1250', 'iso-8859-2', 'windows-1252'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

export const IMPORT_DELIMITERS = [',', ';', '\t', '|'] as const;

export enum DuplicatePolicy {
  Skip = 'SKIP',
  FillEmpty = 'FILL_EMPTY',
  Overwrite = 'OVERWRITE',
  CreateAnyway = 'CREATE_ANYWAY',
}

/** What became of a row. */
export enum ImportOutcome {
  Created = 'CREATED',
  Updated = 'UPDATED',
  Skipped = 'SKIPPED',
  Rejected = 'REJECTED',
}

/** How many contacts one row may carry ("Contact 2 email"). */
export const MAX_IMPORT_CONTACTS = 3;
/** Columns a file may have; more is refused (a sign of a wrong delimiter or a broken file). */
export const MAX_IMPORT_COLUMNS = 300;

export const CLIENT_TARGETS = ['client.name', 'client.type', 'client.email', 'client.phone', 'client.address', 'client.taxId', 'client.website', 'client.domain'] as const;
export const CONTACT_FIELDS = ['name', 'firstName', 'lastName', 'title', 'email', 'phone'] as const;
export const LABEL_TARGETS = ['label.category', 'label.classification', 'label.tag', 'label.department'] as const;
export const CARD_TARGETS = ['card.pipeline', 'card.status', 'card.owner', 'card.value', 'card.currency'] as const;

/** Every fixed target; custom fields are `custom.<field id>`. */
export function importTargets(): string[] {
  const contacts: string[] = [];
  for (let n = 1; n <= MAX_IMPORT_CONTACTS; n++) for (const f of CONTACT_FIELDS) contacts.push(`contact${n}.${f}`);
  return [...CLIENT_TARGETS, ...contacts, ...LABEL_TARGETS, ...CARD_TARGETS];
}

export function isImportTarget(target: string): boolean {
  return importTargets().includes(target) || /^custom\.[0-9a-f-]{36}$/i.test(target);
}

/** Header names (lower-cased, without accents and punctuation) that suggest each target. */
const SYNONYMS: Record<string, string[]> = {
  'client.name': ['company', 'company name', 'organization', 'organization name', 'organization 1 name', 'organisation', 'account name', 'account', 'client', 'client name', 'customer', 'name of company', 'ceg', 'cegnev', 'ceg neve', 'ugyfel', 'ugyfel neve', 'ugyfelnev', 'partner', 'partner neve', 'firma', 'nazwa firmy', 'nazwa', 'klient', 'spolocnost', 'nazov', 'nazov firmy', 'zakaznik', 'organizacia', 'deal organization', 'org name'],
  'client.type': ['type', 'client type', 'tipus', 'typ'],
  'client.email': ['email', 'e mail', 'email address', 'company email', 'e mail cim', 'email cim', 'emailcim', 'adres email', 'adres e mail', 'e mail adresa', 'emailova adresa', 'organization email'],
  'client.phone': ['phone', 'telephone', 'company phone', 'business phone', 'telefon', 'telefonszam', 'tel', 'telefon sluzbowy', 'numer telefonu', 'telefonne cislo', 'telefonicke cislo', 'office phone'],
  'client.address': ['address', 'business address', 'business street', 'street', 'cim', 'szekhely', 'adres', 'adresa', 'ulica', 'billing street', 'mailing address'],
  'client.taxId': ['tax id', 'tax number', 'vat', 'vat number', 'vat id', 'adoszam', 'ado szam', 'nip', 'ico', 'dic', 'ic dph', 'regon'],
  'client.website': ['website', 'web', 'web page', 'web site', 'homepage', 'url', 'weboldal', 'honlap', 'strona www', 'strona internetowa', 'webova stranka', 'www', 'website 1 value'],
  'client.domain': ['domain', 'company domain', 'company domain name', 'domain name', 'domain nev', 'domena'],
  'contact1.name': ['contact', 'contact name', 'contact person', 'name', 'full name', 'display name', 'kapcsolattarto', 'kapcsolattarto neve', 'nev', 'osoba kontaktowa', 'imie i nazwisko', 'kontaktna osoba', 'meno', 'person name', 'deal contact person'],
  'contact1.firstName': ['first name', 'given name', 'firstname', 'keresztnev', 'utonev', 'imie', 'krstne meno', 'meno krstne'],
  'contact1.lastName': ['last name', 'family name', 'surname', 'lastname', 'vezeteknev', 'csaladnev', 'nazwisko', 'priezvisko'],
  'contact1.title': ['title', 'job title', 'position', 'role', 'organization title', 'organization 1 title', 'beosztas', 'pozicio', 'stanowisko', 'funkcia', 'pozicia'],
  'contact1.email': ['e mail address', 'e mail 1 value', 'email 1', 'primary email', 'contact email', 'kapcsolattarto email', 'e mail 1', 'email address 1', 'person email'],
  'contact1.phone': ['mobile', 'mobile phone', 'cell', 'phone 1 value', 'primary phone', 'mobil', 'mobiltelefon', 'telefon komorkowy', 'mobilny', 'mobilne cislo', 'contact phone', 'person phone'],
  'contact2.email': ['e mail 2 address', 'e mail 2 value', 'email 2', 'secondary email', 'contact 2 email'],
  'contact2.phone': ['phone 2 value', 'contact 2 phone'],
  'contact2.name': ['contact 2 name', 'contact 2'],
  'label.category': ['category', 'categories', 'kategoria', 'kategorie', 'kategorija', 'group', 'groups', 'labels', 'group membership'],
  'label.classification': ['classification', 'besorolas', 'klasyfikacja', 'klasifikacia', 'rating', 'lead status', 'account type'],
  'label.tag': ['tag', 'tags', 'cimke', 'cimkek', 'tagi', 'tagy', 'stitky', 'keywords'],
  'label.department': ['department', 'team', 'osztaly', 'reszleg', 'csapat', 'dzial', 'oddelenie', 'region'],
  'card.pipeline': ['pipeline', 'sales pipeline', 'ertekesitesi folyamat', 'folyamat', 'lejek', 'lejek sprzedazy'],
  'card.status': ['status', 'stage', 'deal stage', 'allapot', 'statusz', 'szakasz', 'etap', 'stav', 'faza'],
  'card.owner': ['owner', 'account owner', 'deal owner', 'contact owner', 'assigned to', 'felelos', 'tulajdonos', 'ertekesito', 'wlasciciel', 'opiekun', 'vlastnik', 'zodpovedny'],
  'card.value': ['value', 'amount', 'deal value', 'deal amount', 'ertek', 'osszeg', 'wartosc', 'kwota', 'hodnota', 'suma'],
  'card.currency': ['currency', 'deviza', 'penznem', 'waluta', 'mena', 'deal currency'],
};

/** A header name as compared: lower case, no accents, words separated by single spaces. */
export function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/gi, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Names that mean different things in different files: used only when nothing more specific claimed the target. */
const WEAK = new Set(['title', 'name', 'type', 'status', 'value', 'group']);

const BY_KEY = new Map<string, string>();
for (const [target, names] of Object.entries(SYNONYMS)) for (const n of names) if (!BY_KEY.has(headerKey(n))) BY_KEY.set(headerKey(n), target);

/**
 * A suggested target per column (null: ignore). Each target is suggested once; "Contact 2 email"
 * style headers map to that contact; custom fields by their label; saved mappings win.
 */
export function suggestMapping(headers: string[], customFields: Array<{ id: string; label: string }> = [], saved: Record<string, string> = {}): Array<string | null> {
  const used = new Set<string>();
  const custom = new Map(customFields.map((f) => [headerKey(f.label), `custom.${f.id}`]));
  const candidates = headers.map((h) => {
    const key = headerKey(h);
    let target: string | null = saved[key] ?? null;
    if (!target) {
      const numbered = /^(?:contact|kapcsolattarto|kontakt|osoba) ?([1-9]) ?(.*)$/.exec(key);
      if (numbered && Number(numbered[1]) <= MAX_IMPORT_CONTACTS) {
        const base = BY_KEY.get(numbered[2] ? `contact ${numbered[2]}` : 'contact') ?? BY_KEY.get(numbered[2]);
        const field = base?.split('.')[1];
        if (field && base!.startsWith('contact')) target = `contact${numbered[1]}.${field}`;
        else if (numbered[2] && ['name', 'nev', 'imie', 'meno'].includes(numbered[2])) target = `contact${numbered[1]}.name`;
      }
    }
    target ??= custom.get(key) ?? BY_KEY.get(key) ?? null;
    return { target, weak: !saved[key] && WEAK.has(key) };
  });
  const out: Array<string | null> = headers.map(() => null);
  // Specific names first ("Job Title" before Outlook's "Title", which is a name prefix there).
  for (const pass of [false, true]) {
    candidates.forEach((c, i) => {
      if (c.weak !== pass || !c.target) return;
      let target: string | null = c.target;
      if (used.has(target)) {
        // A second email or phone column: the next contact's.
        const m = /^(client|contact(\d))\.(email|phone)$/.exec(target);
        target = m ? ([1, 2, 3].map((n) => `contact${n}.${m[3]}`).find((t) => !used.has(t)) ?? null) : null;
      }
      if (target) used.add(target);
      out[i] = target;
    });
  }
  return out;
}

/**
 * A date as people write it: 2026.11.30., 2026-11-30, 30.11.2026, 30/11/2026, 30-11-2026 (day
 * first; an American 11/30/2026 is read as such only when the day cannot be the first number), or
 * an Excel serial day number. Returns YYYY-MM-DD or null.
 */
export function parseDate(text: string): string | null {
  const s = text.trim().replace(/\.$/, '');
  let y: number, m: number, d: number;
  let r: RegExpExecArray | null;
  if ((r = /^(\d{4})[.\-/ ]\s*(\d{1,2})[.\-/ ]\s*(\d{1,2})(?:[T ].*)?$/.exec(s))) [y, m, d] = [+r[1], +r[2], +r[3]];
  else if ((r = /^(\d{1,2})[.\-/]\s*(\d{1,2})[.\-/]\s*(\d{4})(?: .*)?$/.exec(s))) {
    [d, m, y] = [+r[1], +r[2], +r[3]];
    if (m > 12 && d <= 12) [d, m] = [m, d];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Import counts as the result shows them. */
export interface ImportCounts {
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
}
