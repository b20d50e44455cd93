import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { UserRef } from '../cards/card.types';

export enum HistoryKind {
  TODO_DONE = 'TODO_DONE',
  STATUS = 'STATUS',
  OWNER = 'OWNER',
  FIELD = 'FIELD',
  NOTE = 'NOTE',
  EMAIL = 'EMAIL',
  DOCUMENT = 'DOCUMENT',
  MERGE = 'MERGE',
  OTHER = 'OTHER',
}
registerEnumType(HistoryKind, { name: 'HistoryKind' });

@ObjectType('HistoryEntry', { description: 'One change on a card or its client, from the audit trail' })
export class HistoryEntry {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  @Field(() => UserRef, { nullable: true })
  actor: UserRef | null;

  @Field(() => HistoryKind)
  kind: HistoryKind;

  @Field({ description: 'create, update, delete, move, todo_done, ...' })
  action: string;

  @Field({ description: 'card, client, todo, note, contact, deal, document, ...' })
  entity: string;

  @Field(() => ID)
  entityId: string;

  @Field(() => GraphQLJSONObject, { description: '{ field: [old, new] }' })
  changes: Record<string, [unknown, unknown]>;

  @Field(() => GraphQLJSONObject, { description: '{ field: [old name, new name] } for the ids in changes, as named at the time (older entries: {})' })
  names: Record<string, [unknown, unknown]>;
}
