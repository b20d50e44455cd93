import { IsIn, IsISO8601, IsNumber, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { CURRENCIES } from '../cards/card.types';

export enum DealState {
  OPEN = 'OPEN',
  PAID = 'PAID',
  LOST = 'LOST',
}
registerEnumType(DealState, { name: 'DealState' });

@ObjectType('Deal')
export class DealType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  clientId: string;

  @Field(() => ID, { nullable: true })
  cardId: string | null;

  @Field()
  title: string;

  @Field(() => Float)
  amount: number;

  @Field()
  currency: string;

  @Field({ description: 'YYYY-MM-DD' })
  date: string;

  @Field(() => DealState)
  state: DealState;

  @Field()
  createdAt: Date;
}

@InputType()
export class DealInput {
  @Field()
  @Length(1, 200, { message: 'Enter a title of at most 200 characters.' })
  title: string;

  @Field(() => Float)
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'Enter the amount with at most two decimals.' })
  @Min(0, { message: 'Enter an amount of zero or more.' })
  @Max(999_999_999_999.99)
  amount: number;

  @Field()
  @IsIn(CURRENCIES, { message: 'Use an ISO 4217 currency code such as HUF, EUR or PLN.' })
  currency: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'Enter a date as YYYY-MM-DD.' })
  date: string;

  @Field(() => DealState, { defaultValue: DealState.OPEN })
  @IsIn(Object.values(DealState))
  state: DealState;

  @Field(() => ID, { nullable: true, description: 'The card it belongs to, if any' })
  @IsOptional()
  @IsUUID()
  cardId?: string;
}
