/**
 * The card columns that key every report total besides its own keys: the client's department,
 * denormalised on the cards and the status history by triggers (migration DepartmentTotals), so a
 * department-limited viewer and a department filter read the totals too. The totals' SQL takes the
 * keys as a parameter: the migrations before DepartmentTotals build theirs without any.
 */
export type TotalsKeys = readonly string[];

export const TOTALS_KEYS: TotalsKeys = ['department_id'];

/** The keys as a list continuing another (", a.department_id"), over `alias` or bare. */
export const keyList = (keys: TotalsKeys, alias?: string): string => keys.map((k) => `, ${alias ? `${alias}.` : ''}${k}`).join('');

/**
 * In a statement trigger on updates of the status history: whether any row's card_current or keys
 * changed, all that the history's totals depend on of what an update changes. An update that changed
 * neither (a card's owner copied onto its rows) leaves every total as it is, so the totals' triggers
 * skip it instead of recomputing the rows' totals twice. The old and new rows are grouped (an
 * unchanged row's two cancel out), not joined: the planner knows nothing of transition tables.
 */
export function historyTotalsChanged(keys: TotalsKeys): string {
  const state = `id, card_current${keyList(keys)}`;
  return `EXISTS (SELECT 1 FROM (SELECT ${state}, 1 AS sign FROM new_rows UNION ALL SELECT ${state}, -1 FROM old_rows) u
      GROUP BY ${state} HAVING sum(u.sign) > 0)`;
}

/**
 * Every label of every client (client_id, label_id): categories and tags, each read by its primary key
 * (client_id, label), which a join by client probes. The label totals (sql/label-totals.ts) count a
 * card once per label of its client.
 */
export const CLIENT_LABELS = '(SELECT client_id, category_id AS label_id FROM client_categories UNION ALL SELECT client_id, tag_id FROM client_tags)';

/**
 * The live cards (alias c, `columns` of them) of the clients named in `clients` (a relation with a
 * client_id column: a label table's transition rows), each client's looked up through the index of
 * live cards by client. The planner knows nothing of a transition table: joined as a relation on a
 * freshly filled table, it read every card once per changed client (3,000 tags at 100,000 cards: 136 s).
 */
export function liveCardsOfClients(clients: string, columns = 'c.*'): string {
  return `(SELECT ${columns} FROM (SELECT DISTINCT client_id FROM ${clients} x) x
      CROSS JOIN LATERAL (SELECT * FROM cards c WHERE c.client_id = x.client_id AND c.deleted_at IS NULL OFFSET 0) c)`;
}

/**
 * Joins `labels` (CLIENT_LABELS or a relation of client_id, label_id) as alias `as` (l) to the rows `alias` by
 * client. CLIENT_LABELS is probed per row (a lateral lookup by each table's primary key): joined as a
 * relation, the planner hashed every client's labels for a one-card update (a move took twice as long).
 */
export function joinLabels(labels: string, alias: string, as = 'l'): string {
  if (labels !== CLIENT_LABELS) return `JOIN ${labels} ${as} ON ${as}.client_id = ${alias}.client_id`;
  return `CROSS JOIN LATERAL (SELECT category_id AS label_id FROM client_categories WHERE client_id = ${alias}.client_id
    UNION ALL SELECT tag_id FROM client_tags WHERE client_id = ${alias}.client_id OFFSET 0) ${as}`;
}

/**
 * The AFTER INSERT, UPDATE and DELETE statement triggers `<name>_insert`, `_update`, `_delete` on
 * `table`, each with its transition tables (new_rows, old_rows), calling `fn()`: how every totals
 * table follows the rows it counts.
 */
export function statementTriggersSql(name: string, table: string, fn: string): string[] {
  return [
    `CREATE TRIGGER ${name}_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    `CREATE TRIGGER ${name}_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    `CREATE TRIGGER ${name}_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
  ];
}
