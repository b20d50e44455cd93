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
