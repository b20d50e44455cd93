import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType('ExchangeRate', { description: 'One unit of `currency` is worth `rate` units of the base currency from `validFrom` until its next rate' })
export class ExchangeRateType {
  @Field(() => ID)
  id: string;

  @Field({ description: 'ISO 4217' })
  currency: string;

  @Field({ description: 'The base currency the rate converts to' })
  baseCurrency: string;

  @Field({ description: 'First day it applies (YYYY-MM-DD, in the organisation’s time zone)' })
  validFrom: string;

  @Field({ description: 'Units of the base currency per unit of `currency`: an exact decimal ("4.0123"), never rounded' })
  rate: string;

  @Field()
  updatedAt: Date;
}

/** Validated by the service, so each problem is a field code (CURRENCY_UNKNOWN, RATE_NOT_POSITIVE, …). */
@InputType()
export class ExchangeRateInput {
  @Field({ description: 'ISO 4217 code, e.g. HUF' })
  currency: string;

  @Field({ description: 'YYYY-MM-DD' })
  validFrom: string;

  @Field({ description: 'A decimal with a dot ("4.0123"), greater than 0, at most 12 digits before and 10 after the dot' })
  rate: string;
}
