import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from './user.entity';

/** Steps run for the cards that match a status or a view (PRODUCT.md 5). */
@Entity('automations')
@Index('automations_pipeline_idx', ['pipelineId', 'createdAt'])
export class Automation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pipelineId: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** STATUS or VIEW */
  @Column({ type: 'varchar', length: 8 })
  triggerKind: string;

  @Column({ type: 'uuid', nullable: true })
  triggerStatusId: string | null;

  @Column({ type: 'uuid', nullable: true })
  triggerViewId: string | null;

  /** CONTINUOUS or ONE_TIME */
  @Column({ type: 'varchar', length: 12, default: 'CONTINUOUS' })
  mode: string;

  @Column({ type: 'boolean', default: false })
  onlyNew: boolean;

  @Column({ type: 'boolean', default: false })
  reEnrol: boolean;

  @Column({ type: 'boolean', default: false })
  stopOnReply: boolean;

  /** DRAFT, ACTIVE, PAUSED or DONE (a one-time run whose steps all ran) */
  @Index('automations_state_idx')
  @Column({ type: 'varchar', length: 8, default: 'DRAFT' })
  state: string;

  @Column({ type: 'timestamptz', nullable: true })
  activatedAt: Date | null;

  /** The builder (whose views it may use as triggers). */
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  /**
   * The person it acts for, recorded when activated (or resumed): it only enrols, shows and mails
   * cards inside their scope. Null (never activated, or the user was deleted): it matches nothing.
   */
  @Column({ type: 'uuid', nullable: true })
  actingUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'acting_user_id' })
  actingUser?: User | null;

  /** Why the system paused it (a RunReason code, e.g. NO_ACTING_USER); cleared on resume. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  pausedReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('automation_steps')
@Index('automation_steps_automation_idx', ['automationId', 'position'])
export class AutomationStep {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  automationId: string;

  @Column({ type: 'integer' })
  position: number;

  /** EMAIL_TO_CONTACT, EMAIL_TO_USER or TODO_FOR_USER (StepKind) */
  @Column({ type: 'varchar', length: 20 })
  kind: string;

  /** Days after the card entered. */
  @Column({ type: 'integer', default: 0 })
  delayDays: number;

  /** ISO weekday 1 (Monday) .. 7, or null for any day. */
  @Column({ type: 'smallint', nullable: true })
  weekday: number | null;

  /** Hour 0..23 in the organisation's time zone, or null for the time the delay gives. */
  @Column({ type: 'smallint', nullable: true })
  hour: number | null;

  @Column({ type: 'uuid', nullable: true })
  emailTemplateId: string | null;

  @Column({ type: 'uuid', nullable: true })
  todoTemplateId: string | null;

  /** PRIMARY_CONTACT, ALL_CONTACTS, OWNER or USER */
  @Column({ type: 'varchar', length: 16, default: 'PRIMARY_CONTACT' })
  recipient: string;

  @Column({ type: 'uuid', nullable: true })
  recipientUserId: string | null;

  /** OWNER or USER */
  @Column({ type: 'varchar', length: 8, default: 'OWNER' })
  sender: string;

  @Column({ type: 'uuid', nullable: true })
  senderUserId: string | null;

  /** Removed from an automation that has run: kept for the records of its runs. */
  @Column({ type: 'timestamptz', nullable: true })
  removedAt: Date | null;
}

/** A card's passage through an automation: from entering until its steps ran or it left. */
@Entity('automation_enrolments')
@Index('automation_enrolments_cycle_key', ['automationId', 'cardId', 'cycle'], { unique: true })
@Index('automation_enrolments_card_idx', ['cardId'])
@Index('automation_enrolments_matching_idx', ['automationId', 'cardId'], { where: 'matching' })
export class AutomationEnrolment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  automationId: string;

  @Column({ type: 'uuid' })
  cardId: string;

  /** 0 for the first time; a re-enrolment after leaving counts up. */
  @Column({ type: 'integer', default: 0 })
  cycle: number;

  /** ACTIVE, DONE (all steps ran), LEFT (the card stopped matching, or went to the trash), STOPPED (the client replied), EXCLUDED (matched at activation of an "only new" automation) */
  @Column({ type: 'varchar', length: 8 })
  state: string;

  /** The card still matches the trigger: it cannot enter again until it has left. */
  @Column({ type: 'boolean', default: true })
  matching: boolean;

  @Column({ type: 'timestamptz' })
  enteredAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}

/** One step for one enrolled card: when it is due, and what happened when it ran. */
@Entity('automation_runs')
@Index('automation_runs_step_key', ['enrolmentId', 'stepId'], { unique: true })
@Index('automation_runs_due_idx', ['dueAt'], { where: "status = 'PENDING'" })
@Index('automation_runs_automation_idx', ['automationId', 'status'])
export class AutomationRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  automationId: string;

  @Column({ type: 'uuid' })
  enrolmentId: string;

  @Column({ type: 'uuid' })
  stepId: string;

  @Column({ type: 'uuid' })
  cardId: string;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  /** PENDING, RUNNING, DONE, FAILED, SKIPPED or CANCELLED */
  @Column({ type: 'varchar', length: 9, default: 'PENDING' })
  status: string;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  /** What the step made: { todoId } or { mailIds }, or why it was skipped. */
  @Column({ type: 'jsonb', nullable: true })
  result: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}
