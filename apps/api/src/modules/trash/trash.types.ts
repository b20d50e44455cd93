import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { UserRef } from '../cards/card.types';

/** What can be in the trash; each maps to its table. */
export enum TrashKind {
  CLIENT = 'CLIENT',
  CARD = 'CARD',
  CONTACT = 'CONTACT',
  TODO = 'TODO',
  NOTE = 'NOTE',
  DEAL = 'DEAL',
  DOCUMENT = 'DOCUMENT',
}
registerEnumType(TrashKind, { name: 'TrashKind' });

@ObjectType('TrashItem')
export class TrashItem {
  @Field(() => TrashKind)
  kind: TrashKind;

  @Field(() => ID)
  id: string;

  @Field({ description: 'What it was called' })
  name: string;

  @Field(() => String, { nullable: true, description: 'The client it belonged to' })
  clientName: string | null;

  @Field()
  deletedAt: Date;

  @Field(() => UserRef, { nullable: true })
  deletedBy: UserRef | null;
}
