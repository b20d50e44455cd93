import { Column, CreateDateColumn, DeleteDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Card } from './card.entity';
import { Client } from './client.entity';

/** A short comment for colleagues on a client's card. */
@Entity('notes')
@Index('notes_card_idx', ['cardId', 'createdAt'])
export class Note {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  cardId: string;

  @ManyToOne(() => Card, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'card_id' })
  card?: Card;

  @Column({ type: 'uuid' })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id' })
  client?: Client;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @DeleteDateColumn({ type: 'timestamptz' })
  deletedAt: Date | null;
}

/** A deal or payment of a client: amount, currency, date, and whether it was paid or lost. */
@Entity('deals')
@Index('deals_client_idx', ['clientId', 'date'])
export class Deal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id' })
  client?: Client;

  @Column({ type: 'uuid', nullable: true })
  cardId: string | null;

  @ManyToOne(() => Card, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'card_id' })
  card?: Card | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  amount: string;

  /** ISO 4217 */
  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'date' })
  date: string;

  /** OPEN, PAID or LOST */
  @Column({ type: 'varchar', length: 8, default: 'OPEN' })
  state: string;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @DeleteDateColumn({ type: 'timestamptz' })
  deletedAt: Date | null;
}

/** A custom field that admins define for a pipeline's cards. */
@Entity('custom_fields')
@Index('custom_fields_pipeline_idx', ['pipelineId', 'position'])
export class CustomField {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pipelineId: string;

  @Column({ type: 'varchar', length: 120 })
  label: string;

  /** TEXT, LONG_TEXT, NUMBER, MONEY, DATE, SELECT, MULTI_SELECT, BOOLEAN, USER */
  @Column({ type: 'varchar', length: 16 })
  kind: string;

  /** The choices of a SELECT or MULTI_SELECT field. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  options: string[];

  @Column({ type: 'boolean', default: false })
  required: boolean;

  @Column({ type: 'integer', default: 0 })
  position: number;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A file of a client, in a folder of one of its pipelines; stored behind the storage interface. */
@Entity('documents')
@Index('documents_client_idx', ['clientId', 'pipelineId', 'folder'])
export class Document {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Purge deletes the bytes through the storage first; the row goes with its client. */
  @Column({ type: 'uuid' })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id' })
  client?: Client;

  @Column({ type: 'uuid' })
  pipelineId: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  folder: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 120 })
  mimeType: string;

  @Column({ type: 'bigint' })
  size: string;

  /** Where the storage keeps the bytes. */
  @Column({ type: 'varchar', length: 255 })
  storageKey: string;

  /** A secret for the public link; null when none is shared. */
  @Index('documents_public_token_key', { unique: true, where: 'public_token IS NOT NULL' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  publicToken: string | null;

  @Column({ type: 'uuid', nullable: true })
  uploadedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @DeleteDateColumn({ type: 'timestamptz' })
  deletedAt: Date | null;
}
