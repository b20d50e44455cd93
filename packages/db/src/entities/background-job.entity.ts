import { BackgroundJobKind, BackgroundJobState } from '@crm/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from './user.entity';

/**
 * One piece of long work (an import, an export, a campaign): its state, progress and the checkpoint
 * of its last committed batch. The Bull job only wakes a worker; this row is the truth.
 */
@Entity('background_jobs')
@Index('background_jobs_creator_idx', ['createdById', 'createdAt'])
@Index('background_jobs_open_idx', ['state'], { where: "state IN ('QUEUED', 'RUNNING', 'CANCELLING')" })
export class BackgroundJob {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: BackgroundJobKind;

  @Column({ type: 'varchar', length: 16, default: BackgroundJobState.Queued })
  state: BackgroundJobState;

  /** Who started it: only they and admins see it; the work runs with their visibility. */
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User | null;

  /** What the job works on (kind-specific). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  /** Where the last committed batch ended (kind-specific); written in that batch's transaction. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  checkpoint: Record<string, unknown>;

  @Column({ type: 'integer', default: 0 })
  rowsDone: number;

  /** Null while unknown. */
  @Column({ type: 'integer', nullable: true })
  rowsTotal: number | null;

  /** rowsDone when the current run started (the rate is measured over the current run). */
  @Column({ type: 'integer', default: 0 })
  rowsAtResume: number;

  @Column({ type: 'timestamptz', nullable: true })
  resumedAt: Date | null;

  /** What the job produced (kind-specific: counts, a file key...). */
  @Column({ type: 'jsonb', nullable: true })
  result: Record<string, unknown> | null;

  /** A message code (translated in the web app) and its parameters when it failed. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  errorCode: string | null;

  @Column({ type: 'jsonb', nullable: true })
  errorParams: Record<string, unknown> | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
