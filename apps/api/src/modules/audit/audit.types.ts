import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class AuditFilterInput {
  @Field({ nullable: true, description: 'card, client, todo, note, contact, deal, document, ...' })
  @IsOptional()
  @MaxLength(32)
  entity?: string;

  @Field({ nullable: true, description: 'create, update, delete, move, merge, restore, ...' })
  @IsOptional()
  @MaxLength(32)
  action?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  clientId?: string;

  @Field({ nullable: true })
  @IsOptional()
  from?: Date;

  @Field({ nullable: true, description: 'Exclusive' })
  @IsOptional()
  to?: Date;
}
