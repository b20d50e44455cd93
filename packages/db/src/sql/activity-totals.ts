/**
 * The activity report's totals (report_activity_totals), all their SQL in one place: per pipeline,
 * person, kind and UTC hour (for open todos also by exact deadline, kind 'due'), how many events of
 * that kind happened on the pipeline's live cards. The migration ActivityTotals installs the
 * triggers built here (later ones replace them); the report reads the table; the
 * consistency test compares it with recomputeActivityTotals().
 *
 * A total is a sum over pairs (source row, card) of one event each. Every source table and the cards
 * keep it by triggers in the statement that changes them: the changed rows' events are taken away
 * (old rows) and added (new rows), each against the current state of the other side. As a statement
 * changes one table at a time (cascades are statements of their own), the sum stays exact.
 * Cards won come from card_outcome_totals; the kinds here are the other columns of the widget.
 */

import { CLIENT_LABELS, joinLabels, keyList, liveCardsOfClients, TOTALS_KEYS, type TotalsKeys } from './totals-keys';

/** One source of activity events: its rows (alias `a`) tied to a card (alias `c`). */
export interface ActivitySource {
  table: string;
  /** Ties a row to its card by an indexed key (a reply to every card of its client). */
  key: string;
  /**
   * More conditions on the pair, checked after the lookup by key, like the trash mark: inside it, the
   * planner could pick a partial index of the live or the pipeline's cards and scan it per row.
   */
  also?: string;
  user: string;
  kind: string;
  at: string;
  where: string;
  /**
   * The rows matching `when` also count under `kind` keyed by the exact `at` rather than its hour:
   * open todos by their deadline ('due'), so overdue todos of the current hour (those due before
   * now) are summed from the totals like the earlier hours instead of each looking its card up.
   */
  exact?: { kind: string; when: string };
  /** False when the rows are written once (no update trigger). */
  updated?: false;
  /** The card columns its events depend on (besides the trash mark): a card update changing none of them changes none of its events. */
  cardColumns: string[];
  /**
   * For a table whose frequent writes carry no event (the outbox: campaign mails have no card,
   * and a delivery updates each mail twice before it is sent): row triggers that fire only for a row
   * that can carry one (`when`, on the row's own columns) and, on update, only when one of `columns`
   * changed. A statement trigger keeps transition tables of every changed row, which more than
   * doubled the cost of a one-row update.
   */
  rowGate?: { when: (r: 'OLD' | 'NEW') => string; columns: string[] };
}

export const ACTIVITY_SOURCES: ActivitySource[] = [
  // Done todos by the hour done, open ones by their deadline hour and exact deadline (overdue is read
  // as the hours before the current one, then the exact deadlines of the current hour before now).
  {
    table: 'todos',
    key: 'c.id = a.card_id',
    user: 'a.assignee_id',
    kind: `CASE WHEN a.done_at IS NULL THEN 'overdue' ELSE 'todo_done' END`,
    at: 'coalesce(a.done_at, a.deadline)',
    where: 'a.deleted_at IS NULL',
    exact: { kind: `'due'`, when: 'a.done_at IS NULL' },
    cardColumns: ['pipeline_id'],
  },
  {
    table: 'outbox_mails',
    key: 'c.id = a.card_id',
    user: 'a.created_by_id',
    kind: `'mail'`,
    at: 'a.sent_at',
    where: `a.status = 'SENT'`,
    cardColumns: ['pipeline_id'],
    rowGate: { when: (r) => `${r}.status = 'SENT' AND ${r}.card_id IS NOT NULL`, columns: ['status', 'card_id', 'created_by_id', 'sent_at'] },
  },
  { table: 'notes', key: 'c.id = a.card_id', user: 'a.author_id', kind: `'note'`, at: 'a.created_at', where: 'a.deleted_at IS NULL', cardColumns: ['pipeline_id'] },
  // Status changes made, in the row's pipeline while the card is still in it (the history's card_current).
  // The rows are written once: only card_current changes, which the cards' own trigger accounts for
  // (an update trigger would re-read a trashed card's whole history for nothing).
  {
    table: 'card_status_changes',
    key: 'c.id = a.card_id',
    also: 'c.pipeline_id = a.pipeline_id',
    user: 'a.actor_id',
    kind: `'moved'`,
    at: 'a.at',
    where: 'a.from_status_id IS NOT NULL',
    updated: false,
    cardColumns: ['pipeline_id'],
  },
  // Client replies count for the owner of each of the client's cards (looked up through the index
  // of live cards by client, hence the trash mark in the key).
  {
    table: 'inbound_mails',
    key: 'c.client_id = a.client_id AND c.deleted_at IS NULL',
    user: 'c.owner_id',
    kind: `'reply'`,
    at: 'a.received_at',
    where: `a.kind = 'CLIENT'`,
    cardColumns: ['pipeline_id', 'owner_id', 'client_id'],
  },
];

