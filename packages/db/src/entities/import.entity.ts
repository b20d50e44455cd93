import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { BackgroundJob } from './background-job.entity';

/** An import: the stored file, how it is read and mapped, where it goes; its id is its background job's. */
@Entity('imports')
@Index('imports_created_by_idx', ['createdById', 'createdAt'])
export class ImportRun {
  @PrimaryColumn('uuid')
  id: string;

  @ManyToOne(() => BackgroundJob, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'id' })
  job?: BackgroundJob;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  /** Where the file storage keeps the upload. */
  @Column({ type: 'varchar', length: 255 })
  fileKey: string;

  @Column({ type: 'bigint' })
  fileSize: string;

  /** How the file is read: format, encoding, delimiter, header row, sheet (ParseSettings). */
  @Column({ type: 'jsonb' })
  settings: Record<string, unknown>;

  /** Column index -> target field (ImportMapping). */
  @Column({ type: 'jsonb' })
  mapping: Record<string, unknown>;

  /** Pipeline and status, owner, labels, department, duplicates policy, automations (ImportTarget). */
  @Column({ type: 'jsonb' })
  target: Record<string, unknown>;

  /** created, updated, skipped, rejected so far (kept with each batch). */
  @Column({ type: 'jsonb' })
  counts: { created: number; updated: number; skipped: number; rejected: number };

  @Column({ type: 'timestamptz', nullable: true })
  undoneAt: Date | null;

  /** The background job undoing it (the last one asked for: a cancelled undo is asked for again). */
  @ManyToOne(() => BackgroundJob, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'undo_job_id' })
  undoJob?: BackgroundJob;

  @Column({ type: 'uuid', nullable: true })
  undoJobId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** One data row of an import: what became of it, and what undo needs (or why it was rejected). */
@Entity('import_rows')
@Index('import_rows_outcome_idx', ['importId', 'outcome', 'rowNo'])
// Undo restores a client updated by several rows from the earliest: found per row through this.
@Index('import_rows_updated_client_idx', ['importId', 'clientId', 'rowNo'], { where: "outcome = 'UPDATED'" })
export class ImportRow {
  @PrimaryColumn('uuid')
  importId: string;

  @ManyToOne(() => ImportRun, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id' })
  import?: ImportRun;

  /** The row's line (1-based, as a spreadsheet numbers it). */
  @PrimaryColumn('integer')
  rowNo: number;

  /** CREATED, UPDATED, SKIPPED or REJECTED */
  @Column({ type: 'varchar', length: 8 })
  outcome: string;

  @Column({ type: 'uuid', nullable: true })
  clientId: string | null;

  /** A card the import created (also on an existing client). */
  @Column({ type: 'uuid', nullable: true })
  cardId: string | null;

  /** Contacts the import added to an existing client. */
  @Column({ type: 'uuid', array: true, nullable: true })
  contactIds: string[] | null;

  /** The client's values before an update, restored by undo. */
  @Column({ type: 'jsonb', nullable: true })
  previous: Record<string, unknown> | null;

  /** Why it was rejected or skipped: a message code and its parameters. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb', nullable: true })
  reasonParams: Record<string, unknown> | null;

  /** A rejected row's original fields, for the rejects file. */
  @Column({ type: 'text', array: true, nullable: true })
  fields: string[] | null;
}

/** A mapping saved for reuse: header name -> target field. */
@Entity('import_mappings')
export class ImportMapping {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  /** { header name (lower-cased): target } */
  @Column({ type: 'jsonb' })
  columns: Record<string, string>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
