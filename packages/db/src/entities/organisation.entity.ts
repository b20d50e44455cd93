import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

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
  /** ISO 4217: reports may convert money into it with the exchange rates; null: per currency only. */
  @Column({ type: 'char', length: 3, nullable: true })
  baseCurrency: string | null;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * An exchange rate an admin entered: one unit of `currency` is worth `rate` units of `baseCurrency`
 * from `validFrom` (a day in the organisation's zone) until the currency's next rate. Rates are kept
 * per base currency, so changing the base does not reinterpret rates entered for another one. A value
 * converts with the latest rate valid on or before the day that matters; the unique index
 * (base, currency, valid_from DESC) serves that look-up and allows one rate per currency per day.
 */
@Entity('exchange_rates')
@Index('exchange_rates_lookup_idx', { synchronize: false })
@Check('exchange_rates_rate_positive', `"rate" > 0`)
@Check('exchange_rates_not_base', `"currency" <> "base_currency"`)
export class ExchangeRate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 3 })
  baseCurrency: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  /** YYYY-MM-DD */
  @Column({ type: 'date' })
  validFrom: string;

  /** Units of the base currency per unit of `currency`, exact (a decimal string, never a float). */
  @Column({ type: 'numeric', precision: 22, scale: 10 })
  rate: string;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