/**
 * A source's events as (pipeline_id, user_id, kind, hour), from `rows` (the table or a transition
 * table) and `cards` (the table, a transition table or one row). `drive` names the side read first:
 * the other is looked up per row (OFFSET 0 keeps the lookup a parameterised index probe instead of
 * letting the planner hash a whole table for a few changed rows); 'join' lets the planner choose.
 */
function events(s: ActivitySource, rows: string, cards: string, drive: 'rows' | 'cards' | 'join', keys: TotalsKeys): string {
  const hour = `date_trunc('hour', ${s.at}, 'UTC')`;
  // A source with exact events gives each row a second event (or none: its kind NULL when `when` fails).
  const [select, each] = s.exact
    ? [
        `SELECT c.pipeline_id, ${s.user} AS user_id, e.kind, e.hour${keyList(keys, 'c')}, c.client_id`,
        ` CROSS JOIN LATERAL (VALUES (${s.kind}, ${hour}), (CASE WHEN ${s.exact.when} THEN ${s.exact.kind} END, ${s.at})) e(kind, hour)`,
      ]
    : [`SELECT c.pipeline_id, ${s.user} AS user_id, ${s.kind} AS kind, ${hour} AS hour${keyList(keys, 'c')}, c.client_id`, ''];
  const valid = [s.also, s.where, `${s.user} IS NOT NULL`, `${s.at} IS NOT NULL`, s.exact && 'e.kind IS NOT NULL'].filter(Boolean).join(' AND ');
  if (drive === 'rows') {
    return `${select} FROM ${rows} a CROSS JOIN LATERAL (SELECT c.* FROM ${cards} c WHERE ${s.key} OFFSET 0) c${each} WHERE c.deleted_at IS NULL AND ${valid}`;
  }
  if (drive === 'cards') {
    return `${select} FROM ${cards} c CROSS JOIN LATERAL (SELECT a.* FROM ${rows} a WHERE ${s.key} OFFSET 0) a${each} WHERE c.deleted_at IS NULL AND ${valid}`;
  }
  return `${select} FROM ${rows} a JOIN ${cards} c ON ${s.key} AND c.deleted_at IS NULL${each} WHERE ${valid}`;
}

/**
 * Adds the signed events (columns pipeline_id, user_id, kind, hour, the keys, client_id, sign) to the
 * totals and, with `labels` (a relation of client_id, label_id), to the totals per label
 * (report_activity_label_totals: each event once per label of its card's client), and with `clients`
 * to the totals per client (report_activity_client_totals, from migration ClientActivityTotals): one
 * statement. `main` false writes the label totals alone (a client's labels changed, not its events).
 */
