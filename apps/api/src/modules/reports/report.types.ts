import { ReportCurrencyMode, ReportPeriodPreset } from '@crm/shared';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ReportCurrencyModeEnum, ReportPeriodPresetEnum } from '../../graphql/enums';
import { IdListField } from '../../graphql/fields';
import { CardFilter, MoneySum, UserRef } from '../cards/card.types';
import { StatusType } from '../pipelines/pipeline.types';
import type { ReportScope } from './report.service';


const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The page-wide report filter; the web app keeps it in the URL. */
@InputType()
export class ReportFilterInput {
  @Field(() => ID)
  @IsUUID()
  pipelineId: string;

  @Field(() => ReportPeriodPresetEnum, { defaultValue: ReportPeriodPreset.ThisMonth })
  @IsEnum(ReportPeriodPreset)
  period: ReportPeriodPreset;

  @Field({ nullable: true, description: 'First day (YYYY-MM-DD) of a CUSTOM period' })
  @IsOptional()
  @Matches(DAY, { message: 'Enter a day as YYYY-MM-DD.' })
  from?: string;

  @Field({ nullable: true, description: 'Last day (YYYY-MM-DD, inclusive) of a CUSTOM period' })
  @IsOptional()
  @Matches(DAY, { message: 'Enter a day as YYYY-MM-DD.' })
  to?: string;

  @IdListField('Salespeople: card owners, and the people in the activity table')
  ownerIds?: string[];

  @IdListField()
  departmentIds?: string[];

  @IdListField()
  categoryIds?: string[];

  @IdListField()
  tagIds?: string[];

  @Field(() => ReportCurrencyModeEnum, { defaultValue: ReportCurrencyMode.PerCurrency, description: 'BASE converts money into the base currency (per currency while none is set)' })
  @IsOptional()
  @IsEnum(ReportCurrencyMode)
  currencyMode?: ReportCurrencyMode;
}

@ObjectType('MissingRate', { description: 'Values in a currency that had no exchange rate on the day that matters: left out of the converted amount' })
export class MissingRate {
  @Field()
  currency: string;

  @Field(() => Int, { description: 'How many cards’ values were left out' })
  count: number;
}

@ObjectType('BaseMoney', { description: 'Money converted into the base currency: each value with the latest rate valid on or before its day (won or lost day; today for open cards)' })
export class BaseMoney {
  @Field({ description: 'The base currency' })
  currency: string;

  @Field({ description: 'Exact decimal ("1234.5678"), not rounded: round only for display' })
  amount: string;

  @Field(() => [MissingRate], { description: 'Currencies with values that had no rate (not in `amount`)' })
  missing: MissingRate[];
}

@ObjectType('ReportPeriod', { description: 'The period and the one before it, cut in the organisation’s time zone' })
export class ReportPeriodType {
  @Field({ description: 'First day, YYYY-MM-DD' })
  fromDay: string;

  @Field({ description: 'Last day (inclusive), YYYY-MM-DD' })
  toDay: string;

  @Field()
  from: Date;

  @Field({ description: 'Exclusive' })
  to: Date;

  @Field()
  previousFromDay: string;

  @Field()
  previousToDay: string;

  @Field()
  previousFrom: Date;

  @Field()
  previousTo: Date;

  @Field({ description: 'The organisation’s time zone (IANA)' })
  timeZone: string;
}

@ObjectType('FunnelStep')
export class FunnelStep {
  @Field(() => StatusType)
  status: StatusType;

  @Field(() => Int, { description: 'Cards that entered the status in the period (each card once)' })
  entered: number;

  @Field(() => Int, { description: 'The same in the previous period' })
  previousEntered: number;

  @Field(() => Int, { nullable: true, description: 'Of the cards that entered in the period, those that went on to the next status (the next open one, or won after the last) by the end of the period; null for won and lost statuses' })
  convertedToNext: number | null;

  @Field(() => Float, { nullable: true, description: 'convertedToNext / entered, 0..1' })
  conversion: number | null;

  @Field(() => CardFilter, { description: 'The card list filter whose total is `entered`' })
  cards: CardFilter;
}

@ObjectType('OutcomeFigure', { description: 'Cards won (or lost) in a period: now in such a status, entered in the period' })
export class OutcomeFigure {
  @Field(() => Int)
  count: number;

  @Field(() => Int)
  previousCount: number;

  @Field(() => [MoneySum], { description: 'Card values per currency (not converted)' })
  sums: MoneySum[];

  @Field(() => ReportCurrencyModeEnum, { description: 'The mode this figure’s money is in' })
  currencyMode: ReportCurrencyMode;

  @Field(() => BaseMoney, { nullable: true, description: 'In BASE mode: the values in the base currency, each with the rate of its won or lost day' })
  inBase: BaseMoney | null;

  @Field(() => CardFilter, { description: 'The card list filter whose total is `count`' })
  cards: CardFilter;
}

@ObjectType('ReportOutcomes')
export class ReportOutcomes {
  @Field(() => ReportCurrencyModeEnum)
  currencyMode: ReportCurrencyMode;

  @Field(() => OutcomeFigure)
  won: OutcomeFigure;

  @Field(() => OutcomeFigure)
  lost: OutcomeFigure;

  @Field(() => Float, { nullable: true, description: 'won / (won + lost), 0..1; null when neither' })
  winRate: number | null;

