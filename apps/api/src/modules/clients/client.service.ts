import { CLIENT_LIST_FROM, clientListWhere, clientOrderSql, Contact, loadNameOrder, loadOrganisationLanguage, nameCollation, SqlParams } from '@crm/db';
import { refused } from '../../graphql/errors';
import { visibleClient } from '../access/guard';
import { recordAudit } from '../audit/audit';
import { DataSource, IsNull } from 'typeorm';
import { notFound } from '../../graphql/errors';
import { cardVisibility, clientVisibility } from '@crm/db';
import type { Viewer } from '@crm/db';
import { cardColumns, cardFrom, toCard } from '../cards/card.sql';
import type { PageInput } from '../cards/card.types';
import { ClientCard, ClientDetail, ClientFilterInput, ClientList, ClientRow, ClientSortInput, UpdateClientInput } from './client.types';

/** Columns of a client row; its labels sorted by `byName` (loadNameOrder). */
export const clientColumns = (byName: (expr: string) => string) => `cl.id, cl.name, cl.type, cl.emails, cl.phones, cl.address, cl.tax_id, cl.website, cl.domain, cl.created_at, cl.updated_at,
  o.id AS owner_id, o.name AS owner_name, d.id AS department_id, d.name AS department_name, k.id AS classification_id, k.name AS classification_name,
  (SELECT coalesce(json_agg(json_build_object('id', g.id, 'name', g.name) ORDER BY ${byName('lower(g.name)')}), '[]') FROM client_categories cc JOIN categories g ON g.id = cc.category_id WHERE cc.client_id = cl.id) AS categories,
  (SELECT coalesce(json_agg(json_build_object('id', tg.id, 'name', tg.name) ORDER BY ${byName('lower(tg.name)')}), '[]') FROM client_tags ct JOIN tags tg ON tg.id = ct.tag_id WHERE ct.client_id = cl.id) AS tags`;
// The FROM, filter and order are shared with the export engine.
const FROM = CLIENT_LIST_FROM;

export function toClient(r: Record<string, any>): ClientRow {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    emails: r.emails,
    phones: r.phones,
    address: r.address,
    taxId: r.tax_id,
    website: r.website,
    domain: r.domain,
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name } : null,
    department: r.department_id ? { id: r.department_id, name: r.department_name } : null,
    classification: r.classification_id ? { id: r.classification_id, name: r.classification_name } : null,
    categories: r.categories,
    tags: r.tags,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Clients as the viewer may see them: the list and the client page. */
export class ClientService {
  constructor(
    private readonly ds: DataSource,
    /** Told after cards change (null: any pipeline), so automations can enrol or release them. */
    private readonly onCardsChanged: (pipelineId: string | null) => Promise<void> = async () => undefined,
  ) {}

  async list(viewer: Viewer, filter: ClientFilterInput | null, sort: ClientSortInput | null, page: PageInput): Promise<ClientList> {
    const p = new SqlParams();
    const where = clientListWhere(viewer, filter, p);
    const language = await loadOrganisationLanguage(this.ds.manager);
    const [rows, [{ total }]] = await Promise.all([
      this.ds.query(`SELECT ${clientColumns((e) => nameCollation(e, language))} ${FROM} WHERE ${where} ${clientOrderSql(sort, language)} LIMIT ${Number(page.limit)} OFFSET ${Number(page.offset)}`, p.values),
      this.ds.query(`SELECT count(*)::int AS total FROM clients cl WHERE ${where}`, p.values),
    ]);
    return { items: rows.map(toClient), total };
  }

  async update(viewer: Viewer, id: string, input: UpdateClientInput): Promise<void> {
    await updateClient(this.ds, viewer, id, input);
    await this.onCardsChanged(null);
  }

  /** Visible clients by id, in no particular order. */
  async byIds(viewer: Viewer, ids: string[]): Promise<ClientRow[]> {
    if (!ids.length) return [];
    const p = new SqlParams();
    const rows = await this.ds.query(`SELECT ${clientColumns(await loadNameOrder(this.ds.manager))} ${FROM} WHERE cl.id = ANY(${p.param(ids)}::uuid[]) AND ${clientVisibility(viewer, p)}`, p.values);
    return rows.map(toClient);
  }

