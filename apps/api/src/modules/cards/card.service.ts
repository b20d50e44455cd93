import { Card, cardFilterSql, Category, Classification, Client, Department, SqlParams, Status, Tag, User } from '@crm/db';
import { positionBetween, positionsBetween, Role } from '@crm/shared';
import { DataSource, EntityManager } from 'typeorm';
import { badInput, notFound } from '../../graphql/errors';
import { cardVisibility, isFreeMailDomain } from '@crm/db';
import type { Viewer } from '@crm/db';
import { AuditRecord, recordAudit } from '../audit/audit';
import type { PipelineService } from '../pipelines/pipeline.service';
import { cardColumns, cardFrom, cardOrderSql, decodeCursor, encodeCursor, toCard } from './card.sql';
import type {
  BoardColumn,
  CardChanges,
  CardFilter,
  CardList,
  CardPage,
  CardSort,
  CardType,
  CreateCardInput,
  MassUpdateCardsInput,
  MassUpdateResult,
  MoveCardInput,
  PageInput,
} from './card.types';

export const BOARD_PAGE = 50;
const MAX_CHANGES = 500;

interface TotalRow {
  status_id: string;
  currency: string;
  count: string;
  amount: number | null;
}

/** A column's count and its sums per currency (currencies whose cards carry a value). */
function columnTotal(totals: TotalRow[], statusId: string) {
  const rows = totals.filter((t) => t.status_id === statusId);
  return {
    statusId,
    count: rows.reduce((n, r) => n + Number(r.count), 0),
    sums: rows
      .filter((r) => r.amount)
      .map((r) => ({ currency: r.currency, amount: r.amount! }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}
// Changes are read with this overlap, so a transaction that committed late is not missed.
const CHANGES_OVERLAP = "interval '10 seconds'";

/** Cards: the board, lists, moves, creation and mass actions; every read is scoped to the viewer. */
export class CardService {
  constructor(
    private readonly ds: DataSource,
    private readonly pipelines: PipelineService,
    /** Told after cards change, so automations can enrol or release them. */
    private readonly onCardsChanged: (pipelineId: string | null) => Promise<void> = async () => undefined,
  ) {}

  /** Every open column of a pipeline: its count, value sums and first page of cards. */
  async board(viewer: Viewer, pipelineId: string, filter?: CardFilter | null): Promise<BoardColumn[]> {
    const pipeline = await this.pipelines.get(pipelineId);
    const statuses = pipeline.statuses.filter((s) => !s.archivedAt);
    const statusIds = statuses.map((s) => s.id);

    const [totals, pages] = await Promise.all([this.columnTotals(viewer, pipelineId, statusIds, filter), this.columnPages(viewer, statusIds, null, BOARD_PAGE, filter)]);

    return statuses.map((status) => ({ status, ...columnTotal(totals, status.id), ...pages.get(status.id)! }));
  }

  /**
   * Count and value per column and currency. Without a filter or department limits they come from
   * card_column_totals (kept by triggers); otherwise from the cards themselves.
   */
  private async columnTotals(viewer: Viewer, pipelineId: string, statusIds: string[], filter?: CardFilter | null): Promise<TotalRow[]> {
    const p = new SqlParams();
    const filterSql = cardFilterSql(filter, p);
    if (filterSql.length === 0 && viewer.departmentIds.length === 0) {
      const owner = viewer.role === Role.Restricted ? `AND (owner_id = ${p.param(viewer.id)} OR owner_id IS NULL)` : '';
      return this.ds.query(
        `SELECT status_id, currency, sum(count) AS count, sum(amount)::float8 AS amount FROM card_column_totals
         WHERE status_id = ANY(${p.param(statusIds)}::uuid[]) ${owner} GROUP BY status_id, currency HAVING sum(count) > 0`,
        p.values,
      );
    }
    const q = new SqlParams();
    const where = [`c.pipeline_id = ${q.param(pipelineId)}`, cardVisibility(viewer, q), ...cardFilterSql(filter, q)].join(' AND ');
    // Join the client and status only when a rule needs them.
    const joins = `${/\bcl\./.test(where) ? 'JOIN clients cl ON cl.id = c.client_id' : ''} ${/\bs\./.test(where) ? 'JOIN statuses s ON s.id = c.status_id' : ''}`;
    return this.ds.query(`SELECT c.status_id, c.currency, count(*) AS count, sum(c.value)::float8 AS amount FROM cards c ${joins} WHERE ${where} GROUP BY c.status_id, c.currency`, q.values);
  }

  /** The next page of one column after a cursor. */
  async columnPage(viewer: Viewer, statusId: string, after: string | null, first: number, filter?: CardFilter | null): Promise<CardPage> {
    await this.pipelines.status(statusId);
    const cursor = after ? decodeCursor(after) : null;
    if (after && !cursor) throw badInput('The cursor is not valid.');
    return (await this.columnPages(viewer, [statusId], cursor, first, filter)).get(statusId)!;
  }

  /** Keyset pages of several columns in one query (a LATERAL subquery per column). */
  private async columnPages(viewer: Viewer, statusIds: string[], cursor: [string, string] | null, first: number, filter?: CardFilter | null) {
    const p = new SqlParams();
    const ids = p.param(statusIds);
    const where = ['c.status_id = col.status_id', cardVisibility(viewer, p), ...cardFilterSql(filter, p)];
    if (cursor) where.push(`(c.position, c.id) > (${p.param(cursor[0])}, ${p.param(cursor[1])}::uuid)`);
    const rows = await this.ds.query(
      `SELECT x.* FROM unnest(${ids}::uuid[]) AS col(status_id) CROSS JOIN LATERAL (
         SELECT ${cardColumns(false)} ${cardFrom(false)}
         WHERE ${where.join(' AND ')} ORDER BY c.position, c.id LIMIT ${p.param(first + 1)}) x`,
      p.values,
    );
    const pages = new Map<string, CardPage>(statusIds.map((id) => [id, { cards: [], endCursor: null, hasMore: false }]));
    for (const r of rows) pages.get(r.status_id)!.cards.push(toCard(r));
    for (const page of pages.values()) {
      page.hasMore = page.cards.length > first;
      if (page.hasMore) page.cards.length = first;
      const last = page.cards.at(-1);
      page.endCursor = last ? encodeCursor(last.position, last.id) : null;
    }
    return pages;
  }

  /** What changed on a pipeline's board since a time the server gave (for other users' moves). */
  async changes(viewer: Viewer, pipelineId: string, since: Date, filter?: CardFilter | null): Promise<CardChanges> {
    const p = new SqlParams();
    const pid = p.param(pipelineId);
    const sinceParam = p.param(since);
    const visible = [cardVisibility(viewer, p), ...cardFilterSql(filter, p)].join(' AND ');
    const rows = await this.ds.query(
      `SELECT ${cardColumns(false)}, (${visible}) AS visible, clock_timestamp() AS server_time ${cardFrom(false)}
       WHERE c.pipeline_id = ${pid} AND c.updated_at > ${sinceParam}::timestamptz - ${CHANGES_OVERLAP}
       ORDER BY c.updated_at LIMIT ${MAX_CHANGES + 1}`,
      p.values,
    );
    const [{ now }] = await this.ds.query('SELECT clock_timestamp() AS now');
    if (rows.length > MAX_CHANGES) return { cards: [], removedIds: [], serverTime: now, reset: true, columns: [] };
    // When something moved, the column headers change too: send them along.
    let columns: CardChanges['columns'] = [];
    if (rows.length) {
      const statusIds = (await this.pipelines.get(pipelineId)).statuses.filter((s) => !s.archivedAt).map((s) => s.id);
      const totals = await this.columnTotals(viewer, pipelineId, statusIds, filter);
      columns = statusIds.map((id) => columnTotal(totals, id));
    }
    return {
      cards: rows.filter((r: any) => r.visible).map(toCard),
      removedIds: rows.filter((r: any) => !r.visible).map((r: any) => r.id),
      serverTime: now,
      reset: false,
      columns,
    };
  }

  /** A page of the list view with the total, filtered and sorted in the database. */
  async list(viewer: Viewer, pipelineId: string, filter: CardFilter | null | undefined, sort: CardSort | null | undefined, page: PageInput): Promise<CardList> {
    const p = new SqlParams();
    const where = [`c.pipeline_id = ${p.param(pipelineId)}`, cardVisibility(viewer, p), ...cardFilterSql(filter, p)].join(' AND ');
    const countSql = `SELECT count(*)::int AS total FROM cards c JOIN clients cl ON cl.id = c.client_id JOIN statuses s ON s.id = c.status_id WHERE ${where}`;
    const countParams = [...p.values];
    const order = cardOrderSql(sort, p);
    const [rows, [{ total }]] = await Promise.all([
      this.ds.query(`SELECT ${cardColumns(true)} ${cardFrom(true)} WHERE ${where} ${order} LIMIT ${Number(page.limit)} OFFSET ${Number(page.offset)}`, p.values),
      this.ds.query(countSql, countParams),
    ]);
    return { items: rows.map(toCard), total };
  }

  /** One card as the viewer sees it, or NOT_FOUND (also when it exists but is hidden from them). */
  async get(viewer: Viewer, cardId: string, em: EntityManager = this.ds.manager): Promise<CardType> {
    const p = new SqlParams();
    const rows = await em.query(`SELECT ${cardColumns(true)} ${cardFrom(true)} WHERE c.id = ${p.param(cardId)} AND ${cardVisibility(viewer, p)}`, p.values);
    if (!rows.length) throw notFound('Card');
    return toCard(rows[0]);
  }

  /** Moves a card to a column and a place in it, writing one row (and its audit entry). */
  async move(viewer: Viewer, input: MoveCardInput): Promise<CardType> {
    const card = await this.ds.transaction(async (em) => {
      const card = await this.lockVisible(em, viewer, [input.cardId]).then((rows) => rows[0]);
      if (!card) throw notFound('Card');
      const target = await em.getRepository(Status).findOneBy({ id: input.statusId });
      if (!target || target.pipelineId !== card.pipeline_id || target.archivedAt) throw badInput('That column is not part of this card’s pipeline.');

      const position = await this.positionFor(em, target.id, card.id, input);
      await em.query(
        `UPDATE cards SET status_id = $1, position = $2, updated_at = now(),
           status_changed_at = CASE WHEN status_id <> $1 THEN now() ELSE status_changed_at END WHERE id = $3`,
        [target.id, position, card.id],
      );
      const statusChanged = target.id !== card.status_id;
      await recordAudit(em, [
        {
          actorId: viewer.id,
          action: statusChanged ? 'move' : 'reorder',
          entity: 'card',
          entityId: card.id,
          cardId: card.id,
          clientId: card.client_id,
          changes: statusChanged ? { statusId: [card.status_id, target.id] } : { position: [card.position, position] },
        },
      ]);
      return this.get(viewer, card.id, em);
    });
    await this.onCardsChanged(card.pipelineId);
    return card;
  }

  /** The order key for a card placed after `afterCardId`, before `beforeCardId`, or at the end. */
  private async positionFor(em: EntityManager, statusId: string, movingId: string, input: MoveCardInput): Promise<string> {
    const neighbour = async (id: string) => {
      const [row] = await em.query(`SELECT position, status_id FROM cards WHERE id = $1 AND deleted_at IS NULL`, [id]);
      if (!row || row.status_id !== statusId || id === movingId) throw badInput('The card to place next to is not in that column.');
      return row.position as string;
    };
    const bound = async (op: '>' | '<', pos: string | null) => {
      const agg = op === '>' ? 'min' : 'max';
      const cond = pos === null ? '' : `AND position ${op} $3`;
      const [row] = await em.query(
        `SELECT ${agg}(position) AS p FROM cards WHERE status_id = $1 AND id <> $2 AND deleted_at IS NULL ${cond}`,
        pos === null ? [statusId, movingId] : [statusId, movingId, pos],
      );
      return (row?.p as string | null) ?? null;
    };
    if (input.afterCardId) {
      const lower = await neighbour(input.afterCardId);
      return positionBetween(lower, await bound('>', lower));
    }
    if (input.beforeCardId) {
      const upper = await neighbour(input.beforeCardId);
      return positionBetween(await bound('<', upper), upper);
    }
    return positionBetween(await bound('<', null), null);
  }

  private lockVisible(em: EntityManager, viewer: Viewer, ids: string[]) {
    const p = new SqlParams();
    return em.query(
      `SELECT c.id, c.client_id, c.pipeline_id, c.status_id, c.owner_id, c.position, cl.classification_id, cl.department_id
       FROM cards c JOIN clients cl ON cl.id = c.client_id
       WHERE c.id = ANY(${p.param(ids)}::uuid[]) AND ${cardVisibility(viewer, p)} FOR UPDATE OF c`,
      p.values,
    ) as Promise<Array<Record<string, any>>>;
  }

  /** "+" on a column: a new client and its card at the top of that column. */
  async create(viewer: Viewer, input: CreateCardInput): Promise<CardType> {
    const status = await this.pipelines.status(input.statusId);
    if (status.archivedAt) throw badInput('That column is archived.');
    // A Restricted user's cards are their own, or they could not see what they made.
    const ownerId = viewer.role === Role.Restricted ? viewer.id : (input.ownerId ?? viewer.id);
    if (!(await this.ds.getRepository(User).existsBy({ id: ownerId, active: true }))) throw badInput('Choose an active user as owner.', { ownerId: 'Choose an active user.' });

    const created = await this.ds.transaction(async (em) => {
      const email = input.client.email?.trim().toLowerCase();
      const client = await em.getRepository(Client).save({
        name: input.client.name.trim(),
        type: input.client.type,
        emails: email ? [email] : [],
        phones: input.client.phone ? [input.client.phone.trim()] : [],
        domain: email && input.client.type === 'COMPANY' && !isFreeMailDomain(email) ? email.split('@')[1] : null,
        ownerId,
      });
      const [top] = await em.query(`SELECT min(position) AS p FROM cards WHERE status_id = $1 AND deleted_at IS NULL`, [status.id]);
      const card = await em.getRepository(Card).save({
        clientId: client.id,
        pipelineId: status.pipelineId,
        statusId: status.id,
        ownerId,
        position: positionBetween(null, top?.p ?? null),
        value: input.value === undefined || input.value === null ? null : String(input.value),
        currency: input.currency,
      });
      await recordAudit(em, [
        { actorId: viewer.id, action: 'create', entity: 'client', entityId: client.id, clientId: client.id, changes: { name: [null, client.name] } },
        { actorId: viewer.id, action: 'create', entity: 'card', entityId: card.id, clientId: client.id, cardId: card.id, changes: { statusId: [null, status.id] } },
      ]);
      return this.get(viewer, card.id, em);
    });
    await this.onCardsChanged(created.pipelineId);
    return created;
  }

  /**
   * Applies one change to the selected cards (or to every card matching a filter) in one
   * transaction, with an audit entry per changed card. Cards the viewer cannot see are NOT_FOUND.
   */
  async massUpdate(viewer: Viewer, input: MassUpdateCardsInput): Promise<MassUpdateResult> {
    const { change } = input;
    const asked = Object.entries(change).filter(([, v]) => v !== undefined && v !== null && v !== false);
    if (asked.length === 0) throw badInput('Choose what to change.');
    if (!input.cardIds && !input.filter) throw badInput('Select cards, or give a filter for all matches.');
    await this.pipelines.get(input.pipelineId);

    const result = await this.ds.transaction(async (em) => {
      let cards: Array<Record<string, any>>;
      if (input.cardIds) {
        const ids = [...new Set(input.cardIds)];
        cards = await this.lockVisible(em, viewer, ids);
        if (cards.length !== ids.length || cards.some((c) => c.pipeline_id !== input.pipelineId)) throw notFound('Some of the selected cards were');
      } else {
        const p = new SqlParams();
        const where = [`c.pipeline_id = ${p.param(input.pipelineId)}`, cardVisibility(viewer, p), ...cardFilterSql(input.filter, p)];
        cards = await em.query(
          `SELECT c.id, c.client_id, c.status_id, c.owner_id, c.position, cl.classification_id, cl.department_id
           FROM cards c JOIN clients cl ON cl.id = c.client_id JOIN statuses s ON s.id = c.status_id
           WHERE ${where.join(' AND ')} ORDER BY c.position, c.id FOR UPDATE OF c`,
          p.values,
        );
      }
      const changes = new Map<string, Record<string, [unknown, unknown]>>();
      const note = (card: Record<string, any>, field: string, from: unknown, to: unknown) => {
        const entry = changes.get(card.id) ?? {};
        entry[field] = [from, to];
        changes.set(card.id, entry);
      };

      if (change.statusId) {
        const status = await em.getRepository(Status).findOneBy({ id: change.statusId });
        if (!status || status.pipelineId !== input.pipelineId || status.archivedAt) throw badInput('That status is not part of this pipeline.');
        const moving = cards.filter((c) => c.status_id !== status.id);
        if (moving.length) {
          const [{ p: last }] = await em.query(`SELECT max(position) AS p FROM cards WHERE status_id = $1 AND deleted_at IS NULL`, [status.id]);
          const keys = positionsBetween(last ?? null, null, moving.length);
          await em.query(
            `UPDATE cards SET status_id = $1, position = m.position, status_changed_at = now(), updated_at = now()
             FROM unnest($2::uuid[], $3::text[]) AS m(id, position) WHERE cards.id = m.id`,
            [status.id, moving.map((c) => c.id), keys],
          );
          for (const c of moving) note(c, 'statusId', c.status_id, status.id);
        }
      }
      if (change.ownerId || change.clearOwner) {
        const ownerId = change.ownerId ?? null;
        if (ownerId && !(await em.getRepository(User).existsBy({ id: ownerId, active: true }))) throw badInput('Choose an active user as owner.');
        const affected = cards.filter((c) => c.owner_id !== ownerId);
        await em.query(`UPDATE cards SET owner_id = $1, updated_at = now() WHERE id = ANY($2::uuid[])`, [ownerId, affected.map((c) => c.id)]);
        for (const c of affected) note(c, 'ownerId', c.owner_id, ownerId);
      }
      const clientIds = [...new Set(cards.map((c) => c.client_id as string))];
      const byClient = (clientId: string) => cards.filter((c) => c.client_id === clientId);
      const addLink = async (table: 'client_tags' | 'client_categories', column: 'tag_id' | 'category_id', id: string, field: string) => {
        const added: Array<{ client_id: string }> = await em.query(
          `INSERT INTO ${table} (client_id, ${column}) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING RETURNING client_id`,
          [clientIds, id],
        );
        for (const { client_id } of added) for (const c of byClient(client_id)) note(c, field, null, id);
      };
      if (change.addTagId) {
        await this.mustExist(em, Tag, change.addTagId, 'tag');
        await addLink('client_tags', 'tag_id', change.addTagId, 'addTag');
      }
      if (change.addCategoryId) {
        await this.mustExist(em, Category, change.addCategoryId, 'category');
        await addLink('client_categories', 'category_id', change.addCategoryId, 'addCategory');
      }
      const setClientField = async (column: 'classification_id' | 'department_id', field: string, id: string) => {
        const affected = cards.filter((c) => c[column] !== id);
        await em.query(`UPDATE clients SET ${column} = $1, updated_at = now() WHERE id = ANY($2::uuid[])`, [id, [...new Set(affected.map((c) => c.client_id))]]);
        for (const c of affected) note(c, field, c[column], id);
      };
      if (change.classificationId) {
        await this.mustExist(em, Classification, change.classificationId, 'classification');
        await setClientField('classification_id', 'classificationId', change.classificationId);
      }
      if (change.departmentId) {
        await this.mustExist(em, Department, change.departmentId, 'department');
        await setClientField('department_id', 'departmentId', change.departmentId);
      }

      const changedIds = [...changes.keys()];
      // Client-level changes show on the cards too: bump them for other users' live boards.
      await em.query(`UPDATE cards SET updated_at = now() WHERE id = ANY($1::uuid[])`, [changedIds]);
      const records: AuditRecord[] = changedIds.map((id) => {
        const card = cards.find((c) => c.id === id)!;
        return { actorId: viewer.id, action: 'mass_update', entity: 'card', entityId: id, cardId: id, clientId: card.client_id, changes: changes.get(id)! };
      });
      await recordAudit(em, records);
      return { matched: cards.length, changed: changedIds.length };
    });
    if (result.changed) await this.onCardsChanged(input.pipelineId);
    return result;
  }

  private async mustExist(em: EntityManager, entity: typeof Tag | typeof Category | typeof Classification | typeof Department, id: string, what: string) {
    if (!(await em.getRepository(entity).existsBy({ id }))) throw badInput(`That ${what} does not exist.`);
  }
}
