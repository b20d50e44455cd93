import { CLIENT_LIST_FROM, clientListWhere, type CustomValueCondition, loadNameOrder, loadOrganisationLanguage, nameCollation, clientOrderSql, clientVisibility, listClientsWhere, SqlParams, type ListFilter, type Viewer } from '@crm/db';
import type { DataSource } from 'typeorm';
import { notFound, refused } from '../../graphql/errors';
import { recordAudit } from '../audit/audit';
import type { PageInput } from '../cards/card.types';
import { clientColumns, toClient } from '../clients/client.service';
import type { ClientList } from '../clients/client.types';
import type { AddListMembersInput, DistributionListInput, DistributionListType, ListCustomCondition, ListFilterInput } from './campaign.types';

const FILTER_KEYS = ['categoryIds', 'classificationIds', 'tagIds', 'departmentIds', 'ownerIds', 'pipelineIds', 'statusIds'] as const;

/** The filter as stored: only what is set (custom field conditions are checked by checkCustomConditions). */
export function cleanFilter(input: ListFilterInput | null | undefined, custom: CustomValueCondition[] = []): ListFilter {
  const out: ListFilter = {};
  if (!input) return out;
  if (input.text?.trim()) out.text = input.text.trim();
  if (input.type) out.type = input.type;
  for (const key of FILTER_KEYS) if (input[key]?.length) out[key] = [...new Set(input[key]!)];
  if (custom.length) out.custom = custom;
  return out;
}

const isDay = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const unset = (v: unknown) => v === undefined || v === null || v === '';

/**
 * Custom field conditions as stored, each checked against its field's kind: text, a choice (for a
 * multi-select: cards that have it), yes/no or a user equal to a value; a number or a date equal
 * to a value and/or from min to max. Anything else is refused with the field's label.
 */
export async function checkCustomConditions(ds: DataSource, conditions: ListCustomCondition[] | null | undefined): Promise<CustomValueCondition[]> {
  if (!conditions?.length) return [];
  const fields: Array<{ id: string; label: string; kind: string; options: string[] }> = await ds.query(`SELECT id, label, kind, options FROM custom_fields WHERE id = ANY($1::uuid[])`, [conditions.map((c) => c.fieldId)]);
  return conditions.map((c) => {
    const field = fields.find((f) => f.id === c.fieldId);
    if (!field) throw notFound('Custom field');
    const value = typeof c.value === 'string' ? c.value.trim() : c.value;
    const bad = () => refused('LIST_CUSTOM_CONDITION', `The condition on "${field.label}" does not fit the field.`, { field: field.label });
    const ranged = field.kind === 'NUMBER' || field.kind === 'DATE';
    if (unset(value) && (!ranged || (unset(c.min) && unset(c.max)))) throw bad();
    if (!ranged && (!unset(c.min) || !unset(c.max))) throw bad();
    const fits: Record<string, (v: unknown) => boolean> = {
      TEXT: (v) => typeof v === 'string' && v.length <= 500,
      SELECT: (v) => typeof v === 'string' && field.options.includes(v),
      MULTI_SELECT: (v) => typeof v === 'string' && field.options.includes(v),
      BOOLEAN: (v) => typeof v === 'boolean',
      USER: (v) => typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v),
      NUMBER: isNumber,
      DATE: isDay,
    };
    const fit = fits[field.kind];
    if (!fit || [value, c.min, c.max].some((v) => !unset(v) && !fit(v))) throw bad();
    const out: CustomValueCondition = { fieldId: field.id };
    if (!unset(value)) out.value = field.kind === 'MULTI_SELECT' ? [value] : value;
    if (!unset(c.min)) out.min = c.min as number | string;
    if (!unset(c.max)) out.max = c.max as number | string;
    return out;
  });
}

/** A stored condition as the API shows it (a multi-select's choice unwrapped). */
function showCondition(c: CustomValueCondition): ListCustomCondition {
  return { fieldId: c.fieldId, value: Array.isArray(c.value) ? c.value[0] : (c.value ?? null), min: c.min ?? null, max: c.max ?? null };
}