function apply(signed: string[], keys: TotalsKeys, labels: string | null, main = true, clients = false): string {
  const columns = `pipeline_id, kind, hour, user_id${keyList(keys)}`;
  const upsert = (table: string, head: string, from: string) => `INSERT INTO ${table} AS t (${head}${columns}, n)
    SELECT ${head}${columns}, sum(e.sign) FROM ${from}
    GROUP BY ${head}${columns} HAVING sum(e.sign) <> 0
    ON CONFLICT (${head}${columns}) DO UPDATE SET n = t.n + EXCLUDED.n`;
  const label = labels && upsert('report_activity_label_totals', 'label_id, ', `e ${joinLabels(labels, 'e')}`);
  const others = [label && `labelled AS (${label})`, main && clients && `per_client AS (${upsert('report_activity_client_totals', 'client_id, ', 'e')})`].filter(Boolean);
  if (!others.length) return upsert('report_activity_totals', '', `(${signed.join(' UNION ALL ')}) e`);
  // (The events once, for every table.)
  const events = `WITH e AS MATERIALIZED (${signed.join(' UNION ALL ')})`;
  return main ? `${events}, ${others.join(', ')} ${upsert('report_activity_totals', '', 'e')}` : `${events} ${label}`;
}

/**
 * The label totals are kept along with the totals of the current keys; the migrations before
 * LabelTotals pass the keys of their time and build triggers without them.
 */

const signedOf = (sql: string, sign: 1 | -1) => `SELECT x.*, ${sign} AS sign FROM (${sql}) x`;

/** Every event of the live cards, from the tables: what the totals must equal. */
export function activityEventsSql(sources = ACTIVITY_SOURCES, keys = TOTALS_KEYS): string {
  return sources.map((s) => events(s, s.table, 'cards', 'join', keys)).join(' UNION ALL ');
}

/** The totals recomputed from the source tables (the backfill, and the consistency test's truth). */
export function recomputeActivityTotals(sources = ACTIVITY_SOURCES, keys = TOTALS_KEYS): string {
  const columns = `e.pipeline_id, e.kind, e.hour, e.user_id${keyList(keys, 'e')}`;
  return `SELECT ${columns}, count(*) AS n FROM (${activityEventsSql(sources, keys)}) e GROUP BY ${columns}`;
}

