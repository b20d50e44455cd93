/**
 * The card's state copied onto each of its status history rows, so reports read the history alone
 * (index-only) instead of joining the cards: card_current (the card is live and still in the row's
 * pipeline, migration ReportSpeed) and the card columns named here. The cards' statement trigger
 * keeps them (a card's rows all change in one statement per statement on cards), the audit trigger
 * sets them on new rows. Migrations install these with the columns of their time: DepartmentTotals
 * with its own copy for ['department_id'], OwnerHistory with ['department_id', 'owner_id'].
 */
export type HistoryCardColumns = readonly string[];

/** The cards' statement trigger keeping the history's card_current and the card columns. */
export function historyCurrentFunction(columns: HistoryCardColumns): string {
  // The card's state in alias `a`, `live` whether it is out of the trash: "column = value" pairs.
  const state = (a: string, live: string) => [`card_current = (${live} AND ${a}.pipeline_id = h.pipeline_id)`, ...columns.map((col) => `${col} = ${a}.${col}`)];
  const set = (a: string, live: string) => state(a, live).join(', ');
  const differs = (a: string, live: string) => `(${state(a, live).map((s) => `h.${s.replace(' = ', ' IS DISTINCT FROM ')}`).join(' OR ')})`;
  const extra = columns.map((col) => `, ${col}`).join('');
  return `CREATE OR REPLACE FUNCTION card_status_changes_current() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          UPDATE card_status_changes h SET card_current = false FROM old_rows o WHERE h.card_id = o.id AND h.card_current;
        ELSIF TG_OP = 'INSERT' THEN
          UPDATE card_status_changes h SET ${set('n', 'n.deleted_at IS NULL')}
          FROM new_rows n WHERE h.card_id = n.id AND ${differs('n', 'n.deleted_at IS NULL')};
        ELSE
          -- The new state of the cards whose trash mark, pipeline${columns.length ? ` or ${columns.join(' or ')}` : ''} changed (each
          -- card's old and new rows grouped: the groups left with a new row alone), all in one statement.
          UPDATE card_status_changes h SET ${set('k', 'k.live')}
          FROM (SELECT u.id, u.pipeline_id, u.live${columns.map((col) => `, u.${col}`).join('')} FROM (
                  SELECT id, pipeline_id, deleted_at IS NULL AS live${extra}, 1 AS sign FROM new_rows
                  UNION ALL SELECT id, pipeline_id, deleted_at IS NULL${extra}, -1 FROM old_rows) u
                GROUP BY ${[1, 2, 3, ...columns.map((_, i) => i + 4)].join(', ')} HAVING sum(u.sign) > 0) k
          WHERE h.card_id = k.id AND ${differs('k', 'k.live')};
        END IF;
        RETURN NULL;
      END $$`;
}

/**
 * The audit trigger writing the history (migration ReportSpeed): new rows take the card's state.
 * `onlyStatusChanges` (migration HistoryOnlyForStatusChanges): a statement whose History entries
 * change no card's status returns at once. Most entries are not status changes (notes, todos, mails,
 * edits, automation steps), and the INSERT with no row still fired every statement trigger of the
 * status history (the totals), each planned afresh in a new connection: 48 ms on a connection's first
 * History entry, 1.3 ms after, and 28 ms of a 500-mail automation batch.
 */
export function historyFromAuditFunction(columns: HistoryCardColumns, onlyStatusChanges = false): string {
  const extra = (a: string) => columns.map((col) => `, ${a}${col}`).join('');
  const statusRows = `new_rows r WHERE r.entity = 'card' AND r.card_id IS NOT NULL AND r.changes ? 'statusId'`;
  return `CREATE OR REPLACE FUNCTION card_status_changes_from_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${onlyStatusChanges ? `IF NOT EXISTS (SELECT 1 FROM ${statusRows}) THEN RETURN NULL; END IF;` : ''}
        -- A card's earlier change in the same statement, else its latest one before: the stay's start.
        INSERT INTO card_status_changes (card_id, pipeline_id, status_id, from_status_id, from_status_at, at, actor_id, card_current${extra('')})
        SELECT n.card_id, s.pipeline_id, s.id, (n.changes -> 'statusId' ->> 0)::uuid,
          CASE WHEN n.changes -> 'statusId' ->> 0 IS NOT NULL
            THEN coalesce(n.prev_at, (SELECT max(p.at) FROM card_status_changes p WHERE p.card_id = n.card_id)) END,
          n.at, n.actor_id,
          -- Looked up by id alone: conditions on the card in the lookup would let the planner pick a
          -- partial index of the pipeline's cards and scan it for every row.
          coalesce(c.deleted_at IS NULL AND c.pipeline_id = s.pipeline_id, false)${extra('c.')}
        FROM (SELECT r.*, lag(r.at) OVER (PARTITION BY r.card_id ORDER BY r.at, r.id) AS prev_at FROM ${statusRows}) n
        JOIN statuses s ON s.id = (n.changes -> 'statusId' ->> 1)::uuid
        LEFT JOIN LATERAL (SELECT c.deleted_at, c.pipeline_id${extra('c.')} FROM cards c WHERE c.id = n.card_id) c ON true
        ORDER BY n.id;
        RETURN NULL;
      END $$`;
}
