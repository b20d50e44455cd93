import { StatusKind } from '@crm/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';

/** A named process (Sales, Support) with its own ordered statuses. */
@Entity('pipelines')
export class Pipeline {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'integer', default: 0 })
  position: number;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @OneToMany(() => Status, (s) => s.pipeline)
  statuses?: Status[];
}

/** One step of a pipeline; open, won or lost. */
@Entity('statuses')
@Index('statuses_pipeline_position_idx', ['pipelineId', 'position'])
export class Status {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pipelineId: string;

  @ManyToOne(() => Pipeline, (p) => p.statuses, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pipeline_id' })
  pipeline?: Pipeline;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'enum', enum: StatusKind, enumName: 'status_kind', default: StatusKind.Open })
  kind: StatusKind;

  /** #rrggbb */
  @Column({ type: 'varchar', length: 7, default: '#64748b' })
  color: string;

  @Column({ type: 'integer', default: 0 })
  position: number;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  /** Chance, in percent, that an open card in this status is won: weighs the Reports forecast. */
  @Column({ type: 'smallint', nullable: true })
  probability: number | null;
}
