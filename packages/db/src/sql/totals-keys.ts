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
 * Every label of every client (client_id, label_id): categories and tags, each read by its primary key
 * (client_id, label), which a join by client probes. The label totals (sql/label-totals.ts) count a
 * card once per label of its client.
 */
export const CLIENT_LABELS = '(SELECT client_id, category_id AS label_id FROM client_categories UNION ALL SELECT client_id, tag_id FROM client_tags)';

/**
 * Joins `labels` (CLIENT_LABELS or a relation of client_id, label_id) as alias l to the rows `alias` by
 * client. CLIENT_LABELS is probed per row (a lateral lookup by each table's primary key): joined as a
 * relation, the planner hashed every client's labels for a one-card update (a move took twice as long).
 */
export function joinLabels(labels: string, alias: string): string {
  if (labels !== CLIENT_LABELS) return `JOIN ${labels} l ON l.client_id = ${alias}.client_id`;
  return `CROSS JOIN LATERAL (SELECT category_id AS label_id FROM client_categories WHERE client_id = ${alias}.client_id
    UNION ALL SELECT tag_id FROM client_tags WHERE client_id = ${alias}.client_id OFFSET 0) l`;
}
