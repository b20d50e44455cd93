import { suppress } from '@crm/db';
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { badFields, notFound } from '../../graphql/errors';
import type { PageInput } from '../cards/card.types';
import { recordAudit } from '../audit/audit';
import type { AddSuppressionInput, RemoveSuppressionInput, SuppressionPage, SuppressionType } from './campaign.types';

/** The audit log's id for one address (its rows have no id of their own): a name-based UUID. */
export function suppressionAuditId(email: string): string {
  const h = createHash('sha256').update(`suppression:${email}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The suppression list (addresses no campaign may mail): read, searched and paged; an address
 * added by hand; one taken off again. Lifting an unsubscribe needs a reason, since the person
 * asked for it; every change is in the audit log.
 */
export class SuppressionService {
  constructor(private readonly ds: DataSource) {}

  async page(search: string | null | undefined, page: PageInput): Promise<SuppressionPage> {
    const text = search?.trim().toLowerCase() || null;
    const where = `($1::text IS NULL OR s.email LIKE $1)`;
    const params = [text ? like(text) : null];
    const [rows, [{ total }]] = await Promise.all([
      this.ds.query(
        `SELECT s.email, s.reason, s.scope, s.source, s.created_at, c.name AS campaign_name, u.name AS created_by_name
         FROM suppressions s LEFT JOIN campaigns c ON c.id = s.campaign_id LEFT JOIN users u ON u.id = s.created_by_id
         WHERE ${where} ORDER BY s.created_at DESC, s.email LIMIT $2 OFFSET $3`,
        [...params, page.limit, page.offset],
      ),
      this.ds.query(`SELECT count(*)::int AS total FROM suppressions s WHERE ${where}`, params),
    ]);
    return { total, items: rows.map(toType) };
  }

  /** Suppresses an address by hand (reason MANUAL); an address already on the list keeps its entry. */
  async add(actorId: string, input: AddSuppressionInput): Promise<SuppressionType> {
    const email = input.email.trim().toLowerCase();
    const note = input.note?.trim() || 'manual';
    await this.ds.transaction(async (em) => {
      const [before] = await em.query(`SELECT 1 FROM suppressions WHERE email = $1`, [email]);
      if (before) return;
      await suppress(em, { email, reason: 'MANUAL', source: note });
      await em.query(`UPDATE suppressions SET created_by_id = $2 WHERE email = $1`, [email, actorId]);
      await recordAudit(em, [{ actorId, action: 'suppress', entity: 'suppression', entityId: suppressionAuditId(email), changes: { email: [null, email], source: [null, note] } }]);
    });
    return this.get(email);
  }

  /** Takes an address off the list: campaigns may mail it again. An unsubscribe is lifted only with a reason. */
  async remove(actorId: string, input: RemoveSuppressionInput): Promise<boolean> {
    const email = input.email.trim().toLowerCase();
    const reason = input.reason?.trim() || null;
    await this.ds.transaction(async (em) => {
      const [row] = await em.query(`SELECT reason, scope, source FROM suppressions WHERE email = $1 FOR UPDATE`, [email]);
      if (!row) throw notFound('Suppression');
      if (row.reason === 'UNSUBSCRIBED' && !reason) {
        throw badFields('Give a reason to lift an unsubscribe.', { reason: { code: 'UNSUBSCRIBE_REASON_REQUIRED', text: 'The person unsubscribed: say why they may be mailed again.' } });
      }
      await em.query(`DELETE FROM suppressions WHERE email = $1`, [email]);
      await recordAudit(em, [
        {
          actorId,
          action: 'unsuppress',
          entity: 'suppression',
          entityId: suppressionAuditId(email),
          changes: { email: [email, null], reason: [row.reason, null], ...(reason ? { note: [null, reason] } : {}) },
        },
      ]);
    });
    return true;
  }

  private async get(email: string): Promise<SuppressionType> {
    const [row] = await this.ds.query(
      `SELECT s.email, s.reason, s.scope, s.source, s.created_at, c.name AS campaign_name, u.name AS created_by_name
       FROM suppressions s LEFT JOIN campaigns c ON c.id = s.campaign_id LEFT JOIN users u ON u.id = s.created_by_id WHERE s.email = $1`,
      [email],
    );
    if (!row) throw notFound('Suppression');
    return toType(row);
  }
}

function toType(r: Record<string, any>): SuppressionType {
  return { email: r.email, reason: r.reason, scope: r.scope, source: r.source, campaignName: r.campaign_name, createdByName: r.created_by_name, createdAt: r.created_at };
}
