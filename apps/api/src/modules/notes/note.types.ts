import { Length } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserRef } from '../cards/card.types';

@ObjectType('Note')
export class NoteType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  cardId: string;

  @Field()
  body: string;

  @Field(() => UserRef, { nullable: true })
  author: UserRef | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@InputType()
export class NoteInput {
  @Field()
  @Length(1, 5000, { message: 'Write a note of at most 5,000 characters.' })
  body: string;
}