/** The trigger function and triggers of one source (see ActivitySource.rowGate for the row-level kind). */
export function sourceTriggerSql(s: ActivitySource, keys = TOTALS_KEYS, labels: string | null = null, clients = false): string[] {
  const fn = `report_activity_${s.table}`;
  const delta = (rows: string, sign: 1 | -1) => signedOf(events(s, rows, 'cards', 'rows', keys), sign);
  const gate = s.rowGate;
  const [inserted, deleted] = gate ? ['(SELECT NEW.*)', '(SELECT OLD.*)'] : ['new_rows', 'old_rows'];
  const statements = [
    `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${apply([delta(inserted, 1)], keys, labels, true, clients)};
        ELSIF TG_OP = 'DELETE' THEN ${apply([delta(deleted, -1)], keys, labels, true, clients)};
        ELSE ${apply([delta(deleted, -1), delta(inserted, 1)], keys, labels, true, clients)};
        END IF;
        RETURN NULL;
      END $$`,
  ];
  if (gate) {
    const changed = gate.columns.map((col) => `OLD.${col} IS DISTINCT FROM NEW.${col}`).join(' OR ');
    statements.push(
      `CREATE TRIGGER ${fn}_insert AFTER INSERT ON ${s.table} FOR EACH ROW WHEN (${gate.when('NEW')}) EXECUTE FUNCTION ${fn}()`,
      `CREATE TRIGGER ${fn}_delete AFTER DELETE ON ${s.table} FOR EACH ROW WHEN (${gate.when('OLD')}) EXECUTE FUNCTION ${fn}()`,
      `CREATE TRIGGER ${fn}_update AFTER UPDATE ON ${s.table} FOR EACH ROW WHEN ((${gate.when('OLD')} OR ${gate.when('NEW')}) AND (${changed})) EXECUTE FUNCTION ${fn}()`,
    );
    return statements;
  }
  statements.push(
    `CREATE TRIGGER ${fn}_insert AFTER INSERT ON ${s.table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    `CREATE TRIGGER ${fn}_delete AFTER DELETE ON ${s.table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
  );
  if (s.updated !== false) {
    statements.push(`CREATE TRIGGER ${fn}_update AFTER UPDATE ON ${s.table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
  }
  return statements;
}

/** Drops one source's triggers and function. */
export function dropSourceTriggerSql(s: ActivitySource): string[] {
  return [...['insert', 'update', 'delete'].map((op) => `DROP TRIGGER IF EXISTS report_activity_${s.table}_${op} ON ${s.table}`), `DROP FUNCTION report_activity_${s.table}()`];
}

/**
 * A transaction-local setting that turns the cards' row trigger off for the statements that trash or
 * restore many cards at once (setCardsTrashed): they count the cards' events in one statement instead
 * of one statement per card. From migration TrashByStatement on (`gated`), unset everywhere else.
 */
export const ACTIVITY_BY_STATEMENT = 'crm.activity_by_statement';
const BY_STATEMENT_OFF = `current_setting('${ACTIVITY_BY_STATEMENT}', true) IS DISTINCT FROM 'on'`;

/**
 * The trigger functions and triggers keeping the totals of `sources` (statements for the migrations),
 * and with `labels` (CLIENT_LABELS, from migration LabelTotals on) the totals per label too, with
 * `clients` (from migration ClientActivityTotals on) those per client. Without them they write no
 * such table: a migration before those installs them before the table exists. `gated` (from migration
 * TrashByStatement on): the cards' row trigger stands aside while ACTIVITY_BY_STATEMENT is on.
 */
export function activityTriggerSql(sources = ACTIVITY_SOURCES, keys = TOTALS_KEYS, labels: string | null = null, clients = false, gated = false): string[] {
  const statements: string[] = [];
  for (const s of sources) statements.push(...sourceTriggerSql(s, keys, labels, clients));
  // Cards: the sources' events of the cards, driven by the cards (a few index probes per card).
  const ofCards = (cards: string, sign: 1 | -1, of = sources) => of.map((s) => signedOf(events(s, s.table, cards, 'cards', keys), sign));
  const row = (r: 'OLD' | 'NEW') => `(SELECT ${r}.id, ${r}.pipeline_id, ${r}.owner_id, ${r}.client_id, ${r}.deleted_at${keyList(keys, r)})`;
  const moved = (s: ActivitySource) => s.cardColumns.some((col) => col !== 'pipeline_id');
  // Whether the card has any event of those sources (most cards have no reply: a probe, no upsert).
  const ownEvents = (r: 'OLD' | 'NEW') => sources.filter(moved).map((s) => events(s, s.table, row(r), 'cards', keys)).join(' UNION ALL ');
  // A change of a key (the card's department) moves every event of the card, like a move to another
  // pipeline: here when the row trigger fires for another change too (a card given to another client or
  // restored); a change of the department alone (the client's) by moveActivityOfCardsSql().
  const keyChanged = keys.map((k) => ` OR OLD.${k} IS DISTINCT FROM NEW.${k}`).join('');
  // With label or client totals, a card given to another client moves every event too: its labels are the client's.
  const clientChanged = labels || clients ? ' OR OLD.client_id IS DISTINCT FROM NEW.client_id' : '';
  const add = (signed: string[]) => apply(signed, keys, labels, true, clients);
  statements.push(`CREATE FUNCTION report_activity_cards() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${add(ofCards('new_rows', 1))};
        RETURN NULL;
      END $$`);
  // Updates: a row trigger whose WHEN costs nothing for moves and edits (a statement trigger would
  // join the old and new rows of every update). A card trashed, restored or moved to another
  // pipeline or department re-counts every source; a new owner or client only the sources that follow
  // them, and only when the card has such events.
  statements.push(`CREATE FUNCTION report_activity_card_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.pipeline_id IS DISTINCT FROM NEW.pipeline_id OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)${keyChanged}${clientChanged} THEN
          ${add([...ofCards(row('OLD'), -1), ...ofCards(row('NEW'), 1)])};
        ELSIF EXISTS (${ownEvents('OLD')}) OR EXISTS (${ownEvents('NEW')}) THEN
          ${add([...ofCards(row('OLD'), -1, sources.filter(moved)), ...ofCards(row('NEW'), 1, sources.filter(moved))])};
        END IF;
        RETURN NULL;
      END $$`);
  // A deleted card's events go before the row does: its todos, notes and mails are deleted by the
  // cascade afterwards, when no card matches them any more (a purge from the trash costs nothing).
  statements.push(`CREATE FUNCTION report_activity_card_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${add(ofCards(row('OLD'), -1))};
        RETURN OLD;
      END $$`);
  const followed = [...new Set(sources.flatMap((s) => s.cardColumns))];
  statements.push(
    `CREATE TRIGGER report_activity_cards_insert AFTER INSERT ON cards REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_activity_cards()`,
    `CREATE TRIGGER report_activity_cards_update AFTER UPDATE OF deleted_at, ${followed.join(', ')} ON cards FOR EACH ROW
       WHEN (((OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) OR ${followed.map((col) => `OLD.${col} IS DISTINCT FROM NEW.${col}`).join(' OR ')})${gated ? ` AND ${BY_STATEMENT_OFF}` : ''})
       EXECUTE FUNCTION report_activity_card_update()`,
    `CREATE TRIGGER report_activity_cards_delete BEFORE DELETE ON cards FOR EACH ROW WHEN (OLD.deleted_at IS NULL) EXECUTE FUNCTION report_activity_card_delete()`,
  );
  return statements;
}

/**
 * The events of the live cards `cards` (alias c: rows of cards, driving index probes into each source),
 * counted `sign` times, added to the totals: one upsert. Moves the events of cards whose department
 * alone changes (the trigger on clients that sets it takes them away before and adds them after), which
 * the cards' row trigger leaves alone: a mass change of clients' departments in one statement, not
 * card by card (a row trigger per card re-counted the cards of 3,000 clients in 26 s at 100,000 cards,
 * and a statement trigger would tax every update of cards). With `labels` (CLIENT_LABELS) the label
 * totals too, and with `clients` the client totals: the statement then starts with CTEs of its own
 * (DepartmentTotals built it without).
 */
export function activityOfCardsSql(cards: string, sign: 1 | -1, keys = TOTALS_KEYS, labels: string | null = null, clients = false): string {
  return apply(ACTIVITY_SOURCES.map((s) => signedOf(events(s, s.table, cards, 'cards', keys), sign)), keys, labels, true, clients);
}

/**
 * The label totals of the clients' labels `labels` (a relation of client_id, label_id: the rows a
 * statement on client_tags or client_categories wrote or deleted): every event of the clients' live
 * cards, counted `sign` times per changed label. One statement for a mass tagging.
 */
export function activityOfLabelsSql(labels: string, sign: 1 | -1): string {
  return apply(ACTIVITY_SOURCES.map((s) => signedOf(events(s, s.table, liveCardsOfClients(labels), 'cards', TOTALS_KEYS), sign)), TOTALS_KEYS, labels, false);
}

/** The totals per label recomputed from the sources (the backfill, and the consistency test's truth). */
export function recomputeActivityLabelTotals(): string {
  const columns = `e.pipeline_id, e.kind, e.hour, e.user_id${keyList(TOTALS_KEYS, 'e')}`;
  return `SELECT l.label_id, ${columns}, count(*) AS n FROM (${activityEventsSql()}) e JOIN ${CLIENT_LABELS} l ON l.client_id = e.client_id GROUP BY l.label_id, ${columns}`;
}

/** The totals per client recomputed from the sources (the backfill, and the consistency test's truth). */
export function recomputeActivityClientTotals(): string {
  const columns = `e.client_id, e.pipeline_id, e.kind, e.hour, e.user_id${keyList(TOTALS_KEYS, 'e')}`;
  return `SELECT ${columns}, count(*) AS n FROM (${activityEventsSql()}) e GROUP BY ${columns}`;
}

/** Drops what activityTriggerSql() creates. */
export function dropActivityTriggerSql(sources = ACTIVITY_SOURCES): string[] {
  return [
    ...['insert', 'update', 'delete'].map((op) => `DROP TRIGGER report_activity_cards_${op} ON cards`),
    'DROP FUNCTION report_activity_card_delete()',
    'DROP FUNCTION report_activity_card_update()',
    'DROP FUNCTION report_activity_cards()',
    ...sources.flatMap(dropSourceTriggerSql),
  ];
}
