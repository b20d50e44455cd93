import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { emlFile } from '../mail/deliver';
import { decompressRaw } from '../mail/inbound-parse';
import type { FileStorage } from '../storage/storage';
import { bytesMention, readAll } from './scan';
import { jsonTerms, jsPattern, loadPerson, PrivacyError, sqlPattern, termsOf, type Person, type PersonalDataSubject } from './subject';

/** Where files that may hold the person live besides the database. */
export interface PrivacyStores {
  files: FileStorage;
  /** The folder of sent mail as .eml files (no SMTP server configured); null when mail goes by SMTP. */
  mailDir?: string | null;
}

/** What an erased string is replaced with inside text that is kept (another client's History, a webhook log). */
export const ERASED = '***';

/**
 * The one-way key a suppression keeps for an erased address: the opt-out still holds if the address
 * comes back (suppression_key(address) in SQL gives the same), and the address itself is gone.
 */
export function suppressionKey(email: string): string {
  return `sha256:${createHash('sha256').update(email.trim().toLowerCase(), 'utf8').digest('hex')}`;
}

/** Tables whose rows are other people (staff, other clients): never rewritten by the text scrub. */
const NOT_SCRUBBED = new Set(['users', 'sessions', 'clients', 'contacts', 'migrations', 'typeorm_metadata', 'suppressions', 'api_keys', 'webhooks']);
/**
 * Configuration (pipelines, labels, templates, automations, settings): an address or a phone is
 * scrubbed there too, but a name is not, as it would match ordinary words ("Offer", "Nova").
 */
const CONFIGURATION = new Set(['pipelines', 'statuses', 'custom_fields', 'categories', 'classifications', 'departments', 'tags', 'email_templates', 'todo_templates', 'automations', 'automation_steps', 'organisation_settings', 'app_settings', 'mail_accounts', 'import_mappings']);
/** Columns that are keys the application made (never personal data; rewriting could break a lookup). */
const KEY_COLUMNS = new Set(['outbox_mails.idempotency_key', 'outbox_mails.message_id', 'inbound_mails.dedupe_key', 'inbound_mails.content_hash', 'documents.storage_key', 'documents.public_token', 'imports.file_key', 'todos.idempotency_key']);

export interface ErasureResult {
  /** Files removed after the commit: documents, .eml files, exports and import uploads that mentioned the person. */
  filesDeleted: number;
  /** Rows rewritten by the text scrub (History of other cards, logs, job payloads...). */
  rowsScrubbed: number;
}

/**
 * Erases a person (PRODUCT: a person's data erased on request). In one transaction: the client (or
 * contact) rows and everything hanging off them go (cards, todos, notes, deals, documents, mail in
 * and out, consents, campaign recipients, History, automation runs, webhook events about them);
 * their addresses leave the Unsorted list; a suppression keeps only a one-way hash of the address;
 * every other text column of every table (other cards' History, webhook delivery logs, job payloads,
 * import rejects, saved filters) has the person's name, addresses and phones replaced, and stored
 * mail sources that mention them are dropped. The erasure is recorded in the audit log with the
 * subject's id and the actor, nothing else. After the commit, the files go: the documents, sent
 * mail .eml files, and exports and import uploads that mention the person.
 *
 * `confirmName` must equal the subject's name (trimmed, case-insensitive): NAME_MISMATCH otherwise.
 */
