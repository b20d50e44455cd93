import { IsIn, IsOptional, Length } from 'class-validator';
import { ArgsType, Field, ObjectType, registerEnumType } from 'type-graphql';

export enum CompanyLookupCodeEnum {
  FOUND = 'FOUND',
  NOT_CONFIGURED = 'NOT_CONFIGURED',
  NOT_FOUND = 'NOT_FOUND',
  INVALID_TAX_ID = 'INVALID_TAX_ID',
  PROVIDER_UNAVAILABLE = 'PROVIDER_UNAVAILABLE',
}
registerEnumType(CompanyLookupCodeEnum, { name: 'CompanyLookupCode', description: 'What the registries said about a tax number' });

export enum VatStatusEnum {
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
}
registerEnumType(VatStatusEnum, { name: 'VatStatus', description: 'Registered for EU VAT (VIES) or not' });

@ObjectType('CompanyLookup', { description: 'A company from the registries by its tax number, or why there is none' })
export class CompanyLookupType {
  @Field(() => CompanyLookupCodeEnum)
  code: CompanyLookupCodeEnum;

  @Field(() => String, { nullable: true, description: 'With INVALID_TAX_ID: TAX_ID_FORMAT, TAX_ID_CHECKSUM, TAX_ID_COUNTRY or TAX_ID_AMBIGUOUS' })
  taxIdError?: string | null;

  @Field(() => String, { nullable: true })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'The tax number in its usual form' })
  taxId?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => VatStatusEnum, { nullable: true })
  vatStatus?: VatStatusEnum | null;

  @Field(() => String, { nullable: true, description: 'Polish REGON, when GUS answered' })
  regon?: string | null;

  @Field(() => [String], { description: 'The registries that found it' })
  sources: string[];
}

@ArgsType()
export class LookupCompanyArgs {
  @Field()
  @Length(1, 40, { message: 'Enter a tax number.' })
  taxId: string;

  @Field(() => String, { nullable: true, description: 'HU, PL, SK or CZ: for ten digits, which are Polish or Slovak' })
  @IsOptional()
  @IsIn(['HU', 'PL', 'SK', 'CZ'], { message: 'Choose HU, PL, SK or CZ.' })
  country?: string | null;
}
