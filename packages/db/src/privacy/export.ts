/// <reference path="./archiver.d.ts" />
import archiver from 'archiver';
import type { Writable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import { decompressRaw } from '../mail/inbound-parse';
import type { FileStorage } from '../storage/storage';
import { jsonTerms, loadPerson, sqlPattern, termsOf, type Person, type PersonalDataSubject } from './subject';

/** Rows of logs that merely mention the person (webhook deliveries, import rows): at most this many of each. */
const LOG_LIMIT = 5000;

export interface PersonalDataArchive {
  /** A file name for the download: personal-data-<id>.zip */
  fileName: string;
  contentType: 'application/zip';
  /** Writes the archive; resolves with its size once written. */
  write(out: Writable): Promise<number>;
}

/**
 * Everything held about a person as one zip archive (GDPR access and portability): personal-data.json
 * with the client or contact, their contacts, cards with custom fields by label, todos, notes, deals,
 * History, mail in and out, documents, consents, campaign recipients, suppressions, Unsorted entries,
 * webhook events and deliveries and import rows that mention them; plus documents/<id>-<name> (the
 * files) and mails/<id>.eml (the stored source of each incoming mail, attachments included).
 */
export async function exportPersonalData(ds: DataSource, subject: PersonalDataSubject, storage: FileStorage): Promise<PersonalDataArchive> {
  const { data, documents, mails } = await ds.transaction('REPEATABLE READ', async (em) => collect(em, await loadPerson(em, subject)));
  return {
    fileName: `personal-data-${subject.kind}-${subject.id}.zip`,
    contentType: 'application/zip',
    async write(out) {
      const zip = archiver('zip', { zlib: { level: 6 } });
      const done = new Promise<void>((resolve, reject) => {
        zip.on('error', reject);
        out.on('error', reject);
        out.on('finish', () => resolve());
        out.on('close', () => resolve());
      });
      zip.pipe(out);
      const missing: string[] = [];
      zip.append(JSON.stringify({ ...data, missingFiles: missing }, null, 2), { name: 'personal-data.json' });
      for (const doc of documents) {
        try {
          zip.append(await storage.get(doc.storage_key), { name: `documents/${doc.id}-${safeName(doc.name)}` });
        } catch {
          missing.push(doc.id);
        }
      }
      for (const mail of mails) {
        const raw = await ds.query(`SELECT raw FROM inbound_mails WHERE id = $1`, [mail]);
        if (raw[0]?.raw) zip.append(decompressRaw(raw[0].raw), { name: `mails/${mail}.eml` });
      }
      await zip.finalize();
      await done;
      return zip.pointer();
    },
  };
}

const safeName = (name: string) => name.replace(/[\\/\x00-\x1f]/g, '_').slice(0, 150) || 'file';

async function collect(em: EntityManager, p: Person) {
  const q = (sql: string, params: unknown[]) => em.query(sql, params);
  const terms = termsOf(p);
  // Never matches (a letter before the start of the text) when there is nothing to search for.
  const P = sqlPattern(terms) ?? 'x^';
  const J = sqlPattern(jsonTerms(terms)) ?? 'x^';
  const isClient = p.subject.kind === 'client';
  const contactIds = p.contactIds;
  const ownCards = isClient ? `true` : `false`;

  const client = (await q(`SELECT id, type, name, emails, phones, address, tax_id, website, domain, created_at, updated_at, deleted_at FROM clients WHERE id = $1`, [p.clientId]))[0];
  const contacts = await q(`SELECT id, name, title, emails, phones, is_primary, created_at, deleted_at FROM contacts WHERE id = ANY($1::uuid[]) ORDER BY created_at`, [contactIds]);
  const cards = isClient
    ? await q(
        `SELECT k.id, p.name AS pipeline, s.name AS status, k.value, k.currency, k.expected_close_date, k.custom_values, k.created_at, k.updated_at, k.deleted_at
         FROM cards k JOIN pipelines p ON p.id = k.pipeline_id JOIN statuses s ON s.id = k.status_id WHERE k.client_id = $1 ORDER BY k.created_at`,
        [p.clientId],
      )
    : [];
  const fields: Array<{ id: string; label: string }> = await q(`SELECT id, label FROM custom_fields`, []);
  const label = new Map(fields.map((f) => [f.id, f.label]));
  for (const card of cards) {
    card.customFields = Object.fromEntries(Object.entries(card.custom_values ?? {}).map(([k, v]) => [label.get(k) ?? k, v]));
    delete card.custom_values;
  }
  const cardIds: string[] = cards.map((c: { id: string }) => c.id);
  // A contact's share of the client's records: what names them.
  const todos = await q(
    `SELECT t.id, t.card_id, t.title, t.text, t.deadline, t.done_at, t.created_at, t.deleted_at FROM todos t JOIN cards k ON k.id = t.card_id
     WHERE k.client_id = $1 AND (${ownCards} OR t.title || ' ' || coalesce(t.text, '') ~* $2) ORDER BY t.created_at`,
    [p.clientId, P],
  );
  const notes = await q(`SELECT id, card_id, body, created_at, updated_at, deleted_at FROM notes WHERE client_id = $1 AND (${ownCards} OR body ~* $2) ORDER BY created_at`, [p.clientId, P]);
  const deals = isClient ? await q(`SELECT id, card_id, title, amount, currency, date, state, created_at, deleted_at FROM deals WHERE client_id = $1 ORDER BY date`, [p.clientId]) : [];
  const history = await q(
    `SELECT id, at, action, entity, entity_id, card_id, changes, names FROM audit_log
     WHERE (${ownCards} AND (client_id = $1 OR card_id = ANY($2::uuid[]))) OR entity_id = ANY($3::uuid[]) OR changes::text || names::text ~* $4
     ORDER BY at, id`,
    [p.clientId, cardIds, contactIds, J],
  );
  const outbox = await q(
    `SELECT id, card_id, from_address, from_name, reply_to, to_addresses, subject, text, html, status, sent_at, created_at FROM outbox_mails
     WHERE (${ownCards} AND (client_id = $1 OR card_id = ANY($2::uuid[]))) OR array_to_string(to_addresses, ' ') ~* $3 ORDER BY created_at`,
    [p.clientId, cardIds, P],
  );
  const inbound = await q(
    `SELECT id, kind, message_id, from_address, from_name, to_addresses, subject, text, html, sent_at, received_at, attachments, document_ids FROM inbound_mails
     WHERE (${ownCards} AND client_id = $1) OR contact_id = ANY($2::uuid[]) OR lower(from_address) = ANY($3::text[]) ORDER BY received_at`,
    [p.clientId, contactIds, p.emails],
  );
  const mailDocumentIds = inbound.flatMap((m: { document_ids: string[] }) => m.document_ids);
  const documents = await q(
    `SELECT d.id, d.name, d.folder, d.mime_type, d.size, d.storage_key, d.created_at, d.deleted_at, p.name AS pipeline FROM documents d JOIN pipelines p ON p.id = d.pipeline_id
     WHERE (${ownCards} AND d.client_id = $1) OR d.id = ANY($2::uuid[]) ORDER BY d.created_at`,
    [p.clientId, mailDocumentIds],
  );
  const consents = await q(`SELECT contact_id, email, status, source, campaign_id, created_at FROM contact_consents WHERE contact_id = ANY($1::uuid[]) OR lower(email) = ANY($2::text[]) ORDER BY created_at`, [contactIds, p.emails]);
  const campaignRecipients = await q(
    `SELECT r.campaign_id, c.name AS campaign, r.email, r.state, r.skip_reason, r.released_at, r.bounce, r.bounced_at, r.unsubscribed_at, r.complained_at, r.replied_at, r.created_at
     FROM campaign_recipients r JOIN campaigns c ON c.id = r.campaign_id
     WHERE (${ownCards} AND r.client_id = $1) OR r.contact_id = ANY($2::uuid[]) OR lower(r.email) = ANY($3::text[]) ORDER BY r.created_at`,
    [p.clientId, contactIds, p.emails],
  );
  const suppressions = await q(`SELECT email, reason, scope, source, created_at FROM suppressions WHERE lower(email) = ANY($1::text[])`, [p.emails]);
  const unsorted = await q(`SELECT email, name, source, seen_count, last_seen_at, created_at FROM unsorted_contacts WHERE lower(email) = ANY($1::text[])`, [p.emails]);
  const events = await q(`SELECT id, type, entity, entity_id, data, at FROM integration_events WHERE entity_id = ANY($1::uuid[]) OR data::text ~* $2 ORDER BY id LIMIT ${LOG_LIMIT}`, [[p.subject.id, ...cardIds, ...contactIds], J]);
  const deliveries = await q(
    `SELECT d.id, w.url, d.event_type, d.request_body, d.state, d.attempts, d.response_code, d.created_at FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
     WHERE d.request_body ~* $1 OR d.event_id IN (SELECT id FROM integration_events WHERE entity_id = ANY($2::uuid[])) ORDER BY d.id LIMIT ${LOG_LIMIT}`,
    [J, [p.subject.id, ...cardIds, ...contactIds]],
  );
  const importRows = await q(
    `SELECT import_id, row_no, outcome, reason, fields FROM import_rows
     WHERE (${ownCards} AND client_id = $1) OR array_to_string(fields, ' ') ~* $2 OR coalesce(previous::text, '') ~* $3 ORDER BY import_id, row_no LIMIT ${LOG_LIMIT}`,
    [p.clientId, P, J],
  );

  const data = {
    exportedAt: new Date().toISOString(),
    subject: p.subject,
    client: isClient ? client : { id: client?.id, name: client?.name },
    contacts,
    cards,
    todos,
    notes,
    deals,
    history,
    mails: {
      sent: outbox,
      received: inbound.map(({ document_ids, ...m }: { id: string; document_ids: string[] }) => ({ ...m, documentIds: document_ids, source: `mails/${m.id}.eml` })),
    },
    documents: documents.map(({ storage_key, ...d }: { storage_key: string; id: string; name: string }) => ({ ...d, file: `documents/${d.id}-${safeName(d.name)}` })),
    consents,
    campaignRecipients,
    suppressions,
    unsortedContacts: unsorted,
    webhookEvents: events,
    webhookDeliveries: deliveries,
    importRows,
  };
  return { data, documents: documents as Array<{ id: string; name: string; storage_key: string }>, mails: inbound.map((m: { id: string }) => m.id) as string[] };
}
