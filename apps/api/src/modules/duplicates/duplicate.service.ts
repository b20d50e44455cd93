import { FREE_MAIL_DOMAINS, isFreeMailDomain } from '@crm/db';
import { DataSource, EntityManager } from 'typeorm';
import { badInput } from '../../graphql/errors';
import { visibleClient } from '../access/guard';
import { cancelForTrash, clientVisibility } from '@crm/db';
import { SqlParams } from '@crm/db';
import type { Viewer } from '@crm/db';
import { AuditRecord, recordAudit } from '../audit/audit';
import type { ClientService } from '../clients/client.service';
import type { ClientDetail, ClientRow } from '../clients/client.types';
import { DuplicateGroup, DuplicateProbeInput, DuplicateReason, MergeClientsInput } from './duplicate.types';

/** The normalised keys of visible clients: emails (clients' and contacts'), phones, tax ids, company domains. */
function keysSql(viewer: Viewer, p: SqlParams): string {
  const visible = clientVisibility(viewer, p);
  const free = p.param(FREE_MAIL_DOMAINS);
  return `
    SELECT cl.id AS client_id, 'EMAIL' AS reason, lower(trim(e)) AS value FROM clients cl, unnest(cl.emails) e WHERE ${visible}
    UNION SELECT cl.id, 'EMAIL', lower(trim(e)) FROM clients cl JOIN contacts ct ON ct.client_id = cl.id AND ct.deleted_at IS NULL, unnest(ct.emails) e WHERE ${visible}
    UNION SELECT cl.id, 'PHONE', normalize_phone(ph) FROM clients cl, unnest(cl.phones) ph WHERE ${visible} AND length(normalize_phone(ph)) >= 7
    UNION SELECT cl.id, 'TAX_ID', regexp_replace(upper(cl.tax_id), '[^0-9A-Z]', '', 'g') FROM clients cl WHERE ${visible} AND cl.tax_id IS NOT NULL
    UNION SELECT cl.id, 'DOMAIN', lower(cl.domain) FROM clients cl WHERE ${visible} AND cl.domain IS NOT NULL AND lower(cl.domain) <> ALL(${free}::text[])`;
}

/** Finds clients that are probably the same, and merges them into one. */
export class DuplicateService {
  constructor(
    private readonly ds: DataSource,
    private readonly clients: ClientService,
    /** Told after cards change (null: any pipeline), so automations can enrol or release them. */
    private readonly onCardsChanged: (pipelineId: string | null) => Promise<void> = async () => undefined,
  ) {}

  async groups(viewer: Viewer, limit: number): Promise<DuplicateGroup[]> {
    const p = new SqlParams();
    const rows: Array<{ reason: DuplicateReason; value: string; ids: string[] }> = await this.ds.query(
      `SELECT reason, value, array_agg(DISTINCT client_id) AS ids FROM (${keysSql(viewer, p)}) k
       WHERE value <> '' GROUP BY reason, value HAVING count(DISTINCT client_id) > 1
       ORDER BY count(DISTINCT client_id) DESC, reason, value LIMIT ${p.param(limit)}`,
      p.values,
    );
    const clients = await this.clients.byIds(viewer, [...new Set(rows.flatMap((r) => r.ids))]);
    const byId = new Map(clients.map((c) => [c.id, c]));
    return rows.map((r) => ({ reason: r.reason, value: r.value, clients: r.ids.map((id) => byId.get(id)).filter((c): c is ClientRow => !!c) }));
  }

  /** Existing clients with this email, tax id, domain or phone (warned about when creating one). */
  async probe(viewer: Viewer, input: DuplicateProbeInput): Promise<ClientRow[]> {
    const p = new SqlParams();
    const wanted: string[] = [];
    const email = input.email?.trim().toLowerCase();
    if (email) {
      wanted.push(`(reason = 'EMAIL' AND value = ${p.param(email)})`);
      const domain = email.split('@')[1];
      if (!isFreeMailDomain(domain)) wanted.push(`(reason = 'DOMAIN' AND value = ${p.param(domain)})`);
    }
    if (input.domain?.trim()) wanted.push(`(reason = 'DOMAIN' AND value = ${p.param(input.domain.trim().toLowerCase())})`);
    if (input.taxId?.trim()) wanted.push(`(reason = 'TAX_ID' AND value = regexp_replace(upper(${p.param(input.taxId)}), '[^0-9A-Z]', '', 'g'))`);
    if (input.phone?.trim()) wanted.push(`(reason = 'PHONE' AND value = normalize_phone(${p.param(input.phone)}))`);
    if (!wanted.length) return [];
    const rows: Array<{ client_id: string }> = await this.ds.query(`SELECT DISTINCT client_id FROM (${keysSql(viewer, p)}) k WHERE ${wanted.join(' OR ')} LIMIT 20`, p.values);
    return this.clients.byIds(viewer, rows.map((r) => r.client_id));
  }

  /**
   * Merges clients into the primary in one transaction: their cards (folded into the primary's card
   * in a pipeline where it has one), contacts, todos, notes, deals, documents, mail in and out,
   * automation enrolments, labels and history move to it; the merged clients go to the trash; the
   * merge is recorded in History.
   */
  async merge(viewer: Viewer, input: MergeClientsInput): Promise<ClientDetail> {
    const others = [...new Set(input.otherIds)].filter((id) => id !== input.primaryId);
    if (!others.length) throw badInput('Pick at least one other client to merge.');
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
    await cancelForTrash(em, [fromCardId], null, new Date());
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
