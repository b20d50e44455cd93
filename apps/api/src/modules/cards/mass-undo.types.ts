import { Field, ID, Int, ObjectType } from 'type-graphql';
import { UserRef } from './card.types';

@ObjectType('MassUpdate', { description: 'A mass action on cards, undoable for a while' })
export class MassUpdateType {
  @Field(() => ID)
  id: string;

  @Field(() => UserRef, { nullable: true })
  actor: UserRef | null;

  @Field(() => ID)
  pipelineId: string;

  @Field()
  pipelineName: string;

  @Field(() => [String], { description: 'What was changed: statusId, ownerId, clearOwner, addTagId, addCategoryId, classificationId, departmentId' })
  fields: string[];

  @Field(() => Int)
  matched: number;

  @Field(() => Int)
  changed: number;

  @Field()
  createdAt: Date;

  @Field()
  undoUntil: Date;

  @Field(() => Date, { nullable: true })
  undoneAt: Date | null;

  @Field()
  canUndo: boolean;
}

@ObjectType('MassUndoResult')
export class MassUndoResult {
  @Field(() => Int, { description: 'Cards given back a value (those changed since keep the later change)' })
  restored: number;
}
