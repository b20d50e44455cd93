import { isFreeMailDomain, phoneKeySql } from '@crm/db';
import { DataSource, EntityManager } from 'typeorm';
import { refused } from '../../graphql/errors';
import { visibleClient } from '../access/guard';
import { cancelForTrash, clientVisibility, duplicateKeysSql } from '@crm/db';
import { SqlParams } from '@crm/db';
import type { Viewer } from '@crm/db';
import { AuditRecord, recordAudit } from '../audit/audit';
import type { ClientService } from '../clients/client.service';
import type { ClientDetail, ClientRow } from '../clients/client.types';
import { DuplicateGroup, DuplicateProbeInput, DuplicateReason, MergeClientsInput } from './duplicate.types';

const keysSql = duplicateKeysSql;

/** Key groups that share a client become one group (union-find over the clients), in the order first seen. */
export function mergeOverlapping(rows: Array<{ reason: DuplicateReason; value: string; ids: string[] }>) {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    const up = parent.get(id) ?? id;
    if (up === id) return id;
    const root = find(up);
    parent.set(id, root);
    return root;
  };
  for (const row of rows) for (const id of row.ids.slice(1)) parent.set(find(id), find(row.ids[0]));
  const groups = new Map<string, { matches: Array<{ reason: DuplicateReason; value: string }>; ids: Set<string> }>();
  for (const row of rows) {
    const root = find(row.ids[0]);
    const group = groups.get(root) ?? { matches: [], ids: new Set<string>() };
    group.matches.push({ reason: row.reason, value: row.value });
    for (const id of row.ids) group.ids.add(id);
    groups.set(root, group);
  }
  return [...groups.values()].map((g) => ({ matches: g.matches, ids: [...g.ids] }));
}

/** Finds clients that are probably the same, and merges them into one. */
export class DuplicateService {
  constructor(
    private readonly ds: DataSource,
    private readonly clients: ClientService,
    /** Told after cards change (null: any pipeline), so automations can enrol or release them. */
    private readonly onCardsChanged: (pipelineId: string | null) => Promise<void> = async () => undefined,
  ) {}

  /**
   * Groups of clients that are probably the same. Clients that share any key (an email here, a
   * domain there) are one group, listed once with every value they share.
   */
  async groups(viewer: Viewer, limit: number): Promise<DuplicateGroup[]> {
    const p = new SqlParams();
    const rows: Array<{ reason: DuplicateReason; value: string; ids: string[] }> = await this.ds.query(
      `SELECT reason, value, array_agg(DISTINCT client_id) AS ids FROM (${keysSql(viewer, p)}) k
       WHERE value <> '' GROUP BY reason, value HAVING count(DISTINCT client_id) > 1
       ORDER BY count(DISTINCT client_id) DESC, reason, value LIMIT ${p.param(limit * 4)}`,
      p.values,
    );
    const merged = mergeOverlapping(rows).slice(0, limit);
    const clients = await this.clients.byIds(viewer, [...new Set(merged.flatMap((g) => g.ids))]);
    const byId = new Map(clients.map((c) => [c.id, c]));
    return merged.map((g) => ({
      reason: g.matches[0].reason,
      value: g.matches[0].value,
      matches: g.matches,
      clients: g.ids.map((id) => byId.get(id)).filter((c): c is ClientRow => !!c).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
    }));
  }

  /**
   * Existing clients with this email, tax id, domain or phone (warned about while typing): the same
   * keys as the groups above, each looked up through its own index (migration LookupIndexes).
   */
  async probe(viewer: Viewer, input: DuplicateProbeInput): Promise<ClientRow[]> {
    const p = new SqlParams();
    const lookups: string[] = [];
    const clientsWhere = (match: string) => `SELECT cl.id FROM clients cl WHERE ${match} AND ${clientVisibility(viewer, p)}`;
    const domains: string[] = [];
    const email = input.email?.trim().toLowerCase();
    if (email) {
      const e = p.param([email]);
      lookups.push(clientsWhere(`normalize_emails(cl.emails) @> ${e}::text[]`));
      lookups.push(`SELECT cl.id FROM contacts ct JOIN clients cl ON cl.id = ct.client_id WHERE ct.deleted_at IS NULL AND normalize_emails(ct.emails) @> ${e}::text[] AND ${clientVisibility(viewer, p)}`);
      domains.push(email.split('@')[1]);
    }
    if (input.domain?.trim()) domains.push(input.domain.trim().toLowerCase());
    for (const domain of new Set(domains.filter((d) => d && !isFreeMailDomain(d)))) {
      lookups.push(clientsWhere(`cl.domain IS NOT NULL AND lower(cl.domain) = ${p.param(domain)}`));
    }
    if (input.taxId?.trim()) lookups.push(clientsWhere(`cl.tax_id IS NOT NULL AND normalize_tax_id(cl.tax_id) = normalize_tax_id(${p.param(input.taxId)})`));
    if (input.phone?.trim()) lookups.push(clientsWhere(`cl.phone_keys @> ARRAY[${phoneKeySql(p.param(input.phone))}]`));
    if (!lookups.length) return [];
    const rows: Array<{ id: string }> = await this.ds.query(`SELECT DISTINCT id FROM (${lookups.join(' UNION ')}) k LIMIT 20`, p.values);
    return this.clients.byIds(viewer, rows.map((r) => r.id));
  }

