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

/**
 * A card entering a status: one row per status change (and per new card), the history reports
 * read for the funnel, time in status and cards moved. Kept by a trigger on audit_log (migration
 * StatusHistory), so every path that records a status change in the audit trail feeds it. Its index
 * by card carries the columns the reports read per card (migration HistoryByCardIndexOnly).
 */
@Entity('card_status_changes')
@Index('card_status_changes_card_at_idx', { synchronize: false })
@Index('card_status_changes_current_idx', { synchronize: false })
@Index('card_status_changes_owner_idx', { synchronize: false })
export class CardStatusChange {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  cardId: string;

  @Column({ type: 'uuid' })
  pipelineId: string;

  /** The status entered. */
  @Column({ type: 'uuid' })
  statusId: string;

  /** The status left; null when the card was created. */
  @Column({ type: 'uuid', nullable: true })
  fromStatusId: string | null;

  /** When the card had entered the status it left (the stay's start, for time in status). */
  @Column({ type: 'timestamptz', nullable: true })
  fromStatusAt: Date | null;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /**
   * The card is live (not in the trash) and still in this row's pipeline; kept by triggers on cards
   * (migration ReportSpeed), so unfiltered reports need not join the cards.
   */
  @Column({ type: 'boolean', default: true })
  cardCurrent: boolean;

  /** The card's department (cards.department_id), kept with card_current (migration DepartmentTotals). */
  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  /** The card's owner (cards.owner_id), kept with card_current (migration OwnerHistory). */
  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  /** The card's client (cards.client_id), kept with card_current: the funnel's totals per label (migration FunnelLabelTotals). */
  @Column({ type: 'uuid', nullable: true })
  clientId: string | null;
}
