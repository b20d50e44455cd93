import {
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Client } from './client.entity';
import { Pipeline, Status } from './pipeline.entity';
import { User } from './user.entity';

/**
 * A client's place in one pipeline. One live card per client and pipeline: the unique key
 * cards_client_pipeline_key on (client, pipeline) of live cards, which also carries what the reports
 * read of a few clients' cards (migration CardsByClientIndexOnly).
 */
@Entity('cards')
@Index('cards_client_pipeline_key', { synchronize: false })
@Index('cards_status_position_idx', ['statusId', 'position', 'id'], { where: 'deleted_at IS NULL' })
@Index('cards_pipeline_updated_idx', ['pipelineId', 'updatedAt'])
@Index('cards_pipeline_created_idx', ['pipelineId', 'createdAt'], { where: 'deleted_at IS NULL' })
@Index('cards_status_changed_idx', ['statusId', 'statusChangedAt'], { where: 'deleted_at IS NULL' })
export class Card {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id' })
  client?: Client;

  /**
   * The client's department, kept by triggers (migration DepartmentTotals: set when the card is
   * written or restored, and when the client's department changes), so the report totals can be
   * keyed by it. Never written by the app.
   */
  @Column({ type: 'uuid', nullable: true, insert: false, update: false })
  departmentId: string | null;

  @Column({ type: 'uuid' })
  pipelineId: string;

  @ManyToOne(() => Pipeline, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pipeline_id' })
  pipeline?: Pipeline;

  @Column({ type: 'uuid' })
  statusId: string;

  @ManyToOne(() => Status, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'status_id' })
  status?: Status;

  @Index('cards_owner_id_idx')
  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id' })
  owner?: User | null;

  /** Fractional order key within the status column (byte order: COLLATE "C"). */
  @Column({ type: 'varchar', length: 64, collation: 'C' })
  position: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  value: string | null;

  /** ISO 4217 */
  @Column({ type: 'char', length: 3, default: 'EUR' })
  currency: string;

  /** The day the deal is expected to close (YYYY-MM-DD): the Reports forecast's month. */
  @Column({ type: 'date', nullable: true })
  expectedCloseDate: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  statusChangedAt: Date;

  /** Custom field values by field id; a GIN index serves the list's filters (migration CardTabs). */
  @Index('cards_custom_values_idx', { synchronize: false })
  @Column({ type: 'jsonb', default: () => "'{}'" })
  customValues: Record<string, unknown>;

  @DeleteDateColumn({ type: 'timestamptz' })
  deletedAt: Date | null;
}

/** A task with a deadline, assigned to a user, on a card. */
@Entity('todos')
@Index('todos_open_by_card_idx', ['cardId', 'deadline'], { where: 'done_at IS NULL AND deleted_at IS NULL' })
@Index('todos_card_idx', ['cardId'])
@Index('todos_open_by_assignee_idx', ['assigneeId', 'deadline'], { where: 'done_at IS NULL AND deleted_at IS NULL' })
export class Todo {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  cardId: string;

  @ManyToOne(() => Card, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'card_id' })
  card?: Card;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: User | null;

  @Column({ type: 'timestamptz' })
  deadline: Date;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  /** Set when an automation step made it: a retried step finds its todo instead of making another. */
  @Index('todos_idempotency_key', { unique: true, where: 'idempotency_key IS NOT NULL' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  idempotencyKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @DeleteDateColumn({ type: 'timestamptz' })
  deletedAt: Date | null;
}