  /**
   * Merges clients into the primary in one transaction: their cards (folded into the primary's card
   * in a pipeline where it has one), contacts, todos, notes, deals, documents, mail in and out,
   * automation enrolments, labels and history move to it; the merged clients go to the trash; the
   * merge is recorded in History.
   */
  async merge(viewer: Viewer, input: MergeClientsInput): Promise<ClientDetail> {
    const others = [...new Set(input.otherIds)].filter((id) => id !== input.primaryId);
    if (!others.length) throw refused('MERGE_NEEDS_OTHERS', 'Pick at least one other client to merge.');
    await this.ds.transaction(async (em) => {
      const primaryId = await visibleClient(em, viewer, input.primaryId);
      for (const id of others) await visibleClient(em, viewer, id);
      await em.query(`SELECT id FROM clients WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [[primaryId, ...others]]);
      for (const otherId of others) await this.mergeOne(em, viewer, primaryId, otherId);
    });
    await this.onCardsChanged(null);
    return this.clients.get(viewer, input.primaryId);
  }

  /**
   * A folded card's automation enrolments (with their runs) move to the card it folds into, unless
   * that card is already in the same automation; what stays behind ends with the folded card.
   */
  private async moveEnrolments(em: EntityManager, fromCardId: string, toCardId: string) {
    await em.query(
      `UPDATE automation_enrolments e SET card_id = $1 WHERE e.card_id = $2
         AND NOT EXISTS (SELECT 1 FROM automation_enrolments t WHERE t.automation_id = e.automation_id AND t.card_id = $1)`,
      [toCardId, fromCardId],
    );
    await em.query(`UPDATE automation_runs r SET card_id = $1 FROM automation_enrolments e WHERE e.id = r.enrolment_id AND e.card_id = $1 AND r.card_id = $2`, [toCardId, fromCardId]);
    await cancelForTrash(em, [fromCardId], [], new Date());
  }

  private async mergeOne(em: EntityManager, viewer: Viewer, primaryId: string, otherId: string) {
    const [primary] = await em.query(`SELECT * FROM clients WHERE id = $1`, [primaryId]);
    const [other] = await em.query(`SELECT * FROM clients WHERE id = $1`, [otherId]);

    // Cards: moved over, or folded into the primary's card of the same pipeline.
    const cards: Array<{ id: string; pipeline_id: string; custom_values: object }> = await em.query(`SELECT id, pipeline_id, custom_values FROM cards WHERE client_id = $1 AND deleted_at IS NULL`, [otherId]);
    const folded: string[] = [];
    for (const card of cards) {
      const [target] = await em.query(`SELECT id FROM cards WHERE client_id = $1 AND pipeline_id = $2 AND deleted_at IS NULL`, [primaryId, card.pipeline_id]);
      if (!target) {
        await em.query(`UPDATE cards SET client_id = $1, updated_at = now() WHERE id = $2`, [primaryId, card.id]);
        continue;
      }
      for (const table of ['todos', 'notes', 'deals', 'outbox_mails', 'audit_log']) await em.query(`UPDATE ${table} SET card_id = $1 WHERE card_id = $2`, [target.id, card.id]);
      await this.moveEnrolments(em, card.id, target.id);
      // The primary's values win; the other card fills the gaps.
      await em.query(`UPDATE cards SET custom_values = $1::jsonb || custom_values, updated_at = now() WHERE id = $2`, [card.custom_values, target.id]);
      await em.query(`UPDATE cards SET deleted_at = now(), updated_at = now() WHERE id = $1`, [card.id]);
      folded.push(card.id);
    }
    await em.query(`UPDATE contacts SET client_id = $1, is_primary = false WHERE client_id = $2`, [primaryId, otherId]);
    for (const table of ['notes', 'deals', 'documents', 'outbox_mails', 'inbound_mails', 'audit_log']) await em.query(`UPDATE ${table} SET client_id = $1 WHERE client_id = $2`, [primaryId, otherId]);
    await em.query(`INSERT INTO document_folders (client_id, pipeline_id, name) SELECT $1, pipeline_id, name FROM document_folders WHERE client_id = $2 ON CONFLICT DO NOTHING`, [primaryId, otherId]);
    for (const [table, column] of [['client_categories', 'category_id'], ['client_tags', 'tag_id']]) {
      await em.query(`INSERT INTO ${table} (client_id, ${column}) SELECT $1, ${column} FROM ${table} WHERE client_id = $2 ON CONFLICT DO NOTHING`, [primaryId, otherId]);
    }
    await em.query(
      `UPDATE clients SET
         emails = ARRAY(SELECT DISTINCT unnest(emails || $2::text[])), phones = ARRAY(SELECT DISTINCT unnest(phones || $3::text[])),
         address = coalesce(address, $4), tax_id = coalesce(tax_id, $5), website = coalesce(website, $6), domain = coalesce(domain, $7),
         owner_id = coalesce(owner_id, $8), department_id = coalesce(department_id, $9), classification_id = coalesce(classification_id, $10), updated_at = now()
       WHERE id = $1`,
      [primaryId, other.emails, other.phones, other.address, other.tax_id, other.website, other.domain, other.owner_id, other.department_id, other.classification_id],
    );
    await em.query(`UPDATE clients SET deleted_at = now() WHERE id = $1`, [otherId]);
    const liveCards: Array<{ id: string }> = await em.query(`SELECT id FROM cards WHERE client_id = $1 AND deleted_at IS NULL`, [primaryId]);
    await recordAudit(em, [
      { actorId: viewer.id, action: 'merge', entity: 'client', entityId: primaryId, clientId: primaryId, changes: { merged: [other.name, primary.name], mergedClientId: [otherId, primaryId], foldedCards: [folded, null] } },
      ...liveCards.map((c): AuditRecord => ({ actorId: viewer.id, action: 'merge', entity: 'card', entityId: c.id, clientId: primaryId, cardId: c.id, changes: { merged: [other.name, primary.name] } })),
    ]);
  }
}
