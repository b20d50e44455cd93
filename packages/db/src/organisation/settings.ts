import { COUNTRY_OF_LANGUAGE, DEFAULT_TIME_ZONE, isOrgCountry, isOrgLanguage, isTimeZone, orgLanguageOf, Role, type OrgCountry, type OrgLanguage } from '@crm/shared';
import type { EntityManager } from 'typeorm';
import { nameCollation } from '../sql/card-list';

/** The organisation's settings as every reader uses them (defaults filled in). */
export interface OrganisationSettings {
  /** IANA zone: mail dates, deadlines, todo entry, report periods and automation timing read in it. */
  timeZone: string;
  /** Names and labels are sorted in this language's alphabetical order. */
  language: OrgLanguage;
  /** Phones written without a country code are this country's. */
  defaultCountry: OrgCountry;
}

/** ORG_TIME_ZONE when it is a valid zone, else Europe/Budapest: the zone until an admin sets one. */
export function envTimeZone(env: NodeJS.ProcessEnv = process.env): string {
  const z = env.ORG_TIME_ZONE;
  return z && isTimeZone(z) ? z : DEFAULT_TIME_ZONE;
}

/**
 * The organisation's settings: the saved row, each unset value defaulted — the time zone from
 * `fallbackTimeZone` (ORG_TIME_ZONE), the language from the first admin's, the phone country from
 * the language. One primary-key read (and the first admin's locale only while no language is saved).
 */
export async function loadOrganisationSettings(em: EntityManager, fallbackTimeZone: string = envTimeZone()): Promise<OrganisationSettings> {
  const [row] = await em.query(`SELECT time_zone, language, default_country FROM organisation_settings WHERE id = 1`);
  const language: OrgLanguage = isOrgLanguage(row?.language) ? row.language : await freezeDefaultLanguage(em);
  return {
    timeZone: row?.time_zone && isTimeZone(row.time_zone) ? row.time_zone : fallbackTimeZone,
    language,
    defaultCountry: isOrgCountry(row?.default_country) ? row.default_country : COUNTRY_OF_LANGUAGE[language],
  };
}

/** Saves the settings (the caller has validated them); returns them as read back. */
export async function saveOrganisationSettings(em: EntityManager, s: OrganisationSettings, actorId: string | null): Promise<void> {
  const [{ country: before }] = await em.query(`SELECT org_phone_country() AS country`);
  await em.query(
    `INSERT INTO organisation_settings (id, time_zone, language, default_country, updated_by_id, updated_at) VALUES (1, $1, $2, $3, $4, now())
     ON CONFLICT (id) DO UPDATE SET time_zone = $1, language = $2, default_country = $3, updated_by_id = $4, updated_at = now()`,
    [s.timeZone, s.language, s.defaultCountry, actorId],
  );
  // Stored phone keys read national numbers in the default country: rewrite them when it changes.
  if (before !== s.defaultCountry) {
    await em.query(`UPDATE clients SET phone_keys = normalize_phones(phones, $1) WHERE cardinality(phones) > 0`, [s.defaultCountry]);
  }
}

/** The organisation's time zone alone: the saved one, else `fallback` (ORG_TIME_ZONE). */
export async function loadOrganisationTimeZone(em: EntityManager, fallback: string = envTimeZone()): Promise<string> {
  const [row] = await em.query(`SELECT time_zone FROM organisation_settings WHERE id = 1`);
  return row?.time_zone && isTimeZone(row.time_zone) ? row.time_zone : fallback;
}

/** The collation language alone (the list sorts read it on every page). */
export async function loadOrganisationLanguage(em: EntityManager): Promise<OrgLanguage> {
  const [row] = await em.query(`SELECT language FROM organisation_settings WHERE id = 1`);
  return isOrgLanguage(row?.language) ? row.language : freezeDefaultLanguage(em);
}

/**
 * The sorting language before an admin has saved one: the first admin's language at the time it is
 * first read, stored then, so that the admin switching their own UI language later does not
 * reorder everyone's lists (nor change the default phone country that follows it). Nothing is
 * stored while there is no admin. A concurrent first read keeps whichever was stored first.
 */
async function freezeDefaultLanguage(em: EntityManager): Promise<OrgLanguage> {
  const [admin] = await em.query(`SELECT locale FROM users WHERE role = $1 ORDER BY created_at, id LIMIT 1`, [Role.Admin]);
  if (!admin) return orgLanguageOf(null);
  const [row] = await em.query(
    `INSERT INTO organisation_settings (id, language) VALUES (1, $1)
     ON CONFLICT (id) DO UPDATE SET language = coalesce(organisation_settings.language, EXCLUDED.language) RETURNING language`,
    [orgLanguageOf(admin.locale)],
  );
  return orgLanguageOf(row.language);
}

/**
 * How names and labels are sorted for a user: a function that puts `expr` in the organisation
 * language's collation (`lower(x.name) COLLATE "pl-PL-x-icu"`). Every user-visible sort of names
 * uses it (one settings read per call).
 */
export async function loadNameOrder(em: EntityManager): Promise<(expr: string) => string> {
  const language = await loadOrganisationLanguage(em);
  return (expr) => nameCollation(expr, language);
}

/** Engine options with the organisation's saved time zone (the options' own zone is the ORG_TIME_ZONE fallback). */
export async function withOrganisationZone<T extends { timeZone: string }>(em: EntityManager, opts: T): Promise<T> {
  return { ...opts, timeZone: await loadOrganisationTimeZone(em, opts.timeZone) };
}

/**
 * Campaign settings as saved by an admin: the throttle (null: the environment's default,
 * CAMPAIGN_PER_MINUTE and CAMPAIGN_PER_DOMAIN_PER_MINUTE) and whether opens and clicks are tracked.
 */
export interface CampaignSettings {
  perMinute: number | null;
  perDomainPerMinute: number | null;
  tracking: boolean;
}

export async function loadCampaignSettings(em: EntityManager): Promise<CampaignSettings> {
  const [row] = await em.query(`SELECT campaign_per_minute, campaign_per_domain_per_minute, campaign_tracking FROM organisation_settings WHERE id = 1`);
  return { perMinute: row?.campaign_per_minute ?? null, perDomainPerMinute: row?.campaign_per_domain_per_minute ?? null, tracking: row?.campaign_tracking ?? false };
}

/** Saves the campaign settings (the caller has validated them); the other settings are left as they are. */
export async function saveCampaignSettings(em: EntityManager, s: CampaignSettings, actorId: string | null): Promise<void> {
  await em.query(
    `INSERT INTO organisation_settings (id, campaign_per_minute, campaign_per_domain_per_minute, campaign_tracking, updated_by_id, updated_at) VALUES (1, $1, $2, $3, $4, now())
     ON CONFLICT (id) DO UPDATE SET campaign_per_minute = $1, campaign_per_domain_per_minute = $2, campaign_tracking = $3, updated_by_id = $4, updated_at = now()`,
    [s.perMinute, s.perDomainPerMinute, s.tracking, actorId],
  );
}