export async function erasePersonalData(ds: DataSource, subject: PersonalDataSubject, actorId: string | null, stores: PrivacyStores, confirmName?: string): Promise<ErasureResult> {
  const plan = await ds.transaction(async (em) => {
    const subjectRows = await loadPerson(em, subject, true);
    if (confirmName !== undefined && confirmName.trim().toLowerCase() !== subjectRows.name.trim().toLowerCase()) throw new PrivacyError('NAME_MISMATCH');
    const files: string[] = [];
    const mails: string[] = [];

    // The rows that are the person's, with what hangs off them.
    if (subject.kind === 'client') await eraseClientRows(em, subjectRows, files, mails);
    else await eraseContactRows(em, subjectRows, files, mails);
    // What another client or contact still has (a shared address, a switchboard number, a namesake)
    // is theirs too: it stays, with their opt-outs, consents and History.
    const person = await withoutStillHeld(em, subjectRows);
    const terms = termsOf(person);
    const pattern = sqlPattern(terms);
    await eraseAddressRows(em, person);

    let rowsScrubbed = 0;
    if (pattern) {
      // Sent mail elsewhere that names them: its .eml copy goes too (the row is scrubbed below).
      mails.push(...(await em.query(`SELECT message_id FROM outbox_mails WHERE array_to_string(to_addresses, ' ') || ' ' || subject || ' ' || text || ' ' || html ~* $1`, [pattern])).map((m: { message_id: string }) => m.message_id));
      // Mail still to go to them from elsewhere is not sent to a scrubbed address.
      await em.query(
        `UPDATE outbox_mails SET status = 'CANCELLED', last_error = 'The recipient was erased.', updated_at = now()
         WHERE status IN ('QUEUED', 'HELD') AND EXISTS (SELECT 1 FROM unnest(to_addresses) a WHERE lower(a) = ANY($1::text[]))`,
        [person.emails],
      );
      rowsScrubbed += await dropRawSources(em, terms);
      rowsScrubbed += await scrubText(em, [...person.emails, ...person.phones], () => true);
      rowsScrubbed += await scrubText(em, person.names, (table) => !CONFIGURATION.has(table), true);
    }
    await em.query(`INSERT INTO audit_log (actor_id, action, entity, entity_id, client_id, card_id, changes, names) VALUES ($1, 'erase', $2, $3, NULL, NULL, '{}', '{}')`, [actorId, subject.kind, subject.id]);

    // Files written by exports and imports, checked after the commit.
    const stored: string[] = (
      await em.query(
        `SELECT result ->> 'key' AS key FROM background_jobs WHERE result ? 'key'
         UNION SELECT file_key FROM imports`,
      )
    ).map((r: { key: string }) => r.key);
    return { files, mails, stored, terms, rowsScrubbed };
  });

  // After the commit (a rollback must keep the bytes); a missing file is no error.
  let filesDeleted = 0;
  for (const key of plan.files) {
    await stores.files.delete(key);
    filesDeleted++;
  }
  const pattern = jsPattern(plan.terms);
  if (stores.mailDir) {
    for (const messageId of plan.mails) {
      await rm(emlFile(stores.mailDir, messageId), { force: true });
      filesDeleted++;
    }
    // And any other .eml that names them (mail of rows purged earlier).
    if (pattern) filesDeleted += await dropMentioningFiles(stores.mailDir, pattern);
  }
  if (pattern) {
    for (const key of plan.stored) {
      let bytes: Buffer;
      try {
        bytes = await readAll(await stores.files.get(key));
      } catch {
        continue; // already gone
      }
      if (await bytesMention(bytes, pattern)) {
        await stores.files.delete(key);
        filesDeleted++;
      }
    }
  }
  return { filesDeleted, rowsScrubbed: plan.rowsScrubbed };
}

async function eraseClientRows(em: EntityManager, p: Person, files: string[], mails: string[]): Promise<void> {
  const id = p.clientId;
  const cardIds: string[] = (await em.query(`SELECT id FROM cards WHERE client_id = $1`, [id])).map((c: { id: string }) => c.id);
  files.push(...(await em.query(`SELECT storage_key FROM documents WHERE client_id = $1`, [id])).map((d: { storage_key: string }) => d.storage_key));
  mails.push(...(await em.query(`SELECT message_id FROM outbox_mails WHERE client_id = $1 OR card_id = ANY($2::uuid[])`, [id, cardIds])).map((m: { message_id: string }) => m.message_id));
  const entityIds = [id, ...cardIds, ...p.contactIds];
  await em.query(`DELETE FROM automation_runs WHERE card_id = ANY($1::uuid[])`, [cardIds]);
  await em.query(`DELETE FROM automation_enrolments WHERE card_id = ANY($1::uuid[])`, [cardIds]);
  await em.query(`DELETE FROM mass_update_cards WHERE client_id = $1`, [id]);
  await em.query(`DELETE FROM card_status_changes WHERE card_id = ANY($1::uuid[])`, [cardIds]);
  await em.query(`DELETE FROM audit_log WHERE client_id = $1 OR card_id = ANY($2::uuid[]) OR entity_id = ANY($3::uuid[])`, [id, cardIds, entityIds]);
  await em.query(`DELETE FROM webhook_deliveries WHERE event_id IN (SELECT id FROM integration_events WHERE entity_id = ANY($1::uuid[]))`, [entityIds]);
  await em.query(`DELETE FROM integration_events WHERE entity_id = ANY($1::uuid[])`, [entityIds]);
  // An import's record of the client: what undo would restore is their data.
  await em.query(`UPDATE import_rows SET client_id = NULL, card_id = NULL, contact_ids = NULL, previous = NULL, fields = NULL WHERE client_id = $1`, [id]);
  // Contacts, cards (todos), notes, deals, documents, folders, mail in and out, campaign recipients,
  // consents and list memberships go with the client by foreign key.
  await em.query(`DELETE FROM clients WHERE id = $1`, [id]);
}