interface ListRow {
  id: string;
  name: string;
  kind: string;
  channel: string;
  recipients: string;
  role: string | null;
  filter: ListFilter | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * Distribution lists: everyone from Normal up reads them and their members within their own
 * scope (the visibility rule); Managers and Admins build them.
 */
export class ListService {
  constructor(private readonly ds: DataSource) {}

  private async row(id: string): Promise<ListRow> {
    const [row] = await this.ds.query(`SELECT * FROM distribution_lists WHERE id = $1 AND archived_at IS NULL`, [id]);
    if (!row) throw notFound('List');
    return row;
  }

  private async present(viewer: Viewer, row: ListRow): Promise<DistributionListType> {
    const p = new SqlParams();
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM clients cl WHERE ${listClientsWhere(viewer, row, p)}`, p.values);
    const f = row.filter;
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      channel: row.channel,
      recipients: row.recipients,
      role: row.role,
      filter: f
        ? {
            text: f.text ?? null,
            type: (f.type as never) ?? null,
            categoryIds: f.categoryIds ?? [],
            classificationIds: f.classificationIds ?? [],
            tagIds: f.tagIds ?? [],
            departmentIds: f.departmentIds ?? [],
            ownerIds: f.ownerIds ?? [],
            pipelineIds: f.pipelineIds ?? [],
            statusIds: f.statusIds ?? [],
            custom: (f.custom ?? []).map(showCondition),
          }
        : null,
      clientCount: n,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  async list(viewer: Viewer): Promise<DistributionListType[]> {
    const rows: ListRow[] = await this.ds.query(`SELECT * FROM distribution_lists WHERE archived_at IS NULL ORDER BY ${(await loadNameOrder(this.ds.manager))('lower(name)')}, id`);
    return Promise.all(rows.map((r) => this.present(viewer, r)));
  }

  async get(viewer: Viewer, id: string): Promise<DistributionListType> {
    return this.present(viewer, await this.row(id));
  }

  async create(viewer: Viewer, input: DistributionListInput): Promise<DistributionListType> {
    const custom = input.kind === 'DYNAMIC' ? await checkCustomConditions(this.ds, input.filter?.custom) : [];
    const [{ id }] = await this.ds.transaction(async (em) => {
      const rows = await em.query(
        `INSERT INTO distribution_lists (name, kind, channel, recipients, role, filter, created_by_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [input.name.trim(), input.kind, input.channel, input.recipients, input.recipients === 'ROLE' ? input.role!.trim() : null, input.kind === 'DYNAMIC' ? cleanFilter(input.filter, custom) : null, viewer.id],
      );
      await recordAudit(em, [{ actorId: viewer.id, action: 'create', entity: 'distribution_list', entityId: rows[0].id, changes: { name: [null, input.name], kind: [null, input.kind] } }]);
      return rows;
    });
    return this.get(viewer, id);
  }

  async update(viewer: Viewer, id: string, input: DistributionListInput): Promise<DistributionListType> {
    const before = await this.row(id);
    if (before.kind !== input.kind) throw refused('LIST_KIND_FIXED', 'A list stays static or dynamic; make a new list instead.');
    const custom = input.kind === 'DYNAMIC' ? await checkCustomConditions(this.ds, input.filter?.custom) : [];
    await this.ds.transaction(async (em) => {
      await em.query(`UPDATE distribution_lists SET name = $2, channel = $3, recipients = $4, role = $5, filter = $6, updated_at = now() WHERE id = $1`, [
        id,
        input.name.trim(),
        input.channel,
        input.recipients,
        input.recipients === 'ROLE' ? input.role!.trim() : null,
        input.kind === 'DYNAMIC' ? cleanFilter(input.filter, custom) : null,
      ]);
      await recordAudit(em, [{ actorId: viewer.id, action: 'update', entity: 'distribution_list', entityId: id, changes: { name: [before.name, input.name] } }]);
    });
    return this.get(viewer, id);
  }

  async archive(viewer: Viewer, id: string): Promise<boolean> {
    await this.row(id);
    await this.ds.transaction(async (em) => {
      await em.query(`UPDATE distribution_lists SET archived_at = now(), updated_at = now() WHERE id = $1`, [id]);
      await recordAudit(em, [{ actorId: viewer.id, action: 'archive', entity: 'distribution_list', entityId: id, changes: {} }]);
    });
    return true;
  }

  /** The clients on a list that the viewer may see, by name, page by page (searchable). */
  async members(viewer: Viewer, listId: string, text: string | null | undefined, page: PageInput): Promise<ClientList> {
    const list = await this.row(listId);
    const language = await loadOrganisationLanguage(this.ds.manager);
    const p = new SqlParams();
    const where = [listClientsWhere(viewer, list, p), ...(text?.trim() ? [clientListWhere(viewer, { text }, p)] : [])].join(' AND ');
    const [rows, [{ total }]] = await Promise.all([
      this.ds.query(`SELECT ${clientColumns((e) => nameCollation(e, language))} ${CLIENT_LIST_FROM} WHERE ${where} ${clientOrderSql(null, language)} LIMIT ${Number(page.limit)} OFFSET ${Number(page.offset)}`, p.values),
      this.ds.query(`SELECT count(*)::int AS total FROM clients cl WHERE ${where}`, p.values),
    ]);
    return { items: rows.map(toClient), total };
  }

  /**
   * Adds clients to a static list in one statement: the ones picked, or every client matching a
   * filter (select all matching), each only if the viewer may see it. Returns how many were new.
   */
  async addMembers(viewer: Viewer, input: AddListMembersInput): Promise<number> {
    const list = await this.row(input.listId);
    if (list.kind !== 'STATIC') throw refused('LIST_IS_DYNAMIC', 'A dynamic list is filled by its filter.');
    if (!input.clientIds?.length && !input.matching) throw refused('LIST_NOTHING_TO_ADD', 'Pick clients or choose all matching.');
    const p = new SqlParams();
    const where = input.matching ? clientListWhere(viewer, cleanFilter(input.matching), p) : `cl.id = ANY(${p.param(input.clientIds)}::uuid[]) AND ${clientVisibility(viewer, p)}`;
    return this.ds.transaction(async (em) => {
      const [{ added }] = await em.query(
        `WITH ins AS (INSERT INTO distribution_list_members (list_id, client_id, added_by_id) SELECT ${p.param(list.id)}::uuid, cl.id, ${p.param(viewer.id)}::uuid FROM clients cl WHERE ${where} ON CONFLICT DO NOTHING RETURNING 1)
         SELECT count(*)::int AS added FROM ins`,
        p.values,
      );
      if (added) await recordAudit(em, [{ actorId: viewer.id, action: 'add_members', entity: 'distribution_list', entityId: list.id, changes: { members: [null, added] } }]);
      await em.query(`UPDATE distribution_lists SET updated_at = now() WHERE id = $1`, [list.id]);
      return added as number;
    });
  }

  /** Removes clients from a static list (only those the viewer may see). */
  async removeMembers(viewer: Viewer, listId: string, clientIds: string[]): Promise<number> {
    const list = await this.row(listId);
    if (list.kind !== 'STATIC') throw refused('LIST_IS_DYNAMIC', 'A dynamic list is filled by its filter.');
    const p = new SqlParams();
    return this.ds.transaction(async (em) => {
      const [, removed] = await em.query(
        `DELETE FROM distribution_list_members m USING clients cl WHERE m.list_id = ${p.param(list.id)} AND m.client_id = cl.id AND cl.id = ANY(${p.param(clientIds)}::uuid[]) AND ${clientVisibility(viewer, p)}`,
        p.values,
      );
      if (removed) await recordAudit(em, [{ actorId: viewer.id, action: 'remove_members', entity: 'distribution_list', entityId: list.id, changes: { members: [removed, null] } }]);
      return Number(removed) || 0;
    });
  }
}
