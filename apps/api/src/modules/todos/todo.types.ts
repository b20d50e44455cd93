import { IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserRef } from '../cards/card.types';

@ObjectType('Todo')
export class TodoType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  cardId: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  text: string | null;

  @Field(() => UserRef, { nullable: true })
  assignee: UserRef | null;

  @Field()
  deadline: Date;

  @Field(() => Date, { nullable: true })
  doneAt: Date | null;

  @Field()
  createdAt: Date;
}

@InputType()
export class TodoInput {
  @Field()
  @Length(1, 300, { message: 'Enter a title of at most 300 characters.' })
  title: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(5000)
  text?: string;

  @Field(() => ID, { nullable: true, description: 'Defaults to the card owner, else you' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @Field({ description: 'Date and time' })
  deadline: Date;
}
