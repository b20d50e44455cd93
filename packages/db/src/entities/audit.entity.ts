import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who changed what, when: one row per change, written in the same transaction as the change.
 * A card's History is the rows with its card_id.
 */
@Entity('audit_log')
@Index('audit_log_card_idx', ['cardId', 'at'])
@Index('audit_log_client_idx', ['clientId', 'at'])
// Who deleted an item (the trash list) and an item's own history, by the row it touched.
@Index('audit_log_entity_idx', ['entity', 'entityId', 'at'])
export class AuditEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** create, update, delete, move, mass_update, ... */
  @Column({ type: 'varchar', length: 32 })
  action: string;

  /** The table the change touched: card, client, ... */
  @Column({ type: 'varchar', length: 32 })
  entity: string;

  @Column({ type: 'uuid' })
  entityId: string;

  @Column({ type: 'uuid', nullable: true })
  clientId: string | null;

  @Column({ type: 'uuid', nullable: true })
  cardId: string | null;

  /** { field: [old, new] } */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes: Record<string, [unknown, unknown]>;

  /**
   * The names of what `changes` refers to by id, as they were at the time of the change
   * ({ statusId: ['New lead', 'Offer sent'] }), so History reads the same after a rename or delete.
   */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  names: Record<string, [unknown, unknown]>;
}
