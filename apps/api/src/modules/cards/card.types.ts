import { ClientType, StatusKind } from '@crm/shared';
import { ArrayMaxSize, IsEmail, IsEnum, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, Matches, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IdListField, PLAIN } from '../../graphql/fields';
import { ClientTypeEnum, StatusKindEnum } from '../../graphql/enums';
import { StatusType } from '../pipelines/pipeline.types';

export const CURRENCIES = Intl.supportedValuesOf('currency');

@ObjectType('UserRef', PLAIN)
export class UserRef {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

@ObjectType('LabelRef', PLAIN)
export class LabelRef {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

@ObjectType('CardClient', { ...PLAIN, description: "The client a card belongs to, with the fields lists show." })
export class CardClient {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => ClientTypeEnum)
  type: ClientType;

  @Field(() => [String])
  emails: string[];

  @Field(() => [String])
  phones: string[];

  @Field(() => LabelRef, { nullable: true })
  department: LabelRef | null;

  @Field(() => LabelRef, { nullable: true })
  classification: LabelRef | null;

  @Field(() => [LabelRef])
  categories: LabelRef[];

  @Field(() => [LabelRef])
  tags: LabelRef[];
}

@ObjectType('NextTodo', { ...PLAIN, description: "The card's open todo with the earliest deadline." })
export class NextTodo {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  /** ISO text (isoTime): the DateTimeISO scalar sends it as it is. */
  @Field(() => Date)
  deadline: string;

  @Field(() => ID, { nullable: true })
  assigneeId: string | null;
}

@ObjectType('Card', PLAIN)
export class CardType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  pipelineId: string;

  @Field(() => ID)
  statusId: string;

  @Field({ description: 'Order key within the status column' })
  position: string;

  @Field(() => Float, { nullable: true })
  value: number | null;

  @Field()
  currency: string;

  @Field(() => String, { nullable: true, description: 'The day the deal is expected to close (YYYY-MM-DD)' })
  expectedCloseDate: string | null;

  // The times are ISO text written by PostgreSQL (isoTime), which the DateTimeISO scalar sends as it is.
  @Field(() => Date)
  createdAt: string;

  @Field(() => Date)
  updatedAt: string;

  @Field(() => Date)
  statusChangedAt: string;

  @Field(() => CardClient)
  client: CardClient;

  @Field(() => UserRef, { nullable: true })
  owner: UserRef | null;

  @Field(() => NextTodo, { nullable: true })
  nextTodo: NextTodo | null;

  @Field(() => GraphQLJSONObject, { description: 'Custom field values by field id' })
  customValues: Record<string, unknown>;
}

@ObjectType('MoneySum', PLAIN)
export class MoneySum {
  @Field()
  currency: string;

  @Field(() => Float)
  amount: number;
}

@ObjectType('CardPage', PLAIN)
export class CardPage {
  @Field(() => [CardType])
  cards: CardType[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page' })
  endCursor: string | null;

  @Field()
  hasMore: boolean;
}

@ObjectType('BoardColumn', PLAIN)
export class BoardColumn extends CardPage {
  @Field(() => StatusType)
  status: StatusType;

  @Field(() => Int, { description: 'Cards in the column the viewer may see' })
  count: number;

  @Field(() => [MoneySum], { description: 'Sum of card values per currency' })
  sums: MoneySum[];
}

@ObjectType('ColumnTotal', PLAIN)
export class ColumnTotal {
  @Field(() => ID)
  statusId: string;

  @Field(() => Int)
  count: number;

  @Field(() => [MoneySum])
  sums: MoneySum[];
}

@ObjectType('CardChanges', PLAIN)
export class CardChanges {
  @Field(() => [CardType], { description: 'Cards changed since, as they are now' })
  cards: CardType[];

  @Field(() => [ID], { description: 'Cards deleted or no longer visible since' })
  removedIds: string[];

  @Field({ description: 'Pass as `since` next time' })
  serverTime: Date;

  @Field({ description: 'Too much changed: reload the board' })
  reset: boolean;

  @Field(() => [ColumnTotal], { description: 'Every open column’s count and sums now (only when something changed)' })
  columns: ColumnTotal[];
}

@ObjectType('CardList', PLAIN)
export class CardList {
  @Field(() => [CardType])
  items: CardType[];

