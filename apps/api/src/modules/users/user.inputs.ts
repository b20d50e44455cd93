import { LOCALES, Role } from '@crm/shared';
import { IsEmail, IsEnum, IsIn, IsOptional, Length, MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { RoleEnum } from '../../graphql/enums';

const LOCALE_MESSAGE = `Choose one of: ${LOCALES.join(', ')}.`;

export class PasswordRule {
  static readonly min = 8;
  static readonly message = `Use at least ${PasswordRule.min} characters.`;
}

@InputType()
export class CreateUserInput {
  @Field()
  @IsEmail({}, { message: 'Enter a valid email address.' })
  @MaxLength(254)
  email: string;

  @Field()
  @Length(1, 120, { message: 'Enter a name of at most 120 characters.' })
  name: string;

  @Field(() => RoleEnum)
  @IsEnum(Role)
  role: Role;

  @Field()
  @MinLength(PasswordRule.min, { message: PasswordRule.message })
  @MaxLength(200)
  password: string;

  @Field({ defaultValue: 'en' })
  @IsIn(LOCALES as unknown as string[], { message: LOCALE_MESSAGE })
  locale: string;
}

@InputType()
export class UpdateUserInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'Enter a valid email address.' })
  @MaxLength(254)
  email?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 120, { message: 'Enter a name of at most 120 characters.' })
  name?: string;

  @Field(() => RoleEnum, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field({ nullable: true })
  @IsOptional()
  @IsIn(LOCALES as unknown as string[], { message: LOCALE_MESSAGE })
  locale?: string;
}

@InputType()
export class UpdateProfileInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 120, { message: 'Enter a name of at most 120 characters.' })
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsIn(LOCALES as unknown as string[], { message: LOCALE_MESSAGE })
  locale?: string;

  @Field({ nullable: true, description: 'HTML from the signature editor; only bold, italic, links and line breaks are kept' })
  @IsOptional()
  @MaxLength(20000)
  signature?: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @Length(1, 200, { message: 'Enter your current password.' })
  currentPassword: string;

  @Field()
  @MinLength(PasswordRule.min, { message: PasswordRule.message })
  @MaxLength(200)
  newPassword: string;
}
