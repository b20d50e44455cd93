import { ClientType } from '@crm/shared';
import { ArrayMaxSize, IsEnum, IsOptional, IsUUID, MaxLength } from 'class-validator';
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
