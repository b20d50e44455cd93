import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from './user.entity';

/**
 * A Reports page saved under a name: the filter bar (pipeline, period, comparison, owners,
 * departments, categories, tags) and which widgets it shows. Private to its owner or, set by a
 * Manager or Admin, shared with everyone who reads reports (each reads it under their own visibility).
 */
@Entity('saved_reports')
@Index('saved_reports_owner_idx', ['ownerId'])
export class SavedReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id' })
  owner?: User;

  @Column({ type: 'boolean', default: false })
  shared: boolean;

  /** The report filter: pipelineId, period, from, to, compare, ownerIds, departmentIds, categoryIds, tagIds. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  filter: Record<string, unknown>;

  /** The widgets shown, in the page's order; empty for every widget. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  widgets: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A Manager's weekly summary mail of a saved report (Monday 07:00 in the organisation's time zone). */
@Entity('saved_report_subscriptions')
export class SavedReportSubscription {
  @PrimaryColumn({ type: 'uuid' })
  savedReportId: string;

  @ManyToOne(() => SavedReport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'saved_report_id' })
  savedReport?: SavedReport;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** The Monday (YYYY-MM-DD, organisation time) of the last summary queued: one mail per week. */
  @Column({ type: 'date', nullable: true })
  lastSentWeek: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
