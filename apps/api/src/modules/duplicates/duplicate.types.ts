import { ArrayMaxSize, ArrayMinSize, IsEmail, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ClientRow } from '../clients/client.types';

export enum DuplicateReason {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  TAX_ID = 'TAX_ID',
  DOMAIN = 'DOMAIN',
}
registerEnumType(DuplicateReason, { name: 'DuplicateReason' });

@ObjectType('DuplicateMatch', { description: 'One value some clients of a group share' })
export class DuplicateMatch {
  @Field(() => DuplicateReason)
  reason: DuplicateReason;

  @Field({ description: 'The shared value, normalised' })
  value: string;
}

@ObjectType('DuplicateGroup', { description: 'Clients linked by shared emails, phones, tax ids or domains; each client is in one group' })
export class DuplicateGroup {
  @Field(() => DuplicateReason, { description: 'The first of `matches`' })
  reason: DuplicateReason;

  @Field({ description: 'The first of `matches`: the shared value, normalised' })
  value: string;

  @Field(() => [DuplicateMatch], { description: 'Every value shared within the group' })
  matches: DuplicateMatch[];

  @Field(() => [ClientRow])
  clients: ClientRow[];
}

@InputType()
export class MergeClientsInput {
  @Field(() => ID, { description: 'The client that remains' })
  @IsUUID()
  primaryId: string;

  @Field(() => [ID], { description: 'The clients merged into it (they go to the trash)' })
  @IsUUID('all', { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  otherIds: string[];
}

@InputType()
export class DuplicateProbeInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsEmail()
  email?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(40)
  taxId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(255)
  domain?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(40)
  phone?: string;
}
