import { loadBaseCurrency, loadOrganisationSettings, loadOrganisationTimeZone, saveOrganisationSettings, type OrganisationSettings } from '@crm/db';
import { isOrgCountry, isOrgLanguage, isTimeZone, ORG_COUNTRIES, ORG_LANGUAGES } from '@crm/shared';
import type { DataSource } from 'typeorm';
import { badFields } from '../../graphql/errors';
import { diff, withAudit } from '../audit/audit';

/** The audit log's id for the organisation's one settings row. */
export const ORGANISATION_AUDIT_ID = '00000000-0000-0000-0000-000000000001';
import type { OrganisationSettingsInput, OrganisationType } from './organisation.types';

/**
 * The organisation's settings, read from the database on each use (one primary-key read), so a
 * change made by an admin reaches every API process and the worker at once. `fallbackTimeZone` is
 * ORG_TIME_ZONE: the zone until an admin saves one.
 */
export class OrganisationService {
  constructor(
    private readonly ds: DataSource,
    readonly fallbackTimeZone: string,
    /** Countries whose tax numbers a configured company registry looks up. */
    private readonly lookupCountries: () => string[] = () => [],
  ) {}

  settings(): Promise<OrganisationSettings> {
    return loadOrganisationSettings(this.ds.manager, this.fallbackTimeZone);
  }

  /** The zone alone (mail rendering, report periods, exports, automation timing). */
  timeZone(): Promise<string> {
    return loadOrganisationTimeZone(this.ds.manager, this.fallbackTimeZone);
  }

  async get(): Promise<OrganisationType> {
    return { ...(await this.settings()), baseCurrency: await loadBaseCurrency(this.ds.manager), defaultTimeZone: this.fallbackTimeZone, companyLookupCountries: this.lookupCountries() };
  }

  /** Checks every field (a known IANA zone, language and country) and saves them together. */
  async update(actorId: string, input: OrganisationSettingsInput): Promise<OrganisationType> {
    const problems: Record<string, { code: string; text: string }> = {};
    // An IANA name (Region/City or UTC), not an offset such as +01:00; stored as Intl spells it ("europe/warsaw" → "Europe/Warsaw").
    const named = input.timeZone.trim();
    const valid = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(named) && isTimeZone(named);
    const timeZone = valid ? new Intl.DateTimeFormat('en', { timeZone: named }).resolvedOptions().timeZone : named;
    if (!valid) problems.timeZone = { code: 'TIME_ZONE_UNKNOWN', text: 'Choose a time zone such as Europe/Warsaw.' };
    if (!isOrgLanguage(input.language)) problems.language = { code: 'LANGUAGE_UNKNOWN', text: `Choose one of ${ORG_LANGUAGES.join(', ')}.` };
    if (!isOrgCountry(input.defaultCountry)) problems.defaultCountry = { code: 'COUNTRY_UNKNOWN', text: `Choose one of ${ORG_COUNTRIES.join(', ')}.` };
    if (Object.keys(problems).length) throw badFields('Some settings are not valid.', problems);
    const after: OrganisationSettings = { timeZone, language: input.language as OrganisationSettings['language'], defaultCountry: input.defaultCountry as OrganisationSettings['defaultCountry'] };
    // Who changed which setting from what to what goes to the audit log (with the save, in one transaction).
    await withAudit(this.ds, actorId, 'organisation', 'update', async (em) => {
      const before = await loadOrganisationSettings(em, this.fallbackTimeZone);
      await saveOrganisationSettings(em, after, actorId);
      return { id: ORGANISATION_AUDIT_ID, changes: diff(before, after, ['timeZone', 'language', 'defaultCountry']), result: undefined };
    });
    return this.get();
  }
}
