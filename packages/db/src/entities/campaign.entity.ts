import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Client, Contact } from './client.entity';
import { OutboxMail } from './mail.entity';
import { User } from './user.entity';

/**
 * A distribution list (PRODUCT.md 3): STATIC (members picked by hand) or DYNAMIC (a saved client
 * filter, evaluated when it is read or sent to). Its channel says what it addresses.
 */
@Entity('distribution_lists')
export class DistributionList {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** STATIC or DYNAMIC */
  @Column({ type: 'varchar', length: 8 })
  kind: string;

  /** EMAIL, POSTAL or SMS */
  @Column({ type: 'varchar', length: 8 })
  channel: string;

  /** Which contacts of each client receive: PRIMARY, ALL or ROLE (contacts whose title matches `role`). */
  @Column({ type: 'varchar', length: 8, default: 'PRIMARY' })
  recipients: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  role: string | null;

  /** The client filter of a DYNAMIC list (the client list's filter input). */
  @Column({ type: 'jsonb', nullable: true })
  filter: Record<string, unknown> | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User | null;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A client on a static list. */
@Entity('distribution_list_members')
@Index('distribution_list_members_client_idx', ['clientId'])
export class DistributionListMember {
  @PrimaryColumn({ type: 'uuid' })
  listId: string;

  @ManyToOne(() => DistributionList, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'list_id' })
  list?: DistributionList;

  @PrimaryColumn({ type: 'uuid' })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id' })
  client?: Client;

  @Column({ type: 'uuid', nullable: true })
  addedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  addedAt: Date;
}

/**
 * A template sent to a list. DRAFT -> SCHEDULED (waits for `scheduledAt`) -> PREPARING (recipients
 * chosen, mails rendered into the outbox, held) -> SENDING (released at the throttle) -> DONE;
 * PAUSED and CANCELLED on request.
 */
@Entity('campaigns')
@Index('campaigns_status_idx', ['status', 'scheduledAt'])
export class Campaign {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'uuid' })
  listId: string;

  @ManyToOne(() => DistributionList, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'list_id' })
  list?: DistributionList;

  @Column({ type: 'uuid' })
  templateId: string;

  @Column({ type: 'varchar', length: 200 })
  fromName: string;

  @Column({ type: 'varchar', length: 254 })
  fromAddress: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  replyTo: string | null;

  /** The language dates and numbers are written in. */
  @Column({ type: 'varchar', length: 8, default: 'en' })
  locale: string;

  /** When to send; null: as soon as it is started. */
  @Column({ type: 'timestamptz', nullable: true })
  scheduledAt: Date | null;

  @Column({ type: 'varchar', length: 12, default: 'DRAFT' })
  status: string;

  /** Mails released per minute, and per recipient domain per minute. */
  @Column({ type: 'integer', default: 600 })
  perMinute: number;

  @Column({ type: 'integer', default: 60 })
  perDomainPerMinute: number;

  /** Whether its mails carry the open pixel and tracked links (the organisation's setting when it was prepared). */
  @Column({ type: 'boolean', default: false })
  tracking: boolean;

  /** The sender confirmed that recipients with missing template values are left out. */
  @Column({ type: 'boolean', default: false })
  skipMissing: boolean;

  /** The user whose visibility decides the recipients (at send time). */
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User | null;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One address of a campaign: left out (with the reason) or given an outbox mail. */
@Entity('campaign_recipients')
@Index('campaign_recipients_email_key', ['campaignId', 'email'], { unique: true })
@Index('campaign_recipients_outbox_idx', ['outboxId'])
@Index('campaign_recipients_address_idx', ['email'])
export class CampaignRecipient {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @Column({ type: 'uuid' })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id' })
  client?: Client;

  @Column({ type: 'uuid', nullable: true })
  contactId: string | null;

  @ManyToOne(() => Contact, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contact_id' })
  contact?: Contact | null;

  /** Lower-case address. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 254 })
  domain: string;

  /** QUEUED (has or will get a mail) or SKIPPED (see skipReason). */
  @Column({ type: 'varchar', length: 8, default: 'QUEUED' })
  state: string;

  /** SUPPRESSED, MISSING_VALUES */
  @Column({ type: 'varchar', length: 16, nullable: true })
  skipReason: string | null;

  @Column({ type: 'text', array: true, nullable: true })
  missing: string[] | null;

  @Column({ type: 'uuid', nullable: true })
  outboxId: string | null;

  @ManyToOne(() => OutboxMail, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'outbox_id' })
  outbox?: OutboxMail | null;

  /** When the mail was let out to the worker (the throttle counts these). */
  @Column({ type: 'timestamptz', nullable: true })
  releasedAt: Date | null;

  /** HARD or SOFT */
  @Column({ type: 'varchar', length: 4, nullable: true })
  bounce: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  bouncedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  unsubscribedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  repliedAt: Date | null;

  /** When a feedback report (RFC 5965) said the recipient marked the mail as spam. */
  @Column({ type: 'timestamptz', nullable: true })
  complainedAt: Date | null;

  /** First time the open pixel was loaded, and how often (approximate: images may be blocked or pre-fetched). */
  @Column({ type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  opens: number;

  /** First click on a tracked link, and how many. */
  @Column({ type: 'timestamptz', nullable: true })
  clickedAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  clicks: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A link of a tracked campaign's mails: the click redirect reads its address here (by id, checked
 * against the recipient's campaign), so it can only lead to what was in the mail.
 */
@Entity('campaign_links')
@Index('campaign_links_url_key', ['campaignId', 'url'], { unique: true })
export class CampaignLink {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'integer', default: 0 })
  clicks: number;
}

/** An address no campaign may mail. */
@Entity('suppressions')
export class Suppression {
  /** Lower-case address. */
  @PrimaryColumn({ type: 'varchar', length: 254 })
  email: string;

  /** UNSUBSCRIBED, HARD_BOUNCE, SOFT_BOUNCES, COMPLAINED or MANUAL (added by hand) */
  @Column({ type: 'varchar', length: 16 })
  reason: string;

  /** CAMPAIGNS (campaign mail only) or ALL (they asked to receive nothing: card and automation mail too). */
  @Column({ type: 'varchar', length: 10, default: 'CAMPAIGNS' })
  scope: string;

  /** Where it came from: unsubscribe link, one-click, bounce, by hand ... */
  @Column({ type: 'varchar', length: 40 })
  source: string;

  @Column({ type: 'uuid', nullable: true })
  campaignId: string | null;

  /** Who added it by hand (null: the system, from an unsubscribe or a bounce). */
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A contact's consent to campaign mail, as a history: the latest row is the current state. */
@Entity('contact_consents')
@Index('contact_consents_contact_idx', ['contactId', 'createdAt'])
export class ContactConsent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  contactId: string;

  @ManyToOne(() => Contact, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id' })
  contact?: Contact;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** OPTED_IN or OPTED_OUT */
  @Column({ type: 'varchar', length: 10 })
  status: string;

  /** How: unsubscribe link, one-click, by hand, import, bounce ... */
  @Column({ type: 'varchar', length: 40 })
  source: string;

  @Column({ type: 'uuid', nullable: true })
  campaignId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
