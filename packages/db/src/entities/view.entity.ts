import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Pipeline } from './pipeline.entity';
import { User } from './user.entity';

/** A saved filter over cards or clients, with its columns and sort; private or shared. */
@Entity('views')
@Index('views_owner_idx', ['ownerId'])
export class View {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** 'CARDS' or 'CLIENTS' */
  @Column({ type: 'varchar', length: 16 })
  kind: string;

  @Column({ type: 'uuid', nullable: true })
  pipelineId: string | null;

  @ManyToOne(() => Pipeline, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pipeline_id' })
  pipeline?: Pipeline | null;

  @Column({ type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id' })
  owner?: User;

  @Column({ type: 'boolean', default: false })
  shared: boolean;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  filter: Record<string, unknown>;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  columns: string[];

  @Column({ type: 'jsonb', nullable: true })
  sort: { field: string; direction: 'ASC' | 'DESC' } | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
