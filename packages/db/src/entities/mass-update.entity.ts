import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One mass action on cards (a status, owner, label or department set on many at once), kept so
 * that it can be undone for a while: what was asked, by whom, and until when undo is offered.
 */
@Entity('mass_updates')
@Index('mass_updates_created_idx', ['createdAt'])
export class MassUpdate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  actorId: string;

  @Column({ type: 'uuid' })
  pipelineId: string;

  /** The change as asked (CardChangeInput): which fields, set to what. */
  @Column({ type: 'jsonb' })
  change: Record<string, unknown>;

  @Column({ type: 'int', default: 0 })
  matched: number;

  @Column({ type: 'int', default: 0 })
  changed: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  undoUntil: Date;

  @Column({ type: 'timestamptz', nullable: true })
  undoneAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  undoneBy: string | null;
}

/** A card's values just before a mass action changed them (only what that action can change). */
@Entity('mass_update_cards')
export class MassUpdateCard {
  @PrimaryColumn({ type: 'uuid' })
  massUpdateId: string;

  @PrimaryColumn({ type: 'uuid' })
  cardId: string;

  @Column({ type: 'uuid' })
  clientId: string;

  @Column({ type: 'uuid' })
  statusId: string;

  @Column({ type: 'varchar', length: 64, collation: 'C' })
  position: string;

  @Column({ type: 'timestamptz' })
  statusChangedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  @Column({ type: 'uuid', nullable: true })
  classificationId: string | null;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  /** Whether the client had the tag the action added (null: the action added none). */
  @Column({ type: 'boolean', nullable: true })
  hadTag: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  hadCategory: boolean | null;
}