async function eraseContactRows(em: EntityManager, p: Person, files: string[], mails: string[]): Promise<void> {
  const id = p.subject.id;
  // Their own mail (routed to them, or from their address to this client) and the documents its attachments became.
  const inbound: Array<{ id: string; document_ids: string[] }> = await em.query(
    `SELECT id, document_ids FROM inbound_mails WHERE contact_id = $1 OR (client_id = $2 AND lower(from_address) = ANY($3::text[]))`,
    [id, p.clientId, p.emails],
  );
  const documentIds = inbound.flatMap((m) => m.document_ids);
  files.push(...(await em.query(`SELECT storage_key FROM documents WHERE id = ANY($1::uuid[])`, [documentIds])).map((d: { storage_key: string }) => d.storage_key));
  await em.query(`DELETE FROM documents WHERE id = ANY($1::uuid[])`, [documentIds]);
  await em.query(`DELETE FROM audit_log WHERE (entity = 'email' AND entity_id = ANY($1::uuid[])) OR (entity = 'document' AND entity_id = ANY($2::uuid[])) OR (entity = 'contact' AND entity_id = $3)`, [inbound.map((m) => m.id), documentIds, id]);
  await em.query(`DELETE FROM inbound_mails WHERE id = ANY($1::uuid[])`, [inbound.map((m) => m.id)]);
  // Mail sent to them only.
  const outbox: Array<{ id: string; message_id: string }> = await em.query(`SELECT id, message_id FROM outbox_mails WHERE cardinality(to_addresses) > 0 AND (SELECT bool_and(lower(a) = ANY($1::text[])) FROM unnest(to_addresses) a)`, [p.emails]);
  mails.push(...outbox.map((m) => m.message_id));
  await em.query(`DELETE FROM audit_log WHERE entity = 'email' AND entity_id = ANY($1::uuid[])`, [outbox.map((m) => m.id)]);
  await em.query(`DELETE FROM outbox_mails WHERE id = ANY($1::uuid[])`, [outbox.map((m) => m.id)]);
  await em.query(`DELETE FROM webhook_deliveries WHERE event_id IN (SELECT id FROM integration_events WHERE entity_id = $1)`, [id]);
  await em.query(`DELETE FROM integration_events WHERE entity_id = $1`, [id]);
  await em.query(`DELETE FROM campaign_recipients WHERE contact_id = $1`, [id]);
  // Consents go with the contact by foreign key.
  await em.query(`DELETE FROM contacts WHERE id = $1`, [id]);
}

/** The person's strings minus those another client or contact still holds. */
async function withoutStillHeld(em: EntityManager, p: Person): Promise<Person> {
  const [held] = await em.query(
    `SELECT
       ARRAY(SELECT e FROM unnest($1::text[]) e WHERE EXISTS (SELECT 1 FROM contacts c, unnest(c.emails) x WHERE lower(btrim(x)) = e)
                                                 OR EXISTS (SELECT 1 FROM clients c, unnest(c.emails) x WHERE lower(btrim(x)) = e)) AS emails,
       ARRAY(SELECT x FROM unnest($2::text[]) x WHERE EXISTS (SELECT 1 FROM contacts c WHERE x = ANY(c.phones))
                                                 OR EXISTS (SELECT 1 FROM clients c WHERE x = ANY(c.phones) OR x = ANY(c.phone_keys))) AS phones,
       ARRAY(SELECT n FROM unnest($3::text[]) n WHERE EXISTS (SELECT 1 FROM contacts c WHERE lower(btrim(c.name)) = lower(n))
                                                 OR EXISTS (SELECT 1 FROM clients c WHERE lower(btrim(c.name)) = lower(n))) AS names`,
    [p.emails, p.phones, p.names],
  );
  const keep = (values: string[], taken: string[]) => values.filter((v) => !taken.includes(v));
  return { ...p, emails: keep(p.emails, held.emails), phones: keep(p.phones, held.phones), names: keep(p.names, held.names) };
}

