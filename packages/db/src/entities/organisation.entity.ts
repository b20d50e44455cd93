import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The organisation's settings: one row (id 1), written by an admin. A null column means "not set":
 * the default is used (time zone from ORG_TIME_ZONE, language from the first admin's, country from
 * the language); see loadOrganisationSettings.
 */
@Entity('organisation_settings')
@Check('organisation_settings_single_row', `"id" = 1`)
export class OrganisationSettingsRow {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  timeZone: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  language: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  defaultCountry: string | null;

  /** Campaign mails let out per minute, and per recipient domain per minute (null: CAMPAIGN_PER_MINUTE and CAMPAIGN_PER_DOMAIN_PER_MINUTE). */
  @Column({ type: 'integer', nullable: true })
  campaignPerMinute: number | null;

  @Column({ type: 'integer', nullable: true })
  campaignPerDomainPerMinute: number | null;

  /** Approximate open and click tracking in campaign mail (off unless an admin turns it on). */
  @Column({ type: 'boolean', default: false })
  campaignTracking: boolean;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