  @Field(() => Float, { nullable: true })
  previousWinRate: number | null;
}

@ObjectType('OpenStatusValue', { description: 'Open cards in a status now, with their value per currency' })
export class OpenStatusValue {
  @Field(() => StatusType)
  status: StatusType;

  @Field(() => Int)
  count: number;

  @Field(() => [MoneySum])
  sums: MoneySum[];

  @Field(() => ReportCurrencyModeEnum)
  currencyMode: ReportCurrencyMode;

  @Field(() => BaseMoney, { nullable: true, description: 'In BASE mode: the values in the base currency at today’s rates' })
  inBase: BaseMoney | null;

  @Field(() => CardFilter)
  cards: CardFilter;
}

@ObjectType('ForecastMonth', {
  description: 'Open cards expected to close in one month (from the period’s first month, twelve months on): their value, and the value weighted by each status’s probability',
})
export class ForecastMonth {
  @Field({ description: 'YYYY-MM' })
  month: string;

  @Field(() => Int)
  count: number;

  @Field(() => Int, { description: 'Of them, cards in a status without a probability (left out of the weighted value)' })
  withoutProbability: number;

  @Field(() => [MoneySum], { description: 'Value per currency' })
  sums: MoneySum[];

  @Field(() => [MoneySum], { description: 'Value × the status’s probability, per currency' })
  weighted: MoneySum[];

  @Field(() => ReportCurrencyModeEnum)
  currencyMode: ReportCurrencyMode;

  @Field(() => BaseMoney, { nullable: true, description: 'In BASE mode: the value in the base currency at today’s rates' })
  inBase: BaseMoney | null;

  @Field(() => BaseMoney, { nullable: true, description: 'In BASE mode: the weighted value in the base currency at today’s rates' })
  weightedInBase: BaseMoney | null;
}

@ObjectType('SalespersonActivity')
export class SalespersonActivity {
  @Field(() => UserRef)
  user: UserRef;

  @Field(() => Int, { description: 'Todos they were assigned and marked done in the period' })
  todosDone: number;

  @Field(() => Int, { description: 'Open todos assigned to them whose deadline has passed (now)' })
  overdueTodos: number;

  @Field(() => Int, { description: 'Mails they sent from cards in the period' })
  mailsSent: number;

  @Field(() => Int, { description: 'Client mails received in the period on cards they own' })
  repliesReceived: number;

  @Field(() => Int)
  notes: number;

  @Field(() => Int, { description: 'Status changes they made' })
  cardsMoved: number;

  @Field(() => Int, { description: 'Cards they own won in the period' })
  cardsWon: number;

  @Field(() => CardFilter, { description: 'The card list filter whose total is `cardsWon`' })
  wonCards: CardFilter;
}

@ObjectType('WeekCount')
export class WeekCount {
  @Field({ description: 'The Monday, YYYY-MM-DD' })
  week: string;

  @Field(() => Int)
  newCards: number;

  @Field(() => Int, { description: 'Clients created that week with a card in the pipeline' })
  newClients: number;

  @Field(() => CardFilter, { description: 'The card list filter whose total is `newCards` (the week within the period)' })
  cards: CardFilter;
}

@ObjectType('TimeInStatus', { description: 'Stays in a status that ended in the period (the card left it), from the status history' })
export class TimeInStatus {
  @Field(() => StatusType)
  status: StatusType;

  @Field(() => Int)
  stays: number;

  @Field(() => Float, { nullable: true })
  averageDays: number | null;

  @Field(() => Float, { nullable: true })
  medianDays: number | null;
}

@ObjectType('AutomationFigures', { description: 'One automation of the pipeline in the period, on the cards of the report' })
export class AutomationFigures {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'DRAFT, ACTIVE, PAUSED or DONE' })
  state: string;

  @Field(() => Int, { description: 'Cards that entered it in the period' })
  enrolled: number;

  @Field(() => Int, { description: 'Steps that ran in the period' })
  stepsDone: number;

  @Field(() => Int, { description: 'Email steps that ran in the period' })
  mailSteps: number;

  @Field(() => Int, { description: 'Steps that failed in the period' })
  failures: number;
}

@ObjectType('Report', { description: 'Every widget of the Reports page for one filter; each field is computed only when asked for' })
export class ReportType {
  @Field(() => ReportPeriodType)
  period: ReportPeriodType;

  @Field(() => ID)
  pipelineId: string;

  @Field(() => ReportCurrencyModeEnum, { description: 'The mode the money widgets are in: BASE only when asked and a base currency is set' })
  currencyMode: ReportCurrencyMode;

  @Field(() => String, { nullable: true, description: 'The currency money is converted into, in BASE mode' })
  baseCurrency: string | null;

  /** What every widget reads: viewer, filter, bounds (not in the schema). */
  scope: ReportScope;
}

@InputType({ description: 'A widget or the leaderboard as the page shows it, to be written as an XLSX file' })
export class ReportTableInput {
  @Field({ description: 'The sheet name (the widget title)' })
  @Length(1, 120)
  title: string;

  @Field(() => [String])
  @IsArray()
  @ArrayMaxSize(40)
  @IsString({ each: true })
  header: string[];

  @Field(() => GraphQLJSON, { description: 'Rows of cells: text, numbers or null' })
  @IsArray()
  @ArrayMaxSize(5000)
  rows: unknown[];
}