/** Rows keyed by the person's addresses, wherever they hang. */
async function eraseAddressRows(em: EntityManager, p: Person): Promise<void> {
  if (!p.emails.length) return;
  await em.query(`DELETE FROM unsorted_contacts WHERE lower(email) = ANY($1::text[])`, [p.emails]);
  await em.query(`DELETE FROM campaign_recipients WHERE lower(email) = ANY($1::text[])`, [p.emails]);
  await em.query(`DELETE FROM contact_consents WHERE lower(email) = ANY($1::text[])`, [p.emails]);
  // Mail from them that nobody filed (Unsorted, bounces and auto-replies of theirs).
  await em.query(`DELETE FROM inbound_mails WHERE client_id IS NULL AND lower(from_address) = ANY($1::text[])`, [p.emails]);
  // An opt-out must outlive the erasure: the address is replaced by its one-way key.
  for (const email of p.emails) {
    await em.query(
      `INSERT INTO suppressions (email, reason, scope, source, campaign_id, created_at)
         SELECT $2, reason, scope, 'erasure', NULL, created_at FROM suppressions WHERE lower(email) = $1
       ON CONFLICT (email) DO NOTHING`,
      [email, suppressionKey(email)],
    );
    await em.query(`DELETE FROM suppressions WHERE lower(email) = $1`, [email]);
  }
}

/** Stored mail sources (gzip) that mention the person lose the source; the parsed columns are scrubbed. */
async function dropRawSources(em: EntityManager, terms: string[]): Promise<number> {
  const pattern = jsPattern(terms)!;
  let dropped = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: Array<{ id: string; raw: Buffer }> = await em.query(`SELECT id, raw FROM inbound_mails WHERE raw IS NOT NULL AND id > $1 ORDER BY id LIMIT 200`, [after]);
    if (!rows.length) return dropped;
    after = rows[rows.length - 1].id;
    const hits: string[] = [];
    for (const r of rows) {
      let text: Buffer;
      try {
        text = decompressRaw(r.raw);
      } catch {
        text = r.raw;
      }
      if (await bytesMention(text, pattern)) hits.push(r.id);
    }
    if (hits.length) await em.query(`UPDATE inbound_mails SET raw = NULL WHERE id = ANY($1::uuid[])`, [hits]);
    dropped += hits.length;
  }
}

/**
 * Replaces the person's strings in every text, JSON and text-array column of every table but those of
 * other people (NOT_SCRUBBED) and the application's own keys: other cards' History, webhook payloads
 * and delivery logs, background job payloads and results, import rejects, saved filters, mail kept
 * under other clients.
 */
async function scrubText(em: EntityManager, terms: string[], tables: (table: string) => boolean, words = false): Promise<number> {
  if (!terms.length) return 0;
  // Names as whole words: "Ann" leaves "Annual" alone.
  const bounded = (pattern: string) => (words ? `(?<![[:alnum:]])(${pattern})(?![[:alnum:]])` : pattern);
  const text = bounded(sqlPattern(terms)!);
  const json = bounded(sqlPattern(jsonTerms(terms))!);
  const columns: Array<{ table: string; column: string; type: string; udt: string }> = await em.query(
    `SELECT c.table_name AS table, c.column_name AS column, c.data_type AS type, c.udt_name AS udt
     FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
       AND (c.data_type IN ('text', 'character varying', 'json', 'jsonb') OR c.udt_name IN ('_text', '_varchar'))
       AND c.is_generated = 'NEVER'
     ORDER BY c.table_name, c.ordinal_position`,
  );
  let rows = 0;
  for (const { table, column, type, udt } of columns) {
    if (NOT_SCRUBBED.has(table) || KEY_COLUMNS.has(`${table}.${column}`) || !tables(table)) continue;
    const t = `"${table}"`;
    const c = `"${column}"`;
    let sql: string;
    let pattern = text;
    if (type === 'json' || type === 'jsonb') {
      pattern = json;
      sql = `UPDATE ${t} SET ${c} = regexp_replace(${c}::text, $1, '${ERASED}', 'gi')::${type} WHERE ${c}::text ~* $1`;
    } else if (udt === '_text' || udt === '_varchar') {
      sql = `UPDATE ${t} SET ${c} = ARRAY(SELECT regexp_replace(x, $1, '${ERASED}', 'gi') FROM unnest(${c}) WITH ORDINALITY u(x, i) ORDER BY i)::${udt.slice(1)}[] WHERE array_to_string(${c}, chr(1)) ~* $1`;
    } else {
      sql = `UPDATE ${t} SET ${c} = regexp_replace(${c}, $1, '${ERASED}', 'gi') WHERE ${c} ~* $1`;
    }
    const [, count] = await em.query(sql, [pattern]);
    rows += Number(count) || 0;
  }
  return rows;
}

/** Deletes the files directly in `dir` that mention the pattern. */
async function dropMentioningFiles(dir: string, pattern: RegExp): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let n = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      continue; // a folder, or gone
    }
    if (await bytesMention(bytes, pattern)) {
      await rm(file, { force: true });
      n++;
    }
  }
  return n;
}