  @Field(() => Int)
  total: number;
}

export enum CardSortField {
  CLIENT_NAME = 'CLIENT_NAME',
  STATUS = 'STATUS',
  OWNER = 'OWNER',
  VALUE = 'VALUE',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
  NEXT_TODO = 'NEXT_TODO',
  CUSTOM_FIELD = 'CUSTOM_FIELD',
}
registerEnumType(CardSortField, {
  name: 'CardSortField',
  valuesConfig: { VALUE: { description: 'Amounts compare within a currency: by currency (A–Z), then amount; cards without a value last' } },
});

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });

/** Cards whose custom field holds a value (for a multi-select: all of the given choices). */
@ObjectType('CustomFieldFilter')
@InputType('CustomFieldFilterInput')
export class CustomFieldFilter {
  @Field(() => ID)
  @IsUUID()
  fieldId: string;

  @Field(() => GraphQLJSON)
  value: unknown;
}

/** A filter over cards; the same shape is saved in views. */
@ObjectType('CardFilter')
@InputType('CardFilterInput')
export class CardFilter {
  @IdListField()
  statusIds?: string[];

  @IdListField('Card owners')
  ownerIds?: string[];

  @Field({ nullable: true, description: 'Cards with no owner (with ownerIds: either)' })
  @IsOptional()
  unowned?: boolean;

  @Field(() => ID, { nullable: true, description: 'Cards on which this user has an open todo, whoever owns the card' })
  @IsOptional()
  @IsUUID()
  todoAssigneeId?: string;

  @IdListField()
  categoryIds?: string[];

  @IdListField()
  classificationIds?: string[];

  @IdListField()
  tagIds?: string[];

  @IdListField()
  departmentIds?: string[];

  @Field(() => [StatusKindEnum], { nullable: true, description: 'Open, won and/or lost' })
  @IsOptional()
  @IsEnum(StatusKind, { each: true })
  outcomes?: StatusKind[];

  @Field({ nullable: true })
  @IsOptional()
  createdFrom?: Date;

  @Field({ nullable: true, description: 'Exclusive' })
  @IsOptional()
  createdTo?: Date;

  @IdListField('Cards that entered one of these statuses (status history) in enteredFrom..enteredTo')
  enteredStatusIds?: string[];

  @Field({ nullable: true })
  @IsOptional()
  enteredFrom?: Date;

  @Field({ nullable: true, description: 'Exclusive' })
  @IsOptional()
  enteredTo?: Date;

  @Field({ nullable: true, description: 'Cards whose current status was entered at or after this (with outcomes: won or lost in a period)' })
  @IsOptional()
  statusChangedFrom?: Date;

  @Field({ nullable: true, description: 'Exclusive' })
  @IsOptional()
  statusChangedTo?: Date;

  @Field({ nullable: true, description: 'Words in the client name, emails or phones' })
  @IsOptional()
  @MaxLength(200)
  text?: string;

  @Field(() => [CustomFieldFilter], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  custom?: CustomFieldFilter[];
}

@ObjectType('CardSort')
@InputType('CardSortInput')
export class CardSort {
  @Field(() => CardSortField)
  @IsEnum(CardSortField)
  field: CardSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  @IsEnum(SortDirection)
  direction: SortDirection;

  @Field(() => ID, { nullable: true, description: 'With field CUSTOM_FIELD' })
  @IsOptional()
  @IsUUID()
  customFieldId?: string;
}

@InputType()
export class PageInput {
  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  offset: number;

  @Field(() => Int, { defaultValue: 50 })
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number;
}

@InputType()
export class MoveCardInput {
  @Field(() => ID)
  @IsUUID()
  cardId: string;

  @Field(() => ID, { description: 'The column to move to' })
  @IsUUID()
  statusId: string;

  @Field(() => ID, { nullable: true, description: 'Place right after this card (the one above)' })
  @IsOptional()
  @IsUUID()
  afterCardId?: string;

