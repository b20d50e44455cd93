import { FREE_MAIL_DOMAINS } from '../mail/free-mail';
import { clientVisibility } from '../access/scope';
import type { Viewer } from '../access/viewer';
import type { SqlParams } from '../sql/card-filter';

/**
 * The keys on which two clients are probably the same, as SQL: lower-cased emails (the client's and
 * its contacts'), phones as stored in clients.phone_keys (normalize_phone() with the organisation's
 * default country, at least 7 digits), tax ids without punctuation,
 * company domains that are not free-mail. The duplicates page and imports both match on these.
 */
// normalize_tax_id() is an SQL function (migration LookupIndexes) that an expression index serves; phone keys are a
// stored column (migration PhoneCountryKeys) that a GIN index serves, written in org_phone_country().
export const taxIdKeySql = (expr: string) => `normalize_tax_id(${expr})`;
// The country is read once per statement (a sub-select): called per value, it ran its own queries
// each time, 2,000 times for an import batch.
export const phoneKeySql = (expr: string) => `normalize_phone(${expr}, (SELECT org_phone_country()))`;
export const MIN_PHONE_KEY = 7;
/**
 * Said once by a transaction that writes many clients: the phone-keys trigger then reads the
 * country from this transaction-local setting instead of looking it up per row (migration
 * PhoneCountryOncePerBatch).
 */
export const PHONE_COUNTRY_FOR_TRANSACTION_SQL = `SELECT set_config('crm.phone_country', org_phone_country(), true)`;

/** Every key of every visible client: rows (client_id, reason, value). */
export function duplicateKeysSql(viewer: Viewer, p: SqlParams): string {
  const visible = clientVisibility(viewer, p);
  const free = p.param(FREE_MAIL_DOMAINS);
  return `
    SELECT cl.id AS client_id, 'EMAIL' AS reason, lower(trim(e)) AS value FROM clients cl, unnest(cl.emails) e WHERE ${visible}
    UNION SELECT cl.id, 'EMAIL', lower(trim(e)) FROM clients cl JOIN contacts ct ON ct.client_id = cl.id AND ct.deleted_at IS NULL, unnest(ct.emails) e WHERE ${visible}
    UNION SELECT cl.id, 'PHONE', k FROM clients cl, unnest(cl.phone_keys) k WHERE ${visible}
    UNION SELECT cl.id, 'TAX_ID', ${taxIdKeySql('cl.tax_id')} FROM clients cl WHERE ${visible} AND cl.tax_id IS NOT NULL
    UNION SELECT cl.id, 'DOMAIN', lower(cl.domain) FROM clients cl WHERE ${visible} AND cl.domain IS NOT NULL AND lower(cl.domain) <> ALL(${free}::text[])`;
}
