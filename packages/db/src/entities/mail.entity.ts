import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Card } from './card.entity';
import { Client, Contact } from './client.entity';

/** An email template of a pipeline: Handlebars subject and body over the variable catalogue. */
@Entity('email_templates')
@Index('email_templates_pipeline_idx', ['pipelineId', 'name'])
export class EmailTemplate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pipelineId: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  category: string | null;

  @Column({ type: 'varchar', length: 500 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A todo template: pre-fills todos on cards and in automations. */
@Entity('todo_templates')
export class TodoTemplate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  pipelineId: string | null;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  /** Days from creation to the deadline. */
  @Column({ type: 'integer', default: 1 })
  deadlineOffsetDays: number;

  /** HH:MM in the organisation's time zone; null keeps the time of creation. */
  @Column({ type: 'varchar', length: 5, nullable: true })
  deadlineTime: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A mail to send. Written with its History entry in one transaction; the worker delivers it and
 * records the SMTP answer. The idempotency key makes a repeated request or job write no second row.
 */
@Entity('outbox_mails')
@Index('outbox_mails_status_idx', ['status', 'createdAt'])
@Index('outbox_mails_card_idx', ['cardId', 'createdAt'])
export class OutboxMail {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('outbox_mails_idempotency_key', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  idempotencyKey: string;

  @Column({ type: 'uuid', nullable: true })
  cardId: string | null;

  /** Purging the card deletes its mail (bodies included). */
  @ManyToOne(() => Card, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'card_id' })
  card?: Card | null;

  @Column({ type: 'uuid', nullable: true })
  clientId: string | null;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id' })
  client?: Client | null;

  @Column({ type: 'uuid', nullable: true })
  templateId: string | null;

  @Column({ type: 'varchar', length: 254 })
  fromAddress: string;

  @Column({ type: 'varchar', length: 200 })
  fromName: string;

  /** The person's own address when the mail goes out from the organisation's sender (MAIL_FROM). */
  @Column({ type: 'varchar', length: 254, nullable: true })
  replyTo: string | null;

  @Column({ type: 'text', array: true })
  toAddresses: string[];

  @Column({ type: 'varchar', length: 998 })
  subject: string;

  @Column({ type: 'text' })
  html: string;

  @Column({ type: 'text' })
  text: string;

  /** Extra headers (a campaign's List-Unsubscribe and List-Unsubscribe-Post). */
  @Column({ type: 'jsonb', nullable: true })
  headers: Record<string, string> | null;

  /** HELD (a campaign mail waiting for the throttle to let it out), QUEUED, SENDING, SENT, FAILED, UNCERTAIN (the worker stopped mid-send: not resent automatically) or CANCELLED (its card or client went to the trash before it was sent). */
  @Column({ type: 'varchar', length: 12, default: 'QUEUED' })
  status: string;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** The Message-ID header we sent (a bounce finds its mail by it). */
  @Index('outbox_mails_message_id_idx')
  @Column({ type: 'varchar', length: 255 })
  messageId: string;

  @Column({ type: 'text', nullable: true })
  smtpResponse: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A message that came in (by SMTP, HTTP or a synced mailbox), and where it was routed. */
@Entity('inbound_mails')
@Index('inbound_mails_client_idx', ['clientId', 'receivedAt'])
@Index('inbound_mails_unsorted_idx', ['receivedAt'], { where: "client_id IS NULL AND kind = 'UNSORTED'" })
export class InboundMail {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The Message-ID header; null when the message had none. */
  @Index('inbound_mails_message_id_idx')
  @Column({ type: 'varchar', length: 998, nullable: true })
  messageId: string | null;

  /** Message-ID, sender and content hash together (the content hash alone without a Message-ID): a message delivered twice is stored once. */
  @Index('inbound_mails_dedupe_key', { unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  dedupeKey: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  contentHash: string | null;

  /** The sender's address in full; null when the message had no From ("unknown sender"). */
  @Column({ type: 'text', nullable: true })
  fromAddress: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  fromName: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  toAddresses: string[];

  @Column({ type: 'varchar', length: 998, default: '' })
  subject: string;

  @Column({ type: 'text', default: '' })
  text: string;

  @Column({ type: 'text', nullable: true })
  html: string | null;

  /** The Date header. */
  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'varchar', length: 998, nullable: true })
  inReplyTo: string | null;

  /** The charset guessed for 8-bit text that declared none (the raw bytes are kept). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  detectedCharset: string | null;

  /** The whole RFC 822 source, gzip-compressed. */
  @Column({ type: 'bytea', nullable: true, select: false })
  raw: Buffer | null;

  @Column({ type: 'integer', default: 0 })
  rawSize: number;

  /** Names, types and sizes of the attachments (their bytes are in the raw source and, once filed, in documents). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments: Array<{ name: string; mimeType: string; size: number; contentId: string | null; inline: boolean }>;

  /** The documents the attachments became when the mail was filed under a client. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  documentIds: string[];

  /** Clients the mail could belong to when routing found more than one. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  candidateClientIds: string[];

  /** CLIENT (routed to a client), UNSORTED, BOUNCE, COMPLAINT (a feedback report) or AUTO_REPLY */
  @Column({ type: 'varchar', length: 12 })
  kind: string;

  @Column({ type: 'uuid', nullable: true })
  clientId: string | null;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id' })
  client?: Client | null;

  @Column({ type: 'uuid', nullable: true })
  contactId: string | null;

  @ManyToOne(() => Contact, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contact_id' })
  contact?: Contact | null;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt: Date;
}

/** An address the system has seen that belongs to no client yet (PRODUCT.md 3). */
@Entity('unsorted_contacts')
export class UnsortedContact {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('unsorted_contacts_email_key', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  /** Where it was seen: email, import, ... */
  @Column({ type: 'varchar', length: 32, default: 'email' })
  source: string;

  @Column({ type: 'integer', default: 1 })
  seenCount: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastSeenAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  dismissedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
