import { StepKind } from '@crm/shared';
import { ArrayMaxSize, IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { StepKindEnum } from '../../graphql/enums';

export enum TriggerKind {
  STATUS = 'STATUS',
  VIEW = 'VIEW',
}
registerEnumType(TriggerKind, { name: 'TriggerKind' });

export enum AutomationMode {
  CONTINUOUS = 'CONTINUOUS',
  ONE_TIME = 'ONE_TIME',
}
registerEnumType(AutomationMode, { name: 'AutomationMode' });

export const RECIPIENTS = ['PRIMARY_CONTACT', 'ALL_CONTACTS', 'OWNER', 'USER'] as const;
export const SENDERS = ['OWNER', 'USER'] as const;

@ObjectType('AutomationStep')
@InputType('AutomationStepInput')
export class AutomationStepShape {
  @Field(() => ID, { nullable: true, description: 'An existing step (omit for a new one)' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @Field(() => StepKindEnum)
  @IsEnum(StepKind)
  kind: StepKind;

  @Field(() => Int, { description: 'Days after the card entered' })
  @IsInt()
  @Min(0)
  @Max(3650)
  delayDays: number;

  @Field(() => Int, { nullable: true, description: 'ISO weekday 1 (Monday) .. 7, or any day' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7)
  weekday?: number | null;

  @Field(() => Int, { nullable: true, description: 'Hour 0..23 in the organisation’s time zone' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(23)
  hour?: number | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  emailTemplateId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  todoTemplateId?: string | null;

  @Field({ description: 'PRIMARY_CONTACT, ALL_CONTACTS, OWNER or USER' })
  @IsIn(RECIPIENTS as unknown as string[])
  recipient: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  recipientUserId?: string | null;

  @Field({ description: 'OWNER or USER' })
  @IsIn(SENDERS as unknown as string[])
  sender: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  senderUserId?: string | null;
}

@InputType()
export class AutomationInput {
  @Field(() => ID)
  @IsUUID()
  pipelineId: string;

  @Field()
  @Length(1, 120, { message: 'Enter a name of at most 120 characters.' })
  name: string;

  @Field(() => TriggerKind)
  @IsEnum(TriggerKind)
  triggerKind: TriggerKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  triggerStatusId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  triggerViewId?: string;

  @Field(() => AutomationMode, { defaultValue: AutomationMode.CONTINUOUS })
  @IsEnum(AutomationMode)
  mode: AutomationMode;

  @Field({ defaultValue: false })
  @IsBoolean()
  onlyNew: boolean;

  @Field({ defaultValue: false })
  @IsBoolean()
  reEnrol: boolean;

  @Field({ defaultValue: false })
  @IsBoolean()
  stopOnReply: boolean;

  @Field(() => [AutomationStepShape])
  @ValidateNested({ each: true })
  @ArrayMaxSize(1000)
  steps: AutomationStepShape[];
}

@ObjectType('AutomationStats')
export class AutomationStats {
  @Field(() => Int, { description: 'Cards enrolled now' })
  enrolled: number;

  @Field(() => Int)
  stepsDone: number;

  @Field(() => Int)
  stepsPending: number;

  @Field(() => Int)
  failures: number;

  @Field(() => Int, { description: 'Steps skipped (no recipient, a missing value, ...)' })
  skipped: number;
}

@ObjectType('AutomationProblem', { description: 'Something that blocks activation' })
export class AutomationProblem {
  @Field(() => Int, { nullable: true, description: 'The step (0-based), or null for the automation itself' })
  step: number | null;

  @Field()
  field: string;

  @Field({ description: 'What is wrong, as a code the app translates (AutomationProblemCode)' })
  code: string;
}

@ObjectType('Automation')
export class AutomationType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  pipelineId: string;

  @Field()
  name: string;

  @Field(() => TriggerKind)
  triggerKind: TriggerKind;

  @Field(() => ID, { nullable: true })
  triggerStatusId: string | null;

  @Field(() => ID, { nullable: true })
  triggerViewId: string | null;

  @Field(() => AutomationMode)
  mode: AutomationMode;

  @Field()
  onlyNew: boolean;

  @Field()
  reEnrol: boolean;

  @Field()
  stopOnReply: boolean;

  @Field({ description: 'DRAFT, ACTIVE, PAUSED or DONE' })
  state: string;

  @Field(() => Date, { nullable: true })
  activatedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who built it (Normal users may pause and resume only their own)' })
  createdById: string | null;

  @Field(() => String, { nullable: true, description: 'Why the system paused it, as a code (e.g. NO_ACTING_USER, TRIGGER_VIEW_HIDDEN)' })
  pausedReason: string | null;

  @Field(() => [AutomationStepShape])
  steps: AutomationStepShape[];

  @Field(() => AutomationStats)
  stats: AutomationStats;

  @Field(() => [AutomationProblem], { description: 'What must be fixed before it can run (empty when it can)' })
  problems: AutomationProblem[];

  @Field()
  updatedAt: Date;
}

@ObjectType('AutomationRun')
export class AutomationRunType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  cardId: string;

  @Field()
  clientName: string;

  @Field(() => Int, { description: '1-based position of the step' })
  step: number;

  @Field(() => StepKindEnum)
  stepKind: StepKind;

  @Field()
  dueAt: Date;

  @Field({ description: 'PENDING, RUNNING, DONE, FAILED, SKIPPED or CANCELLED' })
  status: string;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'What it made ({ todoId } or { mailIds }), or why it was skipped or failed ({ code, params })' })
  result: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'The technical error of a failed step (for the logs; show result.code)' })
  error: string | null;
}
