import { clientVisibility } from '../access/scope';
import type { Viewer } from '../access/viewer';
import { customValueSql, type CustomValueCondition, type SqlParams } from '../sql/card-filter';
import { clientListWhere, type ClientListFilter } from '../sql/card-list';

/**
 * A dynamic list's saved filter: the client list's filter, plus the client's cards: their
 * pipelines, statuses and custom field values (one card must meet all of these).
 */
export interface ListFilter extends ClientListFilter {
  pipelineIds?: string[];
  statusIds?: string[];
  custom?: CustomValueCondition[];
}

export interface ListRule {
  id: string;
  kind: string;
  filter: ListFilter | null;
}

/**
 * The clients of a list as the viewer may see them, as SQL over the client alias `cl`: a static
 * list's members, or whoever a dynamic list's filter matches now. Trashed clients never match.
 */
export function listClientsWhere(viewer: Viewer, list: ListRule, p: SqlParams): string {
  if (list.kind === 'STATIC') {
    return `EXISTS (SELECT 1 FROM distribution_list_members lm WHERE lm.list_id = ${p.param(list.id)} AND lm.client_id = cl.id) AND ${clientVisibility(viewer, p)}`;
  }
  const filter = list.filter ?? {};
  const where = [clientListWhere(viewer, filter, p)];
  if (filter.pipelineIds?.length || filter.statusIds?.length || filter.custom?.length) {
    const cond = [`lc.client_id = cl.id`, `lc.deleted_at IS NULL`];
    if (filter.pipelineIds?.length) cond.push(`lc.pipeline_id = ANY(${p.param(filter.pipelineIds)}::uuid[])`);
    if (filter.statusIds?.length) cond.push(`lc.status_id = ANY(${p.param(filter.statusIds)}::uuid[])`);
    for (const f of filter.custom ?? []) cond.push(...customValueSql('lc', f, p));
    where.push(`EXISTS (SELECT 1 FROM cards lc WHERE ${cond.join(' AND ')})`);
  }
  return where.join(' AND ');
}

export interface AudienceRule extends ListRule {
  recipients: string;
  role: string | null;
}

/**
 * The email addresses of a list, one row per address (the first client in name order keeps a
 * shared address): client, contact (null when the client's own address is used), address, domain
 * and, when the address is suppressed, why. PRIMARY takes each client's primary contact (else its
 * first contact with an address, else the client's own address); ALL every contact with an
 * address (else the client's); ROLE the contacts whose title contains the role.
 */
export function emailAudienceSql(viewer: Viewer, list: AudienceRule, p: SqlParams): string {
  const role = list.recipients === 'ROLE' ? `AND ct.title ILIKE ${p.param(`%${(list.role ?? '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}` : '';
  const primary = list.recipients === 'PRIMARY';
  const fallback = list.recipients === 'ROLE' ? 'e.contact_id IS NOT NULL' : `coalesce(e.email, cl.emails[1]) IS NOT NULL`;
  // The clients' contacts by a join, which the planner makes a hash join for a large list (a
  // lookup per client took most of a 100,000-recipient campaign's choice); for the primary contact
  // alone, the first per client by the primary flag, name and id.
  return `SELECT DISTINCT ON (a.email) a.client_id, a.contact_id, a.email, a.domain, a.client_name, s.reason AS suppressed
    FROM (
      SELECT ${primary ? 'DISTINCT ON (cl.id) ' : ''}cl.id AS client_id, cl.name AS client_name, e.contact_id, lower(btrim(coalesce(e.email, cl.emails[1]))) AS email,
             split_part(lower(btrim(coalesce(e.email, cl.emails[1]))), '@', 2) AS domain
      FROM clients cl
      LEFT JOIN (
        SELECT ct.client_id, ct.id AS contact_id, ct.emails[1] AS email, ct.is_primary, ct.name FROM contacts ct
        WHERE ct.deleted_at IS NULL AND cardinality(ct.emails) > 0 ${role}
      ) e ON e.client_id = cl.id
      WHERE ${listClientsWhere(viewer, list, p)} AND ${fallback}
      ${primary ? 'ORDER BY cl.id, e.is_primary DESC NULLS LAST, e.name, e.contact_id' : ''}
    ) a
    LEFT JOIN suppressions s ON s.email = a.email
    WHERE a.email LIKE '%_@_%'
    ORDER BY a.email, a.client_name, a.client_id, a.contact_id`;
}