  /** A client with its contacts and the cards the viewer may see; NOT_FOUND when hidden. */
  async get(viewer: Viewer, id: string): Promise<ClientDetail> {
    const p = new SqlParams();
    const byName = await loadNameOrder(this.ds.manager);
    const [row] = await this.ds.query(`SELECT ${clientColumns(byName)} ${FROM} WHERE cl.id = ${p.param(id)} AND ${clientVisibility(viewer, p)}`, p.values);
    if (!row) throw notFound('Client');
    const cp = new SqlParams();
    const cardRows = await this.ds.query(
      `SELECT ${cardColumns(false)}, pl.name AS pipeline_name, s.name AS status_name, s.color AS status_color ${cardFrom(false)}
       JOIN pipelines pl ON pl.id = c.pipeline_id
       WHERE c.client_id = ${cp.param(id)} AND ${cardVisibility(viewer, cp)} ORDER BY pl.position, ${byName('lower(pl.name)')}`,
      cp.values,
    );
    const contacts = await this.ds
      .getRepository(Contact)
      .createQueryBuilder('ct')
      .where('ct.client_id = :id AND ct.deleted_at IS NULL', { id })
      .orderBy('ct.is_primary', 'DESC')
      .addOrderBy(byName('lower(ct.name)'), 'ASC')
      .addOrderBy('ct.id', 'ASC')
      .getMany();
    const cards: ClientCard[] = cardRows.map((r: Record<string, any>) => ({ ...toCard(r), pipelineName: r.pipeline_name, statusName: r.status_name, statusColor: r.status_color }));
    return { ...toClient(row), contacts, cards };
  }
}

const SCALARS: Array<[keyof UpdateClientInput, string]> = [
  ['name', 'name'],
  ['type', 'type'],
  ['emails', 'emails'],
  ['phones', 'phones'],
  ['address', 'address'],
  ['taxId', 'tax_id'],
  ['website', 'website'],
  ['domain', 'domain'],
  ['ownerId', 'owner_id'],
  ['classificationId', 'classification_id'],
  ['departmentId', 'department_id'],
];

/** Edits a client's own data and labels in one transaction, with an audit row of what changed. */
export async function updateClient(ds: import('typeorm').DataSource, viewer: Viewer, id: string, input: UpdateClientInput): Promise<void> {
  await ds.transaction(async (em) => {
    await visibleClient(em, viewer, id);
    const [before] = await em.query(`SELECT * FROM clients WHERE id = $1 FOR UPDATE`, [id]);
    const clean: Record<string, unknown> = {
      ...input,
      name: input.name?.trim(),
      emails: input.emails?.map((e) => e.trim().toLowerCase()),
      phones: input.phones?.map((p) => p.trim()),
      domain: input.domain === undefined ? undefined : input.domain?.trim().toLowerCase() || null,
      website: input.website === undefined ? undefined : input.website?.trim() || null,
      taxId: input.taxId === undefined ? undefined : input.taxId?.trim() || null,
      address: input.address === undefined ? undefined : input.address?.trim() || null,
    };
    const changes: Record<string, [unknown, unknown]> = {};
    const sets: string[] = [];
    const values: unknown[] = [id];
    for (const [key, column] of SCALARS) {
      if (clean[key] === undefined) continue;
      if (JSON.stringify(before[column]) === JSON.stringify(clean[key])) continue;
      values.push(clean[key]);
      sets.push(`${column} = $${values.length}`);
      changes[key] = [before[column], clean[key]];
    }
    try {
      if (sets.length) await em.query(`UPDATE clients SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, values);
    } catch (err) {
      if ((err as { driverError?: { code?: string } }).driverError?.code === '23503') throw refused('LABEL_MISSING', 'A chosen owner, classification or department does not exist.');
      throw err;
    }
    for (const [field, table, column] of [['categoryIds', 'client_categories', 'category_id'], ['tagIds', 'client_tags', 'tag_id']] as const) {
      const wanted = input[field];
      if (!wanted) continue;
      const current: string[] = (await em.query(`SELECT ${column} AS id FROM ${table} WHERE client_id = $1`, [id])).map((r: { id: string }) => r.id);
      const next = [...new Set(wanted)];
      if (JSON.stringify([...current].sort()) === JSON.stringify([...next].sort())) continue;
      await em.query(`DELETE FROM ${table} WHERE client_id = $1 AND NOT (${column} = ANY($2::uuid[]))`, [id, next]);
      try {
        await em.query(`INSERT INTO ${table} (client_id, ${column}) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [id, next]);
      } catch (err) {
        if ((err as { driverError?: { code?: string } }).driverError?.code === '23503') throw refused('LABEL_MISSING', 'A chosen label does not exist.');
        throw err;
      }
      changes[field] = [current, next];
    }
    if (Object.keys(changes).length) {
      await em.query(`UPDATE cards SET updated_at = now() WHERE client_id = $1 AND deleted_at IS NULL`, [id]);
      await recordAudit(em, [{ actorId: viewer.id, action: 'update', entity: 'client', entityId: id, clientId: id, changes }]);
    }
  });
}
