import { Field, InputType, ObjectType } from 'type-graphql';

@ObjectType('Organisation', { description: "The organisation's settings (every signed-in user reads them; admins change them)" })
export class OrganisationType {
  @Field({ description: 'IANA time zone: mail dates, deadlines, todo entry, report periods and automation timing' })
  timeZone: string;

  @Field({ description: 'Names and labels sort in this language (hu, pl, sk, en)' })
  language: string;

  @Field({ description: 'Phones written without a country code are this country’s (HU, PL, SK, CZ)' })
  defaultCountry: string;

  @Field({ description: 'The server’s fallback zone (ORG_TIME_ZONE), used until one is saved' })
  defaultTimeZone: string;

  @Field(() => String, { nullable: true, description: 'ISO 4217: reports may convert money into it with the exchange rates Admins enter; null: per currency only' })
  baseCurrency: string | null;

  @Field(() => [String], { description: 'Countries whose tax numbers a configured registry looks up (empty: company look-up is off)' })
  companyLookupCountries: string[];
}

@InputType()
export class OrganisationSettingsInput {
  @Field()
  timeZone: string;

  @Field()
  language: string;

  @Field()
  defaultCountry: string;
}