  @Field(() => ID, { nullable: true, description: 'Or right before this card (the one below); neither: at the end' })
  @IsOptional()
  @IsUUID()
  beforeCardId?: string;
}

@InputType()
export class NewClientInput {
  @Field()
  @Length(1, 200, { message: 'Enter a name of at most 200 characters.' })
  name: string;

  @Field(() => ClientTypeEnum, { defaultValue: ClientType.Company })
  @IsEnum(ClientType)
  type: ClientType;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'Enter a valid email address.' })
  email?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(3, 40, { message: 'Enter a phone number of 3 to 40 characters.' })
  phone?: string;

  @Field({ nullable: true, description: 'Kept as typed; the web app flags an invalid check digit' })
  @IsOptional()
  @Length(0, 40, { message: 'Enter a tax number of at most 40 characters.' })
  taxId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(0, 500, { message: 'Enter an address of at most 500 characters.' })
  address?: string;
}

@InputType()
export class CreateCardInput {
  @Field(() => ID)
  @IsUUID()
  statusId: string;

  @Field(() => NewClientInput)
  @ValidateNested()
  client: NewClientInput;

  @Field(() => ID, { nullable: true, description: 'Defaults to the creator' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @Field(() => Float, { nullable: true, description: 'At most two decimals, never rounded' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'Enter the value with at most two decimals.' })
  @Min(0)
  @Max(999_999_999_999.99, { message: 'Enter a value below one trillion.' })
  value?: number;

  @Field({ defaultValue: 'EUR' })
  @IsIn(CURRENCIES, { message: 'Use an ISO 4217 currency code such as HUF, EUR or PLN.' })
  currency: string;
}

/** An existing client's new card in another pipeline (from the client card's Related tab). */
@InputType()
export class AddClientToPipelineInput {
  @Field(() => ID)
  @IsUUID()
  clientId: string;

  @Field(() => ID, { description: 'The status (column) to start in; its pipeline is the one the client joins' })
  @IsUUID()
  statusId: string;

  @Field(() => ID, { nullable: true, description: 'Defaults to the user adding it' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;
}

/** One card's own status, owner and value, as set on the client card; omitted fields stay as they are. */
@InputType()
export class UpdateCardInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  statusId?: string;

  @Field(() => ID, { nullable: true, description: 'The new owner; null removes the owner' })
  @IsOptional()
  @IsUUID()
  ownerId?: string | null;

  @Field(() => Float, { nullable: true, description: 'The value; null removes it. At most two decimals, never rounded' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'Enter the value with at most two decimals.' })
  @Min(0, { message: 'Enter a value of 0 or more.' })
  @Max(999_999_999_999.99, { message: 'Enter a value below one trillion.' })
  value?: number | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsIn(CURRENCIES, { message: 'Use an ISO 4217 currency code such as HUF, EUR or PLN.' })
  currency?: string;

  @Field(() => String, { nullable: true, description: 'The day the deal is expected to close (YYYY-MM-DD); null removes it' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'Enter a day like 2026-03-31.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Enter a day like 2026-03-31.' })
  expectedCloseDate?: string | null;
}

@InputType()
export class CardChangeInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  statusId?: string;

  @Field(() => ID, { nullable: true, description: 'Set this owner' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @Field({ nullable: true, description: 'Remove the owner' })
  @IsOptional()
  clearOwner?: boolean;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  addTagId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  addCategoryId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  classificationId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

@InputType()
export class MassUpdateCardsInput {
  @Field(() => ID)
  @IsUUID()
  pipelineId: string;

  @Field(() => [ID], { nullable: true, description: 'The selected cards; or omit and give a filter for all matches' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(100000)
  cardIds?: string[];

  @Field(() => CardFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: CardFilter;

  @Field(() => CardChangeInput)
  @ValidateNested()
  change: CardChangeInput;
}

@ObjectType('MassUpdateResult')
export class MassUpdateResult {
  @Field(() => Int, { description: 'Cards selected' })
  matched: number;

  @Field(() => Int, { description: 'Cards that changed' })
  changed: number;

  @Field(() => ID, { nullable: true, description: 'Undoes this action with undoMassUpdate until undoUntil (null: nothing changed)' })
  undoId?: string;

  @Field(() => Date, { nullable: true })
  undoUntil?: Date;
}
