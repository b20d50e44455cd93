import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from './user.entity';

/**
 * A key an integration sends as `Authorization: Bearer crm_...`. Only the SHA-256 of the token is
 * kept; the request acts as the key's service user (its audit entries name the key).
 */
@Entity('api_keys')
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  /** The token's first characters, shown in the list so an admin can tell keys apart. */
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  @Index('api_keys_token_hash_key', { unique: true })
  @Column({ type: 'char', length: 64, select: false })
  tokenHash: string;

  /** Write keys may run mutations; read keys only queries. */
  @Column({ type: 'boolean', default: false })
  canWrite: boolean;

  /** The modules the key may reach (CARDS, CLIENTS, TODOS, MAIL, REPORTS). */
  @Column({ type: 'text', array: true })
  modules: string[];

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  /** The user the key's requests act as (service = true, never signs in). */
  @Column({ type: 'uuid' })
  serviceUserId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_user_id' })
  serviceUser?: User;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A URL that receives the chosen events, signed with its secret. */
@Entity('webhooks')
export class Webhook {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ type: 'text', array: true })
  events: string[];

  /** The HMAC-SHA256 key of the signatures (the receiver keeps a copy). */
  @Column({ type: 'varchar', length: 100, select: false })
  secret: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Why the hook was turned off by the system (a delivery failed for the whole retry window). */
  @Column({ type: 'varchar', length: 400, nullable: true })
  disabledReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * The outbox: one row per event, written in the transaction of the change. The worker fans each
 * out into deliveries (dispatched_at set), so an event outlives a Redis or receiver outage.
 */
@Entity('integration_events')
@Index('integration_events_pending_idx', ['id'], { where: 'dispatched_at IS NULL' })
export class IntegrationEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  type: string;

  /** card, client, todo, inbound_mail */
  @Column({ type: 'varchar', length: 32 })
  entity: string;

  @Column({ type: 'uuid' })
  entityId: string;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;
}

/** One event sent (or to be sent) to one hook: the log an admin searches and re-sends from. */
@Entity('webhook_deliveries')
@Index('webhook_deliveries_hook_idx', ['webhookId', 'id'])
export class WebhookDelivery {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  webhookId: string;

  @ManyToOne(() => Webhook, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhook_id' })
  webhook?: Webhook;

  @Column({ type: 'bigint', nullable: true })
  eventId: string | null;

  @Column({ type: 'varchar', length: 40 })
  eventType: string;

  /** The JSON body sent (the same bytes on every attempt). */
  @Column({ type: 'text' })
  requestBody: string;

  /** PENDING, DELIVERED, FAILED (gave up), SKIPPED (the item went to the trash first). */
  @Column({ type: 'varchar', length: 16, default: 'PENDING' })
  state: string;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'int', nullable: true })
  responseCode: number | null;

  @Column({ type: 'varchar', length: 400, nullable: true })
  lastError: string | null;

  /** How long the last attempt took. */
  @Column({ type: 'int', nullable: true })
  durationMs: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;
}

/** Organisation-wide settings an admin changes (key → JSON value). */
@Entity('app_settings')
export class AppSetting {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'jsonb' })
  value: unknown;
}
