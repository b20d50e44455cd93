import { ClientType } from '@crm/shared';
import { ArrayMaxSize, IsEmail, IsEnum, IsFQDN, IsOptional, IsUrl, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IdListField } from '../../graphql/fields';
import { ClientTypeEnum } from '../../graphql/enums';
import { CardClient, CardType, SortDirection, UserRef } from '../cards/card.types';

@ObjectType('Contact')
export class ContactType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => [String])
  emails: string[];

  @Field(() => [String])
  phones: string[];

  @Field()
  isPrimary: boolean;
}

/** A client as lists show it: what cards show of their client, and its own data. */
@ObjectType('Client')
export class ClientRow extends CardClient {
  @Field(() => String, { nullable: true })
  address: string | null;

  @Field(() => String, { nullable: true })
  taxId: string | null;

  @Field(() => String, { nullable: true })
  website: string | null;

  @Field(() => String, { nullable: true })
  domain: string | null;

  @Field(() => UserRef, { nullable: true })
  owner: UserRef | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType('ClientCard', { description: 'A card of the client, with its pipeline and status names' })
export class ClientCard extends CardType {
  @Field()
  pipelineName: string;

  @Field()
  statusName: string;

  @Field()
  statusColor: string;
}

@ObjectType('ClientDetail')
export class ClientDetail extends ClientRow {
  @Field(() => [ContactType])
  contacts: ContactType[];

  @Field(() => [ClientCard], { description: 'Its cards in every pipeline the viewer may see' })
  cards: ClientCard[];
}

@ObjectType('ClientList')
export class ClientList {
  @Field(() => [ClientRow])
  items: ClientRow[];

  @Field(() => Int)
  total: number;
}

export enum ClientSortField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(ClientSortField, { name: 'ClientSortField' });

@InputType()
export class ClientSortInput {
  @Field(() => ClientSortField)
  @IsEnum(ClientSortField)
  field: ClientSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  @IsEnum(SortDirection)
  direction: SortDirection;
}

@InputType()
export class ClientFilterInput {
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(200)
  text?: string;

  @IdListField()
  ownerIds?: string[];

  @IdListField()
  categoryIds?: string[];

  @IdListField()
  classificationIds?: string[];

  @IdListField()
  tagIds?: string[];

  @IdListField()
  departmentIds?: string[];

  @Field(() => ClientTypeEnum, { nullable: true })
  @IsOptional()
  @IsEnum(ClientType)
  type?: ClientType;
}

@InputType()
export class UpdateClientInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'Enter a name of at most 200 characters.' })
  name?: string;

  @Field(() => ClientTypeEnum, { nullable: true })
  @IsOptional()
  @IsEnum(ClientType)
  type?: ClientType;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsEmail({}, { each: true, message: 'Enter valid email addresses.' })
  @ArrayMaxSize(10)
  emails?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @Length(3, 40, { each: true, message: 'Enter phone numbers of 3 to 40 characters.' })
  @ArrayMaxSize(10)
  phones?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  address?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z0-9 .\-/]{4,40}$/i, { message: 'Enter a tax id of 4 to 40 letters, digits, spaces or - . /' })
  taxId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: false }, { message: 'Enter a web address such as www.example.hu.' })
  website?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsFQDN({}, { message: 'Enter a domain such as example.hu.' })
  domain?: string | null;

  @Field(() => ID, { nullable: true, description: 'The client owner (null removes)' })
  @IsOptional()
  @IsUUID()
  ownerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'null removes the classification' })
  @IsOptional()
  @IsUUID()
  classificationId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  departmentId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The categories, all of them (replaces)' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(200)
  categoryIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'The tags, all of them (replaces)' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(200)
  tagIds?: string[];
}

@ObjectType('ClientUpdate')
export class ClientUpdateResult {
  @Field(() => ClientDetail)
  client: ClientDetail;

  @Field(() => [ClientRow], { description: 'Other clients with the same email, tax id or domain (a warning; nothing was refused)' })
  possibleDuplicates: ClientRow[];
}
