import { Card, cardFilterSql, cardListWhere, Category, Classification, Client, Department, departmentKeyRules, loadNameOrder, loadOrganisationLanguage, nameCollation, poolQuery, SqlParams, Status, Tag, User } from '@crm/db';
import { positionBetween, positionsBetween, Role } from '@crm/shared';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, badFields, fieldProblem, notFound, refused } from '../../graphql/errors';
import { cardAccessRule, cardVisibility, isFreeMailDomain } from '@crm/db';
import type { Viewer } from '@crm/db';
import { AuditRecord, namesById, recordAudit } from '../audit/audit';
import { visibleCard, visibleClient } from '../access/guard';
import type { PipelineService } from '../pipelines/pipeline.service';
import { finishMassUpdate, snapshotMassUpdate } from './mass-undo.service';
import { cardColumns, cardFrom, cardOrderSql, decodeCursor, encodeCursor, needsNameOrder, toCard, type CardFields } from './card.sql';
import type {
  AddClientToPipelineInput,
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
  UpdateCardInput,
} from './card.types';

export const BOARD_PAGE = 50;
const MAX_CHANGES = 500;
/** Ids per statement in mass actions (one array parameter each). */
const MASS_CHUNK = 5000;

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
const emptyPage = (): CardPage => ({ cards: [], endCursor: null, hasMore: false });

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

  /** Every open column of a pipeline: its count, value sums and first page of cards (with the card `fields` asked for). */
  async board(viewer: Viewer, pipelineId: string, filter?: CardFilter | null, fields?: CardFields): Promise<BoardColumn[]> {
    // The pipeline (its columns in order, or NOT_FOUND) is read beside the cards: their queries
    // take the pipeline's columns from the database, so the three run at once.
    const [pipeline, totals, pages] = await Promise.all([
      this.pipelines.get(pipelineId),
      this.columnTotals(viewer, pipelineId, null, filter),
      this.columnPages(viewer, { pipelineId }, null, BOARD_PAGE, filter, fields),
    ]);
    const statuses = pipeline.statuses.filter((s) => !s.archivedAt);
    return statuses.map((status) => ({ status, ...columnTotal(totals, status.id), ...(pages.get(status.id) ?? emptyPage()) }));
  }

  /**
   * Count and value per column and currency. Without a filter but departments they come from
   * card_column_totals (kept by triggers, per owner and department: the visibility rule's and the
   * filter's keys); otherwise from the cards themselves. `statusIds` null: every column of the pipeline.
   */
  private async columnTotals(viewer: Viewer, pipelineId: string, statusIds: string[] | null, filter?: CardFilter | null): Promise<TotalRow[]> {
    const p = new SqlParams();
    const { departmentIds, ...rest } = filter ?? {};
    if (cardFilterSql(rest, p).length === 0) {
      const owner = viewer.role === Role.Restricted ? ` AND (owner_id = ${p.param(viewer.id)} OR owner_id IS NULL)` : '';
      const columns = statusIds ? `= ANY(${p.param(statusIds)}::uuid[])` : `IN (SELECT id FROM statuses WHERE pipeline_id = ${p.param(pipelineId)})`;
      return poolQuery(
        this.ds,
        `SELECT status_id, currency, sum(count) AS count, sum(amount)::float8 AS amount FROM card_column_totals
         WHERE status_id ${columns}${owner}${departmentKeyRules(viewer, departmentIds, p, 'department_id')} GROUP BY status_id, currency HAVING sum(count) > 0`,
        p.values,
      );
    }
    const q = new SqlParams();
    const where = [`c.pipeline_id = ${q.param(pipelineId)}`, cardVisibility(viewer, q), ...cardFilterSql(filter, q)].join(' AND ');
    // Join the client and status only when a rule needs them.
    const joins = `${/\bcl\./.test(where) ? 'JOIN clients cl ON cl.id = c.client_id' : ''} ${/\bs\./.test(where) ? 'JOIN statuses s ON s.id = c.status_id' : ''}`;
    return poolQuery(this.ds, `SELECT c.status_id, c.currency, count(*) AS count, sum(c.value)::float8 AS amount FROM cards c ${joins} WHERE ${where} GROUP BY c.status_id, c.currency`, q.values);
  }

  /** The next page of one column after a cursor. */
  async columnPage(viewer: Viewer, statusId: string, after: string | null, first: number, filter?: CardFilter | null, fields?: CardFields): Promise<CardPage> {
    const cursor = after ? decodeCursor(after) : null;
    if (after && !cursor) throw new AppError('BAD_USER_INPUT', 'The cursor is not valid.', { reason: 'MALFORMED_VALUE' });
    // The column's existence (NOT_FOUND) is checked beside the page's query.
    const [, pages] = await Promise.all([this.pipelines.status(statusId), this.columnPages(viewer, { statusIds: [statusId] }, cursor, first, filter, fields)]);
    return pages.get(statusId) ?? emptyPage();
  }

  /**
   * Keyset pages of several columns in one query (a LATERAL subquery per column): the given
   * columns, or every open column of a pipeline. Columns without a card the viewer sees are left out.
   */
  private async columnPages(viewer: Viewer, columns: { statusIds: string[] } | { pipelineId: string }, cursor: [string, string] | null, first: number, filter?: CardFilter | null, fields?: CardFields) {
    const p = new SqlParams();
    const cols =
      'statusIds' in columns
        ? `unnest(${p.param(columns.statusIds)}::uuid[]) AS col(status_id)`
        : `(SELECT id AS status_id FROM statuses WHERE pipeline_id = ${p.param(columns.pipelineId)} AND archived_at IS NULL) col`;
    const where = ['c.status_id = col.status_id', cardVisibility(viewer, p), ...cardFilterSql(filter, p)];
    if (cursor) where.push(`(c.position, c.id) > (${p.param(cursor[0])}, ${p.param(cursor[1])}::uuid)`);
    const rows = await poolQuery(
      this.ds,
      `SELECT x.* FROM ${cols} CROSS JOIN LATERAL (
         SELECT ${cardColumns(false, undefined, fields)} ${cardFrom(false)}
         WHERE ${where.join(' AND ')} ORDER BY c.position, c.id LIMIT ${p.param(first + 1)}) x`,
      p.values,
    );
    const pages = new Map<string, CardPage>();
    for (const r of rows) {
      let page = pages.get(r.status_id);
      if (!page) pages.set(r.status_id, (page = emptyPage()));
      page.cards.push(toCard(r));
    }
    for (const page of pages.values()) {
      page.hasMore = page.cards.length > first;
      if (page.hasMore) page.cards.length = first;
      const last = page.cards.at(-1)!;
      page.endCursor = encodeCursor(last.position, last.id);
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
      `SELECT ${cardColumns(false)}, (${visible}) AS visible, (${this.couldHaveSeen(viewer, p, sinceParam)}) AS could_have_seen, clock_timestamp() AS server_time ${cardFrom(false)}
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
      // Only cards the viewer could have had on their board: never the ids of cards hidden from them all along.
      removedIds: rows.filter((r: any) => !r.visible && r.could_have_seen).map((r: any) => r.id),
      serverTime: now,
      reset: false,
      columns,
    };
  }

  /**
   * SQL: whether the viewer could have seen card `c` before its latest changes. Yes when their role
   * and departments reach it now (it left their board by the trash or a filter), or when an audit
   * entry since then shows it came from an owner or a department they see.
   */
  private couldHaveSeen(viewer: Viewer, p: SqlParams, since: string): string {
    const proofs = [`(${cardAccessRule(viewer, p)})`];
    const recent = `a.at > ${since}::timestamptz - ${CHANGES_OVERLAP}`;
    if (viewer.role === Role.Restricted) {
      const oldOwner = `a.changes -> 'ownerId' ->> 0`;
      proofs.push(`EXISTS (SELECT 1 FROM audit_log a WHERE a.card_id = c.id AND ${recent} AND a.changes ? 'ownerId' AND (${oldOwner} IS NULL OR ${oldOwner} = ${p.param(viewer.id)}))`);
    }
    if (viewer.departmentIds.length) {
      const oldDepartment = `a.changes -> 'departmentId' ->> 0`;
      proofs.push(
        `EXISTS (SELECT 1 FROM audit_log a WHERE a.client_id = c.client_id AND ${recent} AND a.changes ? 'departmentId' AND (${oldDepartment} IS NULL OR ${oldDepartment} = ANY(${p.param(viewer.departmentIds)}::text[])))`,
      );
    }
    return proofs.join(' OR ');
  }

  /** A page of the list view with the total, filtered and sorted in the database. */
  async list(viewer: Viewer, pipelineId: string, filter: CardFilter | null | undefined, sort: CardSort | null | undefined, page: PageInput, fields?: CardFields): Promise<CardList> {
    const p = new SqlParams();
    const where = cardListWhere(viewer, pipelineId, filter, p);
    const countSql = `SELECT count(*)::int AS total FROM cards c JOIN clients cl ON cl.id = c.client_id JOIN statuses s ON s.id = c.status_id WHERE ${where}`;
    const countParams = [...p.values];
    // Names sort in the organisation's language: the page waits for it, the count runs meanwhile.
    const [rows, [{ total }]] = await Promise.all([
      loadOrganisationLanguage(this.ds.manager).then((language) => {
        const order = cardOrderSql(sort, p, language);
        return poolQuery(this.ds, `SELECT ${cardColumns(true, (e) => nameCollation(e, language), fields)} ${cardFrom(true)} WHERE ${where} ${order} LIMIT ${Number(page.limit)} OFFSET ${Number(page.offset)}`, p.values);
      }),
      poolQuery(this.ds, countSql, countParams),
    ]);
    return { items: rows.map(toCard), total };
  }

  /** One card as the viewer sees it (with the `fields` asked for), or NOT_FOUND (also when it exists but is hidden from them). */
  async get(viewer: Viewer, cardId: string, em: EntityManager = this.ds.manager, fields?: CardFields): Promise<CardType> {
    const p = new SqlParams();
    const byName = needsNameOrder(fields) ? await loadNameOrder(em) : undefined;
    const rows = await em.query(`SELECT ${cardColumns(true, byName, fields)} ${cardFrom(true)} WHERE c.id = ${p.param(cardId)} AND ${cardVisibility(viewer, p)}`, p.values);
    if (!rows.length) throw notFound('Card');
    return toCard(rows[0]);
  }

  /** Moves a card to a column and a place in it, writing one row (and its audit entry). */
  async move(viewer: Viewer, input: MoveCardInput, fields?: CardFields): Promise<CardType> {
    const card = await this.ds.transaction(async (em) => {
      // The card, locked, and whether the column is an open one of its pipeline: one statement.
      const p = new SqlParams();
      const [card] = await em.query(
        `SELECT c.id, c.client_id, c.status_id, c.position, target.id AS target_id
         FROM cards c JOIN clients cl ON cl.id = c.client_id
         LEFT JOIN statuses target ON target.id = ${p.param(input.statusId)} AND target.pipeline_id = c.pipeline_id AND target.archived_at IS NULL
         WHERE c.id = ${p.param(input.cardId)} AND ${cardVisibility(viewer, p)} FOR UPDATE OF c`,
        p.values,
      );
      if (!card) throw notFound('Card');
      if (!card.target_id) throw refused('STATUS_OF_OTHER_PIPELINE', 'That column is not part of this card’s pipeline.');
      const statusId: string = card.target_id;

      const position = await this.positionFor(em, viewer, statusId, card.id, input);
      await em.query(
        `UPDATE cards SET status_id = $1, position = $2, updated_at = now(),
           status_changed_at = CASE WHEN status_id <> $1 THEN now() ELSE status_changed_at END WHERE id = $3`,
        [statusId, position, card.id],
      );
      const statusChanged = statusId !== card.status_id;
      await recordAudit(em, [
        {
          actorId: viewer.id,
          action: statusChanged ? 'move' : 'reorder',
          entity: 'card',
          entityId: card.id,
          cardId: card.id,
          clientId: card.client_id,
          changes: statusChanged ? { statusId: [card.status_id, statusId] } : { position: [card.position, position] },
        },
      ]);
      return this.get(viewer, card.id, em, fields);
    });
    await this.onCardsChanged(card.pipelineId);
    return card;
  }

  /**
   * Sets a card's status, owner and/or value (with its currency) from the client card, in one
   * transaction with its History entry; a new status puts the card at the end of that column.
   */
  async update(viewer: Viewer, cardId: string, input: UpdateCardInput): Promise<CardType> {
    const card = await this.ds.transaction(async (em) => {
      const ref = await visibleCard(em, viewer, cardId);
      const [before] = await em.query(`SELECT status_id, owner_id, value::float8 AS value, currency, to_char(expected_close_date, 'YYYY-MM-DD') AS expected_close_date FROM cards WHERE id = $1`, [ref.id]);
      const sets: string[] = [];
      const values: unknown[] = [ref.id];
      const set = (sql: string, value: unknown) => {
        values.push(value);
        sets.push(sql.replace('?', `$${values.length}`));
      };
      const changes: Record<string, [unknown, unknown]> = {};

      if (input.statusId && input.statusId !== before.status_id) {
        const status = await em.getRepository(Status).findOneBy({ id: input.statusId });
        if (!status || status.pipelineId !== ref.pipeline_id || status.archivedAt) throw badFields('That status is not part of this card’s pipeline.', { statusId: { code: 'STATUS_OF_PIPELINE', text: 'Choose a status of this pipeline.' } });
        const [{ p: last }] = await em.query(`SELECT max(position) AS p FROM cards WHERE status_id = $1 AND deleted_at IS NULL`, [status.id]);
        set('status_id = ?', status.id);
        set('position = ?', positionBetween(last ?? null, null));
        sets.push('status_changed_at = now()');
        changes.statusId = [before.status_id, status.id];
      }
      if (input.ownerId !== undefined && (input.ownerId ?? null) !== before.owner_id) {
        const ownerId = input.ownerId ?? null;
        // A Restricted user sees only their own and unowned cards: handing one away would hide it from them.
        if (viewer.role === Role.Restricted && ownerId !== null && ownerId !== viewer.id) throw badFields('You can take this card or leave it without an owner.', { ownerId: fieldProblem('OWNER_SELF_OR_NONE', 'Choose yourself or no owner.') });
        if (ownerId && !(await em.getRepository(User).existsBy({ id: ownerId, active: true }))) throw badFields('Choose an active user as owner.', { ownerId: { code: 'ACTIVE_USER', text: 'Choose an active user.' } });
        set('owner_id = ?', ownerId);
        changes.ownerId = [before.owner_id, ownerId];
      }
      const value = input.value === undefined ? before.value : input.value;
      const currency = input.currency ?? before.currency;
      if (value !== before.value || currency !== before.currency) {
        if (input.value !== undefined) set('value = ?', value === null ? null : value.toFixed(2));
        if (currency !== before.currency) set('currency = ?', currency);
        const money = (amount: number | null, code: string) => (amount === null ? null : { amount, currency: code });
        changes.value = [money(before.value, before.currency), money(value, currency)];
      }
      if (input.expectedCloseDate !== undefined && (input.expectedCloseDate ?? null) !== before.expected_close_date) {
        set('expected_close_date = ?', input.expectedCloseDate ?? null);
        changes.expectedCloseDate = [before.expected_close_date, input.expectedCloseDate ?? null];
      }
      if (sets.length) {
        await em.query(`UPDATE cards SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, values);
        await recordAudit(em, [{ actorId: viewer.id, action: 'update', entity: 'card', entityId: ref.id, cardId: ref.id, clientId: ref.client_id, changes }]);
      }
      return { card: await this.get(viewer, ref.id, em), changed: sets.length > 0 };
    });
    if (card.changed) await this.onCardsChanged(card.card.pipelineId);
    return card.card;
  }

  /** The order key for a card placed after `afterCardId`, before `beforeCardId`, or at the end. */
  private async positionFor(em: EntityManager, viewer: Viewer, statusId: string, movingId: string, input: MoveCardInput): Promise<string> {
    /** The neighbour's position and the nearest other card's on its far side (`op`), in one statement. */
    const neighbour = async (id: string, op: '>' | '<') => {
      // A neighbour the viewer may not see is as missing as one that does not exist (its column stays secret).
      const p = new SqlParams();
      const [row] = await em.query(
        `SELECT c.position, c.status_id,
           (SELECT ${op === '>' ? 'min' : 'max'}(o.position) FROM cards o
            WHERE o.status_id = c.status_id AND o.id <> ${p.param(movingId)} AND o.deleted_at IS NULL AND o.position ${op} c.position) AS bound
         FROM cards c JOIN clients cl ON cl.id = c.client_id WHERE c.id = ${p.param(id)} AND ${cardVisibility(viewer, p)}`,
        p.values,
      );
      if (!row) throw notFound('Card');
      if (row.status_id !== statusId || id === movingId) throw refused('NEIGHBOUR_NOT_IN_COLUMN', 'The card to place next to is not in that column.');
      return { position: row.position as string, bound: (row.bound as string | null) ?? null };
    };
    if (input.afterCardId) {
      const lower = await neighbour(input.afterCardId, '>');
      return positionBetween(lower.position, lower.bound);
    }
    if (input.beforeCardId) {
      const upper = await neighbour(input.beforeCardId, '<');
      return positionBetween(upper.bound, upper.position);
    }
    const [last] = await em.query(`SELECT max(position) AS p FROM cards WHERE status_id = $1 AND id <> $2 AND deleted_at IS NULL`, [statusId, movingId]);
    return positionBetween((last?.p as string | null) ?? null, null);
  }

  /** "+" on a column: a new client and its card at the top of that column. */
  async create(viewer: Viewer, input: CreateCardInput): Promise<CardType> {
    const status = await this.pipelines.status(input.statusId);
    if (status.archivedAt) throw refused('STATUS_ARCHIVED', 'That column is archived.');
    // A Restricted user's cards are their own, or they could not see what they made.
    const ownerId = viewer.role === Role.Restricted ? viewer.id : (input.ownerId ?? viewer.id);
    if (!(await this.ds.getRepository(User).existsBy({ id: ownerId, active: true }))) throw badFields('Choose an active user as owner.', { ownerId: { code: 'ACTIVE_USER', text: 'Choose an active user.' } });

    const created = await this.ds.transaction(async (em) => {
      const email = input.client.email?.trim().toLowerCase();
      const client = await em.getRepository(Client).save({
        name: input.client.name.trim(),
        type: input.client.type,
        emails: email ? [email] : [],
        phones: input.client.phone ? [input.client.phone.trim()] : [],
        taxId: input.client.taxId?.trim() || null,
        address: input.client.address?.trim() || null,
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

  /** Gives a client the viewer may see a card in another pipeline, at the top of the chosen column. */
  async addToPipeline(viewer: Viewer, input: AddClientToPipelineInput): Promise<CardType> {
    const status = await this.pipelines.status(input.statusId);
    if (status.archivedAt) throw badFields('That column is archived.', { statusId: fieldProblem('STATUS_OPEN', 'Choose an open status.') });
    const ownerId = viewer.role === Role.Restricted ? viewer.id : (input.ownerId ?? viewer.id);
    if (!(await this.ds.getRepository(User).existsBy({ id: ownerId, active: true }))) throw badFields('Choose an active user as owner.', { ownerId: { code: 'ACTIVE_USER', text: 'Choose an active user.' } });
    const created = await this.ds.transaction(async (em) => {
      const clientId = await visibleClient(em, viewer, input.clientId);
      await em.query(`SELECT id FROM clients WHERE id = $1 FOR UPDATE`, [clientId]);
      const [existing] = await em.query(`SELECT id FROM cards WHERE client_id = $1 AND pipeline_id = $2 AND deleted_at IS NULL`, [clientId, status.pipelineId]);
      if (existing) throw new AppError('CONFLICT', 'The client already has a card in that pipeline.', { reason: 'CARD_EXISTS', cardId: existing.id });
      const [top] = await em.query(`SELECT min(position) AS p FROM cards WHERE status_id = $1 AND deleted_at IS NULL`, [status.id]);
      const card = await em.getRepository(Card).save({ clientId, pipelineId: status.pipelineId, statusId: status.id, ownerId, position: positionBetween(null, top?.p ?? null), value: null, currency: 'EUR' });
      await recordAudit(em, [{ actorId: viewer.id, action: 'create', entity: 'card', entityId: card.id, clientId, cardId: card.id, changes: { statusId: [null, status.id], pipelineId: [null, status.pipelineId] } }]);
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
    if (asked.length === 0) throw refused('MASS_NOTHING_TO_CHANGE', 'Choose what to change.');
    if (!input.cardIds && !input.filter) throw refused('MASS_NO_TARGET', 'Select cards, or give a filter for all matches.');
    await this.pipelines.get(input.pipelineId);

    const result = await this.ds.transaction(async (em) => {
      // The selected cards, locked, in a table of this transaction: every change below is one
      // statement over it (no per-card work in JavaScript), and so are their audit rows.
      await em.query(
        `CREATE TEMP TABLE mass_targets (id uuid PRIMARY KEY, client_id uuid NOT NULL, pipeline_id uuid NOT NULL, status_id uuid NOT NULL, owner_id uuid,
           position text NOT NULL, classification_id uuid, department_id uuid, changes jsonb NOT NULL DEFAULT '{}') ON COMMIT DROP`,
      );
      const targetColumns = 'c.id, c.client_id, c.pipeline_id, c.status_id, c.owner_id, c.position, cl.classification_id, cl.department_id';
      const insert = `INSERT INTO mass_targets (id, client_id, pipeline_id, status_id, owner_id, position, classification_id, department_id)`;
      if (input.cardIds) {
        const ids = [...new Set(input.cardIds)];
        for (let i = 0; i < ids.length; i += MASS_CHUNK) {
          const p = new SqlParams();
          await em.query(
            `${insert} SELECT ${targetColumns} FROM cards c JOIN clients cl ON cl.id = c.client_id
             WHERE c.id = ANY(${p.param(ids.slice(i, i + MASS_CHUNK))}::uuid[]) AND ${cardVisibility(viewer, p)} ORDER BY c.id FOR UPDATE OF c`,
            p.values,
          );
        }
        const [{ found, elsewhere }] = await em.query(`SELECT count(*)::int AS found, count(*) FILTER (WHERE pipeline_id <> $1)::int AS elsewhere FROM mass_targets`, [input.pipelineId]);
        if (found !== ids.length || elsewhere > 0) throw notFound('Some of the selected cards were');
      } else {
        const p = new SqlParams();
        const where = [`c.pipeline_id = ${p.param(input.pipelineId)}`, cardVisibility(viewer, p), ...cardFilterSql(input.filter, p)];
        await em.query(
          `${insert} SELECT ${targetColumns} FROM cards c JOIN clients cl ON cl.id = c.client_id JOIN statuses s ON s.id = c.status_id
           WHERE ${where.join(' AND ')} ORDER BY c.position, c.id FOR UPDATE OF c`,
          p.values,
        );
      }
      /** Adds `field: [old, new]` to the changes of the targets matching `where` (SQL over mass_targets t). */
      const note = (field: string, oldSql: string, newParam: string, where: string, values: unknown[]) =>
        em.query(`UPDATE mass_targets t SET changes = t.changes || jsonb_build_object('${field}', jsonb_build_array(${oldSql}, ${newParam}::uuid)) WHERE ${where}`, values);
      // Every selected card's values before the change, for undo (mass-undo.service.ts).
      const undo = await snapshotMassUpdate(em, { actorId: viewer.id, pipelineId: input.pipelineId, change });

      if (change.statusId) {
        const status = await em.getRepository(Status).findOneBy({ id: change.statusId });
        if (!status || status.pipelineId !== input.pipelineId || status.archivedAt) throw refused('STATUS_OF_OTHER_PIPELINE', 'That status is not part of this pipeline.');
        // Moving cards go to the end of the column, in their present order.
        const moving: string[] = (await em.query(`SELECT id FROM mass_targets WHERE status_id <> $1 ORDER BY position, id`, [status.id])).map((r: { id: string }) => r.id);
        if (moving.length) {
          const [{ p: last }] = await em.query(`SELECT max(position) AS p FROM cards WHERE status_id = $1 AND deleted_at IS NULL`, [status.id]);
          const keys = positionsBetween(last ?? null, null, moving.length);
          for (let i = 0; i < moving.length; i += MASS_CHUNK) {
            await em.query(
              `UPDATE cards SET status_id = $1, position = m.position, status_changed_at = now(), updated_at = now()
               FROM unnest($2::uuid[], $3::text[]) AS m(id, position) WHERE cards.id = m.id`,
              [status.id, moving.slice(i, i + MASS_CHUNK), keys.slice(i, i + MASS_CHUNK)],
            );
          }
          await note('statusId', 't.status_id', '$1', 't.status_id <> $1', [status.id]);
        }
      }
      if (change.ownerId || change.clearOwner) {
        const ownerId = change.ownerId ?? null;
        if (ownerId && !(await em.getRepository(User).existsBy({ id: ownerId, active: true }))) throw refused('ACTIVE_OWNER', 'Choose an active user as owner.');
        await em.query(`UPDATE cards SET owner_id = $1, updated_at = now() FROM mass_targets t WHERE cards.id = t.id AND t.owner_id IS DISTINCT FROM $1`, [ownerId]);
        await note('ownerId', 't.owner_id', '$1', 't.owner_id IS DISTINCT FROM $1::uuid', [ownerId]);
      }
      const addLink = async (table: 'client_tags' | 'client_categories', column: 'tag_id' | 'category_id', id: string, field: string) => {
        await em.query(
          `WITH added AS (INSERT INTO ${table} (client_id, ${column}) SELECT DISTINCT client_id, $1::uuid FROM mass_targets ON CONFLICT DO NOTHING RETURNING client_id)
           UPDATE mass_targets t SET changes = t.changes || jsonb_build_object('${field}', jsonb_build_array(NULL, $1::uuid)) FROM added WHERE t.client_id = added.client_id`,
          [id],
        );
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
        await em.query(
          `UPDATE clients SET ${column} = $1, updated_at = now() WHERE id IN (SELECT client_id FROM mass_targets WHERE ${column} IS DISTINCT FROM $1)`,
          [id],
        );
        await note(field, `t.${column}`, '$1', `t.${column} IS DISTINCT FROM $1::uuid`, [id]);
      };
      if (change.classificationId) {
        await this.mustExist(em, Classification, change.classificationId, 'classification');
        await setClientField('classification_id', 'classificationId', change.classificationId);
      }
      if (change.departmentId) {
        await this.mustExist(em, Department, change.departmentId, 'department');
        await setClientField('department_id', 'departmentId', change.departmentId);
      }

      // Client-level changes show on the cards too: bump them for other users' live boards (cards
      // this transaction already wrote carry now() and are not written twice).
      await em.query(`UPDATE cards SET updated_at = now() FROM mass_targets t WHERE cards.id = t.id AND t.changes <> '{}' AND cards.updated_at <> now()`);
      // History in the names of the moment, as recordAudit stores them, for the few distinct ids involved.
      const refs: Array<{ key: string; id: string }> = await em.query(
        `SELECT DISTINCT e.key, x.id FROM mass_targets t, jsonb_each(t.changes) e, jsonb_array_elements_text(e.value) x(id) WHERE x.id IS NOT NULL`,
      );
      const names = await namesById(em, refs);
      await em.query(
        `INSERT INTO audit_log (actor_id, action, entity, entity_id, card_id, client_id, changes, names)
         SELECT $1, 'mass_update', 'card', t.id, t.id, t.client_id, t.changes,
                (SELECT coalesce(jsonb_object_agg(e.key, jsonb_build_array($2::jsonb -> (e.value ->> 0), $2::jsonb -> (e.value ->> 1))), '{}')
                 FROM jsonb_each(t.changes) e WHERE (e.value ->> 0) IN (SELECT jsonb_object_keys($2::jsonb)) OR (e.value ->> 1) IN (SELECT jsonb_object_keys($2::jsonb)))
         FROM mass_targets t WHERE t.changes <> '{}'`,
        [viewer.id, JSON.stringify(names)],
      );
      const [counts] = await em.query(`SELECT count(*)::int AS matched, count(*) FILTER (WHERE changes <> '{}')::int AS changed FROM mass_targets`);
      await finishMassUpdate(em, undo.id, counts.changed);
      return { matched: counts.matched as number, changed: counts.changed as number, ...(counts.changed ? { undoId: undo.id, undoUntil: undo.undoUntil } : {}) };
    });
    if (result.changed) await this.onCardsChanged(input.pipelineId);
    return result;
  }

  private async mustExist(em: EntityManager, entity: typeof Tag | typeof Category | typeof Classification | typeof Department, id: string, what: string) {
    if (!(await em.getRepository(entity).existsBy({ id }))) throw refused('LABEL_MISSING', `That ${what} does not exist.`);
  }
}
